"""Every tests/golden/NAME.eml parses to the contract in NAME.json.

To accept new output after a deliberate change, run with
ORDERLOOP_UPDATE_GOLDEN=1 and review the diff of the .json files.
"""
from __future__ import annotations

import json
import os

import pytest

from parsers import parse_email
from tests.parsers.conftest import golden_emails

UPDATE = os.environ.get("ORDERLOOP_UPDATE_GOLDEN") == "1"


def test_there_are_golden_emails_for_every_kind():
    kinds = {json.loads(p.with_suffix(".json").read_text("utf-8"))["kind"] for p in golden_emails()}
    assert len(golden_emails()) >= 12
    assert kinds == {"order", "reply", "auto_reply", "bounce", "other"}


@pytest.mark.parametrize("path", golden_emails(), ids=lambda p: p.stem)
def test_golden_email_parses_to_its_contract(path):
    got = parse_email(path.read_bytes()).contract()
    expected_path = path.with_suffix(".json")
    if UPDATE:
        expected_path.write_text(json.dumps(got, ensure_ascii=False, indent=2) + "\n", "utf-8")
    expected = json.loads(expected_path.read_text("utf-8"))
    assert got == expected


@pytest.mark.parametrize("path", golden_emails(), ids=lambda p: p.stem)
def test_contract_is_plain_json(path):
    contract = parse_email(path.read_bytes()).contract()
    assert json.loads(json.dumps(contract)) == contract
    assert set(contract) == {"kind", "draft", "reply", "problems"}
    if contract["reply"] is not None:
        assert set(contract["reply"]) == {"order_no", "intent", "reason", "score", "token"}
