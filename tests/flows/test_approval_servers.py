"""Approval by email (procedure step 3) through the real servers: orders and
replies go in by SMTP (aiosmtpd → Dovecot LMTP) and are read over IMAP; every
mail the pipeline sends goes out by SMTP and is read back here. Approvers
reply the way Outlook, Gmail, Foxmail/QQ and Apple Mail write replies, or
click the mailto: links. The clock is ORDERLOOP_NOW; nothing sleeps."""
from __future__ import annotations

import email
import email.policy
import json
import smtplib
from email.message import EmailMessage

import pytest
from typer.testing import CliRunner

from flows.cli import app
from flows.components import open_repository
from flows.deadlines import deadlines_flow
from flows.settings import Settings
from orders.status import Status

from tests.flows import clients
from tests.flows.conftest import run_intake, sample_email
from tests.flows.helpers import customer_reply, newest_artifacts
from tests.flows.test_intake_servers import servers  # noqa: F401  (the fixture)

pytestmark = pytest.mark.integration

CUSTOMER = "purchase@huadong.example"
MANAGER, DEPUTY, FINANCE = "manager@example.com", "deputy.manager@example.com", "finance@example.com"
REP, WAREHOUSE, PRODUCTION = "li.rep@example.com", "warehouse@example.com", "production@example.com"


def send(mta, account, raw: bytes, *, envelope_from: str | None = None) -> None:
    """Into the pipeline's mailbox; the SMTP envelope sender is From's address unless forged."""
    message = email.message_from_bytes(raw, policy=email.policy.default)
    wire = raw.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")  # smtplib sends bytes as they are
    with smtplib.SMTP(mta.host, mta.port) as smtp:
        sender = envelope_from if envelope_from is not None else message["From"].addresses[0].addr_spec
        smtp.sendmail(sender, [account.user], wire)


def mails_to(mta, address: str) -> list[EmailMessage]:
    return [email.message_from_bytes(m.content, policy=email.policy.default) for m in mta.messages
            if address in m.rcpt_tos]


def latest(mta, address: str, subject_word: str) -> EmailMessage:
    return [m for m in mails_to(mta, address) if subject_word in str(m["Subject"])][-1]


def order(order_no: str):
    return open_repository(Settings()).get_order(order_no)


def was_effective(order_no: str) -> bool:
    """The order became effective (已生效); it may have moved on to production or picking since."""
    return any(e.to_status == Status.EFFECTIVE for e in open_repository(Settings()).audit_trail(order_no))


def seed_order(quantity: int = 100, *, message_id: str = "hd-20231001-001@huadong.example",
               customer: dict | None = None) -> bytes:
    """The procedure's example order; another quantity restates the payable to match."""
    text = sample_email("01-seed-order.eml").decode("utf-8")
    payable = quantity * 500 + 800
    text = text.replace("数量:100台", f"数量:{quantity}台").replace("实付金额:50,800元", f"实付金额:{payable:,}元")
    text = text.replace("<hd-20231001-001@huadong.example>", f"<{message_id}>")
    for old, new in (customer or {}).items():
        text = text.replace(old, new)
    return text.encode("utf-8")


QIMING = {"华东精密机械有限公司": "深圳启明电子有限公司", "CUST001": "CUST003", "王先生": "赵女士",
          "13800000001": "13900000003", "上海市浦东新区张江路100号": "深圳市南山区科技园南区8栋",
          "purchase@huadong.example": "zhao@qiming.example", "=?utf-8?b?546L5YWI55Sf?=": "Zhao"}


def to_manager_review(mta, account, raw: bytes, customer: str = CUSTOMER) -> str:
    """Send an order, confirm its requirements list as the customer: it awaits the manager."""
    send(mta, account, raw)
    run_intake()
    requirements = latest(mta, customer, "客户需求清单")
    order_no = str(requirements["Subject"]).split("]")[0].lstrip("[")
    send(mta, account, customer_reply(requirements, "确认无误"))
    run_intake()
    assert order(order_no).status == Status.MANAGER_REVIEW
    return order_no


