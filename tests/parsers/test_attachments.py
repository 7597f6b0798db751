"""Order files → text: CSV, spreadsheets, HTML saved as .xls and text PDFs.

The fixtures are built from code (tests/parsers/fixtures_attachments/build.py):
the same purchase order as CSV, as a workbook and as an ERP-style PDF.
"""
from __future__ import annotations

import io
import re
import time
import zipfile
from datetime import date, datetime
from datetime import time as clock

import pytest

from parsers.attachments import grid, pdf, sheets
from parsers.attachments import attachment_texts, file_text, grid_text
from parsers.message import MailMessage, OrderFile
from parsers.order_text import build_draft, read_pairs
from parsers.result import Envelope
from tests.parsers.fixtures_attachments import build

ITEM_ROWS = ["1\tP001\tA产品\tL-500×300\t台\t100\t500.00\t50,000.00",
             "2\tP002\tB配件\tM8×40\t个\t2000\t1.25\t2,500.00"]


def text_of(kind: str, data: bytes) -> str:
    return file_text(OrderFile(f"order.{kind}", "application/octet-stream", data, kind))


def draft_of(text: str):
    draft, problems = build_draft(read_pairs(text))
    return draft, problems


# --- CSV -------------------------------------------------------------------------------

@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8", "gbk", "gb18030", "utf-16"])
@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_csv_in_every_encoding_and_delimiter_reads_the_same(encoding, delimiter):
    assert text_of("csv", build.order_csv(encoding=encoding, delimiter=delimiter)).split("\n") == [
        "客户名称\t华东机械有限公司", "PO No.\t4410", "交货日期\t2023-10-15",
        "序号\t商品编码\t商品名称\t规格型号\t单位\t数量\t单价\t金额", *ITEM_ROWS, "运费\t800", ""]


def test_csv_with_excels_separator_line_uses_that_separator():
    data = "sep=;\r\n品名;数量;单价\r\nA产品, 加长款;5;1,25\r\n".encode("gbk")
    assert text_of("csv", data) == "品名\t数量\t单价\nA产品, 加长款\t5\t1,25\n"


def test_csv_becomes_an_order_draft():
    draft, problems = draft_of(text_of("csv", build.order_csv(encoding="gbk")))
    assert problems == []
    assert (draft.customer.name, draft.customer_po, str(draft.freight)) == ("华东机械有限公司", "4410", "800")
    assert draft.requested_delivery_date == date(2023, 10, 15)
    assert [(line.sku, line.name, line.unit, str(line.quantity), str(line.unit_price)) for line in draft.lines] == [
        ("P001", "A产品", "台", "100", "500.00"), ("P002", "B配件", "个", "2000", "1.25")]


def test_csv_quoted_cells_keep_their_commas_and_lose_their_line_breaks():
    data = '品名,数量,单价\r\n"A产品, 加长款",5,"1,250.00"\r\n"B配件\r\n(备用)",2,3\r\n'.encode("gbk")
    assert text_of("csv", data) == "品名\t数量\t单价\nA产品, 加长款\t5\t1,250.00\nB配件 (备用)\t2\t3\n"


def test_bars_and_tabs_inside_a_cell_do_not_split_it():
    data = '品名,规格,数量\r\n"A|B型","L\t500",5\r\n'.encode()
    assert text_of("csv", data) == "品名\t规格\t数量\nA/B型\tL 500\t5\n"


# --- the table layout (grid_text) -------------------------------------------------------

def test_rows_are_written_as_they_stand_with_empty_cells_kept_in_place():
    text = grid_text([["序号", "品名", "规格", "数量", "备注"],
                      ["1", "A产品", "", "5", ""],
                      ["2", "B配件", "M8", "6", "急件"],
                      ["合计", "", "", "11", ""]])
    assert text.split("\n") == ["序号\t品名\t规格\t数量\t备注", "1\tA产品\t\t5", "2\tB配件\tM8\t6\t急件",
                                "合计\t\t\t11", ""]


def test_columns_and_rows_empty_throughout_are_dropped():
    text = grid_text([["", "品名", "", "数量", ""], ["", "", "", "", ""], ["", "A产品", "", "5", ""], []])
    assert text == "品名\t数量\nA产品\t5\n"


