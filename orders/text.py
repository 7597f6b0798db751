"""Small text helpers the domain needs to compare what customers write."""
import unicodedata


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


def normal_address(address: str) -> str:
    """An address in the one form addresses compare in: case-folded, the domain
    in its ASCII (IDNA) form, so that `张三@例子.中国` and `张三@xn--fsqu00a.xn--fiqs8s`
    are the same mailbox. A domain IDNA cannot encode is kept as written."""
    local, at, domain = address.strip().rpartition("@")
    if not at:
        return address.strip().casefold()
    domain = domain.casefold().rstrip(".")
    if not domain.isascii() and len(domain) <= 253:
        try:
            domain = domain.encode("idna").decode("ascii")
        except UnicodeError:
            pass
    return f"{local.casefold()}@{domain}"
