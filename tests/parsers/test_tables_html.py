"""Item tables in HTML mail, as Outlook, Foxmail, QQ Mail and Gmail write
them: html_to_text keeps one table row per line with its cells in their
columns, and the order reader reads the rows as line items."""
from __future__ import annotations

import time
from datetime import date
from decimal import Decimal
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText

import pytest

from parsers import parse_email, parse_order_text
from parsers.html_text import html_to_text


def eml(html: str | None = None, plain: str | None = None, *, charset: str = "utf-8",
        subject: str = "采购订单", sender: str = "buyer@example.cn") -> bytes:
    """An email as the clients send it: HTML only (Foxmail, QQ Mail) or
    multipart/alternative with a plain-text part (Outlook, Gmail)."""
    parts = []
    if plain is not None:
        parts.append(MIMEText(plain, "plain", charset))
    if html is not None:
        parts.append(MIMEText(html, "html", charset))
    if len(parts) == 1:
        msg = parts[0]
    else:
        msg = MIMEMultipart("alternative")
        for part in parts:
            msg.attach(part)
    msg["From"] = sender
    msg["To"] = "orders@example.com"
    msg["Subject"] = subject
    msg["Date"] = "Mon, 09 Oct 2023 10:00:00 +0800"
    msg["Message-ID"] = "<t1@example.cn>"
    return msg.as_bytes()


def lines(draft, *fields):
    fields = fields or ("sku", "name", "spec", "unit", "quantity", "unit_price", "amount")
    if isinstance(draft, dict):
        return [tuple(line[f] for f in fields) for line in draft["lines"]]
    return [tuple(None if getattr(line, f) is None else str(getattr(line, f)) for f in fields) for line in draft.lines]


def read_html(html: str):
    return parse_order_text(html_to_text(html), reference_date=date(2023, 10, 9))


# -- Outlook: Word's HTML --------------------------------------------------------------------

