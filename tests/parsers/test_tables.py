"""Item tables pasted as plain text: aligned with spaces (CJK two columns
wide), markdown and ASCII grids, tab-separated, one cell per line; bilingual
and two-row headers; units, currencies and totals rows."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from parsers import parse_order_text
from parsers.labels import header_label, summary_kind
from parsers.text import normalize

REF = date(2023, 10, 1)


def parse(text):
    return parse_order_text(text, reference_date=REF)


def rows(draft, *fields):
    fields = fields or ("sku", "name", "spec", "unit", "quantity", "unit_price", "amount")
    return [tuple(None if getattr(line, f) is None else str(getattr(line, f)) for f in fields) for line in draft.lines]


# -- space-aligned -------------------------------------------------------------------------

def test_a_space_aligned_chinese_table_lines_up_by_display_width():
    # CJK characters take two columns: 不锈钢螺栓 is as wide as ten spaces.
    text = """王经理您好，请按下表供货：

序号  品名          规格型号      单位  数量     单价(元)     金额
1     A产品         L-500×300     台       100     500.00   50,000.00
2     G轴承         6204          个       200      12.50    2,500.00
3     不锈钢螺栓    M8×30         套     1,000       0.80      800.00
                                                    合计     53,300.00

交货日期：2023-10-15
"""
    draft, problems = parse(text)
    assert problems == []
    assert rows(draft) == [
        (None, "A产品", "L-500×300", "台", "100", "500.00", "50000.00"),
        (None, "G轴承", "6204", "个", "200", "12.50", "2500.00"),
        (None, "不锈钢螺栓", "M8×30", "套", "1000", "0.80", "800.00")]
    # 合计 equals the lines: the goods total, and with no freight or discount the total payable too
    assert (draft.stated_goods_total, draft.stated_total) == (Decimal("53300.00"), Decimal("53300.00"))
    assert draft.requested_delivery_date == date(2023, 10, 15)


def test_an_english_aligned_table_with_multiword_headers_and_a_wrapped_description():
    text = """Please supply:

Item  Part No.   Description                 Qty   Unit Price    Amount
1     HX-100     Hex bolt M10x40, grade       500        0.45     225.00
                 8.8, zinc plated
2     HX-200     Lock nut M10                 500        0.12      60.00
"""
    draft, problems = parse(text)
    assert problems == []
    assert rows(draft, "sku", "name", "quantity", "unit_price", "amount") == [
        ("HX-100", "Hex bolt M10x40, grade 8.8, zinc plated", "500", "0.45", "225.00"),
        ("HX-200", "Lock nut M10", "500", "0.12", "60.00")]


def test_full_width_spaces_and_full_width_digits_align_a_table():
    text = ("品名　　　规格　　　数量　　单价\n"
            "Ａ产品　　Ｌ－５００　１００台　￥５００\n"
            "Ｂ配件　　Ｍ８　　　２０件　　１，２００元\n")
    draft, problems = parse(text)
    assert problems == []
    assert rows(draft, "name", "spec", "unit", "quantity", "unit_price") == [
        ("Ａ产品", "Ｌ－５００", "台", "100", "500"), ("Ｂ配件", "Ｍ８", "件", "20", "1200")]


def test_rows_that_do_not_line_up_are_read_cell_by_cell():
    text = "序号 品名 数量 单价\n1 水泵 20台 3150\n2 电机 5台 1200\n"
    draft, problems = parse(text)
    assert problems == []
    assert rows(draft, "name", "quantity", "unit", "unit_price") == [("水泵", "20", "台", "3150"),
                                                                      ("电机", "5", "台", "1200")]


def test_a_sentence_after_an_aligned_table_is_no_item():
    text = """品名        数量    单价
A产品        10     500
请尽快安排发货，谢谢！
Please deliver by Friday 15
"""
    draft, _ = parse(text)
    assert rows(draft, "name", "quantity") == [("A产品", "10")]


def test_a_sentence_with_table_words_is_no_table():
    draft, problems = parse("数量 单价 请再确认一下\n我们下周再联系\n")
    assert draft.lines == [] and problems == []


# -- delimited: markdown, ASCII and box grids, tabs ---------------------------------------

def test_a_markdown_table_with_empty_cells_and_units_in_the_quantity():
    text = """| 序号 | 物料编码 | 品名 | 规格 | 数量 | 单价 | 金额 |
