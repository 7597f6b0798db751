"""`orderloop demo`: the lifecycle so far on the embedded defaults: intake,
confirmation, approval, and step 4 (production, picking, payment, the
delivery window, shipping) by email.

A fresh folder gets the sample master data and five sample emails in its
Maildir; one poll reads them; the customers' answers and confirmations are
then simulated as real reply emails in the same threads, and polled too.
The clock is set to the procedure's own example date (2023-10-01) unless
ORDERLOOP_NOW says otherwise, so the sample delivery dates are in the future.
"""
from __future__ import annotations

import asyncio
import os
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path

import typer

from flows.settings import Settings

SAMPLE = Path(__file__).parent / "sample"
DEMO_NOW = "2023-10-01T10:00:00+08:00"
DEMO_COMPANY = {"COMPANY": "示例机械制造有限公司", "COMPANY_ADDRESS": "上海市闵行区示例路88号",
                "COMPANY_PHONE": "021-5555 0000"}
# What the simulated customers answer when asked back, keyed by customer code.
ANSWERS = {"CUST003": "要求交付日期:2023-10-20\n规格型号:定制 300×200×5mm,304不锈钢\n"}


def run_demo(home: Path | None) -> None:
    home = home or Path(f"demo-{datetime.now():%Y%m%d-%H%M%S}")
    if home.exists() and any(home.iterdir()):
        raise FileExistsError(f"{home} is not empty; the demo needs a fresh folder")
    os.environ["ORDERLOOP_HOME"] = str(home.resolve())
    os.environ.setdefault("ORDERLOOP_NOW", DEMO_NOW)
    for name, value in DEMO_COMPANY.items():  # the letterhead of the demo's PDFs
        os.environ.setdefault(f"ORDERLOOP_{name}", value)
    settings = Settings()
    _load_samples(settings)
    typer.echo(f"demo folder: {home.resolve()}\n1. poll: reading {len(list((SAMPLE / 'emails').glob('*.eml')))} sample emails")
    _poll()
    typer.echo("2. the customers answer the questions they were asked")
    _customers_reply(settings, answer_questions=True)
    _poll()
    typer.echo("3. the customers confirm their requirements lists; the approval requests go out")
    _customers_reply(settings, answer_questions=False)
    _poll()
    for step in range(4, 16):
        replies = _staff_reply(settings)
        if not replies:
            break
        typer.echo(f"{step}. staff answer by email: {', '.join(replies)}")
        _poll()
    typer.echo("the order documents (PDF) of every order, into the archive")
    _render_documents(settings)
    _summarise(settings)


def _load_samples(settings: Settings) -> None:
    from flows.components import open_mailbox, open_repository
    from flows.masterdata import import_master

    repository = open_repository(settings)
    for kind in ("customers", "products", "staff"):
        import_master(repository, kind, SAMPLE / f"{kind}.csv")
    with open_mailbox(settings) as mailbox:
        for eml in sorted((SAMPLE / "emails").glob("*.eml")):
            mailbox.append(eml.read_bytes())


def _poll() -> dict:
    from flows.intake import intake_flow

    counts = asyncio.run(intake_flow())
    typer.echo(f"   {counts}")
    return counts


def _customers_reply(settings: Settings, answer_questions: bool) -> None:
    from flows.components import open_mailbox, open_repository
    from orders.status import Status

    wanted = Status.CLARIFYING if answer_questions else Status.CONFIRMING
    with open_mailbox(settings) as mailbox:
        for order in open_repository(settings).list_orders(wanted):
            body = ANSWERS.get(order.customer.code or "") if answer_questions else "确认无误,请安排。\n"
            if body:
                mailbox.append(_reply(order, body, settings))


# What each approver, or the rep of an order on credit hold, writes back.
STAFF_ANSWERS = {"manager_review": "同意", "finance_review": "同意,信用额度内。", "credit_hold": "已与客户协商,改为款到发货。",
                 "feasibility": "可行,按客户规格可以生产。"}


def _staff_reply(settings: Settings) -> list[str]:
    """Whoever an order waits on answers the mail that asked them, in its
    thread: approvers and tech their requests, a rep a credit hold with new
    terms; then production (已完工), the warehouse (已备货, line by line),
    the customer (确认 the delivery window), finance (已收款) and logistics
    (承运商/运单号/件数). Returns who did what."""
    from flows.components import open_mailbox, open_repository
    from orders.review import sales_rep

    repository = open_repository(settings)
    done = []
    with open_mailbox(settings) as mailbox:
        for order in repository.list_orders():
            if order.status.value in STAFF_ANSWERS:
                body = STAFF_ANSWERS[order.status.value]
                if order.status.value == "credit_hold":
                    sender, answered = sales_rep(order, repository.master()), order.thread[-1]
                else:
                    request = order.approval_requests[-1]
                    sender, answered = request.approver, request.message_id
                answers = [(sender, answered, body)]
            else:
                answers = _fulfilment_answers(order)
            for sender, answered, body in answers:
                mailbox.append(_reply(order, body, settings, sender=sender, in_reply_to=answered))
                done.append(f"{sender} on {order.order_no} ({order.status.label}: {body.splitlines()[0]})")
    return done


