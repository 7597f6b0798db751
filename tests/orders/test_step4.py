"""Procedure step 4 in the domain: effective → reserved and planned →
production or picking → the pre-ship check → window, prepayment → logistics
→ shipped; every refusal says why, and stock is never held twice."""
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import pytest

from orders.deadlines import chase_timers
from orders.master import ProductRecord, StaffMember
from orders.model import Order, OrderLine, PaymentTerms
from orders.progress import advance
from orders.review import ReviewRules
from orders.status import Status
from orders.stock import StockLedger
from orders.tasks import (TaskRefused, payment_reply, pick_reply, production_reply, shipping_reply, shortage_choice,
                          window_answer)

from tests.orders.fakes import STAFF, FakeMaster

CST = timezone(timedelta(hours=8))
T = datetime(2023, 9, 28, 10, 0, tzinfo=CST)  # a Thursday; National Day follows
PRODUCTS = (ProductRecord(sku="P001", name="A产品", unit="台", unit_price=Decimal("500"), stock=Decimal(120)),
            ProductRecord(sku="P003", name="C型支架", unit="件", unit_price=Decimal("80"), kind="custom", lead_days=7))
LOGISTICS = StaffMember(email="logistics@company.example", name="周运", role="logistics",
                        deputy_email="logistics.deputy@company.example")
MASTER = FakeMaster(products=PRODUCTS, staff=STAFF + (LOGISTICS,))
CUSTOMER = "purchase@huadong.example"


def effective(order_no="SO2023090001", *lines, requested=date(2023, 10, 20), prepay=None) -> Order:
    order = Order.receive(order_no, at=T - timedelta(hours=3), actor=CUSTOMER, message_id=None)
    order.reply_to, order.sales_rep = CUSTOMER, "rep@company.example"
    order.lines = list(lines) or [OrderLine(line_no=1, sku="P001", quantity=Decimal(100), unit_price=Decimal(500),
                                            kind="standard")]
    order.requested_delivery_date = requested
    order.payment_terms = PaymentTerms(text="预付30%" if prepay else None, prepayment_percent=prepay)
    order.recompute_totals()
    order.status = Status.EFFECTIVE
    return order


def ledger() -> StockLedger:
    stock = StockLedger()
    stock.set_on_hand("P001", Decimal(120))
    return stock


def purposes(notices):
    return sorted((n.purpose, n.audience) for n in notices)


def test_an_order_all_in_stock_reserves_it_and_goes_to_the_warehouse_with_a_working_day():
    order, stock = effective(), ledger()
    notices = advance(order, ledger=stock, master=MASTER, at=T)
    assert order.status == Status.PICKING and stock.held == {order.order_no: {"P001": Decimal(100)}}
    assert purposes(notices) == [("pick_request", "warehouse")]
    # The pick's working day skips National Day (1–6 October 2023): due on the make-up Saturday the 7th.
    assert order.timer("picking").due_at == datetime(2023, 10, 7, 10, 0, tzinfo=CST)


def test_two_orders_racing_for_the_last_units_never_hold_the_same_unit():
    stock = ledger()
    first = effective("SO2023090001")
    second = effective("SO2023090002")
    advance(first, ledger=stock, master=MASTER, at=T)
    notices = advance(second, ledger=stock, master=MASTER, at=T)
    assert stock.reserved("P001") == Decimal(120) and stock.available("P001") == 0
    assert second.fulfilment.reservations[0].reserved == Decimal(20) and second.status == Status.IN_PRODUCTION
    # The 80 short of the second order are made in the default lead time, which misses nothing here …
    assert ("production_request", "production") in purposes(notices)
    assert ("in_production", "customer") in purposes(notices)


def test_a_custom_line_goes_to_production_on_chinas_calendar_and_a_late_date_is_told_at_once():
    order = effective("SO2023090003", OrderLine(line_no=1, sku="P003", quantity=Decimal(500), unit_price=Decimal(80),
                                                kind="custom"), requested=date(2023, 10, 10))
    notices = advance(order, ledger=ledger(), master=MASTER, at=T)
    # Effective on Thursday 28 September, 7 working days: 7, 8, 9, 10, 11, 12, 13 October.
    assert order.status == Status.IN_PRODUCTION and order.fulfilment.production_due == date(2023, 10, 13)
    assert ("shortage", "customer") in purposes(notices) and ("shortage", "rep") in purposes(notices)
    shortage = next(n for n in notices if n.purpose == "shortage")
    assert "2023-10-10 → 2023-10-13" == shortage.reason and shortage.details


