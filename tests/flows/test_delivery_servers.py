"""Procedure step 5 by email through the real servers (aiosmtpd → Dovecot, IMAP
in, SMTP out) and a Kuaidi100-compatible tracking service on a loopback port:
a shipped order in transit, a carrier exception told to logistics and the rep,
no answer for 2 hours (reminder, then the sales manager), logistics' delay
reply to the customer, the reminder the day before arrival with the 签收单,
a scan too small to read refused, a stranger's scan ignored, and the signed
form with a damage remark accepted: 已签收, the form in the archive with its
checksum, and the remark an after-sales case for customer service and the
warehouse. The clock is ORDERLOOP_NOW."""
from __future__ import annotations

import email
import email.policy
import hashlib
import io
import json
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from email.utils import format_datetime, make_msgid

import pytest
from PIL import Image, ImageDraw
from typer.testing import CliRunner

from flows.cli import app
from flows.components import open_repository
from flows.deadlines import deadlines_flow
from flows.settings import Settings
from flows.tracking import tracking_flow
from orders.delivery import set_arrival_reminder
from orders.model import Order, OrderLine
from orders.shipment import Shipment
from orders.status import Status
from store.documents import DocumentArchive

from tests.flows import clients
from tests.flows.conftest import run_intake
from tests.flows.test_approval_servers import CUSTOMER, MANAGER, REP, latest, mails_to, order, send
from tests.flows.test_fulfilment_servers import pdf_text
from tests.flows.test_intake_servers import servers  # noqa: F401  (the fixture)
from tracking.sandbox import NUMBERS, Answer, FakeKuaidi100, tracking_answer

pytestmark = pytest.mark.integration

LOGISTICS, SERVICE = "logistics@example.com", "service@example.com"
CST = timezone(timedelta(hours=8))
SHIPPED_AT = datetime(2023, 10, 1, 10, 0, tzinfo=CST)
NUMBER = NUMBERS["in_transit"]
ON_THE_WAY = [("2023-10-02 10:30:00", "【深圳市】顺丰速运 已收取快件", "广东省,深圳市", "1"),
              ("2023-10-03 06:40:00", "快件到达【上海浦东转运中心】", "上海,上海市", "0")]


def photo(width: int, height: int) -> bytes:
    """A phone photo of the signed form (noise, so it is as big as a real one)."""
    image = Image.effect_noise((width, height), 40).convert("RGB")
    ImageDraw.Draw(image).text((40, 40), "SIGNED", fill="black")
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


def reply_with(original, body: str, files: list[tuple[str, bytes]], *, sender: str = CUSTOMER) -> bytes:
    """The customer's mail client: Re: subject, threading headers, the photo attached."""
    reply = email.message.EmailMessage()
    reply["From"], reply["To"] = sender, str(original["From"])
    reply["Subject"] = "Re: " + str(original["Subject"])
    reply["Date"] = format_datetime(datetime(2023, 10, 9, 15, 50, tzinfo=CST))
    reply["Message-ID"] = make_msgid(domain="huadong.example")
    reply["In-Reply-To"] = reply["References"] = original["Message-ID"]
    reply.set_content(body + "\n\n> " + "\n> ".join(clients.plain(original).splitlines()))
    for name, data in files:
        reply.add_attachment(data, maintype="image", subtype="jpeg", filename=name)
    return reply.as_bytes()


def seed_shipped() -> str:
    """An order logistics shipped this morning (steps 1–4 are tested elsewhere)."""
    order_no = "SO2023100001"
    order = Order.receive(order_no, at=SHIPPED_AT - timedelta(days=3), actor=CUSTOMER, message_id=None)
    order.reply_to, order.sales_rep, order.status = CUSTOMER, REP, Status.SHIPPED
    order.customer.name, order.customer.code, order.customer.contact = "华东精密机械有限公司", "CUST001", "王先生"
    order.customer.phone = "13800000001"
    order.lines = [OrderLine(line_no=1, sku="P001", name="不锈钢法兰", quantity=Decimal(90), unit="件",
                             unit_price=Decimal("500.00"))]
    order.recompute_totals()
    order.actual_ship_date = SHIPPED_AT.date()
    order.shipment = Shipment(carrier="顺丰速运", carrier_code="shunfeng", tracking_no=NUMBER, packages=2,
                              window_start=date(2023, 10, 5), window_end=date(2023, 10, 6), window_state="agreed",
                              shipped_at=SHIPPED_AT, shipped_by=LOGISTICS)
    set_arrival_reminder(order, SHIPPED_AT)
    with open_repository(Settings()).unit_of_work() as uow:
        uow.save_order(order)
    return order_no


def at(monkeypatch, moment: str) -> None:
    monkeypatch.setenv("ORDERLOOP_NOW", moment)


@pytest.fixture
def kuaidi100(servers, monkeypatch):
    with FakeKuaidi100() as fake:
        for name, value in (("URL", fake.url), ("CUSTOMER", fake.customer), ("KEY", fake.key), ("TIMEOUT", "2")):
            monkeypatch.setenv(f"ORDERLOOP_TRACKING_{name}", value)
        yield fake


