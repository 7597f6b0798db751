"""Render after commit (issue 11): no PDF is rendered while the store's lock
is held; a mail that carries a PDF waits for it, is never sent without it,
and shows the order as the mail described it; a poll killed between the
commit and the render, or between the render and the mail being marked
ready, sends every mail once, with its PDF, each PDF in its own order's
archive."""
from __future__ import annotations

import email
import email.policy
import fcntl
import io
import os
import re
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest
from pypdf import PdfReader

import flows.documents
from flows.components import open_mailbox, open_repository
from flows.settings import Settings
from mail.compose import add_attachments, build_message
from store.documents import DocumentArchive, folder_identity, order_identity

from tests.flows.conftest import run_intake, sample_email
from tests.flows.helpers import folder_size, outbox

pytestmark = pytest.mark.integration

CUSTOMERS = {"01-seed-order.eml": "华东精密机械有限公司", "03-english-order.eml": "Northwind"}


def pdf_text(data: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages).replace(" ", "")


def pdfs_of(message) -> list[bytes]:
    return [part.get_content() for part in message.iter_attachments() if part.get_content_type() == "application/pdf"]


def pending():
    with open_repository(Settings()).unit_of_work() as uow:
        return uow.pending_mail()


def deliver(*raws: bytes) -> None:
    with open_mailbox(Settings()) as mailbox:
        for raw in raws:
            mailbox.append(raw)


def with_message_id(raw: bytes, message_id: str) -> bytes:
    return re.sub(rb"(?mi)^Message-ID:[^\r\n]*", f"Message-ID: {message_id}".encode(), raw, count=1)


# ------------------------------------------------------------------ the bytes

def test_a_pdf_added_later_gives_the_bytes_of_the_message_built_with_it():
    """What compose stores while the PDF renders, and what it becomes: the
    same bytes a message built with the PDF has (a retry sends those)."""
    fields = dict(sender="orders@example.com", recipients=["张三 <buyer@例子.中国>"], subject="[SO2023100001] 客户需求清单",
                  text="请确认附件。", html="<p>请确认附件。</p>", message_id="<SO2023100001.requirements_list.1@example.com>",
                  in_reply_to="<a@b>", references=["<a@b>"], date=datetime(2023, 10, 1, 2, tzinfo=timezone.utc))
    pdf = ("SO2023100001-requirements-v1.pdf", "application/pdf", bytes(range(256)) * 900)
    waiting = build_message(**fields, attach_later=True)
    assert add_attachments(waiting, fields["message_id"], [pdf]) == build_message(**fields, attachments=[pdf])
    text_only = dict(fields, html=None)
    assert add_attachments(build_message(**text_only, attach_later=True), fields["message_id"], [pdf]) == \
        build_message(**text_only, attachments=[pdf])
    with pytest.raises(ValueError):
        add_attachments(build_message(**fields), fields["message_id"], [pdf])  # not built to take one


# ------------------------------------------------------------------ the lock