def _fulfilment_answers(order) -> list[tuple[str, str, str]]:
    """(sender, the mail answered, the reply) for an order in procedure step 4, as its people would write them."""
    from orders.payments import prepayment_outstanding

    fulfilment, shipment, answers = order.fulfilment, order.shipment, []
    if order.status.value == "in_production":
        answers.append(_answer_to(order, "production_request", "已完工,可以安排出库。"))
    elif order.status.value == "picking" and fulfilment is not None:
        if fulfilment.picked_at is None:
            counted = "\n".join(f"{line.sku} {line.quantity}" for line in order.lines if line.sku and line.quantity)
            answers.append(_answer_to(order, "pick_request", f"已备货\n{counted}"))
        if fulfilment.picked_at and shipment is not None and shipment.window_state == "proposed":
            answers.append(_answer_to(order, "window_proposal", "确认,按这个时间送货。"))
        owed = prepayment_outstanding(order)
        if owed and fulfilment.prepayment_asked_at is not None:
            answers.append(_answer_to(order, "prepayment_request", f"已收款 {owed:,.2f}"))
        if fulfilment.ship_asked_at is not None:
            number = "SF" + "".join(ch for ch in order.order_no if ch.isdigit())[:10] + "001"
            answers.append(_answer_to(order, "ship_request", f"承运商:顺丰速运 运单号:{number} 件数:{len(order.lines)}"))
    return [answer for answer in answers if answer is not None]


def _answer_to(order, purpose: str, body: str) -> tuple[str, str, str] | None:
    """The last mail of that purpose the order sent, and its recipient as the one who answers."""
    sent = [(key, to) for key, to in order.mail_sent.items() if f".{purpose}." in key]
    if not sent:
        return None
    key, to = sent[-1]
    return to, f"<{key}>", body


def _reply(order, body: str, settings: Settings, *, sender: str | None = None,
           in_reply_to: str | None = None) -> bytes:
    """A reply in the order's thread, as a mail client writes it."""
    sender = sender or order.reply_to
    message = EmailMessage()
    message["From"] = sender
    message["To"] = settings.address
    message["Subject"] = f"Re: [{order.order_no}] 回复"
    message["Date"] = format_datetime(settings.current_time())
    message["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2])
    message["In-Reply-To"] = in_reply_to or order.thread[-1]
    message["References"] = " ".join(order.thread)
    message.set_content(body)
    return message.as_bytes()


def _render_documents(settings: Settings) -> None:
    from flows.components import open_repository
    from flows.documents import Documents
    from templates.documents import KINDS

    repository, documents = open_repository(settings), Documents(settings)
    for order in repository.list_orders():
        for key in KINDS:
            documents.render(order, key, repository.master())


def _summarise(settings: Settings) -> None:
    from flows.components import open_repository
    from store.documents import DocumentArchive

    repository, archive = open_repository(settings), DocumentArchive(settings.archive_dir)
    typer.echo("\norders:")
    for order in sorted(repository.list_orders(), key=lambda o: o.order_no):
        typer.echo(f"  {order.order_no}  {order.status.label} ({order.status.value})  "
                   f"{order.customer.name}  payable {order.total_payable} CNY  version {order.version}")
        for event in repository.audit_trail(order.order_no):
            change = f"{event.from_status or '—'} → {event.to_status}" if event.kind == "transition" else f"[{event.kind}]"
            typer.echo(f"      {change}: {event.actor}: {event.reason}")
        folder = archive.folder(order.order_no)
        typer.echo(f"      PDFs in {folder.resolve()}: {', '.join(sorted(p.name for p in folder.glob('*.pdf')))}")
    outbox = sorted((settings.outbox_dir / "new").glob("*"))
    typer.echo(f"\nfiles:\n  order store:     {settings.store_dir}\n"
               f"  emails sent:     {settings.outbox_dir} ({len(outbox)} messages)\n"
               f"  mail read:       {settings.inbox_dir} (folders .Processed, .Ignored, .Quarantine)\n"
               f"  PDFs:            {settings.archive_dir}/YYYY/MM/<order_no>/ (with the emails, order.json, manifest.json)\n"
               f"look closer: ORDERLOOP_HOME={settings.home} orderloop orders show <ORDER_NO>")
