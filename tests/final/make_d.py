"""Deterministic generator for the held-out parser test set "d" (40 .eml files).

Run:  /work/main/.venv/bin/python tests/final/make_d.py [OUTDIR]

Every header, Message-ID, Date and MIME boundary is fixed, attachments are
built byte-for-byte reproducibly (the xlsx zip is re-packed with fixed
timestamps), so re-running writes identical bytes.  The expected JSON files
(d_*.json) beside the .eml files are written by hand, NOT by this script.
"""
from __future__ import annotations

import io
import re
import struct
import sys
import zipfile
import zlib
from email.charset import BASE64, QP, Charset
from email.header import Header
from email.message import Message
from email.mime.application import MIMEApplication
from email.mime.base import MIMEBase
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import formataddr
from pathlib import Path

OUT = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent
US = "orders@example.com"
REP = ("李伟", "li.rep@example.com")


# ---------------------------------------------------------------- helpers
def text(body: str, subtype: str = "plain", cs: str = "utf-8", cte: str = "base64") -> MIMEText:
    c = Charset(cs)
    c.body_encoding = QP if cte == "qp" else BASE64
    return MIMEText(body, subtype, c)


def addr(name: str | None, email: str, cs: str = "utf-8") -> str:
    if not name:
        return email
    return formataddr((name, email), charset=cs)


def subj(s: str, cs: str = "utf-8"):
    try:
        s.encode("ascii")
        return s
    except UnicodeEncodeError:
        return Header(s, cs)


def attach(data: bytes, maintype: str, subtype: str, filename: str, rfc2231: bool = True) -> MIMEBase:
    if maintype == "application":
        part = MIMEApplication(data, subtype)
    else:
        from email import encoders
        part = MIMEBase(maintype, subtype)
        part.set_payload(data)
        encoders.encode_base64(part)
    try:
        filename.encode("ascii")
        part.add_header("Content-Disposition", "attachment", filename=filename)
    except UnicodeEncodeError:
        if rfc2231:
            part.add_header("Content-Disposition", "attachment", filename=("utf-8", "", filename))
        else:
            part.add_header("Content-Disposition", "attachment", filename=str(Header(filename, "utf-8").encode()))
    return part


def alt(plain: MIMEText, html: MIMEText, boundary: str) -> MIMEMultipart:
    m = MIMEMultipart("alternative", boundary=boundary)
    m.attach(plain)
    m.attach(html)
    return m


def finalize(msg: Message, headers: list[tuple[str, object]]) -> Message:
    existing = msg._headers
    msg._headers = []
    for k, v in headers:
        msg[k] = v
    msg._headers += existing
    return msg


def base_headers(frm, to, subject, date, msgid, extra=()):
    h = [("From", frm), ("To", to), ("Subject", subject), ("Date", date), ("Message-ID", msgid)]
    h.extend(extra)
    return h


def html_table(rows, border=1):
    out = [f'<table border="{border}" cellspacing="0" cellpadding="4" style="border-collapse:collapse">']
    for i, r in enumerate(rows):
        tag = "th" if i == 0 else "td"
        out.append("<tr>" + "".join(f"<{tag}>{c}</{tag}>" for c in r) + "</tr>")
    out.append("</table>")
    return "\n".join(out)


def png_gray(w: int, h: int) -> bytes:
    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)
    raw = b"".join(b"\x00" + bytes((x * 7 + y * 3) % 256 for x in range(w)) for y in range(h))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def tiny_pdf(lines: list[str]) -> bytes:
    content = "BT /F1 14 Tf 60 780 Td " + " ".join(f"({l}) Tj 0 -22 Td" for l in lines) + " ET"
    content += " 60 200 m 500 200 l 500 600 l 60 600 l h S 150 300 m 410 300 l S"
    objs = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n"
    offs = []
    for i, o in enumerate(objs, 1):
        offs.append(len(out))
        out += f"{i} 0 obj\n{o}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objs)+1}\n0000000000 65535 f \n".encode()
    for o in offs:
        out += f"{o:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objs)+1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def repack_zip(data: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2025, 12, 8, 15, 55, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            payload = src.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps "modified" with the wall clock on save
                payload = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                                 rb"\g<1>2025-12-08T04:55:00Z\g<2>", payload)
            dst.writestr(zi, payload)
    return buf.getvalue()


def write(name: str, msg: Message) -> None:
    for part in msg.walk():
        if part is not msg:
            del part["MIME-Version"]
    data = msg.as_bytes()
    (OUT / f"{name}.eml").write_bytes(data)


EMAILS = []


def email(fn):
    EMAILS.append(fn)
    return fn


# ================================================================ ORDERS
@email
def d_order_hospital_form():
    body = """示例机电设备有限公司 销售部：

经院内比价审批，现向贵司采购以下设备，请按本订单供货。

采购单号：HZ3Y-CG-2025-0318
采购单位：杭州市第三人民医院
联 系 人：陈立新（后勤保障部）
联系电话：0571-87001234 / 13957112345
送货地址：杭州市上城区解放路218号 后勤仓库

序号  设备名称          规格型号              单位  数量  单价(含税,元)   金额(元)
1     管道离心泵        ISG65-160 7.5kW       台    2      6,850.00      13,700.00
2     无油静音空压机    OF-1100-50L 220V      台    3      2,380.00       7,140.00
3     不锈钢闸阀        Z41W-16P DN65         个    6        415.00       2,490.00
合计金额：人民币 23,330.00 元（大写：贰万叁仟叁佰叁拾元整）

交货期限：2025年4月15日前送达
付款方式：设备到货安装验收合格后60日内支付全款
备    注：随货提供产品合格证、检测报告及增值税专用发票；送货前请提前一天电话联系。

杭州市第三人民医院 设备采购办
2025年3月18日
"""
    m = text(body, cte="qp")
    return finalize(m, base_headers(
        addr("杭州市第三人民医院设备采购办", "sbk@hz3yy.example"), US,
        subj("采购订单 HZ3Y-CG-2025-0318（后勤保障部 水泵及空压机）"),
        "Tue, 18 Mar 2025 09:42:17 +0800", "<20250318094217.HZ3Y0318@hz3yy.example>",
        [("X-Mailer", "Coremail Webmail Server Version 2023.2")]))


@email
def d_order_foreman_android():
    body = """李经理 早
工地基坑积水 急需潜水泵，帮忙安排：
QW型潜水排污泵，型号50QW15-30-3，两台
DN50消防水带 100米
明天上午10点前送到工地，滨江区江南大道与长河路交叉口宏远商住楼项目部，到了打我电话13857162290
钱还是老规矩，月底结清

张建国

发自我的华为手机
"""
    m = text(body)
    return finalize(m, base_headers(
        addr("张建国", "zhangjg1978@163.example"), addr("李伟", "li.rep@example.com") + ", " + US,
        subj("急！水泵"), "Sun, 12 May 2024 06:48:05 +0800",
        "<a7c1f0e2-5b1d-4a6e-9c0b-1f2e3d4c5b6a@email.android.com>",
        [("X-Mailer", "HUAWEI Email 12.0.1.300")]))


@email
def d_order_dubai_html():
    rows = [["Item", "Description", "Model", "Qty", "Unit", "Unit Price (USD)", "Amount (USD)"],
            ["1", "Helical gear motor", "R67 DRN100L4 3kW i=23.6", "12", "sets", "1,145.00", "13,740.00"],
            ["2", "Centrifugal pump", "CDLF8-60", "8", "sets", "980.00", "7,840.00"],
            ["", "Freight (CIF Jebel Ali)", "", "", "", "", "850.00"],
            ["", "<b>Total CIF Jebel Ali</b>", "", "", "", "", "<b>22,430.00</b>"]]
    head = """Dear Mr. Li Wei,

Further to your offer ref. HT-Q-240902 dated 2 Sept, kindly find below our confirmed purchase order.

PO No.: GH-PO-24117
Buyer: Gulf Horizon General Trading LLC
Address: Warehouse 14, Street 5, Al Quoz Industrial Area 3, Dubai, UAE
Contact: Rashid Al Mansoori, +971 4 338 2210
"""
    tail = """Payment: 30% T/T in advance, balance against copy of B/L
Shipment: not later than end of next month
Packing & marking: export seaworthy wooden cases, marked "GHT / DUBAI / GH-PO-24117"; Certificate of Origin and packing list required.

Best regards,
Rashid Al Mansoori
Procurement Manager
Gulf Horizon General Trading LLC
Tel +971 4 338 2210 | Mob +971 50 611 7342
"""
    plain_rows = "\n".join("\t".join(r).replace("<b>", "").replace("</b>", "") for r in rows)
    plain = head + "\n" + plain_rows + "\n\n" + tail
    html = ("<html><body style=\"font-family:Calibri\">" + "".join(
        f"<p>{p.replace(chr(10), '<br>')}</p>" for p in head.strip().split("\n\n"))
        + html_table(rows) + "".join(f"<p>{p.replace(chr(10), '<br>')}</p>" for p in tail.strip().split("\n\n"))
        + "</body></html>")
    m = alt(text(plain, cte="qp"), text(html, "html", cte="qp"), "_000_GHPO24117DXB_")
    return finalize(m, base_headers(
        addr("Rashid Al Mansoori", "procurement@gulfhorizon.example"), addr("Li Wei", "li.rep@example.com"),
        "Purchase Order GH-PO-24117 - Gear motors & pumps", "Tue, 10 Sep 2024 14:05:33 +0400",
        "<DB8PR04MB6411C2A5E1F0@DB8PR04MB6411.eurprd04.prod.gulfhorizon.example>",
        [("Cc", US), ("X-MS-Has-Attach", ""), ("Content-Language", "en-US")]))


