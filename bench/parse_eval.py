"""Score the parser against labelled emails, field by field.

    .venv/bin/python bench/parse_eval.py [FOLDER ...] [--verbose] [--json]

Every FOLDER/NAME.eml with a NAME.json beside it (default: tests/labelled/)
is read the way `orderloop parse NAME.eml --json` reads it, in process:
`parse_email`, then, for an order, `orders.intake.draft_problems` judged on
the day `flows.reading.reading_day` gives (the email's Date header in the
company's timezone, since ORDERLOOP_NOW is cleared here). The result is
compared with NAME.json, the expected contract written by hand (see
tests/labelled/README.md for what is scored and how).

Prints per-file failures with --verbose, a breakdown per category (the file
name's prefix: html_, text_table_, xlsx_, ...), the summary lines
"N/M files fully correct" and "K/L fields correct", and how many emails of
the shared real-world corpus (../shared/corpus/real-world/imap_tools, none
of them an order) were classified order: that number must be 0.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
# `orderloop parse` judges a delivery date against ORDERLOOP_NOW when it is set;
# the labels were written against the day each email was sent.
os.environ.pop("ORDERLOOP_NOW", None)

from flows.reading import read_email  # noqa: E402

LABELLED = REPO / "tests" / "labelled"
CORPUS = REPO.parent / "shared" / "corpus" / "real-world" / "imap_tools"
CATEGORIES = ("text_table", "nonorder", "problem", "label", "html", "xlsx", "pdf", "csv", "prose", "fwd",
              "ident", "terms", "date", "reply")

CUSTOMER = ("code", "name", "contact", "phone", "email", "address")
LINE = ("sku", "name", "spec", "unit", "quantity", "unit_price")
ORDER_FIELDS = ("customer_po", "freight", "discount", "stated_total", "requested_delivery_date",
                "special_requirements")
TERMS = ("text", "prepayment_percent", "credit_days")
REPLY = ("order_no", "intent", "reason", "score", "token")
NUMERIC = {"quantity", "unit_price", "amount", "freight", "discount", "stated_total", "prepayment_percent",
           "credit_days", "score"}
# Fields whose exact wording is the writer's choice: compared without whitespace and punctuation.
WORDING = {"payment_terms.text", "special_requirements", "reply.reason"}
_SPACE = re.compile(r"\s+")


def contract(raw: bytes) -> dict:
    """What `orderloop parse FILE --json` prints for these bytes (the same function)."""
    return read_email(raw).contract()


def _text(value) -> str:
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", str(value))).strip()


def _wording(value) -> str:
    return "".join(c for c in _text(value) if not (c.isspace() or unicodedata.category(c)[0] in "PZ")).casefold()


def _number(value):
    try:
        return Decimal(str(value).replace(",", "").strip())
    except (InvalidOperation, ValueError):
        return value


def same(name: str, expected, got) -> bool:
    """Strict equality after the normalisation the field allows."""
    if expected is None or got is None:
        return expected is None and (got is None or got == "")
    leaf = name.rsplit(".", 1)[-1]
    if leaf in NUMERIC:
        return _number(expected) == _number(got)
    if any(name.endswith(w) for w in WORDING):
        return _wording(expected) == _wording(got)
    if leaf == "email":
        return _text(expected).casefold() == _text(got).casefold()
    return _text(expected) == _text(got)


def _short(value, limit: int = 160) -> str:
    shown = repr(value)
    return shown if len(shown) <= limit else shown[:limit - 1] + "…"


@dataclass
class Score:
    name: str
    category: str
    fields: int = 0
    right: int = 0
    wrong: list[str] = field(default_factory=list)

    def check(self, name: str, expected, got) -> None:
        self.fields += 1
        if same(name, expected, got):
            self.right += 1
        else:
            self.wrong.append(f"{name}: expected {_short(expected)}, got {_short(got)}")

    @property
    def perfect(self) -> bool:
        return self.right == self.fields


def _get(data: dict | None, *path):
    for key in path:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def _problem_set(problems) -> set[tuple[str, str]]:
    return {(p.get("field"), p.get("code")) for p in problems or [] if isinstance(p, dict)}


def score_file(path: Path, expected: dict, got: dict) -> Score:
    score = Score(path.stem, category(path.stem))
    score.check("kind", expected["kind"], got.get("kind"))
    draft, found = expected.get("draft"), got.get("draft")
    if expected["kind"] == "order" and draft is not None:
        for name in CUSTOMER:
            score.check(f"customer.{name}", draft["customer"][name], _get(found, "customer", name))
        for name in ORDER_FIELDS:
            score.check(name, draft.get(name), _get(found, name))
        for name in TERMS:
            score.check(f"payment_terms.{name}", draft["payment_terms"][name], _get(found, "payment_terms", name))
        lines = (found or {}).get("lines") or []
        score.check("lines.count", len(draft["lines"]), len(lines))
        for number, line in enumerate(draft["lines"], start=1):
            got_line = lines[number - 1] if number <= len(lines) else {}
            for name in LINE + (("amount",) if "amount" in line else ()):
                score.check(f"lines[{number}].{name}", line.get(name), got_line.get(name))
    elif draft is None and expected["kind"] != "order":
        score.check("draft", None, found)
    reply = expected.get("reply")
    if reply is not None:
        for name in REPLY:
            score.check(f"reply.{name}", reply[name], _get(got.get("reply"), name))
    expected_problems, got_problems = _problem_set(expected.get("problems")), _problem_set(got.get("problems"))
    score.fields += 1
    if expected_problems == got_problems:
        score.right += 1
    else:
        score.wrong.append(f"problems: expected {sorted(expected_problems)}, got {sorted(got_problems)}")
    return score


def category(stem: str) -> str:
    return next((c for c in CATEGORIES if stem.startswith(c + "_")), stem.split("_", 1)[0])


def labelled_files(folders: list[Path]) -> list[Path]:
    found = []
    for folder in folders:
        found.extend(p for p in sorted(folder.glob("*.eml")) if p.with_suffix(".json").is_file())
    return found


def corpus_orders() -> tuple[int, int, list[str]]:
    paths = sorted(CORPUS.glob("*.eml")) if CORPUS.is_dir() else []
    orders = [p.name for p in paths if read_email(p.read_bytes()).kind == "order"]
    return len(orders), len(paths), orders


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="*", type=Path, default=[LABELLED])
    parser.add_argument("--verbose", "-v", action="store_true", help="print every wrong field")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args(argv)

    scores = []
    for path in labelled_files(args.folders):
        expected = json.loads(path.with_suffix(".json").read_text("utf-8"))
        scores.append(score_file(path, expected, contract(path.read_bytes())))
    by_category: dict[str, list[Score]] = defaultdict(list)
    for score in scores:
        by_category[score.category].append(score)
    orders, corpus_total, corpus_order_names = corpus_orders()

    if args.json:
        print(json.dumps({
            "files": len(scores), "files_correct": sum(s.perfect for s in scores),
            "fields": sum(s.fields for s in scores), "fields_correct": sum(s.right for s in scores),
            "categories": {c: {"files": len(s), "files_correct": sum(x.perfect for x in s),
                               "fields": sum(x.fields for x in s), "fields_correct": sum(x.right for x in s)}
                           for c, s in sorted(by_category.items())},
            "failures": {s.name: s.wrong for s in scores if s.wrong},
            "corpus_orders": orders, "corpus_files": corpus_total}, ensure_ascii=False, indent=2))
        return 0

    if args.verbose:
        for score in scores:
            if score.wrong:
                print(f"✗ {score.name}  ({score.right}/{score.fields})")
                for line in score.wrong:
                    print(f"    {line}")
        print()
    print(f"{'category':<12} {'files':>9} {'fields':>11}")
    for name, group in sorted(by_category.items()):
        files = f"{sum(s.perfect for s in group)}/{len(group)}"
        fields = f"{sum(s.right for s in group)}/{sum(s.fields for s in group)}"
        print(f"{name:<12} {files:>9} {fields:>11}")
    print()
    if corpus_total:
        print(f"shared corpus: {orders}/{corpus_total} classified order (must be 0)"
              + (f": {', '.join(corpus_order_names)}" if orders else ""))
    else:
        print(f"shared corpus not found at {CORPUS}")
    print(f"{sum(s.perfect for s in scores)}/{len(scores)} files fully correct, "
          f"{sum(s.right for s in scores)}/{sum(s.fields for s in scores)} fields correct")
    return 0


if __name__ == "__main__":
    sys.exit(main())