def test_a_shipment_is_tracked_delayed_reminded_and_signed_for_by_email(servers, mta, kuaidi100, monkeypatch):
    order_no = seed_shipped()
    # In transit: the events go on the shipment, nobody is told.
    kuaidi100.answers[NUMBER] = Answer(tracking_answer(NUMBER, "0", ON_THE_WAY, arrivalTime="2023-10-05 18"))
    at(monkeypatch, "2023-10-03T08:00:00+08:00")
    assert tracking_flow()["told"] == 0
    assert [e.text for e in order(order_no).shipment.events][-1] == "快件到达【上海浦东转运中心】"

    # The carrier's exception: logistics and the rep at once, with its words; 2 h for logistics.
    kuaidi100.answers[NUMBER] = Answer(tracking_answer(NUMBER, "14", ON_THE_WAY + [
        ("2023-10-03 15:00:00", "收件人拒收,原因:包装破损", "上海,上海市", "14")]))
    at(monkeypatch, "2023-10-03T15:30:00+08:00")
    tracking_flow()
    exception = latest(mta, LOGISTICS, "物流异常")
    assert "包装破损" in clients.plain(exception) and "包装破损" in clients.plain(latest(mta, REP, "物流异常"))
    assert order(order_no).timer("exception") is not None

    # No answer for 2 hours: logistics is reminded; 2 more, and the sales manager has it.
    at(monkeypatch, "2023-10-03T17:31:00+08:00")
    deadlines_flow()
    assert "物流异常" in clients.plain(latest(mta, LOGISTICS, "待办提醒"))
    at(monkeypatch, "2023-10-03T19:31:00+08:00")
    deadlines_flow()
    assert order_no in str(latest(mta, MANAGER, "转办")["Subject"])

    # Logistics answers: the customer gets the delay with the new date and what is being done.
    send(mta, servers, clients.outlook(exception, LOGISTICS, "延迟:客户拒收外包装破损的一箱,已重新包装补发 预计送达:10月9日"))
    run_intake()
    record = order(order_no)
    assert str(record.estimated_arrival_date) == "2023-10-09" and record.timer("exception") is None
    delay = clients.plain(latest(mta, CUSTOMER, "延迟"))
    assert "2023-10-09" in delay and "重新包装补发" in delay

    # The day before arrival: the customer is reminded, with the 签收单 to sign.
    at(monkeypatch, "2023-10-08T09:00:00+08:00")
    deadlines_flow()
    reminder = latest(mta, CUSTOMER, "明日到货")
    assert [p.get_content_type() for p in reminder.iter_attachments()] == ["application/pdf"]
    form_text = pdf_text(reminder)
    assert "签收单" in form_text and NUMBER in form_text and "顺丰速运" in form_text
    assert "外观" in clients.plain(reminder) and "600" in clients.plain(reminder)

    # A photo too small to read is refused, saying why; the customer is asked again.
    at(monkeypatch, "2023-10-09T16:00:00+08:00")
    send(mta, servers, reply_with(reminder, "已签收,签收单见附件", [("IMG_0001.jpg", photo(480, 640))]))
    run_intake()
    assert order(order_no).status == Status.SHIPPED
    again = clients.plain(latest(mta, CUSTOMER, "无法识别"))
    assert "480×640" in again and "600" in again

    # A stranger who names the customer cannot sign for the goods.
    send(mta, servers, reply_with(reminder, "华东精密机械 CUST001 已签收", [("signed.jpg", photo(1200, 1600))],
                                  sender="buyer@huadong-evil.example"))
    run_intake()
    assert order(order_no).status == Status.SHIPPED

    # The signed form with a remark: delivered, the remark to the rep and customer service.
    good = photo(1512, 2016)
    send(mta, servers, reply_with(reminder, "已签收。第2箱外包装破损,少货3件,已在签收单上注明。",
                                  [("签收单-已签字.jpg", good)]))
    run_intake()
    record = order(order_no)
    assert record.status == Status.AFTER_SALES and str(record.actual_delivery_date) == "2023-10-09"
    assert "少货3件" in record.delivery.remarks[0].text
    assert "已签收" in clients.plain(latest(mta, CUSTOMER, "已签收"))
    assert "已签收" in clients.plain(latest(mta, REP, "已签收"))
    (case,) = record.cases  # the remark is an after-sales case: customer service and the warehouse have 24 h
    for person in (REP, SERVICE, "warehouse@example.com"):
        assert "少货3件" in clients.plain(latest(mta, person, "售后单")) and case.case_no in clients.plain(
            latest(mta, person, "售后单"))
    assert case.case_no in clients.plain(latest(mta, CUSTOMER, "售后已受理"))
    folder = DocumentArchive(Settings().archive_dir).folder(order_no)
    stored = folder / record.delivery.form.file
    assert stored.read_bytes() == good
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["files"][record.delivery.form.file] == hashlib.sha256(good).hexdigest()
    shown = json.loads(CliRunner().invoke(app, ["orders", "show", order_no, "--json"]).output)
    assert shown["status"] == "after_sales" and shown["delivery"]["form"]["sha256"] == hashlib.sha256(good).hexdigest()
    assert not mails_to(mta, "buyer@huadong-evil.example")  # nothing of the customer's went to the stranger
