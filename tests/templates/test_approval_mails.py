"""The approval-workflow mails (procedure step 3) render real content in both
formats, with customer text escaped in HTML."""
from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal
from urllib.parse import quote
from zoneinfo import ZoneInfo

import pytest
from markupsafe import escape

from orders.approval import STEP_LABELS, CreditEvidence, Step, credit_evidence
from orders.master import CustomerRecord, StaffMember
from orders.model import (ApprovalRequest, ChangeRequest, CustomerInfo, Decision, Order, OrderDraft, OrderLine,
                          PaymentTerms, Problem)
from orders.notice import Notice, ReportLine
from orders.status import Status
from templates.render import render_mail

NOW = datetime(2026, 11, 2, 9, 30, tzinfo=ZoneInfo("Asia/Shanghai"))
ORDER_NO = "SO2026110001"
TOKEN = "eyJvIjoiU08yMDI2MTEwMDAxIn0.ZR5xQw.k3J9"
SUBJECT = f"[{ORDER_NO}] 同意 approve [T:{TOKEN}]"
APPROVE = f"mailto:orders@example.com?subject={quote(SUBJECT)}&body={quote('同意')}"
REJECT = f"mailto:orders@example.com?subject={quote(SUBJECT.replace('同意 approve', '驳回 reject'))}&body={quote('驳回原因:')}"
MANAGER = StaffMember(email="zhao.manager@example.com", name="赵经理", role="sales_manager")
FINANCE = StaffMember(email="qian.finance@example.com", name="钱会计", role="finance")


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
    ]
    order.freight = Decimal("800")
    order.recompute_totals()
    order.payment_terms = PaymentTerms(text="月结30天", prepayment_percent=None, credit_days=30)
    order.requested_delivery_date = NOW.date() + timedelta(days=30)
    order.special_requirements = "需防潮包装 & 木箱"
    order.sales_rep = "li.rep@example.com"
    order.status = Status.MANAGER_REVIEW
    return order


CUSTOMER = CustomerRecord(code="C001", name="华东机电", credit_limit=Decimal("100000"), outstanding=Decimal("60000"),
                          overdue=Decimal("5000"), payment_terms="预付30%,余款月结30天")
REPORT = (ReportLine("客户信息 customer"),
          ReportLine("金额核对 amounts", (Problem(field="stated_total", code="mismatch",
                                                  detail="客户写的实付金额 50,000.00 与计算值 50,800.00 不符"),)))


def context(order: Order, purpose: str, *, audience: str = "approver", step: Step | None = Step.MANAGER,
            recipient: StaffMember | None = MANAGER, credit: CreditEvidence | None = None, reason: str | None = None,
            change: ChangeRequest | None = None, due_at: datetime | None = None, escalated_from: str | None = None,
            request: ApprovalRequest | None = None, links: bool = False) -> dict:
    notice = Notice(purpose, order.order_no, recipient.email if recipient else "wang@huadong.example", None,
                    audience=audience, step=step.value if step else None, reason=reason, credit=credit,
                    report=REPORT if purpose in ("approval_request", "review_reminder", "escalation") else (),
                    change_id=change.change_id if change else None)
    return dict(order=order, company="华东销售", address="orders@example.com", notice=notice, recipient=recipient,
                step_label=step.label if step else None, token=TOKEN if links else None,
                approve_link=APPROVE if links else None, reject_link=REJECT if links else None,
                request=request, change=change, due_at=due_at, escalated_from=escalated_from,
                customer_terms=CUSTOMER.payment_terms)


def approval_request(order: Order, step: Step = Step.MANAGER, purpose: str = "approval_request") -> ApprovalRequest:
    return ApprovalRequest(step=step.value, version=order.version, approver=MANAGER.email, sent_at=NOW,
                           expires_at=NOW + timedelta(days=7), purpose=purpose)


