"""A customer whose address has non-ASCII characters (issue 9, part 7): the
answer is built and sent (IDNA domain; SMTPUTF8 for a Unicode local part, or
that one mail refused with the reason), and no archive folder is ever made
for an order that was not stored."""
from __future__ import annotations

import json

import pytest

from flows.components import open_mailbox, open_repository
from flows.masterdata import import_master
from flows.settings import Settings
from store.documents import DocumentArchive

from tests.flows.conftest import SAMPLE, run_intake, sample_email
from tests.flows.helpers import folder_size
from tests.mail.test_mail_eai import server  # noqa: F401  (aiosmtpd with or without SMTPUTF8)

pytestmark = pytest.mark.integration
HUADONG = "purchase@huadong.example"


def customer_writes_from(home, address: str) -> None:
    """CUST001 registered under `address`, and its order email sent from there."""
    csv = (SAMPLE / "customers.csv").read_text(encoding="utf-8").replace(HUADONG, address)
    (home / "customers.csv").write_text(csv, encoding="utf-8")
    import_master(open_repository(Settings()), "customers", home / "customers.csv")
    raw = sample_email("01-seed-order.eml").replace(f"<{HUADONG}>".encode(), f"<{address}>".encode())
    with open_mailbox(Settings()) as mailbox:
        mailbox.append(raw)


def staging_left(home) -> list:
    return [p for p in (home / ".staging").rglob("*") if p.is_file()] if (home / ".staging").exists() else []


@pytest.mark.parametrize(("address", "on_the_wire"), [("user@bücher.de", "user@xn--bcher-kva.de"),
                                                      ("张三@例子.中国", "张三@xn--fsqu00a.xn--fiqs8s")])
def test_an_order_from_a_unicode_address_is_answered_with_its_pdf_archived(home, address, on_the_wire):
    customer_writes_from(home, address)
    counts = run_intake()
    assert counts["processed"] == 1 and counts["sent"] == 1
    [order] = open_repository(Settings()).list_orders()
    [answer] = (home / "mail" / "outbox" / "new").iterdir()
    assert f"\r\nTo: {on_the_wire}\r\n".encode() in answer.read_bytes().split(b"\r\n\r\n")[0]
    archive = DocumentArchive(home / "archive")
    assert "requirements" in archive.manifest(order.order_no)["documents"]
    assert archive.verify(order.order_no) == []
    assert staging_left(home) == []


def test_a_message_that_fails_after_its_pdf_was_rendered_leaves_no_archive_folder(home, monkeypatch):
    import flows.notices

    def broken(**kwargs):
        raise ValueError("cannot build this mail")

    working = flows.notices.build_message
    monkeypatch.setattr(flows.notices, "build_message", broken)
    with open_mailbox(Settings()) as mailbox:
        mailbox.append(sample_email("01-seed-order.eml"))
    counts = run_intake()
    assert counts["quarantine"] == 1
    assert open_repository(Settings()).list_orders() == []
    assert not (home / "archive").exists() or list((home / "archive").rglob("SO*")) == []
    assert staging_left(home) == []
    monkeypatch.setattr(flows.notices, "build_message", working)
    # the same order, once it can be answered, gets a number and a folder of its own
    with open_mailbox(Settings()) as mailbox:
        mailbox.append(sample_email("03-english-order.eml"))
    run_intake()
    [order] = open_repository(Settings()).list_orders()
    assert [p.name for p in (home / "archive").rglob("SO*") if p.is_dir()] == [order.order_no]


@pytest.mark.parametrize("smtputf8", [True, False])
def test_over_smtp_a_unicode_local_part_goes_with_smtputf8_or_is_set_aside_and_the_batch_goes_on(
        home, server, monkeypatch, smtputf8):  # noqa: F811
    controller, handler = server(smtputf8=smtputf8)
    for name, value in {"SMTP_HOST": controller.hostname, "SMTP_PORT": controller.port,
                        "SMTP_STARTTLS": "false"}.items():
        monkeypatch.setenv(f"ORDERLOOP_{name}", str(value))
    customer_writes_from(home, "张三@例子.中国")
    with open_mailbox(Settings()) as mailbox:
        mailbox.append(sample_email("03-english-order.eml"))
    counts = run_intake()
    assert counts["processed"] == 2 and counts["sent"] == (2 if smtputf8 else 1)
    recipients = sorted(rcpt for _, rcpts, _, _ in handler.envelopes for rcpt in rcpts)
    expected = ["alice@northwind.example"] + (["张三@xn--fsqu00a.xn--fiqs8s"] if smtputf8 else [])
    assert recipients == sorted(expected)
    mails = json.loads((home / "store" / "orders.json").read_text(encoding="utf-8"))["outbox"].values()
    failures = [m["failure"] for m in mails if m.get("failure")]
    if smtputf8:
        assert failures == []
    else:
        [failure] = failures
        assert "SMTPUTF8" in failure and f"{controller.hostname}:{controller.port}" in failure
        assert run_intake()["sent"] == 0  # set aside for good, not retried
    assert folder_size(home, "inbox") == 0
