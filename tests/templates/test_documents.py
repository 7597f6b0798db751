"""The five order documents as real PDFs: their text read back with pypdf and
compared with the order, the fonts they embed, pages of a long order, and a
hostile order that tries to make WeasyPrint read files."""
from __future__ import annotations

import io
import logging
import re
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader

from orders.model import CustomerInfo, Order, OrderLine, PaymentTerms, Shipment
from orders.status import Status
from templates.documents import CJK_FONTS, KINDS, Company, DocumentRenderer, MissingGlyphs, amount_in_words

from tests.orders.fakes import FakeMaster

AT = datetime(2023, 10, 1, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.fixture(scope="module")
def renderer():
    return DocumentRenderer(Company("华东示例工业有限公司", "上海市示例路1号", "021-55550000"))


def seed_order(lines: int = 1, **fields) -> Order:
    """The procedure's example order (SO2023901 in the seed), with `lines` item lines."""
    order = Order.receive("SO2023100001", at=AT, actor="purchase@huadong.example", message_id=None)
    order.customer = CustomerInfo(code="CUST001", name="华东精密机械有限公司", contact="王先生", phone="13800000001",
                                  email="purchase@huadong.example", address="上海市浦东新区张江路100号")
    order.customer_po = "HD-20231001"
    order.lines = [OrderLine(line_no=1, sku="P001", name="A产品", spec="L-500×300", unit="台",
                             quantity=Decimal("100"), unit_price=Decimal("500"))]
    order.lines += [OrderLine(line_no=n, sku=f"P{n:03d}", name=f"配件{n}号", spec=f"规格-{n}", unit="件",
                              quantity=Decimal("1"), unit_price=Decimal("0")) for n in range(2, lines + 1)]
    order.freight, order.discount = Decimal("800"), Decimal("0")
    order.payment_terms = PaymentTerms(text="预付30%", prepayment_percent=Decimal("30"))
    order.requested_delivery_date = date(2023, 10, 15)
    order.special_requirements = "需防潮包装"
    order.shipment = Shipment(carrier="顺丰速运", tracking_no="SF1234567890", packages=4,
                              window_start=date(2023, 10, 14), window_end=date(2023, 10, 15))
    for name, value in fields.items():
        setattr(order, name, value)
    order.recompute_totals()
    order.status = Status.EFFECTIVE
    return order


def text_of(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def fonts_of(pdf: bytes) -> dict[str, bool]:
    """Each font the pages use, and whether its file is embedded in the PDF."""
    fonts = {}
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            described = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = described.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            fonts[str(font["/BaseFont"])] = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
    return fonts


def is_cjk(font: str) -> bool:
    plain = re.sub(r"[\s-]", "", font.split("+")[-1])
    return any(re.sub(r"[\s-]", "", name) in plain for name in CJK_FONTS)


@pytest.fixture
def glyphs():
    """Fails the test if WeasyPrint draws any character as a missing glyph."""
    handler = MissingGlyphs()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(handler)
    yield handler
    logger.removeHandler(handler)
    assert handler.messages == []


def test_amount_in_words():
    assert amount_in_words(Decimal("50800.00")) == "伍万零捌佰元整"
    assert amount_in_words(Decimal("1234567.89")) == "壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分"
    assert amount_in_words(None) is None


@pytest.mark.parametrize("key", list(KINDS))
def test_each_document_carries_the_orders_values_in_a_cjk_font(key, renderer, glyphs):
    order = seed_order()
    rendered = renderer.render(key, order, version=2, master=FakeMaster())
    assert rendered.pdf.startswith(b"%PDF") and rendered.refused == []
    text = flat(text_of(rendered.pdf))
    kind = KINDS[key]
    for value in (kind.title, "SO2023100001", rendered.number, "华东示例工业有限公司", "华东精密机械有限公司",
                  "A产品", "L-500×300", "100"):
        assert flat(value) in text, (key, value)
    assert rendered.number == f"{kind.prefix}2023100001-02"
    if key in ("order", "requirements"):
        for value in ("50,000.00", "800.00", "50,800.00", "预付30%", "2023-10-15", "需防潮包装"):
            assert value in text, (key, value)
    if key == "order":
        assert "伍万零捌佰元整" in text and "已生效" in text
    if key == "shipping":
        for value in ("顺丰速运", "SF1234567890", "2023-10-14", "需防潮包装", "王先生", "上海市浦东新区张江路100号"):
            assert value in text, (key, value)
    fonts = fonts_of(rendered.pdf)
    assert fonts and all(is_cjk(font) and embedded for font, embedded in fonts.items()), fonts


def test_the_requirements_list_is_marked_as_awaiting_confirmation(renderer):
    order = seed_order()
    order.status = Status.CONFIRMING
    assert "待客户确认" in text_of(renderer.render("requirements", order).pdf)


def test_the_outbound_order_shows_the_stock_location(renderer):
    from orders.master import ProductRecord

    master = FakeMaster(products=[ProductRecord(sku="P001", name="A产品", location="A-01-03")])
    assert "A-01-03" in text_of(renderer.render("outbound", seed_order(), master=master).pdf)


def test_shipping_note_and_sign_off_form_carry_a_qr_code_of_the_order_number(renderer):
    for key in ("shipping", "signoff"):
        html = renderer.html(KINDS[key], seed_order(), version=1)
        assert "data:image/svg+xml" in html


def test_a_long_order_flows_onto_more_pages_with_the_table_header_repeated(renderer, glyphs):
    long_name = "超长商品名称" * 12
    order = seed_order(lines=60)
    order.lines[5].name, order.lines[6].spec = long_name, "W" * 150
    for key in ("order", "outbound"):
        pdf = renderer.render(key, order, master=FakeMaster()).pdf
        pages = [flat(p.extract_text()) for p in PdfReader(io.BytesIO(pdf)).pages]
        assert len(pages) >= 2, key
        header = "商品名称"
        assert all(header in page for page in pages[:-1]), key  # the header is on every page with lines
        assert "配件60号" in pages[-1] or "配件60号" in "".join(pages)
        assert flat(long_name) in "".join(pages)  # wrapped, not cut off
        assert re.search(r"第\s*1\s*页", text_of(pdf)), key


HOSTILE = '<img src="file:///etc/passwd"><style>body{display:none}</style><script>alert(1)</script>'


def test_html_in_an_order_is_shown_as_text_and_nothing_is_fetched(renderer, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    order = seed_order(special_requirements=HOSTILE,
                       customer=CustomerInfo(name=f'<link rel="attachment" href="file://{secret}">客户',
                                             address="<iframe src='http://evil.example/x'></iframe>"))
    order.lines[0].name = f"<img src='file://{secret}'>"
    for key in KINDS:
        rendered = renderer.render(key, order)
        text = flat(text_of(rendered.pdf))
        assert rendered.refused == []  # escaped, so never even asked for
        assert b"TOP-SECRET-CONTENT" not in rendered.pdf and "TOP-SECRET" not in text
        if key in ("order", "requirements", "shipping"):
            assert flat('<img src="file:///etc/passwd">') in text, key


def test_the_fetcher_refuses_files_and_network_even_when_asked_directly(renderer):
    from weasyprint import HTML

    from templates.documents import DataOnlyFetcher

    fetcher = DataOnlyFetcher()
    HTML(string='<img src="file:///etc/passwd"><img src="http://127.0.0.1:9/x.png">'
                '<link rel="attachment" href="file:///etc/hostname">', url_fetcher=fetcher).write_pdf()
    assert fetcher.refused == ["file:///etc/passwd", "http://127.0.0.1:9/x.png", "file:///etc/hostname"]
