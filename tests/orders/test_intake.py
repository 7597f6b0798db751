from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from orders.intake import draft_problems, handle_customer_reply, receive_order
from orders.model import Attachment, CustomerInfo, DraftLine, OrderDraft, PaymentTerms, Problem
from orders.review import ReviewRules
from orders.status import Status

from tests.orders.fakes import FakeMaster

NOW = datetime(2023, 10, 1, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
TODAY = NOW.date()
CUSTOMER = "purchase@huadong.example"


def seed_draft(**changes) -> OrderDraft:
    """The procedure's own example order, as the customer wrote it."""
    draft = OrderDraft(
        customer=CustomerInfo(name="华东精密机械有限公司", code="CUST001", contact="王先生", phone="123",
                              address="上海市浦东新区张江路100号"),
        lines=[DraftLine(sku="P001", name="A产品", spec="L-500×300", unit="台",
                         quantity=Decimal("100"), unit_price=Decimal("500"))],
        freight=Decimal("800"), discount=Decimal("0"), stated_total=Decimal("50800"),
        payment_terms=PaymentTerms(text="预付30%", prepayment_percent=Decimal("30")),
        requested_delivery_date=date(2023, 10, 15), special_requirements="需防潮包装")
    return draft.model_copy(update=changes)


def receive(draft, problems=(), master=None):
    return receive_order("SO2023100001", draft, list(problems), sender=CUSTOMER, message_id="<m1@huadong>",
                         at=NOW, today=TODAY, master=master or FakeMaster())


def codes(order):
    return {p.field: p.code for p in order.problems}


def test_a_complete_order_goes_to_the_customer_for_confirmation():
    outcome = receive(seed_draft())
    order = outcome.order
    assert order.status == Status.CONFIRMING
    assert order.goods_total == Decimal("50000.00") and order.total_payable == Decimal("50800.00")
    assert [n.purpose for n in outcome.notices] == ["requirements_list"]
    assert outcome.notices[0].to == CUSTOMER and outcome.notices[0].in_reply_to == "<m1@huadong>"
    assert [(e.from_status, e.to_status) for e in order.events] == [
        (None, Status.RECEIVED), (Status.RECEIVED, Status.CONFIRMING)]
    assert order.events[1].message_id == "<m1@huadong>" and order.events[1].actor == CUSTOMER


def test_the_customer_record_fills_what_the_email_left_out():
    draft = seed_draft(customer=CustomerInfo(name="华东精密机械有限公司"))
    order = receive(draft).order
    assert order.customer.code == "CUST001"
    assert order.customer.address == "上海市浦东新区张江路100号"
    assert order.status == Status.CONFIRMING


def test_vague_delivery_and_a_custom_spec_without_drawing_are_asked_back_together():
    draft = seed_draft(requested_delivery_date=None, requested_delivery_text="尽快",
                       lines=[DraftLine(name="C型支架", spec="定制", quantity=Decimal("500"),
                                        unit_price=Decimal("80"))], stated_total=None)
    outcome = receive(draft)
    assert outcome.order.status == Status.CLARIFYING
    assert codes(outcome.order) == {"requested_delivery_date": "vague", "lines[1].spec": "needs_drawing"}
    assert "尽快" in outcome.order.problems[0].detail
    assert [n.purpose for n in outcome.notices] == ["clarification"]


def test_a_drawing_attached_settles_the_custom_spec():
    draft = seed_draft(lines=[DraftLine(name="C型支架", spec="定制", quantity=Decimal("500"),
                                        unit_price=Decimal("80"))], stated_total=None,
                       attachments=[Attachment(filename="支架图纸.dwg", content_type="application/acad", size=10)])
    assert "lines[1].spec" not in codes(receive(draft).order)


def test_a_stated_total_that_does_not_add_up_is_a_mismatch():
    order = receive(seed_draft(stated_total=Decimal("51000"))).order
    assert codes(order) == {"total_payable": "mismatch"}
    assert "50800.00" in order.problems[0].detail


def test_a_line_amount_that_is_not_quantity_times_price_is_a_mismatch():
    lines = [DraftLine(sku="P001", name="A产品", quantity=Decimal("100"), unit_price=Decimal("500"),
                       amount=Decimal("5000"))]
    assert codes(receive(seed_draft(lines=lines, stated_total=None)).order) == {"lines[1].amount": "mismatch"}


def test_an_address_that_differs_from_the_customer_record_is_a_mismatch():
    draft = seed_draft(customer=CustomerInfo(code="CUST001", name="华东精密机械有限公司", address="北京市朝阳区1号"))
    assert codes(receive(draft).order) == {"customer.address": "mismatch"}


def test_a_customer_nobody_knows_is_unknown():
    draft = seed_draft(customer=CustomerInfo(name="无名公司", address="某地", phone="1"))
    order = receive_order("SO2023100001", draft, [], sender="someone@else.example", message_id=None,
                          at=NOW, today=TODAY, master=FakeMaster()).order
    assert codes(order) == {"customer.code": "unknown"}


def test_missing_quantity_price_and_date_are_each_asked_for():
    draft = seed_draft(lines=[DraftLine(name="A产品")], requested_delivery_date=None, stated_total=None)
    assert codes(receive(draft, master=FakeMaster(products=())).order) == {
        "lines[1].quantity": "missing", "lines[1].unit_price": "missing", "requested_delivery_date": "missing"}


def test_an_order_without_lines_is_missing_its_lines():
    assert codes(receive(seed_draft(lines=[], stated_total=None)).order) == {"lines": "missing"}


def test_a_delivery_date_in_the_past_is_invalid():
    assert codes(receive(seed_draft(requested_delivery_date=date(2023, 9, 1))).order) == {
        "requested_delivery_date": "invalid"}


def test_the_price_list_fills_a_missing_unit_price():
    lines = [DraftLine(sku="P001", quantity=Decimal("2"))]
    order = receive(seed_draft(lines=lines, stated_total=None)).order
    assert order.lines[0].unit_price == Decimal("500") and order.lines[0].name == "A产品"
    assert order.goods_total == Decimal("1000.00")


def test_a_parse_problem_stays_only_while_the_value_is_still_absent():
    bad_quantity = Problem(field="lines[1].quantity", code="invalid", detail="“很多”不是数量")
    draft = seed_draft(lines=[DraftLine(sku="P001", unit_price=Decimal("500"))], stated_total=None)
    order = receive(draft, [bad_quantity]).order
    assert codes(order) == {"lines[1].quantity": "invalid"}
    answer = OrderDraft(lines=[DraftLine(quantity=Decimal("100"))])
    outcome = reply(order, "answer", answer)
    assert outcome.order.status == Status.CONFIRMING and outcome.order.problems == []


def reply(order, intent, answer=None, sender=CUSTOMER, message_id="<r1@huadong>", master=None, in_thread=True):
    """The customer's reply; in_thread: it answers the last mail we sent them (proof of the thread)."""
    ours = f"<SO.{len(order.mail_sent)}.ours@example.com>"
    order.record_mail(ours, order.reply_to)
    return handle_customer_reply(order, intent=intent, answer=answer, parse_problems=[], sender=sender,
                                 message_id=message_id, at=NOW, today=TODAY, master=master or FakeMaster(),
                                 rules=ReviewRules(), thread_ids=[ours] if in_thread else [])


def test_an_answer_is_merged_and_the_order_moves_on_to_confirmation():
    order = receive(seed_draft(requested_delivery_date=None, requested_delivery_text="ASAP")).order
    assert order.status == Status.CLARIFYING
    outcome = reply(order, "answer", OrderDraft(requested_delivery_date=date(2023, 10, 20)))
    assert outcome.order.status == Status.CONFIRMING
    assert outcome.order.requested_delivery_date == date(2023, 10, 20)
    assert outcome.order.version == 2
    assert [n.purpose for n in outcome.notices] == ["requirements_list"]
    assert "<r1@huadong>" in outcome.order.thread


def test_confirming_the_requirements_list_sends_the_order_to_the_manager():
    order = receive(seed_draft()).order
    outcome = reply(order, "confirm")
    assert outcome.order.status == Status.MANAGER_REVIEW
    assert [(n.purpose, n.to, n.step) for n in outcome.notices] == [
        ("approval_request", "manager@company.example", "manager")]
    assert outcome.order.events[-1].reason.startswith("customer confirmed")
    assert outcome.order.sales_rep == "rep@company.example"
    assert outcome.order.timer("review").due_at == outcome.order.updated_at + timedelta(hours=2)


def test_a_confirmation_while_questions_are_open_changes_nothing_and_sends_nothing():
    # An auto-responder that answers "OK" to every question must not start a loop.
    order = receive(seed_draft(requested_delivery_date=None)).order
    outcome = reply(order, "confirm")
    assert not outcome.acted and outcome.notices == []
    assert outcome.order.status == Status.CLARIFYING


def test_a_confirmation_signed_with_a_phone_number_still_confirms():
    order = receive(seed_draft()).order
    signature = OrderDraft(customer=CustomerInfo(contact="王先生", phone="13800000001"))
    outcome = reply(order, "confirm", signature)
    assert outcome.order.status == Status.MANAGER_REVIEW and outcome.order.version == 1


def test_an_answer_that_repeats_the_order_changes_nothing():
    order = receive(seed_draft()).order
    outcome = reply(order, "answer", seed_draft())
    assert not outcome.acted and outcome.notices == [] and outcome.order.version == 1


def test_a_stranger_cannot_confirm_someone_elses_order_nor_join_its_thread():
    order = receive(seed_draft()).order
    outcome = reply(order, "confirm", sender="mallory@evil.example", message_id="<evil@x>")
    assert not outcome.acted and outcome.order.status == Status.CONFIRMING
    assert "<evil@x>" not in outcome.order.thread


def test_the_customer_can_cancel_before_approval():
    outcome = reply(receive(seed_draft()).order, "cancel")
    assert outcome.order.status == Status.CANCELLED
    assert [n.purpose for n in outcome.notices] == ["cancelled"]


def test_an_answer_corrects_the_line_it_names():
    draft = seed_draft(lines=[DraftLine(sku="P001", quantity=Decimal("100"), unit_price=Decimal("500")),
                              DraftLine(sku="P003", spec="定制", quantity=Decimal("5"), unit_price=Decimal("80"))],
                       stated_total=None)
    order = receive(draft).order
    assert codes(order) == {"lines[2].spec": "needs_drawing"}
    order = reply(order, "answer", OrderDraft(lines=[DraftLine(sku="P003", spec="定制 300×200×5mm")])).order
    assert order.status == Status.CONFIRMING
    assert [line.spec for line in order.lines] == [None, "定制 300×200×5mm"]


def test_draft_problems_need_no_master_data():
    draft = seed_draft(requested_delivery_date=None, requested_delivery_text="越快越好")
    assert {p.field: p.code for p in draft_problems(draft, [], TODAY)} == {"requested_delivery_date": "vague"}


def test_negative_figures_and_a_discount_above_the_goods_are_invalid():
    lines = [DraftLine(sku="P001", quantity=Decimal("10"), unit_price=Decimal("-500"))]
    assert codes(receive(seed_draft(lines=lines, stated_total=None)).order)["lines[1].unit_price"] == "invalid"
    assert codes(receive(seed_draft(freight=Decimal("-800"), stated_total=None)).order) == {"freight": "invalid"}
    assert codes(receive(seed_draft(discount=Decimal("99999"), stated_total=None)).order) == {"discount": "invalid"}


def test_an_absurd_quantity_is_refused_not_crashed_on():
    lines = [DraftLine(sku="P001", quantity=Decimal("9" * 29), unit_price=Decimal("500"))]
    assert codes(receive(seed_draft(lines=lines, stated_total=None)).order) == {"lines[1].quantity": "invalid"}
