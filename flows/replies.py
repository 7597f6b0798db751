"""Which domain operation a reply in an order's thread goes to, and whether
its sender may do it.

A staff reply decides only with its From believed (flows.trust) and with
proof that its sender received what it answers: the signed token, or our
mail's Message-ID in In-Reply-To/References. A verdict (a token, or 同意/驳回
from staff or in an approval request's thread) goes to the approval check
whoever sent it, so that a forged or forwarded one is refused on the record
and its sender told. A customer's reply acts only from the customer's
registered addresses and with proof of the thread (orders.customers).
"""
from __future__ import annotations

from datetime import datetime

from orders.changes import CHANGEABLE, request_change
from orders.customers import (awaits_sender_check, confirm_sender, deny_sender, hold_action, proves_thread,
                              speaks_for, confirmed_action)
from orders.intake import assess, handle_customer_reply
from orders.master import StaffMember
from orders.model import Order, PaymentTerms
from orders.notice import Notice, Outcome
from orders.decisions import handle_verdict
from orders.aftersales import Remarks, case_named, customer_verdict, open_case
from orders.closure import ClosureRefused, SurveyRefused, ask_rep_to_close, close_reply, survey_reply
from orders.delivery import DELIVERING, DeliveryRefused, signoff_reply
from orders.review import answered_request, customer_record, refuse, renegotiate_terms, sales_rep
from orders.roles import roles_of
from orders.signoff import readable_scan
from orders.stock import HOLDING
from orders.status import Status
from orders.text import message_id_key, normal_address
from parsers.answers import read_yes_no
from parsers.staff_words import (Arrival, concerns, read_arrival, read_case_verdict, read_close, read_feasibility,
                                 read_survey)
from parsers.requests import change_reason, read_new_terms
from parsers.result import ParseResult
from store.repository import UnitOfWork

from flows.components import approval_secret
from flows.settings import Settings
from flows.staff_replies import StockSession, refuse_unbelievable, shortage_reply, staff_answer, window_reply
from flows.trust import origin_doubt

VERDICTS = ("approve", "reject")