|:---:|---|---|---|---:|---:|---:|
| 1 | P001 | A产品 | L-500×300 | 100台 | ¥500 | ¥50,000 |
| 2 | P006 | G轴承 |  | 200个 | ¥12.5 | ¥2,500 |
|  |  | 合计 |  |  |  | ¥52,500 |
"""
    draft, problems = parse(text)
    assert problems == []
    assert rows(draft) == [("P001", "A产品", "L-500×300", "台", "100", "500", "50000"),
                           ("P006", "G轴承", None, "个", "200", "12.5", "2500")]
    assert draft.stated_goods_total == Decimal(52500)


def test_an_ascii_grid_with_a_cell_wrapped_over_two_lines():
    text = """+-----+-----------+-------------------+------+------------+
| No. | Item code | Description       | Qty  | Unit price |
+-----+-----------+-------------------+------+------------+
| 1   | SK-GN-1/1 | GN pan 1/1, 65mm, | 400  | 42.00      |
|     |           | SUS304            |      |            |
+-----+-----------+-------------------+------+------------+
| 2   | SK-LID    | GN pan lid 1/1    | 400  | 15.80      |
+-----+-----------+-------------------+------+------------+
"""
    draft, problems = parse(text)
    assert problems == []
    assert rows(draft, "sku", "name", "quantity", "unit_price") == [
        ("SK-GN-1/1", "GN pan 1/1, 65mm, SUS304", "400", "42.00"), ("SK-LID", "GN pan lid 1/1", "400", "15.80")]


def test_a_box_drawing_grid():
    text = """┌────┬──────┬──────┬──────┐
