"""Orders sent as attachments, end to end: an email with a spreadsheet, a CSV or
an ERP's PDF (its name in Chinese, encoded as real clients encode it) parses to
an order with the lines and fields of the file, on the `orderloop parse` contract."""
from __future__ import annotations

import pytest

from parsers import parse_email
from tests.parsers.fixtures_attachments import build

BODY = "您好，\r\n\r\n本月订单见附件，请安排发货。\r\n\r\n王建国\r\n华东机械有限公司 采购部"


def parse(name: str, content_type: str, data: bytes, style: str, *, subject: str = "采购订单 PO-2023-4410"):
    return parse_email(build.mime_email([(name, content_type, data, style)], subject=subject, body=BODY))


def lines_of(result) -> list[tuple]:
    return [(line["sku"], line["name"], line["spec"], line["unit"], line["quantity"], line["unit_price"])
            for line in result.contract()["draft"]["lines"]]


def test_an_xlsx_order_named_in_rfc_2231():
    result = parse("采购订单明细（华东机械）.xlsx", "application/octet-stream", build.order_xlsx(), "rfc2231")
    assert result.kind == "order"
    draft = result.contract()["draft"]
    assert lines_of(result) == [("P001", "A产品", "L-500×300", "台", "100", "500"),
                                ("P002", "B配件", "M8×40", "个", "2000", "1.25"),
                                ("P003", "C型温度传感器（带防水接头及两米屏蔽线缆）", None, "只", "3150", "0.3")]
    assert draft["customer"]["name"] == "华东机械有限公司" and draft["customer"]["phone"] == "13800138000"
    assert draft["customer"]["address"] == "上海市浦东新区张江路100号"
    assert (draft["customer_po"], draft["order_date"], draft["requested_delivery_date"]) == (
        "PO-2023-4410", "2023-09-28", "2023-10-15")
    assert draft["freight"] == "800" and draft["payment_terms"]["prepayment_percent"] == "30"
    assert draft["special_requirements"] == "需防潮包装"
    assert [a["filename"] for a in draft["attachments"]] == ["采购订单明细（华东机械）.xlsx"]
    assert not [p for p in result.problems if p.field.startswith("lines")]


@pytest.mark.parametrize("style", ["rfc2047-quoted-gbk", "rfc2047-quoted-utf8-split", "rfc2231-sections"])
def test_an_erp_pdf_order_named_in_rfc_2047_inside_quotes(style):
    result = parse("采购订单PO-2023-4410.pdf", "application/pdf", build.purchase_order_pdf(), style)
    assert result.kind == "order"
    draft = result.contract()["draft"]
    assert lines_of(result) == [("P001", "A产品", "L-500×300", "台", "100", "500.00"),
                                ("P002", "B配件", "M8×40", "个", "2000", "1.25"),
                                ("P003", "C型温度传感器（带防水接头及两米屏蔽线缆）", None, "只", "3150", "0.30")]
    assert (draft["customer"]["name"], draft["customer"]["contact"]) == ("华东机械有限公司", "王建国")
    assert (draft["customer_po"], draft["requested_delivery_date"], draft["freight"]) == (
        "PO-2023-4410", "2023-10-15", "800.00")
    assert draft["payment_terms"]["credit_days"] == 30
    assert [a["filename"] for a in draft["attachments"]] == ["采购订单PO-2023-4410.pdf"]


def test_a_gbk_csv_order_with_a_raw_gbk_name_sent_as_excel():
    result = parse("订单.csv", "application/vnd.ms-excel", build.order_csv(encoding="gbk"), "raw-gbk")
    assert result.kind == "order"
    draft = result.contract()["draft"]
    assert lines_of(result) == [("P001", "A产品", "L-500×300", "台", "100", "500.00"),
                                ("P002", "B配件", "M8×40", "个", "2000", "1.25")]
    assert (draft["customer"]["name"], draft["customer_po"], draft["freight"]) == ("华东机械有限公司", "4410", "800")
    assert draft["attachments"][0]["filename"] == "订单.csv"


def test_an_attached_order_is_an_order_without_an_order_word_in_the_subject():
    result = parse("明细.xlsx", "application/octet-stream", build.order_xlsx(), "rfc2231", subject="请查收")
    assert result.kind == "order" and len(result.draft.lines) == 3


def test_a_scanned_order_gives_no_lines_and_no_exception():
    result = parse("扫描件.pdf", "application/pdf", build.scanned_pdf(), "rfc2231", subject="请查收")
    assert result.kind == "other" and not result.problems


def test_a_broken_attachment_costs_nothing_but_itself():
    body_order = "商品名称：A产品\r\n数量：5台\r\n单价：500"
    for data in (build.order_xlsx()[:300], build.purchase_order_pdf()[:2000], b"PK\x03\x04" + b"\xff" * 64):
        raw = build.mime_email([("订单.xlsx", "application/octet-stream", data, "rfc2231")], body=body_order)
        result = parse_email(raw)
        assert result.kind == "order" and [line.name for line in result.draft.lines] == ["A产品"]
        assert not [p for p in result.problems if p.field == "message"]
