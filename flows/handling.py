"""What one incoming message does to the store: the intake service layer.

`record_messages` runs a whole batch inside one unit of work, so the store is
written once per batch. A message that is itself bad (malformed, over the
parse budget, data the store cannot take) is quarantined with the reason and
the rest of the batch goes on; a failure that is ours (store, master data,
disk, lock) raises, so the message stays in the inbox to be retried. A
message nobody could place goes to a rep (flows.unplaced). Nothing here
sends or files mail: the flow does that after the batch is stored.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from filelock import Timeout

from mail.base import IncomingMessage
from mail.fingerprint import content_fingerprint
from orders.deadlines import chase_timers
from orders.progress import advance
from orders.stock import HOLDING
from orders.customers import newly_confirmed_address, registered
from orders.intake import find_customer, handle_customer_reply, receive_order
from orders.notice import Outcome
from orders.status import Status
from parsers.result import ParseResult
from store.repository import Folder, HeldMessage, ProcessedMessage, Repository, UnitOfWork
from store.errors import StoreError

from flows.components import approval_secret
from flows.crashpoints import crashpoint
from flows.parse_budget import ParsedMessage, parse_batch
from flows.documents import Documents
from flows.notices import compose_all
from flows.outgoing import queue
from flows.replies import dispatch_reply
from flows.staff_replies import StockSession
from flows.unplaced import decide_held, held_ids, hold_for_rep
from flows.settings import Settings

log = logging.getLogger("orderloop.intake")


@dataclass(frozen=True)
class Placement:
    uid: str
    folder: Folder
    record: ProcessedMessage


def record_batch_safely(repository: Repository, messages: list[IncomingMessage], settings: Settings,
                        now: datetime) -> list[Placement]:
    """The batch in one unit of work; if that cannot commit (one message's
    data the store cannot write, say), each message in its own, so one bad
    message is quarantined instead of blocking the inbox forever.

    Every message is parsed first, within the parse budget, before the unit
    of work opens: the store's lock, which other processes wait for, is held
    while the parsed messages are recorded, never while a slow one is parsed.
    The one-by-one fallback records the same parses; nothing is parsed twice.

    A failure that is ours, not the message's (StoreError: a store or master
    file that does not parse; OSError: disk full, a mail server down, a parse
    worker that cannot start; filelock.Timeout) is raised, never quarantined:
    nothing is recorded, the messages stay in the inbox and the next try
    takes them in."""
    messages = claimed(repository, messages, settings.batch_size)
    parsed = parse_batch(messages, settings)
    try:
        with repository.unit_of_work() as uow:
            placements = record_messages(uow, parsed, settings, now)
            uow.archive_finished(now)
            crashpoint("after_parse")
        return placements
    except (StoreError, Timeout, OSError):
        raise  # the store's trouble (corrupt, held by another process, disk full): the task retries
    except Exception:
        log.exception("a batch of %d failed to commit; recording its messages one by one", len(messages))
    return [_record_alone(repository, message, settings, now) for message in parsed]


def claimed(repository: Repository, messages: list[IncomingMessage], most: int) -> list[IncomingMessage]:
    """At most `most` of the messages, those this worker may handle: with several intake
    workers on one PostgreSQL store, each message is taken by one (by its content
    fingerprint, the same bytes in every worker's copy of the mailbox); the others leave
    it in the inbox, untouched, for the worker that took it to file."""
    prints = {message.uid: content_fingerprint(message.raw) for message in messages}
    mine = repository.claim_messages(list(prints.values()), limit=most)
    return [message for message in messages if prints[message.uid] in mine][:most]


def _record_alone(repository: Repository, message: ParsedMessage, settings: Settings,
                  now: datetime) -> Placement:
    try:
        with repository.unit_of_work() as uow:
            (placement,) = record_messages(uow, [message], settings, now)
        return placement
    except (StoreError, Timeout, OSError):
        raise  # the store's trouble, not the message's: no quarantine record, the task retries
    except Exception as exc:
        parsed = message.parsed
        with repository.unit_of_work() as uow:
            key, content_hash = message_key(parsed, message.raw, uow)
            record = ProcessedMessage(key=key, content_hash=content_hash, folder="quarantine", kind=parsed.kind,
                                      at=now, reason=f"could not be stored: {type(exc).__name__}: {exc}")
            uow.mark_processed(record)
        return Placement(message.uid, "quarantine", record)


def message_key(parsed: ParseResult, raw: bytes, uow: UnitOfWork | None = None) -> tuple[str, str]:
    """The key of the message's ProcessedMessage record, and its content hash.

    The key is the Message-ID (or "sha256:<content hash>" without one); the
    content hash (mail.fingerprint: the main headers and the body, so the
    same message delivered again with other trace headers has the same) is
    kept on the record. A message whose Message-ID is on record with another
    content hash is another message reusing the id: it gets a key of its own,
    "<Message-ID> sha256:<first 24 hex digits>", and is handled, not dropped.
    A record without a hash (written before hashes were kept) counts as the
    same message."""
    content_hash = content_fingerprint(raw)
    key = parsed.envelope.message_id or "sha256:" + content_hash
    known = uow.processed(key) if uow is not None and parsed.envelope.message_id else None
    if known is not None and known.content_hash not in (None, content_hash):
        key = f"{key} sha256:{content_hash[:24]}"
    return key, content_hash


def record_messages(uow: UnitOfWork, messages: list[ParsedMessage], settings: Settings,
                    now: datetime) -> list[Placement]:
    """Each message, parsed already (flows.parse_budget.parse_batch: the parse
    is never made inside the unit of work), recorded in `uow`."""
    placements = []
    for message in messages:
        parsed = message.parsed
        key, content_hash = message_key(parsed, message.raw, uow)
        done = uow.processed(key)
        if done is None:
            done = _record_one(uow, parsed, key, settings, now).model_copy(update={"content_hash": content_hash})
            uow.mark_processed(done)
        placements.append(Placement(message.uid, done.folder, done))
    return placements


def _record_one(uow: UnitOfWork, parsed: ParseResult, key: str, settings: Settings,
                now: datetime) -> ProcessedMessage:
    env = parsed.envelope
    base = dict(key=key, kind=parsed.kind, at=now, subject=env.subject[:200], sender=env.sender)
    stock = StockSession(uow)
    try:
        held = uow.held_message(held_ids(parsed, settings)) if _may_decide_held(uow, parsed) else None
        if held is not None:  # a rep's 是订单 / 不是 on a message held for them
            outcome, settled = decide_held(uow, held, parsed, settings, now)
        else:
            outcome, settled = _dispatch(uow, parsed, settings, now, stock), None
        if isinstance(outcome, str):
            return _unplaced(uow, parsed, key, outcome, settings, now, base, settled=settled)
        order, documents = outcome.order, Documents(settings)
        if outcome.acted:  # what follows on its own: reserving, production, picking, shipping requests
            outcome.notices += progress(order, stock, uow, now)
        mails = compose_all(outcome.notices, order, settings, now, master=uow.master,
                            secret=approval_secret(settings), documents=documents)
        asked = None
        if not (outcome.acted or outcome.refused) and parsed.kind in ("reply", "order"):
            asked = hold_for_rep(uow, parsed, key, outcome.note, settings, now, order=order)
    except (StoreError, Timeout, OSError):
        raise  # ours (store or master data unreadable, disk, lock, mail server): the message stays in the inbox
    except Exception as exc:  # a bug or bad data must not stop the batch
        log.exception("message %s quarantined", key)
        return ProcessedMessage(folder="quarantine", reason=f"{type(exc).__name__}: {exc}", **base)
    # Writes come last, together, so a failure above leaves nothing half-done.
    # A reply that changed nothing leaves the order as it was stored (and an
    # archived order in its archive).
    for mail in mails:
        queue(uow, mail, settings)
    stock.save()
    if outcome.acted or outcome.refused:  # a refusal changes only the audit trail
        uow.save_order(order)
        _register_confirmed_sender(uow, order)
    if settled is not None:
        uow.hold_message(settled)
    if asked is not None:
        return _held(uow, asked, outcome.note, settings, base | {"order_no": order.order_no})
    return ProcessedMessage(folder="processed" if outcome.acted else "ignored", order_no=order.order_no,
                            reason=None if outcome.acted else outcome.note, **base)


def _register_confirmed_sender(uow: UnitOfWork, order) -> None:
    """The rep's 确认 adds the sender's address to the customer record."""
    record = uow.master.customer_by_code(order.sender_check.customer_code) if order.sender_check else None
    new = newly_confirmed_address(order, record)
    if new is not None:
        uow.add_customer_address(*new)


def _may_decide_held(uow: UnitOfWork, parsed: ParseResult) -> bool:
    """Only staff answer held messages, and never by an auto-reply."""
    env = parsed.envelope
    return (parsed.kind in ("reply", "order", "other") and bool(env.sender) and not env.sender_problem
            and uow.master.staff_by_email(env.sender) is not None)


def _unplaced(uow: UnitOfWork, parsed: ParseResult, key: str, why: str, settings: Settings, now: datetime,
              base: dict, settled: HeldMessage | None) -> ProcessedMessage:
    """Why nothing happened; the rep is asked about a customer's message nobody would otherwise read."""
    if why.startswith("malformed"):
        return ProcessedMessage(folder="quarantine", reason=why, **base)
    if settled is not None:  # the rep filed a held message
        uow.hold_message(settled)
        return ProcessedMessage(folder="processed", reason=why, **base)
    readable = (parsed.kind == "other" and not parsed.bulk) or why.startswith("reply to no open order")
    asked = hold_for_rep(uow, parsed, key, why, settings, now) if readable else None
    if asked is None:
        return ProcessedMessage(folder="ignored", reason=why, **base)
    return _held(uow, asked, why, settings, base)


def _held(uow: UnitOfWork, asked, why: str, settings: Settings, base: dict) -> ProcessedMessage:
    held, mail = asked
    uow.hold_message(held)
    queue(uow, mail, settings)
    return ProcessedMessage(folder="processed", reason=f"held for the rep {held.rep}: {why}", **base)


def progress(order, stock: StockSession, uow: UnitOfWork, now: datetime) -> list:
    """The steps after approval that need nobody's answer (orders.progress), on the message's stock ledger."""
    if order.status not in HOLDING and order.fulfilment is None and order.status != Status.DELIVERED:
        return []  # never effective: holds nothing, and the ledger is not read for it (a delivered one may close)
    return advance(order, ledger=stock.get(), master=uow.master, at=now)


def _dispatch(uow: UnitOfWork, parsed: ParseResult, settings: Settings, now: datetime,
              stock: StockSession) -> Outcome | str:
    """The outcome of an order or a reply; a string says why nothing happened."""
    env = parsed.envelope
    broken = next((p for p in parsed.problems if p.field == "message"), None)
    if broken is not None:
        return f"malformed: {broken.detail}"
    if parsed.kind in ("auto_reply", "bounce", "other"):
        return f"{parsed.kind}: not an order and never answered"
    if parsed.kind == "reply" and env.sender_problem:
        return _refuse_unbelievable(uow, parsed, now)
    if env.sender_problem:
        return f"malformed: {env.sender_problem}"
    if not env.sender:
        return "malformed: no sender address to answer"
    if env.sender.casefold() == settings.address.casefold():
        return "sent by the pipeline itself: never answered"
    today = now.date()
    earlier = _thread_order(uow, env.in_reply_to + env.references)
    if parsed.kind == "order":
        if parsed.draft is None:
            return "malformed: order without a readable body"
        pending = uow.get_order(earlier) if earlier else None
        if pending is not None and pending.status in (Status.CLARIFYING, Status.CONFIRMING):
            # A follow-up in the customer's own thread changes the order it follows.
            return handle_customer_reply(pending, intent="change", answer=parsed.draft, parse_problems=parsed.problems,
                                         sender=env.sender, message_id=env.message_id, at=now, today=today,
                                         master=uow.master, rules=settings.review_rules(),
                                         thread_ids=env.in_reply_to + env.references)
        order_no = uow.next_order_no(today)
        return receive_order(order_no, parsed.draft, parsed.problems, sender=_customer_address(uow, parsed, settings),
                             message_id=env.message_id, at=now, today=today, master=uow.master)
    order_no = parsed.reply.order_no or earlier
    order = uow.get_order(order_no) if order_no else None
    if order is None:
        return f"reply to no open order ({order_no or 'no order number'})"
    return dispatch_reply(uow, order, parsed, settings, now, stock)


def _customer_address(uow: UnitOfWork, parsed: ParseResult, settings: Settings) -> str:
    """Who the questions go to: the sender, or the customer whose order a
    member of staff forwarded (the parser reads the forwarded From line).

    A Reply-To diverts our answers only within the sender's own domain or to
    an address registered for the customer the order names: anyone can write
    a Reply-To, and our answers carry the customer record."""
    env, forwarded = parsed.envelope, parsed.draft.customer.email if parsed.draft else None
    if forwarded and uow.master.staff_by_email(env.sender) is not None:
        return forwarded
    reply_to = env.reply_to
    if not reply_to or reply_to.casefold() in (settings.address.casefold(), env.sender.casefold()):
        return env.sender
    if reply_to.rpartition("@")[2] == env.sender.rpartition("@")[2]:
        return reply_to
    record = find_customer(parsed.draft.customer, env.sender, uow.master) if parsed.draft else None
    return reply_to if registered(record, reply_to) else env.sender


def _refuse_unbelievable(uow: UnitOfWork, parsed: ParseResult, now: datetime) -> Outcome | str:
    """A reply whose From cannot be believed decides nothing; the refusal goes
    on the order's record. Nobody is answered: no address in it can be trusted."""
    env = parsed.envelope
    order_no = parsed.reply.order_no or _thread_order(uow, env.in_reply_to + env.references)
    order = uow.get_order(order_no) if order_no else None
    if order is None:
        return f"malformed: {env.sender_problem}"
    order.note("refused", at=now, actor=env.sender or "unknown sender", message_id=env.message_id,
               reason=f"reply refused: {env.sender_problem}")
    return Outcome(order, acted=False, refused=True, note=f"refused: {env.sender_problem}")


def _thread_order(uow: UnitOfWork, message_ids: list[str]) -> str | None:
    for message_id in message_ids:
        order_no = uow.order_for_message(message_id)
        if order_no:
            return order_no
    return None


def chase_overdue_timers(repository: Repository, settings: Settings, now: datetime) -> dict[str, list[str]]:
    """Remind and escalate every task past its deadline (the manager's review,
    tech's feasibility day, production, picking, prepayment, the delivery
    window, shipping, ...); for each order acted on, what went to whom
    ("task_reminder → logistics@…"). One unit of work: the reminders are
    queued with the events that record them."""
    rules, documents = settings.review_rules(), Documents(settings)
    with repository.unit_of_work() as uow:
        acted = {}
        for order_no in uow.orders_with_timers_due(now):
            order = uow.get_order(order_no)
            outcome = chase_timers(order, now=now, rules=rules, master=uow.master)
            if not outcome.acted:
                continue
            queue_notices(uow, order, outcome.notices, settings, now, documents)
            uow.save_order(order)
            acted[order_no] = in_words(outcome)
    return acted


def in_words(outcome: Outcome) -> list[str]:
    """What an outcome did, for a run's log line and summary: its note, then each mail and to whom."""
    return [outcome.note] + [f"{notice.purpose} → {notice.to}" for notice in outcome.notices]


def queue_notices(uow: UnitOfWork, order, notices: list, settings: Settings, now: datetime,
                  documents: Documents | None = None) -> None:
    """Each notice as a mail in the order's thread, queued in this unit of work."""
    for mail in compose_all(notices, order, settings, now, master=uow.master, secret=approval_secret(settings),
                            documents=documents or Documents(settings)):
        queue(uow, mail, settings)
