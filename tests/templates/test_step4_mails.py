"""The mails of procedure steps 1 (feasibility) and 4 (stock, production,
picking, prepayment, delivery window, shipping) and the reminders and
escalations of any staff task: each audience of each row of the notice table
gets a mail in both formats with the facts it acts on and the exact reply
words the pipeline reads."""
from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal
from urllib.parse import quote
from zoneinfo import ZoneInfo

import pytest
from markupsafe import escape

from orders.fulfilment import Fulfilment
from orders.master import StaffMember
from orders.model import Attachment, CustomerInfo, Order, OrderLine, PaymentTerms
from orders.notice import NOTICES, STAFF, Notice
from orders.payments import Payment, balance_due, paid, prepayment_due
from orders.shipment import Shipment
from orders.status import Status
from orders.stock import LineReservation
from orders.timers import LABELS
from templates.render import render_mail

NOW = datetime(2026, 11, 2, 9, 30, tzinfo=ZoneInfo("Asia/Shanghai"))
ORDER_NO = "SO2026110001"
ADDRESS = "orders@example.com"
TOKEN = "eyJvIjoiU08yMDI2MTEwMDAxIn0.ZR5xQw.k3J9"
MAIL_REF = "1a2b3c4d5e6f"  # flows.notices: the mail's own Message-ID without the domain, printed as [T:…]


def link(verdict: str, token: str | None, body: str) -> str:
    """A mailto link shaped like flows.notices.mailto's."""
    subject = f"[{ORDER_NO}] {verdict}" + (f" [T:{token}]" if token else "")
    return f"mailto:{ADDRESS}?subject={quote(subject, safe='')}&body={quote(body, safe='')}"


APPROVE = link("同意 approve", TOKEN, "同意 / approve")
REJECT = link("驳回 reject", TOKEN, "驳回原因 / reason: ")
CONFIRM = link("确认 confirm", None, "确认 / OK")

TECH = StaffMember(email="zhou.tech@example.com", name="周工", role="tech")
PRODUCTION = StaffMember(email="wu.plant@example.com", name="吴厂长", role="production")
WAREHOUSE = StaffMember(email="zheng.store@example.com", name="郑仓管", role="warehouse")
FINANCE = StaffMember(email="qian.finance@example.com", name="钱会计", role="finance")
LOGISTICS = StaffMember(email="feng.ship@example.com", name="冯物流", role="logistics")
REP = StaffMember(email="li.rep@example.com", name="李销售", role="sales_rep")
SERVICE = StaffMember(email="chen.cs@example.com", name="陈客服", role="customer_service")
MANAGER = StaffMember(email="zhao.manager@example.com", name="赵经理", role="sales_manager")
BY_AUDIENCE = {"approver": TECH, "tech": TECH, "production": PRODUCTION, "warehouse": WAREHOUSE, "finance": FINANCE,
               "logistics": LOGISTICS, "rep": REP, "customer_service": SERVICE, "sales_manager": MANAGER,
               "customer": None}

STEP4 = ["feasibility_request", "infeasible", "production_request", "in_production", "shortage", "pick_request",
         "pick_mismatch", "prepayment_request", "payment_recorded", "window_proposal", "window_agreed",
         "ship_request", "shipped", "task_reminder", "task_escalation", "task_withdrawn"]
PAIRS = [(purpose, audience) for purpose in STEP4 for audience in NOTICES[purpose].audiences]


