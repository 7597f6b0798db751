"""Procedure step 6 by email through the real servers (aiosmtpd → Dovecot, IMAP
in, SMTP out), the clock moved by ORDERLOOP_NOW: a damage remark on the signed
form opens an after-sales case; customer service's solution goes to the
customer, who is not satisfied, then is; a stranger's complaint opens nothing;
the survey goes 3 days after delivery, a reply with two scores is asked again
and the mailto link's score counts; the rep's 闭环 is refused while money is
owed, saying how much; the bank file pays the balance and the order closes by
itself, the customer and the rep told."""
from __future__ import annotations

import json
import re
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from typer.testing import CliRunner

from flows.cli import app
from flows.deadlines import deadlines_flow
from flows.settings import Settings
from orders.status import Status
from store.documents import DocumentArchive

from tests.flows import clients
from tests.flows.conftest import run_intake
from tests.flows.test_approval_servers import CUSTOMER, REP, latest, mails_to, order, send
from tests.flows.test_delivery_servers import CST, photo, reply_with, seed_shipped
from tests.flows.test_intake_servers import servers  # noqa: F401  (the fixture)

pytestmark = pytest.mark.integration

SERVICE = "service@example.com"


def at(monkeypatch, moment: str) -> None:
    monkeypatch.setenv("ORDERLOOP_NOW", moment)


def score_link(survey: EmailMessage, score: int) -> bytes:
    """The customer clicks the survey's link for `score`: a new mail, no threading headers."""
    html = survey.get_body(("html",)).get_content().replace("&amp;", "&")
    links = [urlsplit(link) for link in re.findall(r"mailto:[^\s\"'<>]+", html)]
    link = next(p for p in links if f"score {score}" in parse_qs(p.query)["subject"][0])
    query = {k: v[0] for k, v in parse_qs(link.query).items()}
    message = EmailMessage()
    message["From"], message["To"] = CUSTOMER, unquote(link.path)
    message["Subject"], message["Message-ID"] = query["subject"], make_msgid(domain="huadong.example")
    message["Date"] = format_datetime(__import__("datetime").datetime(2023, 10, 9, 9, 0, tzinfo=CST))
    message.set_content(query["body"] + "很好,下次还找你们")
    return message.as_bytes()