def dispatch_reply(uow: UnitOfWork, order: Order, parsed: ParseResult, settings: Settings,
                   now: datetime, stock: StockSession) -> Outcome:
    env, reply = parsed.envelope, parsed.reply
    sender = env.sender
    staff = uow.master.staff_by_email(sender)
    # A [T:…] naming one of our mails is the reference our task mails and links carry (proof of the
    # thread for clients that drop In-Reply-To), not an approval token.
    refs = _our_mail_refs(order, (reply.token, reply.quoted_token), settings.mail_domain)
    token = None if reply.token and f"<{reply.token}@{settings.mail_domain}>" in refs else reply.token
    quoted_token = None if reply.quoted_token and f"<{reply.quoted_token}@{settings.mail_domain}>" in refs \
        else reply.quoted_token
    thread_ids = env.in_reply_to + list(reversed(env.references)) + refs
    doubt = origin_doubt(env, settings.authserv_id)
    rules = settings.review_rules()
    if staff is not None and awaits_sender_check(order) and not token:
        return _sender_verdict(uow, order, parsed, staff, thread_ids, doubt, now)
    if staff is not None and order.status == Status.CREDIT_HOLD and not token:
        terms = _terms(reply.answer.payment_terms if reply.answer else None) or read_new_terms(reply.text)
        if terms is not None and _may_renegotiate(order, sender, staff.role, uow):
            why = doubt or _no_proof(order, sender, thread_ids)
            if why:
                return refuse(order, sender, why, message_id=env.message_id, at=now)
            return renegotiate_terms(order, sender=sender, terms=terms, message_id=env.message_id, at=now,
                                     rules=rules, master=uow.master)
    intent, reason = reply.intent, reply.reason
    roles = roles_of(uow.master, sender)  # held, or as a deputy who need not be in the staff table
    if order.status == Status.FEASIBILITY and (staff is not None or token or answered_request(order, thread_ids)):
        # Tech answers 可行 / 不可行 + reason; a link's 同意/驳回 says the same.
        verdict = read_feasibility(reply.text) or (read_feasibility(env.subject) if token else None)
        if verdict is not None:
            intent, reason = ("approve", None) if verdict.verdict == "feasible" else ("reject", verdict.reason)
    elif roles and not token and order.status in AFTER_APPROVAL and not answered_request(order, env.in_reply_to):
        # (A reply to an approval request is a verdict; References name the whole thread, so only
        # In-Reply-To says which mail is answered.)
        answered = _staff_step4(uow, order, parsed, roles, doubt, thread_ids, stock, now)
        if answered is not None:
            return answered
    if token or (intent in VERDICTS and (staff is not None or answered_request(order, thread_ids))):
        return handle_verdict(order, sender=sender, intent=intent, reason=reason, token=token,
                              thread_ids=thread_ids, message_id=env.message_id, at=now, rules=rules,
                              secret=approval_secret(settings), master=uow.master, distrust=doubt,
                              quoted_token=quoted_token)
    record = customer_record(order, uow.master)
    if staff is None and speaks_for(order, record, sender) and proves_thread(order, record, thread_ids):
        # A customer's domain may publish no SPF, DKIM or DMARC to pass, so a customer is refused only
        # when a check fails or the envelope sender differs (origin_doubt without our server's id).
        customer_doubt = origin_doubt(env)
        answered = _after_sales_answer(uow, order, parsed, now, customer_doubt)
        if answered is None:
            arrival = _arrival_word(order, parsed)
            answered = _delivery_answer(uow, order, parsed, arrival, now, customer_doubt) if arrival \
                else _fulfilment_answer(order, parsed, now, uow.master, rules)
        if answered is not None:
            return answered
    pending = _confirmed_pending_action(order, record, parsed, thread_ids)
    if pending is None and _answers_check(order, thread_ids):
        return Outcome(order, acted=False, note="the reply answers a confirmation request that no longer stands "
                                                "(a later request replaced it, or the order changed)")
    if pending is not None:
        intent, answer, reason = pending
    else:
        intent, answer, reason = reply.intent, reply.answer, change_reason(reply.text)
    if order.status in CHANGEABLE and answer is not None and intent in ("change", "answer"):
        if staff is not None:
            why = doubt or _no_proof(order, sender, thread_ids)
            if why:
                return refuse(order, sender, why, message_id=env.message_id, at=now)
        elif not speaks_for(order, record, sender):
            return Outcome(order, acted=False, note=f"{sender} is not a registered address of the customer")
        elif pending is None and not proves_thread(order, record, thread_ids):
            return hold_action(order, record, intent="change", sender=sender, answer=answer, reason=reason,
                               at=now, message_id=env.message_id)
        return request_change(order, requester=sender, changes=answer, reason=reason,
                              message_id=env.message_id, at=now, rules=rules, master=uow.master)
    if staff is not None:
        return Outcome(order, acted=False, note=f"a reply from {staff.role} {sender} that decides nothing")
    return handle_customer_reply(order, intent=intent, answer=answer, parse_problems=parsed.problems,
                                 sender=sender, message_id=env.message_id, at=now, today=now.date(),
                                 master=uow.master, rules=rules,
                                 thread_ids=thread_ids if pending is None else _proof(order, record))


# Where staff answers of steps 4 onwards are read; before approval a staff reply is a verdict or a change.
AFTER_APPROVAL = HOLDING | {Status.SHIPPED, Status.DELIVERED, Status.AFTER_SALES}


def _our_mail_refs(order: Order, tokens, domain: str) -> list[str]:
    """The Message-IDs of our own mails that `[T:…]` references name (ours, keyed with the secret)."""
    found = []
    for token in tokens:
        candidate = f"<{token}@{domain}>" if token else None
        if candidate and message_id_key(candidate) in order.mail_sent:
            found.append(candidate)
    return found