@email
def d_order_vietnam_words():
    body = """Dear Mr Li,

Good day to you. We are Thanh Dat Plastic Co., Ltd from Binh Duong. After check your quotation, our boss agree to order below items:

1/ Hydraulic cylinder, model HOB50x150, quantity: ten (10) pcs, price 145 USD/pc
2/ Solenoid valve, model 4WE6D-24VDC, quantity: twenty-four (24) pcs, price 62.50 USD/pc
3/ Hydraulic hose 1/2" with fittings, quantity: fifty (50) m, price 6.80 USD/m

Please deliver within 2 weeks because our injection machine is stop now.
Payment: 100% TT before shipment.
Delivery address: Lot B2, Street DT743, Song Than 2 Industrial Park, Di An City, Binh Duong, Vietnam
Please confirm by return.

Thank you and best regards,
Nguyen Thi Lan (Ms.)
Purchasing Dept. - Thanh Dat Plastic Co., Ltd
Tel: +84 274 3790 567
"""
    m = MIMEText(body, "plain", "us-ascii")
    return finalize(m, base_headers(
        addr("Nguyen Thi Lan", "lan.nt@thanhdatplastic.example"), US,
        "Order for hydraulic parts - PO TD240706", "Sat, 6 Jul 2024 10:15:00 +0700",
        "<CAHx8f3kQ2+vN7dJ0rT5wLp9@mail.thanhdatplastic.example>"))


@email
def d_order_thai_bullets():
    body = """Hi Li Wei,

Thank you for the good price. Please process our order as below:

\u2022 Stainless chain conveyor belt, spec SS304 W300mm \u2013 40 m @ USD 96.00/m
\u2022 Sprocket, spec 12T P25.4 \u2013 16 pcs @ USD 18.50/pc
\u2022 Gear reducer, model NMRV063 i=30 \u2013 4 units @ USD 210.00/unit

Sub-total: USD 4,976.00
Special discount: -USD 276.00
Sea freight to Laem Chabang: USD 450.00
Grand total: USD 5,150.00

PO: PO-SFP-2502-031
Payment: Net 45 days from B/L date
Delivery: 31 March 2025 latest, CIF Laem Chabang
Remarks: each reducer packed in carton with foam; our PO number on every package.

Somchai Prasert
Siam Food Pack Co., Ltd.
Mobile +66 81 442 9087
"""
    m = text(body, cte="qp")
    return finalize(m, base_headers(
        addr("Somchai Prasert", "somchai@siamfoodpack.example"), addr("Li Wei", "li.rep@example.com"),
        "Confirm order PO-SFP-2502-031", "Thu, 20 Feb 2025 16:22:41 +0700",
        "<0c1d2e3f-siamfoodpack-20250220162241@siamfoodpack.example>", [("Cc", US)]))


@email
def d_order_korean_pipe():
    body = """Dear Mr. Li,

Hope you are doing well. Please find our PO below and kindly confirm the delivery date.

PO No    : DS-250611-02
Company  : Daesung Engineering Co., Ltd.
Ship to  : 45, Gongdan-ro 140beon-gil, Seongsan-gu, Changwon-si, Gyeongsangnam-do, Korea
Attn     : Park Ji-hoon / +82-55-285-7731

| No | Part No.    | Description                | Spec         | Q'ty | Unit | Unit Price | Amount       |
|----|-------------|----------------------------|--------------|------|------|------------|--------------|
| 1  | AC-FLT-0450 | Air filter element         | 1625165856   | 30   | EA   | USD 42.00  | USD 1,260.00 |
| 2  | AC-SEP-0210 | Oil separator              | 2901-0776-00 | 6    | SET  | USD 315.00 | USD 1,890.00 |
| 3  | AC-VLV-0033 | Minimum pressure valve kit | MPV-37       | 4    | SET  | USD 188.00 | USD 752.00   |
Total: USD 3,902.00 (EXW Shanghai)

Payment term : Net 45
Delivery     : by 2025-07-04 (ready at your factory)
Remark       : Test certificate required. Original packing.

Best regards,
Park Ji-hoon
Purchasing Team | Daesung Engineering Co., Ltd.
대성엔지니어링(주) 구매팀
"""
    m = text(body)
    return finalize(m, base_headers(
        addr("박지훈 (Park Ji-hoon)", "jhpark@daesung-eng.example"), US,
        "PO# DS-250611-02 / Air compressor parts", "Wed, 11 Jun 2025 10:31:09 +0900",
        "<20250611103109.4F2A1C@daesung-eng.example>", [("X-Mailer", "Daou Office Mail")]))


@email
def d_order_russian_spaces():
    body = """Hello Li Wei,

As we discussed by phone, we place the order. Prices as in your offer, EUR, DAP Yekaterinburg.

Order No. UP-1027/25
Buyer: OOO "UralPrivod"
Delivery address: 620102, Yekaterinburg, ul. Posadskaya 23, sklad 4
Contact person: Dmitry Volkov, tel. +7 343 228-41-90

Pos  Article      Description                      Qty   Unit   Price, EUR    Sum, EUR
1    YE3-132M-4   Electric motor 7,5 kW 1500rpm     20   pcs        312,00    6 240,00
2    VFD-7R5-T4   Frequency inverter 7,5 kW         20   pcs        268,50    5 370,00
3    VFD-KP01     Remote keypad                     20   pcs         19,00      380,00
                                                              Total:        11 990,00

Payment: 50% prepayment, 50% before shipment.
Delivery time: not later than 15.12.2025.
Documents: EAC declaration of conformity copy, invoice, packing list in English.

Best regards,
Dmitry Volkov
Purchasing manager
OOO "UralPrivod"
"""
    m = text(body, cte="qp")
    return finalize(m, base_headers(
        addr("Dmitry Volkov", "d.volkov@uralprivod.example"), US,
        "Order No. UP-1027/25 - motors and inverters", "Mon, 27 Oct 2025 11:02:44 +0300",
        "<1761552164.118342.uralprivod@mail.uralprivod.example>", [("X-Mailer", "Zimbra 9.0.0_GA_4546")]))


@email
def d_order_brazil_portuguese():
    body = """Prezado Sr. Li Wei,

Conforme cotação HT-Q-240611, segue nosso pedido de compra:

Pedido nº: 4500012873
Empresa: Agromec Sul Indústria de Máquinas Ltda.
CNPJ: 12.345.678/0001-90
Endereço de entrega: Rod. BR-386, km 342, Distrito Industrial, Lajeado - RS, CEP 95900-000, Brasil
Contato: Mariana Souza - (51) 3714-2200

Item 1: Redutor de velocidade coaxial - modelo R47 i=15,2 - 20 unidades - US$ 385,00 por unidade
Item 2: Acoplamento elástico - modelo GR-28 - 40 unidades - US$ 27,50 por unidade

Valor total: US$ 8.800,00
Frete: por conta do comprador (FOB Shanghai)
Condição de pagamento: 30% antecipado, saldo 60 dias após embarque
Prazo de entrega: embarque até 15/08/2024
Observações: embalagem em caixa de madeira fumigada (ISPM 15); enviar certificado de origem.

Atenciosamente,
Mariana Souza
Compradora - Agromec Sul
"""
    m = text(body, cs="iso-8859-1", cte="qp")
    return finalize(m, base_headers(
        addr("Mariana Souza", "compras@agromecsul.example", "iso-8859-1"), US,
        subj("Pedido de Compra nº 4500012873 - Redutores", "iso-8859-1"), "Fri, 28 Jun 2024 15:47:12 -0300",
        "<CAJ7p2L9s0Xq+agromecsul.4500012873@mail.agromecsul.example>"))