│序号│品名  │数量  │单价  │
├────┼──────┼──────┼──────┤
│1   │A产品 │100   │500   │
│2   │B配件 │20    │1.25  │
└────┴──────┴──────┴──────┘
"""
    draft, problems = parse(text)
    assert problems == []
    assert rows(draft, "name", "quantity", "unit_price") == [("A产品", "100", "500"), ("B配件", "20", "1.25")]


def test_a_spreadsheet_paste_keeps_empty_cells_in_their_columns():
    text = ("物料编码\t品名\t规格型号\t单位\t数量\t单价\t金额\n"
            "P001\tA产品\tL-500×300\t台\t100\t500\t50000\n"
            "P002\tB配件\t\t\t2000\t1.25\n"
            "\tC传感器\tPT100\t只\t10\t\t300\n")
    draft, problems = parse(text)
    assert problems == []
    assert rows(draft) == [("P001", "A产品", "L-500×300", "台", "100", "500", "50000"),
                           ("P002", "B配件", None, None, "2000", "1.25", None),
                           (None, "C传感器", "PT100", "只", "10", None, "300")]


def test_tabs_typed_for_alignment_are_read_as_one_gap():
    text = "序号\t品名\t\t数量\t单价\n1\tA产品\t\t100\t500\n2\tB\t\t\t20\t30\n"
    draft, _ = parse(text)
    assert rows(draft, "name", "quantity", "unit_price") == [("A产品", "100", "500"), ("B", "20", "30")]


# -- headers -----------------------------------------------------------------------------

@pytest.mark.parametrize("cell, field, paren", [
    ("品名/Description", "name", None), ("规格型号 Spec", "spec", None), ("数量 Qty", "quantity", None),
    ("单位 Unit", "unit", None), ("单价(元) Unit Price", "unit_price", None), ("金额 Amount", "amount", None),
    ("物料编码 Item No.", "sku", None), ("序号 No.", "line", None), ("Part No.", "sku", None),
    ("货号", "sku", None), ("型号", "spec", None), ("数量(台)", "quantity", "台"), ("数量（个/PCS）", "quantity", "个"),
    ("单价（元/台）", "unit_price", "台"), ("Qty (pcs)", "quantity", "pcs"), ("Unit Price (RMB)", "unit_price", None),
    ("Total", "amount", None), ("总价", "amount", None), ("品名/规格", "name", None), ("Q'ty", "quantity", None),
    ("*数量", "quantity", None), ("物料描述", "name", None), ("Description of goods", "name", None),
])
def test_header_cells(cell, field, paren):
    label = header_label(normalize(cell))
    assert (label.field, label.paren) == (field, paren)


@pytest.mark.parametrize("cell", ["品名 Description 数量 Qty", "A产品", "100台", "请确认数量", "Total Station"])
def test_cells_that_are_no_header(cell):
    label = header_label(normalize(cell))
    assert label is None or cell == "Total Station" and label is None


def test_a_bilingual_header_row_and_columns_read_by_what_they_hold():
    text = ("序号 No.\t物料编码 Item No.\t品名/Description\t规格型号 Spec\t单位 Unit\t数量 Qty\t单价(元) Unit Price\t金额 Amount\n"
            "1\tP001\tA产品\tL-500×300\t台\t100\t500.00\t50,000.00\n")
    draft, problems = parse(text)
    assert problems == []
    assert rows(draft) == [("P001", "A产品", "L-500×300", "台", "100", "500.00", "50000.00")]


def test_a_header_over_two_rows_chinese_above_english():
    text = ("序号\t品名\t规格\t数量\t单价\n"
            "No.\tDescription\tSpec\tQty\tUnit Price\n"
            "1\t水泵\tQW-50\t20台\tRMB 3,150\n")
    draft, problems = parse(text)
    assert problems == []
    assert rows(draft, "name", "spec", "unit", "quantity", "unit_price") == [("水泵", "QW-50", "台", "20", "3150")]


def test_a_group_header_over_its_parts():
    # 数量 over 单位/数量 and 价格 over 单价/金额: the row nearer the data names the column.
    text = ("序号\t品名\t数量\t\t价格(元)\t\n"
            "\t\t单位\t数量\t单价\t金额\n"
            "1\t电缆\t米\t1,000\t3.20\t3,200.00\n")
    draft, problems = parse(text)
    assert problems == []
    assert rows(draft, "name", "unit", "quantity", "unit_price", "amount") == [("电缆", "米", "1000", "3.20", "3200.00")]


def test_an_item_column_of_codes_beside_a_description_is_the_code():
    text = "Item\tDescription\tQty\tUnit\tUnit price\tAmount\nAF-HB-1040\tHex bolt M10x40\t40,000\tpcs\t0.045\t1,800.00\n"
    draft, problems = parse(text)
    assert problems == []
    assert rows(draft, "sku", "name", "quantity", "unit") == [("AF-HB-1040", "Hex bolt M10x40", "40000", "pcs")]


def test_an_item_no_column_of_codes_is_the_code_and_one_of_numbers_the_line():
    draft, _ = parse("Item No.\tProduct\tQty\nW-1\tWidget\t5\n")
    assert rows(draft, "sku", "name") == [("W-1", "Widget")]
    draft, _ = parse("编号\t品名\t数量\n1\t螺栓\t5\n2\t螺母\t6\n")
    assert rows(draft, "sku", "name") == [(None, "螺栓"), (None, "螺母")]


def test_the_tax_inclusive_price_is_read_when_both_are_given():
    draft, _ = parse("品名\t数量\t不含税单价\t含税单价\nA产品\t10\t100\t113\n")
    assert rows(draft, "quantity", "unit_price") == [("10", "113")]


def test_units_from_a_column_the_quantity_the_header_or_the_price_header():
    draft, _ = parse("品名\t单位\t数量\t单价\nA\t箱\t5\t10\nB\t\t6台\t10\n")
    assert rows(draft, "name", "unit") == [("A", "箱"), ("B", "台")]
    draft, _ = parse("品名\t数量(套)\t单价\nA\t5\t10\n")
    assert rows(draft, "unit") == [("套",)]
    draft, _ = parse("品名\t数量\t单价(元/吨)\n钢板\t12\t4850\n")
    assert rows(draft, "unit", "unit_price") == [("吨", "4850")]


def test_prices_with_currency_marks_and_thousands_separators():
    text = "品名\t数量\t单价\t金额\nA\t1\t¥1,200.00\tRMB 1,200\nB\t2\t１，２００元\t￥２４００\nC\t3\tCNY 5\t15元\n"
    draft, problems = parse(text)
    assert problems == []
    assert rows(draft, "unit_price", "amount") == [("1200.00", "1200"), ("1200", "2400"), ("5", "15")]


def test_a_price_list_without_quantities_is_no_order_table():
    draft, _ = parse("商品名称\t规格\t起订数量\t单价\n深沟球轴承\t6205-2RS\t100个\t3.80元\n")
    assert draft.lines == []


# -- totals and rows that are not items ---------------------------------------------------

def test_a_total_row_equal_to_the_lines_is_the_goods_total_and_with_no_charges_the_total():
    draft, _ = parse("品名\t数量\t单价\t金额\nA\t10\t5\t50\nB\t2\t25\t50\n合计\t12\t\t100\n")
    assert len(draft.lines) == 2
    assert (draft.stated_goods_total, draft.stated_total) == (Decimal(100), Decimal(100))
    draft, _ = parse("品名\t数量\t单价\t金额\nA\t10\t5\t50\n合计\t\t\t50\n运费：10元\n")
    assert (draft.stated_goods_total, draft.freight, draft.stated_total) == (Decimal(50), Decimal(10), None)


def test_a_total_row_that_differs_from_the_lines_is_the_stated_total():
    draft, _ = parse("品名\t数量\t单价\nA\t10\t5\nB\t2\t25\nTotal\t\t120\n")
    assert (draft.stated_goods_total, draft.stated_total) == (None, Decimal(120))


def test_subtotal_freight_discount_tax_and_grand_total_rows():
    text = """| 品名 | 数量 | 单价 | 金额 |