def test_bilingual_and_starred_header_cells_are_written_as_their_chinese_label():
    text = grid_text([["序号\nNo.", "Item code 物料编码", "品名 Description", "*数量 Qty", "单价(元) Unit price", "税率"],
                      ["1", "P001", "A产品 Model X", "5", "500", "13%"]])
    assert text.split("\n")[:2] == ["序号\t物料编码\t品名\t数量\t单价(元)\t税率", "1\tP001\tA产品 Model X\t5\t500\t13%"]
    draft, _ = draft_of(text)
    line = draft.lines[0]
    # without a spec column, "Model X" in the name is the spec
    assert (line.sku, line.name, line.spec, str(line.unit_price)) == ("P001", "A产品", "X", "500")


def test_bilingual_labels_in_the_header_block_are_written_as_their_chinese_label():
    text = grid_text([["采购单号 PO No.", "PO-1"], ["下单日期 Order date", "2023-09-28"], ["产品型号 Model", "X"]])
    assert text == "采购单号\tPO-1\n下单日期\t2023-09-28\n产品型号 Model\tX\n"


@pytest.mark.parametrize("row", [["品名", "A产品", "规格", "L-500"], ["品名", "数量", "100"], ["品名"], ["品名", "图纸", "附件"],
                                 ["采购单号", "客户名称"]])
def test_what_is_no_item_table_header(row):
    assert grid.header_columns(row) is None


@pytest.mark.parametrize("row", [["品名", "数量"], ["序号", "品名 Description", "图号", "材质", "数量", "税率"],
                                 ["Item code", "Qty", "Unit price"]])
def test_what_is_an_item_table_header(row):
    assert grid.header_columns(row) is not None


def test_a_form_of_label_and_value_cells_reads_as_pairs():
    text = grid_text([["品名", "A产品", "规格", "L-500"], ["数量", "100", "单价", "500"]])
    assert text == "品名\tA产品\t规格\tL-500\n数量\t100\t单价\t500\n"
    draft, _ = draft_of(text)
    assert (draft.lines[0].name, draft.lines[0].spec, str(draft.lines[0].quantity)) == ("A产品", "L-500", "100")


# --- spreadsheets ----------------------------------------------------------------------

def test_a_workbook_reads_as_header_block_and_item_table():
    assert text_of("xlsx", build.order_xlsx()).split("\n") == [
        "采购订单 Purchase Order",
        "客户名称\t华东机械有限公司\t\t\t\t采购单号\tPO-2023-4410",
        "联系人：\t王建国\t\t\t\t下单日期\t2023-09-28",
        "联系电话\t13800138000\t\t\t\t交货日期\t2023-10-15",
        "收货地址\t上海市浦东新区张江路100号",
        "序号\t物料编码\t品名\t规格型号\t单位\t数量\t单价(元)\t金额(元)\t税率",
        "1\tP001\tA产品\tL-500×300\t台\t100\t500\t50000\t0.13",
        "2\tP002\tB配件\tM8×40\t个\t2000\t1.25\t2500\t0.13",
        "3\tP003\tC型温度传感器（带防水接头及两米屏蔽线缆）\t\t只\t3150\t0.3\t945\t0.13",
        "合计\t\t\t\t\t5250\t\t53445",
        "运费\t800", "付款方式\t预付30%，余款月结30天", "备注\t需防潮包装", ""]


def test_under_a_merged_header_cell_the_cells_of_a_row_are_one():
    from openpyxl import Workbook
    book = Workbook()
    sheet = book.active
    sheet.append([None, "品名", None, "数量"])
    sheet.merge_cells("B1:C1")
    sheet.append([None, "A产品", "加长款", 5])
    sheet.append([None, None, "B配件", 6])
    buffer = io.BytesIO()
    book.save(buffer)
    assert text_of("xlsx", buffer.getvalue()) == "品名\t数量\nA产品 加长款\t5\nB配件\t6\n"


