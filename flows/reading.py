"""One email read as `orderloop parse` reports it: what the parser reads plus
the draft checks that need no master data. The command line and the parse
benchmarks call this, so the two can never differ."""
from __future__ import annotations

from datetime import date

from orders.intake import draft_problems
from parsers import parse_email
from parsers.result import ParseResult

from flows.settings import Settings


def read_email(raw: bytes, settings: Settings | None = None) -> ParseResult:
    result = parse_email(raw)
    if result.draft is not None:
        day = reading_day(result, settings or Settings())
        result.problems = draft_problems(result.draft, result.problems, day)
    return result


def reading_day(result: ParseResult, settings: Settings) -> date:
    """The day a draft is judged on: ORDERLOOP_NOW when set, else the day the
    email was sent (a delivery date before it was already past when written),
    else today; all in the company's timezone."""
    if settings.now is None and result.envelope.date is not None:
        return result.envelope.date.astimezone(settings.zone).date()
    return settings.current_time().date()
