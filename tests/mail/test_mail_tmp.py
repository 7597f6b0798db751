"""A send killed half-way leaves a temporary file that never blocks a later
send and is cleaned away when the next run starts (issue 9, part 3)."""
from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from mail import MaildirMailbox, OutboxMailer
from mail._maildir_io import STALE_AFTER_SECONDS, MaildirError, clean_tmp, deliver, ensure_maildir, unique_name
from mail.outbox import file_name

MESSAGE_ID = "<SO2023100001.requirements_list.3f2a9c1b7d4e@example.com>"
RAW = b"Message-ID: <SO2023100001.requirements_list.3f2a9c1b7d4e@example.com>\r\nSubject: x\r\n\r\nbody\r\n"


def dead_pid() -> int:
    child = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    return int(child.stdout)


def leftover(maildir, pid: int, raw: bytes = RAW):
    """What a process with this pid, killed between write and rename, leaves in tmp/."""
    name = unique_name().replace(f"P{os.getpid()}Q", f"P{pid}Q")
    (maildir / "tmp" / name).write_bytes(raw)
    return maildir / "tmp" / name


def test_the_temporary_file_has_a_name_of_its_own_not_the_final_one(tmp_path):
    seen = []
    ensure_maildir(tmp_path)
    deliver(tmp_path, "final-name", RAW, before_rename=lambda: seen.extend(os.listdir(tmp_path / "tmp")))
    assert seen and seen != ["final-name"]
    assert os.listdir(tmp_path / "new") == ["final-name"] and os.listdir(tmp_path / "tmp") == []


def test_a_file_left_in_tmp_under_the_old_fixed_name_does_not_stop_the_send(tmp_path):
    outbox = OutboxMailer(tmp_path)
    (tmp_path / "tmp" / file_name(MESSAGE_ID)).write_bytes(RAW[:10])  # what the old code left after kill -9
    outbox.send(MESSAGE_ID, "orders@example.com", ["buyer@customer.example"], RAW)
    assert (tmp_path / "new" / file_name(MESSAGE_ID)).read_bytes() == RAW


def test_a_send_interrupted_before_the_rename_leaves_no_message_and_sends_later(tmp_path):
    class Killed(BaseException):
        pass

    def crash(point):
        if point == "outbox_before_rename":
            raise Killed

    with pytest.raises(Killed):
        OutboxMailer(tmp_path, checkpoint=crash).send(MESSAGE_ID, "o@example.com", ["b@customer.example"], RAW)
    assert OutboxMailer(tmp_path).path_of(MESSAGE_ID) is None  # a raise cleans up; kill -9 would not
    OutboxMailer(tmp_path).send(MESSAGE_ID, "o@example.com", ["b@customer.example"], RAW)
    assert [p.read_bytes() for p in (tmp_path / "new").iterdir()] == [RAW]


def test_the_outbox_checkpoints_come_in_order(tmp_path):
    points = []
    outbox = OutboxMailer(tmp_path, checkpoint=points.append)
    outbox.send(MESSAGE_ID, "o@example.com", ["b@customer.example"], RAW)
    outbox.send(MESSAGE_ID, "o@example.com", ["b@customer.example"], RAW)  # already there: no points
    assert points == ["outbox_before_rename", "outbox_after_rename"]


def test_clean_removes_what_dead_writers_left_and_keeps_live_ones(tmp_path):
    box = MaildirMailbox(tmp_path)
    dead = leftover(tmp_path, dead_pid())
    mine = leftover(tmp_path, os.getpid())  # this process may be writing it right now
    live = leftover(tmp_path, os.getppid())
    foreign = tmp_path / "tmp" / "1700000000.12345_1.mx.example.com"  # an MDA's delivery in progress
    foreign.write_bytes(RAW)
    assert box.clean() == [dead]
    assert sorted(os.listdir(tmp_path / "tmp")) == sorted(p.name for p in (mine, live, foreign))


def test_clean_removes_anything_older_than_36_hours(tmp_path):
    ensure_maildir(tmp_path)
    foreign = tmp_path / "tmp" / "1700000000.12345_1.mx.example.com"
    foreign.write_bytes(RAW)
    old = time.time() - STALE_AFTER_SECONDS - 60
    os.utime(foreign, (old, old))
    assert clean_tmp(tmp_path) == [foreign]
    assert clean_tmp(tmp_path / "missing") == []


def test_an_outbox_that_cannot_be_written_names_its_path(tmp_path):
    (tmp_path / "outbox").write_text("a file where the Maildir should be")
    with pytest.raises(MaildirError, match=str(tmp_path / "outbox")):
        OutboxMailer(tmp_path / "outbox")
    outbox = OutboxMailer(tmp_path / "box")
    os.rmdir(tmp_path / "box" / "tmp")
    with pytest.raises(MaildirError, match=r"box: cannot write to tmp/"):
        outbox.send(MESSAGE_ID, "o@example.com", ["b@customer.example"], RAW)