def test_a_workbook_becomes_the_whole_order():
    draft, problems = draft_of(text_of("xlsx", build.order_xlsx()))
    assert problems == []
    assert (draft.customer.name, draft.customer.contact, draft.customer.phone) == ("华东机械有限公司", "王建国", "13800138000")
    assert (draft.customer_po, draft.order_date, draft.requested_delivery_date) == (
        "PO-2023-4410", date(2023, 9, 28), date(2023, 10, 15))
    assert [(line.sku, line.spec, line.unit, str(line.quantity), str(line.unit_price), str(line.amount))
            for line in draft.lines] == [("P001", "L-500×300", "台", "100", "500", "50000"),
                                         ("P002", "M8×40", "个", "2000", "1.25", "2500"),
                                         ("P003", None, "只", "3150", "0.3", "945")]
    assert str(draft.freight) == "800" and "53445" in (str(draft.stated_total), str(draft.stated_goods_total))
    assert draft.payment_terms.prepayment_percent == 30 and draft.special_requirements == "需防潮包装"


def test_the_order_is_read_from_the_first_sheet_with_an_item_table():
    from openpyxl import Workbook
    book = Workbook()
    book.active.append(["说明：请按下表供货"])
    hidden = book.create_sheet("old")
    hidden.append(["品名", "数量"])
    hidden.append(["旧产品", 1])
    hidden.sheet_state = "hidden"
    book.create_sheet("明细").append(["品名", "数量"])
    book["明细"].append(["A产品", 5])
    buffer = io.BytesIO()
    book.save(buffer)
    assert text_of("xlsx", buffer.getvalue()) == "品名\t数量\nA产品\t5\n"


@pytest.mark.parametrize("value, text", [
    (3150.0, "3150"), (0.1 + 0.2, "0.3"), (12.5, "12.5"), (1e-7, "0.0000001"), (1e20, "100000000000000000000"),
    (13800138000.0, "13800138000"), (float("nan"), ""), (7, "7"), (True, "TRUE"), (None, ""),
    (date(2023, 10, 15), "2023-10-15"), (datetime(2023, 10, 15), "2023-10-15"),
    (datetime(2023, 10, 15, 9, 30), "2023-10-15 09:30"), (clock(9, 30), "09:30:00"),
])
def test_cell_values_read_as_excel_shows_them(value, text):
    assert sheets._cell_text(value) == text


def test_a_legacy_xls_is_read():
    data = build.xls({(0, 0): "客户名称", (0, 1): "华东机械", (2, 0): "品名", (2, 1): "数量", (2, 2): "单价",
                      (3, 0): "A产品", (3, 1): 100, (3, 2): 0.1 + 0.2, (4, 0): "B配件", (4, 1): 5})
    assert text_of("xls", data) == "客户名称\t华东机械\n品名\t数量\t单价\nA产品\t100\t0.3\nB配件\t5\n"


def _xlsx_with_cells(*refs: str) -> bytes:
    from openpyxl import Workbook
    book = Workbook()
    for ref in refs:
        book.active[ref] = "品名"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("refs", [("A1", "XFD100000"), ("A1", "XFD2000"), ("A1", "Z100000")])
def test_a_sheet_far_larger_than_an_order_form_is_refused_before_it_is_opened(refs):
    # python-calamine would build the whole grid: 50 GB for A1:XFD100000, which aborts the process.
    data = _xlsx_with_cells(*refs)
    with pytest.raises(ValueError):
        sheets._check_xlsx(data)
    assert text_of("xlsx", data) == ""


def test_a_sheet_of_cells_without_references_is_measured_by_its_rows():
    data = build.fixed_zip(_xlsx_with_cells("A1", "B2"))
    source = zipfile.ZipFile(io.BytesIO(data))
    target = io.BytesIO()
    with zipfile.ZipFile(target, "w") as archive:
        for info in source.infolist():
            content = source.read(info)
            if info.filename.startswith("xl/worksheets/"):
                content = re.sub(rb' r="[A-Z]+\d+"', b"", content).replace(b'<row r="2"', b'<row r="900000"')
                content = content.replace(b"<c ", b"<c s=\"0\" ", 1).replace(b"</row>", b"<c/>" * 2 + b"</row>", 1)
            archive.writestr(info, content)
    with pytest.raises(ValueError):
        sheets._check_xlsx(target.getvalue())


def test_an_xls_sheet_far_larger_than_an_order_form_is_refused_before_it_is_opened():
    data = build.xls({(0, 0): "品名", (65535, 255): "x"})  # calamine would take 1 GB for it
    with pytest.raises(ValueError):
        sheets._check_xls(data)
    start = time.perf_counter()
    assert text_of("xls", data) == ""
    assert time.perf_counter() - start < 1


