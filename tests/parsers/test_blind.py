"""The sets written by authors who never read the parser, scored as
bench/parse_eval.py scores them: the blind set (tests/blind/), and the two
held-out sets written after the parser was widened on it (tests/holdout/,
tests/final/). None may fall below the score it has reached (raise these as
the parser improves, never lower them)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.parse_eval import contract, labelled_files, score_file

TESTS = Path(__file__).resolve().parents[1]
# (folder, files at least, files fully correct, fields correct). First measured: blind 36/111 files and
# 1705/2476 fields (2026-12-05), held-out 31/60 and 1160/1348, final 17/40 and 874/1059 (2026-12-06).
REACHED = [("blind", 111, 111, 2476), ("holdout", 60, 58, 1346), ("final", 40, 36, 1053)]


@pytest.mark.parametrize("folder, count, files_correct, fields_correct", REACHED)
def test_a_set_written_blind_keeps_its_score(folder, count, files_correct, fields_correct):
    files = labelled_files([TESTS / folder])
    assert len(files) == count
    scores = [score_file(p, json.loads(p.with_suffix(".json").read_text("utf-8")), contract(p.read_bytes()))
              for p in files]
    perfect, right = sum(s.perfect for s in scores), sum(s.right for s in scores)
    assert perfect >= files_correct and right >= fields_correct, (perfect, right)
