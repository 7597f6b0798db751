"""A store file that is not what the store wrote is never taken for an empty
store, and an order number is never issued twice, even from a lost store."""
from __future__ import annotations

import json
import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from orders.master import CustomerRecord
from store import StoreCorrupt, StoreError, TinyRepository
from store.audit import AuditLog
from store.documents import DocumentArchive
from store.errors import backup_path

OCTOBER = date(2023, 10, 5)


def half(data: bytes) -> bytes:
    return data[: len(data) // 2]


# What a power cut, a full disk, an editor or a bad restore leaves behind.
BROKEN = {
    "emptied": lambda good: b"",
    "whitespace": lambda good: b"  \n\t \n",
    "null": lambda good: b"null",
    "truncated mid-JSON": half,
    "a list": lambda good: b"[]",
    "a number": lambda good: b"42",
    "a table that is a list": lambda good: b'{"orders": []}',
    "a document that is a string": lambda good: b'{"orders": {"1": "SO2023100001"}}',
    "a document without its key": lambda good: b'{"orders": {"1": {"status": "received"}}}',
    "a document id that is not a number": lambda good: b'{"orders": {"x": {"order_no": "SO2023100001"}}}',
    "not UTF-8": lambda good: b"\xff\xfe{\x00",
}


@pytest.fixture
def stored(tiny, make):
    """A store with one committed order."""
    with tiny.unit_of_work() as uow:
        make.received(uow)
    return tiny


@pytest.mark.parametrize("damage", BROKEN.values(), ids=BROKEN.keys())
def test_a_broken_live_file_stops_every_unit_of_work_and_read_and_is_left_as_it_is(stored, make, damage):
    broken = damage(stored.live_path.read_bytes())
    stored.live_path.write_bytes(broken)

    with pytest.raises(StoreCorrupt) as caught:
        with stored.unit_of_work() as uow:
            uow.next_order_no(OCTOBER)
    for read in (stored.list_orders, stored.check, lambda: stored.get_order("SO2023100001"),
                 lambda: stored.find_processed("<x@example.com>")):
        with pytest.raises(StoreCorrupt):
            read()
    message = str(caught.value)
    assert str(stored.live_path) in message and "orderloop doctor" in message
    assert "\n" not in message
    assert stored.live_path.read_bytes() == broken  # nothing was written over it


def test_a_missing_live_file_is_an_empty_store_but_not_once_it_had_a_previous_generation(tiny, make):
    assert tiny.list_orders() == [] and not tiny.live_path.exists()
    with tiny.unit_of_work() as uow:
        make.received(uow)
    assert not backup_path(tiny.live_path).exists()  # the first commit has nothing to keep
    with tiny.unit_of_work() as uow:
        make.received(uow)
    assert backup_path(tiny.live_path).exists()

    tiny.live_path.unlink()
    with pytest.raises(StoreCorrupt, match="is missing, but orders.json.bak"):
        tiny.list_orders()


def test_each_commit_keeps_the_file_it_replaces_as_bak_and_the_error_says_how_to_put_it_back(tiny, make):
    with tiny.unit_of_work() as uow:
        first = make.received(uow).order_no
    with tiny.unit_of_work() as uow:
        second = make.received(uow).order_no
    previous = json.loads(backup_path(tiny.live_path).read_text("utf-8"))
    assert [d["order_no"] for d in previous["orders"].values()] == [first]
    current = json.loads(tiny.live_path.read_text("utf-8"))
    assert sorted(d["order_no"] for d in current["orders"].values()) == [first, second]
    assert backup_path(tiny.live_path).stat().st_ino != tiny.live_path.stat().st_ino

    tiny.live_path.write_bytes(b"null")
    with pytest.raises(StoreCorrupt, match=r"orderloop doctor --restore.*orders\.json\.bak"):
        tiny.check()


def customer(code: str = "CUST001") -> CustomerRecord:
    return CustomerRecord(code=code, name="华东精密机械有限公司", email="wang@huadong.example",
                          credit_limit=Decimal("100000"))


def test_a_half_written_master_file_raises_store_corrupt_not_an_empty_directory(tiny):
    with tiny.unit_of_work() as uow:
        uow.replace_master("customers", [customer(f"C{i:03d}") for i in range(20)])
    master = tiny.home / "master.json"
    master.write_bytes(half(master.read_bytes()))

    with pytest.raises(StoreCorrupt, match="master.json is not valid JSON"):
        with tiny.unit_of_work() as uow:
            uow.master.customer_by_code("C001")
    with pytest.raises(StoreCorrupt):
        tiny.master()
    with pytest.raises(StoreCorrupt):
        tiny.check()


def test_a_master_record_that_does_not_validate_is_store_corrupt(tiny):
    with tiny.unit_of_work() as uow:
        uow.replace_master("customers", [customer()])
    master = tiny.home / "master.json"
    data = json.loads(master.read_text("utf-8"))
    (doc,) = data["customers"].values()
    doc["credit_limit"] = "a lot"
    master.write_text(json.dumps(data), "utf-8")
    with pytest.raises(StoreCorrupt, match="customers record 'CUST001' that does not validate"):
        tiny.master()


def test_a_broken_month_archive_raises_when_it_is_read(tiny, make):
    no, book = archived(tiny, make)
    book.write_bytes(b"")
    with pytest.raises(StoreCorrupt, match="2023-10.json is empty"):
        tiny.get_order(no)


def test_the_exception_names_the_file_and_a_remedy_and_is_a_store_error(tmp_path):
    error = StoreCorrupt(tmp_path / "orders.json", "is empty")
    assert isinstance(error, StoreError)
    assert str(error).startswith(f"store file {tmp_path / 'orders.json'} is empty: ")
    assert "backup" in str(error)


# --- order numbers ----------------------------------------------------------------

def issue(repo) -> str:
    with repo.unit_of_work() as uow:
        return uow.next_order_no(OCTOBER)


def lose(tiny: TinyRepository) -> None:
    tiny.live_path.unlink()
    backup_path(tiny.live_path).unlink(missing_ok=True)


def test_a_lost_store_does_not_issue_a_number_the_audit_trail_holds(stored, make):
    assert [e["order_no"] for e in AuditLog(stored.home / "audit").read(None)] == ["SO2023100001"]
    lose(stored)
    assert stored.list_orders() == []  # truly gone: a fresh store as far as the file goes
    with stored.unit_of_work() as uow:
        order = make.received(uow)
    assert order.order_no == "SO2023100002"
    assert issue(stored) == "SO2023100003"  # and the counter goes on from there


def test_a_store_put_back_from_an_older_generation_does_not_issue_its_numbers_again(stored, make):
    with stored.unit_of_work() as uow:
        assert make.received(uow).order_no == "SO2023100002"
    shutil.copy(backup_path(stored.live_path), stored.live_path)  # the counter says 1 again
    assert [o.order_no for o in stored.list_orders()] == ["SO2023100001"]
    assert issue(stored) == "SO2023100003"


def archived_order(tmp_path: Path, make, no: str, message_id: str, *, emails: bool) -> DocumentArchive:
    archive = DocumentArchive(tmp_path / "archive")
    order = make.order(no, message_id=message_id)
    archive.put_document(order, "order", "sales_order.pdf", b"%PDF-1.7 " + no.encode(), version=1,
                         number="XS" + no[2:], at=make.now)
    if emails:  # filed only after the store committed the order
        archive.put_emails(no, [(message_id, b"Message-ID: " + message_id.encode() + b"\r\n\r\nhi")], order)
    return archive


def test_a_number_whose_archive_folder_holds_the_order_emails_is_not_issued_again(tmp_path, make):
    repo = TinyRepository(tmp_path / "store")  # the archive beside it: tmp_path/archive
    archived_order(tmp_path, make, "SO2023100001", "<po-1@huadong.example>", emails=True)
    archived_order(tmp_path, make, "SO2023100003", "<po-3@huadong.example>", emails=True)
    assert issue(repo) == "SO2023100004"


def test_the_folder_of_a_unit_of_work_that_never_committed_gives_its_number_back(tmp_path, make):
    repo = TinyRepository(tmp_path / "store")
    # Rendered, then the process died before the commit: no email was filed, nothing was sent.
    archived_order(tmp_path, make, "SO2023100001", "<po-1@huadong.example>", emails=False)
    assert issue(repo) == "SO2023100001"


def test_the_audit_trail_is_read_from_where_the_counter_last_looked(stored, make, monkeypatch):
    audit_file = stored.home / "audit" / "2023-10.jsonl"
    starts: list[int] = []
    real = AuditLog.highest_order_seq

    def spy(self, month, start=0):
        starts.append(start)
        return real(self, month, start)

    monkeypatch.setattr(AuditLog, "highest_order_seq", spy)
    size_after_first = audit_file.stat().st_size
    with stored.unit_of_work() as uow:
        make.received(uow)
        make.received(uow)  # the second number of a unit does not look again
    with stored.unit_of_work() as uow:
        make.received(uow)
    assert starts == [0, size_after_first]
    counter = json.loads(stored.live_path.read_text("utf-8"))["counters"]
    (doc,) = counter.values()
    assert doc["last"] == 4


def test_the_memory_twin_also_checks_its_audit_trail(repo, make):
    with repo.unit_of_work() as uow:
        make.received(uow)
    assert issue(repo) == "SO2023100002"


# --- the document archive never mixes two orders -------------------------------------

def test_a_new_order_takes_over_the_folder_an_uncommitted_one_left_under_its_number(tmp_path, make):
    archive = archived_order(tmp_path, make, "SO2023100001", "<po-a@huadong.example>", emails=False)
    order_b = make.order("SO2023100001", message_id="<po-b@huadong.example>")
    archive.put_document(order_b, "order", "sales_order.pdf", b"%PDF-1.7 B", version=1, number="XS1", at=make.now)

    manifest = archive.manifest("SO2023100001")
    assert [h["sha256"] for h in manifest["documents"]["order"]["history"]] == [manifest["documents"]["order"]["sha256"]]
    assert (archive.folder("SO2023100001") / "sales_order.pdf").read_bytes() == b"%PDF-1.7 B"
    assert json.loads((archive.folder("SO2023100001") / "order.json").read_text("utf-8"))["thread"] == \
        ["<po-b@huadong.example>"]
    assert archive.verify("SO2023100001") == []


def test_a_folder_that_holds_another_committed_order_is_never_written_into(tmp_path, make):
    archive = archived_order(tmp_path, make, "SO2023100001", "<po-a@huadong.example>", emails=True)
    before = archive.manifest("SO2023100001")
    order_b = make.order("SO2023100001", message_id="<po-b@huadong.example>")
    with pytest.raises(StoreError, match="issued twice"):
        archive.put_document(order_b, "order", "sales_order.pdf", b"%PDF B", version=2, number="XS1", at=make.now)
    with pytest.raises(StoreError, match="issued twice"):
        archive.put_order(order_b)
    assert archive.manifest("SO2023100001") == before
    assert archive.verify("SO2023100001") == []


def test_the_same_order_keeps_writing_into_its_folder(tmp_path, make):
    archive = archived_order(tmp_path, make, "SO2023100001", "<po-a@huadong.example>", emails=True)
    again = make.order("SO2023100001", message_id="<po-a@huadong.example>")
    archive.put_document(again, "order", "sales_order.pdf", b"%PDF v2", version=2, number="XS2", at=make.now)
    assert [h["version"] for h in archive.manifest("SO2023100001")["documents"]["order"]["history"]] == [1, 2]


# --- the advice and the files a lost file leaves (issue 9, findings 6 and 7) -------------------

def test_the_advice_to_import_the_master_data_again_moves_its_bak_away_too(tiny):
    from store.errors import default_remedy

    master = tiny.home / "master.json"
    with tiny.unit_of_work() as uow:
        uow.replace_master("customers", [])
    with tiny.unit_of_work() as uow:
        uow.replace_master("customers", [])
    assert backup_path(master).exists()
    remedy = default_remedy(master)
    assert "orderloop doctor --restore" in remedy
    assert "move both master.json and master.json.bak away" in remedy
    # Following it works: with both moved away the store is new again, not lost.
    for path in (master, backup_path(master)):
        path.rename(path.with_name(path.name + ".old"))
    assert TinyRepository(tiny.home).master().customer_by_code("CUST001") is None  # read as new, no error


def archived(tiny, make) -> tuple[str, Path]:
    """An order cancelled and archived to archive/2023-10.json."""
    with tiny.unit_of_work() as uow:
        no = make.received(uow).order_no
        uow.save_order(make.cancelled(uow.get_order(no), make.now))
    with tiny.unit_of_work() as uow:
        assert uow.archive_finished(make.now.replace(year=2024)) == 1
    return no, tiny.home / "archive" / "2023-10.json"


def archived_and_lost(tiny, make) -> tuple[str, Path]:
    """An order archived to archive/2023-10.json, whose file is then lost beside its .bak."""
    no, book = archived(tiny, make)
    shutil.copy2(book, backup_path(book))  # what the next write of it would keep
    book.unlink()
    return no, book


def test_a_lost_month_archive_is_not_taken_for_one_that_never_was(tiny, make):
    no, book = archived_and_lost(tiny, make)
    with pytest.raises(StoreCorrupt, match="2023-10.json is missing, but 2023-10.json.bak"):
        tiny.get_order(no)
    with pytest.raises(StoreCorrupt, match="2023-10.json is missing"):
        tiny.find_processed("<anything@x>")


def test_the_doctor_sees_a_lost_month_archive_and_restore_puts_it_back(tiny, make):
    from store.checkup import load, restore, store_paths

    no, book = archived_and_lost(tiny, make)
    assert book in store_paths(tiny.home)
    view, findings = load(tiny.home)
    assert [f.where for f in findings if f.check == "store"] == [str(book)]
    assert "is missing" in findings[0].message and "orderloop doctor --restore" in findings[0].message
    assert restore(book, tiny.home / "orders.json.lock").startswith(f"restored {book}")
    assert tiny.get_order(no).order_no == no
    assert load(tiny.home)[1] == []