@email
def d_order_university_lab():
    body = """李老师/李经理您好，

我是东江大学机械工程学院流体传动与控制实验室的刘洋。课题组经费已经批下来了，按贵司11月8日的报价单（HT-Q-2024-1108）订购以下配件：

1. 齿轮泵，型号CBN-E316，1台，单价1,280元
2. 溢流阀，型号DBDS10K10/315，2个，单价860元
3. 压力传感器，型号PT-124B 0-25MPa 4-20mA，3个，单价450元

合计：4,350元（含13%增值税）。
请下周三送到实验室：东江市大学城中路100号 东江大学工程训练中心B座112室，收货人刘洋，电话18867129034。
付款：收货后30天内由学校财务处对公转账。
备注：需开增值税普通发票（抬头：东江大学），随货寄出。

谢谢！
刘洋
东江大学 机械工程学院 流体传动与控制实验室
"""
    m = text(body)
    return finalize(m, base_headers(
        addr("刘洋", "liuyang@me.dju.edu.example"), US,
        subj("实验室采购：液压试验台配件（按报价单HT-Q-2024-1108）"), "Sat, 16 Nov 2024 21:14:50 +0800",
        "<3b9e2f5a.7d41.1933c0a4b2e.Coremail.liuyang@me.dju.edu.example>",
        [("X-Mailer", "Coremail Webmail Server Version XT5.0.13")]))


@email
def d_order_gov_platform():
    rows = [["序号", "商品名称", "规格型号", "单位", "数量", "单价(元)", "小计(元)"],
            ["1", "柴油机水泵机组", "150HW-12 配22kW柴油机", "台", "2", "18,600.00", "37,200.00"],
            ["2", "移动式潜水泵", "100QW70-15-5.5", "台", "6", "3,150.00", "18,900.00"]]
    html = f"""<html><head><meta charset="utf-8"></head><body>
<p>示例机电设备有限公司：</p>
<p>采购人已在电子卖场向贵单位下单，请于2个工作日内登录系统确认。</p>
<table>
<tr><td>订单编号：</td><td>ZC20250917004512</td></tr>
<tr><td>采购人：</td><td>清溪县水利局</td></tr>
<tr><td>采购人联系人：</td><td>黄志明</td></tr>
<tr><td>联系电话：</td><td>0576-86221350</td></tr>
<tr><td>邮箱：</td><td>hzm@qxsl.gov.example</td></tr>
<tr><td>收货地址：</td><td>清溪县城东街道望江路66号 清溪县水利局防汛物资仓库</td></tr>
<tr><td>要求到货日期：</td><td>2025-10-10</td></tr>
</table>
<p><b>商品明细</b></p>
{html_table(rows)}
<p>订单总额：56,100.00 元</p>
<p>付款方式：验收合格后30日内支付</p>
<p>备注：防汛应急物资，须提供安装调试及操作培训。</p>
<p style="color:#999">本邮件由系统自动发送，请勿直接回复。如需沟通请登录电子卖场。</p>
</body></html>"""
    m = text(html, "html")
    return finalize(m, base_headers(
        addr("政府采购电子卖场", "noreply@zfcg-mall.example"), US,
        subj("【电子卖场】订单通知：订单编号 ZC20250917004512 请及时确认"), "Wed, 17 Sep 2025 15:30:00 +0800",
        "<ZC20250917004512.notify@zfcg-mall.example>"))


@email
def d_order_shop_colloquial():
    body = """老李，帮我发点货哈
6204轴成 两百个 3块5一个
6205轴承 150个 4块2
三角带A1000 五十条 8块
sf到付就行，zfb先付一半 剩下的收到货再转你
下周二前要到哈 店里没货了
地址还是老地方 永康五金城北区C座12号 电话13967908812

永兴五金 老陈
"""
    plain = text(body)
    html = text("<div>" + "</div><div>".join(body.rstrip("\n").split("\n")) + "</div>", "html")
    m = alt(plain, html, "----=_NextPart_68A9D6E2_0B1C7A30_4E2F9A11")
    return finalize(m, base_headers(
        addr("永兴五金", "2294417305@qq.example"), addr("李伟", "li.rep@example.com"),
        subj("老李 dd"), "Sat, 23 Aug 2025 22:41:06 +0800",
        "<tencent_5B0E7C2D9A4F1E8B3C6D2A10F7E4B9C5D308@qq.example>",
        [("X-QQ-mid", "xmsgzb8t1755960066tk3p9b2ax"), ("X-Mailer", "QQMail for Android 6.6.8")]))


@email
def d_order_taiwan_big5():
    body = """示例機電 李經理 您好：

本公司訂購下列品項，請安排出貨，謝謝。

訂單編號：HY-1131203
公司名稱：信億機械股份有限公司
統一編號：24681357
聯絡人：林美華
電話：(04)2359-1234
送貨地址：台中市西屯區工業區三十八路12號

【品項1】品名：交流伺服馬達／型號：SM130-15／數量：１２台／單價：人民幣３，２５０元
【品項2】品名：伺服驅動器／型號：SD-2000A／數量：１２台／單價：人民幣２，１８０元
【品項3】品名：編碼器延長線／規格：５公尺／數量：１２條／單價：人民幣１２０元

總金額：人民幣陸萬陸仟陸佰元整（66,600元）
交貨日期：民國114年1月15日前
付款條件：月結60天
備註：馬達與驅動器請成對編號出貨，外箱標示訂單編號。

信億機械股份有限公司 採購部
林美華
"""
    m = text(body, cs="big5")
    return finalize(m, base_headers(
        addr("林美華", "mh.lin@hsinyi-mach.example", "big5"), US,
        subj("訂購單 HY-1131203", "big5"), "Tue, 3 Dec 2024 09:05:27 +0800",
        "<000001db4512$8a3c2e10$9eb48a30$@hsinyi-mach.example>",
        [("X-Mailer", "Microsoft Outlook 16.0"), ("Thread-Index", "AdtFEoo8LhCetIowQ2xRaW5NaWtl")]))


