"""A store that is not what it should be: the intake leaves the mail in the
inbox, `orderloop poll` stops with one line, and `orderloop doctor` finds
each planted problem (and nothing on a clean home)."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from mail.base import IncomingMessage
from store import ProcessedMessage, StoreCorrupt, TinyRepository

from tests.flows.conftest import DEMO_NOW, SAMPLE, sample_email
from tests.flows.helpers import folder_size

NOW = datetime(2023, 10, 1, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
SEED_KEY = "<hd-20231001-001@huadong.example>"
HOUR_AGO = time.time() - 2 * 3600


def settings():
    from flows.settings import Settings

    return Settings()


def repository(home: Path) -> TinyRepository:
    return TinyRepository(home / "store")


def take_in(home: Path, *names: str):
    """What record_batch does: the batch stored, then its emails archived;
    and what the send does before it sends: the PDFs the mails wait for
    rendered, archived and attached, the mails ready."""
    from flows.documents import archive_originals
    from flows.handling import record_batch_safely
    from flows.outgoing import finish_waiting

    repo = repository(home)
    messages = [IncomingMessage(str(i), sample_email(name)) for i, name in enumerate(names)]
    placements = record_batch_safely(repo, messages, settings(), NOW)
    archive_originals(settings(), repo, messages, placements)
    with repo.unit_of_work() as uow:
        pending = uow.pending_mail()
    finish_waiting(pending, settings(), repo)
    return placements


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    """A home after two orders were taken in (PDFs, emails, mail waiting to be sent): made once."""
    from flows.masterdata import import_master

    root = tmp_path_factory.mktemp("doctor") / "home"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ORDERLOOP_HOME", str(root))
        patch.setenv("ORDERLOOP_NOW", DEMO_NOW)
        for kind in ("customers", "products", "staff"):
            import_master(repository(root), kind, SAMPLE / f"{kind}.csv")
        placements = take_in(root, "01-seed-order.eml") + take_in(root, "03-english-order.eml")
    assert [p.record.order_no for p in placements] == ["SO2023100001", "SO2023100002"]
    assert (root / "store" / "orders.json.bak").exists()  # two commits: the first is kept
    return root


@pytest.fixture
def clean(template, tmp_path, monkeypatch) -> Path:
    home = tmp_path / "home"
    shutil.copytree(template, home)
    monkeypatch.setenv("ORDERLOOP_HOME", str(home))
    monkeypatch.setenv("ORDERLOOP_NOW", DEMO_NOW)
    for name in list(os.environ):
        if name.startswith(("ORDERLOOP_IMAP", "ORDERLOOP_SMTP", "ORDERLOOP_CRASH")):
            monkeypatch.delenv(name)
    return home


def examine(**options):
    from flows.doctor import examine

    return examine(settings(), **options)


def orderloop(*args: str, home: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, ORDERLOOP_HOME=str(home), ORDERLOOP_NOW=DEMO_NOW)
    return subprocess.run([sys.executable, "-m", "flows", *args], capture_output=True, text=True, env=env,
                          timeout=120)


# --- a failure of ours leaves the mail in the inbox ----------------------------------------

def test_a_half_written_master_file_keeps_a_valid_order_in_the_inbox_until_it_is_fixed(clean):
    from flows.handling import record_batch_safely

    master = clean / "store" / "master.json"
    good = master.read_bytes()
    master.write_bytes(good[: len(good) // 2])
    message = IncomingMessage("1", sample_email("02-vague-custom.eml"))

    with pytest.raises(StoreCorrupt, match="master.json"):
        record_batch_safely(repository(clean), [message], settings(), NOW)
    master.write_bytes(good)  # (the live file may hold the master too: nothing was recorded there either)
    assert repository(clean).find_processed("<qm-7781@qiming.example>") is None
    assert repository(clean).quarantined() == []
    assert [o.order_no for o in repository(clean).list_orders()] == ["SO2023100001", "SO2023100002"]

    (placement,) = record_batch_safely(repository(clean), [message], settings(), NOW)
    assert placement.folder == "processed" and placement.record.order_no == "SO2023100003"


def test_a_full_disk_while_handling_one_message_quarantines_nothing(clean, monkeypatch):
    import flows.handling as handling

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(handling, "queue", disk_full)
    message = IncomingMessage("1", sample_email("02-vague-custom.eml"))
    with pytest.raises(OSError, match="No space left"):
        handling.record_batch_safely(repository(clean), [message], settings(), NOW)
    assert repository(clean).find_processed("<qm-7781@qiming.example>") is None
    monkeypatch.undo()
    monkeypatch.setenv("ORDERLOOP_HOME", str(clean))
    monkeypatch.setenv("ORDERLOOP_NOW", DEMO_NOW)
    (placement,) = handling.record_batch_safely(repository(clean), [message], settings(), NOW)
    assert placement.folder == "processed"


def test_poll_stops_with_one_line_naming_the_broken_file_and_reads_no_mail(clean):
    from flows.components import open_mailbox

    with open_mailbox(settings()) as mailbox:
        mailbox.append(sample_email("02-vague-custom.eml"))
    (clean / "store" / "orders.json").write_text("   \n", "utf-8")

    done = orderloop("poll", home=clean)
    assert done.returncode == 1
    (line,) = done.stderr.strip().splitlines()
    assert line.startswith(f"orderloop: store file {clean / 'store' / 'orders.json'} holds only whitespace: ")
    assert "orderloop doctor --restore" in line and "Traceback" not in done.stderr
    assert folder_size(clean, "inbox") == 1 and folder_size(clean, "Quarantine") == 0


# --- doctor -------------------------------------------------------------------------------

def test_a_clean_home_has_no_problems(clean):
    report = examine()
    assert report.findings == []
    done = orderloop("doctor", home=clean)
    assert (done.returncode, done.stdout.strip()) == (0, "no problems found"), done.stderr


def rewrite_json(path: Path, change) -> None:
    data = json.loads(path.read_text("utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")


def folder(home: Path, order_no: str = "SO2023100001") -> Path:
    return home / "archive" / "2023" / "10" / order_no


def audit_file(home: Path) -> Path:
    return home / "store" / "audit" / "2023-10.jsonl"


def append(path: Path, text: str) -> None:
    with path.open("a", encoding="utf-8") as handle:
        handle.write(text)


def plant_issued_twice(home: Path) -> None:
    first = json.loads(audit_file(home).read_text("utf-8").splitlines()[0])
    assert first["event_id"] == "SO2023100001#1"
    append(audit_file(home), json.dumps({**first, "at": "2023-10-02T09:00:00+08:00",
                                         "message_id": "<other@elsewhere.example>"}) + "\n")


def plant_stale(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"half a message")
    os.utime(path, (HOUR_AGO, HOUR_AGO))


def plant_killed_send(home: Path) -> Path:
    """What a send killed between write and rename leaves in the outbox's tmp/ (the poll removes it)."""
    from tests.mail.test_mail_tmp import dead_pid, leftover

    (home / "mail" / "outbox" / "tmp").mkdir(parents=True, exist_ok=True)
    return leftover(home / "mail" / "outbox", dead_pid())


