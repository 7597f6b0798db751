"""`orderloop doctor`: the store, the audit trail, the document archive, the
outbox and the mailbox checked against each other, one line per problem.

It reads the files directly (store/checkup.py), without a unit of work, so it
answers when a store file is broken, which is when it is needed. It never
imports Prefect. Two repairs, each asked for by its flag:

--restore   a store file that does not parse is replaced by its `.bak`, the
            generation before the last commit (the broken file is kept beside
            it). What the last commit did is then missing from the store but
            still in the audit trail: the doctor lists those orders, and order
            numbers stay unique because next_order_no checks the trail and the
            archive.
--requeue   a message quarantined because of a failure of ours (a store or
            master file that did not parse, a full disk, a lock, a mail server:
            what the intake did before these failures were told apart from the
            message's own) loses its record, so it is handled afresh; from the
            local Maildir it is moved back to the inbox, from IMAP move it back
            with a mail client.
"""
from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from mail._maildir_io import stale_tmp
from mail.fingerprint import content_fingerprint
from store.checkup import (STALE_SECONDS, Finding, archive_findings, counter_findings, load, order_findings,
                           restore, trail_findings)
from store.errors import StoreError

from flows.outgoing import outgoing_dir
from flows.settings import Settings

# Reasons the intake wrote when a failure of ours was taken for the message's:
# "could not be stored: <Type>: ..." (one by one) or "<Type>: ..." (one message).
_OURS = re.compile(r"^(?:could not be stored: )?(?:StoreCorrupt|StoreError|JSONDecodeError|OSError|IOError|"
                   r"FileNotFoundError|PermissionError|IsADirectoryError|TimeoutError|Timeout|ConnectionError|"
                   r"Connection\w*Error|BrokenPipeError|SMTP\w*|gaierror|socket\.\w+)\b")


@dataclass
class Report:
    findings: list[Finding] = field(default_factory=list)
    actions: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"ok": not self.findings, "problems": [f.as_dict() | {"line": f.line()} for f in self.findings],
                "actions": self.actions}


def examine(settings: Settings, *, restore_files: bool = False, requeue: bool = False) -> Report:
    if settings.database_url:
        return examine_database(settings, restore_files=restore_files, requeue=requeue)
    report = Report()
    store = settings.store_dir
    if restore_files:
        report.actions += _restore(store)
    view, findings = load(store)
    findings += order_findings(view.orders, str(store))
    findings += trail_findings(view)
    findings += counter_findings(view, settings.archive_dir)
    findings += archive_findings(view, settings.archive_dir)
    findings += outbox_findings(settings, view.outbox, view.live_ok)
    findings += _ours_quarantined(settings, report, view.processed, requeue=requeue and view.live_ok)
    report.findings = findings
    return report


def _ours_quarantined(settings: Settings, report: Report, processed: dict[str, dict], *,
                      requeue: bool) -> list[Finding]:
    """Messages quarantined for a failure of ours: requeued if asked, else named."""
    ours = our_quarantine(processed)
    if requeue and ours:
        report.actions += _requeue(settings, ours)
        return []
    return [Finding("quarantine", record["key"],
                    f"quarantined for a failure of ours, not the message's ({record.get('reason', '')[:120]}): "
                    f"run `orderloop doctor --requeue` to have it handled again") for record in ours]


def examine_database(settings: Settings, *, restore_files: bool, requeue: bool) -> Report:
    """The PostgreSQL store: its own checks (store/pg_store.py: every order in the audit trail,
    counters not behind the numbers issued, no thread naming a missing order), the outbox
    folder, and the messages quarantined for a failure of ours."""
    from flows.components import open_repository
    from store.pg_store import WHERE

    repository, report = open_repository(settings), Report()
    if restore_files:
        report.actions.append("nothing to restore from files: the store is PostgreSQL; restore a database from "
                              "its backups (pg_dump / pg_restore, or the server's base backups)")
    findings = [Finding(check, where, message) for check, where, message in repository.findings()]
    findings += order_findings(dict(repository.order_docs()), WHERE)
    findings += outbox_findings(settings, {})
    quarantined = {record.key: record.model_dump(mode="json") for record in repository.quarantined()}
    findings += _ours_quarantined(settings, report, quarantined, requeue=requeue)
    report.findings = findings
    return report


def _restore(store: Path) -> list[str]:
    view, findings = load(store)
    done = []
    for path, book in view.books.items():
        if book is None:
            try:
                done.append(restore(path, store / "orders.json.lock"))
            except StoreError as exc:
                done.append(f"could not restore {path}: {exc}")
    return done