@email
def d_order_outlook_word():
    rows = [["Line", "Item Code", "Description", "Spec", "Qty", "Unit", "Unit Price (CNY)", "Amount (CNY)"],
            ["1", "P004", "Control board", "CB-24V", "200", "pcs", "360.00", "72,000.00"],
            ["2", "P001", "A产品", "L-500×300", "20", "台", "500.00", "10,000.00"],
            ["", "", "Freight", "", "", "", "", "600.00"],
            ["", "", "Total", "", "", "", "", "82,600.00"]]
    head = ["Hi Li Wei,", "",
            "Please find our purchase order below. Kindly confirm receipt and ship date.", "",
            "PO Number: NW-PO-25-0507",
            "Customer: Northwind Trading Co. (Customer Code: CUST002)",
            "Ship to: Room 5, 88 Century Avenue, Shanghai",
            "Contact: Alice Chen, +86 21 5555 0102", ""]
    tail = ["", "Payment terms: Net 30",
            "Requested delivery: May 23, 2025",
            "Notes: Please ship in two cartons per pallet, max pallet height 1.2 m; COC required for control boards.", "",
            "Thanks & regards,", "Alice Chen", "Purchasing | Northwind Trading Co.", "T: +86 21 5555 0102"]
    plain = "\n".join(head + ["\t".join(r) for r in rows] + tail) + "\n"

    def p(s):
        return (f"<p class=MsoNormal><span lang=EN-US>{s}<o:p></o:p></span></p>" if s
                else "<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>")

    def cell(s, w, bold=False):
        inner = f"<b><span lang=EN-US>{s}<o:p></o:p></span></b>" if bold else f"<span lang=EN-US>{s}<o:p></o:p></span>"
        if not s:
            inner = "<span lang=EN-US><o:p>&nbsp;</o:p></span>"
        return (f"<td width={w} valign=top style='width:{w * 0.75:.1f}pt;border:solid windowtext 1.0pt;"
                f"padding:0cm 5.4pt 0cm 5.4pt'><p class=MsoNormal>{inner}</p></td>")
    widths = [40, 70, 110, 80, 45, 45, 95, 95]
    trs = []
    for i, r in enumerate(rows):
        trs.append("<tr style='mso-yfti-irow:%d'>" % i + "".join(cell(c, w, i == 0) for c, w in zip(r, widths)) + "</tr>")
    html = ("""<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns:m="http://schemas.microsoft.com/office/2004/12/omml" xmlns="http://www.w3.org/TR/REC-html40"><head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><meta name=Generator content="Microsoft Word 15 (filtered medium)"><style><!--
/* Font Definitions */
@font-face
	{font-family:DengXian;
	panose-1:2 1 6 0 3 1 1 1 1 1;}
@font-face
	{font-family:Calibri;
	panose-1:2 15 5 2 2 2 4 3 2 4;}
/* Style Definitions */
p.MsoNormal, li.MsoNormal, div.MsoNormal
	{margin:0cm;
	text-align:justify;
	text-justify:inter-ideograph;
	font-size:10.5pt;
	font-family:DengXian;}
span.EmailStyle17
	{mso-style-type:personal-compose;}
@page WordSection1
	{size:612.0pt 792.0pt;
	margin:72.0pt 90.0pt 72.0pt 90.0pt;}
div.WordSection1
	{page:WordSection1;}
--></style><!--[if gte mso 9]><xml>
<o:shapedefaults v:ext="edit" spidmax="1026" />
</xml><![endif]--><!--[if gte mso 9]><xml>
<o:shapelayout v:ext="edit">
<o:idmap v:ext="edit" data="1" />
</o:shapelayout></xml><![endif]--></head><body lang=ZH-CN link="#0563C1" vlink="#954F72" style='text-justify-trim:punctuation'><div class=WordSection1>"""
            + "".join(p(s) for s in head)
            + "<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt'>"
            + "".join(trs) + "</table>"
            + "".join(p(s) for s in tail) + "</div></body></html>")
    m = alt(text(plain, cte="qp"), text(html, "html", cte="qp"), "_000_SG2PR06MB5290A1B2C3D4E5F6SG2PR06MB5290apcp_")
    return finalize(m, base_headers(
        addr("Alice Chen", "alice@northwind.example"), addr("Li Wei", "li.rep@example.com"),
        "PO NW-PO-25-0507 Control boards & A products", "Wed, 7 May 2025 08:12:55 +0800",
        "<SG2PR06MB5290A1B2C3D4E5F6E1D2B3A4C5D6@SG2PR06MB5290.apcprd06.prod.northwind.example>",
        [("Cc", US), ("Thread-Topic", "PO NW-PO-25-0507 Control boards & A products"),
         ("Thread-Index", "AdvA1B2C3D4E5F60718293A4B5C6D7E8F9"), ("Accept-Language", "en-US, zh-CN"),
         ("Content-Language", "en-US"), ("X-MS-Has-Attach", ""), ("X-Mailer", "Microsoft Outlook 16.0")]))


@email
def d_order_foxmail_gb18030_quote():
    body = """李经理：

  你好！按贵司报价单 HT-Q-2507-016 的价格下单，具体如下：

  1、两相步进电机，型号57HS22-4A，数量300台，单价68元
  2、步进驱动器，型号DM542，数量300台，单价95元
  3、电机连接线，规格1.5米，数量300条，单价6.5元

  我司订单号：QM-PO-20250721-03
  付款：月结30天
  交货：8月5日前送到我司仓库（深圳市南山区科技园南区8栋1楼收货处），收货人赵敏 13900000003
  备注：每台电机贴我司物料编码标签，标签稍后发你。

  客户：深圳启明电子有限公司（编码 CUST003）

赵敏
深圳启明电子有限公司 采购部

------------------ 原始邮件 ------------------
发件人: "李伟"<li.rep@example.com>;
发送时间: 2025年7月18日(星期五) 下午4:12
收件人: "赵敏"<zhao@qiming.example>;
主题: 示例机电 报价单 HT-Q-2507-016 （步进电机/驱动器）

赵女士您好，

报价如下（含13%增值税，不含运费）：
  两相步进电机 57HS22-4A     100台以上 68元/台；500台以上 63元/台
  步进驱动器 DM542           100台以上 95元/台；500台以上 88元/台
  电机连接线 1.5米           6.5元/条
报价有效期至2025年7月31日。

李伟
示例机电设备有限公司
"""
    html = ("<html><head><meta http-equiv=\"content-type\" content=\"text/html; charset=gb18030\"></head><body>"
            + "".join(f"<div>{l if l.strip() else '<br>'}</div>" for l in body.split("------------------ 原始邮件")[0].split("\n"))
            + "<div style=\"font-size:12px;background:#efefef;padding:8px\"><div><b>发件人:</b>&nbsp;\"李伟\"&lt;li.rep@example.com&gt;;</div>"
            + "<div><b>发送时间:</b>&nbsp;2025年7月18日(星期五) 下午4:12</div><div><b>收件人:</b>&nbsp;\"赵敏\"&lt;zhao@qiming.example&gt;;</div>"
            + "<div><b>主题:</b>&nbsp;示例机电 报价单 HT-Q-2507-016 （步进电机/驱动器）</div></div><br>"
            + "".join(f"<div>{l if l.strip() else '<br>'}</div>" for l in body.split("主题: 示例机电 报价单 HT-Q-2507-016 （步进电机/驱动器）\n")[1].split("\n"))
            + "</body></html>")
    m = alt(text(body, cs="gb18030"), text(html, "html", cs="gb18030"), "----=_NextPart_687DA2C5_0F3E2A98_3B1D6C47")
    return finalize(m, base_headers(
        addr("赵敏", "zhao@qiming.example", "gb18030"), addr("李伟", "li.rep@example.com", "gb18030"),
        subj("回复：示例机电 报价单 HT-Q-2507-016 （步进电机/驱动器）", "gb18030"), "Mon, 21 Jul 2025 10:26:13 +0800",
        "<202507211026130318215@qiming.example>",
        [("Cc", US), ("X-Mailer", "Foxmail 7.2.25.331[cn]"), ("X-Priority", "3"),
         ("In-Reply-To", "<20250718161200.HTQ2507016.li.rep@example.com>")]))


@email
def d_order_gmail_forward():
    body = """请录入，客户是新客户，已电话确认过价格。

---------- Forwarded message ---------
From: 周建华 <zhou.jh@jinxinpack.example>
Date: 2025年1月11日周六 16:35
Subject: 订单-金鑫包装-纸箱机配件
To: 李伟 <li.rep@example.com>


李工你好，
我司需要订购以下配件：
1. 同步带 型号 HTD8M-1200-30 数量 10 条 单价 145 元/条
2. 气缸 型号 SC63×100 数量 4 只 单价 320 元/只
3. 电磁阀 型号 4V210-08 DC24V 数量 4 只 单价 75 元/只
运费 100 元，合计 3,130 元。
要求1月20日前到货，年前要检修设备。
送货地址：佛山市顺德区容桂街道华口工业区兴华路8号 金鑫包装厂
付款：款到发货

周建华
佛山市金鑫包装制品有限公司 设备部
手机：13726581190
"""
    note, rest = body.split("\n\n", 1)
    fwd_hdr, fwd_body = rest.split("\n\n\n", 1)
    parts = [note, fwd_hdr, fwd_body]
    html = ('<div dir="ltr">' + "<br>".join(parts[0].split("\n")) + '<br><div class="gmail_quote gmail_quote_container">'
            + '<div dir="ltr" class="gmail_attr">' + "<br>".join(parts[1].split("\n")) + "</div><br><br>"
            + '<div>' + "<br>".join(parts[2].split("\n")) + "</div></div></div>")
    m = alt(text(body), text(html, "html"), "000000000000a3f1e2062b8f0c11")
    return finalize(m, base_headers(
        addr("李伟", "li.rep@example.com"), US,
        subj("Fwd: 订单-金鑫包装-纸箱机配件"), "Mon, 13 Jan 2025 09:18:40 +0800",
        "<CAKp4Wz7Qf3=Hn2xLw0m8r+FwdJinxin0113@mail.gmail.com>"))


