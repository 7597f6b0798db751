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