def request_for(mta, approver: str, order_no: str, word: str = "订单审批") -> EmailMessage:
    return [m for m in mails_to(mta, approver) if order_no in str(m["Subject"]) and word in str(m["Subject"])][-1]


REPLIES = {
    "outlook": lambda request: clients.outlook(request, MANAGER, "同意"),
    "gmail": lambda request: clients.gmail(request, MANAGER, "Approved, thanks."),
    "foxmail": lambda request: clients.foxmail(request, MANAGER, "批准"),
    "apple": lambda request: clients.apple_mail(request, MANAGER, "同意，请尽快安排发货"),
    "mailto link": lambda request: clients.from_link(request, MANAGER, "approve"),
}


@pytest.mark.parametrize("client", list(REPLIES))
def test_the_manager_approves_an_order_up_to_fifty_thousand_from_any_mail_client(client, servers, mta):
    order_no = to_manager_review(mta, servers, seed_order(90))  # 45,800 payable
    request = request_for(mta, MANAGER, order_no)
    text = clients.plain(request)
    assert "同意" in text and "驳回" in text and "45,800.00" in text  # the quoted request says both
    assert set(clients.links(request)) == {"approve", "reject"}
    send(mta, servers, REPLIES[client](request))
    counts = run_intake()
    record = order(order_no)
    # Effective, and in the same poll on to picking: all 90 are in stock.
    assert record.status == Status.PICKING and was_effective(order_no), record.events
    assert [(d.step, d.verdict, d.approver) for d in record.decisions] == [("manager", "approve", MANAGER)]
    # Told within the same poll: the customer and the rep; the warehouse gets the pick (nothing to produce).
    assert counts["sent"] == 3
    assert "已生效" in str(latest(mta, CUSTOMER, order_no)["Subject"])
    assert "已生效" in str(latest(mta, REP, order_no)["Subject"])
    assert "出库备货" in str(latest(mta, WAREHOUSE, order_no)["Subject"])
    assert not mails_to(mta, PRODUCTION)


def test_above_fifty_thousand_the_manager_then_finance_with_the_credit_evidence(servers, mta):
    order_no = to_manager_review(mta, servers, seed_order(100))  # 50,800 payable
    assert not mails_to(mta, FINANCE)  # finance cannot act before the manager
    send(mta, servers, clients.from_link(request_for(mta, MANAGER, order_no), MANAGER, "approve"))
    run_intake()
    assert order(order_no).status == Status.FINANCE_REVIEW
    finance_request = request_for(mta, FINANCE, order_no)
    text = clients.plain(finance_request)
    # Limit 200,000; outstanding 30,000; 70% of 50,800 on credit = 35,560; exposure after 65,560.
    for figure in ("200,000.00", "30,000.00", "50,800.00", "35,560.00", "65,560.00"):
        assert figure in text, figure
    assert "预付30%" in text
    send(mta, servers, clients.apple_mail(finance_request, FINANCE, "同意"))
    run_intake()
    record = order(order_no)
    assert record.status == Status.PICKING and was_effective(order_no)
    assert [d.step for d in record.decisions] == ["manager", "finance"]


def test_a_rejection_by_foxmail_without_threading_headers_tells_rep_and_customer_why(servers, mta):
    order_no = to_manager_review(mta, servers, seed_order(90))
    send(mta, servers, clients.foxmail(request_for(mta, MANAGER, order_no), MANAGER, "驳回,单价低于公司底价"))
    run_intake()
    assert order(order_no).status == Status.REJECTED
    for person in (CUSTOMER, REP):
        told = latest(mta, person, "已驳回")
        assert "单价低于公司底价" in clients.plain(told)


def refusals(order_no: str) -> list[str]:
    return [e.reason for e in open_repository(Settings()).audit_trail(order_no) if e.kind == "refused"]