def test_production_completes_then_the_pick_must_match_the_order_before_anything_ships():
    order = effective("SO2023090003", OrderLine(line_no=1, sku="P003", quantity=Decimal(500), kind="custom",
                                                unit_price=Decimal(80)))
    advance(order, ledger=ledger(), master=MASTER, at=T)
    with pytest.raises(TaskRefused, match="不在备货中"):
        pick_reply(order, quantities={}, sender="warehouse@company.example", at=T, message_id=None, master=MASTER)
    moved = production_reply(order, state="scheduled", finish=date(2023, 10, 16), sender="production@company.example",
                             at=T, message_id=None, master=MASTER)
    assert order.fulfilment.production_due == date(2023, 10, 16) and order.status == Status.IN_PRODUCTION
    assert [n.purpose for n in moved.notices] == []  # 16 October is before the requested 20th
    production_reply(order, state="completed", finish=None, sender="production@company.example", at=T,
                     message_id=None, master=MASTER)
    assert order.status == Status.PICKING and order.timer("production") is None
    wrong = pick_reply(order, quantities={"P003": Decimal(480)}, sender="warehouse@company.example", at=T,
                       message_id=None, master=MASTER)
    assert order.fulfilment.picked_at is None and "ordered 500, picked 480" in wrong.notices[0].details[0]
    assert {n.audience for n in wrong.notices} == {"rep", "warehouse"}
    assert advance(order, ledger=ledger(), master=MASTER, at=T) == []  # nothing moves towards shipping


def test_after_the_pick_the_window_and_the_prepayment_come_before_logistics():
    order, stock = effective(prepay=Decimal(30)), ledger()
    advance(order, ledger=stock, master=MASTER, at=T)
    pick_reply(order, quantities={"P001": Decimal(100)}, sender="warehouse@company.example", at=T, message_id=None,
               master=MASTER)
    notices = advance(order, ledger=stock, master=MASTER, at=T)
    assert purposes(notices) == [("prepayment_request", "finance"), ("window_proposal", "customer")]
    assert (order.shipment.window_start, order.shipment.window_end) == (date(2023, 10, 20), date(2023, 10, 21))
    with pytest.raises(TaskRefused, match="not ready to ship"):
        shipping_reply(order, carrier="顺丰", tracking_no="SF1234567890123", packages=2, sender=LOGISTICS.email, at=T,
                       message_id=None, ledger=stock, master=MASTER)
    window_answer(order, window=None, sender=CUSTOMER, at=T, message_id=None, master=MASTER)
    assert advance(order, ledger=stock, master=MASTER, at=T) == []  # the prepayment is still missing
    payment_reply(order, amount=Decimal("15000.00"), paid_on=T.date(), reference="bank-1",
                  sender="finance@company.example", at=T, message_id=None, master=MASTER)
    again = payment_reply(order, amount=Decimal("15000.00"), paid_on=T.date(), reference="bank-1",
                          sender="finance@company.example", at=T, message_id=None, master=MASTER)
    assert again.notices == [] and len(order.payments) == 1  # the same payment reported twice counts once
    assert purposes(advance(order, ledger=stock, master=MASTER, at=T)) == [("ship_request", "logistics")]


def test_shipping_checks_the_tracking_number_then_takes_the_goods_off_stock():
    order, stock = effective(), ledger()
    advance(order, ledger=stock, master=MASTER, at=T)
    pick_reply(order, quantities={}, sender="warehouse@company.example", at=T, message_id=None, master=MASTER)
    advance(order, ledger=stock, master=MASTER, at=T)
    window_answer(order, window=(date(2023, 10, 22), date(2023, 10, 23)), sender=CUSTOMER, at=T, message_id=None,
                  master=MASTER)
    advance(order, ledger=stock, master=MASTER, at=T)
    with pytest.raises(TaskRefused, match="SF1234567890123"):
        shipping_reply(order, carrier="顺丰速运", tracking_no="SF12345", packages=2, sender=LOGISTICS.email, at=T,
                       message_id=None, ledger=stock, master=MASTER)
    assert stock.on_hand["P001"] == Decimal(120) and order.status == Status.PICKING
    done = shipping_reply(order, carrier="顺丰速运", tracking_no="SF 1234 5678 90123", packages=2,
                          sender=LOGISTICS.email, at=T, message_id=None, ledger=stock, master=MASTER)
    assert order.status == Status.SHIPPED and order.actual_ship_date == T.date()
    assert (order.shipment.carrier, order.shipment.carrier_code, order.shipment.tracking_no) == \
        ("顺丰速运", "shunfeng", "SF1234567890123")
    assert (order.shipment.window_start, stock.on_hand["P001"], stock.held) == (date(2023, 10, 22), Decimal(20), {})
    assert purposes(done.notices) == [("shipped", "customer"), ("shipped", "rep")]


