"""The survey's answer and the customer's word on an after-sales solution
(parsers.staff_words.read_survey, read_case_verdict), on the blind set of
bench/blind_survey/, written by an author who never read the readers; every
case is held at its reading. First reading, before the readers were widened on
it: survey 27/40 (score 35, ask again 36, satisfied 36), verdict 26/40."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.survey_eval import reading

CASES = [json.loads(line) for line in (Path(__file__).resolve().parents[2] / "bench" / "blind_survey" / "cases.jsonl")
         .read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_a_blind_answer_is_read_as_its_author_meant(case):
    got = reading(case)
    assert got == {field: case[field] for field in got}, case.get("note")