def test_the_attack_set_is_refused_on_the_record_and_changes_nothing(servers, mta, monkeypatch):
    order_no = to_manager_review(mta, servers, seed_order(100))
    other_no = to_manager_review(mta, servers, seed_order(100, message_id="hd-20231001-002@huadong.example"))
    request = request_for(mta, MANAGER, order_no)
    approve = clients.links(request)["approve"]["subject"]
    token = approve.split("[T:")[1].rstrip("]")
    other_approve = clients.links(request_for(mta, MANAGER, other_no))["approve"]["subject"]
    before = order(order_no).model_dump(exclude={"event_seq", "updated_at", "thread", "mail_sent"})

    attacks = {
        # Finance replies to the manager's request (forwarded to them) before the manager.
        "finance first": (clients.outlook(request, FINANCE, "同意"), None),
        # The manager's From, sent by someone else: the envelope sender gives it away.
        "forged from": (clients.from_link(request, MANAGER, "approve"), "mallory@evil.example"),
        # The customer got hold of the manager's link.
        "customer with the token": (clients.from_link(request, CUSTOMER, "approve"), None),
        # One character of the token changed.
        "altered": (clients.with_subject(clients.from_link(request, MANAGER, "approve"),
                                         approve.replace(token[30], "A" if token[30] != "A" else "B", 1)), None),
        # The other order's token in this order's thread.
        "other order": (clients.with_subject(clients.from_link(request, MANAGER, "approve"),
                                             f"[{order_no}] {other_approve.split('] ', 1)[1]}"), None),
    }
    for raw, envelope_from in attacks.values():
        send(mta, servers, raw, envelope_from=envelope_from)
    run_intake()
    # An expired link: the same valid approval, eight days later.
    monkeypatch.setenv("ORDERLOOP_NOW", "2023-10-09T11:00:00+08:00")
    send(mta, servers, clients.from_link(request, MANAGER, "approve"))
    run_intake()
    monkeypatch.setenv("ORDERLOOP_NOW", "2023-10-01T10:40:00+08:00")

    assert order(order_no).model_dump(exclude={"event_seq", "updated_at", "thread", "mail_sent"}) == before
    reasons = refusals(order_no)
    assert len(reasons) == 6, reasons
    assert any("issued to manager@example.com, not finance@example.com" in r for r in reasons)
    assert any("Return-Path" in r for r in reasons)
    assert any("not purchase@huadong.example" in r or "issued to" in r for r in reasons)
    assert any("altered" in r for r in reasons)
    assert any(f"for order {other_no}" in r for r in reasons)
    assert any("expired" in r for r in reasons)
    # Each sender was told; the forged mail's explanation went to the real manager.
    assert len([m for m in mails_to(mta, FINANCE) if "未执行" in str(m["Subject"])]) == 1
    assert len([m for m in mails_to(mta, CUSTOMER) if "未执行" in str(m["Subject"])]) == 1
    assert len([m for m in mails_to(mta, MANAGER) if "未执行" in str(m["Subject"])]) == 4

    # Now the real approval, then its replay, then the manager on the finance step.
    send(mta, servers, clients.from_link(request, MANAGER, "approve"))
    run_intake()
    assert order(order_no).status == Status.FINANCE_REVIEW
    send(mta, servers, clients.from_link(request, MANAGER, "approve"))
    finance_request = request_for(mta, FINANCE, order_no)
    send(mta, servers, clients.gmail(finance_request, MANAGER, "approve"))
    run_intake()
    assert order(order_no).status == Status.FINANCE_REVIEW
    assert any("already used" in r for r in refusals(order_no))
    assert any("issued to finance@example.com, not manager@example.com" in r for r in refusals(order_no))

    # A token from before a change: the customer changes the quantity, the manager approves the change.
    send(mta, servers, customer_reply(latest(mta, CUSTOMER, order_no),
                                      "请变更订单:\n数量:120台\n变更原因:项目扩大,需求增加"))
    run_intake()
    change_request = request_for(mta, MANAGER, order_no, "变更")
    assert "项目扩大" in clients.plain(change_request) and "100 → 120" in clients.plain(change_request)
    send(mta, servers, clients.outlook(change_request, MANAGER, "同意"))
    run_intake()
    record = order(order_no)
    assert (record.version, record.status, str(record.total_payable)) == (2, Status.MANAGER_REVIEW, "60800.00")
    assert "已批准" in clients.plain(latest(mta, CUSTOMER, "变更")) or "approved" in clients.plain(
        latest(mta, CUSTOMER, "变更"))
    send(mta, servers, clients.from_link(finance_request, FINANCE, "approve"))
    run_intake()
    assert order(order_no).status == Status.MANAGER_REVIEW
    assert any("version 1; the order is at version 2" in r for r in refusals(order_no))

    # Every refusal is in the trail that `orderloop orders show` prints, with its message.
    shown = CliRunner().invoke(app, ["orders", "show", order_no]).output
    assert shown.count("[refused]") == len(refusals(order_no)) == 9
    assert "[change_requested]" in shown and "[change_decided]" in shown