OUTLOOK_HTML = """<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office">
<head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><meta name=Generator content="Microsoft Word 15">
<style><!--
p.MsoNormal, li.MsoNormal {margin:0cm; font-size:10.5pt; font-family:等线;}
@page WordSection1 {size:612.0pt 792.0pt;}
--></style><!--[if gte mso 9]><xml><o:shapedefaults v:ext="edit" spidmax="1026" /></xml><![endif]--></head>
<body lang=ZH-CN link="#0563C1" vlink="#954F72" style='text-justify-trim:punctuation'>
<div class=WordSection1>
<p class=MsoNormal>王经理：<span lang=EN-US><o:p></o:p></span></p>
<p class=MsoNormal>您好！请按以下明细安排发货。<span lang=EN-US><o:p></o:p></span></p>
<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>
<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none'>
<tr style='height:15.0pt'>
 <td width=70 style='width:52.5pt;border:solid windowtext 1.0pt;background:#D9E1F2;padding:0cm 5.4pt 0cm 5.4pt'>
 <p class=MsoNormal align=center style='text-align:center'><b>序号<span lang=EN-US><o:p></o:p></span></b></p></td>
 <td width=90 style='border:solid windowtext 1.0pt;border-left:none'><p class=MsoNormal align=center><b>物料编码<span lang=EN-US><br>Item No.<o:p></o:p></span></b></p></td>
 <td width=130 style='border:solid windowtext 1.0pt;border-left:none'><p class=MsoNormal><b>品名<span lang=EN-US>/Description<o:p></o:p></span></b></p></td>
 <td width=110 style='border:solid windowtext 1.0pt;border-left:none'><p class=MsoNormal><b>规格型号<o:p></o:p></b></p><p class=MsoNormal><b><span lang=EN-US>Spec<o:p></o:p></span></b></p></td>
 <td style='border:solid windowtext 1.0pt;border-left:none'><p class=MsoNormal><b>数量<span lang=EN-US>(</span>台<span lang=EN-US>)<o:p></o:p></span></b></p></td>
 <td style='border:solid windowtext 1.0pt;border-left:none'><p class=MsoNormal><b>单价<span lang=EN-US>(</span>元<span lang=EN-US>)<o:p></o:p></span></b></p></td>
 <td style='border:solid windowtext 1.0pt;border-left:none'><p class=MsoNormal><b>金额<span lang=EN-US> Amount<o:p></o:p></span></b></p></td>
</tr>
<tr>
 <td><p class=MsoNormal align=center><span lang=EN-US>1<o:p></o:p></span></p></td>
 <td><p class=MsoNormal><span lang=EN-US>P001<o:p></o:p></span></p></td>
 <td><p class=MsoNormal>A产品<span lang=EN-US><o:p></o:p></span></p></td>
 <td><p class=MsoNormal><span lang=EN-US>L-500&#215;300<o:p></o:p></span></p></td>
 <td><p class=MsoNormal align=right><span lang=EN-US>100<o:p></o:p></span></p></td>
 <td><p class=MsoNormal align=right><span lang=EN-US>&yen;500.00<o:p></o:p></span></p></td>
 <td><p class=MsoNormal align=right><span lang=EN-US>50,000.00<o:p></o:p></span></p></td>
</tr>
<tr>
 <td><p class=MsoNormal align=center><span lang=EN-US>2<o:p></o:p></span></p></td>
 <td><p class=MsoNormal><span lang=EN-US>P006<o:p></o:p></span></p></td>
 <td><p class=MsoNormal>G轴承<span lang=EN-US><br></span>（深沟球）<o:p></o:p></p></td>
 <td><p class=MsoNormal><span lang=EN-US>6204<o:p></o:p></span></p></td>
 <td><p class=MsoNormal align=right><span lang=EN-US>200<o:p></o:p></span></p></td>
 <td><p class=MsoNormal align=right><span lang=EN-US>12.50<o:p></o:p></span></p></td>
 <td><p class=MsoNormal align=right><span lang=EN-US>2,500.00<o:p></o:p></span></p></td>
</tr>
<tr style='height:6.0pt'>
 <td><p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p></td><td></td><td></td><td></td><td></td><td></td><td></td>
</tr>
<tr>
 <td colspan=6><p class=MsoNormal align=right><b>合计<span lang=EN-US> Total<o:p></o:p></span></b></p></td>
 <td><p class=MsoNormal align=right><b><span lang=EN-US>52,500.00<o:p></o:p></span></b></p></td>
</tr>
</table>
<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>
<p class=MsoNormal>交货日期：<span lang=EN-US>2023</span>年<span lang=EN-US>10</span>月<span lang=EN-US>25</span>日<span lang=EN-US><o:p></o:p></span></p>
<p class=MsoNormal>收货地址：上海市浦东新区张江路<span lang=EN-US>100</span>号<span lang=EN-US><o:p></o:p></span></p>
<p class=MsoNormal><![if !supportLists]><span lang=EN-US>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><![endif]>需防潮包装<o:p></o:p></p>
</div></body></html>"""

# What Outlook writes into the text/plain part of the same mail: every cell on a line of its own.
OUTLOOK_PLAIN = """王经理：
您好！请按以下明细安排发货。

序号

物料编码
Item No.

品名/Description

规格型号
Spec

数量(台)

单价(元)

金额 Amount

1

P001

A产品

L-500×300

100

¥500.00

50,000.00

2

P006

G轴承
（深沟球）

6204

200

12.50

2,500.00

合计 Total

52,500.00

交货日期：2023年10月25日
收货地址：上海市浦东新区张江路100号
"""

OUTLOOK_LINES = [("P001", "A产品", "L-500×300", "台", "100", "500.00", "50000.00"),
                 ("P006", "G轴承（深沟球）", "6204", "台", "200", "12.50", "2500.00")]