def test_a_workbook_that_unzips_too_big_is_not_opened(monkeypatch):
    monkeypatch.setattr(sheets, "MAX_UNZIPPED", 1000)
    assert text_of("xlsx", build.order_xlsx()) == ""


def test_an_html_table_saved_as_xls_is_read():
    html = ('<html><head><meta charset="gbk"></head><body><table>'
            '<tr><td>客户名称</td><td>华东机械</td></tr>'
            '<tr><th>品名</th><th>数量</th><th>单价</th></tr>'
            '<tr><td>A产品</td><td>5</td><td>500</td></tr></table></body></html>').encode("gbk")
    assert text_of("html", html) == "客户名称\t华东机械\n品名\t数量\t单价\nA产品\t5\t500\n"


# --- PDF -------------------------------------------------------------------------------

PDF_TABLE = ["序号\t物料编码\t品名\t规格型号\t单位\t数量\t单价\t金额\t税率",
             *(row + "\t13%" for row in ITEM_ROWS),
             "3\tP003\tC型温度传感器（带防水接头及两米屏蔽线缆）\t\t只\t3150\t0.30\t945.00\t13%",
             "合计\t53,445.00"]


@pytest.mark.parametrize("ruled", [True, False], ids=["ruled-grid", "no-rules"])
@pytest.mark.parametrize("bilingual", [True, False], ids=["bilingual-header", "chinese-header"])
def test_an_erp_purchase_order_pdf_reads_as_header_block_and_table(ruled, bilingual):
    lines = text_of("pdf", build.purchase_order_pdf(ruled=ruled, bilingual=bilingual)).split("\n")
    assert lines[:4] == ["采购订单 Purchase Order", "采购单号：PO-2023-4410\t下单日期：2023-09-28",
                         "采购单位：华东机械有限公司\t联系人：王建国",
                         "联系电话：13800138000\t收货地址：上海市浦东新区张江路100号"]
    # The wrapped name is joined again, the English header line dropped, the empty spec kept in place.
    assert lines[4:4 + len(PDF_TABLE)] == PDF_TABLE
    assert lines[4 + len(PDF_TABLE):] == ["运费：800.00", "交货日期：2023-10-15", "付款方式：预付30%，余款月结30天",
                                          "备注：需防潮包装", "制单：李娜\t审核：张伟", "\t" * 8 + "第 1 页", ""]


def test_a_slanted_watermark_across_the_page_is_left_out():
    assert text_of("pdf", build.purchase_order_pdf(watermark=True)) == text_of("pdf", build.purchase_order_pdf())


def test_a_pdf_becomes_the_whole_order():
    draft, problems = draft_of(text_of("pdf", build.purchase_order_pdf()))
    assert problems == []
    assert (draft.customer.name, draft.customer.contact, draft.customer_po) == ("华东机械有限公司", "王建国", "PO-2023-4410")
    assert [(line.sku, line.name, line.spec, str(line.quantity), str(line.unit_price)) for line in draft.lines] == [
        ("P001", "A产品", "L-500×300", "100", "500.00"), ("P002", "B配件", "M8×40", "2000", "1.25"),
        ("P003", "C型温度传感器（带防水接头及两米屏蔽线缆）", None, "3150", "0.30")]
    assert (str(draft.freight), draft.requested_delivery_date) == ("800.00", date(2023, 10, 15))


@pytest.mark.parametrize("ruled, header_on_every_page", [(True, False), (False, True), (False, False)],
                         ids=["ruled-grid-header-once", "no-rules-header-repeated", "no-rules-header-once"])
def test_a_table_over_several_pages_keeps_every_line(ruled, header_on_every_page):
    data = build.purchase_order_pdf(repeat=30, ruled=ruled, header_on_every_page=header_on_every_page)
    draft, problems = draft_of(text_of("pdf", data))
    assert problems == []
    assert [line.sku for line in draft.lines] == ["P001", "P002", "P003"] * 30
    assert [line.name for line in draft.lines] == [item[2] for item in build.ITEMS] * 30  # a name cut by a page too
    assert sum(line.quantity for line in draft.lines) == (100 + 2000 + 3150) * 30
    assert all(line.unit and line.unit_price is not None for line in draft.lines)


def test_pages_beyond_the_cap_are_not_read(monkeypatch):
    monkeypatch.setattr(pdf, "MAX_PAGES", 1)
    draft, _ = draft_of(text_of("pdf", build.purchase_order_pdf(repeat=30, ruled=False, header_on_every_page=True)))
    assert 0 < len(draft.lines) < 90