def test_the_two_hour_rule_reminds_then_escalates_to_the_deputy(servers, mta, monkeypatch):
    order_no = to_manager_review(mta, servers, seed_order(90))  # submitted 10:00
    runner = CliRunner()
    assert order_no not in runner.invoke(app, ["orders", "list", "--overdue"]).output
    monkeypatch.setenv("ORDERLOOP_NOW", "2023-10-01T12:00:00+08:00")
    assert deadlines_flow()["chased"] == 1
    reminder = request_for(mta, MANAGER, order_no, "提醒")
    assert clients.links(reminder)  # the reminder carries the same links
    assert "OVERDUE" in runner.invoke(app, ["orders", "list", "--overdue"]).output
    assert deadlines_flow()["chased"] == 0  # once per deadline
    monkeypatch.setenv("ORDERLOOP_NOW", "2023-10-01T14:00:00+08:00")
    assert deadlines_flow()["chased"] == 1
    escalation = request_for(mta, DEPUTY, order_no, "转办")
    assert "陈经理" in clients.plain(escalation) or MANAGER in clients.plain(escalation)
    # Ops see it in the Prefect UI: the run says it escalated (unlike a run that did nothing), the board the age.
    summary = newest_artifacts("what this run did")[0]
    assert summary.startswith("# timers: chased 1") and f"**{order_no}**: manager review 2 h" in summary
    assert "escalated" in summary and f"escalation → {DEPUTY}" in summary
    board = newest_artifacts(key="order-board")[0]
    assert "manager review 2 h / 经理审核2小时" in board and "| 2 h 0 min |" in board  # due 12:00, now 14:00
    kinds = [e.kind for e in open_repository(Settings()).audit_trail(order_no)]
    assert kinds.count("reminder") == 1 and kinds.count("escalation") == 1
    listed = runner.invoke(app, ["orders", "list", "--overdue", "--json"]).output
    assert order_no in listed
    timers = next(row for row in json.loads(listed) if row["order_no"] == order_no)["overdue_timers"]
    assert [(t["kind"], t["misses"]) for t in timers] == [("review", 2)]  # every overdue clock, with its kind
    send(mta, servers, clients.gmail(escalation, DEPUTY, "同意"))
    run_intake()
    record = order(order_no)
    assert was_effective(order_no) and record.decisions[-1].approver == DEPUTY


def test_over_the_credit_limit_the_rep_renegotiates_and_finance_decides_the_new_version(servers, mta):
    order_no = to_manager_review(mta, servers, seed_order(100, customer=QIMING), customer="zhao@qiming.example")
    send(mta, servers, clients.outlook(request_for(mta, MANAGER, order_no), MANAGER, "同意"))
    run_intake()
    record = order(order_no)
    assert record.status == Status.CREDIT_HOLD
    # Outstanding 45,000 + 70% of 50,800 = 80,560 over the 50,000 limit.
    hold = latest(mta, "zhang.rep@example.com", "信用待协商")
    assert "80,560.00" in clients.plain(hold) and "50,000.00" in clients.plain(hold)
    send(mta, servers, clients.outlook(hold, "zhang.rep@example.com", "已与客户协商,改为款到发货。"))
    run_intake()
    record = order(order_no)
    assert (record.status, record.version, record.payment_terms.prepayment_percent) == (
        Status.FINANCE_REVIEW, 2, 100)
    send(mta, servers, clients.foxmail(request_for(mta, FINANCE, order_no), FINANCE, "同意"))
    run_intake()
    assert was_effective(order_no)


