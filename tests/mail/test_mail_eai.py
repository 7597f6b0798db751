"""Addresses with non-ASCII characters (issue 9, part 7): a Unicode domain
goes out in its IDNA form; a Unicode local part needs SMTPUTF8, and without
it that one mail is refused for good with the reason, not the batch."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from email import policy
from email.parser import BytesParser, Parser

import pytest
from aiosmtpd.controller import Controller

from mail import MailRefused, SmtpMailer, build_message, make_message_id
from mail.addresses import ascii_domain, needs_smtputf8, wire_address

CST = timezone(timedelta(hours=8))


def answer(to: str, n: int = 1) -> tuple[str, bytes]:
    message_id = make_message_id("SO2023100001", "clarification", f"eai-{n}", "example.com")
    return message_id, build_message(sender="订单系统 <orders@example.com>", recipients=[to],
                                     subject="[SO2023100001] 订单信息待补充", text="请补充交货日期。\n",
                                     message_id=message_id, date=datetime(2023, 10, 1, 10, 0, tzinfo=CST))


def headers(raw: bytes) -> bytes:
    return raw.split(b"\r\n\r\n", 1)[0]


@pytest.mark.parametrize(("address", "wire"), [
    ("user@bücher.de", "user@xn--bcher-kva.de"),
    ("张三@例子.中国", "张三@xn--fsqu00a.xn--fiqs8s"),
    ("user@ＢÜCHER．de", "user@xn--bcher-kva.de"),  # full-width letters and dot, as an IME types them
    ("buyer@customer.example", "buyer@customer.example"),
])
def test_a_unicode_domain_is_written_in_its_idna_form(address, wire):
    assert wire_address(address) == wire
    assert needs_smtputf8(address) == (not wire.isascii())


def test_a_domain_idna_cannot_encode_is_kept_for_smtputf8_rather_than_crashing():
    assert ascii_domain("例子..中国") == "例子..中国"
    assert needs_smtputf8("user@例子..中国")


def test_mail_to_an_idn_domain_is_plain_ascii():
    _, raw = answer('"Müller" <user@bücher.de>')
    assert headers(raw).isascii()
    assert BytesParser(policy=policy.default).parsebytes(raw)["To"].addresses[0].addr_spec == "user@xn--bcher-kva.de"


def test_mail_to_a_unicode_local_part_carries_it_as_utf8():
    _, raw = answer("王先生 <张三@例子.中国>")
    assert "To: =?utf-8?b?546L5YWI55Sf?= <张三@xn--fsqu00a.xn--fiqs8s>".encode() in headers(raw)
    parsed = Parser(policy=policy.default).parsestr(raw.decode("utf-8"))  # RFC 6532: UTF-8 headers
    assert parsed["To"].addresses[0].addr_spec == "张三@xn--fsqu00a.xn--fiqs8s"
    assert parsed.get_body(("plain",)).get_content() == "请补充交货日期。\n"


class Keeper:
    def __init__(self):
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.mail_options,
                               envelope.original_content))
        return "250 OK"


@pytest.fixture
def server():
    """Start aiosmtpd with or without SMTPUTF8: server(smtputf8) -> (controller, handler)."""
    from tests.servers import free_port

    started = []

    def start(smtputf8: bool):
        handler = Keeper()
        controller = Controller(handler, hostname="127.0.0.1", port=free_port(), enable_SMTPUTF8=smtputf8)
        controller.start()
        started.append(controller)
        return controller, handler

    yield start
    for controller in started:
        controller.stop()


@pytest.mark.integration
def test_a_unicode_local_part_goes_with_smtputf8_when_the_server_offers_it(server):
    controller, handler = server(smtputf8=True)
    message_id, raw = answer("张三@例子.中国")
    with SmtpMailer(controller.hostname, controller.port) as mailer:
        mailer.send(message_id, "orders@example.com", ["张三@例子.中国"], raw)
    [(mail_from, rcpt_tos, options, content)] = handler.envelopes
    assert rcpt_tos == ["张三@xn--fsqu00a.xn--fiqs8s"] and "SMTPUTF8" in options
    assert content == raw


@pytest.mark.integration
def test_without_smtputf8_that_one_mail_is_refused_with_the_reason_and_the_next_goes(server):
    controller, handler = server(smtputf8=False)
    first_id, first = answer("张三@例子.中国", 1)
    second_id, second = answer("user@bücher.de", 2)
    with SmtpMailer(controller.hostname, controller.port) as mailer:
        with pytest.raises(MailRefused) as refused:
            mailer.send(first_id, "orders@example.com", ["张三@例子.中国"], first)
        mailer.send(second_id, "orders@example.com", ["user@bücher.de"], second)
    assert "张三@xn--fsqu00a.xn--fiqs8s" in str(refused.value) and "SMTPUTF8" in str(refused.value)
    assert f"{controller.hostname}:{controller.port}" in str(refused.value)
    [(mail_from, rcpt_tos, options, content)] = handler.envelopes
    assert rcpt_tos == ["user@xn--bcher-kva.de"] and "SMTPUTF8" not in options and content == second
