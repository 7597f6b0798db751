"""Attachments in the message: their names however a client writes them, and
which of them keep their bytes as order files."""
from __future__ import annotations

import base64
from email.message import EmailMessage

import pytest

from parsers import message
from parsers.message import MAX_ORDER_FILES, order_file_kind, read_message
from tests.parsers.fixtures_attachments import build

NAME = "采购订单明细（华东机械）2023-09.xlsx"
STYLES = ["rfc2231", "rfc2231-sections", "rfc2047-quoted-gbk", "rfc2047-quoted-utf8-split", "raw-gbk"]


def attached(name: str, style: str, *, content_type: str = "application/octet-stream", data: bytes = b"a,b\r\n"):
    return read_message(build.mime_email([(name, content_type, data, style)]))


@pytest.mark.parametrize("style", STYLES)
def test_a_chinese_attachment_name_is_read_however_it_is_encoded(style):
    mail = attached(NAME, style)
    assert [attachment.filename for attachment in mail.attachments] == [NAME]


@pytest.mark.parametrize("header, name", [
    # RFC 2047 without quotes, as some webmail writes it
    ("Content-Disposition: attachment; filename==?GBK?B?" + base64.b64encode("订单.csv".encode("gbk")).decode() + "?=",
     "订单.csv"),
    # only in Content-Type, as Outlook Express wrote it
    ('Content-Type: application/vnd.ms-excel; name="=?gb2312?B?' + base64.b64encode("订单.xls".encode("gbk")).decode()
     + '?="', "订单.xls"),
    # RFC 2231 in GBK, percent-encoded, and labelled UTF-8 though it is GBK
    ("Content-Disposition: attachment; filename*=GBK''" + "".join(f"%{b:02X}" for b in "订单.csv".encode("gbk")),
     "订单.csv"),
    ("Content-Disposition: attachment; filename*=utf-8''" + "".join(f"%{b:02X}" for b in "订单.csv".encode("gbk")),
     "订单.csv"),
    # an encoded word with the extension outside it
    ('Content-Disposition: attachment; filename="=?UTF-8?B?' + base64.b64encode("订单".encode()).decode() + '?=.pdf"',
     "订单.pdf"),
    # a path, a quote inside, control characters
    (r'Content-Disposition: attachment; filename="C:\\Users\\wang\\Desktop\\order \"4410\".csv"', 'order "4410".csv'),
    ("Content-Disposition: attachment; filename=\"a\x01b.csv\"", "ab.csv"),
])
def test_names_in_the_broken_ways_of_real_mail_clients(header, name):
    raw = ("Subject: x\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
           "Content-Type: text/plain\r\n\r\nhi\r\n--b\r\n" + header + "\r\n"
           + ("Content-Disposition: attachment\r\n" if header.startswith("Content-Type") else
              "Content-Type: application/octet-stream\r\n")
           + "Content-Transfer-Encoding: base64\r\n\r\nYSxiDQo=\r\n--b--\r\n").encode("utf-8", "surrogateescape")
    assert [attachment.filename for attachment in read_message(raw).attachments] == [name]


def test_an_unreadable_name_costs_nothing_else():
    raw = (b"Subject: x\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
           b"Content-Type: application/pdf\r\nContent-Disposition: attachment; filename*0*=x'';"
           b" filename*1*=%ZZ; filename==?bogus?Q?=?=\r\n\r\n%PDF-1.4\r\n--b--\r\n")
    mail = read_message(raw)
    assert len(mail.attachments) == 1 and mail.attachments[0].filename


