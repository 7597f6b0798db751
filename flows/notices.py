"""Turn the domain's notices into finished emails in the order's thread."""
from __future__ import annotations

from datetime import datetime

from mail.compose import build_message, make_message_id
from orders.intake import Notice
from orders.model import Order
from store.repository import OutgoingMail
from templates.render import render_mail

from flows.settings import Settings

SUBJECTS = {
    "clarification": "订单信息待补充 / Order details needed",
    "requirements_list": "客户需求清单待确认 / Please confirm your order",
    "cancelled": "订单已取消 / Order cancelled",
}


def compose(notice: Notice, order: Order, settings: Settings, now: datetime) -> OutgoingMail:
    """One email for one notice; its Message-ID joins the order's thread.

    The Message-ID is derived from what caused the notice, so handling the
    same message again yields the same email, which the store queues once.
    """
    message_id = make_message_id(order.order_no, notice.purpose,
                                 seed=f"{notice.in_reply_to}|{order.version}|{order.event_seq}",
                                 domain=settings.mail_domain)
    text, html = render_mail(notice.purpose, order=order, company=settings.company)
    subject = f"[{order.order_no}] {SUBJECTS[notice.purpose]}"
    references = [m for m in order.thread if m != message_id]
    raw = build_message(sender=settings.address, recipients=[notice.to], subject=subject, text=text,
                        html=html, message_id=message_id, in_reply_to=notice.in_reply_to,
                        references=references, date=now)
    if message_id not in order.thread:
        order.thread.append(message_id)
    return OutgoingMail(message_id=message_id, order_no=order.order_no, purpose=notice.purpose,
                        sender=settings.address, recipients=[notice.to], subject=subject,
                        raw=raw.decode("utf-8"), created_at=now)