def change_request(state: str = "pending", decision_reason: str | None = None) -> ChangeRequest:
    return ChangeRequest(change_id=3, requested_by="wang@huadong.example", reason="项目追加用量 <急>",
                         changes=OrderDraft(), summary=["数量 quantity (line 1): 100 → 120"], version=1, at=NOW,
                         state=state, decision_reason=decision_reason)


def render(purpose: str, order: Order, **kwargs) -> tuple[str, str]:
    return render_mail(purpose, **context(order, purpose, **kwargs))


# ------------------------------------------------------------ approval_request

def test_the_approval_request_carries_the_order_the_report_and_the_two_links():
    order = make_order()
    text, html = render("approval_request", order, request=approval_request(order), links=True,
                        due_at=NOW + timedelta(hours=2))
    for body in (text, html):
        assert ORDER_NO in body and "第 1 版" in body and "待您审批" in body
        assert "销售经理审批 / Sales manager approval" in body
        assert "2026-11-02 11:30" in body  # the review deadline
        assert "2026-11-09 09:30" in body  # the link's expiry
        assert "客户需求清单" in body and "P001" in body and "X900" in body
        assert "50,800.00" in body and "800.00" in body  # total payable, freight
        assert "金额核对 amounts: 客户写的实付金额 50,000.00 与计算值 50,800.00 不符" in body
        assert "a rejection needs a reason" in body and "single use" in body
        assert f"审批凭证 / token: {TOKEN}" in body
        assert "信用额度" not in body  # no credit evidence for the manager
    assert "✓ 客户信息 customer\n✗ 金额核对 amounts: 客户写的实付金额" in text
    assert "✓</span> 客户信息 customer" in html and "✗</span> 金额核对 amounts" in html
    assert f'href="{escape(APPROVE)}"' in html and f'href="{escape(REJECT)}"' in html
    assert "同意 / Approve</a>" in html and "驳回 / Reject</a>" in html
    assert f"\n{APPROVE}\n" in text and f"\n{REJECT}\n" in text  # each link on a line of its own
    assert text.startswith("赵经理:")


def test_reminder_and_escalation_say_why_they_come():
    order = make_order()
    due = NOW - timedelta(minutes=5)
    request_text, _ = render("approval_request", order, request=approval_request(order), links=True)
    reminder_text, reminder_html = render_mail("approval_request", **context(
        order, "review_reminder", request=approval_request(order), links=True, due_at=due))
    escalation_text, escalation_html = render_mail("approval_request", **context(
        order, "escalation", request=approval_request(order, purpose="escalation"), links=True,
        escalated_from="赵经理 <zhao.manager@example.com>", recipient=StaffMember(
            email="sun.deputy@example.com", name="孙代理", role="sales_manager")))
    assert "提醒" not in request_text and "代理人" not in request_text
    for body in (reminder_text, reminder_html):
        assert "提醒" in body and "2 小时" in body and "2026-11-02 09:25" in body and "代理人" not in body
    assert "经理 赵经理 <zhao.manager@example.com> 两次未在时限内审批" in escalation_text
    assert "经理 赵经理 &lt;zhao.manager@example.com&gt; 两次未在时限内审批" in escalation_html
    for body in (escalation_text, escalation_html):
        assert "现转由您作为代理人审批" in body and "escalated to you as deputy" in body and "提醒" not in body
        assert "孙代理" in body
    assert len({request_text, reminder_text, escalation_text}) == 3


def test_finance_sees_the_credit_evidence_and_the_terms():
    order = make_order()
    order.total_payable = Decimal("50800.00")
    evidence = credit_evidence(order, CUSTOMER)  # nothing prepaid: 60,000 + 50,800 = 110,800 > 100,000
    assert evidence.over_limit
    text, html = render("approval_request", order, step=Step.FINANCE, recipient=FINANCE, credit=evidence,
                        request=approval_request(order, Step.FINANCE), links=True)
    for body in (text, html):
        assert "财务审批 / Finance approval" in body
        for figure in ("100,000.00", "60,000.00", "5,000.00", "50,800.00", "110,800.00"):
            assert figure in body
        assert "信用额度不足" in body
        assert "预付30%,余款月结30天" in body and "月结30天" in body  # agreed terms vs this order's
        assert "30 天" in body