def test_outlook_html_rows_are_one_line_each_with_their_cells_in_place():
    text = html_to_text(OUTLOOK_HTML).split("\n")
    assert text[:3] == ["王经理：", "您好！请按以下明细安排发货。",
                        "序号\t物料编码 Item No.\t品名/Description\t规格型号 Spec\t数量(台)\t单价(元)\t金额 Amount"]
    assert text[3] == "1\tP001\tA产品\tL-500×300\t100\t¥500.00\t50,000.00"
    assert text[4] == "2\tP006\tG轴承（深沟球）\t6204\t200\t12.50\t2,500.00"
    assert text[5] == "合计 Total\t\t\t\t\t\t52,500.00"  # the spacer row is gone, the colspan keeps the column
    assert text[-1] == "1. 需防潮包装" and "supportLists" not in "".join(text)


def test_an_outlook_html_table_reads_as_line_items_and_a_goods_total():
    draft, problems = read_html(OUTLOOK_HTML)
    assert problems == []
    assert lines(draft) == OUTLOOK_LINES
    assert (draft.stated_goods_total, draft.stated_total) == (Decimal("52500.00"), Decimal("52500.00"))
    assert draft.requested_delivery_date == date(2023, 10, 25)
    assert draft.customer.address == "上海市浦东新区张江路100号"


def test_outlook_s_plain_text_part_gives_the_same_table():
    draft, problems = parse_order_text(OUTLOOK_PLAIN, reference_date=date(2023, 10, 9))
    assert problems == []
    assert lines(draft) == OUTLOOK_LINES
    assert draft.stated_goods_total == Decimal("52500.00")


def test_an_outlook_mail_reads_as_its_table():
    result = parse_email(eml(OUTLOOK_HTML, OUTLOOK_PLAIN))
    assert result.kind == "order"
    draft = result.contract()["draft"]
    assert lines(draft) == OUTLOOK_LINES
    assert draft["stated_goods_total"] == "52500.00"
    assert draft["requested_delivery_date"] == "2023-10-25"


def test_an_outlook_header_block_of_label_and_value_cells():
    html = """<table class=MsoNormalTable border=0 cellpadding=0>
<tr><td><p class=MsoNormal><b>客户名称：</b></p></td><td><p class=MsoNormal>华东机械有限公司</p></td>
    <td><p class=MsoNormal><b>订单编号 PO No.</b></p></td><td><p class=MsoNormal>PO-2023-4410</p></td></tr>
<tr><td><p class=MsoNormal><b>联系人：</b></p></td><td><p class=MsoNormal>王建国</p></td>
    <td><p class=MsoNormal><b>联系电话：</b></p></td><td><p class=MsoNormal>13800138000</p></td></tr>
<tr><td><p class=MsoNormal><b>收货地址：</b></p></td><td colspan=3><p class=MsoNormal>上海市浦东新区张江路100号</p></td></tr>
</table><p class=MsoNormal>&nbsp;</p>
<table border=1><tr><td>品名</td><td>数量</td><td>单价</td><td>金额</td></tr>
<tr><td>A产品</td><td>100</td><td>500</td><td>50,000</td></tr>
<tr><td>运费</td><td></td><td></td><td>800</td></tr>
<tr><td>总计</td><td></td><td></td><td>50,800</td></tr></table>"""
    draft, problems = read_html(html)
    assert problems == []
    assert (draft.customer.name, draft.customer_po, draft.customer.contact, draft.customer.phone) == (
        "华东机械有限公司", "PO-2023-4410", "王建国", "13800138000")
    assert draft.customer.address == "上海市浦东新区张江路100号"
    assert lines(draft, "name", "quantity", "unit_price", "amount") == [("A产品", "100", "500", "50000")]
    assert (draft.freight, draft.stated_total) == (Decimal(800), Decimal(50800))


# -- Foxmail and QQ Mail: HTML only ---------------------------------------------------------