def plant_unsent_without_file(home: Path) -> None:
    files = list((home / "store" / "outgoing").glob("*.eml"))
    assert files, "the template has mail with a PDF waiting to be sent"
    for path in files:
        path.unlink()


def forget_counter(data: dict) -> None:
    for doc in data["counters"].values():
        doc["last"] = 1


PLANTED = {
    "orders.json emptied": (lambda h: (h / "store" / "orders.json").write_bytes(b""),
                            "store", "store/orders.json", "is empty"),
    "orders.json null": (lambda h: (h / "store" / "orders.json").write_bytes(b"null"),
                         "store", "store/orders.json", "holds null"),
    "master.json half-written": (lambda h: (h / "store" / "master.json").write_bytes(
        (h / "store" / "master.json").read_bytes()[:500]), "store", "store/master.json", "not valid JSON"),
    "orders.json lost, its .bak left": (lambda h: (h / "store" / "orders.json").unlink(),
                                        "store", "store/orders.json", "is missing"),
    "a store temporary file left by a crash": (lambda h: plant_stale(h / "store" / ".orders.json.x1.tmp"),
                                               "store", ".orders.json.x1.tmp", "temporary file"),
    "an audit line that is garbage": (lambda h: append(audit_file(h), "\x00\x00garbage\n"),
                                      "audit", "2023-10.jsonl:", "does not parse"),
    "the audit trail lost": (lambda h: audit_file(h).unlink(),
                             "trail", "SO2023100001", "not in the audit trail"),
    "the store lost (no .bak either)": (lambda h: [(h / "store" / n).unlink() for n in ("orders.json",
                                                                                      "orders.json.bak")],
                                        "trail", "SO2023100002", "in no store file"),
    "the counter below the numbers issued": (lambda h: rewrite_json(h / "store" / "orders.json", forget_counter),
                                             "numbers", "counter 202310", "stands at 1 but SO2023100002"),
    "a number issued twice": (plant_issued_twice, "numbers", "SO2023100001", "issued twice"),
    "an archived PDF altered": (lambda h: next(folder(h).glob("*.pdf")).write_bytes(b"%PDF-1.7 forged"),
                                "archive", "SO2023100001", "does not match its SHA-256"),
    "order.json naming another order": (
        lambda h: rewrite_json(folder(h) / "order.json", lambda d: d.update(order_no="SO2023100002")),
        "archive", "SO2023100001", "order.json names SO2023100002"),
    "a folder holding another order": (
        lambda h: rewrite_json(folder(h) / "order.json", lambda d: d.update(thread=["<x@elsewhere.example>"])),
        "archive", "SO2023100001", "two orders under one number"),
    "a folder of an order never stored": (
        lambda h: shutil.copytree(folder(h, "SO2023100002"), folder(h, "SO2023100007")),
        "archive", "SO2023100007", "never stored"),
    "a stale file in the outbox's tmp": (plant_killed_send, "outbox", "outbox/tmp/", "temporary file"),
    "a store archive temporary file left by a crash": (
        lambda h: plant_stale(h / "store" / "archive" / ".2023-09.json.x1.tmp"),
        "store", "archive/.2023-09.json.x1.tmp", "temporary file"),
    "unsent mail whose message file is gone": (plant_unsent_without_file, "outbox", "@", "is missing"),
}


