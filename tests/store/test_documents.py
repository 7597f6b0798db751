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
