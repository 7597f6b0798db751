"""`orderloop import payments FILE.csv`: payments from the bank, onto the
orders' payment ledgers (procedure steps 4 and 6).

Columns `date,order_no,amount,reference` (UTF-8 or GBK, header row), all rows
or none: every bad row is named (row number, column, what is wrong: an
unknown order, an amount that is not positive or exceeds the balance due, a
reference twice in the file) and nothing is stored unless every row is good.
A reference already on the order is the same payment imported again and
counts once, so importing a bank file twice changes nothing; a line of the
amount finance already reported by 已收款 is matched to that payment, not
added to it. Each payment
takes the order on as finance's 已收款 would (a prepayment on record sends a
picked order to logistics); the mails go out with the next poll.
"""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from pydantic import BaseModel, Field, ValidationError

from orders.status import FINAL
from orders.tasks import TaskRefused, payment_reply
from store.repository import Repository

from flows.closing import file_closures
from flows.handling import progress, queue_notices
from flows.masterdata import ImportFailed, csv_rows
from flows.settings import Settings
from flows.staff_replies import StockSession

COLUMNS = ("date", "order_no", "amount", "reference")


class PaymentRow(BaseModel):
    date: date
    order_no: str = Field(min_length=1)
    amount: Decimal = Field(gt=0, max_digits=14, decimal_places=2)
    reference: str = Field(min_length=1)  # the bank's: the same line imported again counts once


def read_payment_rows(path: Path) -> list[tuple[int, PaymentRow]]:
    rows, errors, seen = [], [], {}
    for row_no, row in csv_rows(path, COLUMNS):
        values = {k.strip(): v.strip().replace(",", "") if k.strip() == "amount" else v.strip()
                  for k, v in row.items() if k and v and v.strip()}
        try:
            payment = PaymentRow.model_validate(values)
        except ValidationError as exc:
            errors += [f"row {row_no}, column {'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()]
            continue
        key = (payment.order_no.upper(), payment.reference)
        if key in seen:
            errors.append(f"row {row_no}, column reference: {payment.reference} twice (row {seen[key]})")
        seen[key] = row_no
        rows.append((row_no, payment))
    if errors:
        raise ImportFailed(path, errors)
    return rows


def import_payments(repository: Repository, path: Path, settings: Settings, now: datetime) -> int:
    """Record every row's payment, or none; the number of payments new to the ledgers."""
    rows = read_payment_rows(path)
    recorder = f"import {path.name}"
    with repository.unit_of_work() as uow:
        orders, outcomes, errors, had = {}, [], [], {}
        for row_no, row in rows:
            number = row.order_no.upper()
            order = orders.get(number) or uow.get_order(number)
            if order is None:
                errors.append(f"row {row_no}, column order_no: no order {row.order_no}")
                continue
            if order.status in FINAL:
                errors.append(f"row {row_no}, column order_no: {number} is {order.status} ({order.status.label})")
                continue
            orders[number] = order
            had.setdefault(number, len(order.payments))
            try:
                outcome = payment_reply(order, amount=row.amount, paid_on=row.date, sender=recorder, at=now,
                                        reference=row.reference, message_id=None, master=uow.master,
                                        source="import")
            except TaskRefused as exc:
                errors.append(f"row {row_no}, column amount: {exc}")
                continue
            outcomes.append(outcome)
        if errors:
            raise ImportFailed(path, errors)  # inside the unit of work: nothing is stored
        for order in orders.values():
            stock = StockSession(uow)
            notices = [n for o in outcomes if o.order is order and o.acted for n in o.notices]
            notices += progress(order, stock, uow, now)
            queue_notices(uow, order, notices, settings, now)
            stock.save()
            uow.save_order(order)
    file_closures(settings, repository, list(orders.values()))  # those the payments closed
    return sum(len(order.payments) for order in orders.values()) - sum(had.values())