@pytest.mark.parametrize("plant, check, where, says", PLANTED.values(), ids=PLANTED.keys())
def test_doctor_finds_each_planted_problem(clean, plant, check, where, says):
    plant(clean)
    report = examine()
    found = [f for f in report.findings if f.check == check and where in f.where and says in f.message]
    assert found, [f.line() for f in report.findings]


def test_doctor_prints_one_line_per_problem_exits_1_and_speaks_json(clean):
    (clean / "store" / "master.json").write_bytes(b"[]")
    left = plant_killed_send(clean)
    done = orderloop("doctor", home=clean)
    assert done.returncode == 1
    lines = done.stdout.strip().splitlines()
    assert len(lines) == 2 and "master.json: holds a list" in lines[0] and f"tmp/{left.name}" in lines[1]
    as_json = json.loads(orderloop("doctor", "--json", home=clean).stdout)
    assert as_json["ok"] is False and [p["check"] for p in as_json["problems"]] == ["store", "outbox"]


def test_doctor_does_not_start_prefect(clean):
    done = subprocess.run([sys.executable, "-c", "import sys; sys.argv=['orderloop','doctor'];"
                           "from flows.cli import main\ntry: main()\nexcept SystemExit as exit: code = exit.code\n"
                           "else: code = 0\n"
                           "print(code, 'PREFECT' if 'prefect' in sys.modules else 'CLEAN', file=sys.stderr)"],
                          capture_output=True, text=True, env=dict(os.environ, ORDERLOOP_HOME=str(clean)))
    assert done.stderr.split()[-1] == "CLEAN", done.stderr[-2000:]


def test_restore_puts_the_previous_commit_back_and_numbers_stay_unique(clean):
    orders = clean / "store" / "orders.json"
    broken = b'{"orders": {"1": {"order_no": "SO2023'
    orders.write_bytes(broken)
    report = examine(restore_files=True)
    assert report.actions and report.actions[0].startswith(f"restored {orders} from orders.json.bak")
    assert not [f for f in report.findings if f.check == "store"]
    assert list(orders.parent.glob("orders.json.corrupt-*"))[0].read_bytes() == broken
    # The .bak is the generation before the last commit; whatever it lacks, no number comes back.
    with repository(clean).unit_of_work() as uow:
        assert uow.next_order_no(NOW.date()) == "SO2023100003"


def test_a_message_quarantined_by_a_failure_of_ours_is_handled_again_after_requeue(clean):
    from flows.handling import record_batch_safely

    raw = sample_email("02-vague-custom.eml")
    key = "<qm-7781@qiming.example>"
    with repository(clean).unit_of_work() as uow:  # what the intake did before the fix
        uow.mark_processed(ProcessedMessage(key=key, folder="quarantine", kind="order", at=NOW,
                                            reason="JSONDecodeError: Expecting value: line 1 column 1 (char 0)"))
        uow.mark_processed(ProcessedMessage(key="<bad@example.com>", folder="quarantine", kind="order", at=NOW,
                                            reason="malformed: order without a readable body"))
    quarantine = clean / "mail" / "inbox" / ".Quarantine" / "cur"
    quarantine.mkdir(parents=True)
    (quarantine / "1696125600.M1P1.host:2,").write_bytes(raw)

    report = examine()
    assert [(f.check, f.where) for f in report.findings] == [("quarantine", key)]  # not the malformed one

    report = examine(requeue=True)
    assert report.findings == [] and any("moved from .Quarantine back to the inbox" in a for a in report.actions)
    assert repository(clean).find_processed(key) is None
    assert repository(clean).find_processed("<bad@example.com>") is not None
    assert folder_size(clean, "inbox") == 1 and folder_size(clean, "Quarantine") == 0
    (placement,) = record_batch_safely(repository(clean), [IncomingMessage("1", raw)], settings(), NOW)
    assert placement.folder == "processed" and placement.record.order_no == "SO2023100003"