def test_a_change_request_shows_who_asked_why_and_what():
    order = make_order()
    text, html = render("approval_request", order, step=Step.CHANGE, change=change_request(),
                        request=approval_request(order, Step.CHANGE), links=True)
    assert "变更申请 #3" in text and "wang@huadong.example" in text and "项目追加用量 <急>" in text
    assert "数量 quantity (line 1): 100 → 120" in text and "订单变更审批" in text
    assert "项目追加用量 &lt;急&gt;" in html and "<急>" not in html
    assert "数量 quantity (line 1): 100 → 120" in html


def test_customer_text_is_escaped_in_html_but_readable_in_text():
    order = make_order()
    text, html = render("approval_request", order, request=approval_request(order), links=True)
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "需防潮包装 &amp; 木箱" in html
    assert "华东机电<script>alert(1)</script>" in text and "需防潮包装 & 木箱" in text


# ----------------------------------------------------------- decision_refused

def test_a_refused_reply_is_told_why_and_that_nothing_changed():
    order = make_order()
    text, html = render("decision_refused", order, audience="sender", recipient=None,
                        reason="该审批链接已使用过 / the token was already used")
    for body in (text, html):
        assert "您的回复未被执行" in body and "your reply was not acted on".lower() in body.lower()
        assert "该审批链接已使用过 / the token was already used" in body
        assert ORDER_NO in body and "未作任何更改" in body and "待经理审批" in body
        assert "latest approval request" in body
    assert text.startswith("您好:")


# --------------------------------------------------------------- order_rejected

@pytest.mark.parametrize("audience", ["customer", "rep"])
def test_a_rejection_gives_the_step_and_the_reason(audience):
    order = make_order()
    order.status = Status.REJECTED
    recipient = None if audience == "customer" else StaffMember(email="li.rep@example.com", name="李销售",
                                                                 role="sales_rep")
    text, html = render("order_rejected", order, audience=audience, recipient=recipient,
                        reason="价格低于底价 <需重新报价>")
    assert "价格低于底价 <需重新报价>" in text and "价格低于底价 &lt;需重新报价&gt;" in html
    for body in (text, html):
        assert ORDER_NO in body and "已驳回" in body and "销售经理审批" in body
    if audience == "customer":
        assert text.startswith("王经理:")
        assert "请联系您的销售代表" in text and "li.rep@example.com" in text
        assert "P001" not in text  # no internal summary for the customer
    else:
        assert text.startswith("李销售:")
        assert "P001" in text and "50,800.00" in text and "P001" in html


# -------------------------------------------------------------- order_effective

@pytest.mark.parametrize("audience", ["customer", "rep", "warehouse", "production"])
def test_the_effective_order_goes_to_each_department_with_what_it_needs(audience):
    order = make_order()
    order.status = Status.EFFECTIVE
    text, html = render("order_effective", order, audience=audience, step=None,
                        recipient=None if audience == "customer" else MANAGER)
    for body in (text, html):
        assert ORDER_NO in body
        assert "X900" in body and "非标支架" in body and "按图纸 DWG-42 加工" in body  # the custom line
        if audience == "production":
            assert "P001" not in body and "三相电机" not in body  # only the custom lines
            assert "20 件" in text
        else:
            assert "P001" in body and "三相电机" in body
        if audience in ("warehouse", "production"):
            assert "2026-12-02" in body  # requested delivery date
            assert "50,800.00" not in body  # no prices for the departments
        else:
            assert "已生效" in body and "50,800.00" in body
    if audience == "warehouse":
        assert "100 台" in text and "需防潮包装 & 木箱" in text and "需防潮包装 &amp; 木箱" in html
    if audience == "customer":
        assert "发货" in text and text.startswith("王经理:")


