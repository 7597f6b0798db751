"""The same message delivered again is recognised; a different message under
a reused Message-ID is not taken for it (issue 9, part 7)."""
from __future__ import annotations

from mail.fingerprint import content_fingerprint

ORIGINAL = (b"From: Alice Chen <alice@northwind.example>\r\nTo: orders@example.com\r\n"
            b"Subject: Purchase order NW-4410 for the second quarter of the year, please confirm\r\n"
            b"Date: Sun, 01 Oct 2023 10:05:00 +0800\r\nMessage-ID: <nw-4410@northwind.example>\r\n"
            b"MIME-Version: 1.0\r\nContent-Type: text/plain; charset=\"us-ascii\"\r\n\r\n"
            b"Please process our purchase order.\r\nP001 x 20\r\n")


def redelivered(raw: bytes) -> bytes:
    """What an IMAP server holds after delivering it again: trace headers on
    top and at the end of the header block, a long header refolded, LF line ends."""
    head, body = raw.split(b"\r\n\r\n", 1)
    head = head.replace(b"for the second quarter", b"for the second\r\n\tquarter")
    head = (b"Return-Path: <alice@northwind.example>\r\nDelivered-To: orders@example.com\r\n"
            b"Received: from mx.northwind.example by mail.example.com; Sun, 1 Oct 2023 10:05:03 +0800\r\n"
            + head + b"\r\nX-Spam-Score: 0.1\r\nAuthentication-Results: mail.example.com; spf=pass")
    return (head + b"\r\n\r\n" + body + b"\r\n").replace(b"\r\n", b"\n")


def test_the_same_message_delivered_again_has_the_same_fingerprint():
    assert content_fingerprint(redelivered(ORIGINAL)) == content_fingerprint(ORIGINAL)


def test_another_body_or_main_header_under_the_same_message_id_does_not():
    others = [ORIGINAL.replace(b"P001 x 20", b"P001 x 200"),
              ORIGINAL.replace(b"NW-4410 for", b"NW-4411 for"),
              ORIGINAL.replace(b"alice@northwind", b"bob@northwind"),
              ORIGINAL.replace(b"10:05:00", b"11:05:00")]
    fingerprints = {content_fingerprint(raw) for raw in [ORIGINAL, *others]}
    assert len(fingerprints) == 5


def test_odd_messages_still_have_a_fingerprint():
    assert content_fingerprint(b"") == content_fingerprint(b"\r\n")
    assert content_fingerprint(b"no headers at all") != content_fingerprint(b"")
    assert len(content_fingerprint(b"\xff\xfe: \x00\r\n\r\nbody")) == 64