|---|---|---|---|
| A产品 | 10 | 500 | 5,000 |
| 小计 | | | 5,000 |
| 运费 | | | 200 |
| 优惠 | | | -300 |
| 税额 | | | 650 |
| 总计 | | | 4,900 |
| 合计(大写) | 肆仟玖佰元整 | | |
"""
    draft, problems = parse(text)
    assert problems == []
    assert len(draft.lines) == 1
    assert (draft.stated_goods_total, draft.freight, draft.discount, draft.stated_total) == (
        Decimal(5000), Decimal(200), Decimal(300), Decimal(4900))


def test_a_total_row_with_the_figure_in_its_own_cell():
    draft, _ = parse("品名\t数量\t单价\nA\t1\t100\n合计：¥100.00\n")
    assert draft.stated_goods_total == Decimal("100.00")


def test_a_numbered_freight_row_is_an_item():
    draft, _ = parse("序号\t品名\t数量\t单价\n1\tA产品\t1\t100\n2\t运费\t1\t20\n")
    assert rows(draft, "name") == [("A产品",), ("运费",)]


@pytest.mark.parametrize("cell, kind", [("合计", "total"), ("合 计：", "total"), ("Total (CNY)", "total"),
                                        ("Grand Total", "total"), ("小计", "goods"), ("Sub total", "goods"),
                                        ("运费", "freight"), ("Discount", "discount"), ("实付金额", "payable"),
                                        ("合计人民币(大写)", "total"), ("Total qty", "ignore"), ("税额", "ignore")])
def test_summary_rows(cell, kind):
    assert summary_kind(cell)[0] == kind


def test_titles_notes_spacers_and_category_rows_are_not_items():
    text = ("采购明细\n"
            "序号\t品名\t数量\t单价\n"
            "一、电气类\n"
            "1\t断路器\t10\t85\n"
            "\t\t\t\n"
            "二、五金类\n"
            "2\t螺栓\t100\t0.5\n"
            "备注：以上价格含税\n")
    draft, problems = parse(text)
    assert problems == []
    assert rows(draft, "name", "quantity") == [("断路器", "10"), ("螺栓", "100")]
    assert draft.special_requirements == "以上价格含税"


def test_a_remarks_column_becomes_special_requirements():
    draft, _ = parse("品名\t数量\t备注\nA产品\t1\t需防潮包装\nB产品\t2\t\n")
    assert draft.special_requirements == "A产品：需防潮包装"
    draft, _ = parse("品名\t数量\t备注\nA产品\t1\t需防潮包装\n")
    assert draft.special_requirements == "需防潮包装"


def test_a_header_repeated_on_a_new_page_is_skipped():
    text = "序号\t品名\t数量\n1\tA\t5\n序号\t品名\t数量\n2\tB\t6\n"
    draft, _ = parse(text)
    assert rows(draft, "name", "quantity") == [("A", "5"), ("B", "6")]


def test_a_table_ends_at_a_blank_line_and_label_cells_below_are_pairs():
    text = "品名\t数量\nA\t5\n\n客户名称\t上海某公司\n付款方式\t月结30天\n"
    draft, _ = parse(text)
    assert rows(draft, "name", "quantity") == [("A", "5")]
    assert draft.customer.name == "上海某公司" and draft.payment_terms.credit_days == 30


# -- header blocks -----------------------------------------------------------------------

def test_a_row_of_labels_above_a_row_of_values():
    text = "订单号\t下单日期\t交货日期\nPO-2023-1015\t2023-10-08\t2023-10-20\n\n品名\t数量\nA\t1\n"
    draft, _ = parse(text)
    assert draft.customer_po == "PO-2023-1015"
    assert (draft.order_date, draft.requested_delivery_date) == (date(2023, 10, 8), date(2023, 10, 20))
    assert rows(draft, "name") == [("A",)]


def test_bilingual_label_cells_beside_their_values():
    text = "客户名称 Customer：\t华东机械有限公司\t订单号/PO No.\tPO-88\n品名\t数量\nA\t1\n"
    draft, _ = parse(text)
    assert (draft.customer.name, draft.customer_po) == ("华东机械有限公司", "PO-88")


# -- one cell per line (Outlook's plain-text part) ----------------------------------------

def test_a_table_written_one_cell_per_line():
    text = """您好！请按以下明细安排发货。

