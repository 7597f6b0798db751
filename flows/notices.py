"""Turn the domain's notices into finished emails in the order's thread."""
from __future__ import annotations

from datetime import datetime
from urllib.parse import quote

from mail.compose import build_message, make_message_id
from orders.approval import Step
from orders.master import MasterData
from orders.model import SYSTEM, Order
from orders.notice import NOTICES, Notice
from orders.payments import balance_due, paid, prepayment_due
from orders.timers import LABELS
from orders.review import claims_of, customer_record
from orders.text import message_id_key
from orders.tokens import issue_token
from store.repository import OutgoingMail
from templates.render import render_mail

from flows.documents import Documents, products_of
from flows.drawings import customer_drawings
from flows.settings import Settings

ACTION_LABELS = {"cancel": ("取消", "cancel"), "change": ("变更", "change"), "confirm": ("确认", "confirm")}


def compose(notice: Notice, order: Order, settings: Settings, now: datetime, *,
            master: MasterData, secret: str, documents: Documents | None = None) -> OutgoingMail:
    """One email for one notice; its Message-ID joins the order's thread.

    The Message-ID is derived from what caused the notice, so handling the
    same message again yields the same email, which the store queues once.

    Nothing is rendered here (this runs inside the unit of work, under the
    store's lock): a notice whose row carries a PDF gives a mail waiting for
    it, with the document's key and the order as this mail describes it; the
    PDF is rendered and attached after the commit (flows/outgoing.py). Without
    `documents` no PDF goes with it.
    """
    # Keyed with the secret: a reply naming this id proves its sender received
    # the mail, so nobody may work it out from the order number and the thread.
    message_id = make_message_id(order.order_no, notice.purpose,
                                 seed=f"{secret}|{notice.in_reply_to}|{order.version}|{order.event_seq}|"
                                      f"{notice.to}|{notice.request}",
                                 domain=settings.mail_domain)
    # Printed in task mails and links as [T:…]: a reply that quotes or carries it proves its sender got
    # the mail, as In-Reply-To would (clients and mailto: links that drop the header); keyed with the
    # secret like the id itself.
    mail_ref = message_id.strip("<>").rpartition("@")[0]
    context = _context(notice, order, settings, master, secret, mail_ref)
    kind = NOTICES[notice.purpose]  # the notice table: who may be told, subject, template, PDF
    if notice.audience not in kind.audiences:
        raise ValueError(f"a {notice.purpose} notice is not for the {notice.audience}: see orders.notice.NOTICES")
    text, html = render_mail(kind.template or notice.purpose, **context)
    subject = f"[{order.order_no}] {kind.subject}"
    if notice.step and notice.purpose in ("approval_request", "review_reminder", "escalation"):
        subject += f" · {Step(notice.step).label.split(' / ')[0]}"
    references = thread_for(order, notice.to, exclude=message_id)
    in_reply_to = notice.in_reply_to if _visible_to(order, notice.in_reply_to, notice.to) else None
    document = kind.attached if documents is not None else None
    drawings = customer_drawings(settings, order) if kind.drawings and documents is not None else []
    raw = build_message(sender=settings.address, recipients=[notice.to], subject=subject, text=text,
                        html=html, message_id=message_id, in_reply_to=in_reply_to, references=references,
                        date=now, attachments=drawings, attach_later=document is not None)
    # The order as the mail describes it, before this mail joins its thread.
    snapshot = (order.model_dump(mode="json"), products_of(order, master)) if document else (None, None)
    order.record_mail(message_id, notice.to)
    if notice.purpose == "action_check" and order.pending_action is not None:
        order.pending_action.check_id = message_id  # only the answer to this mail confirms the action
    if notice.request is not None and notice.purpose != "review_reminder":
        order.approval_requests[notice.request].message_id = message_id
    return OutgoingMail(message_id=message_id, order_no=order.order_no, purpose=notice.purpose,
                        sender=settings.address, recipients=[notice.to], subject=subject,
                        raw=raw.decode("utf-8"), created_at=now, document=document,
                        document_order=snapshot[0], document_products=snapshot[1])


