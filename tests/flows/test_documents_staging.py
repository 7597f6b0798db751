"""Documents of a new order are staged until the order is stored (issue 9,
part 7): published by one rename, merged into a folder that exists, dropped
for an order that was not stored, recovered from a run that died; never
published, mailed or recovered as another order's that took the number
(issue 9, findings 3 and 5)."""
from __future__ import annotations

import email
import email.policy
import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import timedelta

import pytest

import flows.documents
from flows.documents import Documents, Staging, _publish, recover_staged, staging, staging_root
from flows.settings import Settings
from mail.base import IncomingMessage
from store.documents import DocumentArchive

from tests.store.conftest import NOW, seed_order

PDF = b"%PDF-1.7 staged"


@pytest.fixture
def settings(tmp_path, monkeypatch):
    monkeypatch.setenv("ORDERLOOP_HOME", str(tmp_path))
    return Settings()


def put(archive: DocumentArchive, order, key: str = "requirements", pdf: bytes = PDF):
    return archive.put_document(order, key, f"{key}.pdf", pdf, version=1, number=f"XQ-{key}", at=NOW)


def test_an_order_without_a_folder_is_staged_and_one_with_a_folder_is_not(settings):
    new, known = seed_order("SO2023100001"), seed_order("SO2023100002")
    DocumentArchive(settings.archive_dir).put_order(known)
    documents = Documents(settings)
    with staging(settings) as staged:
        assert documents._archive_for(new) is staged.archive
        assert documents._archive_for(known) is documents.archive
        assert staged.orders == {new.order_no}
    assert documents._archive_for(new) is documents.archive  # outside a batch: as before


def test_published_when_stored_dropped_when_not(settings):
    stored, lost = seed_order("SO2023100001"), seed_order("SO2023100002")
    with staging(settings) as staged:
        for order in (stored, lost):
            staged.orders.add(order.order_no)
            put(staged.archive, order)
        staged.publish(lambda order_no: order_no == stored.order_no)
    archive = DocumentArchive(settings.archive_dir)
    assert archive.verify(stored.order_no) == [] and "requirements" in archive.manifest(stored.order_no)["documents"]
    assert not archive.folder(lost.order_no).exists()
    assert list(staging_root(settings).iterdir()) == []


def test_a_folder_the_archive_already_has_gets_only_what_it_lacks(settings):
    order = seed_order("SO2023100001")
    archive = DocumentArchive(settings.archive_dir)
    put(archive, order, "order", b"%PDF archived order")
    staged = Staging(settings)
    put(staged.archive, order, "order", b"%PDF staged order")
    put(staged.archive, order, "requirements")
    _publish(staged.archive.folder(order.order_no), archive.folder(order.order_no))
    manifest = archive.manifest(order.order_no)
    assert set(manifest["documents"]) == {"order", "requirements"}
    assert (archive.folder(order.order_no) / "order.pdf").read_bytes() == b"%PDF archived order"
    assert archive.verify(order.order_no) == []


def test_the_staging_of_a_dead_run_is_recovered_and_of_a_live_one_left(settings):
    stored, lost = seed_order("SO2023100001"), seed_order("SO2023100002")
    dead = int(subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                              capture_output=True, text=True).stdout)
    runs = {}
    for pid in (dead, os.getppid()):
        staged = Staging(settings)
        staged.root = staged.root.with_name(staged.root.name.replace(f"-P{os.getpid()}-", f"-P{pid}-"))
        staged.archive = DocumentArchive(staged.root)
        for order in (stored, lost):
            put(staged.archive, order)
        runs[pid] = staged.root
    assert recover_staged(settings, lambda order_no: stored if order_no == stored.order_no else None) == \
        [stored.order_no]
    assert DocumentArchive(settings.archive_dir).verify(stored.order_no) == []
    assert not DocumentArchive(settings.archive_dir).folder(lost.order_no).exists()
    assert not runs[dead].exists() and runs[os.getppid()].exists()


# --- another order under the same number (finding 3) ------------------------------------