def lock_is_held(path: str) -> bool:
    """Whether any process holds the store's lock file (flock, as filelock takes it)."""
    with open(path, "a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(handle, fcntl.LOCK_UN)
        return False


def probing_render_job(company, key, order, version, products):
    """flows.documents._render_job in a worker, noting whether the store's lock
    was held as the render started and as it ended. The test passes the lock
    file and the notes folder as the company address (the worker reads no
    environment: a fork server's is that of the test that started it)."""
    lock, notes = company[1].split("|")
    held = [lock_is_held(lock)]
    pdf = flows.documents._renderer(*company).render(
        key, flows.documents.Order.model_validate(order), version=version,
        master=flows.documents.Products(products) if products is not None else None).pdf
    held.append(lock_is_held(lock))
    (Path(notes) / f"{order['order_no']}-{os.getpid()}").write_text(repr(held))
    return pdf


@pytest.mark.parametrize("workers", ["1", "2"])
def test_no_pdf_renders_while_the_store_lock_is_held(workers, home, prefect_api, monkeypatch, tmp_path_factory):
    """Three complete orders in one batch, their requirements lists rendered
    in this process (one worker) or in two worker processes: at every
    render's start and end, the store's lock file is free."""
    from templates.documents import DocumentRenderer

    lock = str(Settings().store_dir / "orders.json.lock")
    notes = tmp_path_factory.mktemp("render-notes")
    monkeypatch.setenv("ORDERLOOP_RENDER_WORKERS", workers)
    monkeypatch.setenv("ORDERLOOP_COMPANY_ADDRESS", f"{lock}|{notes}")
    monkeypatch.setattr(flows.documents, "_render_job", probing_render_job)
    here = []
    real = DocumentRenderer.render

    def probing(self, *args, **kwargs):
        here.append(lock_is_held(lock))
        try:
            return real(self, *args, **kwargs)
        finally:
            here.append(lock_is_held(lock))

    monkeypatch.setattr(DocumentRenderer, "render", probing)
    deliver(sample_email("01-seed-order.eml"), sample_email("03-english-order.eml"),
            with_message_id(sample_email("01-seed-order.eml"), "<again-1@huadong.example>"))
    counts = run_intake()
    assert counts["sent"] == 3
    in_workers = [eval(path.read_text()) for path in notes.iterdir()]
    if workers == "1":
        assert in_workers == [] and len(here) == 6
    else:
        assert here == [] and len(in_workers) == 3
    assert not any(here) and not any(held for pair in in_workers for held in pair)
    assert all(len(pdfs_of(message)) == 1 for message in outbox(home))


# ------------------------------------------------------------------ waiting for the PDF

def test_a_mail_waiting_for_its_pdf_is_not_sent_before_it_has_it(home, prefect_api, monkeypatch):
    monkeypatch.setenv("ORDERLOOP_RENDER_WORKERS", "1")

    class Broken:
        def render(self, *args, **kwargs):
            raise RuntimeError("the renderer is down")

    deliver(sample_email("01-seed-order.eml"), sample_email("02-vague-custom.eml"))
    with monkeypatch.context() as down:
        down.setattr(flows.documents, "renderer", lambda settings: Broken())
        run_intake()
        [questions] = outbox(home)  # the mail without a PDF went; the one waiting for its PDF did not
        [waiting] = pending()
        run_intake()  # still down: still not sent
        assert len(outbox(home)) == 1 and [mail.message_id for mail in pending()] == [waiting.message_id]
    assert pdfs_of(questions) == [] and questions["Message-ID"] != waiting.message_id
    assert waiting.waiting and waiting.document == "requirements"
    assert b"application/pdf" not in waiting.raw.encode() and waiting.raw_file is None
    assert open_repository(Settings()).get_order(waiting.order_no).customer.name == "华东精密机械有限公司"

    run_intake()  # the renderer is back
    assert pending() == []
    requirements = outbox(home)[-1]
    assert requirements["Message-ID"] == waiting.message_id
    [pdf] = pdfs_of(requirements)
    assert "客户需求清单" in pdf_text(pdf) and "华东精密机械有限公司" in pdf_text(pdf)
    archive = DocumentArchive(Settings().archive_dir)
    assert (archive.folder(waiting.order_no) / "requirements.pdf").read_bytes() == pdf


def test_the_pdf_shows_the_order_as_the_mail_described_it(home, monkeypatch):
    """Stored, then changed before the PDF is rendered: the PDF is of the order the mail was written about."""
    import flows.handling as handling
    from flows.outgoing import finish_waiting
    from mail.base import IncomingMessage

    monkeypatch.setenv("ORDERLOOP_RENDER_WORKERS", "1")
    settings, repository = Settings(), open_repository(Settings())
    handling.record_batch_safely(repository, [IncomingMessage("1", sample_email("01-seed-order.eml"))], settings,
                                 settings.current_time())
    with repository.unit_of_work() as uow:
        order = uow.get_order("SO2023100001")
        order.customer = order.customer.model_copy(update={"name": "后来改名的有限公司"})
        uow.save_order(order)
    [mail] = finish_waiting(pending(), settings, repository)
    message = email.message_from_bytes(
        (Settings().store_dir / "outgoing" / mail.raw_file).read_bytes(), policy=email.policy.default)
    text = pdf_text(pdfs_of(message)[0])
    assert "华东精密机械有限公司" in text and "后来改名" not in text
    assert [m.waiting for m in pending()] == [False]


def test_a_mail_whose_order_cannot_be_read_waits_without_holding_up_the_others(home, monkeypatch):
    import json

    import flows.handling as handling
    from flows.outgoing import finish_waiting
    from mail.base import IncomingMessage

    monkeypatch.setenv("ORDERLOOP_RENDER_WORKERS", "1")
    settings, repository = Settings(), open_repository(Settings())
    handling.record_batch_safely(repository, [IncomingMessage("1", sample_email("01-seed-order.eml")),
                                              IncomingMessage("2", sample_email("03-english-order.eml"))],
                                 settings, settings.current_time())
    first, second = sorted(pending(), key=lambda mail: mail.order_no)
    live = settings.store_dir / "orders.json"
    data = json.loads(live.read_text())
    [doc] = [doc for doc in data["outbox"].values() if doc["message_id"] == first.message_id]
    doc["document_order"] = {"order_no": first.order_no}  # not an order
    live.write_text(json.dumps(data))
    ready = finish_waiting(pending(), settings, repository)
    assert [mail.message_id for mail in ready] == [second.message_id]
    assert {mail.message_id: mail.waiting for mail in pending()} == {first.message_id: True, second.message_id: False}


# ------------------------------------------------------------------ killed around the render

def poll(prefect_api: str, crash_at: str | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, PREFECT_API_URL=prefect_api)
    env.pop("ORDERLOOP_CRASH_AT", None)
    if crash_at:
        env["ORDERLOOP_CRASH_AT"] = crash_at
    return subprocess.run([sys.executable, "-m", "flows", "poll"], env=env, capture_output=True, text=True,
                          timeout=300)


def every_mail_once_with_its_own_pdf(home) -> None:
    sent = outbox(home)
    assert len(sent) == 3 and len({m["Message-ID"] for m in sent}) == 3
    assert pending() == []
    repository, archive = open_repository(Settings()), DocumentArchive(Settings().archive_dir)
    by_customer = {}
    for message in sent:
        pdfs = pdfs_of(message)
        order_no = re.search(r"SO\d+", message["Subject"])[0]
        if not pdfs:
            continue
        [pdf] = pdfs
        order = repository.get_order(order_no)
        folder = archive.folder(order_no)
        assert (folder / "requirements.pdf").read_bytes() == pdf and archive.verify(order_no) == []
        assert folder_identity(folder) == order_identity(order)  # the folder is this order's
        history = archive.manifest(order_no)["documents"]["requirements"]["history"]
        assert [h["version"] for h in history] == [1]  # rendered once, not again after the kill
        assert order_no.removeprefix("SO") in pdf_text(pdf)
        by_customer[order.customer.name] = pdf_text(pdf)
    assert len(by_customer) == 2
    for name, text in by_customer.items():  # each PDF names its own customer, not the other's
        assert name.split()[0] in text and all(other.split()[0] not in text for other in by_customer if other != name)
    assert folder_size(home, "inbox") == 0 and folder_size(home, "Processed") == 3
    doctor = subprocess.run([sys.executable, "-m", "flows", "doctor"], capture_output=True, text=True, timeout=120)
    assert doctor.returncode == 0, doctor.stdout + doctor.stderr


def two_pdfs_and_questions() -> None:
    deliver(sample_email("01-seed-order.eml"), sample_email("03-english-order.eml"), sample_email("02-vague-custom.eml"))


def test_a_poll_killed_after_the_commit_before_the_render_renders_and_sends_on_the_next(home, prefect_api):
    two_pdfs_and_questions()
    crashed = poll(prefect_api, crash_at="before_render")
    assert crashed.returncode == 70, crashed.stderr[-2000:]
    assert len(open_repository(Settings()).list_orders()) == 3  # committed
    assert list(home.rglob("*.pdf")) == [] and outbox(home) == []  # nothing rendered, nothing sent
    assert sorted(str(m.document) for m in pending()) == ["None", "requirements", "requirements"]
    again = poll(prefect_api)
    assert again.returncode == 0, again.stderr[-2000:]
    every_mail_once_with_its_own_pdf(home)


def test_a_poll_killed_after_the_render_before_the_mail_is_ready_sends_each_once_with_its_pdf(home, prefect_api):
    two_pdfs_and_questions()
    crashed = poll(prefect_api, crash_at="after_render")
    assert crashed.returncode == 70, crashed.stderr[-2000:]
    archive = DocumentArchive(Settings().archive_dir)
    complete = sorted(o.order_no for o in open_repository(Settings()).list_orders() if o.status == "confirming")
    assert sorted(p.parent.name for p in (home / "archive").rglob("requirements.pdf")) == complete
    assert len(complete) == 2 and outbox(home) == []
    assert sorted(str(m.document) for m in pending()) == ["None", "requirements", "requirements"]  # not ready yet
    assert len(list((Settings().store_dir / "outgoing").glob("*.eml"))) == 2  # the finished bodies, written
    rendered = {no: (archive.folder(no) / "requirements.pdf").read_bytes() for no in complete}
    again = poll(prefect_api)
    assert again.returncode == 0, again.stderr[-2000:]
    every_mail_once_with_its_own_pdf(home)
    for no, pdf in rendered.items():  # the archived PDF was attached, not rendered again
        assert (archive.folder(no) / "requirements.pdf").read_bytes() == pdf
    assert list((Settings().store_dir / "outgoing").glob("*.eml")) == []
