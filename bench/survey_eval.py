"""How the pipeline reads customers' answers in step 6, on a set written blind
(by an author who never read the readers): the survey's answer (the one score,
whether to ask again, whether the words say satisfied) and the customer's word
on an after-sales solution (settled, not, or undecided).

    .venv/bin/python bench/survey_eval.py [bench/blind_survey/cases.jsonl] [-v]

Each case becomes a reply in our mail's thread and goes through the whole
parser (parsers.parse_email, which sets the quoted text aside), then through
the reading the pipeline acts on (parsers.staff_words.read_survey,
read_case_verdict).
"""
from __future__ import annotations

import json
import sys
from email.message import EmailMessage
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from parsers import parse_email  # noqa: E402
from parsers.staff_words import read_case_verdict, read_survey  # noqa: E402

DEFAULT = Path(__file__).parent / "blind_survey" / "cases.jsonl"
SUBJECTS = {"survey": "Re: [SO2023100001] 满意度回访 / How was your order?",
            "verdict": "Re: [SO2023100001] 售后处理方案 / The solution to your report"}


def text_of(kind: str, body: str) -> tuple[str, str]:
    message = EmailMessage()
    message["From"], message["To"] = "purchase@huadong.example", "orders@example.com"
    message["Subject"], message["Message-ID"] = SUBJECTS[kind], "<case@huadong.example>"
    message["In-Reply-To"] = f"<SO2023100001.{kind}.0123456789ab@example.com>"
    message.set_content(body)
    parsed = parse_email(message.as_bytes())
    return (parsed.reply.text if parsed.reply else ""), SUBJECTS[kind]


def reading(case: dict) -> dict:
    text, subject = text_of(case["kind"], case["body"])
    if case["kind"] == "verdict":
        return {"satisfied": read_case_verdict(text)}
    answer = read_survey(text, subject)
    scores = list(answer.scores)
    ask_again = len(scores) > 1 or any(not 1 <= s <= 5 for s in scores) or answer.off_scale is not None
    return {"score": scores[0] if len(scores) == 1 and not ask_again else None, "ask_again": ask_again,
            "satisfied": answer.satisfied}


def main(argv: list[str]) -> None:
    verbose = "-v" in argv
    path = Path(next((a for a in argv if not a.startswith("-")), DEFAULT))
    cases = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    right: dict[str, list[int]] = {}
    for case in cases:
        got = reading(case)
        for field, value in got.items():
            tally = right.setdefault(f"{case['kind']} {field}", [0, 0])
            tally[0] += value == case[field]
            tally[1] += 1
        wrong = {f: (v, case[f]) for f, v in got.items() if v != case[f]}
        tally = right.setdefault(f"{case['kind']} all", [0, 0])
        tally[0] += not wrong
        tally[1] += 1
        if verbose and wrong:
            print(f"{case['id']}: {', '.join(f'{f} read {v!r}, expected {e!r}' for f, (v, e) in wrong.items())} "
                  f"({case.get('note', '')})\n    {case['body'][:160]!r}")
    for name, (ok, total) in right.items():
        print(f"{name:18} {ok:3}/{total} read as expected")


if __name__ == "__main__":
    main(sys.argv[1:])