@email
def d_order_wecom_drawing():
    rows = [["物料编码", "名称", "规格", "单位", "数量", "单价", "金额"],
            ["P001", "A产品", "L-500×300", "台", "100", "500", "50,000"],
            ["P003", "C型支架（定制）", "按图纸 HD-DWG-0332", "件", "200", "80", "16,000"]]
    html = f"""<div>示例机电 李经理：</div><div>现下单如下，请确认。</div><div><br></div>
<div>客户：华东精密机械有限公司（编码 CUST001）</div>
<div>订单号：HD-PO-240409-1</div><div><br></div>
{html_table(rows)}
<div><br></div>
<div>运费：800元</div>
<div>合计：66,800元</div>
<div>付款方式：预付30%，余款发货前付清</div>
<div>交货日期：2024年4月30日</div>
<div>送货地址：上海市浦东新区张江路100号</div>
<div>联系人：王先生 13800000001</div>
<div>备注：需防潮包装</div>
<div><br></div><div>图纸见附件。</div><div><br></div>
<div>华东精密 采购部</div>"""
    m = MIMEMultipart("mixed", boundary="----=_Part_WXWork_3c2b1a09f8e7")
    m.attach(text(html, "html"))
    m.attach(attach(tiny_pdf(["HD-DWG-0332  C-bracket (custom)", "1200 x 600 x 5 mm  Q235  galvanized", "Huadong Precision  Rev.B"]),
                    "application", "pdf", "HD-DWG-0332.pdf"))
    return finalize(m, base_headers(
        addr("王磊", "purchase@huadong.example"), addr("李伟", "li.rep@example.com") + ", " + US,
        subj("华东精密采购订单 HD-PO-240409-1"), "Tue, 9 Apr 2024 14:40:02 +0800",
        "<tencent_9A3B2C1D0E4F5A6B7C8D9E0F1A2B3C4D5E06@exmail.huadong.example>",
        [("X-Mailer", "WXWork 4.1.22 (Windows)")]))


@email
def d_order_163_csv_gbk():
    body = """李经理：
订单明细见附件，请查收并安排生产发货，月底前到货。
付款方式：预付30%，余款月结30天。
收货地址：嘉兴市秀洲区王店镇工业园区同福路16号
孙海涛 15857366021
嘉兴市恒丰纺织机械有限公司
"""
    csv = ("采购单号,JX-240814\r\n"
           "物料编码,物料名称,规格型号,单位,数量,单价(元),金额(元)\r\n"
           "HF-0101,深沟球轴承,6306-2RS,套,400,18.60,7440.00\r\n"
           "HF-0102,弹性套柱销联轴器,LT6 Φ35×Φ42,套,30,96.00,2880.00\r\n"
           "HF-0103,蜗轮减速机,WPA80-1:20,台,8,850.00,6800.00\r\n"
           "合计,,,,,,17120.00\r\n")
    m = MIMEMultipart("mixed", boundary="----=_Part_118453_1520467822.1723629321000")
    m.attach(text(body))
    m.attach(attach(csv.encode("gbk"), "application", "octet-stream", "采购单JX-240814.csv", rfc2231=False))
    return finalize(m, base_headers(
        addr("孙海涛", "sunhaitao_jx@163.example"), US,
        subj("采购单 JX-240814（见附件）"), "Wed, 14 Aug 2024 17:55:21 +0800",
        "<6f1a2b3c.4d5e.19150a8c3e7.Coremail.sunhaitao_jx@163.example>",
        [("X-Mailer", "Coremail Webmail Server Version XT5.0.14 build 20230109(dcb5de15)")]))


@email
def d_order_xlsx_australia():
    from datetime import date, datetime

    import openpyxl
    from openpyxl.styles import Font
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "PO"
    ws["A1"] = "PURCHASE ORDER"
    ws["A1"].font = Font(bold=True, size=16)
    info = [("Buyer:", "Pacific Rim Machinery Pty Ltd"), ("ABN:", "51 824 753 556"),
            ("Deliver to:", "Unit 3, 27 Heathcote Rd, Moorebank NSW 2170, Australia"),
            ("Contact:", "Tom Gallagher"), ("Phone:", "+61 2 9601 4420"),
            ("Email:", "purchasing@pacificrim-mach.example"), ("PO Number:", "PRM-7781"),
            ("PO Date:", date(2025, 12, 8)), ("Required Date:", date(2026, 1, 30))]
    for i, (k, v) in enumerate(info, start=3):
        ws.cell(i, 1, k).font = Font(bold=True)
        c = ws.cell(i, 2, v)
        if isinstance(v, date):
            c.number_format = "DD/MM/YYYY"
    hdr = ["Item Code", "Description", "Size", "Qty", "UOM", "Unit Price (USD)", "Line Total (USD)"]
    for j, h in enumerate(hdr, 1):
        ws.cell(13, j, h).font = Font(bold=True)
    lines = [("PRM-HC-80", "Hydraulic cylinder", "80/45-400", 6, "EA", 410, 2460),
             ("PRM-PU-22", "Gear pump", "CBT-F420", 10, "EA", 165, 1650),
             ("PRM-FL-10", "Return filter", "RF-240×10F", 12, "EA", 38.5, 462)]
    for i, ln in enumerate(lines, start=14):
        for j, v in enumerate(ln, 1):
            ws.cell(i, j, v)
    ws.cell(18, 6, "Subtotal").font = Font(bold=True)
    ws.cell(18, 7, 4572)
    ws.cell(19, 6, "Freight").font = Font(bold=True)
    ws.cell(19, 7, 380)
    ws.cell(20, 6, "Total").font = Font(bold=True)
    ws.cell(20, 7, 4952)
    ws.cell(22, 1, "Terms:").font = Font(bold=True)
    ws.cell(22, 2, "30 days from invoice")
    ws.cell(23, 1, "Notes:").font = Font(bold=True)
    ws.cell(23, 2, "Fumigated pallets; mark each carton PRM-7781.")
    for col, w in zip("ABCDEFG", (14, 26, 14, 6, 6, 16, 16)):
        ws.column_dimensions[col].width = w
    fixed = datetime(2025, 12, 8, 4, 55, 0)
    wb.properties.created = fixed
    wb.properties.modified = fixed
    wb.properties.creator = "Tom Gallagher"
    wb.properties.lastModifiedBy = "Tom Gallagher"
    buf = io.BytesIO()
    wb.save(buf)
    xlsx = repack_zip(buf.getvalue())
    body = """Hi Li,

Please see attached PO PRM-7781. Shipping marks and delivery details are on the PO.

Cheers,
Tom Gallagher
Purchasing Officer
"""
    m = MIMEMultipart("mixed", boundary="Apple-Mail=_5E2C9A1B-7D3F-4B8E-A0C6-1F2E3D4C5B6A")
    m.attach(text(body, cte="qp"))
    m.attach(attach(xlsx, "application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet", "PO_PRM-7781.xlsx"))
    return finalize(m, base_headers(
        addr("Tom Gallagher", "tom.g@pacificrim-mach.example"), US,
        "Purchase Order PRM-7781", "Mon, 8 Dec 2025 16:03:11 +1100",
        "<5E2C9A1B-PRM7781-0001@pacificrim-mach.example>", [("X-Mailer", "Apple Mail (2.3826.500.181.1.5)")]))


@email
def d_order_iphone_no_company():
    body = """Hi Li Wei,
Pls send another 150 pcs control board (model CB-24V), same price as last PO, RMB 360/pc. Ship to the usual address. Need them by Friday the 19th.
Thx
Alice

Sent from my iPhone
"""
    m = text(body, cte="qp")
    return finalize(m, base_headers(
        addr("Alice Chen", "alice@northwind.example"), addr("Li Wei", "li.rep@example.com"),
        "Reorder control boards", "Sun, 7 Sep 2025 19:22:05 +0800",
        "<9D1C2B3A-4E5F-6071-8293-A4B5C6D7E8F9@northwind.example>",
        [("Cc", US), ("X-Mailer", "iPhone Mail (22G86)")]))


@email
def d_order_custom_no_drawing():
    body = """李经理你好，

项目上需要以下定制件，先下单，麻烦安排：

1. 定制不锈钢设备支架，数量20件，单价850元/件。尺寸按现场实测，图纸后补。
2. 定制C型支架，规格1200×600×5mm，数量40件，单价80元/件。
3. 地脚螺栓，规格M20×400，数量160套，单价12元/套。

合计：22,120元
交货：下周六送到工地
付款：定金20%，余款到货验收后30天内付清
地址：临湘市长安街道白云大道88号 临湘钢结构产业园3号厂房，联系人何振华 15973012266

临湘钢构工程有限公司 何振华
"""
    m = text(body)
    return finalize(m, base_headers(
        addr("何振华", "hezh@lxsteel-struct.example"), US,
        subj("定制支架订单 LX-2603-07"), "Sat, 14 Mar 2026 11:20:44 +0800",
        "<20260314112044.7781.hezh@lxsteel-struct.example>"))


