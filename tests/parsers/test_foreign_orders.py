"""Orders as buyers abroad and their ERP systems write them: continental
number formats, yen, bilingual labels, German and Japanese labels, and
packing requests written as a sentence beside an item table."""
from decimal import Decimal

import pytest

from parsers import parse_email
from parsers.amounts import amount_unit, parse_amount, parse_credit_days, parse_quantity
from parsers.po_mention import po_mention
from parsers.labels import find_labels


@pytest.mark.parametrize("text, value", [
    ("48,90 EUR", "48.90"), ("12.225,00 EUR", "12225.00"), ("0,85 EUR", "0.85"),
    ("5,200円", "5200"), ("2,080,000円", "2080000"), ("500.00 CNY / 1 台", "500.00"),
    ("1,200.00", "1200.00"), ("1,000", "1000"), ("USD 3.5", "3.5"),
])
def test_amounts_in_the_writers_format(text, value):
    assert parse_amount(text) == Decimal(value)


def test_dots_group_thousands_only_for_counted_goods():
    assert parse_quantity("1.000 Stück") == (Decimal(1000), "Stück")
    assert parse_quantity("1.250 t") == (Decimal("1.250"), "t")  # a weight may have decimals


@pytest.mark.parametrize("line, field", [
    ("Payment Terms / 付款条件: Net 30 days", "payment_terms"),
    ("交货日期 / Delivery date: 2024-05-20", "requested_delivery_date"),
    ("Lieferanschrift: Industriestraße 12, 79108 Freiburg", "customer.address"),
    ("Zahlungsbedingungen: 30 Tage netto", "payment_terms"),
    ("納期：2024年6月20日", "requested_delivery_date"),
    ("備考：検査成績書を添付してください。", "special_requirements"),
])
def test_labels_in_other_languages_and_bilingual_forms(line, field):
    labels = find_labels(line.replace("：", ":"))
    assert [label.field for label, _, _ in labels][:1] == [field]


