"""The blind set (tests/blind/), written by authors who never read the parser,
scored as bench/parse_eval.py scores it. Issue 10's bar is 97% of files fully
correct; until the parser reaches it, the set may not fall below the score it
has reached (raise these as the parser improves, never lower them)."""
from __future__ import annotations

import json
from pathlib import Path

from bench.parse_eval import contract, labelled_files, score_file

BLIND = Path(__file__).resolve().parents[1] / "blind"
# 2026-12-05: 36/111 files, 1705/2476 fields before any change made for the set; 1854 fields after the list lines, 1904 with Traditional Chinese keywords, 38 files and 1942 fields with foreign currencies, 43 and 1957 with reports and deferrals told from orders, 45 and 2016 with coded list lines, 46 and 2056 with colloquial repeat orders, 49 and 2066 after addresses and minus discounts, 2087 fields with lists asked to be shipped, 51 and 2094 with titles off company names, 52 and 2101 with repeat orders, 2104 with bare name cells.
FILES_FULLY_CORRECT = 111
FIELDS_CORRECT = 2476


def test_the_blind_set_keeps_its_score():
    files = labelled_files([BLIND])
    assert len(files) >= 80
    scores = [score_file(p, json.loads(p.with_suffix(".json").read_text("utf-8")), contract(p.read_bytes()))
              for p in files]
    perfect, right = sum(s.perfect for s in scores), sum(s.right for s in scores)
    assert perfect >= FILES_FULLY_CORRECT and right >= FIELDS_CORRECT, (perfect, right)