@email
def d_order_custom_drawing_pdf():
    body = """李工：
图纸已确认，正式下单：
定制非标法兰，按附件图纸ZK-DWG-118加工，30件，单价260元/件。
配套密封垫片，规格DN150 PN16，30片，单价9.5元/片。
交期：4月底前。
付款：月结60天。
请在法兰端面打钢印"ZK-118"，并提供材质证明书。

吴凯
苏州中科自动化设备有限公司
0512-62881730
"""
    m = MIMEMultipart("mixed", boundary="=_zhongke_0401_b7e3a9")
    m.attach(text(body))
    m.attach(attach(tiny_pdf(["ZK-DWG-118  Non-standard flange", "OD 285  PCD 240  8-22  t=24  Q345B", "Zhongke Automation  Rev.A"]),
                    "application", "pdf", "ZK-DWG-118.pdf"))
    return finalize(m, base_headers(
        addr("Kevin Wu", "kevin.wu@zhongke-auto.example"), addr("李伟", "li.rep@example.com") + ", " + US,
        subj("RE: 非标法兰加工 — 正式订单 ZK-PO-0401"), "Tue, 1 Apr 2025 13:48:30 +0800",
        "<000a01dba2c4$1f2e3d40$5d6c7b8a$@zhongke-auto.example>",
        [("X-Mailer", "Microsoft Outlook 16.0")]))


@email
def d_order_price_tbd():
    body = """李经理：
节后开工急用，先下单备料，其中托辊和滚筒的单价麻烦报一下。

序号 | 品名 | 规格 | 单位 | 数量 | 单价
1 | 托辊 | Φ89×315 | 支 | 300 | 待定
2 | 滚筒 | Φ500×1000 包胶 | 个 | 4 | 待定
3 | 输送带接头扣 | B800 | 套 | 20 | 35元

交货期：2026年2月28日前
付款方式：月结60天
送货地址：余姚市朗霞街道工业区新建北路9号 原料仓

钱芳
余姚东方橡胶制品有限公司 采购部
0574-62530018
"""
    m = text(body)
    return finalize(m, base_headers(
        addr("采购部 钱芳", "qianfang@dfrubber.example"), US,
        subj("下单：输送机配件 DF-PO-260209"), "Mon, 9 Feb 2026 10:05:37 +0800",
        "<20260209100537.DFPO260209@dfrubber.example>"))


@email
def d_order_india_asap_mismatch():
    body = ("Dear Sir,\n\n"
            "Kindly supply the following at the earliest. Our line is down, need material ASAP.\n\n"
            "PO No: KEW/26-27/0031\n\n"
            "Sr.\tItem\tModel\tQty\tUnit\tRate (USD)\tValue (USD)\n"
            "1\tPlanetary gearbox\tPLF120-10\t4\tNos\t1,250.00\t5,000.00\n"
            "2\tServo motor\t130ST-M10015\t4\tNos\t890.00\t3,650.00\n"
            "3\tCoupling\tGS28 14x19\t8\tNos\t22.00\t176.00\n\n"
            "Delivery: ASAP\n"
            "Payment: 100% advance against proforma invoice.\n"
            "Ship to: Gat No. 312, Chakan MIDC Phase II, Pune 410501, India\n"
            "Contact: Suresh Patil, +91 98220 45113\n\n"
            "Regards,\nSuresh Patil\nKaveri Engineering Works\n")
    m = text(body, cte="qp")
    return finalize(m, base_headers(
        addr("Suresh Patil", "suresh.patil@kaveri-eng.example"), US,
        "Urgent PO KEW/26-27/0031", "Thu, 16 Apr 2026 11:47:20 +0530",
        "<CAF3kew0031pune+xYz@mail.kaveri-eng.example>"))


@email
def d_order_total_mismatch():
    body = ("李伟经理：\n您好！我司订购如下，请于11月15日前发货到厂。\n\n"
            "名称\t规格\t数量\t单价\t金额\n"
            "不锈钢球阀\tQ41F-16P DN50\t120个\t185元\t22200元\n"
            "不锈钢法兰\tDN50 PN16\t240片\t28元\t6720元\n"
            "运费\t\t\t\t300元\n"
            "合计\t\t\t\t29,520元\n\n"
            "付款：货到付款\n"
            "联系人：周静 0574-87661234\n"
            "地址：宁波市鄞州区姜山镇科技园区海川路6号\n\n"
            "宁波海川阀门有限公司 采购部\n")
    m = text(body)
    return finalize(m, base_headers(
        addr("周静", "zhoujing@hcvalve.example"), US,
        subj("订购单 HC20241019-2"), "Sat, 19 Oct 2024 08:30:12 +0800",
        "<20241019083012.HC2.zhoujing@hcvalve.example>"))


@email
def d_order_past_year_typo():
    body = """李经理新年好！
新年第一单，麻烦安排：
产品：B产品（编码P002），规格L-800×400，数量10台，单价1200元
产品：A产品（编码P001），规格L-500×300，数量30台，单价500元
交货日期：2025年1月20日
付款：预付30%，余款货到30天内付清
送货：江苏省常州市武进区湖塘镇星达路3号 星达电气一号仓
联系人：陈佳 18961215537

常州星达电气有限公司
"""
    m = text(body)
    return finalize(m, base_headers(
        addr("Chen Jia", "chenjia@xingda-elec.example"), US,
        subj("新年第一单 XD-2601-001"), "Mon, 5 Jan 2026 09:12:00 +0800",
        "<20260105091200.XD2601001@xingda-elec.example>"))


@email
def d_order_per_metre_wan():
    body = """示例机电：
我矿订购阻燃输送带，型号PVG1000S，两千米，单价210元/米，合计42万元（含13%增值税，含运费送到矿上）。
另订购托辊组，规格Φ108×380，二百组，每组165元，计3.3万元。
总计45.3万元。
要求本月20号前到货。
付款方式：预付百分之三十，到货验收合格后付百分之六十，留百分之十质保金一年后付清。
收货地址：山西省晋中市灵石县两渡镇 晋源煤业有限公司 供应科
联系人：马国庆 0354-7821366

山西晋源煤业有限公司
供应科 马国庆
"""
    m = text(body)
    return finalize(m, base_headers(
        addr("供应科 马国庆", "ma.purchasing@sxjymine.example"), US,
        subj("输送带订货"), "Fri, 5 Jun 2026 10:40:00 +0800",
        "<20260605104000.SXJY.ma@sxjymine.example>"))


@email
def d_order_deposit_discount():
    body = """李经理：
按昨天谈好的价格，下单如下：
- 冷水机，型号HC-05A，3套，每套9,800元
- 模温机，型号MT-09W，3套，每套6,200元
- 冷却塔，规格HT-15，1台，18,500元/台
货款合计66,500元，优惠500元，运费600元，实付66,600元。
付款：定金20%，余款货到后30天内付清。
交货：5月12日前送到我厂。
备注：设备需带中文铭牌和操作手册，到厂后免费调试。

合肥宏发精密注塑有限公司 汪建平
地址：合肥市经开区繁华大道2188号
手机：13805516677
"""
    m = text(body)
    return finalize(m, base_headers(
        addr("汪建平", "wangjp@hfhongfa.example"), US,
        subj("合同订单 HF-2604-15 注塑机配套"), "Sat, 25 Apr 2026 15:10:48 +0800",
        "<20260425151048.HF260415@hfhongfa.example>"))


@email
def d_order_malaysia_next_friday():
    body = """Hi Li,

Thanks for the quick quote. We confirm the order below.
Our PO No.: KLH-25/1129

Item 1: Gear pump (model CBN-F306) x 25 pcs @ USD 46.00
Item 2: Pressure gauge (model YN-60 0-25MPa) x 25 pcs @ USD 7.80
Item 3: O-ring kit (model NBR-382) x 100 boxes @ USD 3.20

Freight: USD 0.00 (free shipping as offered)
Total: USD 1,665.00
Payment: 30 days after delivery
Please deliver by next Friday.
Delivery address: Lot 12, Jalan Perusahaan 3, Kawasan Perindustrian Bukit Beruntung, 48300 Rawang, Selangor, Malaysia

Regards,
Ahmad Faizal
KL Hydraulic Supplies Sdn Bhd
Tel: +60 3-6028 1145
"""
    m = text(body, cte="qp")
    return finalize(m, base_headers(
        addr("Ahmad Faizal", "faizal@kl-hydraulic.example"), US,
        "Order confirmation - PO KLH-25/1129", "Sat, 29 Nov 2025 10:40:19 +0800",
        "<CAGk7mY1129KLH0Rawang@mail.kl-hydraulic.example>"))