FOXMAIL_HTML = """<html><head><meta http-equiv="content-type" content="text/html; charset=gb18030">
<style>body { font-size: 10.5pt; font-family: 微软雅黑; color: rgb(0, 0, 0); line-height: 1.5; }</style></head>
<body>
<div><span></span>您好：</div><div>&nbsp; &nbsp; 附上本月订单，请查收并安排发货。</div><div><br></div>
<div>公司：青岛海晟橡塑制品有限公司</div><div>订单号：HS-20231009-02</div><div><br></div>
<div><table border="1" cellspacing="0" cellpadding="2" style="border-collapse:collapse;width:560px">
<tbody>
<tr><td style="background-color:#eeeeee"><b>序号</b></td><td><b>品名</b></td><td><b>规格</b></td><td><b>单位</b></td>
<td><b>数量</b></td><td><b>单价（元）</b></td><td><b>金额（元）</b></td></tr>
<tr><td>1</td><td><font color="#000000">炭黑</font></td><td>N330</td><td>吨</td><td>5</td><td>8,600</td><td>43,000</td></tr>
<tr><td>2</td><td>氧化锌</td><td>99.7%<br>间接法</td><td>吨</td><td>2</td><td>21,500</td><td>43,000</td></tr>
<tr><td>3</td><td>硫磺粉</td><td>325目</td><td>千克</td><td>８００</td><td>３.２</td><td>2,560</td></tr>
<tr><td colspan="6" style="text-align:right">合计：</td><td>88,560</td></tr>
</tbody></table></div>
<div><br></div><div>交货日期：10月28日前</div><div>付款方式：月结30天</div>
<div><br></div><hr style="width: 210px; height: 1px;" color="#b5c4df" size="1" align="left">
<div><span><div style="MARGIN: 10px; FONT-FAMILY: verdana; FONT-SIZE: 10pt"><div>张海燕</div></div></span></div>
</body></html>"""


def test_a_foxmail_order_in_gb18030():
    result = parse_email(eml(FOXMAIL_HTML, charset="gb18030", subject="订单"))
    assert result.kind == "order"
    draft = result.contract()["draft"]
    assert lines(draft) == [(None, "炭黑", "N330", "吨", "5", "8600", "43000"),
                            (None, "氧化锌", "99.7% 间接法", "吨", "2", "21500", "43000"),
                            (None, "硫磺粉", "325目", "千克", "800", "3.2", "2560")]
    assert draft["stated_goods_total"] == draft["stated_total"] == "88560"
    assert draft["customer_po"] == "HS-20231009-02"
    assert draft["requested_delivery_date"] == "2023-10-28"
    assert result.problems == [] or all(not p.field.startswith("lines") for p in result.problems)


