"""Replies written the way real mail clients write them, to test approval by
reply: each quotes the approval request (which itself says 同意 and 驳回)
in its client's own style, and threads (or fails to thread) like it."""
from __future__ import annotations

import re
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from urllib.parse import parse_qs, unquote, urlsplit
from zoneinfo import ZoneInfo

SENT = datetime(2023, 10, 1, 10, 30, tzinfo=ZoneInfo("Asia/Shanghai"))
LINK_RE = re.compile(r"mailto:[^\s\"'<>]+")


def plain(message: EmailMessage) -> str:
    return message.get_body(("plain",)).get_content()


def links(message: EmailMessage) -> dict[str, dict[str, str]]:
    """The mailto: links of an approval request, by verdict: {"approve": {"to", "subject", "body"}}."""
    found = {}
    for link in LINK_RE.findall(message.get_body(("html",)).get_content().replace("&amp;", "&")):
        parts = urlsplit(link)
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        verdict = "approve" if "approve" in query["subject"] else "reject"
        found[verdict] = {"to": unquote(parts.path), "subject": query["subject"], "body": query.get("body", "")}
    return found


def _base(original: EmailMessage, sender: str, subject: str, *, thread: bool = True) -> EmailMessage:
    reply = EmailMessage()
    reply["From"] = sender
    reply["To"] = str(original["From"])
    reply["Subject"] = subject
    reply["Date"] = format_datetime(SENT)
    reply["Message-ID"] = make_msgid(domain="company.example")
    if thread:
        reply["In-Reply-To"] = original["Message-ID"]
        reply["References"] = " ".join(filter(None, [str(original.get("References", "")), original["Message-ID"]]))
    return reply


def _pipeline(original: EmailMessage) -> str:
    return original["From"].addresses[0].addr_spec


def _quoted(original: EmailMessage) -> str:
    return "\n".join("> " + line for line in plain(original).splitlines())


def _reply(original: EmailMessage, sender: str, prefix: str, content: str, *, thread: bool = True,
           **headers: str) -> bytes:
    reply = _base(original, sender, prefix + str(original["Subject"]), thread=thread)
    for name, value in headers.items():
        reply[name.replace("_", "-")] = value
    reply.set_content(content)
    return reply.as_bytes()


def outlook(original: EmailMessage, sender: str, body: str) -> bytes:
    """Outlook (Chinese): 答复: subject, no > quoting, a 发件人/发送时间 header block."""
    header = (f"\n\n________________________________\n发件人: {original['From']}\n"
              f"发送时间: 2023年10月1日 10:00\n收件人: {original['To']}\n主题: {original['Subject']}\n\n")
    return _reply(original, sender, "答复: ", body + header + plain(original),
                  Thread_Index="AdnzAbCdEfGhIjKlMnOpQrStUvWx")


def gmail(original: EmailMessage, sender: str, body: str) -> bytes:
    """Gmail: Re: subject, an "On … wrote:" line and > quoting."""
    return _reply(original, sender, "Re: ", f"{body}\n\nOn Sun, Oct 1, 2023 at 10:00 AM orders <{_pipeline(original)}> "
                                           f"wrote:\n\n{_quoted(original)}\n")


def foxmail(original: EmailMessage, sender: str, body: str) -> bytes:
    """Foxmail/QQ: 回复: subject, a ---原始邮件--- block, and no In-Reply-To
    (QQ Mail's web client often leaves it out): only the subject's order tag threads it."""
    header = (f"\n\n------------------ 原始邮件 ------------------\n发件人: \"orders\"<{_pipeline(original)}>;\n"
              f"发送时间: 2023年10月1日(星期天) 上午10:00\n收件人: {original['To']};\n主题: {original['Subject']}\n\n")
    return _reply(original, sender, "回复: ", body + header + plain(original), thread=False)


def apple_mail(original: EmailMessage, sender: str, body: str) -> bytes:
    """Apple Mail (Chinese): 在…写道: and > quoting."""
    return _reply(original, sender, "Re: ", f"{body}\n\n> 在 2023年10月1日，上午10:00，orders <{_pipeline(original)}> "
                                           f"写道：\n> \n{_quoted(original)}\n")


def from_link(original: EmailMessage, sender: str, verdict: str, extra: str = "") -> bytes:
    """What a mail client sends when the approver clicks a mailto: link: a new
    message (no threading headers) with the link's subject and body."""
    link = links(original)[verdict]
    message = EmailMessage()
    message["From"] = sender
    message["To"] = link["to"]
    message["Subject"] = link["subject"]
    message["Date"] = format_datetime(SENT)
    message["Message-ID"] = make_msgid(domain="company.example")
    message.set_content(link["body"] + extra + "\n")
    return message.as_bytes()


def with_subject(raw: bytes, subject: str) -> bytes:
    from email import message_from_bytes, policy

    message = message_from_bytes(raw, policy=policy.default)
    del message["Subject"]
    message["Subject"] = subject
    return message.as_bytes()
