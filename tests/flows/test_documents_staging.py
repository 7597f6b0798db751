"""Documents of a new order are staged until the order is stored (issue 9,
part 7): published by one rename, merged into a folder that exists, dropped
for an order that was not stored, recovered from a run that died."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from flows.documents import Documents, Staging, _publish, recover_staged, staging, staging_root
from flows.settings import Settings
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
        assert documents._archive_for(new.order_no) is staged.archive
        assert documents._archive_for(known.order_no) is documents.archive
        assert staged.orders == {new.order_no}
    assert documents._archive_for(new.order_no) is documents.archive  # outside a batch: as before


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
    assert recover_staged(settings, lambda order_no: order_no == stored.order_no) == [stored.order_no]
    assert DocumentArchive(settings.archive_dir).verify(stored.order_no) == []
    assert not DocumentArchive(settings.archive_dir).folder(lost.order_no).exists()
    assert not runs[dead].exists() and runs[os.getppid()].exists()