@pytest.mark.parametrize("name, content_type, data, kind", [
    ("订单.xlsx", "application/octet-stream", build.order_xlsx(), "xlsx"),
    ("订单.XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", build.order_xlsx(), "xlsx"),
    ("订单.xls", "application/vnd.ms-excel", build.order_xlsx(), "xlsx"),  # an .xlsx named .xls
    ("订单.xls", "application/vnd.ms-excel", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504, "xls"),
    ("订单.et", "application/octet-stream", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504, "xls"),
    ("订单.xls", "application/vnd.ms-excel", "<table><tr><td>品名</td></tr></table>".encode(), "html"),
    ("订单.xls", "application/vnd.ms-excel", "品名\t数量\r\nA\t5\r\n".encode("gbk"), "csv"),
    ("订单.csv", "application/vnd.ms-excel", build.order_csv(), "csv"),  # how Outlook sends a CSV
    ("订单.csv", "text/csv", build.order_csv(encoding="utf-16"), "csv"),
    ("order", "text/csv", build.order_csv(), "csv"),
    ("采购订单.pdf", "application/octet-stream", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "pdf"),
    ("part-2.octet-stream", "application/octet-stream", b"%PDF-1.4\n", "pdf"),  # no name at all
    ("order.bin", "application/octet-stream", build.order_xlsx(), "xlsx"),
])
def test_order_files_are_known_by_name_type_and_first_bytes(name, content_type, data, kind):
    assert order_file_kind(name, content_type, data) == kind