def make_order() -> Order:
    order = Order.receive(ORDER_NO, at=NOW, actor="wang@huadong.example", message_id=None)
    order.customer = CustomerInfo(code="C001", name="华东机电<script>alert(1)</script>", contact="王经理",
                                  phone="13800000000", email="wang@huadong.example", address="上海市浦东新区 1 号")
    order.customer_po = "PO-7788"
    order.lines = [
        OrderLine(line_no=1, sku="P001", name="三相电机", spec="5.5kW 380V", unit="台",
                  quantity=Decimal("100"), unit_price=Decimal("500"), kind="standard"),
        OrderLine(line_no=2, sku="X900", name="非标支架", spec="按图纸 DWG-42 加工", unit="件",
                  quantity=Decimal("20"), unit_price=Decimal("0"), kind="custom"),
        OrderLine(line_no=3, sku="K777", name="密封圈", spec="Φ50 氟橡胶", unit="个",
                  quantity=Decimal("40"), unit_price=Decimal("0"), kind=None),  # not in the products list
    ]
    order.attachments = [Attachment(filename="DWG-42 支架.dwg", content_type="application/acad", size=20480)]
    order.freight = Decimal("800")
    order.recompute_totals()  # 50,000 + 800 = 50,800
    order.payment_terms = PaymentTerms(text="预付30%,余款月结30天", prepayment_percent=Decimal("30"), credit_days=30)
    order.requested_delivery_date = date(2026, 11, 16)
    order.special_requirements = "需防潮包装 & 木箱"
    order.sales_rep = REP.email
    order.status = Status.IN_PRODUCTION
    order.fulfilment = Fulfilment(
        version=1, effective_on=date(2026, 11, 2),
        reservations=[LineReservation(line_no=1, sku="P001", quantity=Decimal("100"), reserved=Decimal("60"),
                                      short=Decimal("40")),
                      LineReservation(line_no=3, sku="K777", quantity=Decimal("40"), reserved=Decimal("40"),
                                      short=Decimal("0"))],
        ready_on=date(2026, 11, 20), production="requested", production_due=date(2026, 11, 19))
    order.shipment = Shipment(carrier="顺丰速运", carrier_code="shunfeng", tracking_no="SF1234567890123", packages=2,
                              window_start=date(2026, 11, 23), window_end=date(2026, 11, 24), window_state="agreed",
                              consignee="张收货<仓库>")
    order.actual_ship_date = date(2026, 11, 21)
    order.payments = [Payment(amount=Decimal("10000"), paid_on=date(2026, 11, 18), reference="BK-20261118-01",
                              recorded_by=FINANCE.email, recorded_at=NOW)]
    for kind, hours, role in (("feasibility", 24, "tech"), ("picking", 24, "warehouse"),
                              ("prepayment", 24, "finance"), ("window", 24, "customer"), ("shipping", 24, "logistics")):
        order.start_timer(kind, NOW + timedelta(hours=hours), timedelta(hours=hours), role)
    return order


def context(order: Order, purpose: str, audience: str, *, recipient: StaffMember | None | str = "default",
            reason: str | None = None, details: tuple[str, ...] = (), timer: str | None = None,
            links: bool = False, due_at: datetime | None = None) -> dict:
    """What flows.notices._context gives a template, built the same way."""
    if recipient == "default":
        recipient = BY_AUDIENCE[audience]
    notice = Notice(purpose, order.order_no, recipient.email if recipient else "wang@huadong.example", None,
                    audience=audience, reason=reason, details=details, timer=timer)
    return dict(order=order, company="华东销售", address=ADDRESS, notice=notice, recipient=recipient,
                request=None, change=None, step_label=None, due_at=due_at, escalated_from=None,
                customer_terms=None, record=None, token=TOKEN if links else None,
                approve_link=APPROVE if links else None, reject_link=REJECT if links else None,
                prepayment_due=prepayment_due(order), paid_total=paid(order), balance_due=balance_due(order),
                timer=order.timer(timer) if timer else None,
                timer_label=LABELS.get(timer, timer) if timer else None,
                confirm_link=CONFIRM if purpose == "window_proposal" else None,
                mail_ref=f"{order.order_no}.{purpose}.{MAIL_REF}")


def render(purpose: str, audience: str, order: Order | None = None, **kwargs) -> tuple[str, str]:
    return render_mail(NOTICES[purpose].template or purpose,
                       **context(order or make_order(), purpose, audience, **kwargs))


# ------------------------------------------------------------------ every row

def test_the_rows_are_the_ones_this_file_covers():
    assert set(NOTICES["task_reminder"].audiences) == set(STAFF) == set(NOTICES["task_escalation"].audiences)
    assert all(NOTICES[purpose].template is None for purpose in STEP4)


