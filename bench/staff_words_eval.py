"""Score the readers of staff and customer replies after approval
(parsers/staff_words.py) on a blind set written by someone who never read
them: bench/blind_staff/cases.jsonl, one case a line
({"id", "reader", "today", "text", "expected"}).

    .venv/bin/python bench/staff_words_eval.py [CASES.jsonl] [-v]

Prints, per reader, the cases read as expected, and overall. A feasibility
reason counts when the expected phrase is in what was read; amounts and
quantities compare as numbers.
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from datetime import date
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from parsers import staff_words as sw  # noqa: E402

DEFAULT = Path(__file__).parent / "blind_staff" / "cases.jsonl"


def read(reader: str, text: str, today: date):
    """What the reader makes of the text, in the cases' shape."""
    if reader == "feasibility":
        found = sw.read_feasibility(text)
        return found and {"verdict": found.verdict, "reason": found.reason}
    if reader == "production":
        found = sw.read_production(text, today)
        return found and {"state": found.state, "finish": found.finish and found.finish.isoformat()}
    if reader == "picked":
        found = sw.read_picked(text)
        return found and {"quantities": {k: str(v) for k, v in found.quantities.items()}}
    if reader == "payment":
        found = sw.read_payment(text)
        return None if found is None else str(found)
    if reader == "shipping":
        found = sw.read_shipping(text)
        return found and {"carrier": found.carrier, "tracking_no": found.tracking_no, "packages": found.packages}
    if reader == "window":
        found = sw.read_window(text, today)
        return found and [found[0].isoformat(), found[1].isoformat()]
    if reader == "shortage_choice":
        return sw.read_shortage_choice(text)
    raise ValueError(f"no reader {reader!r}")


def same(reader: str, got, expected) -> bool:
    if expected is None or got is None:
        return got is None and expected is None
    if reader == "feasibility":
        want = expected.get("reason")
        return got["verdict"] == expected["verdict"] and (not want or (got["reason"] or "").find(want) >= 0)
    if reader == "payment":
        return Decimal(str(got)) == Decimal(str(expected).replace(",", ""))
    if reader == "picked":
        want = {k.upper(): Decimal(str(v)) for k, v in expected.get("quantities", {}).items()}
        return {k: Decimal(v) for k, v in got["quantities"].items()} == want
    if reader == "shipping":
        number = (expected.get("tracking_no") or "").replace(" ", "").upper()
        return ((got["carrier"] or "").strip() == (expected.get("carrier") or "").strip()
                and (got["tracking_no"] or "").upper() == number and got["packages"] == expected.get("packages"))
    if reader == "window":
        return list(got) == list(expected)
    return got == expected


def main(path: Path, verbose: bool) -> None:
    cases = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    right, total = Counter(), Counter()
    for case in cases:
        got = read(case["reader"], case["text"], date.fromisoformat(case["today"]))
        ok = same(case["reader"], got, case["expected"])
        right[case["reader"]] += ok
        total[case["reader"]] += 1
        if verbose and not ok:
            print(f"MISS {case['id']} [{case['reader']}] {case['text']!r}\n     expected {case['expected']}\n     read     {got}")
    for reader in sorted(total):
        print(f"{reader:<16} {right[reader]:>3}/{total[reader]:<3}")
    print(f"{'all':<16} {sum(right.values()):>3}/{sum(total.values())} cases read as expected")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "-v"]
    main(Path(args[0]) if args else DEFAULT, "-v" in sys.argv)