def test_a_case_is_solved_the_survey_answered_the_balance_paid_and_the_order_closes(servers, mta, monkeypatch):
    order_no = seed_shipped()
    at(monkeypatch, "2023-10-04T09:00:00+08:00")
    deadlines_flow()
    reminder = latest(mta, CUSTOMER, "明日到货")

    # The signed form, with a remark: delivered, and a case for customer service and the warehouse.
    at(monkeypatch, "2023-10-05T16:00:00+08:00")
    damage = photo(800, 600)
    send(mta, servers, reply_with(reminder, "已签收。第2箱外包装破损,少了2件。",
                                  [("签收单.jpg", photo(1200, 1600)), ("破损照片.jpg", damage)]))
    run_intake()
    record = order(order_no)
    (case,) = record.cases
    assert record.status == Status.AFTER_SALES and case.state == "open" and case.photos == ["破损照片.jpg"]
    filed = DocumentArchive(Settings().archive_dir).folder(order_no) / "cases" / case.case_no / "破损照片.jpg"
    assert filed.read_bytes() == damage  # the customer's photo, filed with the case
    opened = latest(mta, SERVICE, "售后单")
    assert case.case_no in clients.plain(opened) and "少了2件" in clients.plain(opened)

    # A stranger who names the customer opens no case.
    send(mta, servers, reply_with(reminder, "华东精密 CUST001 投诉:另外三箱也破损了", [],
                                  sender="buyer@huadong-evil.example"))
    run_intake()
    assert len(order(order_no).cases) == 1

    # Customer service answers; the customer is not satisfied, then is.
    at(monkeypatch, "2023-10-05T18:00:00+08:00")
    send(mta, servers, clients.outlook(opened, SERVICE, "处理方案:补发2件,并更换破损的一箱,10月7日前送到。"))
    run_intake()
    solution = latest(mta, CUSTOMER, "售后处理方案")
    assert "补发2件" in clients.plain(solution) and order(order_no).cases[0].state == "solution_sent"
    at(monkeypatch, "2023-10-06T10:00:00+08:00")
    send(mta, servers, clients.gmail(solution, CUSTOMER, "还是不行,补发的也没收到。"))
    run_intake()
    assert order(order_no).cases[0].state == "open"
    reopened = latest(mta, SERVICE, "客户不满意")
    assert "补发的也没收到" in clients.plain(reopened)
    send(mta, servers, clients.outlook(reopened, SERVICE, "处理方案:已加急顺丰补发,单号SF1234567890123,明天上午到。"))
    run_intake()
    at(monkeypatch, "2023-10-07T12:00:00+08:00")
    send(mta, servers, clients.gmail(latest(mta, CUSTOMER, "售后处理方案"), CUSTOMER, "收到了,满意,谢谢。"))
    run_intake()
    record = order(order_no)
    assert record.cases[0].state == "resolved" and record.status == Status.DELIVERED
    assert "已解决" in str(latest(mta, SERVICE, "售后已解决")["Subject"])
    cases = json.loads(CliRunner().invoke(app, ["cases", "list", "--json"]).output)
    assert cases == [{"case_no": case.case_no, "order_no": order_no, "state": "resolved",
                      "opened_at": case.opened_at.isoformat(), "problem": case.problem}]

    # The rep may not close while money is owed: the refusal says how much.
    send(mta, servers, clients.outlook(latest(mta, REP, "售后单"), REP, "闭环"))
    run_intake()
    assert order(order_no).status == Status.DELIVERED
    assert "45,000.00 still owed" in clients.plain(latest(mta, REP, "未执行"))

    # The survey, 3 days after delivery; two scores are asked again; the link's score counts.
    at(monkeypatch, "2023-10-08T10:00:00+08:00")
    deadlines_flow()
    survey = latest(mta, CUSTOMER, "满意度回访")
    send(mta, servers, clients.gmail(survey, CUSTOMER, "质量4分,交付3分"))
    run_intake()
    assert "two scores" in clients.plain(latest(mta, CUSTOMER, "评分无法识别"))
    at(monkeypatch, "2023-10-09T09:00:00+08:00")
    send(mta, servers, score_link(survey, 5))
    run_intake()
    record = order(order_no)
    assert record.survey.score == 5 and record.survey.satisfied and record.status == Status.DELIVERED

    # The bank file pays the balance: the order closes by itself.
    bank = Settings().home / "bank.csv"
    bank.write_text(f"date,order_no,amount,reference\n2023-10-09,{order_no},45000.00,BANK-20231009-01\n",
                    encoding="utf-8")
    result = CliRunner().invoke(app, ["import", "payments", str(bank)])
    assert result.exit_code == 0, result.output
    assert order(order_no).status == Status.CLOSED
    run_intake()  # the next poll sends what the import queued
    for person in (CUSTOMER, REP):
        assert order_no in str(latest(mta, person, "已闭环")["Subject"])
    assert not mails_to(mta, "buyer@huadong-evil.example")

    # The archive holds the whole thread both ways, the final sales order, the form and the closure record.
    folder = DocumentArchive(Settings().archive_dir).folder(order_no)
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    closure = json.loads((folder / "closure.json").read_text(encoding="utf-8"))
    assert closure["closed_by"] == "orderloop" and closure["balance_due"] == "0.00"
    assert [p["reference"] for p in closure["payments"]] == ["BANK-20231009-01"]
    assert [(c["case_no"], c["state"], len(c["solutions"])) for c in closure["cases"]] == [(case.case_no, "resolved", 2)]
    assert closure["survey"]["score"] == 5 and closure["signed_form"]["file"] in manifest["files"]
    assert "sales_order.pdf" in {d["file"] for d in manifest["documents"].values()}
    ours = {re.sub(r"[^A-Za-z0-9._-]+", "_", m["Message-ID"].strip("<>"))  # what the customer got, as filed
            for m in mails_to(mta, CUSTOMER)}
    filed = {name[len("mail/"):-len(".eml")] for name in manifest["files"] if name.startswith("mail/")}
    assert ours <= filed, ours - filed
    assert DocumentArchive(Settings().archive_dir).verify(order_no) == []
    # Every change the customer saw was told within 24 hours.
    assert json.loads(CliRunner().invoke(app, ["notices", "--late", "--json"]).output) == []
