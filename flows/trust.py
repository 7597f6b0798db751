"""Whether a message's From can be believed enough to decide on.

A staff decision (an approval, a verdict on a change, new terms, a rep's
word on a sender) moves money and goods, so it needs more than a From line,
which anyone can write. What is checked, in order:

1. The From is exactly one header with exactly one plain address
   (parsers.senders refuses encoded, doubled and multiple addresses).
2. The SMTP envelope sender (the top Return-Path, added by the receiving
   server) is not the null sender `<>` and, when present, is the From address.
3. With `ORDERLOOP_AUTHSERV_ID` set (the authserv-id the company's own
   receiving server stamps), only that server's Authentication-Results count,
   and one of them must show DMARC pass, or DKIM or SPF pass for a domain
   aligned with the From domain (the same domain, or one a subdomain of the
   other). Results stamped by anyone else are text the sender wrote.
   Without the setting, any SPF/DKIM/DMARC fail, softfail or permerror in any
   Authentication-Results header refuses; a pass proves nothing, since the
   sender could have written it.

Proof that the sender holds what was sent to them (a token, or our request's
Message-ID in In-Reply-To/References) is checked by the domain (orders.review).
"""
from __future__ import annotations

from parsers.result import Envelope
from parsers.senders import AuthVerdict, read_auth_results

_BAD = {"fail", "softfail", "permerror"}
_CHECKED = {"spf", "dkim", "dmarc"}


def origin_doubt(env: Envelope, authserv_id: str | None = None) -> str | None:
    """Why the message's From address cannot be believed, or None."""
    if env.sender_problem or not env.sender:
        return f"the From header cannot be trusted: {env.sender_problem or 'no sender address'}"
    if env.return_path == "":
        return ("the message came with the null envelope sender <> (as bounces do), not from "
                f"{env.sender}: the From address may be forged")
    if env.return_path and env.return_path != env.sender:
        return (f"the message was sent by {env.return_path} (Return-Path), not by {env.sender} as its From "
                "says: the From address may be forged")
    verdicts = read_auth_results(env.authentication)
    if authserv_id:
        return _doubt_by_our_server(env.sender, verdicts, authserv_id.strip().lower())
    failed = next((v for v in verdicts if v.method in _CHECKED and v.result in _BAD), None)
    if failed is not None:
        return (f"the receiving mail server reports {failed.method}={failed.result} for the From address: "
                "it may be forged")
    return None


def _doubt_by_our_server(sender: str, verdicts: list[AuthVerdict], authserv_id: str) -> str | None:
    ours = [v for v in verdicts if v.authserv_id == authserv_id and v.method in _CHECKED]
    if not ours:
        return (f"the message carries no Authentication-Results from our mail server ({authserv_id}): "
                "its From address is unverified")
    failed = next((v for v in ours if v.result in _BAD), None)
    if failed is not None:
        return f"our mail server ({authserv_id}) reports {failed.method}={failed.result}: the From may be forged"
    domain = sender.rpartition("@")[2]
    if any(v.method == "dmarc" and v.result == "pass" and (v.domain is None or aligned(v.domain, domain))
           for v in ours):
        return None
    if any(v.method in ("dkim", "spf") and v.result == "pass" and v.domain and aligned(v.domain, domain)
           for v in ours):
        return None
    return (f"our mail server ({authserv_id}) shows no DMARC pass and no DKIM or SPF pass for {domain}: "
            "the From address is unverified")


def aligned(verified: str, from_domain: str) -> bool:
    """Relaxed alignment (RFC 7489): one domain is the other or a subdomain of it."""
    a, b = verified.lower().strip("."), from_domain.lower().strip(".")
    if a.count(".") < 1:  # a bare top-level domain aligns with nothing
        return False
    return a == b or a.endswith("." + b) or b.endswith("." + a)