# ------------------------------------------------------------------ credit_hold

@pytest.mark.parametrize("audience", ["rep", "finance"])
def test_credit_hold_shows_the_evidence(audience):
    order = make_order()
    order.status = Status.CREDIT_HOLD
    evidence = credit_evidence(order, CUSTOMER)
    text, html = render("credit_hold", order, audience=audience, step=Step.FINANCE, credit=evidence,
                        recipient=FINANCE if audience == "finance" else None)
    for body in (text, html):
        assert ORDER_NO in body and "信用待协商" in body
        assert "110,800.00" in body and "100,000.00" in body and "信用额度不足" in body
    if audience == "rep":
        assert "付款方式:预付50%" in text and "付款方式:预付50%" in html
        assert "请与客户协商调整付款条件" in text
    else:
        assert "FYI" in text and "付款方式:预付50%" not in text


# --------------------------------------------------------------- change_outcome

def test_an_approved_change_names_the_new_version_and_the_new_approval():
    order = make_order()
    order.decisions.append(Decision(step="manager", verdict="approve", approver=MANAGER.email, version=1, at=NOW))
    order.version = 2
    change = change_request("approved")
    text, html = render("change_outcome", order, audience="customer", recipient=None, step=Step.CHANGE,
                        change=change)
    for body in (text, html):
        assert "变更申请 #3" in body and "已批准" in body and "第 2 版" in body and "订单号不变" in body
        assert "数量 quantity (line 1): 100 → 120" in body
        assert "重新审批" in body


def test_an_approved_change_before_any_approval_does_not_speak_of_reapproval():
    order = make_order()
    order.version = 2
    text, _ = render("change_outcome", order, audience="customer", recipient=None, step=Step.CHANGE,
                     change=change_request("approved"))
    assert "已批准" in text and "重新审批" not in text


def test_a_rejected_change_gives_the_managers_reason():
    order = make_order()
    change = change_request("rejected", decision_reason="原材料已下料,无法追加 <见邮件>")
    text, html = render("change_outcome", order, audience="customer", recipient=None, step=Step.CHANGE,
                        change=change)
    assert "原材料已下料,无法追加 <见邮件>" in text and "原材料已下料,无法追加 &lt;见邮件&gt;" in html
    for body in (text, html):
        assert "未获批准" in body and ORDER_NO in body and "第 1 版" in body and "已批准" not in body


# --------------------------------------------------------- change_reason_needed

def test_a_change_without_a_reason_asks_for_one():
    order = make_order()
    text, html = render("change_reason_needed", order, audience="customer", recipient=None, step=None,
                        reason="数量:120台\n交货日期:2026-12-20")
    for body in (text, html):
        assert "变更需说明原因" in body and "变更原因:" in body and ORDER_NO in body
        assert "数量:120台" in body and "交货日期:2026-12-20" in body
    assert text.startswith("王经理:")


# ----------------------------------------------------------------- everything

ALL = ["approval_request", "decision_refused", "order_rejected", "order_effective", "credit_hold",
       "change_outcome", "change_reason_needed"]


@pytest.mark.parametrize("name", ALL)
def test_every_mail_renders_with_every_optional_value_absent(name):
    """All variables are passed; the optional ones as None must not break a template."""
    order = Order.receive(ORDER_NO, at=NOW, actor="x@y", message_id=None)
    change = change_request() if name == "change_outcome" else None
    text, html = render_mail(name, **context(order, name, audience="customer", step=None, recipient=None,
                                             change=change))
    assert ORDER_NO in text and ORDER_NO in html and "华东销售" in text
    assert "None" not in text and "None" not in html
    assert html.lstrip().startswith("<!doctype html>")


def test_the_step_labels_used_here_are_the_domains():
    assert STEP_LABELS[Step.MANAGER] == "销售经理审批 / Sales manager approval"