def outbox_findings(settings: Settings, outbox: dict[str, dict], live_ok: bool = True,
                    now: float | None = None) -> list[Finding]:
    """Temporary files a killed send left in mail/outbox/tmp (those the next
    poll removes: mail/_maildir_io.stale_tmp); unsent mail whose body file in
    store/outgoing/ is gone; body files no unsent mail names."""
    now = time.time() if now is None else now
    findings = []
    for path in stale_tmp(settings.outbox_dir, now=now) if not settings.smtp_host else []:
        findings.append(Finding("outbox", str(path), "a temporary file left by a send that was killed: "
                                                     "delete it, or let the next poll (the mail is sent again from "
                                                     "the store)"))
    named = set()
    for message_id, doc in sorted(outbox.items()):
        if doc.get("sent_at") is None and not doc.get("failure") and doc.get("raw_file"):
            named.add(doc["raw_file"])
            if not (outgoing_dir(settings) / doc["raw_file"]).is_file():
                findings.append(Finding("outbox", message_id, f"unsent, and its message file "
                                        f"{outgoing_dir(settings) / doc['raw_file']} is missing: it cannot be sent"))
    folder = outgoing_dir(settings)
    for path in sorted(folder.glob("*.eml")) if folder.is_dir() else []:
        if live_ok and path.name not in named and now - path.stat().st_mtime > STALE_SECONDS:
            findings.append(Finding("outbox", str(path), "named by no unsent mail (sent, or never stored): "
                                                         "delete it"))
    return findings


def our_quarantine(processed: dict[str, dict]) -> list[dict]:
    return [doc for key, doc in sorted(processed.items())
            if doc.get("folder") == "quarantine" and _OURS.match(doc.get("reason") or "")]


def _requeue(settings: Settings, records: list[dict]) -> list[str]:
    from flows.components import open_repository

    keys = [record["key"] for record in records]
    # Read before the lock: which quarantined files may be these messages (parsed as the intake parses).
    candidates = [] if settings.imap_host else _quarantined_files(settings, records)
    with open_repository(settings).unit_of_work() as uow:
        uow.forget_processed(keys)
        matched = _matching(candidates, set(keys), uow)
    actions = [f"{key}: its quarantine record is removed; it is handled again once it is back in the inbox"
               for key in keys]
    if settings.imap_host:
        return actions + ["move those messages from the Quarantine folder back to INBOX with a mail client"]
    moved = _move_back(settings.inbox_dir, matched)
    return actions + [f"{key}: moved from .Quarantine back to the inbox" for key in moved]


def _quarantined_files(settings: Settings, records: list[dict]) -> list[tuple[Path, bytes, object]]:
    """The local Maildir's quarantined files that may be these records'
    messages, each with its bytes and what the intake's parser reads of it.
    A record that kept the message's content hash (mail/fingerprint.py) names
    its file by that hash; for an older record every file is parsed."""
    from flows.parse_budget import parse_within_budget

    hashes = {record.get("content_hash") for record in records}
    every = None in hashes
    found = []
    for sub in ("cur", "new"):
        folder = settings.inbox_dir / ".Quarantine" / sub
        for path in sorted(folder.iterdir()) if folder.is_dir() else []:
            if path.name.startswith(".") or not path.is_file():
                continue
            raw = path.read_bytes()
            if every or content_fingerprint(raw) in hashes:
                found.append((path, raw, parse_within_budget(raw, settings)))
    return found


def _matching(candidates: list[tuple[Path, bytes, object]], keys: set[str], uow) -> list[tuple[str, Path]]:
    """(key, file) for each file whose key, as the intake's own message_key
    gives it (the Message-ID, with a content hash when another message holds
    that id, or the content hash alone), is one of `keys`."""
    from flows.handling import message_key

    matched = []
    for path, raw, parsed in candidates:
        key, _ = message_key(parsed, raw, uow)
        if key in keys:
            matched.append((key, path))
    return matched


def _move_back(inbox: Path, matched: list[tuple[str, Path]]) -> list[str]:
    """Move these quarantined files of the local Maildir back to the inbox's new/."""
    moved = []
    for key, path in matched:
        (inbox / "new").mkdir(parents=True, exist_ok=True)
        try:
            os.rename(path, inbox / "new" / path.name.split(":")[0])
        except FileNotFoundError:
            continue  # moved meanwhile
        moved.append(key)
    return moved