QQ_EXCEL_HTML = """<div>下面是我们这次的订货，麻烦尽快安排，谢谢！</div><div><br></div>
<table x:str border=0 cellpadding=0 cellspacing=0 width=504 style='border-collapse:collapse;table-layout:fixed;width:378pt'>
 <col width=72 span=7 style='width:54pt'>
 <tr height=18 style='height:13.5pt'>
  <td height=18 class=xl65 width=72 style='height:13.5pt;width:54pt'>货号</td>
  <td class=xl65 width=72 style='width:54pt'>品名</td>
  <td class=xl65 width=72 style='width:54pt'>型号</td>
  <td class=xl65 width=72 style='width:54pt'>数量(台)</td>
  <td class=xl65 width=72 style='width:54pt'>单价</td>
  <td class=xl65 width=72 style='width:54pt'>金额</td>
  <td class=xl65 width=72 style='width:54pt'>图片</td>
 </tr>
 <tr height=18 style='height:13.5pt'>
  <td height=18 class=xl66 style='height:13.5pt'>ZF-100</td>
  <td class=xl66>铸钢闸阀</td><td class=xl66>Z41H-16C DN100</td>
  <td class=xl67 align=right x:num>12</td><td class=xl68 align=right x:num="1280">1,280.00</td>
  <td class=xl68 align=right x:num="15360" x:fmla="=D2*E2">15,360.00</td>
  <td class=xl66><img src="cid:part1.07040100@qq.com" width=40 height=30></td>
 </tr>
 <tr height=18 style='height:13.5pt'>
  <td height=18 class=xl66 style='height:13.5pt'>JZ-050</td>
  <td class=xl66>截止阀</td><td class=xl66>J41H-25 DN50</td>
  <td class=xl67 align=right x:num>20</td><td class=xl68 align=right x:num="460">460.00</td>
  <td class=xl68 align=right x:num="9200">9,200.00</td><td class=xl66></td>
 </tr>
 <tr height=18 style='height:13.5pt'><td height=18 style='height:13.5pt'></td><td></td><td></td><td></td><td></td><td></td><td></td></tr>
 <tr height=18 style='height:13.5pt'>
  <td height=18 class=xl69 colspan=3 style='height:13.5pt'>合 计</td><td class=xl67 align=right x:num>32</td>
  <td class=xl66></td><td class=xl68 align=right x:num="24560">24,560.00</td><td></td>
 </tr>
</table>
<div><br></div><div>联系人：林晓燕&nbsp; 手机：13958876543</div>
<div>地址：浙江省温州市龙湾区永中街道滨海三道209号</div>
<div><img src="cid:sig_logo@qq.com"></div>"""


def test_a_qq_mail_order_pasted_from_excel():
    result = parse_email(eml(QQ_EXCEL_HTML, charset="gb18030", subject="订货"))
    assert result.kind == "order"
    draft = result.contract()["draft"]
    assert lines(draft) == [("ZF-100", "铸钢闸阀", "Z41H-16C DN100", "台", "12", "1280.00", "15360.00"),
                            ("JZ-050", "截止阀", "J41H-25 DN50", "台", "20", "460.00", "9200.00")]
    assert draft["stated_goods_total"] == "24560.00"  # the 32 under 数量 is the quantity total, not money
    assert draft["customer"]["contact"] == "林晓燕" and draft["customer"]["phone"] == "13958876543"


# -- Gmail: div wrappers, <tbody> -----------------------------------------------------------

GMAIL_HTML = """<div dir="ltr"><div>Hi Linda,</div><div><br></div><div>Please book the following order:</div><div><br></div>
<div>Customer: Maple Leaf Hardware Inc.</div><div>PO Number: MLH-4471</div><div><br></div>
<table cellspacing="0" cellpadding="0" dir="ltr" border="1" style="table-layout:fixed;font-size:10pt;font-family:Arial;width:0px;border-collapse:collapse;border:none">
<colgroup><col width="100"><col width="180"><col width="100"><col width="60"><col width="120"></colgroup>
<tbody>
<tr style="height:21px"><td style="overflow:hidden;padding:2px 3px;vertical-align:bottom;font-weight:bold">SKU</td>
<td style="overflow:hidden;padding:2px 3px;vertical-align:bottom;font-weight:bold">Product</td>
<td style="overflow:hidden;padding:2px 3px;vertical-align:bottom;font-weight:bold">Finish</td>
<td style="overflow:hidden;padding:2px 3px;vertical-align:bottom;font-weight:bold">Qty</td>
<td style="overflow:hidden;padding:2px 3px;vertical-align:bottom;font-weight:bold">Unit Price (CNY)</td></tr>
<tr style="height:21px"><td>MLH-LV-220</td><td>Lever handle set</td><td>Satin nickel</td>
<td style="text-align:right" data-sheets-value="{&quot;1&quot;:3,&quot;3&quot;:800}">800</td><td style="text-align:right">46.00</td></tr>
<tr style="height:21px"><td>MLH-DB-110</td><td>Deadbolt lock</td><td>Matte black</td><td style="text-align:right">600</td>
<td style="text-align:right">72.50</td></tr>
</tbody></table><br><div>Delivery date: October 28, 2023</div><div><br></div><div>Thanks,</div><div>Jason</div>
<div><br></div>-- <br><div dir="ltr" class="gmail_signature"><div>Jason Tremblay | Purchasing</div></div></div>"""