def compose_all(notices: list[Notice], order: Order, settings: Settings, now: datetime, *, master: MasterData,
                secret: str, documents: Documents | None = None) -> list[OutgoingMail]:
    """The mails of one outcome, then each on the order's audit trail (what, to whom,
    with which attachments, under its Message-ID). The events come after all of them
    are composed, so that mails of one outcome describe the same order and share its
    documents."""
    mails = [compose(notice, order, settings, now, master=master, secret=secret, documents=documents)
             for notice in notices]
    for notice, mail in zip(notices, mails):
        kind = NOTICES[notice.purpose]
        order.note("notice", at=now, actor=SYSTEM, message_id=mail.message_id,
                   reason=f"{notice.purpose} mailed to {notice.to} ({notice.audience})"
                          + (f" with the {mail.document} PDF" if mail.document else "")
                          + (" and the customer's drawings" if kind.drawings and documents is not None else ""))
    return mails


def thread_for(order: Order, recipient: str, *, exclude: str | None = None) -> list[str]:
    """The References of a mail to `recipient`: the thread's messages from
    outside and our mails to that recipient only. Our Message-IDs are proof of
    receipt (a reply naming one decides), so a mail never names one that went
    to somebody else."""
    return [m for m in order.thread if m != exclude and _visible_to(order, m, recipient)]


def _visible_to(order: Order, message_id: str | None, recipient: str) -> bool:
    """Whether a mail to `recipient` may name this message: not one of ours that went to someone else."""
    to = recipient.casefold()
    return bool(message_id) and order.mail_sent.get(message_id_key(message_id), to) == to



def _context(notice: Notice, order: Order, settings: Settings, master: MasterData, secret: str,
             mail_ref: str) -> dict:
    request = order.approval_requests[notice.request] if notice.request is not None else None
    change = next((c for c in order.change_requests if c.change_id == notice.change_id), None)
    customer = customer_record(order, master)
    context = dict(order=order, company=settings.company, address=settings.address, notice=notice,
                   recipient=master.staff_by_email(notice.to), request=request, change=change,
                   step_label=Step(notice.step).label if notice.step else None,
                   due_at=_due(order, notice),
                   escalated_from=None, customer_terms=customer.payment_terms if customer else None,
                   token=None, approve_link=None, reject_link=None, record=customer,
                   # After approval: what is owed, the clock a reminder is about, the customer's answer link.
                   prepayment_due=prepayment_due(order), paid_total=paid(order), balance_due=balance_due(order),
                   timer=order.timer(notice.timer) if notice.timer else None,
                   timer_label=LABELS.get(notice.timer, notice.timer) if notice.timer else None,
                   confirm_link=mailto(settings.address, order.order_no, "确认 confirm", mail_ref, "确认 / OK")
                   if notice.purpose == "window_proposal" else None, mail_ref=mail_ref,
                   case=next((c for c in order.cases if c.case_no == notice.case), None),
                   score_links=[(n, mailto(settings.address, order.order_no, f"满意度 {n}分 score {n}", mail_ref,
                                           f"评分 score: {n}\n意见 comments: ")) for n in range(5, 0, -1)]
                   if notice.purpose == "survey" else [])
    if notice.purpose == "action_check":
        context["action_label"], context["action_label_en"] = ACTION_LABELS[notice.reason]
    if request is not None:
        token = issue_token(secret, claims_of(order, request))
        context.update(token=token, approve_link=mailto(settings.address, order.order_no, "同意 approve", token,
                                                        "同意 / approve"),
                       reject_link=mailto(settings.address, order.order_no, "驳回 reject", token,
                                          "驳回原因 / reason: "))
        if request.purpose == "escalation":
            context["escalated_from"] = ", ".join(
                r.approver for r in order.approval_requests
                if r.step == request.step and r.version == request.version and r.purpose == "approval_request")
    return context


def _due(order: Order, notice: Notice):
    """The deadline a request or reminder names: the clock of the step it is about."""
    timer = order.timer("review" if notice.step == Step.MANAGER else notice.step or "")
    return timer.due_at if timer else None


def mailto(address: str, order_no: str, verdict: str, token: str | None, body: str) -> str:
    """A link that opens a reply to the pipeline with the verdict (and token) in the subject."""
    subject = f"[{order_no}] {verdict}" + (f" [T:{token}]" if token else "")
    return f"mailto:{address}?subject={quote(subject, safe='')}&body={quote(body, safe='')}"
