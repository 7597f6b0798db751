"""3,000 mutated emails over a fixed seed: parse_email never raises, always
answers in the contract's terms (DESIGN.md, `orderloop parse --json`), and its
result survives the JSON the parse worker sends it in.

The mutations are those of test_never_raises.py's Hypothesis strategy, drawn
from a seeded random generator instead so that the same 3,000 run every time,
over every golden and labelled email (attachments included), with the inserts
that once cost time or were refused: non-mail charsets, long headers.
"""
from __future__ import annotations

import json
import random
from pathlib import Path

from parsers import parse_email
from parsers.result import ParseResult

from tests.parsers.conftest import golden_emails

SEED, COUNT = 20261205, 3000
LABELLED = Path(__file__).resolve().parents[1] / "labelled"
CORPUS = [p.read_bytes() for p in golden_emails() + sorted(LABELLED.glob("*.eml"))]
KINDS = {"order", "reply", "auto_reply", "bounce", "other"}
INTENTS = {"approve", "reject", "confirm", "answer", "change", "cancel", "signoff", "survey", "complaint"}
CODES = {"missing", "vague", "invalid", "needs_drawing", "mismatch", "unknown"}
INSERTS = [
    b"\r\n", b"\n\n", b"--", b"=?", b"?=", b"=?gb2312?B?", b"=?utf-7?Q?+AGEAYgBj-?=", b"\xff\xfe", b"\x00", b"<", b">",
    b"boundary=\"", b"Content-Type: multipart/mixed;", b"Content-Transfer-Encoding: x-uuencode\r\n",
    b"Content-Transfer-Encoding: base64\r\n", b"charset=idna", b"charset=punycode", b"charset=utf-7",
    b"charset=rot13", b"charset=base64", b"charset=gbk", b"; filename*0*=utf-8''%E8%AE%A2", b"\xef\xbc\x9a", b"> ",
    b"=\r\n", b"\r\n ", b"Content-Disposition: attachment; filename=" + b";" * 9000 + b"\r\n",
    b"X-Long: " + b"a" * 70_000 + b"\r\n",
]


def mutate(rng: random.Random, data: bytes) -> bytes:
    data = bytearray(data)
    for _ in range(rng.randint(1, 12)):
        action = rng.choice(("flip", "cut", "insert", "delete", "duplicate"))
        at = rng.randint(0, max(0, len(data) - 1))
        if action == "flip" and data:
            data[at] = rng.randrange(256)
        elif action == "cut":
            del data[at:]
        elif action == "insert":
            data[at:at] = rng.choice(INSERTS) if rng.random() < 0.8 else rng.randbytes(rng.randint(0, 40))
        elif action == "delete":
            del data[at:at + rng.randint(1, 200)]
        else:
            data[at:at] = data[at:at + rng.randint(1, 300)]
    return bytes(data)


def check_contract(result: ParseResult) -> None:
    assert isinstance(result, ParseResult)
    # The parse worker sends the result to the intake as JSON (flows/parse_budget.py):
    # it must come back whole, equal to what the parser answered.
    assert ParseResult.model_validate_json(result.model_dump_json()) == result
    shape = json.loads(json.dumps(result.contract()))
    assert shape["kind"] in KINDS
    assert (shape["reply"] is None) == (shape["kind"] != "reply")
    if shape["reply"] is not None:
        assert shape["reply"]["intent"] in INTENTS
    assert shape["draft"] is None or shape["kind"] == "order"
    assert all(p["code"] in CODES for p in shape["problems"])


def test_three_thousand_mutated_emails_never_raise_and_answer_in_the_contract():
    rng = random.Random(SEED)
    kinds: dict[str, int] = {}
    for number in range(COUNT):
        raw = mutate(rng, rng.choice(CORPUS))
        try:
            result = parse_email(raw)
            check_contract(result)
        except Exception as exc:  # name the mutation that broke it, to replay it
            raise AssertionError(f"mutation {number} of seed {SEED}: {type(exc).__name__}: {exc}") from exc
        kinds[result.kind] = kinds.get(result.kind, 0) + 1
    assert sum(kinds.values()) == COUNT
    assert kinds.get("order", 0) > COUNT // 10  # most mutations still leave an email to read
