"""`orderloop demo`: the whole procedure on the embedded defaults, by email:
intake, confirmation, approval, step 4 (production, picking, payment, the
delivery window, shipping), step 5 (tracking, the reminder the day before
arrival, the signed 签收单) and step 6 (an after-sales case solved, the
surveys, the balances paid, every order closed and archived).

A fresh folder gets the sample master data and five sample emails in its
Maildir; one poll reads them; the customers' answers and confirmations are
then simulated as real reply emails in the same threads, and polled too.
The clock is set to the procedure's own example date (2023-10-01) unless
ORDERLOOP_NOW says otherwise, so the sample delivery dates are in the future;
for step 5 the demo moves it on to the delivery days. The carriers are asked
through a Kuaidi100-compatible sandbox on this machine (tracking/sandbox.py).
"""
from __future__ import annotations

import asyncio
import os
from datetime import datetime, timedelta
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
    _deliver(settings)
    _after_sales(settings)
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
                answers = [(sender, answered, body, order.order_no)]
            else:
                answers = _fulfilment_answers(order)
            for sender, answered, body, _ in answers:
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


def _answer_to(order, purpose: str, body: str, *, role_of: str | None = None, master=None):
    """(sender, the mail answered, the reply, order number): the last mail of that purpose
    the order sent (to someone of `role_of`, if given), its recipient as the one who answers."""
    sent = [(key, to) for key, to in order.mail_sent.items() if f".{purpose}." in key
            and (role_of is None or any(m.email.casefold() == to for m in master.staff_with_role(role_of)))]
    if not sent:
        return None
    key, to = sent[-1]
    return to, f"<{key}>", body, order.order_no


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


def _deliver(settings: Settings) -> None:
    """Step 5 on a moving clock: the carrier's events, the reminder the day before
    arrival with the 签收单, the carrier's 签收, and each customer's signed form
    (a photo of the form the reminder carried, signed; one notes a damaged box)."""
    from flows.components import open_mailbox, open_repository
    from flows.deadlines import deadlines_flow
    from flows.tracking import tracking_flow
    from orders.status import Status
    from tracking.sandbox import FakeKuaidi100

    shipped = open_repository(settings).list_orders(Status.SHIPPED)
    if not shipped:
        return
    saved = {name: os.environ.get(name) for name in _TRACKING_ENV}
    with FakeKuaidi100() as sandbox:
        os.environ.update(ORDERLOOP_TRACKING_URL=sandbox.url, ORDERLOOP_TRACKING_CUSTOMER=sandbox.customer,
                          ORDERLOOP_TRACKING_KEY=sandbox.key)
        try:
            for order in shipped:
                sandbox.answers[order.shipment.tracking_no] = _carrier(order, signed=False)
            typer.echo("   the carriers are asked (a Kuaidi100-compatible sandbox on this machine): in transit")
            _at(f"{min(o.actual_ship_date for o in shipped) + timedelta(days=1)}T12:00:00+08:00")
            typer.echo(f"   {tracking_flow()}")
            for arrival in sorted({_arrival(o) for o in shipped}):
                _at(f"{arrival - timedelta(days=1)}T09:00:00+08:00")
                typer.echo(f"   {arrival - timedelta(days=1)}: the day before arrival, the customer is reminded, "
                           f"with the 签收单: {deadlines_flow()}")
                for order in shipped:
                    if _arrival(order) == arrival:
                        sandbox.answers[order.shipment.tracking_no] = _carrier(order, signed=True)
                _at(f"{arrival}T18:00:00+08:00")
                typer.echo(f"   {arrival}: the carrier reports 签收, the customer is asked for the signed form: "
                           f"{tracking_flow()}")
        finally:
            for name, value in saved.items():  # the demo's own service: gone with it
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value
    typer.echo("   the customers reply with a photo of the signed 签收单")
    repository = open_repository(settings)
    with open_mailbox(settings) as mailbox:
        for number, order in enumerate(sorted(shipped, key=lambda o: o.order_no)):
            remark = "第2箱外包装轻微破损,货物完好。" if number == 0 else ""
            reply = _signed_form_reply(repository.get_order(order.order_no), settings, remark)
            if reply is not None:
                mailbox.append(reply)
    _poll()