def test_a_window_before_the_goods_can_arrive_is_refused():
    order, stock = effective(), ledger()
    advance(order, ledger=stock, master=MASTER, at=T)
    pick_reply(order, quantities={}, sender="warehouse@company.example", at=T, message_id=None, master=MASTER)
    advance(order, ledger=stock, master=MASTER, at=T)
    with pytest.raises(TaskRefused, match="before the goods can arrive"):
        window_answer(order, window=(T.date(), T.date()), sender=CUSTOMER, at=T, message_id=None, master=MASTER)


def test_an_order_sent_back_by_a_change_gives_its_stock_back():
    order, stock = effective(), ledger()
    advance(order, ledger=stock, master=MASTER, at=T)
    order.status = Status.MANAGER_REVIEW  # an approved change request sends it back to the manager
    told = advance(order, ledger=stock, master=MASTER, at=T)
    assert stock.held == {} and order.timer("picking") is None
    assert [(n.purpose, n.to, n.timer) for n in told] == [("task_withdrawn", "warehouse@company.example", "picking")]
    assert "reserved stock released (P001 100)" in order.events[-1].reason


def test_a_missed_pick_reminds_the_warehouse_then_escalates_to_the_sales_manager():
    order = effective()
    advance(order, ledger=ledger(), master=MASTER, at=T)
    due = order.timer("picking").due_at
    first = chase_timers(order, now=due, rules=ReviewRules(), master=MASTER)
    assert purposes(first.notices) == [("task_reminder", "warehouse")]
    assert chase_timers(order, now=due + timedelta(hours=1), rules=ReviewRules(), master=MASTER).notices == []
    second = chase_timers(order, now=due + timedelta(hours=24), rules=ReviewRules(), master=MASTER)
    assert purposes(second.notices) == [("task_escalation", "sales_manager")]
    assert second.notices[0].to == "manager@company.example" and order.events[-1].kind == "escalation"


def test_a_stored_review_deadline_from_before_timers_is_read_as_a_timer():
    order = effective()
    doc = order.model_dump(mode="json")
    doc.pop("timers")
    doc.update(status="manager_review", review_due_at=T.isoformat(), review_misses=1)
    again = Order.model_validate(doc)
    assert (again.timer("review").due_at, again.timer("review").misses) == (T, 1)


def late_and_short() -> Order:
    """100 × P001 asked for 3 October with 20 left in stock: 80 to make, late."""
    stock = ledger()
    advance(effective("SO2023090001"), ledger=stock, master=MASTER, at=T)
    order = effective("SO2023090002", requested=date(2023, 10, 3))
    notices = advance(order, ledger=stock, master=MASTER, at=T)
    assert ("shortage", "customer") in purposes(notices) and order.fulfilment.late_told_at == T
    return order


def test_the_customers_choice_to_ship_what_is_in_stock_is_a_change_request_for_the_manager():
    order = late_and_short()
    outcome = shortage_choice(order, choice="partial", text="先发现货,剩下的取消", sender=CUSTOMER, at=T,
                              message_id="<c1@huadong.example>", rules=ReviewRules(), master=MASTER)
    (change,) = order.change_requests
    assert change.state == "pending" and change.changes.lines[0].quantity == Decimal(20)
    assert "ship what is in stock now" in change.reason and any("100" in s and "20" in s for s in change.summary)
    assert ("approval_request", "approver") in purposes(outcome.notices)
    assert order.status == Status.IN_PRODUCTION  # it goes on as it is until the manager decides


def test_waiting_for_the_new_date_is_noted_and_nothing_else_changes():
    order = late_and_short()
    outcome = shortage_choice(order, choice="wait", text="可以等", sender=CUSTOMER, at=T, message_id=None,
                              rules=ReviewRules(), master=MASTER)
    assert outcome.acted and outcome.notices == [] and order.change_requests == []
    assert "waits for the new date 2023-10" in order.events[-1].reason
    fresh = effective("SO2023090003")
    with pytest.raises(TaskRefused, match="no shortage notice"):
        shortage_choice(fresh, choice="wait", text="可以等", sender=CUSTOMER, at=T, message_id=None,
                        rules=ReviewRules(), master=MASTER)