def test_a_scanned_pdf_yields_nothing():
    assert text_of("pdf", build.scanned_pdf()) == ""


@pytest.mark.parametrize("kind", ["pdf", "xlsx", "xls", "ods", "unknown"])
@pytest.mark.parametrize("data", [b"", b"\x00" * 100, b"%PDF-1.7\n1 0 obj<<>>", b"PK\x03\x04broken",
                                  b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\xff" * 600])
def test_a_broken_file_gives_no_text(kind, data):
    assert file_text(OrderFile("x", "application/octet-stream", data, kind)) == ""


@pytest.mark.parametrize("kind", ["csv", "html"])
def test_any_bytes_read_as_text_give_text_and_no_exception(kind):
    for data in (b"", b"\x00" * 100, bytes(range(256)) * 4, b"\xff\xfe" + b"\x00\xd8" * 50, b'"' * 1000):
        assert isinstance(file_text(OrderFile("x", "text/csv", data, kind)), str)


def test_a_truncated_pdf_or_workbook_gives_at_most_text():
    pdf, book = build.purchase_order_pdf(), build.order_xlsx()
    for data, kind in ((pdf[: len(pdf) // 2], "pdf"), (book[: len(book) // 2], "xlsx"), (pdf[::-1], "pdf")):
        assert isinstance(text_of(kind, data), str)


def test_attachment_texts_reads_each_order_file_of_a_message():
    mail = MailMessage(envelope=Envelope(), headers={}, order_files=[
        OrderFile("a.csv", "text/csv", build.order_csv(), "csv"),
        OrderFile("b.pdf", "application/pdf", b"not a pdf", "pdf"),
        OrderFile("c.xlsx", "application/octet-stream", build.order_xlsx(), "xlsx")])
    texts = attachment_texts(mail)
    assert len(texts) == 2 and texts[0].startswith("客户名称") and texts[1].startswith("采购订单")


def test_no_order_files_no_texts():
    assert attachment_texts(MailMessage(envelope=Envelope(), headers={})) == []


def test_the_pdf_reader_is_one_at_a_time_across_threads():
    from concurrent.futures import ThreadPoolExecutor
    data = build.purchase_order_pdf()
    expected = text_of("pdf", data)
    with ThreadPoolExecutor(4) as pool:
        assert set(pool.map(lambda _: text_of("pdf", data), range(8))) == {expected}


def test_a_zip_that_is_no_workbook_gives_no_text():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "品名,数量")
    assert text_of("xlsx", buffer.getvalue()) == ""


def test_a_long_csv_is_cut_between_characters_not_inside_one():
    for encoding in ("utf-8", "gbk"):
        data = ("品名,数量\r\n" + "A产品,5\r\n" * 60_000).encode(encoding)
        lines = text_of("csv", data).split("\n")
        assert lines[:2] == ["品名\t数量", "A产品\t5"] and "\ufffd" not in "".join(lines)


def test_a_pdf_that_inflates_beyond_the_cap_is_refused_before_pdfium_reads_it(monkeypatch):
    monkeypatch.setattr(pdf, "MAX_INFLATED", 4 << 20)
    bomb = build.deflate_bomb_pdf(16 << 20)  # 16 KB that inflate to 16 MB
    with pytest.raises(ValueError):
        pdf._check_pdf(bomb)
    assert text_of("pdf", bomb) == ""
    pdf._check_pdf(build.deflate_bomb_pdf(1 << 20))  # within the cap: read


@pytest.mark.parametrize("data", [build.deflate_bomb_pdf(1 << 20, twice=True),
                                  build.minimal_pdf(b"BT ET", b"/Filter 9 0 R")], ids=["deflated-twice", "filter-by-reference"])
def test_a_pdf_whose_streams_cannot_be_measured_is_refused(data):
    with pytest.raises(ValueError):
        pdf._check_pdf(data)


def test_an_ordinary_pdf_passes_the_inflation_check_even_when_checked(monkeypatch):
    data = build.purchase_order_pdf()
    monkeypatch.setattr(pdf, "MAX_INFLATED", len(data) * 100)  # too small to skip the check
    pdf._check_pdf(data)
    assert text_of("pdf", data).startswith("采购订单")