def _after_sales(settings: Settings) -> None:
    """Step 6: customer service solves the damaged box's case and the customer is satisfied;
    3 days after delivery the surveys go out and are answered; the bank file pays the
    balances; each order closes (已闭环) and its archive is completed."""
    from flows.components import open_repository
    from flows.deadlines import deadlines_flow
    from flows.payments import import_payments
    from orders.payments import balance_due
    from orders.status import Status

    repository = open_repository(settings)
    troubled = [o for o in repository.list_orders(Status.AFTER_SALES) if o.cases]
    if troubled:
        typer.echo("   after-sales: customer service answers the case; the customer is satisfied")
        _answer(settings, [_answer_to(o, "case_opened", "处理方案:补发一个新外箱并上门更换,明天上午送到。",
                                      role_of="customer_service", master=repository.master()) for o in troubled])
        _answer(settings, [_answer_to(repository.get_order(o.order_no), "case_solution", "已更换,满意,谢谢!")
                           for o in troubled])
    delivered = repository.list_orders(Status.DELIVERED)
    if not delivered:
        return
    last = max(o.actual_delivery_date for o in delivered)
    _at(f"{last + timedelta(days=3)}T10:00:00+08:00")
    typer.echo(f"   {last + timedelta(days=3)}: 3 days after delivery, the satisfaction surveys: {deadlines_flow()}")
    _answer(settings, [_answer_to(o, "survey", "质量 是,交付 是,评分 5。意见:包装很好,送货准时。")
                       for o in repository.list_orders(Status.DELIVERED)])
    owed = [(o.order_no, balance_due(o)) for o in repository.list_orders(Status.DELIVERED) if balance_due(o) > 0]
    if owed:
        bank = settings.home / "bank-statement.csv"
        bank.write_text("date,order_no,amount,reference\n" + "".join(
            f"{last + timedelta(days=4)},{no},{amount},BANK-{no}\n" for no, amount in owed), encoding="utf-8")
        _at(f"{last + timedelta(days=4)}T15:00:00+08:00")
        count = import_payments(repository, bank, settings, settings.current_time())
        typer.echo(f"   the bank statement pays the balances ({count} payment(s), {bank.name}): the orders close")
        _poll()


def _answer(settings: Settings, answers) -> None:
    """Each (sender, the mail answered, the reply) into the inbox, then one poll."""
    from flows.components import open_mailbox, open_repository

    repository = open_repository(settings)
    with open_mailbox(settings) as mailbox:
        for answer in answers:
            if answer is not None:
                sender, answered, body, order_no = answer
                mailbox.append(_reply(repository.get_order(order_no), body, settings, sender=sender,
                                      in_reply_to=answered))
    _poll()


_TRACKING_ENV = ("ORDERLOOP_TRACKING_URL", "ORDERLOOP_TRACKING_CUSTOMER", "ORDERLOOP_TRACKING_KEY")


def _at(moment: str) -> None:
    os.environ["ORDERLOOP_NOW"] = moment


def _arrival(order):
    return order.shipment.window_start or order.actual_ship_date + timedelta(days=2)


def _carrier(order, *, signed: bool):
    """What the carrier's tracking says of the shipment: picked up, on its way, and at last signed for."""
    from tracking.sandbox import Answer, tracking_answer

    arrival = _arrival(order)
    address = order.customer.address or ""
    left, city = order.actual_ship_date, address[:3] if address[:1] >= "\u4e00" else "上海市"
    events = [(f"{left} 17:30:00", "【上海市】顺丰速运 已收取快件", "上海,上海市", "1"),
              (f"{left} 21:05:00", "快件已发车,下一站【目的地转运中心】", "上海,上海市", "0"),
              (f"{left + timedelta(days=1)} 06:40:00", f"快件到达【{city}转运中心】", city, "0")]
    if signed:
        events += [(f"{arrival} 09:12:00", "快件交给王师傅,正在派送途中", city, "5"),
                   (f"{arrival} 14:20:00", f"快件已签收,签收人:{order.customer.contact or '前台'}", city, "3")]
    return Answer(tracking_answer(order.shipment.tracking_no, "3" if signed else "0", events,
                                  arrivalTime=f"{arrival} 18"))