def test_a_pick_of_another_spec_blocks_shipping_and_says_what_differs():
    order = effective()
    order.lines[0].spec = "L-500×300"
    advance(order, ledger=ledger(), master=MASTER, at=T)
    wrong = pick_reply(order, quantities={"P001": Decimal(100)}, specs={"P001": "L-800×400"},
                       sender="warehouse@company.example", at=T, message_id=None, master=MASTER)
    assert order.fulfilment.picked_at is None
    assert wrong.notices[0].details == ("P001: 规格 订单 L-500×300,备货 L-800×400 / spec ordered L-500×300, "
                                        "picked L-800×400",)
    pick_reply(order, quantities={"P001": Decimal(100)}, specs={"P001": "l-500 x 300"},
               sender="warehouse@company.example", at=T, message_id=None, master=MASTER)
    assert order.fulfilment.picked_at is not None  # the same spec, written another way


# ---------------------------------------------------------------- what a review of the code found


def test_nothing_ships_while_a_change_request_waits_and_an_approval_after_shipping_is_refused():
    from orders.approval import DecisionRefused
    from orders.changes import decide_change, request_change
    from orders.model import DraftLine, OrderDraft

    order, stock = effective(), ledger()
    advance(order, ledger=stock, master=MASTER, at=T)
    pick_reply(order, quantities={}, sender="warehouse@company.example", at=T, message_id=None, master=MASTER)
    advance(order, ledger=stock, master=MASTER, at=T)
    window_answer(order, window=None, sender=CUSTOMER, at=T, message_id=None, master=MASTER)
    request_change(order, requester=CUSTOMER, changes=OrderDraft(lines=[DraftLine(sku="P001", quantity=Decimal(80))]),
                   reason="预算调整", message_id=None, at=T, rules=ReviewRules(), master=MASTER)
    assert advance(order, ledger=stock, master=MASTER, at=T) == []  # logistics is not asked meanwhile
    order.fulfilment.ship_asked_at = T  # had it been asked before the change came in
    with pytest.raises(TaskRefused, match="change request waits"):
        shipping_reply(order, carrier="顺丰", tracking_no="SF1234567890123", packages=1, sender=LOGISTICS.email,
                       at=T, message_id=None, ledger=stock, master=MASTER)
    order.status = Status.SHIPPED  # had it shipped all the same, the manager's approval could not apply
    with pytest.raises(DecisionRefused, match="can no longer be made"):
        decide_change(order, verdict="approve", approver="manager@company.example", reason=None, message_id=None,
                      at=T, rules=ReviewRules(), master=MASTER)


def test_a_sku_written_in_lower_case_is_stored_as_the_catalogue_spells_it_and_reserves():
    from orders.intake import enrich_lines

    order = effective("SO2023090001", OrderLine(line_no=1, sku="p001", quantity=Decimal(100)))
    enrich_lines(order, MASTER)
    stock = ledger()
    advance(order, ledger=stock, master=MASTER, at=T)
    assert order.lines[0].sku == "P001" and stock.reserved("P001") == Decimal(100)
    assert order.status == Status.PICKING


def test_a_new_plan_after_a_change_agrees_its_window_anew():
    order, stock = effective(), ledger()
    advance(order, ledger=stock, master=MASTER, at=T)
    pick_reply(order, quantities={}, sender="warehouse@company.example", at=T, message_id=None, master=MASTER)
    advance(order, ledger=stock, master=MASTER, at=T)
    window_answer(order, window=None, sender=CUSTOMER, at=T, message_id=None, master=MASTER)
    order.status, order.version = Status.MANAGER_REVIEW, 2  # a change approved: back to the manager
    advance(order, ledger=stock, master=MASTER, at=T)
    order.status = Status.EFFECTIVE
    advance(order, ledger=stock, master=MASTER, at=T)
    assert order.shipment is None and order.fulfilment.version == 2 and stock.reserved("P001") == Decimal(100)


def test_a_payment_reported_twice_or_by_finance_then_the_bank_counts_once_and_finished_orders_take_none():
    order = effective(prepay=Decimal(100))  # 款到发货: 50,000.00
    paid = dict(paid_on=T.date(), at=T, message_id=None, master=MASTER)
    payment_reply(order, amount=Decimal("50000"), reference="<m1@company.example>", sender="finance@company.example",
                  **paid)
    again = payment_reply(order, amount=Decimal("50000"), reference="<m1@company.example>",
                          sender="finance@company.example", **paid)
    assert again.notices == [] and "already" in again.note  # not "over the balance due"
    bank = payment_reply(order, amount=Decimal("50000"), reference="ICBC-7", sender="import bank.csv",
                         source="import", **paid)
    assert bank.notices == [] and [(p.reference, p.bank_reference) for p in order.payments] == [
        ("<m1@company.example>", "ICBC-7")]
    order.status = Status.CANCELLED
    with pytest.raises(TaskRefused, match="no payment is taken"):
        payment_reply(order, amount=Decimal("1"), reference="x", sender="finance@company.example", **paid)


