"""Addresses with non-ASCII characters (EAI, RFC 6530-6532).

A domain written in Unicode (`bücher.de`, `例子.中国`) has an ASCII form, its
IDNA A-label (`xn--bcher-kva.de`), which every server accepts: the mail we
build and the SMTP envelope use that. A local part in Unicode (`张三@…`)
has no ASCII form: such mail can travel only over SMTPUTF8, with the address
written as UTF-8 in the headers (RFC 6532).
"""
from __future__ import annotations

from orders.text import ascii_domain

__all__ = ["ascii_domain", "wire_address", "needs_smtputf8"]


def wire_address(address: str) -> str:
    """The address as it goes into headers and the envelope: the domain in
    its ASCII form, the local part as it is."""
    local, at, domain = address.rpartition("@")
    if not at or address.isascii():
        return address
    return f"{local}@{ascii_domain(domain)}"


def needs_smtputf8(address: str) -> bool:
    return not wire_address(address).isascii()