def forged_approval(order_no: str, *headers: str, body: str = "同意") -> bytes:
    """A fresh mail, not a reply: no token, no In-Reply-To; only the order number in the subject."""
    head = list(headers) + [f"To: orders@example.com", f"Subject: [{order_no}] 同意",
                            "Message-ID: <forged-%d@evil.example>" % abs(hash(headers)),
                            "Date: Sun, 01 Oct 2023 10:35:00 +0800", "Content-Type: text/plain; charset=utf-8"]
    return ("\r\n".join(head) + "\r\n\r\n" + body + "\r\n").encode("utf-8")


def test_forged_approvers_are_refused_on_the_record_and_the_order_waits(servers, mta, monkeypatch):
    order_no = to_manager_review(mta, servers, seed_order(100))
    before = order(order_no).model_dump(exclude={"event_seq", "updated_at", "thread", "mail_sent"})
    encoded = "=?utf-8?B?bWFuYWdlckBleGFtcGxlLmNvbQ==?="  # manager@example.com, RFC 2047-encoded
    attacks = [
        # The manager's plain address, the order number, 同意: nothing that proves receipt of the request.
        forged_approval(order_no, f"From: {MANAGER}"),
        forged_approval(order_no, f"From: {encoded}"),
        forged_approval(order_no, "From: manager@=?utf-8?q?example.com?="),
        forged_approval(order_no, f"From: {MANAGER}, mallory@evil.example"),
        forged_approval(order_no, f"From: {MANAGER}", "From: mallory@evil.example"),
    ]
    for raw in attacks:  # the attacker also writes the manager's address as the envelope sender
        send(mta, servers, raw, envelope_from=MANAGER)
    # A genuine reply to the request, but sent with the null envelope sender <>, as bounces are.
    request = request_for(mta, MANAGER, order_no)
    send(mta, servers, clients.outlook(request, MANAGER, "同意"), envelope_from="")
    run_intake()
    assert order(order_no).model_dump(exclude={"event_seq", "updated_at", "thread", "mail_sent"}) == before
    reasons = refusals(order_no)
    assert len(reasons) == 6, reasons
    assert any("answers no approval request sent to you" in r for r in reasons)
    assert sum("RFC 2047" in r for r in reasons) == 2
    assert any("names 2 addresses" in r for r in reasons) and any("2 From headers" in r for r in reasons)
    assert any("null envelope sender" in r for r in reasons)

    # With the company's authserv-id set, a pass stamped by another server proves nothing.
    monkeypatch.setenv("ORDERLOOP_AUTHSERV_ID", "mx.example.com")
    fake_pass = "Authentication-Results: mx.evil.example; dmarc=pass header.from=example.com"
    send(mta, servers, clients.outlook(request, MANAGER, "同意").replace(b"From:", fake_pass.encode() + b"\r\nFrom:", 1))
    run_intake()
    assert order(order_no).status == Status.MANAGER_REVIEW
    assert any("no Authentication-Results from our mail server" in r for r in refusals(order_no))
    ours = "Authentication-Results: mx.example.com; spf=pass smtp.mailfrom=example.com; dmarc=pass header.from=example.com"
    send(mta, servers, clients.outlook(request, MANAGER, "同意").replace(b"From:", ours.encode() + b"\r\nFrom:", 1))
    run_intake()
    assert order(order_no).status == Status.FINANCE_REVIEW  # 50,800: the manager approved; finance next