@pytest.mark.parametrize(("purpose", "audience"), PAIRS)
def test_each_audience_gets_a_whole_mail_in_both_formats(purpose, audience):
    timer = "picking" if purpose.startswith("task_") else None
    text, html = render(purpose, audience, timer=timer, reason="郑仓管 <zheng.store@example.com>",
                        details=("P001: 订单 100,备货 90 / ordered 100, picked 90",))
    assert ORDER_NO in text and ORDER_NO in html
    assert "华东销售 订单处理 / Order desk <orders@example.com>" in text
    assert "华东销售 订单处理 / Order desk &lt;orders@example.com&gt;" in html
    assert html.lstrip().startswith("<!doctype html>") and html.rstrip().endswith("</html>")
    assert "None" not in text and "None" not in html
    assert "<script>" not in html  # the customer's name is escaped
    greeting = "王经理:" if audience == "customer" else f"{BY_AUDIENCE[audience].name}:"
    assert text.startswith(greeting)


# -------------------------------------------------------- feasibility (step 1)

def test_tech_gets_the_custom_and_unknown_items_the_drawings_the_deadline_and_the_answers():
    order = make_order()
    due = order.timer("feasibility").due_at
    text, html = render("feasibility_request", "approver", order, links=True, due_at=due)
    for body in (text, html):
        assert "X900" in body and "非标支架" in body and "按图纸 DWG-42 加工" in body  # the custom line
        assert "K777" in body and "Φ50 氟橡胶" in body and "目录外商品 not in our product list" in body  # not in the list
        assert "三相电机" not in body  # a standard line is no question for tech
        assert "DWG-42 支架.dwg" in body
        assert "2026-11-03 09:30" in body and "1个工作日" in body
        assert "可行" in body and "feasible" in body and "不可行" in body and "not feasible" in body
        assert "原因将转告客户" in body
        assert "订单 PDF" in body
    assert f"可行 / feasible:\n{APPROVE}\n" in text
    assert f"\n{REJECT}\n" in text
    assert f'href="{escape(APPROVE)}"' in html and f'href="{escape(REJECT)}"' in html
    assert "可行 / feasible</a>" in html and "不可行 / not feasible</a>" in html


def test_without_links_tech_still_knows_how_to_answer():
    text, html = render("feasibility_request", "approver")
    for body in (text, html):
        assert "mailto:" not in body and "token" not in body
        assert "回复 可行" in body.replace("<strong>", "").replace("</strong>", "")


@pytest.mark.parametrize("audience", ["customer", "rep"])
def test_infeasible_gives_techs_reason_and_asks_for_changed_specs(audience):
    reason = "孔距公差 ±0.01 无法加工 <需放宽>"
    text, html = render("infeasible", audience, reason=reason)
    assert reason in text and "孔距公差 ±0.01 无法加工 &lt;需放宽&gt;" in html
    for body in (text, html):
        assert "X900" in body and "按图纸 DWG-42 加工" in body
        assert "调整后的规格" in body and "取消" in body
    if audience == "customer":
        assert "请直接回复本邮件" in text and "li.rep@example.com" in text
        assert "changed specifications" in text
    else:
        assert "请跟进客户" in text and "The customer has been asked" in text


# ------------------------------------------------------------------ production

def test_production_gets_what_to_make_the_planned_finish_and_the_reply_words():
    text, html = render("production_request", "production")
    assert "1. P001  三相电机  规格 5.5kW 380V  40 台" in text  # 100 ordered, 60 from stock
    assert "2. X900  非标支架  规格 按图纸 DWG-42 加工  20 件" in text  # custom: all of it
    assert "K777" not in text  # held in full
    for body in (text, html):
        assert "2026-11-19" in body  # planned finish
        assert "2026-11-16" in body  # requested delivery
        assert "已排产 完工日期 YYYY-MM-DD" in body and "已排产 完工日期 2026-11-19" in body
        assert "已完工" in body and "completed" in body
        assert "订单 PDF" in body and "DWG-42 支架.dwg" in body
        assert "周一至周五" not in body  # the calendar knows the year
        assert "50,800.00" not in body  # no prices for production
    assert "<td>40</td>" in html and "<td>20</td>" in html


@pytest.mark.skipif("to_make" not in Fulfilment.model_fields, reason="the plan keeps no figures of its own yet")
def test_production_takes_the_plans_own_figures_when_it_keeps_them():
    order = make_order()
    order.fulfilment.to_make = {2: Decimal("20"), 3: Decimal("15")}
    text, _ = render("production_request", "production", order)
    assert "2. X900  非标支架  规格 按图纸 DWG-42 加工  20 件" in text
    assert "3. K777  密封圈  规格 Φ50 氟橡胶  15 个" in text
    assert "P001" not in text.split("需生产 / To make:")[1].split("计划完工")[0]