def another(order_no: str):
    """An order received a minute later under the same number: another email, another order."""
    return seed_order(order_no, NOW + timedelta(minutes=1))


def test_publish_does_not_move_the_documents_of_another_order_under_that_number(settings):
    rendered, stored = seed_order("SO2023100001"), another("SO2023100001")
    with staging(settings) as staged:
        staged.orders.add(rendered.order_no)
        put(staged.archive, rendered)
        staged.publish(lambda order_no: stored)
    assert not DocumentArchive(settings.archive_dir).folder(stored.order_no).exists()


def test_the_staging_of_a_dead_run_is_not_recovered_into_another_order(settings):
    rendered, stored = seed_order("SO2023100001"), another("SO2023100001")
    staged = Staging(settings)
    staged.root = staged.root.with_name(staged.root.name.replace(f"-P{os.getpid()}-", f"-P{dead_pid()}-"))
    staged.archive = DocumentArchive(staged.root)
    put(staged.archive, rendered)
    assert recover_staged(settings, lambda order_no: stored) == []
    assert not DocumentArchive(settings.archive_dir).folder(stored.order_no).exists()
    assert not staged.root.exists()


def test_a_stored_order_is_compared_with_what_the_store_holds_when_the_caller_says_only_yes(home):
    from flows.components import open_repository

    settings = Settings()
    with open_repository(settings).unit_of_work() as uow:
        stored = another(uow.next_order_no(NOW.date()))
        uow.save_order(stored)
    staged = Staging(settings)
    staged.root = staged.root.with_name(staged.root.name.replace(f"-P{os.getpid()}-", f"-P{dead_pid()}-"))
    staged.archive = DocumentArchive(staged.root)
    put(staged.archive, seed_order(stored.order_no))  # rendered for an order received a minute earlier
    assert recover_staged(settings, lambda order_no: True) == []  # what flows.intake passes
    assert not DocumentArchive(settings.archive_dir).folder(stored.order_no).exists()


@dataclass
class FakeRendered:
    pdf: bytes
    number: str
    kind: object


@dataclass
class FakeKind:
    filename: str


class NamingRenderer:
    """A renderer whose PDF names the order's customer: whose document it is shows in its bytes."""

    calls: list[str] = []

    def render(self, key, order, *, version, master):
        self.calls.append(order.customer.name or "")
        pdf = f"%PDF-1.7 {key} v{version} for {order.customer.name}".encode()
        return FakeRendered(pdf, f"X-{key}-{version}", FakeKind(f"{key}.pdf"))


def without_message_id(raw: bytes) -> bytes:
    return re.sub(rb"(?m)^Message-ID:[^\n]*\n", b"", raw)


def take_in_failing_first(home, monkeypatch, second: str) -> list:
    """Two order emails without a Message-ID in one batch; the first one's
    unit of work never commits (the batch's nor its own): the second gets
    its number. What record_batch does, with the documents staged, then
    what the send does first: render the PDFs the stored mails wait for."""
    import flows.handling as handling
    from flows.components import open_repository
    from flows.documents import archive_originals
    from flows.outgoing import finish_waiting

    from tests.flows.conftest import sample_email

    monkeypatch.setattr(flows.documents, "renderer", lambda settings: NamingRenderer())
    real = handling._register_confirmed_sender

    def fail_for_the_first(uow, order):
        if order.customer.name == "华东精密机械有限公司":
            raise ValueError("data the store cannot take")
        return real(uow, order)

    monkeypatch.setattr(handling, "_register_confirmed_sender", fail_for_the_first)
    settings, repository = Settings(), open_repository(Settings())
    messages = [IncomingMessage("1", without_message_id(sample_email("01-seed-order.eml"))),
                IncomingMessage("2", without_message_id(sample_email(second)))]
    with staging(settings):
        placements = handling.record_batch_safely(repository, messages, settings, settings.current_time())
        archive_originals(settings, repository, messages, placements)
    with repository.unit_of_work() as uow:
        pending = uow.pending_mail()
    finish_waiting(pending, settings, repository)
    assert [p.folder for p in placements] == ["quarantine", "processed"]
    assert placements[1].record.order_no == "SO2023100001"  # the number the first order never kept
    return placements