def test_a_gmail_table_in_div_wrappers():
    draft, problems = read_html(GMAIL_HTML)
    assert problems == []
    assert lines(draft, "sku", "name", "quantity", "unit_price") == [
        ("MLH-LV-220", "Lever handle set", "800", "46.00"), ("MLH-DB-110", "Deadbolt lock", "600", "72.50")]
    assert (draft.customer.name, draft.customer_po) == ("Maple Leaf Hardware Inc.", "MLH-4471")
    assert draft.requested_delivery_date == date(2023, 10, 28)


# -- structure: nested tables, thead/th, rowspan and colspan, images ------------------------

NESTED_HTML = """<table width="100%" border="0" cellpadding="8">
<tr><td width="120"><img src="cid:logo001" alt="logo" width="100"></td><td><h2>采购订单 PURCHASE ORDER</h2></td></tr>
<tr><td>订单号：PO-2023-1015</td><td>下单日期：2023-10-08</td></tr>
<tr><td colspan="2">
  <table border="1" cellpadding="3" style="border-collapse:collapse">
  <thead>
  <tr><th rowspan="2">序号</th><th rowspan="2">货号</th><th rowspan="2">品名</th><th colspan="2">数量</th><th colspan="2">价格（元）</th></tr>
  <tr><th>单位</th><th>数量</th><th>单价</th><th>金额</th></tr>
  </thead>
  <tbody>
  <tr><td>1</td><td>HX-01</td><td>电缆 <img src="cid:img1"></td><td>米</td><td>１，０００</td><td>3.20</td><td>3,200.00</td></tr>
  <tr><td>2</td><td>HX-02</td><td>接线盒</td><td>个</td><td>50</td><td>￥18.00</td><td>900.00</td></tr>
  </tbody>
  <tfoot>
  <tr><td colspan="6">运费</td><td>100.00</td></tr>
  <tr><td colspan="6">总计</td><td>4,200.00</td></tr>
  </tfoot>
  </table>
</td></tr>
<tr><td>联系人：李四</td><td>电话：13900001111</td></tr>
</table>"""


def test_a_layout_table_around_the_item_table_is_not_merged_into_its_rows():
    text = html_to_text(NESTED_HTML).split("\n")
    assert text[:3] == ["采购订单 PURCHASE ORDER", "订单号：PO-2023-1015\t下单日期：2023-10-08",
                        "序号\t货号\t品名\t数量\t\t价格（元）"]
    assert text[3] == "序号\t货号\t品名\t单位\t数量\t单价\t金额"  # the rowspans repeat into the second header row
    assert text[-1] == "联系人：李四\t电话：13900001111"


def test_a_nested_item_table_with_a_two_level_header_and_a_footer():
    draft, problems = read_html(NESTED_HTML)
    assert problems == []
    assert lines(draft) == [("HX-01", "电缆", None, "米", "1000", "3.20", "3200.00"),
                            ("HX-02", "接线盒", None, "个", "50", "18.00", "900.00")]
    assert (draft.freight, draft.stated_total, draft.stated_goods_total) == (Decimal("100.00"), Decimal("4200.00"), None)
    assert (draft.customer_po, draft.order_date, draft.customer.contact) == ("PO-2023-1015", date(2023, 10, 8), "李四")


def test_a_rowspan_repeats_a_name_over_its_rows():
    html = """<table><tr><th>品名</th><th>规格</th><th>数量</th></tr>
<tr><td rowspan="2">螺栓</td><td>M8</td><td>100</td></tr><tr><td>M10</td><td>50</td></tr></table>"""
    draft, _ = read_html(html)
    assert lines(draft, "name", "spec", "quantity") == [("螺栓", "M8", "100"), ("螺栓", "M10", "50")]