# ================================================================ NON-ORDERS
@email
def d_other_logistics_pickup():
    body = """尊敬的客户，您好！

您的上门取件预约已成功，详情如下：
预约单号：DPK202412040317
运单号：DPK6120458893
寄件人：示例机电设备有限公司 李伟 139****1288
取件地址：宁波市北仑区大碶街道示例工业园1号 成品仓
预计取件时间：2024年12月5日 14:00-16:00
货物名称：机械配件
件数：3件　　重量：约120kg　　体积：0.6m³
收件人：信億機械股份有限公司 林美華
运费预估：￥368.00（月结客户，运费计入月结账单）

请提前将货物打包完好并贴好标签。如需修改取件时间，请回复本邮件或拨打客服热线。
德邦快递 客户服务中心
"""
    m = text(body)
    return finalize(m, base_headers(
        addr("德邦快递", "notice@deppon-notify.example"), US,
        subj("【德邦快递】上门取件预约成功通知 DPK202412040317"), "Wed, 4 Dec 2024 17:20:05 +0800",
        "<DPK202412040317.pickup@deppon-notify.example>"))


@email
def d_other_bank_payment_advice():
    body = """Dear Valued Customer,

We are pleased to advise that the following inward remittance has been credited to your account.

Beneficiary       : HENGTUO MECHANICAL & ELECTRICAL EQUIPMENT CO., LTD.
Account No.       : ****8821 (USD)
Value Date        : 13 SEP 2024
Amount            : USD 6,729.00
Remitter          : GULF HORIZON GENERAL TRADING LLC
Remitting Bank    : EMIRATES COMMERCIAL BANK, DUBAI
Remittance Info   : 30PCT DEPOSIT PO GH-PO-24117
Our Reference     : IRM2409130045127
Charges           : USD 15.00 deducted (OUR/SHA)

This is a system-generated advice. No signature is required.
Please do not reply to this e-mail.

Pearl River Commercial Bank - Trade & Remittance Services
"""
    m = text(body, cte="qp")
    return finalize(m, base_headers(
        addr("PRCB Payment Advice", "advice@prcb-notify.example"), US,
        "Payment Advice - Inward Remittance USD 6,729.00 credited", "Fri, 13 Sep 2024 10:02:33 +0800",
        "<IRM2409130045127.advice@prcb-notify.example>"))


@email
def d_reply_status_inquiry():
    body = """Dear Mr. Li,

Could you let me know the shipping schedule for this PO? Our end customer is asking and we have not received the shipping notice yet.

Thank you.
Park Ji-hoon

-----Original Message-----
From: orders@example.com
Sent: Thursday, June 12, 2025 3:05 PM
To: jhpark@daesung-eng.example
Subject: [SO2025060014] 客户需求清单确认 / Requirements list for confirmation

Dear customer,
Please check the attached requirements list for order SO2025060014 (your PO DS-250611-02).
Reply 确认 / OK to confirm, or tell us what to change.
"""
    m = text(body)
    return finalize(m, base_headers(
        addr("박지훈 (Park Ji-hoon)", "jhpark@daesung-eng.example"), US,
        subj("RE: [SO2025060014] 客户需求清单确认 / Requirements list for confirmation"),
        "Mon, 30 Jun 2025 09:15:44 +0900", "<20250630091544.7C1E2D@daesung-eng.example>",
        [("In-Reply-To", "<orderloop.SO2025060014.confirm.1@example.com>"),
         ("References", "<orderloop.SO2025060014.intake@example.com> <orderloop.SO2025060014.confirm.1@example.com>")]))


@email
def d_other_rfq_quantities():
    body = """Dear Sir or Madam,

Müller Fördertechnik GmbH is preparing a project for a bottling line and kindly requests your quotation for the following items:

RFQ No.: RFQ-2026-0418

Pos. 1  Helical bevel gear motor, 1.5 kW, i=40, IP55      50 pcs
Pos. 2  Flat top chain, POM, 82.5 mm                       600 m
Pos. 3  Chain sprocket, 21 teeth, bore 25H7               120 pcs

Please state unit prices FCA Shanghai, lead time and validity of the offer.
Required delivery to Hamburg: end of June 2026.
Deadline for quotation: 15 May 2026.

This is a request for quotation only and not a purchase order.

Mit freundlichen Grüßen / Best regards
Jana Becker
Einkauf / Purchasing
Müller Fördertechnik GmbH
Industriestraße 14, 59302 Oelde, Germany
"""
    m = text(body, cte="qp")
    return finalize(m, base_headers(
        addr("Jana Becker", "j.becker@mueller-foerdertechnik.example"), US,
        "RFQ-2026-0418 Request for quotation - gear motors and chains", "Wed, 6 May 2026 14:22:09 +0200",
        "<RFQ-2026-0418.1746534129@mueller-foerdertechnik.example>"))


@email
def d_other_supplier_pricelist():
    body = """示例机电设备有限公司 采购部：

感谢贵司一直以来的支持！因钢材成本上涨，我司自2025年10月1日起执行新价格，详见下表（含13%增值税，起订量以下按零售价）：

型号        内径×外径×厚度(mm)   起订量(套)   新单价(元/套)
6204-2RS    20×47×14             500          3.30
6205-2RS    25×52×15             500          3.95
6306-2RS    30×72×19             300          17.80
6308-2RS    40×90×23             200          29.50

旧价订单请于9月30日前下达，届时按原价供货。如有疑问请联系我司业务员。

宁波天力轴承有限公司 销售部
电话：0574-88223311
"""
    m = text(body)
    return finalize(m, base_headers(
        addr("宁波天力轴承有限公司", "sales@tianli-bearing.example"), US,
        subj("天力轴承 2025年第四季度价格调整通知"), "Thu, 25 Sep 2025 11:00:00 +0800",
        "<20250925110000.pricelist.Q4@tianli-bearing.example>"))


@email
def d_other_tradeshow_invite():
    html = """<html><body style="font-family:Arial,sans-serif">
<table width="640" align="center"><tr><td>
<h2>2026中国国际动力传动与控制技术展览会 · 诚邀莅临</h2>
<p>尊敬的示例机电设备有限公司：</p>
<p>2026中国国际动力传动与控制技术展览会将于<b>2026年4月20日-24日</b>在上海国家会展中心举行，预计展商1,800家，展览面积12万平方米。</p>
<p>现诚邀贵司参展或参观。标准展位（9㎡）报价：人民币13,800元/个；光地（36㎡起）：1,380元/㎡。3月31日前报名享9折优惠。</p>
<p><a href="https://ptc-expo.example/register?src=edm0310">立即预登记</a></p>
<p style="font-size:12px;color:#888">如不想再收到此类邮件，请<a href="https://ptc-expo.example/unsubscribe?u=orders%40example.com">退订</a>。</p>
</td></tr></table></body></html>"""
    plain = ("2026中国国际动力传动与控制技术展览会 · 诚邀莅临\n\n尊敬的示例机电设备有限公司：\n"
             "2026中国国际动力传动与控制技术展览会将于2026年4月20日-24日在上海国家会展中心举行，预计展商1,800家，展览面积12万平方米。\n"
             "现诚邀贵司参展或参观。标准展位（9㎡）报价：人民币13,800元/个；光地（36㎡起）：1,380元/㎡。3月31日前报名享9折优惠。\n"
             "立即预登记：https://ptc-expo.example/register?src=edm0310\n退订：https://ptc-expo.example/unsubscribe?u=orders%40example.com\n")
    m = alt(text(plain), text(html, "html"), "=-=-=_EDM_0310_8f2a4c6e")
    return finalize(m, base_headers(
        addr("PTC动力传动展组委会", "invite@ptc-expo.example"), US,
        subj("【诚邀】2026中国国际动力传动与控制技术展览会 4月20-24日 上海"), "Tue, 10 Mar 2026 10:00:00 +0800",
        "<edm0310.20260310100000.81234@mailer.ptc-expo.example>",
        [("Precedence", "bulk"), ("List-Unsubscribe", "<https://ptc-expo.example/unsubscribe?u=orders%40example.com>"),
         ("List-Id", "PTC Expo newsletter <news.ptc-expo.example>")]))


