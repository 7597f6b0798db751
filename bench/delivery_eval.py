"""How the pipeline reads customers' answers to the reminder the day before
arrival, on a set written blind (by an author who never read the readers):
does the reply say the goods arrived (已签收: the form is then asked for), and
does it report a problem (damage, shortage, a wrong model: the rep and
customer service are told)?

    .venv/bin/python bench/delivery_eval.py [bench/blind_delivery/cases.jsonl] [-v]

Each case becomes a reply email in the reminder's thread and goes through the
whole parser (parsers.parse_email, which sets the quoted text aside), then
through the reading the pipeline acts on (parsers.staff_words.read_arrival).
"""
from __future__ import annotations

import json
import sys
from email.message import EmailMessage
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from parsers import parse_email  # noqa: E402
from parsers.staff_words import read_arrival  # noqa: E402

DEFAULT = Path(__file__).parent / "blind_delivery" / "cases.jsonl"
SUBJECT = "Re: [SO2023100001] 明日到货,请准备签收 / Arriving tomorrow: please prepare to sign"


def reading(body: str) -> tuple[bool, bool]:
    message = EmailMessage()
    message["From"], message["To"] = "purchase@huadong.example", "orders@example.com"
    message["Subject"], message["Message-ID"] = SUBJECT, "<case@huadong.example>"
    message["In-Reply-To"] = "<SO2023100001.arrival_reminder.0123456789ab@example.com>"
    message.set_content(body)
    parsed = parse_email(message.as_bytes())
    arrival = read_arrival(parsed.reply.text if parsed.reply else "")
    return arrival.received, arrival.problem is not None


def main(argv: list[str]) -> None:
    verbose = "-v" in argv
    path = Path(next((a for a in argv if not a.startswith("-")), DEFAULT))
    cases = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    right = {"received": 0, "problem": 0, "both": 0}
    for case in cases:
        received, problem = reading(case["body"])
        ok_received, ok_problem = received == case["received"], problem == case["problem"]
        right["received"] += ok_received
        right["problem"] += ok_problem
        right["both"] += ok_received and ok_problem
        if verbose and not (ok_received and ok_problem):
            print(f"{case['id']}: read received={received} problem={problem}, expected "
                  f"received={case['received']} problem={case['problem']} ({case.get('note', '')})\n"
                  f"    {case['body'][:160]!r}")
    total = len(cases)
    for name, count in right.items():
        print(f"{name:9} {count:3}/{total} read as expected")


if __name__ == "__main__":
    main(sys.argv[1:])