def test_an_english_table_with_th_headers_and_a_total_row():
    html = """<table><thead><tr><th>No.</th><th>Description</th><th>Qty</th><th>Unit Price</th><th>Total</th></tr></thead>
<tbody><tr><td>1</td><td>Plano-convex lens &Oslash;50</td><td>300</td><td>86.00</td><td>25,800.00</td></tr>
<tr><td>2</td><td>Silver mirror 25&times;25 mm</td><td>1,000</td><td>12.30</td><td>12,300.00</td></tr></tbody>
<tfoot><tr><td colspan="4">Subtotal</td><td>38,100.00</td></tr><tr><td colspan="4">Freight</td><td>900.00</td></tr>
<tr><td colspan="4"><b>Grand Total</b></td><td><b>39,000.00</b></td></tr></tfoot></table>"""
    draft, problems = read_html(html)
    assert problems == []
    assert lines(draft, "name", "quantity", "unit_price", "amount") == [
        ("Plano-convex lens Ø50", "300", "86.00", "25800.00"), ("Silver mirror 25×25 mm", "1000", "12.30", "12300.00")]
    assert (draft.stated_goods_total, draft.freight, draft.stated_total) == (
        Decimal("38100.00"), Decimal("900.00"), Decimal("39000.00"))


def test_a_table_in_a_quoted_reply_is_quoted_text():
    html = "<p>同意</p><blockquote><table><tr><td>品名</td><td>数量</td></tr><tr><td>A</td><td>1</td></tr></table></blockquote>"
    assert html_to_text(html).split("\n") == ["同意", "> 品名\t数量", "> A\t1"]


@pytest.mark.parametrize("html", [
    "<table><tr><td>品名<td>数量<tr><td>A<td>5</table>",  # no closing tags, as old mailers write
    "<td>品名</td><td>数量</td></tr><tr><td>A</td><td>5",  # a fragment without <table>
    "<table><tr><td colspan=999999>品名</td><td rowspan=999999>数量</td></tr><tr><td>A</td><td>5</td></tr>",
    "</table></tr></td><table><table><tr><td>品名</td><td>数量</td></tr><tr><td>A</td><td>5</td></tr></table>",
    "<table><tr><td>品名</td><td>数量</td></tr><tr><td>A</td><td>5</td></tr><tr><td><script>x<tr></script>",
])
def test_broken_table_markup_still_reads(html):
    text = html_to_text(html)
    assert "A" in text and "5" in text


def test_text_outside_tags_and_stray_angle_brackets_are_kept():
    assert html_to_text("<p>数量 < 100 and > 5</p><p>a<b") == "数量 < 100 and > 5\na<b"


# -- speed ----------------------------------------------------------------------------------

@pytest.mark.parametrize("html", [
    "<table><tr><th>序号</th><th>品名</th><th>数量</th><th>单价</th></tr>"
    + "<tr><td>1</td><td>A产品</td><td>100</td><td>5</td></tr>" * 100_000 + "</table>",
    "<table>" + "<tr><td style='font-size:10pt'><p class=MsoNormal><span>P001<o:p></o:p></span></p></td></tr>" * 60_000,
    "<td>x" * 1_000_000,
    "<tr><td colspan=64 rowspan=64>x" * 200_000,
    "<a" * 2_500_000,
    "<table><tr><td>" * 300_000,
], ids=["big-table", "outlook-styles", "cells", "spans", "open-tags", "nested"])
def test_a_5_mb_html_body_parses_in_well_under_a_second_or_two(html):
    raw = eml(html, subject="订单")
    assert len(raw) > 4_000_000
    start = time.perf_counter()
    parse_email(raw).contract()
    assert time.perf_counter() - start < 2.5  # about 0.5 s on one core; the machines are shared