def test_a_finish_beyond_the_official_calendar_says_so():
    order = make_order()
    order.fulfilment.ready_approximate = True
    for purpose, audience in (("production_request", "production"), ("in_production", "customer"),
                              ("shortage", "rep")):
        text, html = render(purpose, audience, order)
        for body in (text, html):
            assert "按周一至周五推算" in body and "counted Monday to Friday" in body
        assert "year's official holiday calendar" in html  # no double escaping in the note


@pytest.mark.parametrize("audience", ["customer", "rep"])
def test_in_production_gives_the_ready_date(audience):
    text, html = render("in_production", audience)
    for body in (text, html):
        assert "2026-11-20" in body and ("已安排生产" in body or "已转生产" in body)
        assert "X900" in body


@pytest.mark.parametrize("audience", ["customer", "rep"])
def test_a_shortage_gives_the_new_date_the_short_lines_and_the_options(audience):
    details = ("P001 三相电机: 缺 40 台 / 40 short", "X900 非标支架: 需生产 20 件 / 20 to make")
    text, html = render("shortage", audience, details=details)
    for body in (text, html):
        assert "2026-11-16" in body and "2026-11-20" in body  # asked for, can be ready
        assert all(item in body for item in details)
        assert "等待" in body and "分批发货" in body and "partial delivery" in body and "替代" in body
        assert "substitute" in body
        assert "变更申请" in body and ORDER_NO in body
    if audience == "customer":
        assert "请直接回复本邮件告知您的选择" in text
    else:
        assert "请跟进客户的选择" in text


# --------------------------------------------------------------------- picking

def test_the_warehouse_picks_the_lines_and_answers_with_the_agreed_words():
    text, html = render("pick_request", "warehouse")
    assert f"[T:{ORDER_NO}.pick_request.{MAIL_REF}]" in text and f"[T:{ORDER_NO}.pick_request.{MAIL_REF}]" in html
    assert "1. P001  三相电机  规格 5.5kW 380V  100 台" in text
    assert "3. K777  密封圈  规格 Φ50 氟橡胶  40 个" in text
    assert "\n已备货\nP001 100\n" in text
    assert "已备货\nP001 100</pre>" in html
    for body in (text, html):
        assert "出库单" in body and "2026-11-03 09:30" in body  # the picking day's deadline
        assert "已备货" in body and "核对" in body
        assert "50,800.00" not in body
    assert "需防潮包装 & 木箱" in text and "需防潮包装 &amp; 木箱" in html


@pytest.mark.parametrize("audience", ["rep", "warehouse"])
def test_a_pick_that_does_not_match_lists_the_differences_and_blocks_shipping(audience):
    details = ("P001: 订单 100,备货 90 / ordered 100, picked 90",
               "Z100: 不在订单中,备货 5 / not on the order, picked 5")
    text, html = render("pick_mismatch", audience, details=details)
    for body in (text, html):
        assert all(item in body for item in details)
        assert "暂停发货" in body and "已备货" in body
    if audience == "warehouse":
        assert "再次回复 已备货" in text and "P001 100" in text
    else:
        assert "变更申请" in text


def test_a_pick_mismatch_without_details_falls_back_to_the_recorded_differences():
    order = make_order()
    order.fulfilment.pick_differences = ["X900: 订单 20,备货未列出 / ordered 20, not in the pick"]
    text, html = render("pick_mismatch", "warehouse", order)
    assert "X900: 订单 20,备货未列出" in text and "X900: 订单 20,备货未列出" in html


# -------------------------------------------------------------------- payments

def test_finance_is_asked_for_the_prepayment_with_the_figures_and_the_reply():
    text, html = render("prepayment_request", "finance")
    for body in (text, html):
        assert "50,800.00" in body  # payable
        assert "15,240.00" in body  # 30% of it
        assert "10,000.00" in body  # paid so far
        assert "5,240.00" in body  # still due
        assert "30%" in body and "预付30%,余款月结30天" in body
        assert "已收款 5240.00" in body and "已收款 金额" in body and "AMOUNT" in body
        assert "orderloop import payments FILE.csv" in body
        assert "2026-11-03 09:30" in body  # the 24 h clock
        assert "物流" in body and "Logistics is asked to ship only once" in body


