"""The order board (orderloop board, and the Prefect UI's `order-board`
artifact, which every flow run updates): open orders by status, whom each
waits on and since when, every overdue clock with its kind and age, the
quarantined messages with their reason, and mail the server refused.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from orders.board import BoardRow, board_rows
from store.repository import Repository

from flows.components import open_repository
from flows.settings import Settings

BOARD_KEY = "order-board"
MAX_ROWS = 500  # orders shown on the board; ops filter with `orderloop orders list` beyond that


@dataclass(frozen=True)
class Board:
    at: datetime
    rows: list[BoardRow]
    quarantined: list[dict]
    refused_mail: list[dict]

    def as_dict(self) -> dict:
        return {"at": self.at.isoformat(), "orders": [row.as_dict() for row in self.rows],
                "quarantined": self.quarantined, "refused_mail": self.refused_mail}


def read_board(repository: Repository, now: datetime) -> Board:
    """Every run reads it, so only the live store: the last 30 days of quarantine and refused mail,
    never the month archives (`orderloop doctor` and `orders list --archived` go there)."""
    quarantined = [{"key": r.key, "subject": r.subject, "sender": r.sender, "reason": r.reason,
                    "at": r.at.isoformat()} for r in repository.quarantined(archived=False)]
    refused = [{"message_id": m.message_id, "order_no": m.order_no, "to": ", ".join(m.recipients),
                "subject": m.subject, "reason": m.failure} for m in repository.refused_mail(archived=False)]
    return Board(now, board_rows(repository.list_orders(), now), quarantined, refused)


def board_markdown(board: Board) -> str:
    """The board as the Prefect UI shows an artifact."""
    lines = [f"# 订单看板 Order board — {board.at:%Y-%m-%d %H:%M}", ""]
    overdue = [(row, clock) for row in board.rows for clock in row.overdue]
    lines += [f"## 超时 Overdue ({len(overdue)})", ""]
    if overdue:
        lines += ["| order | clock | due | overdue by |", "|---|---|---|---|"]
        lines += [f"| {row.order_no} | {clock.label} | {clock.due_at:%m-%d %H:%M} | {_age(clock.age_minutes)} |"
                  for row, clock in overdue]
    else:
        lines.append("nothing overdue")
    lines += ["", f"## 订单 Open orders ({len(board.rows)})", "",
              "| order | status | customer | waits on | since |", "|---|---|---|---|---|"]
    lines += [f"| {row.order_no} | {row.status_label} | {_cell(row.customer)} | {', '.join(row.waits_on)} | "
              f"{row.since:%m-%d %H:%M} |" for row in board.rows[:MAX_ROWS]]
    lines += ["", f"## 隔离邮件 Quarantined messages ({len(board.quarantined)})", ""]
    lines += [f"- {_cell(q['subject'])} from {_cell(q['sender'])}: {_cell(q['reason'])}" for q in board.quarantined[-50:]]
    lines += ["", f"## 退信 Mail the server refused ({len(board.refused_mail)})", ""]
    lines += [f"- {m['order_no'] or '—'} to {_cell(m['to'])}: {_cell(m['reason'])}" for m in board.refused_mail[-50:]]
    return "\n".join(lines) + "\n"


def current_board(settings: Settings) -> Board:
    return read_board(open_repository(settings), settings.current_time())


def board_artifact(board: Board) -> dict:
    """The keyword arguments of the `order-board` markdown artifact; each flow run creates it
    last, as the store stands then (create_markdown_artifact, or its async twin in intake)."""
    return dict(markdown=board_markdown(board), key=BOARD_KEY,
                description="Open orders, whom they wait on, overdue clocks, quarantine, refused mail")


def run_summary(flow: str, counts: dict, acted: dict[str, list[str]]) -> str:
    """A run in words: what it counted, and each order it touched with what happened to it
    (so a run that escalated two orders is told apart from one that did nothing)."""
    lines = [f"# {flow}: " + ", ".join(f"{name} {value}" for name, value in counts.items()), ""]
    if not acted:
        return "\n".join(lines + ["nothing to do"]) + "\n"
    lines += [f"- **{order_no}**: {_cell('; '.join(what), 500)}" for order_no, what in list(acted.items())[:MAX_ROWS]]
    return "\n".join(lines) + "\n"


def log_each_order(acted: dict[str, list[str]]) -> None:
    """One INFO line per order a run touched, in the run's logs in the Prefect UI."""
    from prefect import get_run_logger  # here, not at the top: `orderloop board` never starts Prefect

    logger = get_run_logger()
    for order_no, what in acted.items():
        logger.info("%s: %s", order_no, "; ".join(what))


def tell_run(flow: str, counts: dict, acted: dict[str, list[str]]) -> None:
    """What a (synchronous) flow run did: its log lines and the "what this run did" artifact."""
    from prefect.artifacts import create_markdown_artifact

    log_each_order(acted)
    create_markdown_artifact(markdown=run_summary(flow, counts, acted), description="what this run did")


def _cell(text, width: int = 120) -> str:
    """Customer text in a Markdown table: no pipes or line breaks to break it."""
    return str(text or "—").replace("|", "/").replace("\n", " ")[:width]


def _age(minutes: int) -> str:
    return f"{minutes // 60} h {minutes % 60} min" if minutes >= 60 else f"{minutes} min"
