"""Render the order documents as PDFs: templates/pdf/*.html.j2 through WeasyPrint.

Everything in an order came from an email, so it is untrusted: Jinja2
escapes it, and WeasyPrint gets a URL fetcher that loads nothing but data:
URIs (the logo and the QR code are embedded as such), so no field can make
it read a local file or reach the network. What the fetcher refused is kept
for the caller.

The font configuration and the parsed stylesheet are made once per renderer
and reused: parsing the CSS and loading the CJK fonts is most of the cost of
a cold render, and a fresh FontConfiguration per document makes memory grow.
"""
from __future__ import annotations

import base64
import logging
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import cn2an
import segno
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher

from orders.master import MasterData
from orders.model import Order, OrderLine
from templates.render import TEMPLATES, environment

PDF_DIR = TEMPLATES / "pdf"
ASSETS = PDF_DIR / "assets"
CJK_FONTS = ("Noto Sans CJK", "Noto Serif CJK", "WenQuanYi")


@dataclass(frozen=True)
class DocumentKind:
    key: str  # as `orderloop render --doc` names it
    template: str
    title: str
    title_en: str
    prefix: str  # of the document number

    @property
    def filename(self) -> str:
        return f"{self.template}.pdf"


KINDS = {k.key: k for k in (
    DocumentKind("order", "sales_order", "销售订单", "Sales order", "XS"),
    DocumentKind("requirements", "requirements", "客户需求清单", "Customer requirements list", "XQ"),
    DocumentKind("outbound", "outbound", "出库单", "Outbound order", "CK"),
    DocumentKind("shipping", "shipping", "发货单", "Shipping note", "FH"),
    DocumentKind("signoff", "signoff", "签收单", "Sign-off form", "QS"),
)}


def document_number(kind: DocumentKind, order_no: str, version: int) -> str:
    """XS2023100001-01: the kind's prefix, the order number's digits, the document version."""
    return f"{kind.prefix}{order_no.removeprefix('SO')}-{version:02d}"


@dataclass(frozen=True)
class Company:
    name: str
    address: str | None = None
    phone: str | None = None
    logo: str | None = None  # a data: URI


@dataclass(frozen=True)
class DocumentInfo:
    key: str
    title: str
    title_en: str
    number: str
    version: int
    date: datetime


@dataclass(frozen=True)
class Row:
    line: OrderLine
    location: str | None = None
    stock: Decimal | None = None


@dataclass
class Rendered:
    kind: DocumentKind
    number: str
    version: int
    pdf: bytes
    refused: list[str] = field(default_factory=list)  # URLs the document asked for and did not get


class DataOnlyFetcher(URLFetcher):
    """Loads data: URIs and nothing else; remembers what it refused."""

    def __init__(self) -> None:
        super().__init__(allowed_protocols={"data"}, allow_redirects=False, timeout=1)
        self.refused: list[str] = []

    def fetch(self, url, headers=None):
        if not url.lower().startswith("data:"):
            self.refused.append(url)
            raise ValueError(f"documents load no external resources: {url[:200]}")
        return super().fetch(url, headers)


def amount_in_words(amount: Decimal | None) -> str | None:
    """大写金额: 50800 → 伍万零捌佰元整."""
    if amount is None or amount < 0:
        return None
    return cn2an.an2cn(format(amount, "f"), "rmb")


def qr_data_uri(text: str) -> str:
    return segno.make(text, error="m").svg_data_uri(scale=4, border=2)


def data_uri(path: Path) -> str:
    kind = {".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg"}
    mime = kind.get(path.suffix.lower(), "application/octet-stream")
    return f"data:{mime};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"


class DocumentRenderer:
    """One per process: it keeps the fonts, the parsed CSS and the templates."""

    def __init__(self, company: Company):
        self.company = company
        self.fonts = FontConfiguration()
        self.css = CSS(filename=str(PDF_DIR / "style.css"), font_config=self.fonts)

    def html(self, kind: DocumentKind, order: Order, *, version: int, master: MasterData | None = None) -> str:
        return environment(html=True).get_template(f"pdf/{kind.template}.html.j2").render(**self.context(kind, order, version,
                                                                                           master))

    def context(self, kind: DocumentKind, order: Order, version: int, master: MasterData | None) -> dict:
        # The document is dated by the order state it shows, so rendering the
        # same state again gives the same bytes.
        info = DocumentInfo(kind.key, kind.title, kind.title_en, document_number(kind, order.order_no, version),
                            version, order.updated_at)
        return dict(order=order, doc=info, company=self.company, rows=[_row(line, master) for line in order.lines],
                    amount_in_words=amount_in_words(order.total_payable),
                    qr=qr_data_uri(order.order_no) if kind.key in ("shipping", "signoff") else None,
                    shipment=order.shipment, status_label=order.status.label,
                    awaiting_confirmation=order.status in ("received", "clarifying", "confirming"))

    def render(self, key: str, order: Order, *, version: int = 1, master: MasterData | None = None) -> Rendered:
        kind = KINDS[key]
        fetcher = DataOnlyFetcher()
        document = HTML(string=self.html(kind, order, version=version, master=master), url_fetcher=fetcher,
                        base_url=str(PDF_DIR))
        pdf = document.write_pdf(stylesheets=[self.css], font_config=self.fonts)
        return Rendered(kind, document_number(kind, order.order_no, version), version, pdf, fetcher.refused)


def _row(line: OrderLine, master: MasterData | None) -> Row:
    product = master.product_by_sku(line.sku) if master is not None and line.sku else None
    return Row(line, product.location if product else None, product.stock if product else None)


class MissingGlyphs(logging.Handler):
    """Collects WeasyPrint's warnings about glyphs no font has (they render as boxes)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if "glyph" in message.lower():
            self.messages.append(message)


def company_from(name: str, address: str | None, phone: str | None, logo: Path | None) -> Company:
    logo = logo if logo is not None else ASSETS / "logo.svg"
    return Company(name, address, phone, data_uri(logo) if logo.exists() else None)


__all__ = ["KINDS", "Company", "DocumentRenderer", "Rendered", "amount_in_words", "company_from",
           "document_number", "MissingGlyphs", "CJK_FONTS"]