def _staff_step4(uow: UnitOfWork, order: Order, parsed: ParseResult, roles: set[str], doubt: str | None,
                 thread_ids: list[str], stock: StockSession, now: datetime) -> Outcome | None:
    """A staff answer of step 4; the order's rep (or a sales manager) may answer the
    delivery window for a customer who gave it by phone."""
    sender = parsed.envelope.sender
    no_proof = _no_proof(order, sender, thread_ids)
    answered = staff_answer(uow, order, parsed, roles, doubt=doubt, no_proof=no_proof, stock=stock, now=now)
    if answered is not None:
        return answered
    rep = sales_rep(order, uow.master)
    speaks_for_customer = "sales_manager" in roles or (rep is not None and normal_address(rep) == normal_address(sender))
    if speaks_for_customer and read_close(parsed.reply.text):  # the rep's 闭环
        if doubt:
            return refuse_unbelievable(order, sender, doubt, message_id=parsed.envelope.message_id, at=now)
        if no_proof:
            return refuse(order, sender, no_proof, message_id=parsed.envelope.message_id, at=now)
        try:
            return close_reply(order, sender=sender, at=now, message_id=parsed.envelope.message_id,
                               master=uow.master)
        except ClosureRefused as exc:
            return refuse(order, sender, str(exc), message_id=parsed.envelope.message_id, at=now)
    arrival = _arrival_word(order, parsed) if speaks_for_customer or "logistics" in roles else None
    if arrival is not None:  # the signed form forwarded by logistics or the rep, as the customer would send it
        if no_proof and not doubt:
            return refuse(order, sender, no_proof, message_id=parsed.envelope.message_id, at=now)
        return _delivery_answer(uow, order, parsed, arrival, now, doubt)
    if speaks_for_customer and order.shipment is not None and order.shipment.window_state == "proposed":
        if doubt:
            return refuse_unbelievable(order, sender, doubt, message_id=parsed.envelope.message_id, at=now)
        if no_proof:
            return refuse(order, sender, no_proof, message_id=parsed.envelope.message_id, at=now)
        return window_reply(order, parsed, now=now, master=uow.master)
    return None


def _arrival_word(order: Order, parsed: ParseResult) -> Arrival | None:
    """What the reply says about the goods' arrival, when the order is on its way or delivered and
    the reply carries a file (the signed form, maybe) or says they came, or came with a problem."""
    if order.status not in DELIVERING:
        return None
    arrival = read_arrival(parsed.reply.text)
    return arrival if parsed.scans or arrival.received or arrival.problem else None


def _delivery_answer(uow: UnitOfWork, order: Order, parsed: ParseResult, arrival: Arrival, now: datetime,
                     doubt: str | None) -> Outcome:
    """The signed 签收单 (a photo or scan), a text 已签收, or remarks of damage (an after-sales case)."""
    env = parsed.envelope
    if doubt:  # the form makes the order delivered: never on a From that may be forged
        return refuse_unbelievable(order, env.sender, doubt, message_id=env.message_id, at=now)
    remarks = _remarks(uow, order, parsed, arrival.problem, now) if arrival.problem else None
    try:
        return signoff_reply(order, scans=parsed.scans, says_received=arrival.received, remarks=remarks,
                             sender=env.sender, sent_at=env.date, at=now, message_id=env.message_id,
                             master=uow.master)
    except DeliveryRefused as exc:
        return refuse(order, env.sender, str(exc), message_id=env.message_id, at=now)


def _remarks(uow: UnitOfWork, order: Order, parsed: ParseResult, problem: str, now: datetime) -> Remarks:
    """A problem the customer reports, with what opens its case: the pictures they sent (not the
    signed form, when this reply brings it), the department it concerns, and the store's next case number."""
    form = readable_scan(parsed.scans) if order.delivery is None or order.delivery.form is None else None
    photos = [scan.filename for scan in parsed.scans if scan.kind == "image" and scan is not form]
    return Remarks(text=problem, department=concerns(problem), photos=photos,
                   new_case_no=lambda: uow.next_case_no(now.date()))


def _after_sales_answer(uow: UnitOfWork, order: Order, parsed: ParseResult, now: datetime,
                        doubt: str | None) -> Outcome | None:
    """The customer's word on a solution (满意 / still not right), or the survey's answer; None
    when the reply is neither (a new complaint goes on as a delivery remark)."""
    env, text = parsed.envelope, parsed.reply.text
    waiting = [case for case in order.cases if case.state == "solution_sent"]
    verdict = read_case_verdict(text) if waiting else None
    survey = order.survey
    answer = read_survey(text, env.subject) if survey and survey.sent_at and not survey.answered_at else None
    surveyed = answer is not None and (answer.scores or answer.satisfied is not None or answer.off_scale)
    if verdict is None and not surveyed:
        return None
    if doubt:
        return refuse_unbelievable(order, env.sender, doubt, message_id=env.message_id, at=now)
    if verdict is not None and not surveyed:
        case = case_named(order, env.subject + "\n" + text) or waiting[0]
        return customer_verdict(order, case, satisfied=verdict, text=text, sender=env.sender, at=now,
                                message_id=env.message_id, master=uow.master)
    try:
        needs = survey_reply(order, scores=list(answer.scores), satisfied_words=answer.satisfied,
                             quality_ok=answer.quality_ok, on_time=answer.on_time, words=text, sender=env.sender,
                             at=now, message_id=env.message_id, off_scale=answer.off_scale)
    except SurveyRefused as exc:
        order.note("refused", at=now, actor=env.sender, message_id=env.message_id, reason=f"survey answer: {exc}")
        return Outcome(order, [Notice("survey_again", order.order_no, env.sender, env.message_id, audience="sender",
                                      reason=str(exc))], refused=True, acted=False, note=str(exc))
    notices = []
    if "case" in needs:
        problem = read_arrival(text).problem or text.strip()[:500] or f"survey score {survey.score}"
        notices = open_case(order, _remarks(uow, order, parsed, problem, now), source="survey", by=env.sender, at=now,
                            message_id=env.message_id, master=uow.master)
    elif "rep" in needs:
        notices = ask_rep_to_close(order, uow.master, now)
    return Outcome(order, notices, note=f"survey answered (score {survey.score})")