def mailed_pdfs(home) -> dict[str, bytes]:
    from flows.components import open_repository
    from flows.outgoing import message_bytes

    with open_repository(Settings()).unit_of_work() as uow:
        pending = uow.pending_mail()
    found = {}
    for mail in pending:
        message = email.message_from_bytes(message_bytes(mail, Settings()), policy=email.policy.default)
        for part in message.iter_attachments():
            if part.get_content_type() == "application/pdf":
                found[mail.order_no] = part.get_content()
    return found


def test_a_number_issued_again_in_a_batch_gets_its_own_documents_not_the_failed_orders(home, monkeypatch):
    take_in_failing_first(home, monkeypatch, "03-english-order.eml")
    mailed = mailed_pdfs(home)["SO2023100001"]
    assert b"Northwind" in mailed and "华东".encode() not in mailed
    archive = DocumentArchive(Settings().archive_dir)
    assert (archive.folder("SO2023100001") / "requirements.pdf").read_bytes() == mailed
    assert archive.verify("SO2023100001") == []
    assert not staging_root(Settings()).exists() or list(staging_root(Settings()).iterdir()) == []


def test_documents_of_an_order_whose_unit_of_work_did_not_commit_are_not_published(settings, monkeypatch):
    monkeypatch.setattr(flows.documents, "renderer", lambda settings: NamingRenderer())
    failed = seed_order("SO2023100001")  # received in this batch; its unit of work raised
    stored = seed_order("SO2023100001")  # received at the same instant, no Message-ID either
    stored.customer = stored.customer.model_copy(update={"name": "深圳启明电子有限公司"})
    stored.events = []  # what the store leaves of an order's events once they are committed
    with staging(settings) as staged:
        Documents(settings).render(failed, "requirements", None)
        staged.publish(lambda order_no: stored)
    assert not DocumentArchive(settings.archive_dir).folder("SO2023100001").exists()


def test_the_documents_of_a_unit_of_work_that_failed_are_not_published_under_its_number(home, monkeypatch):
    take_in_failing_first(home, monkeypatch, "02-vague-custom.eml")  # asked questions: no PDF rendered
    archive = DocumentArchive(Settings().archive_dir)
    assert archive.manifest("SO2023100001")["documents"] == {}
    assert not (archive.folder("SO2023100001") / "requirements.pdf").exists()
    assert mailed_pdfs(home) == {}


# --- a staging folder whose process id says nothing (finding 5) -----------------------------

def test_a_staging_folder_older_than_the_stale_age_is_recovered_whatever_its_process_id(settings):
    stored = seed_order("SO2023100001")
    staged = Staging(settings)  # a live process's id (a reused id, a container's PID 1 restarted)
    staged.root = staged.root.with_name(staged.root.name.replace(f"-P{os.getpid()}-", f"-P{os.getppid()}-"))
    staged.archive = DocumentArchive(staged.root)
    put(staged.archive, stored)
    long_ago = time.time() - 37 * 3600
    os.utime(staged.root, (long_ago, long_ago))
    assert recover_staged(settings, lambda order_no: stored) == [stored.order_no]
    assert DocumentArchive(settings.archive_dir).verify(stored.order_no) == []
    assert not staged.root.exists()


def test_a_staging_folder_of_this_very_process_that_no_batch_holds_is_recovered(settings):
    stored = seed_order("SO2023100001")
    left = Staging(settings)  # a batch of this process that never ended (the poll is PID 1 every time)
    put(left.archive, stored)
    with staging(settings) as current:
        put(current.archive, seed_order("SO2023100002"))
        assert recover_staged(settings, lambda order_no: stored if order_no == stored.order_no else None) == \
            [stored.order_no]
        assert not left.root.exists() and current.root.exists()


def dead_pid() -> int:
    return int(subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                              capture_output=True, text=True).stdout)
