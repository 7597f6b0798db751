"""The new part of a message: quoted earlier mail and signatures removed.

mail-parser-reply (`EmailReplyParser`, languages en and zh) splits at the reply
headers it knows; it misses Chinese clients' "-----原始邮件-----", full-width
colons ("发件人：") and "在 … 写道：" (its pattern for that one never matches),
so our own markers cut whatever it leaves.

Where the original message starts, unquoted:
- Outlook: "-----Original Message-----", "-----原始邮件-----", or a header
  block with no separator ("发件人: …" / "发送时间: …" / "收件人: …" / "主题: …",
  "From: … / Sent: …"), often under a line of underscores;
- QQ Mail and Foxmail: "------------------ 原始邮件 ------------------",
  NetEase: "-------- 原邮件 --------";
- Gmail: "---------- Forwarded message ---------"; Apple Mail: "Begin
  forwarded message:".
Above a quote (">" lines): "On … wrote:", "在 … 写道：", "Le … a écrit :",
"Am … schrieb …:", "El … escribió:".
"""
from __future__ import annotations

import re

from mailparser_reply import EmailReplyParser

__all__ = ["strip_quoted", "strip_signature", "forwarded_part"]

_REPLY_PARSER = EmailReplyParser(languages=["en", "zh"])

_HEADER_NAMES = r"(?:发件人|发送时间|收件人|抄送|主题|日期|时间|From|Sent|To|Cc|Subject|Date)"
# Where the original message starts, unquoted, below the reply: cut there.
# [ \t] not \s at the start: \s would run over every blank line below each
# line start, quadratic in a long run of blank lines.
_ORIGINAL_START = re.compile(
    r"^[ \t]*+(?:"
    r"-{2,}\s*(?:原始邮件|原邮件|Original Message|Forwarded message|Forwarded Message|转发邮件|转发的邮件|邮件原文"
    r"|Reply message|回复的原邮件|Message d'origine|Ursprüngliche Nachricht|Mensaje original)\s*-{2,}"
    r"|(?:Begin forwarded message|开始转发的邮件|以下是转发的邮件|转发的邮件如下)\s*[:：]\s*$"
    r"|_{10,}\s*$"
    rf"|\**(?:发件人|From)\**\s*[:：].*\n(?:.*\n){{0,2}}?[\s*]*{_HEADER_NAMES}\**\s*[:：]"
    r")", re.MULTILINE | re.IGNORECASE)
# "On … wrote:" / "在 … 写道：" above a quote (possibly wrapped onto a second line).
_WROTE = re.compile(
    r"^[ \t]*+(?:On\s[^\n]{0,200}(?:\n[^\n]{0,120})?\s?wrote[ \t]*+:"
    r"|在[^\n]{0,120}?(?:\n[^\n]{0,60})?写道[ \t]*+[:：]?"
    r"|(?:Le|El|Am|Il|Op)\s[^\n]{0,200}?(?:\n[^\n]{0,120})?"
    r"\s(?:a\s+écrit|escribió|schrieb|ha\s+scritto|schreef)[^\n:]{0,80}:"
    r"|[^\n]{0,80}\d{4}\s*+[-/年.][^\n]{0,80}(?:写道|wrote)[ \t]*+[:：])[ \t]*+$",
    re.MULTILINE | re.IGNORECASE)
_QUOTED_LINE = re.compile(r"^[ \t]*+>.*(?:\n|$)", re.MULTILINE)
_SIGNATURE = re.compile(r"^(?:--|-- |——|__)\s*$", re.MULTILINE)
_SIGN_OFF = re.compile(
    r"^[ \t]*+(?:此致|敬礼|此致敬礼|顺祝商祺|顺颂商祺|祝商祺|祝好|谢谢|多谢|感谢|Best regards|Kind regards|Regards"
    r"|Best wishes|Sincerely|Thanks|Thank you|Many thanks|Cheers)[\s,.!，。！]*$",
    re.MULTILINE | re.IGNORECASE)