def _fulfilment_answer(order: Order, parsed: ParseResult, now: datetime, master, rules) -> Outcome | None:
    """The customer's answer to a delivery window or to a shortage notice, when one waits for it."""
    fulfilment, shipment = order.fulfilment, order.shipment
    if order.status == Status.PICKING and shipment is not None and shipment.window_state == "proposed":
        answered = window_reply(order, parsed, now=now, master=master)
        if answered is not None:
            return answered
    if fulfilment is not None and fulfilment.late_told_at is not None and order.status in (Status.IN_PRODUCTION,
                                                                                          Status.PICKING):
        return shortage_reply(order, parsed, now=now, master=master, rules=rules)
    return None


def _no_proof(order: Order, sender: str, thread_ids: list[str], purpose: str | None = None) -> str | None:
    """Why the reply does not prove its sender received our mail (of that purpose), or None."""
    answered = order.answered_mail(thread_ids, {sender})
    if answered is None or (purpose and f".{purpose}." not in answered):
        return ("the reply answers no mail the pipeline sent to you (no In-Reply-To/References naming it): "
                "reply to the mail about this order")
    return None


def _sender_verdict(uow: UnitOfWork, order: Order, parsed: ParseResult, staff: StaffMember,
                    thread_ids: list[str], doubt: str | None, now: datetime) -> Outcome:
    """The rep's answer to "does this sender speak for the customer?"."""
    env, check = parsed.envelope, order.sender_check
    why = doubt or _no_proof(order, env.sender, thread_ids, purpose="sender_check")
    if check.rep is None or normal_address(env.sender) != normal_address(check.rep):
        why = f"only {check.rep or 'the rep asked'} confirms who speaks for this customer"
    answer = read_yes_no(parsed.reply.text) if why is None else None
    if why is None and answer is None:
        why = "the reply says neither 确认 (the sender speaks for the customer) nor 不是"
    if why:
        return refuse(order, env.sender, why, message_id=env.message_id, at=now)
    if answer == "no":
        return deny_sender(order, rep=env.sender, at=now, message_id=env.message_id)
    confirm_sender(order, rep=env.sender, at=now, message_id=env.message_id)  # registered when the order is saved
    return assess(order, [], actor=env.sender, message_id=env.message_id, at=now, today=now.date(),
                  master=uow.master, why=f"sender confirmed by {env.sender}")


def _confirmed_pending_action(order: Order, record, parsed: ParseResult, thread_ids: list[str]):
    """The customer's held action, when this reply confirms it in answer to our check mail."""
    if parsed.reply.intent not in ("confirm", "approve"):
        return None
    action = confirmed_action(order, record, parsed.envelope.sender, thread_ids)
    return None if action is None else (action.intent, action.answer, action.reason)


def _answers_check(order: Order, thread_ids: list[str]) -> bool:
    """The reply's In-Reply-To names one of our confirmation requests for a held action."""
    return bool(thread_ids) and ".action_check." in message_id_key(thread_ids[0]) \
        and order.answered_mail(thread_ids[:1], set(order.mail_sent.values())) is not None


def _proof(order: Order, record) -> list[str]:
    """Our mail the customer's confirmation answered: the held action acts as if it had come in the thread."""
    return [m for m, to in order.mail_sent.items() if speaks_for(order, record, to)][-1:]


def _terms(terms: PaymentTerms | None) -> PaymentTerms | None:
    if terms is None or (terms.prepayment_percent is None and terms.credit_days is None):
        return None
    return terms


def _may_renegotiate(order: Order, sender: str, role: str, uow: UnitOfWork) -> bool:
    rep = sales_rep(order, uow.master)
    return (rep is not None and rep.casefold() == sender.casefold()) or role in ("sales_rep", "sales_manager")
