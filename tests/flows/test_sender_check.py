"""The rep's sender check when the customer is named only in an answer, on
the in-memory store through the intake service layer."""
from __future__ import annotations

from orders.status import Status

from tests.flows.test_unplaced import mail, run, sent_to, text_of
from tests.flows.test_handling import repository_with_master

OUTSIDER, REP = "buyer@lookalike.example", "li.rep@example.com"


def reply_to(outgoing, body: str, sender: str) -> bytes:
    return mail(body, sender=sender, subject="Re: " + outgoing.subject, In_Reply_To=outgoing.message_id,
                References=outgoing.message_id)


def test_a_customer_code_given_in_an_answer_is_checked_with_the_rep_before_anything_is_revealed():
    repository = repository_with_master()
    run(repository, mail("商品编码:P001\n数量:10台\n要求交付日期:2023-10-15\n", sender=OUTSIDER, subject="订购单"))
    (order,) = repository.list_orders()
    assert order.status == Status.CLARIFYING  # unknown customer: asked who they are
    (questions,) = sent_to(repository, OUTSIDER)
    run(repository, reply_to(questions, "客户编码:CUST001\n", OUTSIDER))
    (order,) = repository.list_orders()
    assert order.sender_check.state == "asked" and order.customer.address is None
    assert "上海市浦东新区张江路100号" not in "".join(text_of(m) for m in sent_to(repository, OUTSIDER))
    check = next(m for m in sent_to(repository, REP) if m.purpose == "sender_check")
    run(repository, reply_to(check, "确认", REP))
    (order,) = repository.list_orders()
    assert order.sender_check.state == "confirmed" and order.customer.address == "上海市浦东新区张江路100号"
    assert OUTSIDER in repository.master().customer_by_code("CUST001").addresses()


def test_a_confirmed_address_survives_an_import_and_is_taken_back_with_unregister(home):
    from typer.testing import CliRunner

    from flows.cli import app
    from flows.components import open_repository
    from flows.settings import Settings
    from tests.flows.conftest import SAMPLE

    repository = open_repository(Settings())
    with repository.unit_of_work() as uow:
        uow.add_customer_address("CUST001", "Buyer@Lookalike.example")
    runner = CliRunner()
    assert runner.invoke(app, ["import", "customers", str(SAMPLE / "customers.csv")]).exit_code == 0
    assert OUTSIDER in repository.master().customer_by_code("CUST001").addresses()
    done = runner.invoke(app, ["unregister", OUTSIDER])
    assert done.exit_code == 0 and "CUST001" in done.output
    assert OUTSIDER not in repository.master().customer_by_code("CUST001").addresses()
    assert runner.invoke(app, ["unregister", OUTSIDER]).exit_code != 0


def test_a_forged_reps_confirmation_without_the_check_mail_is_refused():
    repository = repository_with_master()
    run(repository, mail("客户编码:CUST001\n商品编码:P001\n数量:10台\n要求交付日期:2023-10-15\n", sender=OUTSIDER,
                         subject="订购单"))
    (order,) = repository.list_orders()
    assert order.sender_check.state == "asked"
    # The rep's address and the order number are no secret; the check mail's Message-ID is.
    run(repository, mail("确认", sender=REP, subject=f"Re: [{order.order_no}] 请核实发件人"))
    (order,) = repository.list_orders()
    assert order.sender_check.state == "asked" and order.customer.address is None
    assert any("answers no mail the pipeline sent to you" in e.reason
               for e in repository.audit_trail(order.order_no))
    assert OUTSIDER not in repository.master().customer_by_code("CUST001").addresses()
