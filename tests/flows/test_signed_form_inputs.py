"""Hostile and awkward sign-off files through the intake (the embedded Maildir):
each is read from its bytes within the parse budget, never crashes the poll
and never makes an order delivered unless it is a readable photo or scan.
0 bytes, a Windows program renamed .jpg and a PDF with no pages are refused
and the customer told why; an iPhone's HEIC photo and a 30 MB photo are
taken. (parsers/scans.py has the unit tests of each kind of file.)"""
from __future__ import annotations

import io
import os

import pytest
from PIL import Image

from flows.components import open_mailbox, open_repository
from flows.deadlines import deadlines_flow
from flows.settings import Settings
from orders.status import Status
from store.documents import DocumentArchive

from tests.flows import clients
from tests.flows.conftest import run_intake
from tests.flows.helpers import outbox
from tests.flows.test_delivery_servers import photo, reply_with, seed_shipped

pytestmark = pytest.mark.integration

CUSTOMER = "purchase@huadong.example"


def empty_pdf() -> bytes:
    from pypdf import PdfWriter

    buffer = io.BytesIO()
    PdfWriter().write(buffer)
    return buffer.getvalue()


def heic(width: int, height: int) -> bytes:
    from pillow_heif import register_heif_opener

    register_heif_opener()
    buffer = io.BytesIO()
    Image.effect_noise((width, height), 30).convert("RGB").save(buffer, "HEIF")
    return buffer.getvalue()


def big_photo() -> bytes:
    """About 30 MB: a 6000×4500 photo with fine detail, as a phone's best setting makes."""
    image = Image.frombytes("RGB", (6000, 4500), os.urandom(6000 * 4500 * 3))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=97)
    return buffer.getvalue()


@pytest.fixture
def reminded(home, prefect_api, monkeypatch):
    order_no = seed_shipped()
    monkeypatch.setenv("ORDERLOOP_NOW", "2023-10-04T09:00:00+08:00")
    deadlines_flow()
    (reminder,) = [m for m in outbox(home) if "明日到货" in str(m["Subject"])]
    return order_no, reminder


def answer(home, reminder, name: str, data: bytes):
    with open_mailbox(Settings()) as mailbox:
        mailbox.append(reply_with(reminder, "已签收,签收单见附件", [(name, data)]))
    counts = run_intake()
    assert counts.get("quarantine", 0) == 0 and counts["processed"] == 1, counts
    return counts


@pytest.mark.parametrize("name, data, why", [
    ("签收单.jpg", b"", "empty (0 bytes)"),
    ("签收单.jpg", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + os.urandom(40_000), "a Windows program"),
    ("签收单.pdf", empty_pdf(), "no pages"),
])
def test_a_file_that_is_no_readable_scan_is_refused_and_the_customer_told_why(reminded, home, name, data, why):
    order_no, reminder = reminded
    answer(home, reminder, name, data)
    order = open_repository(Settings()).get_order(order_no)
    assert order.status == Status.SHIPPED and order.delivery.form is None
    (again,) = [m for m in outbox(home) if "无法识别" in str(m["Subject"])]
    assert str(again["To"]) == CUSTOMER and why in clients.plain(again)


def test_an_iphone_heic_photo_is_taken_and_archived_as_sent(reminded, home):
    order_no, reminder = reminded
    data = heic(1512, 2016)
    answer(home, reminder, "IMG_4031.HEIC", data)
    order = open_repository(Settings()).get_order(order_no)
    assert order.status == Status.DELIVERED and order.delivery.form.file.endswith(".heic")
    assert (DocumentArchive(Settings().archive_dir).folder(order_no) / order.delivery.form.file).read_bytes() == data


def test_a_30_mb_photo_is_taken_within_the_parse_budget(reminded, home):
    order_no, reminder = reminded
    data = big_photo()
    assert len(data) > 30 * 2**20
    answer(home, reminder, "DSC_0001.jpg", data)
    order = open_repository(Settings()).get_order(order_no)
    assert order.status == Status.DELIVERED and (order.delivery.form.width, order.delivery.form.size) == (6000, len(data))


def test_a_forged_signed_form_is_refused_on_the_record_and_nobody_is_mailed(reminded, home, monkeypatch):
    """The customer's address in From, our reminder in In-Reply-To, but our mail server says DMARC failed."""
    order_no, reminder = reminded
    raw = reply_with(reminder, "已签收", [("签收单.jpg", photo(1200, 1600))])
    forged = b"Authentication-Results: mx.company.example; dmarc=fail header.from=huadong.example\r\n" + raw
    before = len(outbox(home))
    with open_mailbox(Settings()) as mailbox:
        mailbox.append(forged)
    run_intake()
    order = open_repository(Settings()).get_order(order_no)
    assert order.status == Status.SHIPPED and (order.delivery is None or order.delivery.form is None)
    trail = open_repository(Settings()).audit_trail(order_no)
    assert any(e.kind == "refused" and "dmarc=fail" in e.reason for e in trail)
    assert len(outbox(home)) == before  # nothing is sent to a From that may be forged


def test_logistics_forwarding_the_signed_form_in_our_thread_delivers_the_order(home, prefect_api, monkeypatch):
    """The customer handed the form to the driver; logistics answers our exception mail with its photo."""
    from flows.tracking import tracking_flow
    from tracking.sandbox import NUMBERS, FakeKuaidi100

    order_no = seed_shipped()
    with FakeKuaidi100() as fake:
        for name, value in (("URL", fake.url), ("CUSTOMER", fake.customer), ("KEY", fake.key)):
            monkeypatch.setenv(f"ORDERLOOP_TRACKING_{name}", value)
        fake.answers[NUMBERS["in_transit"]] = fake.answers[NUMBERS["exception_2"]]
        tracking_flow()
    (exception,) = [m for m in outbox(home) if "物流异常" in str(m["Subject"]) and "logistics@" in str(m["To"])]
    # The warehouse holds no such role: its copy of the form is refused; logistics' is taken.
    for sender in ("warehouse@example.com", "logistics@example.com"):
        with open_mailbox(Settings()) as mailbox:
            mailbox.append(reply_with(exception, "客户签收单转发,已签收", [("签收单.jpg", photo(1200, 1600))],
                                      sender=sender))
        run_intake()
        status = open_repository(Settings()).get_order(order_no).status
        assert status == (Status.SHIPPED if sender.startswith("warehouse") else Status.DELIVERED)
    order = open_repository(Settings()).get_order(order_no)
    assert order.delivery.form.sender == "logistics@example.com"
    assert sorted(str(m["To"]) for m in outbox(home) if "已签收" in str(m["Subject"])) == [
        "li.rep@example.com", CUSTOMER]


def test_the_doctor_finds_a_signed_form_on_record_that_was_never_filed(reminded, home):
    import json

    from flows.doctor import examine

    order_no, reminder = reminded
    answer(home, reminder, "签收单.jpg", photo(1200, 1600))
    assert not [f for f in examine(Settings()).findings if "签收单" in f.line()]
    order = open_repository(Settings()).get_order(order_no)
    folder = DocumentArchive(Settings().archive_dir).folder(order_no)
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    del manifest["files"][order.delivery.form.file]  # as if the archive step had never run
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    (folder / order.delivery.form.file).unlink()
    (finding,) = [f for f in examine(Settings()).findings if "签收单" in f.line()]
    assert order.delivery.form.file in finding.line() and CUSTOMER in finding.line()
