"""Chinese charset labels decoded as GB18030, and a decoder that never raises.

Mail clients label GBK text as gb2312 all the time. Python's gb2312 codec
drops what is not in GB2312 (镕, 啰, many names) and the email package decodes
with 'replace' or 'ignore', so the loss is silent. GB18030 is a superset of
GBK, which is a superset of GB2312, so decoding every such label as GB18030
keeps the text and changes nothing for text that was valid under the label.
"""
from __future__ import annotations

import codecs
import encodings
import encodings.aliases

__all__ = ["install_codec_aliases", "decode_bytes"]

# Labels seen in the wild beyond Python's own aliases; names are normalised
# the way the codec registry does (lower case, punctuation to '_').
_EXTRA_LABELS = ("gb2312", "gbk", "gb_2312_80", "x_gbk", "cp936", "ms936", "gb_2312", "csgbk")


def install_codec_aliases() -> None:
    """Decode gb2312/gbk and their aliases with the gb18030 codec. Idempotent."""
    table = encodings.aliases.aliases
    labels = {name for name, codec in table.items() if codec in ("gb2312", "gbk")}
    table.update(dict.fromkeys(labels | set(_EXTRA_LABELS), "gb18030"))
    # Lookups are cached twice, so a name used before this call would keep its
    # old codec: in the encodings package, and in the codec registry, which
    # unregistering a search function clears.
    getattr(encodings, "_cache", {}).clear()
    codecs.register(_no_codec)
    codecs.unregister(_no_codec)


def _no_codec(name: str) -> None:
    return None


def decode_bytes(data: bytes, charset: str | None) -> str:
    """Text from bytes whatever the label says; never raises.

    Tries the declared charset, then UTF-8, then GB18030, all strict. If none
    fits, the declared charset with 'replace' keeps most of the text (a single
    bad byte should not turn Chinese into mojibake); latin-1 is the last resort
    because it maps every byte.
    """
    declared = _known_codec(charset)
    for codec in (declared, "utf-8", "gb18030"):
        if codec:
            try:
                return data.decode(codec)
            except UnicodeError:  # idna and a few others raise the base class
                pass
    if declared and declared != "ascii":  # an ascii label on 8-bit text says nothing
        try:
            return data.decode(declared, "replace")
        except UnicodeError:
            pass
    return data.decode("latin-1")


def _known_codec(charset: str | None) -> str | None:
    label = (charset or "").strip().strip("\"'")
    if not label:
        return None
    try:
        info = codecs.lookup(label)
    except (LookupError, ValueError):  # ValueError: a NUL in the label
        return None
    # bytes-to-bytes codecs (base64, hex, zlib) are no charset
    return info.name if getattr(info, "_is_text_encoding", True) else None