@email
def d_other_visit_appointment():
    body = """Dear Li Wei,

Our QC manager and I plan to visit your factory on Tuesday, 4 November 2025 at 10:00 to see the production of the next conveyor batch and discuss the 2026 forecast. Please find the meeting invitation attached and let us know if the time suits you.

Agenda:
- factory tour and QC procedure
- forecast 2026: about 600 m conveyor belt and 40 gear reducers per quarter
- packaging improvement

Best regards,
Somchai Prasert
Siam Food Pack Co., Ltd.
"""
    ics = """BEGIN:VCALENDAR\r
PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\r
VERSION:2.0\r
METHOD:REQUEST\r
BEGIN:VEVENT\r
UID:040000008200E00074C5B7101A82E00800000000SFP20251104\r
DTSTAMP:20251022T064000Z\r
DTSTART:20251104T020000Z\r
DTEND:20251104T060000Z\r
SUMMARY:Siam Food Pack visit - factory tour & forecast 2026\r
LOCATION:Hengtuo factory, Ningbo\r
ORGANIZER;CN=Somchai Prasert:mailto:somchai@siamfoodpack.example\r
ATTENDEE;ROLE=REQ-PARTICIPANT;RSVP=TRUE;CN=Li Wei:mailto:li.rep@example.com\r
END:VEVENT\r
END:VCALENDAR\r
"""
    m = MIMEMultipart("mixed", boundary="_004_visit_SFP_20251104_")
    a = MIMEMultipart("alternative", boundary="_000_visit_SFP_20251104_")
    a.attach(text(body, cte="qp"))
    cal = MIMEText(ics, "calendar", "utf-8")
    cal.set_param("method", "REQUEST")
    a.attach(cal)
    m.attach(a)
    m.attach(attach(ics.encode(), "application", "ics", "invite.ics"))
    return finalize(m, base_headers(
        addr("Somchai Prasert", "somchai@siamfoodpack.example"), addr("Li Wei", "li.rep@example.com") + ", " + US,
        "Invitation: Factory visit Tue 4 Nov 2025 10:00", "Wed, 22 Oct 2025 13:40:00 +0700",
        "<visit-SFP-20251104@siamfoodpack.example>"))


@email
def d_other_hr_recruiting():
    body = """尊敬的HR/招聘负责人：

您好！我在BOSS直聘上看到贵司招聘销售工程师（机电方向），特投递简历，简历见附件。

姓名：王晓东
专业：机械设计制造及其自动化（本科）
经验：3年工业自动化设备销售经验，熟悉减速机、伺服电机、变频器选型
期望薪资：12K×13，可于下周一到岗
电话：18758230917

盼复，谢谢！
王晓东
"""
    m = MIMEMultipart("mixed", boundary="----=_Part_HR_20240302_5521")
    m.attach(text(body))
    m.attach(attach(tiny_pdf(["Resume - Wang Xiaodong", "Sales Engineer, 3 years", "Tel 18758230917"]),
                    "application", "pdf", "王晓东-销售工程师-简历.pdf"))
    return finalize(m, base_headers(
        addr("王晓东", "wxd_job2024@126.example"), US,
        subj("应聘销售工程师-王晓东-机械设计制造及其自动化-3年经验"), "Sat, 2 Mar 2024 20:18:44 +0800",
        "<5c2d1e0f.1a2b.18dff3c4d5e.Coremail.wxd_job2024@126.example>"))


@email
def d_reply_quality_complaint():
    body = """李经理：

到货的6台减速机中有2台输出轴漏油，箱体有明显磕碰。
照片见附件，请尽快安排处理。

王先生
华东精密机械有限公司

> 发件人: orders@example.com
> 主题: [SO2024110023] 发货通知 / Shipping note
> 您的订单 SO2024110023 已发货，承运商：德邦，运单号：DPK6119022871，件数：2。
> 预计送达：2024年12月3日。
"""
    m = MIMEMultipart("mixed", boundary="----=_Part_complaint_SO2024110023")
    m.attach(text(body))
    m.attach(attach(png_gray(800, 600), "image", "png", "IMG_20241205_1538.png"))
    return finalize(m, base_headers(
        addr("王先生", "purchase@huadong.example"), US,
        subj("回复：[SO2024110023] 发货通知 / Shipping note"), "Thu, 5 Dec 2024 16:45:10 +0800",
        "<tencent_CA11D2E3F4A5B6C7D8E9F0A1B2C3D4E5@exmail.huadong.example>",
        [("In-Reply-To", "<orderloop.SO2024110023.shipped@example.com>"),
         ("References", "<orderloop.SO2024110023.intake@example.com> <orderloop.SO2024110023.shipped@example.com>"),
         ("X-Mailer", "WXWork 4.1.22 (Windows)")]))


@email
def d_reply_cancel():
    body = """李经理：

这单请取消。甲方项目延期到下半年，暂时用不上了。
给您添麻烦了，后面有需要再找您。

何振华
临湘钢构工程有限公司

在 2026年2月11日 16:20, orders@example.com 写道：
> 请确认附件中的客户需求清单（订单 SO2026020011）。确认无误请回复"确认"。
"""
    m = text(body)
    return finalize(m, base_headers(
        addr("何振华", "hezh@lxsteel-struct.example"), US,
        subj("Re: [SO2026020011] 客户需求清单确认"), "Thu, 12 Feb 2026 10:30:55 +0800",
        "<20260212103055.4411.hezh@lxsteel-struct.example>",
        [("In-Reply-To", "<orderloop.SO2026020011.confirm.1@example.com>"),
         ("References", "<orderloop.SO2026020011.confirm.1@example.com>")]))


@email
def d_autoreply_out_of_office():
    body = """您好，我于12月22日至1月4日休假，期间无法及时回复邮件。紧急事宜请联系 陈佳 18961215537。

Hello, I am out of the office from 22 Dec to 4 Jan with limited access to e-mail. For urgent matters please contact Chen Jia, +86 189 6121 5537.
"""
    m = text(body)
    return finalize(m, base_headers(
        addr("周晓宁", "zhouxn@xingda-elec.example"), US,
        subj("自动回复: [SO2025120031] 交货窗口确认 / Delivery window"), "Tue, 23 Dec 2025 08:00:03 +0800",
        "<autoreply.20251223080003.zhouxn@xingda-elec.example>",
        [("In-Reply-To", "<orderloop.SO2025120031.window@example.com>"),
         ("References", "<orderloop.SO2025120031.window@example.com>"),
         ("Auto-Submitted", "auto-replied"), ("X-Autoreply", "yes"), ("X-Auto-Response-Suppress", "All")]))


@email
def d_bounce_dsn():
    expl = """This is the mail system at host mx1.example.com.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients. It's attached below.

For further assistance, please send mail to postmaster.

<purchasing@old-domain-jx.example>: host mx.old-domain-jx.example[203.0.113.25]
    said: 550 5.1.1 <purchasing@old-domain-jx.example>: Recipient address
    rejected: User unknown in virtual mailbox table (in reply to RCPT TO command)
"""
    m = MIMEMultipart("report", boundary="6A1F2C3D4E.1718939520/mx1.example.com")
    m.set_param("report-type", "delivery-status")
    m.attach(MIMEText(expl, "plain", "us-ascii"))
    dsn = MIMEBase("message", "delivery-status")
    del dsn["MIME-Version"]
    m1 = Message()
    m1["Reporting-MTA"] = "dns; mx1.example.com"
    m1["X-Postfix-Queue-ID"] = "6A1F2C3D4E"
    m1["Arrival-Date"] = "Fri, 21 Jun 2024 03:11:58 +0000 (UTC)"
    m2 = Message()
    m2["Final-Recipient"] = "rfc822; purchasing@old-domain-jx.example"
    m2["Action"] = "failed"
    m2["Status"] = "5.1.1"
    m2["Remote-MTA"] = "dns; mx.old-domain-jx.example"
    m2["Diagnostic-Code"] = "smtp; 550 5.1.1 <purchasing@old-domain-jx.example>: Recipient address rejected: User unknown in virtual mailbox table"
    dsn.set_payload([m1, m2])
    m.attach(dsn)
    orig = """Return-Path: <orders@example.com>
From: orders@example.com
To: purchasing@old-domain-jx.example
Subject: =?utf-8?b?W1NPMjAyNDA2MDAwOV0g5a6i5oi36ZyA5rGC5riF5Y2V56Gu6K6k?=
Date: Fri, 21 Jun 2024 03:11:57 +0000
Message-ID: <orderloop.SO2024060009.confirm.1@example.com>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="===============1234567890=="
"""
    hdrs = MIMEText(orig, "rfc822-headers", "us-ascii")
    del hdrs["MIME-Version"]
    m.attach(hdrs)
    for p in m.get_payload()[:1]:
        del p["MIME-Version"]
    return finalize(m, base_headers(
        "MAILER-DAEMON@mx1.example.com (Mail Delivery System)", US,
        "Undelivered Mail Returned to Sender", "Fri, 21 Jun 2024 03:12:00 +0000 (UTC)",
        "<20240621031200.7B2E3F4A5C@mx1.example.com>",
        [("Auto-Submitted", "auto-replied"), ("Return-Path", "<>")]))


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for fn in EMAILS:
        write(fn.__name__, fn())
    print(f"wrote {len(EMAILS)} emails to {OUT}")


if __name__ == "__main__":
    main()
