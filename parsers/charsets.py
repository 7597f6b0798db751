"""Charsets: read GB2312/GBK mail as GB18030, and decode bytes without raising.

Mail labelled gb2312 often holds GBK-only characters (镕, 喆, the ￥ sign), and
Python's strict gb2312 codec loses them. GB18030 is a superset of both, so
every name of the two is mapped to it, in the codec registry (for anyone who
decodes by name, such as the email package or imap-tools) and in our own
table (the registry caches a lookup made before this module was imported).

Only the text encodings that mail really uses are decoded with (MAIL_CODECS,
an allow-list of codec names): Unicode, every single-byte code page Python has
(ISO 8859, Windows, DOS and Mac code pages: old mail in cp437, cp850, cp852,
mac-cyrillic is still mail), and the multibyte charsets of Chinese, Japanese
and Korean mail. Python's registry also holds codecs that no mail client
writes and that cost or hide too much: punycode and idna decode in quadratic
time (a 1 MB body labelled punycode took 61 s), utf-7 hides markup from
filters, raw_unicode_escape and unicode_escape read Python literals, rot13,
base64 and zlib are not charsets at all, EBCDIC code pages read ASCII as
gibberish. A label naming one of those is *refused*
(`refused_charset` says so, and the bytes are read as if unlabelled); a label
Python does not know at all ("unknown-8bit", "utf8mb4") is a common mistake
and is only ignored.
"""
from __future__ import annotations

import codecs
import encodings.aliases

__all__ = ["install_aliases", "codec_for", "decode_bytes", "refused_charset", "MAIL_CODECS"]

_GB_NAMES = ("gb2312", "gbk", "chinese", "csiso58gb231280", "euc_cn", "euccn",
             "eucgb2312_cn", "gb2312_1980", "gb2312_80", "iso_ir_58", "936",
             "cp936", "ms936", "x_gbk", "x_mac_simp_chinese", "csgb2312", "cn_gb",
             "gb_2312_80", "gb_2312", "csgbk")

_EXTRA = {"utf8": "utf_8", "ks_c_5601_1987": "cp949", "x_sjis": "shift_jis", "ansi_x3_4_1968": "ascii",
          "windows_874": "cp874", "windows_31j": "cp932", "iso_8859_8_i": "iso8859_8", "iso_8859_6_i": "iso8859_6"}

# The codecs (by `codecs.lookup(label).name`) that the charset labels of real
# mail resolve to. Every one decodes in linear time
# (tests/parsers/test_refusals.py, test_every_mail_codec_decodes_hostile_bytes_in_linear_time).
_UNICODE = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be", "ascii")
# Every single-byte code page Python has that keeps ASCII's letters and digits
# where ASCII has them: ISO 8859, the Windows, DOS (OEM) and Mac code pages,
# KOI8, Thai, Kazakh, Urdu, HP Roman-8, Palm OS. Each decodes a byte at a
# time through a table of 256 characters. Only the EBCDIC pages (cp037, cp273,
# cp424, cp500, cp875, cp1026, cp1140) are left out: they read ASCII as
# gibberish and no mail client writes them.
_SINGLE_BYTE = (
    *(f"iso8859-{n}" for n in (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 15, 16)),
    *(f"cp{n}" for n in range(1250, 1259)), "cp874", "cp1006", "cp1125",
    "cp437", "cp720", "cp737", "cp775", "cp850", "cp852", "cp855", "cp856", "cp857", "cp858",
    *(f"cp{n}" for n in range(860, 867)), "cp869",
    "koi8-r", "koi8-u", "koi8-t", "tis-620", "kz1048", "ptcp154", "hp-roman8", "palmos",
    "mac-roman", "mac-latin2", "mac-cyrillic", "mac-greek", "mac-turkish", "mac-iceland", "mac-croatian",
    "mac-romanian", "mac-arabic", "mac-farsi",
)
_MULTIBYTE = (
    # Chinese (GB2312 and GBK resolve to gb18030, see above)
    "gb18030", "hz", "big5", "big5hkscs", "cp950",
    # Japanese
    "shift_jis", "cp932", "shift_jis_2004", "shift_jisx0213", "euc_jp", "euc_jis_2004", "euc_jisx0213",
    "iso2022_jp", "iso2022_jp_1", "iso2022_jp_2", "iso2022_jp_2004", "iso2022_jp_3", "iso2022_jp_ext",
    # Korean
    "euc_kr", "cp949", "johab", "iso2022_kr",
)
# Refused, whatever a label says: what is no text encoding of mail. punycode
# and idna (quadratic), utf-7 (hides markup from filters), raw_unicode_escape
# and unicode_escape (Python literals), the bytes-to-bytes and text-transform
# codecs (base64, quopri, uu, hex, zlib, bz2, rot13), charmap and undefined,
# and EBCDIC.
MAIL_CODECS = frozenset({*_UNICODE, *_SINGLE_BYTE, *_MULTIBYTE})


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


def _lookup(charset: str | None) -> str | None:
    """The name of the codec Python has for a charset label, any codec; None when none."""
    if not charset:
        return None
    name = _normal(str(charset)[:100])
    if name in _GB_NAMES:
        return "gb18030"
    name = _EXTRA.get(name, name)
    try:
        return codecs.lookup(name).name
    except (LookupError, ValueError, TypeError):  # ValueError: a NUL in the name
        return None


def codec_for(charset: str | None) -> str | None:
    """The codec to decode `charset` with: a mail charset of MAIL_CODECS, or
    None (unlabelled, unknown to Python, or refused)."""
    name = _lookup(charset)
    return name if name in MAIL_CODECS else None


def refused_charset(charset: str | None) -> str | None:
    """The codec a label names when Python has it but it is no mail charset
    (punycode, idna, utf-7, rot13, base64, cp037 ...); None otherwise."""
    name = _lookup(charset)
    return name if name is not None and name not in MAIL_CODECS else None


def decode_bytes(data: bytes, charset: str | None = None) -> str:
    """Text from bytes: the declared charset, then UTF-8, then GB18030, strictly;
    failing all three, the first that exists with errors replaced. A charset
    outside MAIL_CODECS is never used: such bytes read as if unlabelled."""
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
