"""The same message delivered again is recognised; a different message under
a reused Message-ID is not taken for it (issue 9, part 7)."""
from __future__ import annotations

import time

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


def test_the_fingerprint_is_what_it_was_when_the_records_were_written():
    # Records in the store keep these hashes: a change here would take every
    # message delivered again for another one reusing its Message-ID.
    folded = (b"From: a@example.com\r\nSubject: x\r\nReferences: <1@x>\r\n"
              + b"".join(b"\t<%d@x>\r\n" % n for n in range(5)) + b"\r\nbody\r\n")
    assert content_fingerprint(ORIGINAL) == "d3ea9bcbae5efeee530f0a0a8cd6a95a271c7e2d4543cf0064840a5675701be4"
    assert content_fingerprint(folded) == "153f48b48d9990d8ae4caab43bba81c2591b907ea0614ce8b6b073afca00c93a"


def test_a_header_of_many_folds_takes_linear_time():
    # Issue 9, part 10: the value was rebuilt at each fold (625 KB 0.83 s, 1.9 MB 2.6 s),
    # in the intake's own process, outside the parse budget.
    head, body = ORIGINAL.split(b"\r\n\r\n", 1)
    folds = b"".join(b"\r\n <%07d.fold@northwind.example>" % n for n in range(80_000))
    raw = head.replace(b"\r\nMIME-Version", b"\r\nReferences: <0@northwind.example>" + folds + b"\r\nMIME-Version")
    raw += b"\r\n\r\n" + body
    assert len(raw) > 2_000_000
    started = time.perf_counter()
    fingerprint = content_fingerprint(raw)
    assert time.perf_counter() - started < 0.5  # 60 ms
    assert fingerprint == content_fingerprint(raw.replace(b"\r\n <", b"\r\n\t\t<"))  # refolded: the same
    assert fingerprint != content_fingerprint(raw.replace(b"<0042000.fold", b"<0042001.fold"))