def test_ship_what_is_in_stock_never_cuts_a_line_to_nothing_and_keeps_two_lines_of_one_sku_apart():
    stock = StockLedger()
    stock.set_on_hand("P001", Decimal(30))
    order = effective("SO2023090004", OrderLine(line_no=1, sku="P001", quantity=Decimal(20), unit_price=Decimal(500),
                                                kind="standard"),
                      OrderLine(line_no=2, sku="P001", quantity=Decimal(20), unit_price=Decimal(500), kind="standard"),
                      requested=date(2023, 10, 3))
    advance(order, ledger=stock, master=MASTER, at=T)  # line 1 holds 20, line 2 holds 10: 10 short, late
    shortage_choice(order, choice="partial", text="先发现货", sender=CUSTOMER, at=T, message_id=None,
                    rules=ReviewRules(), master=MASTER)
    (change,) = order.change_requests
    assert [(line.line_no, line.quantity) for line in change.changes.lines] == [(2, Decimal(10))]
    nothing = effective("SO2023090005", OrderLine(line_no=1, sku="P001", quantity=Decimal(20), kind="standard"),
                        requested=date(2023, 10, 3))
    advance(nothing, ledger=stock, master=MASTER, at=T)  # the stock is gone: all 20 short
    with pytest.raises(TaskRefused, match="none of the short items is in stock"):
        shortage_choice(nothing, choice="partial", text="先发现货", sender=CUSTOMER, at=T, message_id=None,
                        rules=ReviewRules(), master=MASTER)


def test_confirming_a_window_that_has_passed_gets_a_new_one_proposed():
    order, stock = effective(requested=date(2023, 10, 9)), ledger()
    advance(order, ledger=stock, master=MASTER, at=T)
    pick_reply(order, quantities={}, sender="warehouse@company.example", at=T, message_id=None, master=MASTER)
    advance(order, ledger=stock, master=MASTER, at=T)
    late = datetime(2023, 10, 18, 9, 0, tzinfo=CST)
    window_answer(order, window=None, sender=CUSTOMER, at=late, message_id=None, master=MASTER)
    assert order.shipment.window_state is None
    notices = advance(order, ledger=stock, master=MASTER, at=late)
    assert ("window_proposal", "customer") in purposes(notices)
    assert order.shipment.window_start == date(2023, 10, 19)


def test_goods_not_ready_a_day_before_the_requested_date_tell_the_customer_and_the_rep_then():
    order = effective("SO2023090006", OrderLine(line_no=1, sku="P003", quantity=Decimal(10), kind="custom",
                                                unit_price=Decimal(80)), requested=date(2023, 10, 20))
    advance(order, ledger=ledger(), master=MASTER, at=T)  # planned for 13 October: not late
    due = order.timer("shortage").due_at
    assert due == datetime(2023, 10, 19, 0, 0, tzinfo=CST)
    fired = chase_timers(order, now=due, rules=ReviewRules(), master=MASTER)
    assert [p for p in purposes(fired.notices) if p[0] == "shortage"] == [("shortage", "customer"), ("shortage", "rep")]
    assert ("task_reminder", "production") in purposes(fired.notices)  # its finish date passed too
    assert order.timer("shortage") is None and order.fulfilment.late_told_at == due


def test_a_deputy_answers_for_the_role_even_when_not_in_the_staff_table():
    from orders.roles import roles_of

    assert roles_of(MASTER, "logistics.deputy@company.example") == {"logistics"}
    assert roles_of(MASTER, "warehouse@company.example") == {"warehouse"}
    assert roles_of(MASTER, "outsider@example.net") == set()


def test_a_payment_larger_than_the_balance_is_kept_and_finance_and_the_rep_are_told_the_excess():
    order = Order.receive("SO2023100009", at=T, actor="purchase@huadong.example", message_id=None)
    order.status, order.total_payable, order.sales_rep = Status.DELIVERED, Decimal("45800.00"), "rep@company.example"
    outcome = payment_reply(order, amount=Decimal("50000.00"), paid_on=T.date(), reference="bank-9",
                            sender="finance@company.example", at=T, message_id=None, master=MASTER)
    assert [str(p.amount) for p in order.payments] == ["50000.00"]
    over = sorted((n.audience, n.reason) for n in outcome.notices if n.purpose == "overpayment")
    assert over == [("finance", "4,200.00"), ("rep", "4,200.00")]
