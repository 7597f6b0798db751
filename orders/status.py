"""Order statuses and the one table that says what may follow what."""
from enum import StrEnum


class Status(StrEnum):
    RECEIVED = "received"
    CLARIFYING = "clarifying"
    CONFIRMING = "confirming"
    FEASIBILITY = "feasibility"
    MANAGER_REVIEW = "manager_review"
    FINANCE_REVIEW = "finance_review"
    CREDIT_HOLD = "credit_hold"
    EFFECTIVE = "effective"
    PICKING = "picking"
    IN_PRODUCTION = "in_production"
    SHIPPED = "shipped"
    DELIVERED = "delivered"
    AFTER_SALES = "after_sales"
    CLOSED = "closed"
    REJECTED = "rejected"
    CANCELLED = "cancelled"

    @property
    def label(self) -> str:
        return LABELS[self]


LABELS = {
    Status.RECEIVED: "已接收",
    Status.CLARIFYING: "待澄清",
    Status.CONFIRMING: "待客户确认",
    Status.FEASIBILITY: "待技术评估",
    Status.MANAGER_REVIEW: "待经理审批",
    Status.FINANCE_REVIEW: "待财务审批",
    Status.CREDIT_HOLD: "信用待协商",
    Status.EFFECTIVE: "已生效",
    Status.PICKING: "备货中",
    Status.IN_PRODUCTION: "生产中",
    Status.SHIPPED: "已发货",
    Status.DELIVERED: "已签收",
    Status.AFTER_SALES: "售后处理中",
    Status.CLOSED: "已闭环",
    Status.REJECTED: "已驳回",
    Status.CANCELLED: "已取消",
}

S = Status
# Before approval a customer may still cancel; after it, cancelling is a change
# request (issue 4 onwards), so `effective` and later do not list CANCELLED.
TRANSITIONS: dict[Status, frozenset[Status]] = {
    S.RECEIVED: frozenset({S.CLARIFYING, S.CONFIRMING, S.CANCELLED}),
    S.CLARIFYING: frozenset({S.CLARIFYING, S.CONFIRMING, S.CANCELLED}),
    S.CONFIRMING: frozenset({S.CLARIFYING, S.CONFIRMING, S.FEASIBILITY, S.MANAGER_REVIEW, S.CANCELLED}),
    S.FEASIBILITY: frozenset({S.MANAGER_REVIEW, S.CLARIFYING, S.REJECTED, S.CANCELLED}),
    # No level may be skipped: the manager always decides first.
    # An approved change request sends the order back to the manager with its
    # new version, from any approval status and from effective.
    S.MANAGER_REVIEW: frozenset({S.MANAGER_REVIEW, S.EFFECTIVE, S.FINANCE_REVIEW, S.REJECTED, S.CANCELLED}),
    S.FINANCE_REVIEW: frozenset({S.MANAGER_REVIEW, S.EFFECTIVE, S.CREDIT_HOLD, S.REJECTED, S.CANCELLED}),
    S.CREDIT_HOLD: frozenset({S.MANAGER_REVIEW, S.FINANCE_REVIEW, S.REJECTED, S.CANCELLED}),
    S.EFFECTIVE: frozenset({S.MANAGER_REVIEW, S.PICKING, S.IN_PRODUCTION}),
    # An approved change request sends a fulfilling order back to the manager too.
    S.PICKING: frozenset({S.SHIPPED, S.IN_PRODUCTION, S.MANAGER_REVIEW}),
    S.IN_PRODUCTION: frozenset({S.PICKING, S.SHIPPED, S.MANAGER_REVIEW}),
    S.SHIPPED: frozenset({S.DELIVERED}),
    S.DELIVERED: frozenset({S.AFTER_SALES, S.CLOSED}),
    S.AFTER_SALES: frozenset({S.CLOSED, S.DELIVERED}),
    S.CLOSED: frozenset(),
    S.REJECTED: frozenset(),
    S.CANCELLED: frozenset(),
}

FINAL = frozenset(s for s, nxt in TRANSITIONS.items() if not nxt)


class InvalidTransition(ValueError):
    def __init__(self, current: Status, target: Status):
        self.current, self.target = current, target
        super().__init__(f"an order in {current} ({current.label}) cannot move to {target} ({target.label})")


def check_transition(current: Status, target: Status) -> None:
    if target not in TRANSITIONS[current]:
        raise InvalidTransition(current, target)