@pytest.mark.parametrize("audience", ["finance", "rep"])
def test_a_recorded_payment_gives_it_the_total_paid_and_the_balance(audience):
    order = make_order()
    order.payments.append(Payment(amount=Decimal("5240"), paid_on=date(2026, 11, 20), reference="BK-20261120-07",
                                  recorded_by=FINANCE.email, recorded_at=NOW, source="import"))
    text, html = render("payment_recorded", audience, order)
    for body in (text, html):
        assert "5,240.00" in body and "2026-11-20" in body and "BK-20261120-07" in body  # the last payment
        assert "BK-20261118-01" not in body
        assert "15,240.00" in body  # paid so far, also the prepayment: covered
        assert "35,560.00" in body  # balance due
        assert "已付清" in body
    first_only = make_order()
    text, _ = render("payment_recorded", audience, first_only)
    assert "10,000.00" in text and "40,800.00" in text and "尚欠 5,240.00 元" in text


def test_a_payment_mail_without_payments_does_not_break():
    order = make_order()
    order.payments = []
    text, html = render("payment_recorded", "finance", order)
    assert "50,800.00" in text and "0.00" in text and "None" not in html


# ------------------------------------------------------------- delivery window

def test_the_customer_is_asked_to_confirm_the_window_and_the_delivery_details():
    order = make_order()
    order.shipment.window_state = "proposed"
    text, html = render("window_proposal", "customer", order)
    for body in (text, html):
        assert "2026-11-23 – 2026-11-24" in body
        assert "确认" in body and "OK" in body and "10月15日-10月16日" in body
        assert "上海市浦东新区 1 号" in body and "13800000000" in body
        assert "2026-11-03 09:30" in body  # answer within 24 h
    assert "张收货<仓库>" in text and "张收货&lt;仓库&gt;" in html
    assert f"\n{CONFIRM}\n" in text
    assert f'href="{escape(CONFIRM)}"' in html and "确认 / OK</a>" in html
    assert "直接回复 确认 (或 OK)" in text


def test_a_one_day_window_and_a_consignee_left_to_the_contact():
    order = make_order()
    order.shipment.window_end = order.shipment.window_start
    order.shipment.consignee = None
    text, _ = render("window_agreed", "customer", order)
    assert "已确认:2026-11-23。" in text and "收货人 Consignee:  王经理" in text


@pytest.mark.parametrize("audience", ["customer", "rep"])
def test_the_agreed_window_is_told(audience):
    text, html = render("window_agreed", audience)
    for body in (text, html):
        assert "2026-11-23 – 2026-11-24" in body and "确认" in body and "agreed" in body


# -------------------------------------------------------------------- shipping

def test_logistics_gets_where_when_what_and_the_reply_form():
    text, html = render("ship_request", "logistics")
    for body in (text, html):
        assert "上海市浦东新区 1 号" in body and "13800000000" in body
        assert "2026-11-23 – 2026-11-24" in body
        assert "P001" in body and "X900" in body and "K777" in body
        assert "承运商:顺丰速运 运单号:SF1234567890123 件数:2" in body
        assert "发货单" in body and "2026-11-03 09:30" in body
        assert "50,800.00" not in body
    assert "1. P001  三相电机  规格 5.5kW 380V  100 台" in text
    assert "张收货<仓库>" in text and "张收货&lt;仓库&gt;" in html
    assert "需防潮包装 & 木箱" in text and "需防潮包装 &amp; 木箱" in html


@pytest.mark.parametrize("audience", ["customer", "rep"])
def test_shipped_gives_the_carrier_the_tracking_number_and_what_to_check(audience):
    text, html = render("shipped", audience)
    for body in (text, html):
        assert "2026-11-21" in body and "顺丰速运" in body and "SF1234567890123" in body
        assert "2026-11-23 – 2026-11-24" in body and "发货单" in body
        assert "签收单" in body
    assert "件数 Packages:        2" in text
    if audience == "customer":
        for body in (text, html):
            assert "数量" in body and "外观" in body and "规格" in body
            assert "quantity" in body and "appearance" in body and "specifications" in body
        assert "A sign-off form will follow" in text


