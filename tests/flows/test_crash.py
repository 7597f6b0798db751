"""Kill the poll at each step for one message, run it again: exactly one order
and exactly one email to the customer. The poll runs as a real `orderloop
poll` process that exits on the spot (os._exit) at the named point."""
from __future__ import annotations

import email
import os
import subprocess
import sys

import pytest

from flows.components import open_mailbox, open_repository
from flows.crashpoints import OUTBOX_POINTS, POINTS, SMTP_POINTS
from flows.settings import Settings
from store.documents import DocumentArchive

from tests.flows.conftest import sample_email
from tests.flows.helpers import folder_size, outbox

pytestmark = pytest.mark.integration


def poll(prefect_api: str, crash_at: str | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, PREFECT_API_URL=prefect_api)
    env.pop("ORDERLOOP_CRASH_AT", None)
    if crash_at:
        env["ORDERLOOP_CRASH_AT"] = crash_at
    return subprocess.run([sys.executable, "-m", "flows", "poll"], env=env, capture_output=True,
                          text=True, timeout=300)


@pytest.mark.parametrize("point", POINTS)
def test_a_poll_killed_at_any_step_neither_loses_nor_doubles(point, home, prefect_api):
    with open_mailbox(Settings()) as mailbox:
        mailbox.append(sample_email("01-seed-order.eml"))
    crashed = poll(prefect_api, crash_at=point)
    assert crashed.returncode == 70, crashed.stderr[-2000:]
    again = poll(prefect_api)
    assert again.returncode == 0, again.stderr[-2000:]
    assert poll(prefect_api).returncode == 0  # and once more, for good measure
    found = open_repository(Settings()).list_orders()
    assert [o.order_no for o in found] == ["SO2023100001"]
    assert len(outbox(home)) == 1
    assert folder_size(home, "inbox") == 0 and folder_size(home, "Processed") == 1


# ------------------------------------------------------------ inside a send

def two_orders_in_the_inbox() -> None:
    with open_mailbox(Settings()) as mailbox:
        mailbox.append(sample_email("01-seed-order.eml"))
        mailbox.append(sample_email("03-english-order.eml"))


def the_inbox_is_read_again(home, prefect_api) -> None:
    """A later email is read and answered: nothing is wedged."""
    with open_mailbox(Settings()) as mailbox:
        mailbox.append(sample_email("02-vague-custom.eml"))
    later = poll(prefect_api)
    assert later.returncode == 0, later.stderr[-2000:]
    assert folder_size(home, "inbox") == 0 and folder_size(home, "Processed") == 3
    assert len(open_repository(Settings()).list_orders()) == 3


@pytest.mark.parametrize("point", OUTBOX_POINTS)
def test_a_poll_killed_inside_an_outbox_send_sends_each_mail_once_and_reads_on(point, home, prefect_api):
    two_orders_in_the_inbox()
    crashed = poll(prefect_api, crash_at=point)
    assert crashed.returncode == 70, crashed.stderr[-2000:]
    tmp = home / "mail" / "outbox" / "tmp"
    # Killed before the rename: the first mail is only a temporary file.
    assert len(list(tmp.iterdir())) == (1 if point == "outbox_before_rename" else 0)
    assert len(outbox(home)) == (0 if point == "outbox_before_rename" else 1)
    again = poll(prefect_api)
    assert again.returncode == 0, again.stderr[-2000:]
    assert list(tmp.iterdir()) == []  # cleaned when the poll started
    sent = [m["Message-ID"] for m in outbox(home)]
    assert len(sent) == len(set(sent)) == 2  # one file per Message-ID
    with open_repository(Settings()).unit_of_work() as uow:
        assert uow.pending_mail() == []
    assert folder_size(home, "inbox") == 0 and folder_size(home, "Processed") == 2
    the_inbox_is_read_again(home, prefect_api)
    assert len(outbox(home)) == 3


@pytest.fixture
def over_smtp(home, smtp_server, monkeypatch):
    """The Maildir inbox, and aiosmtpd (which counts what it is handed) for sending."""
    smtp_server.clear()
    for name, value in {"SMTP_HOST": smtp_server.host, "SMTP_PORT": smtp_server.port,
                        "SMTP_STARTTLS": "false"}.items():
        monkeypatch.setenv(f"ORDERLOOP_{name}", str(value))
    yield smtp_server
    smtp_server.clear()


