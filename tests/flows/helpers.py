"""Reading what the pipeline did: its outbox, its store, its mail folders."""
from __future__ import annotations

import email
import email.policy
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from datetime import datetime
from pathlib import Path


def outbox(home: Path) -> list[EmailMessage]:
    folder = home / "mail" / "outbox"
    files = sorted([*folder.glob("new/*"), *folder.glob("cur/*")], key=lambda p: p.stat().st_mtime_ns)
    return [email.message_from_bytes(f.read_bytes(), policy=email.policy.default) for f in files]


def folder_size(home: Path, folder: str) -> int:
    root = home / "mail" / "inbox" / (f".{folder}" if folder != "inbox" else "")
    return sum(1 for sub in ("new", "cur") for _ in (root / sub).glob("*")) if root.exists() else 0


def customer_reply(to_message: EmailMessage, body: str, *, sender: str | None = None) -> bytes:
    """A reply as a mail client writes it: Re: subject, threading headers, quoted original."""
    reply = EmailMessage()
    reply["From"] = sender or str(to_message["To"])
    reply["To"] = str(to_message["From"])
    reply["Subject"] = "Re: " + str(to_message["Subject"])
    reply["Date"] = format_datetime(datetime(2023, 10, 1, 11, 0).astimezone())
    reply["Message-ID"] = make_msgid(domain="customer.example")
    reply["In-Reply-To"] = to_message["Message-ID"]
    reply["References"] = " ".join(filter(None, [str(to_message.get("References", "")), to_message["Message-ID"]]))
    quoted = "\n".join("> " + line for line in to_message.get_body(("plain",)).get_content().splitlines())
    reply.set_content(f"{body}\n\n在 2023年10月1日 10:00, orders@example.com 写道:\n{quoted}\n")
    return reply.as_bytes()


def newest_artifacts(description: str | None = None, key: str | None = None, limit: int = 20) -> list[str]:
    """The newest artifacts' text in the session's Prefect API (every test's runs are there), newest first."""
    import asyncio

    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey
    from prefect.client.schemas.sorting import ArtifactSort

    async def read() -> list[str]:
        async with get_client() as client:
            found = await client.read_artifacts(
                artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=[key])) if key else None,
                sort=ArtifactSort.CREATED_DESC, limit=limit)
            return [a.data for a in found if description is None or a.description == description]

    return asyncio.run(read())


def wait_for(what: str, check, timeout: float = 60, explain=lambda: ""):
    """`check()`'s first truthy answer, asked four times a second; after `timeout`, a failure saying what."""
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if found := check():
            return found
        time.sleep(0.25)
    raise AssertionError(f"waited {timeout:.0f} s for {what}\n{explain()}")
