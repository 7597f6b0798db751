"""The document archive: layout, checksums, versions, idempotent writes."""
from __future__ import annotations

import hashlib
import json
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from orders.model import Order
from store.documents import DocumentArchive

AT = datetime(2023, 10, 1, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


def order() -> Order:
    return Order.receive("SO2023100001", at=AT, actor="c@x", message_id=None)


def test_documents_emails_and_the_order_land_in_the_orders_month_folder(tmp_path):
    archive, o = DocumentArchive(tmp_path), order()
    stored = archive.put_document(o, "order", "sales_order.pdf", b"%PDF-1 one", version=1, number="XS2023100001-01",
                                  at=AT)
    archive.put_email("SO2023100001", "<hd-1@huadong.example>", b"From: a@b\r\n\r\nhi\r\n")
    folder = tmp_path / "2023" / "10" / "SO2023100001"
    assert stored.path == folder / "sales_order.pdf" and stored.new and stored.version == 1
    assert (folder / "mail" / "hd-1_huadong.example.eml").read_bytes().startswith(b"From: a@b")
    assert json.loads((folder / "order.json").read_text())["order_no"] == "SO2023100001"
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["documents"]["order"]["sha256"] == hashlib.sha256(b"%PDF-1 one").hexdigest()
    for name, digest in manifest["files"].items():
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest
    assert archive.verify("SO2023100001") == []


def test_the_same_document_again_is_not_a_new_version_and_a_changed_order_is(tmp_path):
    archive, o = DocumentArchive(tmp_path), order()
    assert archive.next_version(o.order_no, "order", order=o, again=False) == 1
    archive.put_document(o, "order", "sales_order.pdf", b"%PDF v1", version=1, number="n1", at=AT)
    assert archive.next_version(o.order_no, "order", order=o, again=False) == 1
    assert not archive.put_document(o, "order", "sales_order.pdf", b"%PDF v1", version=1, number="n1", at=AT).new
    assert archive.next_version(o.order_no, "order", order=o, again=True) == 2
    o.note("note", at=AT, actor="x", reason="an event at the same minute still changes the state")
    assert archive.next_version(o.order_no, "order", order=o, again=False) == 2
    o.version, o.updated_at = 2, AT + timedelta(hours=1)
    assert archive.next_version(o.order_no, "order", order=o, again=False) == 2
    archive.put_document(o, "order", "sales_order.pdf", b"%PDF v2", version=2, number="n2", at=AT)
    entry = archive.manifest(o.order_no)["documents"]["order"]
    assert [h["version"] for h in entry["history"]] == [1, 2] and entry["number"] == "n2"
    assert (tmp_path / "2023" / "10" / "SO2023100001" / "sales_order.pdf").read_bytes() == b"%PDF v2"


def test_a_tampered_file_is_reported(tmp_path):
    archive, o = DocumentArchive(tmp_path), order()
    archive.put_document(o, "order", "sales_order.pdf", b"%PDF ok", version=1, number="n", at=AT)
    (tmp_path / "2023" / "10" / "SO2023100001" / "sales_order.pdf").write_bytes(b"%PDF changed")
    assert archive.verify("SO2023100001") == ["sales_order.pdf"]


def test_an_email_is_archived_once(tmp_path):
    archive = DocumentArchive(tmp_path)
    first = archive.put_email("SO2023100001", "<m@x>", b"one")
    archive.put_email("SO2023100001", "<m@x>", b"two")
    assert first.read_bytes() == b"one"


def test_only_issued_order_numbers_have_a_folder(tmp_path):
    with pytest.raises(ValueError):
        DocumentArchive(tmp_path).folder("../../etc")


# --- whose order a folder holds (issue 9, findings 2 and 3) ------------------------------------

def test_an_order_from_an_email_without_message_id_keeps_its_documents_once_we_mail_it(tmp_path):
    """Its thread is empty when the PDF is rendered; our mail then joins it.
    The folder is still that order's: the requirements list just mailed stays."""
    archive, o = DocumentArchive(tmp_path), order()
    assert o.thread == []
    archive.put_document(o, "requirements", "requirements.pdf", b"%PDF req", version=1, number="XQ1", at=AT)
    o.record_mail("<SO2023100001.requirements_list.1@example.com>", "c@x")
    archive.put_order(o)  # what archive_originals does after the store committed
    manifest = archive.manifest(o.order_no)
    assert manifest["documents"]["requirements"]["sha256"] == hashlib.sha256(b"%PDF req").hexdigest()
    assert archive.verify(o.order_no) == []
    assert archive.plan(o, "requirements", again=False)[1].content == b"%PDF req"  # read back, not rendered


def test_the_identity_is_fixed_at_receipt(tmp_path):
    from store.documents import order_identity

    o = order()
    before = order_identity(o)
    o.record_mail("<ours-1@example.com>", "c@x")
    o.join_thread("<their-answer@x>")
    assert order_identity(o) == before == ("SO2023100001", "2023-10-01T02:00:00+00:00", None)
    with_id = Order.receive("SO2023100001", at=AT, actor="c@x", message_id="<po-1@x>")
    with_id.thread = ["<po-1@x>"]
    with_id.record_mail("<ours-2@example.com>", "c@x")
    assert order_identity(with_id) == ("SO2023100001", "2023-10-01T02:00:00+00:00", "<po-1@x>")


def test_the_archived_document_of_another_order_under_that_number_is_never_given_back(tmp_path):
    archive, first = DocumentArchive(tmp_path), order()
    archive.put_document(first, "requirements", "requirements.pdf", b"%PDF first", version=1, number="XQ1", at=AT)
    other = Order.receive("SO2023100001", at=AT + timedelta(minutes=1), actor="d@y", message_id=None)
    assert (other.version, other.event_seq) == (first.version, first.event_seq)  # the counts alone agree
    assert archive.plan(other, "requirements", again=False) == (1, None)
    archive.put_document(other, "requirements", "requirements.pdf", b"%PDF other", version=1, number="XQ1", at=AT)
    manifest = archive.manifest(other.order_no)
    assert [h["sha256"] for h in manifest["documents"]["requirements"]["history"]] == \
        [hashlib.sha256(b"%PDF other").hexdigest()]
    assert manifest["identity"][1] == "2023-10-01T02:01:00+00:00"