# --------------------------------------------------------- reminders, escalations

REPLIES = {
    "feasibility": "不可行",
    "picking": "已备货",
    "prepayment": "已收款 金额",
    "window": "10月15日-10月16日",
    "shipping": "承运商:顺丰速运 运单号:SF1234567890123 件数:2",
}


@pytest.mark.parametrize("kind", sorted(REPLIES))
def test_a_reminder_names_the_task_the_missed_deadline_and_the_usual_reply(kind):
    order = make_order()
    text, html = render("task_reminder", "rep" if kind == "window" else order.timer(kind).role, order, timer=kind)
    for body in (text, html):
        assert "提醒" in body and "overdue" in body and "转办" not in body
        assert LABELS[kind] in body
        assert "2026-11-03 09:30" in body
        assert REPLIES[kind] in body
    if kind == "window":
        assert "请联系客户跟进" in text


def test_a_production_reminder_asks_for_the_production_words():
    order = make_order()
    order.start_timer("production", datetime(2026, 11, 19, 18, 0, tzinfo=NOW.tzinfo), timedelta(days=1),
                      "production")
    text, html = render("task_reminder", "production", order, timer="production")
    for body in (text, html):
        assert "生产完工日期" in body and "2026-11-19 18:00" in body
        assert "已排产 完工日期 YYYY-MM-DD" in body and "已完工" in body


@pytest.mark.parametrize("audience", ["warehouse", "sales_manager"])
def test_an_escalation_names_who_did_not_answer_and_hands_it_on(audience):
    order = make_order()
    first = "郑仓管 <zheng.store@example.com>"
    recipient = StaffMember(email="deputy.store@example.com", name="孙代理", role="warehouse") \
        if audience == "warehouse" else MANAGER
    text, html = render("task_escalation", audience, order, timer="picking", reason=first, recipient=recipient)
    assert first in text and "郑仓管 &lt;zheng.store@example.com&gt;" in html
    for body in (text, html):
        assert "转办" in body and "escalated".lower() in body.lower() and "跟进" in body
        assert LABELS["picking"] in body and "2026-11-03 09:30" in body
        assert "已备货" in body
        assert recipient.name in body
    reminder, _ = render("task_reminder", audience, order, timer="picking", recipient=recipient)
    assert reminder != text


# ----------------------------------------------------------- absent sub-records

def bare_order() -> Order:
    order = Order.receive(ORDER_NO, at=NOW, actor="x@y", message_id=None)
    order.lines = [OrderLine(line_no=1, name="定制法兰", spec="非标 DN80", quantity=Decimal("5"))]
    return order


@pytest.mark.parametrize(("purpose", "audience"), PAIRS)
def test_no_fulfilment_no_shipment_no_timer_does_not_break(purpose, audience):
    """Feasibility comes before any plan, and a reminder may outlive its clock;
    no step-4 mail breaks on a record whose later stages are still blank."""
    order = bare_order()
    assert order.fulfilment is None and order.shipment is None and not order.timers
    timer = "feasibility" if purpose.startswith("task_") else None
    text, html = render(purpose, audience, order, timer=timer, recipient=None)
    assert ORDER_NO in text and ORDER_NO in html and "华东销售" in text
    assert "None" not in text and "None" not in html


@pytest.mark.parametrize("purpose", ["feasibility_request", "infeasible", "task_reminder", "task_escalation"])
def test_the_mails_that_come_before_a_plan_still_say_what_matters(purpose):
    order = bare_order()
    audience = NOTICES[purpose].audiences[0]
    text, html = render(purpose, audience, order, timer="feasibility", reason="周工 <zhou.tech@example.com>")
    for body in (text, html):
        if purpose in ("feasibility_request", "infeasible"):
            assert "定制法兰" in body and "非标 DN80" in body  # custom by its words
        else:
            assert LABELS["feasibility"] in body and "可行" in body
            assert "—" in body  # the clock is gone: no deadline to show


@pytest.mark.parametrize("audience", ["production", "warehouse"])
def test_a_task_withdrawn_says_which_task_to_hold_and_why(audience):
    text, html = render("task_withdrawn", audience, timer="picking", reason="待经理审批 / manager_review")
    for body in (text, html):
        assert "暂停" in body and "待经理审批" in body and "备货1个工作日" in body
