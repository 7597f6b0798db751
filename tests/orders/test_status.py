import pytest

from orders.status import FINAL, LABELS, TRANSITIONS, InvalidTransition, Status, check_transition


def test_every_status_has_a_chinese_label_and_a_row_in_the_table():
    assert set(LABELS) == set(Status) == set(TRANSITIONS)
    assert Status.EFFECTIVE.label == "已生效"


def test_finished_orders_go_nowhere():
    assert FINAL == {Status.CLOSED, Status.REJECTED, Status.CANCELLED}


def test_the_manager_cannot_be_skipped_on_the_way_to_effective():
    with pytest.raises(InvalidTransition, match="已生效"):
        check_transition(Status.CONFIRMING, Status.EFFECTIVE)
    check_transition(Status.MANAGER_REVIEW, Status.EFFECTIVE)


def test_an_order_closes_only_after_delivery():
    for status in Status:
        if Status.CLOSED in TRANSITIONS[status]:
            assert status in (Status.DELIVERED, Status.AFTER_SALES)
