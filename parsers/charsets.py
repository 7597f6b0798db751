"""Charsets: read GB2312/GBK mail as GB18030, and decode bytes without raising.

Mail labelled gb2312 often holds GBK-only characters (镕, 喆, the ￥ sign), and
Python's strict gb2312 codec loses them. GB18030 is a superset of both, so
every name of the two is mapped to it, in the codec registry (for anyone who
decodes by name, such as the email package or imap-tools) and in our own
table (the registry caches a lookup made before this module was imported).
"""
from __future__ import annotations

import codecs
import encodings.aliases

__all__ = ["install_aliases", "codec_for", "decode_bytes"]

_GB_NAMES = ("gb2312", "gbk", "chinese", "csiso58gb231280", "euc_cn", "euccn",
             "eucgb2312_cn", "gb2312_1980", "gb2312_80", "iso_ir_58", "936",
             "cp936", "ms936", "x_gbk", "x_mac_simp_chinese", "csgb2312", "cn_gb",
             "gb_2312_80", "gb_2312", "csgbk")

_EXTRA = {"utf8": "utf_8", "unicode_1_1_utf_7": "utf_7", "ks_c_5601_1987": "cp949",
          "x_sjis": "shift_jis", "ansi_x3_4_1968": "ascii"}


def install_aliases() -> None:
    """Map every GB2312/GBK name to GB18030 in the codec registry; idempotent."""
    encodings.aliases.aliases.update({name: "gb18030" for name in _GB_NAMES})
    # A name looked up before this call stays cached with its old codec, in the
    # encodings package and in the registry; unregistering a search function
    # clears the registry's cache.
    getattr(encodings, "_cache", {}).clear()
    codecs.register(_no_codec)
    codecs.unregister(_no_codec)


def _no_codec(name: str) -> None:
    return None


def _normal(name: str) -> str:
    return name.strip().strip("\"'").lower().replace("-", "_").replace(" ", "_").replace(".", "_")


def codec_for(charset: str | None) -> str | None:
    """The codec name to decode `charset` with, or None when Python has none."""
    if not charset:
        return None
    name = _normal(charset)
    if name in _GB_NAMES:
        return "gb18030"
    name = _EXTRA.get(name, name)
    try:
        info = codecs.lookup(name)
    except (LookupError, ValueError, TypeError):  # ValueError: a NUL in the name
        return None
    # base64, hex, rot13 and the like are codecs but no charset
    return info.name if getattr(info, "_is_text_encoding", True) else None


def decode_bytes(data: bytes, charset: str | None = None) -> str:
    """Text from bytes: the declared charset, then UTF-8, then GB18030, strictly;
    failing all three, the first that exists with errors replaced."""
    declared = codec_for(charset)
    codecs_to_try = list(dict.fromkeys(c for c in (declared, "utf-8", "gb18030") if c))
    for codec in codecs_to_try:
        try:
            return data.decode(codec)
        except (UnicodeError, LookupError):  # idna and a few others raise the base class
            continue
    # Nothing fits. With no label, or a plain ASCII one, 8-bit text that holds
    # no UTF-8 sequence at all is most likely Latin-1 (café), which maps every byte.
    if declared in (None, "ascii"):
        as_utf8 = data.decode("utf-8", errors="replace")
        if as_utf8.count("\ufffd") >= sum(byte > 127 for byte in data):
            return data.decode("latin-1")
    # Otherwise the reading with the fewest replaced bytes (one stray byte
    # should not turn a whole Chinese body into mojibake).
    readings = []
    for codec in codecs_to_try:
        try:
            readings.append(data.decode(codec, errors="replace"))
        except (UnicodeError, LookupError):
            continue
    if not readings:
        return data.decode("utf-8", errors="replace")
    return min(readings, key=lambda text: text.count("\ufffd"))


install_aliases()
