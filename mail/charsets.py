"""Chinese charset labels decoded as GB18030, and a decoder that never raises.

One implementation serves both reading paths: the parsers decode message
bodies with it and the mail transports install the same codec aliases, so
imap-tools and the email package never drop GBK-only characters (镕, 啰)
from mail labelled gb2312.
"""
from parsers.charsets import decode_bytes, install_aliases as install_codec_aliases

__all__ = ["install_codec_aliases", "decode_bytes"]