@pytest.mark.parametrize("name, content_type, data", [
    ("图纸.pdf", "application/pdf", b"drawing"),  # says PDF, is none
    ("logo.png", "image/png", b"\x89PNG\r\n\x1a\n"),
    ("合同.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", b"PK\x03\x04" + b"0" * 100),
    ("合同.doc", "application/msword", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"),
    ("data.bin", "application/octet-stream", b"PK\x03\x04 a zip of something else"),
    ("notes.txt", "text/plain", "品名,数量".encode()),
    ("订单.csv", "text/csv", b"\x00\x01\x02 binary"),
    ("订单.pdf", "application/pdf", b""),
])
def test_what_cannot_hold_an_order_keeps_no_bytes(name, content_type, data):
    assert order_file_kind(name, content_type, data) is None


def test_order_files_keep_their_bytes_in_the_order_attached():
    pdf, book = build.purchase_order_pdf(), build.order_xlsx()
    mail = read_message(build.mime_email([
        ("采购订单.pdf", "application/pdf", pdf, "rfc2047-quoted-gbk"),
        ("logo.png", "image/png", b"\x89PNG\r\n\x1a\n", "ascii"),
        ("明细.xlsx", "application/octet-stream", book, "rfc2231")]))
    assert [(f.filename, f.content_type, f.kind) for f in mail.order_files] == [
        ("采购订单.pdf", "application/pdf", "pdf"), ("明细.xlsx", "application/octet-stream", "xlsx")]
    assert mail.order_files[0].data == pdf and mail.order_files[1].data == book
    filename, content_type, data, kind = mail.order_files[1]  # a plain tuple too
    assert len(mail.attachments) == 3 and len(mail.documents) == 3


def test_a_pdf_sent_inline_is_an_order_file_too():
    msg = EmailMessage()
    msg["Subject"] = "订单"
    msg.set_content("见附件")
    msg.add_attachment(build.order_csv(), maintype="text", subtype="csv", filename="订单.csv", disposition="inline")
    mail = read_message(msg.as_bytes())
    assert [f.kind for f in mail.order_files] == ["csv"] and mail.documents == []


def test_files_over_the_size_cap_keep_no_bytes(monkeypatch):
    monkeypatch.setattr(message, "MAX_ORDER_FILE_BYTES", 1000)
    mail = read_message(build.mime_email([("a.csv", "text/csv", b"x" * 1001, "ascii"),
                                          ("b.csv", "text/csv", b"x" * 1000, "ascii")]))
    assert [f.filename for f in mail.order_files] == ["b.csv"]
    assert [a.size for a in mail.attachments] == [1001, 1000]  # still listed


def test_at_most_a_few_order_files_are_kept():
    files = [(f"{n}.csv", "text/csv", b"a,b\r\n", "ascii") for n in range(MAX_ORDER_FILES + 3)]
    mail = read_message(build.mime_email(files))
    assert len(mail.order_files) == MAX_ORDER_FILES and len(mail.attachments) == MAX_ORDER_FILES + 3


def test_attached_messages_are_not_opened_for_order_files():
    inner = build.mime_email([("订单.csv", "text/csv", build.order_csv(), "rfc2231")])
    raw = (b"Subject: Fwd\r\nContent-Type: multipart/mixed; boundary=o\r\n\r\n--o\r\nContent-Type: text/plain\r\n\r\n"
           b"fyi\r\n--o\r\nContent-Type: message/rfc822\r\n\r\n" + inner + b"\r\n--o--\r\n")
    mail = read_message(raw)
    assert mail.order_files == [] and [a.content_type for a in mail.attachments] == ["message/rfc822"]


def _big_mails() -> dict[str, bytes]:
    pdf = build.purchase_order_pdf()
    blob = base64.encodebytes(bytes(range(256)) * 200).decode()  # 51 KB of base64, 76-character lines
    plain = build.mime_email([("订单.pdf", "application/pdf", pdf, "rfc2231")])
    mails = {
        "pdf": plain,
        "pdf, LF line ends": plain.replace(b"\r\n", b"\n"),
        "pdf and xlsx": build.mime_email([("a.pdf", "application/pdf", pdf, "rfc2231"),
                                          ("b.xlsx", "application/octet-stream", build.order_xlsx(), "rfc2231")]),
        "forwarded inside message/rfc822": (
            b"Subject: Fwd\r\nContent-Type: multipart/mixed; boundary=o\r\n\r\n--o\r\nContent-Type: text/plain\r\n\r\n"
            b"fyi\r\n--o\r\nContent-Type: message/rfc822\r\n\r\n" + plain + b"\r\n--o--\r\n"),
        "base64-looking lines in a 7bit text body": (
            b"Subject: x\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\nhello\r\n"
            + blob.replace("\n", "\r\n").encode() + b"bye\r\n"),
        "no closing boundary": b"Subject: x\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
                               b"Content-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                               + blob.replace("\n", "\r\n").encode(),
        "no newline at the very end": plain.rstrip(b"\r\n-"),
    }
    return mails


@pytest.mark.parametrize("name", list(_big_mails()))
def test_setting_long_base64_runs_aside_changes_nothing(name, monkeypatch):
    raw = _big_mails()[name]
    fast = read_message(raw)
    monkeypatch.setattr(message, "SET_ASIDE", False)
    slow = read_message(raw)
    assert fast.attachments == slow.attachments and fast.order_files == slow.order_files
    assert (fast.text, fast.html, fast.part_types, fast.envelope) == (slow.text, slow.html, slow.part_types, slow.envelope)
    assert fast.attachments or fast.text.strip()


@pytest.mark.parametrize("name", list(_big_mails()))
def test_base64_bodies_decode_as_the_email_package_decodes_them(name):
    msg = message._parse_bytes(_big_mails()[name])
    parts = [part for part in msg.walk() if not part.is_multipart()]
    assert parts and all(message._payload_bytes(part) == part.get_payload(decode=True) for part in parts)


def test_a_base64_body_with_broken_padding_decodes_the_lenient_way():
    body = base64.encodebytes(b"x" * 5000).decode().replace("\n", "\r\n")[:-3] + "\r\n"  # padding cut off
    raw = ("Subject: x\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n" + body).encode()
    msg = message._parse_bytes(raw)
    assert message._payload_bytes(msg) == msg.get_payload(decode=True)


def test_a_deeply_nested_message_with_a_large_attachment_is_read():
    blob = base64.encodebytes(b"\x00" * 40_000).replace(b"\n", b"\r\n")
    header = b"Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
    raw = (b"Subject: deep\r\n" + header * 600 + b"Content-Type: application/pdf\r\n"
           b"Content-Transfer-Encoding: base64\r\n\r\n" + blob)
    mail = read_message(raw)
    assert mail.envelope.subject == "deep"
