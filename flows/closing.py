"""The order's archive made whole (procedure step 6: 归档订单表、签收单、售后记录):

- every mail the pipeline sends goes into its order's folder once sent
  (mail/<Message-ID>.eml beside the customer's and the staff's, which the
  intake files), so the folder holds the whole thread, both ways;
- when an order closes (已闭环), the final sales order PDF is rendered and
  closure.json written: the payments, every after-sales case with its
  solutions and the customer's answers, the survey, the signed form's
  checksum, and when and by whom it closed. The signed 签收单 is there since
  it came back (flows/signed_forms.py).

Both run after the store committed and are idempotent (a file already named
in the manifest is not written again), so a crash in between is mended by
the next run: the closure is filed by whichever flow next sees the closed
order without its closure.json.
"""
from __future__ import annotations

import json
import logging

from orders.model import Event, Order
from orders.payments import balance_due, paid
from orders.status import Status
from store.documents import DocumentArchive
from store.repository import OutgoingMail, Repository

from flows.documents import Documents
from flows.settings import Settings

log = logging.getLogger("orderloop.documents")

CLOSURE_FILE = "closure.json"


def file_sent(settings: Settings, mails: list[tuple[OutgoingMail, bytes]]) -> None:
    """Each sent mail into its order's folder, one manifest write per order."""
    by_order: dict[str, list[tuple[str, bytes]]] = {}
    for mail, raw in mails:
        if mail.order_no:
            by_order.setdefault(mail.order_no, []).append((mail.message_id, raw))
    archive = DocumentArchive(settings.archive_dir)
    for order_no, emails in by_order.items():
        try:
            archive.put_emails(order_no, emails)
        except OSError as exc:  # the mail is sent; filing it is retried by nobody, so say so
            log.warning("%s: %d sent mail(s) not filed in the archive: %s", order_no, len(emails), exc)


def file_closures(settings: Settings, repository: Repository, orders: list[Order]) -> list[str]:
    """For each closed order whose folder has no closure.json yet: the final sales order
    PDF and closure.json. Returns the orders filed."""
    archive, filed = DocumentArchive(settings.archive_dir), []
    for order in orders:
        if order.status != Status.CLOSED or CLOSURE_FILE in archive.manifest(order.order_no)["files"]:
            continue
        Documents(settings).render(order, "order", repository.master())
        closed = next((e for e in reversed(repository.audit_trail(order.order_no))
                       if e.kind == "transition" and e.to_status == Status.CLOSED), None)
        record = json.dumps(closure_record(order, closed), ensure_ascii=False, indent=2, default=str).encode("utf-8")
        archive.put_emails(order.order_no, [], order, attachments={CLOSURE_FILE: record})
        filed.append(order.order_no)
    return filed


def closure_record(order: Order, closed: Event | None) -> dict:
    """What the archive keeps of an order's end: money, cases, survey, the form; `closed` its 已闭环 event."""
    delivery = order.delivery
    return {
        "order_no": order.order_no, "status": order.status.value,
        "closed_at": (closed.at if closed else order.updated_at).isoformat(),
        "closed_by": closed.actor if closed else None, "closed_because": closed.reason if closed else None,
        "customer": order.customer.model_dump(mode="json"),
        "total_payable": str(order.total_payable), "paid": str(paid(order)), "balance_due": str(balance_due(order)),
        "payments": [p.model_dump(mode="json") for p in order.payments],
        "actual_ship_date": order.actual_ship_date, "actual_delivery_date": order.actual_delivery_date,
        "signed_form": delivery.form.model_dump(mode="json") if delivery and delivery.form else None,
        "delivery_remarks": [r.model_dump(mode="json") for r in delivery.remarks] if delivery else [],
        "cases": [case.model_dump(mode="json") for case in order.cases],
        "survey": order.survey.model_dump(mode="json") if order.survey else None,
    }