序号

品名

规格型号

数量

单价(元)

1

A产品

L-500×300

100台

500.00

2

G轴承

6204

200个

12.50

合计

52,500.00

交货日期：2023年10月15日
"""
    draft, problems = parse(text)
    assert problems == []
    assert rows(draft, "name", "spec", "unit", "quantity", "unit_price") == [
        ("A产品", "L-500×300", "台", "100", "500.00"), ("G轴承", "6204", "个", "200", "12.50")]
    assert draft.stated_goods_total == Decimal("52500.00")
    assert draft.requested_delivery_date == date(2023, 10, 15)


def test_label_lines_without_rows_are_no_table():
    draft, problems = parse("品名\n数量\n单价\n请报价\n")
    assert draft.lines == [] and problems == []


# -- what was read before tables still reads --------------------------------------------

def test_label_value_pairs_around_a_table():
    text = "客户名称：华东机械\n商品编码 | 商品名称 | 数量 | 单价\n---|---|---|---\nP1 | 甲 | 10台 | 5\n运费：800元\n"
    draft, problems = parse(text)
    assert problems == []
    assert draft.customer.name == "华东机械" and draft.freight == Decimal(800)
    assert rows(draft, "sku", "name", "quantity", "unit") == [("P1", "甲", "10", "台")]


def test_a_category_row_in_a_spreadsheet_paste_is_not_part_of_an_item():
    text = "序号\t品名\t数量\t单价\n\t电气类\t\t\n1\t断路器\t10\t85\n\t五金类\t\t\n2\t螺栓\t100\t0.5\n"
    draft, _ = parse(text)
    assert rows(draft, "name", "quantity") == [("断路器", "10"), ("螺栓", "100")]


def test_a_numbered_row_without_figures_is_an_item_whose_figures_are_asked_for():
    draft, problems = parse("序号\t品名\t数量\t单价\n1\tA产品\t10\t5\n2\tB产品\t\t\n")
    assert rows(draft, "name", "quantity") == [("A产品", "10"), ("B产品", None)]


def test_a_total_line_below_a_table_equal_to_its_lines_is_the_goods_total():
    text = "品名\t数量\t单价\nA\t10\t5\nB\t2\t25\n\n合计：100元\n运费：20元\n"
    draft, _ = parse(text)
    assert (draft.stated_goods_total, draft.freight, draft.stated_total) == (Decimal(100), Decimal(20), None)
    draft, _ = parse("品名\t数量\t单价\nA\t10\t5\n\n合计：70元\n运费：20元\n")
    assert (draft.stated_goods_total, draft.stated_total) == (None, Decimal(70))
    draft, _ = parse("品名\t数量\t单价\nA\t10\t5\n\n实付金额：50元\n")
    assert (draft.stated_goods_total, draft.stated_total) == (None, Decimal(50))


def test_one_cell_per_paragraph_with_an_empty_cell():
    # Blank lines set the cells apart; an extra blank line is an empty cell.
    text = "序号\n\n品名\n\n规格\n\n数量\n\n1\n\nA产品\n\n\n\n10\n\n2\n\nB产品\n\nM8\n\n20\n\n交货日期：2023-10-15"
    draft, problems = parse(text)
    assert problems == []
    assert rows(draft, "name", "spec", "quantity") == [("A产品", None, "10"), ("B产品", "M8", "20")]


def test_a_table_written_sideways_has_one_item_per_column():
    text = "客户名称\t华东机械\n品名\tA产品\tB配件\n规格\tL-500\t\n数量\t100台\t2000个\n单价\t500\t1.25\n交货日期：2023-10-15\n"
    draft, problems = parse(text)
    assert problems == []
    assert rows(draft, "name", "spec", "unit", "quantity", "unit_price") == [
        ("A产品", "L-500", "台", "100", "500"), ("B配件", None, "个", "2000", "1.25")]
    assert draft.customer.name == "华东机械" and draft.requested_delivery_date == date(2023, 10, 15)


def test_a_label_with_a_value_and_its_unit_is_no_sideways_table():
    draft, problems = parse("品名\tA产品\n数量\t100\t台\n单价\t500\t元\n")
    assert problems == []
    assert rows(draft, "name", "quantity", "unit_price") == [("A产品", "100", "500")]


def test_a_purchase_order_header_block_names_the_buyer_not_the_supplier():
    text = ("供应商：江苏远航传动设备有限公司\t供应商编码：V-0381\n"
            "采购方：沈阳盛京重型机械有限公司\t联系人：韩冰\n"
            "日期\t2023-10-08\t交货地点\t沈阳市铁西区北一西路52号\n"
            "品名\t数量\n齿轮轴\t30\n")
    draft, _ = parse(text)
    assert draft.customer.name == "沈阳盛京重型机械有限公司" and draft.customer.contact == "韩冰"
    assert draft.order_date == date(2023, 10, 8) and draft.customer.address == "沈阳市铁西区北一西路52号"


def test_count_items_tells_two_readings_of_a_mail_apart():
    from parsers.order_text import count_items, read_pairs
    assert count_items(read_pairs("品名\t数量\nA\t1\nB\t2\n")) == 2
    assert count_items(read_pairs("商品名称：A\n数量：1\n")) == 1
    assert count_items(read_pairs("您好")) == 0


def test_bilingual_total_rows():
    text = ("Item No. 货号\t品名\t数量\t单价\t金额\nYZ-1\t链条 Chain\t10\t20\t200\n"
            "Subtotal 小计\t\t\t\t200\n运费 Freight\t\t\t\t10\n折扣\t\t\t\t5\n合计 Total\t\t\t\t205\n")
    draft, problems = parse(text)
    assert problems == []
    assert rows(draft, "sku", "name") == [("YZ-1", "链条 Chain")]
    assert (draft.stated_goods_total, draft.freight, draft.discount, draft.stated_total) == (
        Decimal(200), Decimal(10), Decimal(5), Decimal(205))


def test_labels_over_their_values_as_outlook_writes_a_label_table_in_plain_text():
    text = ("客户名称\n广州穗丰包装材料有限公司\n客户编码\nGZ-0087\n联系电话\n020-3456 7788\n"
            "要求交付日期\n2024-04-25\n\n商品名称\n数量\n单价\n五层瓦楞纸箱\n3000\n4.80\n")
    draft, problems = parse(text)
    assert problems == []
    assert (draft.customer.name, draft.customer.code, draft.customer.phone) == (
        "广州穗丰包装材料有限公司", "GZ-0087", "020-3456 7788")
    assert draft.requested_delivery_date == date(2024, 4, 25)
    assert rows(draft, "name", "quantity", "unit_price") == [("五层瓦楞纸箱", "3000", "4.80")]


@pytest.mark.parametrize("line, po", [("钢材采购订单 XG-0415", "XG-0415"), ("PO DG-0415 注塑件订单", "DG-0415"),
                                      ("Order / 订单 YZ-2404-88", "YZ-2404-88"),
                                      ("Purchase Order 4500018832", "4500018832"),
                                      ("订单 2023-10-15 发货", None), ("Order 1000 pcs", None), ("十月订单", None)])
def test_an_order_number_named_without_a_label(line, po):
    draft, _ = parse(line + "\n品名\t数量\nA\t1\n")
    assert draft.customer_po == po


def test_a_labelled_order_number_wins_over_one_named_in_passing():
    draft, _ = parse("采购订单 XG-0415\n订单号：PO-7788\n")
    assert draft.customer_po == "PO-7788"