@pytest.mark.parametrize("point", SMTP_POINTS)
def test_a_poll_killed_after_the_server_took_a_mail_sends_that_one_again_and_no_other(point, over_smtp, home,
                                                                                       prefect_api):
    """At-least-once (mail/journal.py): the mail in flight when the process
    died after the server's 250 goes again, the same bytes under the same
    Message-ID; every other mail goes exactly once."""
    two_orders_in_the_inbox()
    crashed = poll(prefect_api, crash_at=point)
    assert crashed.returncode == 70, crashed.stderr[-2000:]
    [in_flight] = over_smtp.messages
    again = poll(prefect_api)
    assert again.returncode == 0, again.stderr[-2000:]
    ids = [email.message_from_bytes(m.content)["Message-ID"] for m in over_smtp.messages]
    first = email.message_from_bytes(in_flight.content)["Message-ID"]
    assert len(ids) == 3 and len(set(ids)) == 2 and ids.count(first) == 2
    assert [m.content for m in over_smtp.messages if m.content == in_flight.content] == [in_flight.content] * 2
    with open_repository(Settings()).unit_of_work() as uow:
        assert uow.pending_mail() == []
    assert (home / "store" / "sent.journal").read_text() == ""
    assert folder_size(home, "inbox") == 0 and folder_size(home, "Processed") == 2
    the_inbox_is_read_again(home, prefect_api)
    assert len(over_smtp.messages) == 4  # the third order's answer, once


def test_a_poll_killed_at_any_flow_step_over_smtp_sends_each_mail_exactly_once(over_smtp, home, prefect_api):
    two_orders_in_the_inbox()
    for point in POINTS:  # one poll killed at each step in turn, then one that finishes
        assert poll(prefect_api, crash_at=point).returncode == 70, point
    assert poll(prefect_api).returncode == 0
    ids = [email.message_from_bytes(m.content)["Message-ID"] for m in over_smtp.messages]
    assert len(ids) == len(set(ids)) == 2
    assert folder_size(home, "Processed") == 2


def test_documents_of_a_poll_killed_after_the_commit_reach_the_archive(home, prefect_api):
    """A new order's PDF is rendered only after its order is stored (issue
    11: render after commit); the poll killed between the commit and the
    render leaves no PDF anywhere, only the mail waiting for it, and the next
    one renders it into the archive and mails it."""
    with open_mailbox(Settings()) as mailbox:
        mailbox.append(sample_email("01-seed-order.eml"))
    assert poll(prefect_api, crash_at="after_store").returncode == 70
    assert not (home / "archive").exists() or list((home / "archive").rglob("*.pdf")) == []
    assert list(home.rglob("*.pdf")) == []
    with open_repository(Settings()).unit_of_work() as uow:
        assert [mail.document for mail in uow.pending_mail()] == ["requirements"]
    assert poll(prefect_api).returncode == 0
    [order] = open_repository(Settings()).list_orders()
    archive = DocumentArchive(home / "archive")
    assert set(archive.manifest(order.order_no)["documents"]) == {"requirements"}
    assert archive.verify(order.order_no) == []
    assert not (home / ".staging").exists() or list((home / ".staging").rglob("*.pdf")) == []
    [sent] = outbox(home)
    [pdf] = [part for part in sent.walk() if part.get_content_type() == "application/pdf"]
    assert pdf.get_payload(decode=True) == (archive.folder(order.order_no) / "requirements.pdf").read_bytes()


# ------------------------------------------------------------ the steps that ask a rep

OUTSIDER_ORDER = ("From: Buyer <buyer@lookalike.example>\r\nTo: orders@example.com\r\nSubject: 订购单\r\n"
                  "Message-ID: <out-1@lookalike.example>\r\nDate: Sun, 01 Oct 2023 09:00:00 +0800\r\n"
                  "Content-Type: text/plain; charset=utf-8\r\n\r\n客户编码:CUST001\r\n商品编码:P001\r\n数量:10台\r\n"
                  "要求交付日期:2023-10-15\r\n").encode("utf-8")
UNPLACEABLE = ("From: purchase@huadong.example\r\nTo: orders@example.com\r\nSubject: 关于上批货\r\n"
               "Message-ID: <q-1@huadong.example>\r\nDate: Sun, 01 Oct 2023 09:00:00 +0800\r\n"
               "Content-Type: text/plain; charset=utf-8\r\n\r\n上次那批A产品有三台外壳划伤了，价格上能不能给点补偿？\r\n"
               ).encode("utf-8")


def subjects_to(home, address: str) -> list[str]:
    return [str(m["Subject"]) for m in outbox(home) if address in str(m["To"])]


@pytest.mark.parametrize("point", ["after_parse", "after_store", "before_file"])
def test_a_poll_killed_while_asking_the_rep_asks_once(point, home, prefect_api):
    with open_mailbox(Settings()) as mailbox:
        mailbox.append(OUTSIDER_ORDER)
        mailbox.append(UNPLACEABLE)
    assert poll(prefect_api, crash_at=point).returncode == 70
    again = poll(prefect_api)
    assert again.returncode == 0, again.stderr[-2000:]
    assert poll(prefect_api).returncode == 0
    (order,) = open_repository(Settings()).list_orders()
    assert order.sender_check.state == "asked"
    to_rep = subjects_to(home, "li.rep@example.com")
    assert len(to_rep) == 2 and sum("核实发件人" in s for s in to_rep) == 1 and sum("是否订单" in s for s in to_rep) == 1
    assert len(subjects_to(home, "buyer@lookalike.example")) == 1
    assert folder_size(home, "inbox") == 0
