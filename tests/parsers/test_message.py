"""Decoding: charsets, headers, bodies, HTML, attachments."""
import base64
import codecs
from datetime import datetime, timedelta, timezone
from email.message import EmailMessage

from parsers import parse_email
from parsers.charsets import decode_bytes, install_aliases
from parsers.html_text import html_to_text
from parsers.message import decode_header_value, read_message


def raw(headers: str, body: bytes = b"hello\r\n") -> bytes:
    return headers.replace("\n", "\r\n").encode("utf-8") + b"\r\n" + body


def test_gb2312_and_gbk_decode_as_gb18030_everywhere():
    install_aliases()
    install_aliases()  # idempotent
    assert codecs.lookup("gb2312").name == "gb18030"
    assert codecs.lookup("GBK").name == "gb18030"
    assert "张喆".encode("gbk").decode("gb2312") == "张喆"  # 喆 is not in GB2312


def test_decode_bytes_never_raises_and_falls_back():
    assert decode_bytes("订单".encode("gbk"), "utf-8") == "订单"  # mislabelled: GB18030 fits
    assert decode_bytes("订单".encode("utf-8"), "no-such-charset") == "订单"
    assert decode_bytes(b"\xff\xfe\xfa", "idna")  # a codec that raises UnicodeError itself
    assert decode_bytes(b"abc", "base64") == "abc"  # bytes-to-bytes codecs are no charset
    assert "\ufffd" in decode_bytes("订单".encode("utf-8") + b"\xff", "ascii")


def test_envelope_fields():
    mail = read_message(raw(
        "From: =?utf-8?b?546L5bu65Zu9?= <Wang.JG@Example.CN>\n"
        "Reply-To: Buyer <buyer@example.cn>\n"
        "Subject: =?gb2312?B?" + base64.b64encode("订单".encode("gbk")).decode() + "?= 2023\n"
        "Date: Sun, 01 Oct 2023 09:12:00 +0800\n"
        "Message-ID:  <abc@example.cn> \n"
        "In-Reply-To: <SO2023100001.requirements_list.abc123@example.com>\n"
        "References: <a@x> <b@y>\n"))
    env = mail.envelope
    assert env.sender == "wang.jg@example.cn"
    assert env.sender_name == "王建国"
    assert env.reply_to == "buyer@example.cn"
    assert env.subject == "订单 2023"
    assert env.date == datetime(2023, 10, 1, 9, 12, tzinfo=timezone(timedelta(hours=8)))
    assert env.message_id == "<abc@example.cn>"
    assert env.in_reply_to == ["<SO2023100001.requirements_list.abc123@example.com>"]
    assert env.references == ["<a@x>", "<b@y>"]


def test_bad_headers_cost_only_their_own_value():
    mail = read_message(raw("From: not an address at all\nSubject: =?utf-8?B?broken base64!?=\n"
                            "Date: yesterday-ish\n"))
    assert mail.envelope.sender is None
    assert mail.envelope.date is None
    assert isinstance(mail.envelope.subject, str)


def test_a_date_without_a_zone_is_taken_as_utc():
    mail = read_message(raw("Date: Sun, 01 Oct 2023 09:12:00 -0000\n"))
    assert mail.envelope.date.tzinfo is not None


def test_eight_bit_utf8_and_gbk_headers():
    assert read_message(b"Subject: \xe8\xae\xa2\xe5\x8d\x95\r\n\r\nx").envelope.subject == "订单"
    assert read_message(b"Subject: " + "订单".encode("gbk") + b"\r\n\r\nx").envelope.subject == "订单"
    assert decode_header_value("=?gbk?q?=B6=A9=B5=A5?=") == "订单"


def test_prefers_text_plain_to_html():
    msg = EmailMessage()
    msg.set_content("plain body")
    msg.add_alternative("<p>html body</p>", subtype="html")
    mail = read_message(msg.as_bytes())
    assert mail.text.strip() == "plain body" and not mail.from_html


def test_html_only_mail_is_converted_to_text():
    msg = EmailMessage()
    msg.set_content("<p>商品名称：A产品<br>数量：5</p>", subtype="html")
    mail = read_message(msg.as_bytes())
    assert mail.from_html
    assert mail.text.split("\n") == ["商品名称：A产品", "数量：5"]


def test_html_to_text_drops_scripts_and_separates_cells():
    text = html_to_text("<style>p{}</style><script>x=1</script><table><tr><th>a</th><th>b</th></tr>"
                        "<tr><td>1</td><td>2 &amp; 3</td></tr></table><div>end</div>")
    assert text.split("\n") == ["a\tb", "1\t2 & 3", "end"]


def test_html_blockquotes_become_quoted_lines():
    assert html_to_text("<p>ok</p><blockquote><p>old</p></blockquote>").split("\n") == ["ok", "> old"]


def test_attachments_are_listed_with_size():
    msg = EmailMessage()
    msg.set_content("见附件图纸")
    msg.add_attachment(b"%PDF-1.4 drawing", maintype="application", subtype="pdf", filename="图纸.pdf")
    mail = read_message(msg.as_bytes())
    [att] = mail.attachments
    assert (att.filename, att.content_type, att.size) == ("图纸.pdf", "application/pdf", 16)
    assert mail.text.strip() == "见附件图纸"


def test_order_attachments_travel_with_the_draft():
    msg = EmailMessage()
    msg["Subject"] = "订单"
    msg.set_content("商品名称：控制柜\n规格型号：定制\n数量：1台\n")
    msg.add_attachment(b"drawing", maintype="application", subtype="pdf", filename="drawing.pdf")
    result = parse_email(msg.as_bytes())
    assert result.kind == "order"
    assert [a.filename for a in result.draft.attachments] == ["drawing.pdf"]
    assert result.problems == []  # a drawing is attached: no needs_drawing question


def test_parse_email_accepts_nothing_and_garbage():
    for data in (b"", b"\x00\xff" * 10, b"Content-Type: multipart/mixed; boundary=x\r\n\r\n--x\r\n"):
        assert parse_email(data).kind == "other"


def test_an_order_in_html_behind_a_plain_stub_is_read():
    msg = EmailMessage()
    msg["Subject"] = "订单"
    msg.set_content("This message is in HTML. 请查看HTML版本。")
    msg.add_alternative("<table><tr><td>商品名称</td><td>A产品</td></tr><tr><td>数量</td><td>5台</td></tr></table>",
                        subtype="html")
    result = parse_email(msg.as_bytes())
    assert result.kind == "order"
    assert (result.draft.lines[0].name, result.draft.lines[0].quantity) == ("A产品", 5)