_SEPARATOR_LINE = re.compile(r"^\s*(?:-{2,}.*-{2,}|_{10,}|(?:Begin forwarded message|开始转发的邮件|以下是转发的邮件"
                             r"|转发的邮件如下)\s*[:：])\s*$", re.IGNORECASE)
_FORWARD_HEADER_LINE = re.compile(rf"^\s*\**{_HEADER_NAMES}\**\s*[:：]", re.IGNORECASE)
_FORWARD_FROM_LINE = re.compile(r"^\s*\**(?:发件人|From)\**\s*[:：]", re.IGNORECASE)
_ADDRESS = re.compile(r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
_FORWARD_SUBJECT = re.compile(r"^\s*(?:(?:re|回复|答复)\s*[:：]\s*)*(?:fwd?|转发)\s*[:：]", re.IGNORECASE)


# Its patterns nest lazy quantifiers ("On (.+?\s?.+?) wrote"), which take time
# growing with the square of a line's length: give it only what a reply is.
LIBRARY_MAX_CHARS = 10_000
LIBRARY_MAX_LINE = 500


def _library_cut(text: str) -> str:
    if len(text) > LIBRARY_MAX_CHARS or max(map(len, text.split("\n"))) > LIBRARY_MAX_LINE:
        return text
    try:
        found = _REPLY_PARSER.parse_reply(text)
    except Exception:  # a third-party regex engine over arbitrary text: never let it sink the mail
        return text
    return text if found is None else found


def _only_quotes_follow(text: str) -> bool:
    return all(not line.strip() or line.lstrip().startswith(">") for line in text.split("\n"))


def strip_quoted(text: str, *, library: bool = True) -> str:
    """The new text of a reply: above the original message, without quoted lines.

    An "On … wrote:" line ends the reply when only quoted lines follow it;
    when answers are written between the quoted lines, the answers stay.
    `library=False` skips mail-parser-reply (its other languages' reply
    headers), as for new orders, where it costs a tenth of the parse.
    """
    text = text.replace("\r\n", "\n")
    found = _ORIGINAL_START.search(text)
    if found:
        text = text[:found.start()]
    for wrote in _WROTE.finditer(text):
        if _only_quotes_follow(text[wrote.end():]):
            text = text[:wrote.start()]
            break
    text = _WROTE.sub("", text)
    text = _QUOTED_LINE.sub("", text)
    if library and text.strip():
        text = _library_cut(text)
    return text.strip()


def strip_signature(text: str, *, only_after: re.Pattern | None = None) -> str:
    """The text above a signature ("-- ") or a sign-off line ("此致", "Best regards").

    With `only_after`, a sign-off cuts only when that pattern matches above it,
    so that an order whose greeting says "谢谢" on a line of its own keeps the
    order written below it.
    """
    found = _SIGNATURE.search(text)
    if found:
        text = text[:found.start()]
    first = 0
    if only_after is not None:
        found = only_after.search(text)
        if not found:
            return text.rstrip()
        first = found.end()
    for sign_off in _SIGN_OFF.finditer(text, first):
        return text[:sign_off.start()].rstrip()
    return text.rstrip()


def forwarded_part(text: str, subject: str) -> tuple[str, str | None] | None:
    """The forwarded message of a "Fwd:"/"转发:" mail, without its quote marks,
    and the address in its From line (the customer, when a rep forwards an order)."""
    if not _FORWARD_SUBJECT.search(subject or ""):
        return None
    found = _ORIGINAL_START.search(text) or _QUOTED_LINE.search(text)
    if not found:
        return None
    lines = [re.sub(r"^\s*(?:>\s?)+", "", line) for line in text[found.start():].split("\n")]
    # Skip the separator and the forwarded message's header lines, up to the first blank line.
    position, sender = 0, None
    while position < len(lines) and (not lines[position].strip() or _SEPARATOR_LINE.match(lines[position])):
        position += 1
    while position < len(lines) and _FORWARD_HEADER_LINE.match(lines[position]):
        if sender is None and _FORWARD_FROM_LINE.match(lines[position]):
            address = _ADDRESS.search(lines[position])
            sender = address.group(0).lower() if address else None
        position += 1
    return "\n".join(lines[position:]), sender