def _signed_form_reply(order, settings: Settings, remark: str) -> bytes | None:
    """The customer's answer to the reminder: the 签收单 it carried, printed, signed and photographed."""
    sent = [key for key in order.mail_sent if ".arrival_reminder." in key]
    mail = _outbox_mail(settings, sent[-1]) if sent else None
    pdf = next((p.get_content() for p in mail.iter_attachments() if p.get_content_type() == "application/pdf"),
               None) if mail is not None else None
    if pdf is None:
        return None
    reply = EmailMessage()
    reply["From"], reply["To"] = order.reply_to, settings.address
    reply["Subject"] = "Re: " + str(mail["Subject"])
    reply["Date"] = format_datetime(settings.current_time())
    reply["Message-ID"] = make_msgid(domain=order.reply_to.rpartition("@")[2])
    reply["In-Reply-To"] = reply["References"] = mail["Message-ID"]
    reply.set_content(f"货已收到,已签收,签收单见附件。{remark}\n")
    reply.add_attachment(_signed_photo(pdf, order.customer.contact or "收货人"), maintype="image", subtype="jpeg",
                         filename=f"签收单-{order.order_no}.jpg")
    return reply.as_bytes()


def _outbox_mail(settings: Settings, key: str):
    """The mail in the outbox whose Message-ID has that key (orders.text.message_id_key)."""
    import email
    import email.policy

    from orders.text import message_id_key

    for path in sorted((settings.outbox_dir / "new").glob("*")):
        message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        if message_id_key(str(message["Message-ID"])) == key:
            return message
    return None


def _signed_photo(pdf: bytes, name: str) -> bytes:
    """The form's first page at 110 dpi (about 900×1290 px), signed in ink, as a JPEG."""
    import io

    import pypdfium2 as pdfium
    from PIL import ImageDraw

    document = pdfium.PdfDocument(pdf)
    try:
        image = document[0].render(scale=110 / 72).to_pil().convert("RGB")
    finally:
        document.close()
    draw = ImageDraw.Draw(image)
    width, height = image.size
    x, y = int(width * 0.62), int(height * 0.80)
    draw.line([(x, y), (x + 40, y - 25), (x + 70, y + 10), (x + 110, y - 30), (x + 160, y + 5)], fill=(20, 40, 140),
              width=4)
    draw.ellipse([x + 180, y - 60, x + 290, y + 50], outline=(200, 30, 30), width=5)  # the company's stamp
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


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
        shipment, delivery = order.shipment, order.delivery
        if shipment is not None and shipment.events:
            typer.echo(f"      carrier {shipment.carrier} {shipment.tracking_no}: "
                       + " → ".join(f"{e.at:%m-%d %H:%M} {e.text}" for e in shipment.events))
        if delivery is not None and delivery.form is not None:
            typer.echo(f"      signed 签收单: {(folder / delivery.form.file).resolve()} "
                       f"({delivery.form.width}×{delivery.form.height} px, sha256 {delivery.form.sha256[:16]}…)"
                       + "".join(f"; remark: {r.text}" for r in delivery.remarks))
        for case in order.cases:
            typer.echo(f"      after-sales case {case.case_no} ({case.state}): {case.problem[:60]}"
                       + "".join(f" → solution: {x.text[:40]}" for x in case.solutions)
                       + "".join(f" → customer: {a.text[:20]}" for a in case.answers))
        if order.survey is not None and order.survey.answered_at is not None:
            typer.echo(f"      survey: score {order.survey.score}, {order.survey.words or ''}"[:160])
        if (folder / "closure.json").exists():
            typer.echo(f"      closed and archived: {(folder / 'closure.json').resolve()}")
    outbox = sorted((settings.outbox_dir / "new").glob("*"))
    typer.echo(f"\nfiles:\n  order store:     {settings.store_dir}\n"
               f"  emails sent:     {settings.outbox_dir} ({len(outbox)} messages)\n"
               f"  mail read:       {settings.inbox_dir} (folders .Processed, .Ignored, .Quarantine)\n"
               f"  PDFs:            {settings.archive_dir}/YYYY/MM/<order_no>/ (with the emails, order.json, manifest.json)\n"
               f"look closer: ORDERLOOP_HOME={settings.home} orderloop orders show <ORDER_NO>")
