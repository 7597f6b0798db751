"""The field's own libraries measured against the parser's readers, on the
labelled and the blind sets and for speed.

    .venv/bin/pip install --target /tmp/libs price-parser dateparser   # once, beside the venv
    .venv/bin/python bench/libraries.py [--libs /tmp/libs]

Each variant swaps one reader of the parser for a library, either outright
("instead") or only where the parser's own reader finds nothing ("fallback"),
then scores both sets with bench/parse_eval.py's scoring and times the
labelled set's parse. The libraries are not dependencies of the project; the
target folder is appended to sys.path, after the venv's own packages.

- price-parser (Price.fromstring) for amounts of money (parsers.amounts.parse_amount);
- dateparser (dateparser.parse, relative to the email's date) for delivery
  dates (parsers.dates.read_date).

phonenumbers, cpca and jionlp (phones, addresses, locations) were measured
for the customer fields; their figures are in the README, section "What the
parser reads".
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from contextlib import contextmanager
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import parse_eval  # noqa: E402  (bench/parse_eval.py: the scoring)

from parsers import amounts, dates, order_text, prose  # noqa: E402

SETS = {"labelled": parse_eval.LABELLED, "blind": parse_eval.REPO / "tests" / "blind"}


def score(folder: Path) -> tuple[int, int, int, int]:
    files = parse_eval.labelled_files([folder])
    scores = [parse_eval.score_file(path, json.loads(path.with_suffix(".json").read_text("utf-8")),
                                    parse_eval.contract(path.read_bytes())) for path in files]
    return (sum(s.perfect for s in scores), len(scores), sum(s.right for s in scores), sum(s.fields for s in scores))


def per_second() -> float:
    raws = [path.read_bytes() for path in parse_eval.labelled_files([parse_eval.LABELLED])]
    start = time.perf_counter()
    for _ in range(3):
        for raw in raws:
            parse_eval.contract(raw)
    return 3 * len(raws) / (time.perf_counter() - start)


@contextmanager
def amounts_by(reader):
    original = amounts.parse_amount
    amounts.parse_amount = reader(original)
    try:
        yield
    finally:
        amounts.parse_amount = original


@contextmanager
def dates_by(reader):
    originals = dates.read_date, order_text.read_date, prose.read_date
    replaced = reader(originals[0])
    dates.read_date = order_text.read_date = prose.read_date = replaced
    try:
        yield
    finally:
        dates.read_date, order_text.read_date, prose.read_date = originals


def price_parser_reader(fallback: bool):
    from price_parser import Price

    def library(text: str) -> Decimal | None:
        found = Price.fromstring(text).amount
        return Decimal(found) if found is not None else None

    def reader(ours):
        if fallback:
            return lambda text: ours(text) if ours(text) is not None else library(text)
        return library
    return reader


def dateparser_reader(fallback: bool):
    import dateparser

    def library(text: str, reference: date | None = None) -> dates.DateReading:
        base = datetime.combine(reference, datetime.min.time()) if reference else datetime.now()
        found = dateparser.parse(text, settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "future"})
        if found is None:
            return dates.DateReading("invalid", detail=f"cannot read {text!r}")
        return dates.DateReading("date", found.date(), exact=True)

    def reader(ours):
        if fallback:
            def either(text: str, reference: date | None = None) -> dates.DateReading:
                reading = ours(text, reference)
                return reading if reading.status != "invalid" else library(text, reference)
            return either
        return library
    return reader


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--libs", default="/tmp/libs", help="folder the libraries were installed to (pip --target)")
    args = parser.parse_args()
    sys.path.append(args.libs)

    variants = [("the parser's own readers", None)]
    variants += [(f"price-parser {how} (amounts)", amounts_by(price_parser_reader(how == "fallback")))
                 for how in ("instead", "fallback")]
    variants += [(f"dateparser {how} (dates)", dates_by(dateparser_reader(how == "fallback")))
                 for how in ("instead", "fallback")]
    print(f"{'variant':<34} {'labelled files':>15} {'fields':>11} {'blind files':>12} {'fields':>11} {'emails/s':>9}")
    for name, swap in variants:
        with swap if swap is not None else _nothing():
            figures = {key: score(folder) for key, folder in SETS.items()}
            speed = per_second()
        labelled, blind = figures["labelled"], figures["blind"]
        print(f"{name:<34} {labelled[0]:>7}/{labelled[1]:<7} {labelled[2]:>5}/{labelled[3]:<5} "
              f"{blind[0]:>5}/{blind[1]:<6} {blind[2]:>5}/{blind[3]:<5} {speed:>9.0f}")
    return 0


@contextmanager
def _nothing():
    yield


if __name__ == "__main__":
    raise SystemExit(main())
