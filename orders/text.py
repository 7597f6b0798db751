"""Small text helpers the domain needs to compare what customers write."""
import unicodedata

import idna


def norm(value: str | None) -> str:
    """Compare-form of a name or address: NFKC, no spaces, case-folded."""
    if not value:
        return ""
    return "".join(unicodedata.normalize("NFKC", value).split()).casefold()


def same(a: str | None, b: str | None) -> bool:
    return norm(a) == norm(b)


def normal_message_id(message_id: str) -> str:
    """Message-IDs compare without whitespace and angle brackets."""
    return message_id.strip().strip("<>").strip()


def message_id_key(message_id: str) -> str:
    """The form our records keep a Message-ID in for lookups: bare and case-folded."""
    return normal_message_id(message_id).casefold()


def ascii_domain(domain: str, *, lenient: bool = True) -> str:
    """The domain's ASCII form: IDNA 2008 with the UTS 46 mapping (which
    lower-cases and maps full-width dots, and keeps ß, unlike IDNA 2003),
    else (lenient, for sending) IDNA 2003 for the names only it allows; a
    domain that does not encode is returned as written."""
    if domain.isascii():
        return domain.lower()
    try:
        return idna.encode(domain, uts46=True).decode("ascii")
    except (idna.IDNAError, UnicodeError):
        if not lenient:  # IDNA 2003 maps away what 2008 refuses (a zero-width joiner): no match by that
            return domain.lower()
    try:
        return domain.encode("idna").decode("ascii")
    except UnicodeError:
        return domain


def normal_address(address: str) -> str:
    """An address in the one form addresses compare in, the form mail is sent
    to: the local part lower-cased, the domain in its ASCII (IDNA) form, so
    that `张三@例子.中国` and `张三@xn--fsqu00a.xn--fiqs8s` are one mailbox.
    (lower(), not casefold(): `faß.de` and `fass.de` are different domains.)"""
    local, at, domain = address.strip().rpartition("@")
    if not at:
        return address.strip().lower()
    domain = domain.rstrip(".")
    return f"{local.lower()}@{ascii_domain(domain, lenient=False) if len(domain) <= 253 else domain.lower()}"