def test_a_broken_store_file_is_not_retried_but_other_failures_are():
    from prefect.states import Failed

    from flows.intake import worth_retrying
    from store.errors import StoreCorrupt

    assert not worth_retrying(None, None, Failed(data=StoreCorrupt("var/store/orders.json", "is empty")))
    assert worth_retrying(None, None, Failed(data=OSError("disk full")))


# --- --requeue finds each message by the intake's own key (issue 9, finding 12) ----------------

def quarantined_by_us(home: Path, raw: bytes, *, name: str = "1696125600.M1P1.host:2,") -> str:
    """What the intake did before failures of ours were told apart: the record
    under the key the intake gives the message, the file in .Quarantine."""
    from flows.handling import message_key
    from parsers import parse_email

    with repository(home).unit_of_work() as uow:
        key, content_hash = message_key(parse_email(raw), raw, uow)
        uow.mark_processed(ProcessedMessage(key=key, content_hash=content_hash, folder="quarantine", kind="order",
                                            at=NOW, reason="OSError: [Errno 28] No space left on device"))
    quarantine = home / "mail" / "inbox" / ".Quarantine" / "cur"
    quarantine.mkdir(parents=True, exist_ok=True)
    (quarantine / name).write_bytes(raw)
    return key


@pytest.mark.parametrize("raw, key_starts", [
    (re.sub(rb"(?m)^Message-ID:[^\n]*\n", b"", sample_email("02-vague-custom.eml")), "sha256:"),
    (sample_email("02-vague-custom.eml").replace(b"Message-ID: <qm-7781@qiming.example>",
                                                 b"Message-ID: <hd-20231001-001@huadong.example>"),
     "<hd-20231001-001@huadong.example> sha256:"),
    (sample_email("02-vague-custom.eml").replace(b"Message-ID: <qm-7781@qiming.example>",
                                                 b"Message-ID: qm-7781@qiming.example"), "qm-7781@qiming.example"),
], ids=["no Message-ID", "a Message-ID another message holds", "a Message-ID without brackets"])
def test_requeue_moves_back_every_message_whatever_its_key(clean, raw, key_starts):
    from flows.handling import record_batch_safely

    key = quarantined_by_us(clean, raw)
    assert key.startswith(key_starts)
    report = examine(requeue=True)
    assert f"{key}: moved from .Quarantine back to the inbox" in report.actions, report.actions
    assert folder_size(clean, "inbox") == 1 and folder_size(clean, "Quarantine") == 0
    assert repository(clean).find_processed(key) is None
    (placement,) = record_batch_safely(repository(clean), [IncomingMessage("1", raw)], settings(), NOW)
    assert placement.folder == "processed" and placement.record.order_no == "SO2023100003"


# --- a stored order damaged by hand (issue 15's review: the attack on the store's records) ------------

def reply_to(order, body: str) -> bytes:
    """The customer's reply in the order's thread."""
    from email.message import EmailMessage
    from email.utils import make_msgid

    message = EmailMessage()
    message["From"], message["To"] = order.reply_to, "orders@example.com"
    message["Subject"] = f"Re: [{order.order_no}] 请确认"
    message["Message-ID"] = make_msgid(domain="huadong.example")
    message["In-Reply-To"] = message["References"] = order.thread[-1]
    message.set_content(body)
    return message.as_bytes()


def test_a_stored_order_damaged_by_hand_stops_the_poll_and_no_reply_is_blamed_for_it(clean, prefect_api,
                                                                                     monkeypatch):
    from flows.components import open_mailbox

    order = repository(clean).list_orders()[0]
    with open_mailbox(settings()) as mailbox:
        mailbox.append(reply_to(order, "确认无误,请安排。"))
    live = clean / "store" / "orders.json"
    tables = json.loads(live.read_text("utf-8"))
    for doc in tables["orders"].values():
        if doc["order_no"] == order.order_no:
            doc["status"] = "shipped-ish"  # valid JSON, not an order any more
    live.write_text(json.dumps(tables, ensure_ascii=False), "utf-8")
    monkeypatch.setenv("PREFECT_API_URL", prefect_api)

    done = orderloop("poll", home=clean)
    assert done.returncode == 1
    said = done.stderr.strip().splitlines()[-1]  # the last word (Prefect logs the failed run above it)
    assert said.startswith(f"orderloop: the stored order {order.order_no} in {clean / 'store'} is damaged (status: ")
    assert "orderloop doctor" in said
    assert folder_size(clean, "inbox") == 1 and folder_size(clean, "Quarantine") == 0  # the reply waits
    assert any(f.where == order.order_no and f.check == "store" for f in examine().findings)
