"""`orderloop demo`: the lifecycle so far on the embedded defaults: intake,
confirmation and approval by email.

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
    for step in range(4, 8):
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
STAFF_ANSWERS = {"manager_review": "同意", "finance_review": "同意,信用额度内。", "credit_hold": "已与客户协商,改为款到发货。"}


def _staff_reply(settings: Settings) -> list[str]:
    """The approvers reply to their approval requests in the thread; a rep
    answers a credit hold with new terms. Returns who did what."""
    from flows.components import open_mailbox, open_repository
    from orders.review import sales_rep

    repository = open_repository(settings)
    done = []
    with open_mailbox(settings) as mailbox:
        for order in repository.list_orders():
            body = STAFF_ANSWERS.get(order.status.value)
            if body is None:
                continue
            if order.status.value == "credit_hold":
                sender, answered = sales_rep(order, repository.master()), order.thread[-1]
            else:
                request = order.approval_requests[-1]
                sender, answered = request.approver, request.message_id
            mailbox.append(_reply(order, body, settings, sender=sender, in_reply_to=answered))
            done.append(f"{sender} on {order.order_no} ({order.status.label})")
    return done


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
