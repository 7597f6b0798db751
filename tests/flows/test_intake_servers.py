"""The intake flow through Prefect against real servers: Dovecot over IMAP for
the inbox, aiosmtpd (handing mail to Dovecot over LMTP, as an MTA does) for
sending. Every real-world corpus email goes through it too."""
from __future__ import annotations

import email
import email.policy
import smtplib
from pathlib import Path

import pytest

from flows.components import open_mailbox, open_repository
from flows.crashpoints import POINTS
from flows.settings import Settings
from mail import ImapMailbox

from tests.flows.conftest import CORPUS, run_intake, sample_email
from tests.flows.test_crash import poll

pytestmark = pytest.mark.integration
REAL_WORLD = CORPUS / "real-world" / "imap_tools"


@pytest.fixture
def servers(home, prefect_api, dovecot, mta, monkeypatch):
    """The pipeline's own Dovecot account as its inbox, aiosmtpd as its SMTP server."""
    account = dovecot.new_account("orders")
    for name, value in {"IMAP_HOST": dovecot.host, "IMAP_PORT": dovecot.imap_port, "IMAP_USER": account.user,
                        "IMAP_PASSWORD": account.password, "IMAP_SSL": "false", "SMTP_HOST": mta.host,
                        "SMTP_PORT": mta.port, "SMTP_STARTTLS": "false", "ADDRESS": account.user}.items():
        monkeypatch.setenv(f"ORDERLOOP_{name}", str(value))
    return account


def send_to_pipeline(mta, account, raw: bytes) -> None:
    with smtplib.SMTP(mta.host, mta.port) as smtp:
        smtp.sendmail("customer@example.net", [account.user], raw)


def folder_counts(dovecot, account) -> dict[str, int]:
    with ImapMailbox(dovecot.host, dovecot.imap_port, account.user, account.password, ssl=False) as mailbox:
        return {f: mailbox.folder_count(f) for f in ("inbox", "processed", "ignored", "quarantine")}


def to_customers(mta) -> list[email.message.EmailMessage]:
    return [email.message_from_bytes(m.content, policy=email.policy.default) for m in mta.messages
            if not any(r.startswith("orders") for r in m.rcpt_tos)]


def test_an_order_sent_by_smtp_is_read_over_imap_and_answered_by_smtp(servers, dovecot, mta):
    send_to_pipeline(mta, servers, sample_email("01-seed-order.eml"))
    counts = run_intake()
    assert counts["processed"] == 1 and counts["sent"] == 1
    (order,) = open_repository(Settings()).list_orders()
    (answer,) = to_customers(mta)
    assert answer["To"] == "purchase@huadong.example" and f"[{order.order_no}]" in answer["Subject"]
    assert answer["In-Reply-To"] == "<hd-20231001-001@huadong.example>"
    assert folder_counts(dovecot, servers) == {"inbox": 0, "processed": 1, "ignored": 0, "quarantine": 0}


@pytest.mark.parametrize("point", POINTS)
def test_a_poll_killed_at_any_step_sends_nothing_twice_over_smtp(point, servers, dovecot, mta, prefect_api):
    send_to_pipeline(mta, servers, sample_email("03-english-order.eml"))
    assert poll(prefect_api, crash_at=point).returncode == 70
    assert poll(prefect_api).returncode == 0
    assert len(to_customers(mta)) == 1
    assert len(open_repository(Settings()).list_orders()) == 1
    assert folder_counts(dovecot, servers)["processed"] == 1


def test_a_customer_address_the_server_refuses_does_not_stop_intake(servers, dovecot, mta):
    mta.refuse("purchase@huadong.example")
    send_to_pipeline(mta, servers, sample_email("01-seed-order.eml"))
    send_to_pipeline(mta, servers, sample_email("03-english-order.eml"))
    counts = run_intake()
    assert counts["processed"] == 2 and counts["sent"] == 1
    assert [m["To"] for m in to_customers(mta)] == ["alice@northwind.example"]
    with open_repository(Settings()).unit_of_work() as uow:
        assert uow.pending_mail() == []
    assert run_intake()["sent"] == 0  # the refused mail is set aside, not retried forever


def test_every_real_world_email_is_read_without_an_order_or_an_answer(servers, dovecot, mta):
    if not REAL_WORLD.is_dir():
        pytest.skip(f"the shared corpus is absent ({REAL_WORLD}); it lives in ../shared beside the project")
    files = sorted(REAL_WORLD.glob("*.eml"))
    assert len(files) >= 100
    with open_mailbox(Settings()) as mailbox:
        for path in files:
            mailbox.append(path.read_bytes())
    counts = run_intake()
    assert counts["messages"] == len(files)
    assert counts.get("processed", 0) == 0 and counts["sent"] == 0
    assert open_repository(Settings()).list_orders() == []
    assert to_customers(mta) == []
    folders = folder_counts(dovecot, servers)
    assert folders["inbox"] == 0 and folders["ignored"] + folders["quarantine"] == len(files)
    for record in open_repository(Settings()).quarantined():
        assert record.reason