def _read(body: str):
    raw = ("From: buyer@example.com\r\nTo: sales@example.com\r\nSubject: 订单\r\n"
           "Date: Mon, 22 Apr 2024 09:00:00 +0800\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + body)
    result = parse_email(raw.encode())
    assert result.kind == "order"
    return result.draft


def test_a_packing_request_after_an_item_table_is_the_orders_special_requirement():
    draft = _read(
        "订单号：X-1\n产品名称\t数量\t单价\nA产品\t10\t500\n\n"
        "以上设备请用木箱包装，箱外标注我司订单号及“向上”标识。\n交货日期：2024年5月6日\n")
    assert draft.special_requirements == "以上设备请用木箱包装，箱外标注我司订单号及“向上”标识"


def test_a_delivery_clause_stays_out_of_the_note():
    draft = _read("产品名称：A产品\n数量：10台\n\n玻璃需贴3M保护膜，请于5月28日前送货。\n")
    assert draft.special_requirements == "玻璃需贴3M保护膜"


def test_a_product_named_after_packing_is_no_note():
    draft = _read("商品名称\t规格\t数量\t单价\n五层瓦楞纸箱\t600×400\t3000\t4.80\n")
    assert draft.special_requirements is None


@pytest.mark.parametrize("text, days", [
    ("预付三成，余款月结三十天", 30), ("货到票到60天", 60), ("月結60天", 60), ("T/T 30 days", 30),
    ("monthly settlement, 30 days", 30), ("30 Tage netto", 30), ("検収後30日以内", 30),
    ("预付30%，发货前7天付清", None), ("款到发货", None),
])
def test_credit_days_as_buyers_write_them(text, days):
    assert parse_credit_days(text) == days


@pytest.mark.parametrize("text, po", [
    ("PO 88213", "88213"), ("訂單 HTE-PO-25031", "HTE-PO-25031"), ("Bestellung 4711-2024-0387", "4711-2024-0387"),
    ("(採購單號：HTE-PO-25031)：", "HTE-PO-25031"), ("Order 1234", None), ("PO 2024", None), ("订单 2024-05-06", None),
])
def test_an_order_number_named_in_a_sentence(text, po):
    assert po_mention(text) == po


@pytest.mark.parametrize("body, name, spec", [
    ("貨品：控制板（型號 CB-24V） 數量：120 pcs 單價：HK$395\n", "控制板", "CB-24V"),
    ("我们要订购一批A产品，具体如下：\nA产品 规格L-500×300 数量50台 单价500元\n", "A产品", "L-500×300"),
    ("下周五前需要一批货，麻烦安排：\nControl board（型号CB-24V）120片，还是360一片\n", "Control board", "CB-24V"),
])
def test_a_spec_written_inside_the_name_is_the_spec(body, name, spec):
    line = _read(body).lines[0]
    assert (line.name, line.spec) == (name, spec)
    assert line.unit_price is not None


def test_a_need_by_date_before_the_order_verb_is_the_delivery_date():
    draft = _read("下周五前需要一批货，麻烦安排：\nControl board（型号CB-24V）120片，还是360一片\nA产品（规格L-500×300）15台，500一台\n"
                  "送货地址：广东省东莞市长安镇振安中路368号\n")
    assert str(draft.requested_delivery_date) == "2024-05-03"  # the Friday of the week after Mon 22 Apr


def test_the_address_in_a_labelled_delivery_line():
    draft = _read("貨品：控制板 數量：120 pcs 單價：HK$395\n交貨：5月24日或之前送達香港新界葵涌葵昌路51號\n")
    assert draft.customer.address == "香港新界葵涌葵昌路51號"
    assert str(draft.requested_delivery_date) == "2024-05-24"


def test_an_order_below_in_aligned_columns_quantity_first():
    draft = _read("Please book the order below for Prairie Ag Parts Inc.\n\n"
                  "  60 pcs   P004  Control board (model CB-24V)   USD 52.00/pc\n"
                  "  10 pcs   P001  A product (model L-500x300)    USD 74.00/pc\n\n"
                  "Ship to: 1420 Industrial Pkwy, Cedar Rapids, IA 52404, USA\nRequested delivery: October 18, 2024\n")
    assert [(l.sku, l.name, l.spec, str(l.quantity), l.unit, str(l.unit_price)) for l in draft.lines] == [
        ("P004", "Control board", "CB-24V", "60", "pcs", "52.00"), ("P001", "A product", "L-500x300", "10", "pcs", "74.00")]


def test_two_long_item_lines_are_two_items_not_one_wrapped_sentence():
    draft = _read("现订购以下产品（单价均为含税价，含13%增值税）：\n\n"
                  "QW型潜水排污泵，型号50QW10-10-0.75，数量4台，含税单价3,680元，小计14,720元\n"
                  "不锈钢闸阀，规格DN100 PN16，数量10个，含税单价1,150元，小计11,500元\n")
    assert [(l.name, str(l.amount)) for l in draft.lines] == [("QW型潜水排污泵", "14720"), ("不锈钢闸阀", "11500")]


def test_erp_labels_material_and_annual_quantity():
    draft = _read("订单号：YF-BO-2024-07\n物料：C型支架\n规格：图号YF-ZJ-033\n年度总量：12000件，单价：78元/件（含税）\n")
    line = draft.lines[0]
    assert (line.name, str(line.quantity), line.unit, str(line.unit_price)) == ("C型支架", "12000", "件", "78")


@pytest.mark.parametrize("body, day", [
    ("李工，给我发30台A产品，6月18号前到，谢谢！\n", "2024-06-18"),
    ("对了，顺便下个单，五一后要用：\n1. 胶辊，规格φ80×1200，20根，单价450元\n2. 刮刀片，规格0.15mm，100片，单价12元\n"
     "5月10日前送到我们厂里（嘉兴市秀洲区洪兴路599号），收货人还是我。\n", "2024-05-10"),
    ("产品名称：A产品\n数量：10台\nRequested delivery date: 14-03-2025\n", "2025-03-14"),
])
def test_the_delivery_date_as_written(body, day):
    assert str(_read(body).requested_delivery_date) == day


def test_an_address_in_brackets_after_our_factory():
    draft = _read("对了，顺便下个单：\n1. 胶辊，规格φ80×1200，20根，单价450元\n2. 刮刀片，规格0.15mm，100片，单价12元\n"
                  "5月10日前送到我们厂里（嘉兴市秀洲区洪兴路599号），收货人还是我。\n")
    assert draft.customer.address == "嘉兴市秀洲区洪兴路599号"


def test_an_address_right_after_the_date():
    draft = _read("我司下单如下：\n1. 控制板（型号CB-24V）150块，单价360元\n6月20日前送厦门市集美区杏林湾路1001号 海天卫浴2号厂房\n")
    assert draft.customer.address == "厦门市集美区杏林湾路1001号 海天卫浴2号厂房"


@pytest.mark.parametrize("text, value, unit", [
    ("一千二一台", "1200", "台"), ("八百五一个", "850", "个"), ("1200一台", "1200", "台"), ("十二元五角/个", "12.5", "个"),
])
def test_colloquial_prices(text, value, unit):
    assert (parse_amount(text), amount_unit(text)) == (Decimal(value), unit)


def test_thirty_one_is_a_quantity_not_a_price_for_one():
    assert parse_quantity("三十一台") == (Decimal(31), "台")
    assert parse_amount("31台") is None


def test_colloquial_prices_in_sentences():
    draft = _read("李经理：\n   我们下周五要用，麻烦安排发以下的货：\n   电动执行器（型号ＤＺＷ２０）１２台，还是一千二一台；\n"
                  "   阀门定位器８个，八百五一个；\n   送到鞍山市铁西区鞍千路２６８号。\n")
    assert [(l.name, str(l.unit_price)) for l in draft.lines] == [("电动执行器", "1200"), ("阀门定位器", "850")]


def test_goods_total_discount_and_the_amount_paid_in_a_letter():
    draft = _read("我公司向贵公司订购ＳＷ－３型除湿机组，数量叁台，单价人民币壹万贰仟捌佰元整（￥１２８００．００），"
                  "货款合计叁万捌仟肆佰元整。运费５００元由我方承担，优惠３００元，实付金额叁万捌仟陆佰元整。\n")
    assert (str(draft.freight), str(draft.discount), str(draft.stated_total)) == ("500", "300", "38600")


def test_numbered_positions_name_their_item():
    draft = _read("hiermit bestellen wir:\n\n"
                  "Pos. 1: Steuerplatine, Typ CB-24V, Menge: 250 Stück, Einzelpreis: 48,90 EUR, Gesamt: 12.225,00 EUR\n"
                  "Pos. 2: Montagewinkel, Ausführung: verzinkt 60×40 mm, Menge: 1.000 Stück, Einzelpreis: 0,85 EUR\n")
    assert [(l.name, l.spec, str(l.quantity), str(l.unit_price)) for l in draft.lines] == [
        ("Steuerplatine", "CB-24V", "250", "48.90"), ("Montagewinkel", "verzinkt 60×40 mm", "1000", "0.85")]


def test_sap_material_is_the_item_code():
    draft = _read("Item 00010   Material: P001          Short text: A产品\n             Spec: L-500×300\n"
                  "             Quantity: 40 台          Net price: 500.00 CNY / 1 台\n")
    line = draft.lines[0]
    assert (line.sku, line.name, str(line.unit_price)) == ("P001", "A产品", "500.00")


def test_the_work_unit_label_naming_a_company_is_the_customer():
    draft = _read("客户信息\n单位：成都蜀川环保设备有限公司\n联系人：何静\n\n订货明细\n"
                  "编号    品名     规格           单位   数量   单价\nP002    B产品    L-800×400      台     6      1200\n")
    assert draft.customer.name == "成都蜀川环保设备有限公司"
    assert [(l.sku, l.unit) for l in draft.lines] == [("P002", "台")]


def test_an_aligned_table_off_by_one_column_keeps_its_columns():
    draft = _read("各位好，附上本月管件订单：\n\n"
                  "名称            规格            材质     单位   数量    单价\n"
                  "无缝钢管        DN100×4.5      20#      米     600     86\n"
                  "90°弯头         DN100          20#      个     40      45\n")
    assert [(l.name, l.spec, l.unit, str(l.quantity), str(l.unit_price)) for l in draft.lines] == [
        ("无缝钢管", "DN100×4.5", "米", "600", "86"), ("90°弯头", "DN100", "个", "40", "45")]


def test_a_drawings_material_is_no_item_code():
    from parsers.order_text import read_pairs
    assert [p for p in read_pairs("DRAWING YF-ZJ-033\nMATERIAL: SPCC, ZINC PLATED\n") if p.label.field == "sku"] == []


def test_the_first_release_of_a_delivery_schedule_is_the_delivery_date():
    draft = _read("订单号：YF-BO-2024-07\n物料：C型支架\n年度总量：12000件，单价：78元/件（含税）\n\n"
                  "分批交货计划：\n第一批 3000件 6月28日前\n第二批 3000件 8月30日前\n")
    assert str(draft.requested_delivery_date) == "2024-06-28"


def test_an_erp_form_names_the_buyers_contact_and_not_the_suppliers():
    draft = _read("订单编号\tCG2024050087\n供方\t杭州恒拓机电设备有限公司\t供方联系人\t李伟\n"
                  "需方\t湖北中科智能装备股份有限公司\t需方联系人\t吴昊\n需方电话\t027-87651234\t需方邮箱\twuhao@hbzhongke.example\n"
                  "行号\t存货编码\t存货名称\t规格型号\t主计量\t数量\t含税单价\n1\tP001\tA产品\tL-500×300\t台\t30\t500\n")
    assert (draft.customer.contact, draft.customer.phone, draft.customer.email) == (
        "吴昊", "027-87651234", "wuhao@hbzhongke.example")


def test_labelled_and_bare_cells_on_one_item_line():
    draft = _read("本期订货如下，请安排：\n\nP001，A产品，规格：L-500×300，数量：30台，500元/台\n"
                  "编码：P002 | B产品 | 规格：L-800×400 | 数量：4台 | 单价：1200\n"
                  "P004 | 控制板 | 数量：60片 | 单价：360\n")
    assert [(l.sku, l.name, str(l.quantity), str(l.unit_price)) for l in draft.lines] == [
        ("P001", "A产品", "30", "500"), ("P002", "B产品", "4", "1200"), ("P004", "控制板", "60", "360")]


def test_numbered_positions_written_as_sentences():
    draft = _read("as discussed on the phone, we order:\n\n"
                  "Pos. 10: 25 pcs  A product, size L-500x300, EUR 68,50 per pc\n"
                  "Pos. 20: 120 pcs C-bracket, custom made to our drawing ZN-1187 rev. B (attached), EUR 12,80 per pc\n")
    assert [(str(l.quantity), str(l.unit_price)) for l in draft.lines] == [("25", "68.50"), ("120", "12.80")]
    assert draft.lines[0].spec == "L-500x300"


def test_a_spec_clause_after_the_item_in_a_list():
    draft = _read("We'd like to place an order for the following:\n\n"
                  "3 sets of B product, model L-800x400, at $1,150.00 per set\n"
                  "12 units of A product, model L-500x300, at $480.00 per unit\n\nOur PO number is LMS-25-0331.\n")
    assert [l.spec for l in draft.lines] == ["L-800x400", "L-500x300"]
    assert draft.customer_po == "LMS-25-0331"
    assert po_mention("Bestellung / Order 4500012876") == "4500012876"


def test_prices_not_fixed_yet_are_vague():
    draft = _read("下单两项：\n1. 定制C型支架，规格200×150×6mm，500件，单价80元\n2. 定制安装底座，按我们现场情况做，100套，单价待定，报价后确认\n"
                  "要求6月20日前交货。\n")
    assert draft.lines[1].unit_price is None
    english = parse_email(("From: buyer@example.com\r\nTo: sales@example.com\r\nSubject: Order\r\n"
                           "Date: Mon, 22 Apr 2024 09:00:00 +0800\r\n\r\n"
                           "Could you please process the following order (our PO: SCF-2291):\r\n"
                           "- 150 pcs P004 Control board (model CB-24V) at USD 49.50 each\r\n"
                           "- 40 pcs custom enclosure, 316 stainless, to the attached drawing SCF-ENC-03 Rev A. "
                           "Please quote the unit price before we confirm this line.\r\nWe need them ASAP.\r\n").encode())
    assert {(p.field, p.code) for p in english.problems} >= {("lines[2].unit_price", "vague"),
                                                             ("requested_delivery_date", "vague")}
    assert english.draft.lines[1].name == "custom enclosure"
    assert english.draft.customer_po == "SCF-2291"


def test_a_drawing_referred_to_is_neither_name_nor_spec():
    draft = _read("Please supply the following:\n1. Control board CB-24V - 100 pcs @ $52.00\n"
                  "2. Custom mounting bracket per attached drawing PCS-BRK-7 - 200 pcs @ $14.20\n")
    assert (draft.lines[1].name, draft.lines[1].spec) == ("Custom mounting bracket", None)


def test_terms_after_a_lead_in_and_another_item_after_另外():
    draft = _read("这次再订两套RO设备，单价还是23500一套。\n另外滤芯再要２０支，价格按上次的。\n付款按报价单上的条件：预付30%，余款月结30天。\n")
    assert draft.payment_terms.text == "预付30%，余款月结30天"
    assert [l.name for l in draft.lines][-1] == "滤芯"


def test_a_product_named_before_the_writers_decision():
    draft = _read("上次说的那个变频恒压供水设备，我们定了，要３台，每台两万三千五，含税含运费。\n"
                  "另外配套的压力传感器要６个，８５０一个。\n付款还是老规矩，预付三成，到货后付清。\n月底前要到货。\n")
    assert [(l.name, str(l.unit_price)) for l in draft.lines] == [("变频恒压供水设备", "23500"), ("压力传感器", "850")]
    assert draft.payment_terms.text == "预付三成，到货后付清"


def test_a_code_clause_before_the_name_in_a_list_line():
    draft = _read("李经理，按报价单下单：\n货号 P002，B产品，规格L-800×400，6台，1150元/台\n货号 P004，控制板，型号CB-24V，100片，350元/片\n")
    assert [(l.sku, l.name, l.spec) for l in draft.lines] == [("P002", "B产品", "L-800×400"), ("P004", "控制板", "CB-24V")]


def test_one_product_sent_to_two_sites_at_one_price():
    draft = _read("我司两个项目同时用货，麻烦分两处送：\n"
                  "1）B产品（规格L-800×400）8台，送无锡市新吴区行创四路19号 博远项目部（收货人：钱工 13912345678），6月5日前到；\n"
                  "2）B产品（规格L-800×400）4台，送常州市武进区常武中路801号 天宁项目现场（收货人：何工 13801234567），6月12日前到。\n"
                  "单价按报价单BY-Q-0515的1,150元/台，含运费。\n")
    assert [(str(l.quantity), str(l.unit_price)) for l in draft.lines] == [("8", "1150"), ("4", "1150")]
    assert draft.customer.address == "无锡市新吴区行创四路19号 博远项目部"


def test_a_forwarded_orders_subject_names_its_po():
    raw = ("From: li.rep@example.com\r\nTo: orders@example.com\r\nSubject: Fwd: 订单 NW-PO-5521\r\n"
           "Date: Thu, 23 May 2024 19:00:00 +0800\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
           "请录入。\r\n\r\n---------- Forwarded message ---------\r\nFrom: Alice Chen <alice@northwind.example>\r\n"
           "Date: Thu, May 23, 2024 at 6:22 PM\r\nSubject: 订单 NW-PO-5521\r\nTo: 李伟 <li.rep@example.com>\r\n\r\n\r\n"
           "Please book the following for Northwind Trading Co.:\r\nControl board, model CB-24V - 600 pcs @ CNY 355\r\n"
           "A产品, model L-500×300 - 20 units @ CNY 495\r\nDelivery: before 12 June, to Room 5, 88 Century Avenue, Shanghai.\r\n")
    result = parse_email(raw.encode())
    assert (result.kind, result.draft.customer_po, result.draft.customer.email) == (
        "order", "NW-PO-5521", "alice@northwind.example")


def test_a_german_order_in_sentences_with_codes_in_brackets():
    draft = _read("hiermit bestellen wir verbindlich:\n\n"
                  "Pos. 1: 40 Stück Steuerplatine, Typ CB-24V (Art.-Nr. P004), zu je 49,50 EUR\n"
                  "Pos. 2: 5 Stück B-Gerät, Typ L-800×400 (Art.-Nr. P002), zu je 1.190,00 EUR\n\n"
                  "Gesamtbetrag netto: 7.930,00 EUR\n")
    assert [(l.sku, l.name, l.spec, str(l.quantity), l.unit, str(l.unit_price)) for l in draft.lines] == [
        ("P004", "Steuerplatine", "CB-24V", "40", "Stück", "49.50"), ("P002", "B-Gerät", "L-800×400", "5", "Stück", "1190.00")]
    assert str(draft.stated_total) == "7930.00"


def test_colloquial_chinese_with_来_and_a_bracketed_note():
    draft = _read("跟你说下我们这边要的货：\nB产品要三台，还是一千二一台吧；\n控制板（型号ＣＢ－２４Ｖ）来两百个，三百五一个；\n"
                  "还有模温机配套支架（定制的，按上回给你们的图纸做）要１５０件，八十块一件。\n")
    assert [(l.name, str(l.quantity), str(l.unit_price)) for l in draft.lines] == [
        ("B产品", "3", "1200"), ("控制板", "200", "350"), ("模温机配套支架", "150", "80")]


def test_a_code_and_spec_in_brackets_and_free_freight():
    draft = _read("我司本月追加订单：\nB产品（物料号P002，规格L-800×400）25台，单价1200元，共计30,000元，运费由贵司承担。\n")
    line = draft.lines[0]
    assert (line.sku, line.name, line.spec, str(draft.freight)) == ("P002", "B产品", "L-800×400", "0")


def test_english_freight_words_and_a_price_at_the_quoted_figure():
    draft = _read("As discussed, hereby our order:\n\n- 60 pcs control board, type CB-24V, price EUR 47,80/pc\n\n"
                  "Transport costs EUR 320,00 as per your offer.\n"
                  "Go ahead with 6 x B units (model L-800x400) at the $1,150 you quoted.\n")
    assert str(draft.freight) == "320.00"
    assert str(draft.lines[0].unit_price) == "47.80"


def test_items_named_by_their_code_alone():
    draft = _read("李伟，\n\nP001 × 50\nP004 × 200\nP002 × 5\n\n价格按年度协议价，5月15日前到货，其他同前。\n")
    assert [(l.sku, str(l.quantity)) for l in draft.lines] == [("P001", "50"), ("P004", "200"), ("P002", "5")]


def test_a_spanish_order():
    draft = _read("Le confirmamos el siguiente pedido:\n\n"
                  "Referencia P001 - Producto A, modelo L-500x300: 20 unidades a 66,00 EUR/unidad\n\n"
                  "Importe total: 1.320,00 EUR\nPlazo de entrega: antes del 16 de marzo de 2026\n"
                  "Forma de pago: transferencia a 60 días fecha factura\n\n"
                  "Por favor, incluyan el certificado de conformidad CE con el envío.\n")
    line = draft.lines[0]
    assert (line.sku, line.name, line.spec, str(line.quantity), line.unit, str(line.unit_price)) == (
        "P001", "Producto A", "L-500x300", "20", "unidades", "66.00")
    assert (str(draft.requested_delivery_date), draft.payment_terms.credit_days, str(draft.stated_total)) == (
        "2026-03-16", 60, "1320.00")
    assert draft.special_requirements.startswith("Por favor, incluyan el certificado")


def test_a_total_ending_its_sentence():
    draft = _read("项目上要的东西：\nB产品（规格L-800×400）十台，每台1200元；\n总计：1.2万元。\n付款：验收合格后付90%，留10%质保金一年。\n")
    assert str(draft.stated_total) == "12000"
    assert draft.payment_terms.text.startswith("验收合格后付90%")


def test_a_total_after_the_freight_line_is_the_total_to_pay():
    draft = _read("Please supply the following against our PO No. KAI/2425/1187:\n\n"
                  "Sl. | Description          | Qty      | Rate (USD) | Amount (USD)\n"
                  "1   | Control Board CB-24V | 200 Nos. | 50.00      | 10,000.00\n"
                  "2   | B Product L-800x400  | 10 Nos.  | 175.00     | 1,750.00\n\n"
                  "Freight charges: USD 380.00\nGrand Total: USD 11,750.00\n")
    assert (str(draft.freight), str(draft.stated_total)) == ("380.00", "11750.00")


def test_tax_inclusive_total_is_the_total_and_the_ex_tax_one_the_goods():
    draft = _read("按以下不含税价格下单：\n1. B产品（型号L-800×400）8台，不含税单价1,060元\n"
                  "不含税合计：8,480元\n含税合计（13%）：9,582.40元\n")
    assert str(draft.stated_total) == "9582.40"


@pytest.mark.parametrize("text, percent, days", [
    ("T/T in advance", 100, None), ("预付50%，余款见票30天", 50, 30), ("30% advance by T/T, balance against copy of B/L", 30, None),
])
def test_terms_read_as_written(text, percent, days):
    from parsers.amounts import parse_percent
    assert (parse_percent(text), parse_credit_days(text)) == (percent, days)


def test_price_terms_are_not_payment_terms_and_quoting_our_po_is_a_note():
    draft = _read("Please supply:\n1. Control board CB-24V - 100 pcs @ $52.00\n\nPrice terms: CIF Nhava Sheva.\n"
                  "Payment: 30% advance by T/T, balance against copy of B/L.\n\nPlease quote our PO number on all paperwork.\n")
    assert draft.payment_terms.text.startswith("30% advance")
    assert draft.special_requirements == "Please quote our PO number on all paperwork"
    assert po_mention("订单确认 XY-PO-241206") == "XY-PO-241206"


@pytest.mark.parametrize("country, day", [("United Kingdom", "2025-06-03"), ("USA", "2025-03-06")])
def test_an_ambiguous_date_read_as_the_buyers_country_writes_it(country, day):
    draft = _read(f"Please supply:\n1. Control board CB-24V - 100 pcs @ 52.00\n\nDelivery required by: 03/06/2025\n"
                  f"Deliver to: Unit 4, Harbour Trading Estate, Grays, {country}\n")
    assert str(draft.requested_delivery_date) == day


def test_an_ambiguous_date_with_no_sign_of_the_country_stays_vague():
    from parsers.dates import read_date
    assert read_date("03/06/2025").status == "vague"
    assert str(read_date("03/06/2025", day_first=True).value) == "2025-06-03"


def test_a_new_po_in_the_body_wins_over_the_threads_po_in_a_reply_subject():
    from parsers.order_text import build_draft, read_pairs
    pairs = read_pairs("RE: RE: PO 7781 shipment") + read_pairs(
        "Thanks for the update on PO 7781. While we're here, please book a new order, PO 7824:\n"
        "- 100 pcs P004 Control board at USD 52.00 each\n")
    assert build_draft(pairs)[0].customer_po == "7824"


def test_再补_orders():
    from parsers.prose import prose_pairs
    pairs = prose_pairs("李经理，A产品再补50台，月底前送到老地址，价格照旧。")
    assert [(p.label.field, p.value) for p in pairs][:2] == [("name", "A产品"), ("quantity", "50台")]


def test_glued_labels_after_a_labelled_product():
    draft = _read("新年第一单，麻烦安排：\n产品：B产品（编码P002），规格L-800×400，数量10台，单价1200元\n"
                  "产品：A产品（编码P001），规格L-500×300，数量30台，单价500元\n")
    assert [(l.sku, l.name, l.spec, str(l.quantity), str(l.unit_price)) for l in draft.lines] == [
        ("P002", "B产品", "L-800×400", "10", "1200"), ("P001", "A产品", "L-500×300", "30", "500")]


def test_a_sum_in_an_items_sentence_is_its_amount_when_the_order_states_its_own_total():
    draft = _read("我矿订购阻燃输送带，型号PVG1000S，两千米，单价210元/米，合计42万元（含13%增值税）。\n"
                  "另订购托辊组，规格Φ108×380，二百组，每组165元，计3.3万元。\n总计45.3万元。\n")
    assert [str(l.amount) for l in draft.lines] == ["420000", "33000"]
    assert str(draft.stated_total) == "453000"


def test_space_grouped_continental_amounts_and_a_po_code():
    assert parse_amount("6 240,00") == Decimal("6240.00")
    assert po_mention("下单：输送机配件 DF-PO-260209") == "DF-PO-260209"
    assert parse_credit_days("30% antecipado, saldo 60 dias após embarque") == 60


def test_a_form_with_spaced_labels():
    draft = _read("采购单号：HZ3Y-CG-2025-0318\n联 系 人：陈立新（后勤保障部）\n联系电话：0571-87001234 / 13957112345\n\n"
                  "序号  设备名称          规格型号              单位  数量  单价(含税,元)   金额(元)\n"
                  "1     管道离心泵        ISG65-160 7.5kW       台    2      6,850.00      13,700.00\n\n"
                  "备    注：随货提供产品合格证、检测报告及增值税专用发票；送货前请提前一天电话联系。\n")
    assert (draft.customer.contact, draft.customer.phone) == ("陈立新", "0571-87001234")
    assert draft.special_requirements == "随货提供产品合格证、检测报告及增值税专用发票；送货前请提前一天电话联系。"
    assert draft.lines[0].name == "管道离心泵"


def test_a_portuguese_item_line():
    draft = _read("segue nosso pedido de compra:\n\n"
                  "Item 1: Redutor de velocidade coaxial - modelo R47 i=15,2 - 20 unidades - US$ 385,00 por unidade\n")
    line = draft.lines[0]
    assert (line.name, line.spec, str(line.quantity), str(line.unit_price)) == (
        "Redutor de velocidade coaxial", "R47 i=15,2", "20", "385.00")


def test_a_shop_owners_colloquial_list():
    from parsers.prose import prose_pairs
    pairs = prose_pairs("老李，帮我发点货哈\n6204轴成 两百个 3块5一个\n6205轴承 150个 4块2\n")
    assert [(p.label.field, p.value) for p in pairs] == [
        ("name", "6204轴成"), ("quantity", "两百个"), ("unit_price", "3块5一个"),
        ("name", "6205轴承"), ("quantity", "150个"), ("unit_price", "4块2")]
    assert parse_amount("3块5一个") == Decimal("3.5")


def test_slash_separated_labelled_cells():
    draft = _read("本公司訂購下列品項，請安排出貨，謝謝。\n"
                  "【品項1】品名：交流伺服馬達／型號：SM130-15／數量：１２台／單價：人民幣３，２５０元\n")
    assert [(l.name, l.spec, str(l.quantity), l.unit, str(l.unit_price)) for l in draft.lines] == [
        ("交流伺服馬達", "SM130-15", "12", "台", "3250")]


def test_a_length_that_is_the_spec_is_no_count():
    draft = _read("按贵司报价单的价格下单，具体如下：\n  1、步进驱动器，型号DM542，数量300台，单价95元\n"
                  "  2、电机连接线，规格1.5米，数量300条，单价6.5元\n")
    assert [(l.name, l.spec, str(l.quantity), l.unit) for l in draft.lines] == [
        ("步进驱动器", "DM542", "300", "台"), ("电机连接线", "1.5米", "300", "条")]


def test_an_item_line_of_comma_cells_with_a_spelled_and_written_count():
    draft = _read("our boss agree to order below items:\n\n"
                  "1/ Hydraulic cylinder, model HOB50x150, quantity: ten (10) pcs, price 145 USD/pc\n"
                  "2/ Solenoid valve, model 4WE6D-24VDC, quantity: twenty-four (24) pcs, price 62.50 USD/pc\n")
    assert [(l.name, l.spec, str(l.quantity), l.unit, str(l.unit_price)) for l in draft.lines] == [
        ("Hydraulic cylinder", "HOB50x150", "10", "pcs", "145"), ("Solenoid valve", "4WE6D-24VDC", "24", "pcs", "62.50")]


def test_metres_by_a_spaced_m_and_a_discount_written_minus_currency():
    draft = _read("Please process our order as below:\n\n"
                  "• Stainless chain conveyor belt, spec SS304 W300mm – 40 m @ USD 96.00/m\n"
                  "• Sprocket, spec 12T P25.4 – 16 pcs @ USD 18.50/pc\n\nSpecial discount: -USD 276.00\n"
                  "玻璃需贴3M保护膜。\n")
    assert [(str(l.quantity), l.unit) for l in draft.lines] == [("40", "m"), ("16", "pcs")]
    assert str(draft.discount) == "276.00"


def test_a_column_header_with_its_currency_after_a_comma():
    from parsers.labels import header_label
    assert (header_label("Price, EUR").field, header_label("Sum, EUR").field) == ("unit_price", "amount")


def test_a_day_of_the_month_named_with_its_weekday_and_the_end_of_next_month():
    from datetime import date
    from parsers.dates import read_date
    assert str(read_date("Need them by Friday the 19th.", date(2025, 9, 7)).value) == "2025-09-19"
    assert str(read_date("not later than end of next month", date(2024, 9, 10)).value) == "2024-10-31"


def test_an_aligned_table_with_space_grouped_thousands_and_a_total_on_incoterms():
    from parsers.labels import summary_kind
    draft = _read("we place the order:\n\n"
                  "Pos  Article      Description                      Qty   Unit   Price, EUR    Sum, EUR\n"
                  "1    YE3-132M-4   Electric motor 7,5 kW 1500rpm     20   pcs        312,00    6 240,00\n"
                  "2    VFD-KP01     Remote keypad                     20   pcs         19,00      380,00\n"
                  "                                                              Total:         6 620,00\n")
    assert [(l.sku, str(l.unit_price), str(l.amount)) for l in draft.lines] == [
        ("YE3-132M-4", "312.00", "6240.00"), ("VFD-KP01", "19.00", "380.00")]
    assert str(draft.stated_total) == "6620.00"
    assert summary_kind("Total CIF Jebel Ali")[0] == "total"


def test_freight_to_a_place_and_a_shipping_mark_noun_is_no_request():
    draft = _read("Please process our order as below:\n\n• Sprocket, spec 12T P25.4 – 16 pcs @ USD 18.50/pc\n\n"
                  "Sea freight to Laem Chabang: USD 450.00\nShipping marks and delivery details are on the PO.\n")
    assert (str(draft.freight), draft.special_requirements) == ("450.00", None)
