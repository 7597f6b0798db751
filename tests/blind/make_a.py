"""Generate the blind parser test emails, set "a" (tests/blind/*.eml).

Run with the project's interpreter from anywhere:

    /work/main/.venv/bin/python /work/main/tests/blind/make_a.py

Everything is deterministic: fixed dates, Message-IDs, MIME boundaries and
attachment bytes, so running it twice gives byte-identical files.  Only the
.eml files are written; the expected NAME.json files beside them are written
by hand (see RULES-a.md for the debatable calls).

Only the standard library's email package is used to assemble the messages.
Bodies are encoded here by hand (base64, quoted-printable, 8bit, 7bit) so that
the charset label can differ from the real encoding the way real clients do it
(Outlook labels GBK text "gb2312"; Foxmail/QQ use GB18030; Coremail GBK;
Taiwan Outlook Big5; Japanese mailers ISO-2022-JP).
"""
from __future__ import annotations

import base64
import io
import quopri
import struct
import zlib
from datetime import datetime, timedelta, timezone
from email import policy
from email.generator import BytesGenerator
from email.message import Message
from email.utils import format_datetime
from pathlib import Path

OUT = Path(__file__).resolve().parent
EMAILS: list[tuple[str, object]] = []

# --------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------


def email(name):
    def deco(fn):
        EMAILS.append((name, fn))
        return fn
    return deco


def date(y, mo, d, h, mi, s=0, tz=8):
    """RFC 5322 date with a fixed offset in hours (may be fractional)."""
    return format_datetime(datetime(y, mo, d, h, mi, s, tzinfo=timezone(timedelta(hours=tz))))


def ew(text, charset="utf-8", codec=None, enc="B"):
    """RFC 2047 encoded words (split so no word exceeds ~60 characters)."""
    codec = codec or charset
    words, cur = [], ""
    for ch in text:
        trial = cur + ch
        size = len(base64.b64encode(trial.encode(codec))) if enc == "B" else len(_q(trial, codec))
        if cur and size + len(charset) + 7 > 60:
            words.append(cur)
            cur = ch
        else:
            cur = trial
    words.append(cur)
    out = []
    for w in words:
        if enc == "B":
            out.append("=?%s?B?%s?=" % (charset, base64.b64encode(w.encode(codec)).decode()))
        else:
            out.append("=?%s?Q?%s?=" % (charset, _q(w, codec)))
    return " ".join(out)


def _q(text, codec):
    res = []
    for b in text.encode(codec):
        c = chr(b)
        if c == " ":
            res.append("_")
        elif c.isalnum() and b < 128:
            res.append(c)
        elif c in "-!*+/" and b < 128:
            res.append(c)
        else:
            res.append("=%02X" % b)
    return "".join(res)


def who(name, addr, charset="utf-8", codec=None, enc="B", quote=False):
    """A From/To value; non-ASCII display names become encoded words."""
    if not name:
        return addr if "<" in addr else "<%s>" % addr if quote else addr
    try:
        name.encode("ascii")
        if any(c in name for c in ',.;:()<>@"'):
            name = '"%s"' % name
        return "%s <%s>" % (name, addr)
    except UnicodeEncodeError:
        w = ew(name, charset, codec, enc)
        return ('"%s" <%s>' % (w, addr)) if quote else "%s <%s>" % (w, addr)


def text(body, subtype="plain", charset="utf-8", codec=None, cte="base64",
         crlf=True, extra_params="", flowed=False):
    """A single text part; the body is encoded here (label may differ from codec)."""
    codec = codec or charset
    m = Message()
    params = '; charset="%s"' % charset if charset else ""
    if flowed:
        params += "; format=flowed"
    m["Content-Type"] = "text/%s%s%s" % (subtype, params, extra_params)
    m["Content-Transfer-Encoding"] = cte
    if cte == "base64":
        raw = body.replace("\n", "\r\n").encode(codec) if crlf else body.encode(codec)
        m.set_payload(base64.encodebytes(raw).decode("ascii"))
    elif cte == "quoted-printable":
        raw = body.encode(codec)
        m.set_payload(quopri.encodestring(raw).decode("ascii"))
    elif cte in ("8bit", "7bit"):
        raw = body.encode(codec)
        if not raw.endswith(b"\n"):
            raw += b"\n"
        m.set_payload(raw.decode("ascii", "surrogateescape"))
    else:
        raise ValueError(cte)
    return m


def multi(subtype, boundary, *parts, preamble=None, extra_params=""):
    m = Message()
    m["Content-Type"] = 'multipart/%s;%s boundary="%s"' % (subtype, extra_params, boundary)
    for p in parts:
        m.attach(p)
    if preamble:
        m.preamble = preamble
    return m


def attachment(data, ctype, filename, disposition="attachment", cid=None,
               filename_charset=None):
    m = Message()
    if filename_charset:
        fn = ew(filename, filename_charset)
        m["Content-Type"] = '%s; name="%s"' % (ctype, fn)
        m["Content-Disposition"] = '%s; filename="%s"' % (disposition, fn)
    else:
        m["Content-Type"] = '%s; name="%s"' % (ctype, filename)
        m["Content-Disposition"] = '%s; filename="%s"' % (disposition, filename)
    m["Content-Transfer-Encoding"] = "base64"
    if cid:
        m["Content-ID"] = "<%s>" % cid
    m.set_payload(base64.encodebytes(data).decode("ascii"))
    return m


def finish(headers, part):
    """Envelope headers + the body part (its Content-* headers and payload)."""
    top = Message()
    for k, v in headers:
        top[k] = v
    if "MIME-Version" not in top:
        top["MIME-Version"] = "1.0"
    for k, v in part.items():
        top[k] = v
    top._payload = part._payload  # raw: keeps 8bit bytes (surrogateescape) as they are
    top.preamble = part.preamble
    bio = io.BytesIO()
    BytesGenerator(bio, mangle_from_=False, policy=policy.compat32).flatten(top)
    return bio.getvalue()


def outlook_html(body, charset, lang="ZH-CN", font="等线"):
    """Outlook-style HTML for a plain body: one MsoNormal paragraph per line."""
    paras = []
    for line in body.split("\n"):
        esc = (line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
        esc = esc.replace("  ", "&nbsp; ")
        paras.append('<p class=MsoNormal><span lang=%s style=\'font-family:"%s"\'>%s<o:p></o:p></span></p>'
                     % (lang, font, esc or "&nbsp;"))
    return ("<html xmlns:o=\"urn:schemas-microsoft-com:office:office\">\n<head>\n"
            "<meta http-equiv=Content-Type content=\"text/html; charset=%s\">\n"
            "<meta name=Generator content=\"Microsoft Word 15 (filtered medium)\">\n"
            "<style><!-- p.MsoNormal {margin:0cm;font-size:11.0pt;} --></style>\n"
            "</head>\n<body lang=ZH-CN link=\"#0563C1\" vlink=\"#954F72\">\n<div class=WordSection1>\n%s\n"
            "</div>\n</body>\n</html>\n" % (charset, "\n".join(paras)))


def simple_html(body, charset="utf-8", style="font-family:Arial,sans-serif"):
    """Gmail/QQ/Coremail style: lines joined with <br>."""
    lines = []
    for line in body.split("\n"):
        esc = (line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
        esc = esc.replace("  ", "&nbsp; ")
        lines.append(esc)
    return ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=%s\"></head>"
            "<body><div style=\"%s\">%s</div></body></html>\n" % (charset, style, "<br>\n".join(lines)))


def html_table(rows, border=1, header=True):
    out = ['<table border="%d" cellspacing="0" cellpadding="4" style="border-collapse:collapse">' % border]
    for i, row in enumerate(rows):
        tag = "th" if header and i == 0 else "td"
        cells = []
        for c in row:
            span = ""
            if isinstance(c, tuple):
                c, n = c
                span = ' colspan="%d"' % n
            cells.append("<%s%s>%s</%s>" % (tag, span, c, tag))
        out.append("<tr>%s</tr>" % "".join(cells))
    out.append("</table>")
    return "\n".join(out)


def make_pdf(lines):
    """A small valid one-page PDF with the given ASCII lines of text."""
    content = ["BT", "/F1 14 Tf", "50 780 Td", "18 TL"]
    for ln in lines:
        esc = ln.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        content.append("(%s) Tj T*" % esc)
    content.append("ET")
    # a simple frame and two lines, like a drawing sheet
    content += ["1 w", "40 40 515 760 re S", "100 300 m 400 300 l S", "100 300 m 100 550 l S",
                "100 550 m 400 550 l S", "400 300 m 400 550 l S"]
    stream = "\n".join(content).encode("latin-1")
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


def make_png(w=160, h=100, seed=1):
    """A small grey-scale PNG 'drawing': a frame, a rectangle and a hole."""
    rows = []
    for y in range(h):
        row = bytearray()
        for x in range(w):
            v = 255
            if x in (2, w - 3) or y in (2, h - 3):
                v = 0
            if 30 <= x <= w - 30 and y in (25, h - 25):
                v = 40
            if 25 <= y <= h - 25 and x in (30, w - 30):
                v = 40
            cx, cy = w // 2 + seed * 3, h // 2
            if abs((x - cx) ** 2 + (y - cy) ** 2 - 144) < 14:
                v = 0
            row.append(v)
        rows.append(b"\x00" + bytes(row))
    raw = b"".join(rows)

    def chunk(t, d):
        c = struct.pack(">I", len(d)) + t + d
        return c + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


OUTLOOK_ZH = [("X-Mailer", "Microsoft Outlook 16.0"), ("Content-Language", "zh-cn")]
FOXMAIL = [("X-Mailer", "Foxmail 7.2.25.375[cn]")]
COREMAIL = [("X-Mailer", "Coremail Webmail Server Version XT5.0.14 build 20230109(dcb5de15)")]
APPLE = [("X-Mailer", "Apple Mail (2.3774.500.171.1.1)")]
THUNDERBIRD = [("User-Agent", "Mozilla Thunderbird")]


# ==========================================================================
# code_in_sentence: the customer code inside a sentence, a bracket, or as a
# bare 编码 in the customer block
# ==========================================================================


@email("code_in_sentence_zh_bracket_outlook")
def _():
    body = """示例机电 李经理：

您好！

我司河北鑫源泵业有限公司（客户编码CUST0184）订购以下产品，请安排生产发货：

1、A产品（规格L-500×300），20台，单价500元，金额10000元；
2、B产品（规格L-800×400），5台，单价1200元，金额6000元。

合计人民币16000元。交货日期2024年3月29日，送货到河北省沧州市泊头市工业园区鑫源路8号，收货人孙喆，电话13831712345。

付款方式：月结30天。

谢谢！

孙喆
河北鑫源泵业有限公司 采购部
"""
    part = multi("alternative", "_000_HK2PR02MB41237A0F9C1E4B3D8A2E5C71HK2PR02MB4123apcp_",
                 text(body, charset="gb2312", codec="gbk", cte="base64"),
                 text(outlook_html(body, "gb2312"), "html", charset="gb2312", codec="gbk", cte="base64"))
    return finish([
        ("From", who("孙喆", "sunzhe@hbxinyuan-pump.example", "gb2312", "gbk")),
        ("To", who("李伟", "li.rep@example.com", "gb2312", "gbk")),
        ("Cc", "orders@example.com"),
        ("Subject", ew("采购订单 XY-PO-240312", "gb2312", "gbk")),
        ("Date", date(2024, 3, 12, 9, 41, 27)),
        ("Message-ID", "<HK2PR02MB41237A0F9C1E4B3D8A2E5C71@HK2PR02MB4123.apcprd02.prod.outlook.com>"),
        ("Thread-Topic", ew("采购订单 XY-PO-240312", "gb2312", "gbk")),
        ("Thread-Index", "AdqUcW3mYd8kP0qXRBmAbc2uQj9xRw=="),
        *OUTLOOK_ZH,
    ], part)


@email("code_in_sentence_zh_coremail")
def _():
    body = """张经理好：

客户编码 CUST0447，交货日期5月31日前，订货如下：

P001 A产品 规格L-500×300 40台 单价500元
P004 Control board 型号CB-24V 50pcs 单价360元

收货地址：浙江省台州市黄岩区北城街道江口路266号
联系人：钱丽萍 13706561234

谢谢！
台州市黄岩晨光模塑有限公司
钱丽萍
"""
    part = multi("alternative", "----=_Part_187264_1530212488.1715839510123",
                 text(body, charset="GBK", cte="base64"),
                 text(simple_html(body, "GBK", "line-height:1.7;color:#000000;font-size:14px;font-family:Arial"),
                      "html", charset="GBK", cte="base64"))
    return finish([
        ("Date", "Thu, 16 May 2024 14:05:10 +0800 (CST)"),
        ("From", who("钱丽萍", "qianlp@163.com", "GBK")),
        ("To", who("张敏", "zhang.rep@example.com", "GBK")),
        ("Cc", "orders@example.com"),
        ("Message-ID", "<4f1c2a8e.6b21.18f80a1c2d3.Coremail.qianlp@163.com>"),
        ("Subject", ew("订货", "GBK")),
        *COREMAIL,
        ("X-Originating-IP", "[115.221.48.12]"),
    ], part)


@email("code_in_sentence_tw_big5")
def _():
    body = """李先生 您好：

本公司客戶編號為CUST0932，煩請依下列明細出貨：

一、A產品，規格 L-500×300，數量 12 台，單價 500 元
二、B產品，規格 L-800×400，數量 4 台，單價 1,200 元

總金額：10,800 元
交期：2024年8月15日前送達
送貨地址：台中市西屯區工業區三十八路66號
聯絡人：林俊宏 0912-345-678
付款條件：月結60天

謝謝！

林俊宏
信義精密工業股份有限公司 採購課
TEL：04-2359-8866 分機 215
"""
    part = multi("alternative", "----=_NextPart_000_0017_01DAD2A6.8C1F4E30",
                 text(body, charset="big5", cte="base64"),
                 text(outlook_html(body, "big5", "ZH-TW", "新細明體"), "html", charset="big5", cte="quoted-printable"),
                 preamble="This is a multipart message in MIME format.")
    return finish([
        ("From", who("林俊宏", "jh.lin@hsinyi-precision.example.com.tw", "big5")),
        ("To", "<orders@example.com>"),
        ("Subject", ew("訂購單 — 信義精密 PO# HY24-0710", "big5")),
        ("Date", date(2024, 7, 10, 10, 22, 0)),
        ("Message-ID", "<001701dad263$7e1b2a40$7a517ec0$@hsinyi-precision.example.com.tw>"),
        ("X-Mailer", "Microsoft Outlook 16.0"),
        ("Thread-Index", "AQHa0mN+GypAelF+wA=="),
        ("Content-Language", "zh-tw"),
    ], part)


@email("code_in_sentence_en_gmail")
def _():
    body = """Hi Li,

Please book the order below for Prairie Ag Parts Inc. Our customer code with you is C-2291.

  60 pcs   P004  Control board (model CB-24V)   USD 52.00/pc
  10 pcs   P001  A product (model L-500x300)    USD 74.00/pc

Ship to: 1420 Industrial Pkwy, Cedar Rapids, IA 52404, USA
Requested delivery: October 18, 2024
Payment: Net 45

Thanks,
Dana Whitfield
Prairie Ag Parts Inc.
+1 319-555-0148
"""
    html = ('<div dir="ltr"><div>Hi Li,</div><div><br></div><div>Please book the order below for Prairie Ag Parts Inc. '
            'Our customer code with you is C-2291.</div><div><br></div><div>&nbsp; 60 pcs &nbsp; P004 &nbsp;Control board '
            '(model CB-24V) &nbsp; USD 52.00/pc</div><div>&nbsp; 10 pcs &nbsp; P001 &nbsp;A product (model L-500x300) &nbsp; '
            '&nbsp;USD 74.00/pc</div><div><br></div><div>Ship to: 1420 Industrial Pkwy, Cedar Rapids, IA 52404, USA</div>'
            '<div>Requested delivery: October 18, 2024</div><div>Payment: Net 45</div><div><br></div><div>Thanks,</div>'
            '<div>Dana Whitfield</div><div>Prairie Ag Parts Inc.</div><div>+1 319-555-0148</div></div>\n')
    part = multi("alternative", "000000000000a1b2c3062116e5f0",
                 text(body, charset="UTF-8", cte="7bit"),
                 text(html, "html", charset="UTF-8", cte="quoted-printable"))
    return finish([
        ("MIME-Version", "1.0"),
        ("From", who("Dana Whitfield", "dwhitfield@prairieagparts.example")),
        ("Date", date(2024, 9, 2, 16, 48, 3, tz=-5)),
        ("Message-ID", "<CAF3kQ9wZp1xR7n2Lm8bVt4yDs0eHc6uJg5oKi_Yq3aPx@mail.gmail.com>"),
        ("Subject", "PO PA-77812 - new order"),
        ("To", "Li Wei <li.rep@example.com>"),
        ("Cc", "orders@example.com"),
    ], part)


@email("code_in_sentence_zh_bare_wecom")
def _():
    body = """客户信息
单位：成都蜀川环保设备有限公司
编码：CUST0615
联系人：何静
电话：028-85123456
地址：成都市双流区西航港大道中四段1018号

订货明细
编号    品名     规格           单位   数量   单价
P002    B产品    L-800×400      台     6      1200
P001    A产品    L-500×300      台     10     500

要求3月底前到货。

何静
"""
    rows = [["编号", "品名", "规格", "单位", "数量", "单价"],
            ["P002", "B产品", "L-800×400", "台", "6", "1200"],
            ["P001", "A产品", "L-500×300", "台", "10", "500"]]
    html = ("<html><head><meta charset=\"utf-8\"></head><body>"
            "<div>客户信息</div><div>单位：成都蜀川环保设备有限公司</div><div>编码：CUST0615</div>"
            "<div>联系人：何静</div><div>电话：028-85123456</div><div>地址：成都市双流区西航港大道中四段1018号</div>"
            "<div><br></div><div>订货明细</div>" + html_table(rows) +
            "<div><br></div><div>要求3月底前到货。</div><div><br></div><div>何静</div></body></html>\n")
    part = multi("alternative", "----=_NextPart_67CE5A1B_0C3F4D20_2A6B8E91",
                 text(body, charset="utf-8", cte="base64"),
                 text(html, "html", charset="utf-8", cte="base64"))
    return finish([
        ("From", who("何静", "hejing@shuchuan-env.example", "utf-8")),
        ("To", who("订单", "orders@example.com", "utf-8", quote=True)),
        ("Subject", ew("订单-成都蜀川 3月补货", "utf-8")),
        ("Date", date(2025, 3, 10, 11, 26, 43)),
        ("Message-ID", "<tencent_9F3B2C1D7E6A5F40B8C2D1E3@qq.com>"),
        ("X-Mailer", "WXWork Mail 4.1.33"),
    ], part)


# ==========================================================================
# sigtitle: a job title or a parenthesis around the company in a signature
# ==========================================================================


@email("sigtitle_en_uk_outlook")
def _():
    body = """Dear Mr Li,

Please accept our purchase order BFS-40213 for the items below.

Line | Description   | Model     | Qty | Unit  | Unit price (GBP)
1    | B product     | L-800x400 | 8   | units | 138.00
2    | Control board | CB-24V    | 40  | pcs   | 41.50

Delivery: by 26 July 2024 to Unit 7, Brindley Trade Park, Stoke-on-Trent ST4 2RW, United Kingdom.
Terms: 30 days from invoice.

Kind regards,

Harriet Cole
Senior Buyer, Brindley Fluid Systems Ltd
T: +44 1782 555 019
"""
    rows = [["Line", "Description", "Model", "Qty", "Unit", "Unit price (GBP)"],
            ["1", "B product", "L-800x400", "8", "units", "138.00"],
            ["2", "Control board", "CB-24V", "40", "pcs", "41.50"]]
    html = ("<html><head><meta http-equiv=Content-Type content=\"text/html; charset=us-ascii\"></head><body lang=EN-GB>"
            "<div class=WordSection1><p class=MsoNormal>Dear Mr Li,</p><p class=MsoNormal>&nbsp;</p>"
            "<p class=MsoNormal>Please accept our purchase order BFS-40213 for the items below.</p>"
            + html_table(rows) +
            "<p class=MsoNormal>Delivery: by 26 July 2024 to Unit 7, Brindley Trade Park, Stoke-on-Trent ST4 2RW, United Kingdom.</p>"
            "<p class=MsoNormal>Terms: 30 days from invoice.</p><p class=MsoNormal>&nbsp;</p><p class=MsoNormal>Kind regards,</p>"
            "<p class=MsoNormal>&nbsp;</p><p class=MsoNormal><b>Harriet Cole</b></p>"
            "<p class=MsoNormal>Senior Buyer, Brindley Fluid Systems Ltd</p><p class=MsoNormal>T: +44 1782 555 019</p>"
            "</div></body></html>\n")
    part = multi("alternative", "_000_LO2P265MB51870C1D2A8E3F94B6C7D1E2LO2P265MB5187GBRP_",
                 text(body, charset="us-ascii", cte="quoted-printable"),
                 text(html, "html", charset="us-ascii", cte="quoted-printable"))
    return finish([
        ("From", "Harriet Cole <h.cole@brindleyfluid.example.co.uk>"),
        ("To", "\"orders@example.com\" <orders@example.com>"),
        ("Subject", "Purchase Order BFS-40213"),
        ("Thread-Topic", "Purchase Order BFS-40213"),
        ("Date", date(2024, 6, 6, 11, 20, 44, tz=1)),
        ("Message-ID", "<LO2P265MB51870C1D2A8E3F94B6C7D1E2@LO2P265MB5187.GBRP265.PROD.OUTLOOK.COM>"),
        ("Accept-Language", "en-GB, en-US"),
        ("Content-Language", "en-GB"),
        ("X-MS-Has-Attach", ""),
    ], part)


@email("sigtitle_de_paren_drawing")
def _():
    body = """Hello Mr. Zhang,

as discussed on the phone, we order:

Pos. 10: 25 pcs  A product, size L-500x300, EUR 68,50 per pc
Pos. 20: 120 pcs C-bracket, custom made to our drawing ZN-1187 rev. B (attached), EUR 12,80 per pc

Requested delivery date: 29.11.2024
Delivery to our plant: Industriestraße 14, 73760 Ostfildern, Germany
Payment: 30% deposit, balance 60 days net

Please mark each carton with our order number and part number.

Mit freundlichen Grüßen / Best regards

Jürgen Albrecht
Einkauf / Purchasing
Albrecht Hydraulik GmbH (your customer code C-1057)
Tel. +49 711 3456-210
"""
    drawing = make_pdf(["ALBRECHT HYDRAULIK GMBH", "Drawing ZN-1187 rev. B", "C-bracket, S235JR, t=6 mm",
                        "120 x 80 x 60 mm, 2 holes D 9", "Scale 1:1  Tolerances ISO 2768-m"])
    part = multi("mixed", "------------0A1C2E4F6B8D0F2A4C6E8B0D",
                 text(body, charset="UTF-8", cte="quoted-printable", flowed=True),
                 attachment(drawing, "application/pdf", "ZN-1187_revB.pdf"),
                 preamble="This is a multi-part message in MIME format.")
    return finish([
        ("Message-ID", "<7d1e2f3a-4b5c-6d7e-8f90-a1b2c3d4e5f6@albrecht-hydraulik.example.de>"),
        ("Date", date(2024, 10, 15, 8, 12, 31, tz=2)),
        ("MIME-Version", "1.0"),
        *THUNDERBIRD,
        ("Content-Language", "de-DE"),
        ("To", "Zhang Min <zhang.rep@example.com>"),
        ("Cc", "orders@example.com"),
        ("From", who("Jürgen Albrecht", "j.albrecht@albrecht-hydraulik.example.de", "UTF-8", enc="Q")),
        ("Subject", "Bestellung / Order 4500012876"),
    ], part)


@email("sigtitle_us_pipe_apple")
def _():
    body = """Hi team,

We'd like to place an order for the following:

3 sets of B product, model L-800x400, at $1,150.00 per set
12 units of A product, model L-500x300, at $480.00 per unit

Please deliver by April 30, 2025. Ship to our warehouse at 2200 N Harbor Dr, Muskegon, MI 49441.

Our PO number is LMS-25-0331. Payment terms Net 30.

Thanks!
Marcus

Marcus Bell
Purchasing Manager | Lakeshore Marine Supply, Inc.
m. (231) 555-0187
"""
    html = ('<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head>'
            '<body style="overflow-wrap: break-word; -webkit-nbsp-mode: space; line-break: after-white-space;">'
            + "".join("<div>%s</div>" % (l or "<br>") for l in body.split("\n")) + "</body></html>\n")
    part = multi("alternative", "Apple-Mail=_3F8A1C2E-9B7D-4E60-A1C3-5D2F8E9B0A47",
                 text(body, charset="us-ascii", cte="7bit"),
                 text(html, "html", charset="utf-8", cte="quoted-printable"))
    return finish([
        ("From", "Marcus Bell <mbell@lakeshoremarine.example>"),
        ("Mime-Version", "1.0 (Mac OS X Mail 16.0 \\(3774.500.171.1.1\\))"),
        ("Subject", "Order - Lakeshore Marine"),
        ("Message-Id", "<5E2B7C91-3D4A-4F8E-B1C6-0A9D2E7F4B13@lakeshoremarine.example>"),
        ("Date", date(2025, 3, 21, 13, 37, 0, tz=-4)),
        ("To", "orders@example.com"),
        *APPLE,
    ], part)


@email("sigtitle_jp_iso2022")
def _():
    body = """Zhang-san

いつもお世話になっております。中村精機の佐藤です。
Please supply the following items.

No. Item           Model      Q'ty      Unit Price
1   Control board  CB-24V     200 pcs   USD 50.00
2   A product      L-500x300  30 pcs    USD 72.00

Delivery: 2025/01/20
Delivery address: 3-12-5 Shin-Yokohama, Kohoku-ku, Yokohama 222-0033, Japan
Payment: T/T 30 days after B/L date

よろしくお願いいたします。

Best regards,
Kenichi Sato
Assistant Manager, Procurement Dept., Nakamura Seiki Co., Ltd.
TEL: +81-45-555-0123
"""
    part = text(body, charset="ISO-2022-JP", cte="7bit")
    return finish([
        ("Date", date(2024, 12, 4, 17, 5, 12, tz=9)),
        ("From", who("佐藤 健一", "k.sato@nakamura-seiki.example.jp", "ISO-2022-JP")),
        ("To", who("張 敏", "zhang.rep@example.com", "ISO-2022-JP")),
        ("Cc", "orders@example.com"),
        ("Subject", "Order No. NS-241204-01"),
        ("Message-Id", "<20241204170512.3A7F.E2C5B1D4@nakamura-seiki.example.jp>"),
        ("X-Mailer", "Becky! ver. 2.81.05 [ja]"),
    ], part)


# ==========================================================================
# multipair: several label pairs on one line; mobiles in signatures; phone
# numbers in a table's header block
# ==========================================================================


@email("multipair_zh_oneline_foxmail")
def _():
    body = """李经理，你好！

以下是我公司本次订货，请确认：

产品：A产品　规格：L-500×300　数量：30台　单价：500元
产品：B产品　规格：L-800×400　数量：10台　单价：1200元

收货单位：山东恒泰化工机械有限公司
联系人：王工 电话：13963812345 地址：山东省淄博市张店区华光路188号
交货时间：2024年5月10日
付款方式：预付30%，余款发货前付清

王建国
山东恒泰化工机械有限公司
手机：13963812345
"""
    html = simple_html(body, "GB18030", "font-family:微软雅黑;font-size:10.5pt")
    part = multi("alternative", "----=_NextPart_662600D3_0A8F2B18_5C1E4D77",
                 text(body, charset="GB18030", cte="base64"),
                 text(html, "html", charset="GB18030", cte="base64"))
    return finish([
        ("Date", date(2024, 4, 22, 10, 3, 0)),
        ("From", who("王建国", "wangjg@sd-hengtai.example.cn", "GB18030", quote=True)),
        ("To", who("李伟", "li.rep@example.com", "GB18030", quote=True)),
        ("Cc", '"orders" <orders@example.com>'),
        ("Subject", ew("订货单-恒泰化工", "GB18030")),
        ("Message-ID", "<202404221003006537841@sd-hengtai.example.cn>"),
        *FOXMAIL,
    ], part)


@email("multipair_zh_sig_mobile_qq")
def _():
    body = """张工，晚上好，周末打扰了。

下周五前需要一批货，麻烦安排：
Control board（型号CB-24V）120片，还是360一片
A产品（规格L-500×300）15台，500一台

送货地址：广东省东莞市长安镇振安中路368号
收货人：刘伟

谢谢！

刘伟
东莞市锐拓自动化设备有限公司 | 采购主管
手机/微信：18666881234
"""
    html = ('<meta http-equiv="Content-Type" content="text/html; charset=GB18030">'
            '<div style="font-size:14px;font-family:Verdana;">'
            + "".join("<div>%s</div>" % (l or "<br>") for l in body.split("\n")) + "</div>\n")
    part = multi("alternative", "----=_NextPart_6664587A_0F2D9C40_3B7E1A55",
                 text(body, charset="gb18030", cte="base64"),
                 text(html, "html", charset="gb18030", cte="base64"))
    return finish([
        ("X-QQ-FEAT", "3Q8fnJuk6Ov5nAE3dTMFB0lBvRN1wN1mFPqQ0R1J4P0="),
        ("X-QQ-SSF", "00000000000000F0"),
        ("X-QQ-XMAILINFO", "NhB0HV1xhW9C1wzX1LqE2aVfUtx0Xn5F6c3h8m0E"),
        ("X-QQ-mid", "xmsezb12-0t1717852440tk3fn1h0c"),
        ("From", who("刘伟", "2856671234@qq.com", "gb18030", quote=True)),
        ("To", who("张敏", "zhang.rep@example.com", "gb18030", quote=True)),
        ("Subject", ew("订货", "gb18030")),
        ("Date", date(2024, 6, 8, 21, 14, 0)),
        ("Message-ID", "<tencent_A3E5C7B9D1F2046813579BDF@qq.com>"),
        ("X-Mailer", "QQMail 2.x"),
    ], part)


@email("multipair_zh_table_header_html")
def _():
    head = [["订货单位", "苏州工业园区凯锐精密模具有限公司", "客户编码", "CUST0312"],
            ["联系人", "周敏", "电话", "0512-6253 8899"],
            ["手机", "13915598877", "邮箱", "purchase@kr-mould.example"],
            ["送货地址", ("江苏省苏州市工业园区星华街108号3号厂房", 3)],
            ["订单号", "KR-PO-2408-015", "交货日期", "2024-08-30"],
            ["付款方式", "月结30天", "备注", "每箱贴物料标签"]]
    items = [["序号", "物料编码", "名称", "规格型号", "单位", "数量", "单价", "金额"],
             ["1", "P001", "A产品", "L-500×300", "台", "16", "500.00", "8,000.00"],
             ["2", "P004", "控制板", "CB-24V", "块", "80", "360.00", "28,000.00"]]
    html = ("<html>\n<head>\n<meta http-equiv=Content-Type content=\"text/html; charset=gb2312\">\n"
            "<meta name=Generator content=\"Microsoft Word 15 (filtered medium)\">\n</head>\n"
            "<body lang=ZH-CN>\n<div class=WordSection1>\n"
            "<p class=MsoNormal>张经理：您好！<o:p></o:p></p>\n"
            "<p class=MsoNormal>附上我司采购订单，请安排。<o:p></o:p></p>\n"
            "<p class=MsoNormal><b>采购订单</b><o:p></o:p></p>\n"
            + html_table(head, header=False) + "\n<p class=MsoNormal>&nbsp;</p>\n" + html_table(items) +
            "\n<p class=MsoNormal>&nbsp;<o:p></o:p></p>\n<p class=MsoNormal>周敏<o:p></o:p></p>\n"
            "<p class=MsoNormal>苏州工业园区凯锐精密模具有限公司 采购部<o:p></o:p></p>\n</div>\n</body>\n</html>\n")
    part = text(html, "html", charset="gb2312", codec="gbk", cte="quoted-printable")
    return finish([
        ("From", who("周敏", "zhoumin@kr-mould.example", "gb2312", "gbk")),
        ("To", who("张敏", "zhang.rep@example.com", "gb2312", "gbk")),
        ("CC", "<orders@example.com>"),
        ("Subject", ew("采购订单KR-PO-2408-015", "gb2312", "gbk")),
        ("Date", date(2024, 8, 14, 16, 2, 55)),
        ("Message-ID", "<000601daee2c$5b3e2a10$11ba7e30$@kr-mould.example>"),
        ("X-Mailer", "Microsoft Outlook 16.0"),
        ("Thread-Index", "AdruLFrP7vQ2qT1cRiy0m8yB3xKq9A=="),
        ("Content-Language", "zh-cn"),
    ], part)


@email("multipair_zh_sig_tel_163")
def _():
    body = """您好：

我们要订购一批A产品，具体如下：
A产品 规格L-500×300 数量50台 单价500元
交货期：9月30日前
备注：木箱包装，每台附合格证

杭州钱塘轴承有限公司 设备科
联系人：陈晓东 电话：0571-8765 4321 手机：13588889999 传真：0571-8765 4322
地址：浙江省杭州市钱塘区12号大街99号
"""
    part = multi("alternative", "----=_Part_402918_188420117.1726212600457",
                 text(body, charset="GBK", cte="base64"),
                 text(simple_html(body, "GBK"), "html", charset="GBK", cte="base64"))
    return finish([
        ("Date", "Fri, 13 Sep 2024 15:30:00 +0800 (CST)"),
        ("From", who("陈晓东", "qtzc_sbk@163.com", "GBK")),
        ("To", "orders@example.com"),
        ("Message-ID", "<7a2e91c4.3f1b.191ea4c8a5e.Coremail.qtzc_sbk@163.com>"),
        ("Subject", ew("订购A产品50台", "GBK")),
        *COREMAIL,
    ], part)


# ==========================================================================
# mixlang: English labels with Chinese values, and the reverse
# ==========================================================================


@email("mixlang_enlabels_zhvalues")
def _():
    body = """Customer: 广州越秀智能电气有限公司
Customer Code: CUST0578
Contact: 黄嘉欣
Tel: 020-3876 5432
Email: huangjx@gz-yuexiu-elec.example
Ship to: 广州市黄埔区科学大道182号C2栋5楼
PO No.: YX-20241105-02

Items:
SKU: P004 | Description: 控制板 | Spec: CB-24V | Unit: 片 | Qty: 300 | Price: 360
SKU: P002 | Description: B产品 | Spec: L-800×400 | Unit: 台 | Qty: 2 | Price: 1200

Delivery Date: 2024年11月25日
Payment Terms: 月结60天
Remarks: 请随货附送检验报告
"""
    part = text(body, charset="utf-8", cte="base64")
    return finish([
        ("From", "purchasing@gz-yuexiu-elec.example"),
        ("To", "orders@example.com"),
        ("Subject", "Purchase Order YX-20241105-02"),
        ("Date", date(2024, 11, 5, 9, 15, 0)),
        ("Message-ID", "<erp.po.YX-20241105-02.1730769300@gz-yuexiu-elec.example>"),
        ("X-Mailer", "Kingdee K3Cloud Mail Service"),
    ], part)


@email("mixlang_zhlabels_envalues_hk")
def _():
    body = """客戶名稱：Harbour Tech Engineering Ltd.
聯絡人：Kelvin Ng
電話：+852 2345 6789
送貨地址：Unit 1203, 12/F, Kwun Tong Industrial Centre, 472-484 Kwun Tong Road, Kowloon, Hong Kong
訂單編號：HT-PO-0123

品名：A product　規格：L-500x300　數量：6 units　單價：HKD 560
品名：Control board　規格：CB-24V　數量：100 pcs　單價：HKD 405

交貨日期：next Friday
付款方式：Net 30
備註：Please pack in export cartons and label with our PO number.

Kelvin
"""
    part = multi("alternative", "000000000000f4e1d2062bc9a7e3",
                 text(body, charset="UTF-8", cte="base64"),
                 text(simple_html(body, "UTF-8"), "html", charset="UTF-8", cte="base64"))
    return finish([
        ("MIME-Version", "1.0"),
        ("From", "Kelvin Ng <kelvin.ng@harbourtech.example.com.hk>"),
        ("Date", date(2025, 1, 18, 10, 12, 40)),
        ("Message-ID", "<CAJ8mR2dX9vQ4nT7kPz1sW3bY6cH0eFgLa5uNo_r2Mx@mail.gmail.com>"),
        ("Subject", ew("訂單 Order HT-PO-0123", "UTF-8")),
        ("To", "orders@example.com"),
    ], part)


@email("mixlang_bilingual_cells")
def _():
    rows = [["No.", "品名 Description", "规格 Spec", "单位 Unit", "数量 Qty", "单价 Unit Price (RMB)"],
            ["1", "不锈钢门铰链 Stainless door hinge", "3.5\"×3\"×2.5mm", "pcs", "2000", "6.80"],
            ["2", "门吸 Door stopper", "SUS304", "pcs", "1500", "4.20"],
            [("合计 Total: RMB 19,900.00", 6)]]
    head = ("<p>您好 Hello,</p><p>请按以下订单安排生产 Please arrange production as below:</p>"
            "<p>客户 Customer: 深圳市森邦五金贸易有限公司<br>联系人 Contact: Amy Xu<br>电话 Tel: +86 755 8612 3456<br>"
            "送货地址 Delivery address: 深圳市宝安区福永街道凤凰第三工业区A栋</p>")
    tail = ("<p>交货日期 Delivery: 本月底 / end of this month<br>付款 Payment: 30% deposit, 70% before shipment</p>"
            "<p>Thanks &amp; regards<br>Amy Xu<br>深圳市森邦五金贸易有限公司</p>")
    html = ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\"></head><body>"
            + head + html_table(rows) + tail + "</body></html>\n")
    plain = """您好 Hello,

请按以下订单安排生产 Please arrange production as below:

客户 Customer: 深圳市森邦五金贸易有限公司
联系人 Contact: Amy Xu
电话 Tel: +86 755 8612 3456
送货地址 Delivery address: 深圳市宝安区福永街道凤凰第三工业区A栋

No. | 品名 Description | 规格 Spec | 单位 Unit | 数量 Qty | 单价 Unit Price (RMB)
1 | 不锈钢门铰链 Stainless door hinge | 3.5"×3"×2.5mm | pcs | 2000 | 6.80
2 | 门吸 Door stopper | SUS304 | pcs | 1500 | 4.20
合计 Total: RMB 19,900.00

交货日期 Delivery: 本月底 / end of this month
付款 Payment: 30% deposit, 70% before shipment

Thanks & regards
Amy Xu
深圳市森邦五金贸易有限公司
"""
    part = multi("alternative", "_000_TYZPR06MB6290B2C4E1A7D93F0E5A2B8CTYZPR06MB6290apcp_",
                 text(plain, charset="utf-8", cte="base64"),
                 text(html, "html", charset="utf-8", cte="base64"))
    return finish([
        ("From", "Amy Xu <amy.xu@senbang-hw.example>"),
        ("To", "\"orders@example.com\" <orders@example.com>"),
        ("Subject", ew("订单 Order - 森邦五金 11月", "utf-8")),
        ("Date", date(2024, 11, 18, 11, 11, 0)),
        ("Message-ID", "<TYZPR06MB6290B2C4E1A7D93F0E5A2B8C@TYZPR06MB6290.apcprd06.prod.outlook.com>"),
        ("X-Mailer", "Microsoft Outlook 16.0"),
        ("Content-Language", "en-US"),
    ], part)


@email("mixlang_enbody_zhvalues_ningxia")
def _():
    body = """Hello Zhang,

Please arrange below order:

Item 1: QW型潜水排污泵, Model: 50QW15-22-2.2, Qty: 4 台, Unit price: 3,850 元
Item 2: 控制柜, Model: QK-2.2kW, Qty: 4 套, Unit price: 1,600 元

Delivery: 2025年5月20日前到宁东基地
Address: 宁夏银川市灵武市宁东镇化工新材料园区经七路6号
Contact: 马文斌 15909512345
Freight: 800
Total: 22,600 元

Best regards
马文斌 Ma Wenbin
宁夏宁东煤化工设备有限公司
"""
    part = text(body, charset="utf-8", cte="8bit")
    return finish([
        ("Received", "from mail.ndmh-equip.example ([10.12.0.8]) by mx.example.com; Wed, 23 Apr 2025 08:31:07 +0800"),
        ("From", who("马文斌", "mawb@ndmh-equip.example", "utf-8")),
        ("To", who("张敏", "zhang.rep@example.com", "utf-8")),
        ("Cc", "orders@example.com"),
        ("Subject", "Order: pumps for Ningdong base"),
        ("Date", date(2025, 4, 23, 8, 30, 52)),
        ("Message-ID", "<20250423083052.0f8c1a2e@mail.ndmh-equip.example>"),
        ("User-Agent", "Roundcube Webmail/1.6.6"),
    ], part)


# ==========================================================================
# colloquial_price: prose orders in GB18030/GBK, full-width digits, prices
# said the way people say them
# ==========================================================================


@email("colloquial_price_wan_foxmail_quote")
def _():
    body = """李经理：

上次说的那个变频恒压供水设备，我们定了，要３台，每台两万三千五，含税含运费。
另外配套的压力传感器要６个，８５０一个。
月底前要到货，送到我们新厂：江西省南昌市新建区长堎工业园兴业大道９９号。
付款还是老规矩，预付三成，到货后付清。

南昌洪都给排水设备有限公司
吴志刚　１３９７９１２３４５６

------------------ 原始邮件 ------------------
发件人: "李伟"<li.rep@example.com>;
发送时间: 2024年4月15日(星期一) 下午3:12
收件人: "吴志刚"<wuzg@nc-hongdu.example>;
主题: 报价 - 变频恒压供水设备

吴总您好，附件是我司报价，请查收。如有问题随时联系。

李伟
示例机电设备有限公司 销售部
电话：021-5888 0001
"""
    html_top = body.split("------------------ 原始邮件")[0]
    html = ('<meta http-equiv="Content-Type" content="text/html; charset=GB18030"><div>'
            + "<br>".join(html_top.split("\n")) +
            '</div><div><br></div><div style="font-size: 12px;font-family: Arial Narrow;padding:2px 0 2px 0;">'
            '------------------&nbsp;原始邮件&nbsp;------------------</div>'
            '<div style="font-size: 12px;background:#efefef;padding:8px;"><div><b>发件人:</b>&nbsp;"李伟"&lt;li.rep@example.com&gt;;</div>'
            '<div><b>发送时间:</b>&nbsp;2024年4月15日(星期一) 下午3:12</div>'
            '<div><b>收件人:</b>&nbsp;"吴志刚"&lt;wuzg@nc-hongdu.example&gt;;<wbr></div>'
            '<div></div><div><b>主题:</b>&nbsp;报价 - 变频恒压供水设备</div></div><div><br></div>'
            '<div>吴总您好，附件是我司报价，请查收。如有问题随时联系。</div><div><br></div><div>李伟</div>'
            '<div>示例机电设备有限公司 销售部</div><div>电话：021-5888 0001</div>\n')
    part = multi("alternative", "----=_NextPart_661FC1A7_0B3E7D20_4F8A2C19",
                 text(body, charset="GB18030", cte="base64"),
                 text(html, "html", charset="GB18030", cte="base64"))
    return finish([
        ("Date", date(2024, 4, 17, 20, 31, 0)),
        ("From", who("吴志刚", "wuzg@nc-hongdu.example", "GB18030", quote=True)),
        ("To", who("李伟", "li.rep@example.com", "GB18030", quote=True)),
        ("Subject", ew("回复：报价 - 变频恒压供水设备", "GB18030")),
        ("Message-ID", "<tencent_5C2E8A0B7D4F1936E2A8C0B5@nc-hongdu.example>"),
        ("In-Reply-To", "<20240415151200.8a3f2c71@example.com>"),
        ("References", "<20240415151200.8a3f2c71@example.com>"),
        *FOXMAIL,
    ], part)


@email("colloquial_price_wan_decimal_gbk8bit")
def _():
    body = """张经理：
    经研究，我厂决定采购贵公司ＺＬ－５００型真空干燥机２台，价格按2.35万一台，另要备用加热板４块，每块１２００元。
    交货时间：２０２４年８月１５日前。
    送货地址：安徽省合肥市经开区繁华大道７８号。
    联系人：杨帆，电话：０５５１－６３８８９９００。
    货到验收合格后３０天内付款。

                                        合肥天鹅制药机械厂
                                        二〇二四年七月九日
"""
    part = text(body, charset="GBK", cte="8bit")
    return finish([
        ("From", who("合肥天鹅制药机械厂 供应科", "gyk@hf-tiane-pharma.example", "GBK")),
        ("To", "<zhang.rep@example.com>"),
        ("Subject", ew("采购真空干燥机", "GBK")),
        ("Date", date(2024, 7, 9, 8, 55, 0)),
        ("Message-ID", "<002a01dad1a3$1e5b6c70$5b124550$@hf-tiane-pharma.example>"),
        ("X-Mailer", "Microsoft Outlook Express 6.00.2900.5512"),
        ("X-MimeOLE", "Produced By Microsoft MimeOLE V6.00.2900.5512"),
    ], part)


@email("colloquial_price_last_time_qp")
def _():
    body = """李工你好，

还是上次那款ＲＯ反渗透设备（型号ＨＹ－ＲＯ－２Ｔ），再来两套，单价按上次的23500，运费还是你们出。
另外滤芯再要２０支，价格按上次的。
１２月２０日前送到工地：重庆市渝北区空港大道８８号。

重庆渝北清源水处理工程有限公司
采购　蒋丽
手机　17723456789
"""
    part = text(body, charset="gb18030", cte="quoted-printable")
    return finish([
        ("From", who("蒋丽", "jiangli@cq-qingyuan-water.example", "gb18030", quote=True)),
        ("To", who("李伟", "li.rep@example.com", "gb18030", quote=True)),
        ("Subject", ew("再订两套RO设备", "gb18030")),
        ("Date", date(2024, 12, 6, 10, 12, 0)),
        ("Message-ID", "<202412061012005211943@cq-qingyuan-water.example>"),
        *FOXMAIL,
    ], part)


@email("colloquial_price_noprice_sunday")
def _():
    body = """李经理：
   周末打扰。我们下周五要用，麻烦安排发以下的货：
   电动执行器（型号ＤＺＷ２０）１２台，还是一千二一台；
   阀门定位器８个，八百五一个；
   手操器２个，价格老样子。
   送到鞍山市铁西区鞍千路２６８号，到了打我电话。

鞍山华冶自动化仪表有限公司
邓国庆　１３５０４１２１２３４
"""
    part = multi("alternative", "_000_SG2PR03MB6528A1F0C3E2D4B5968A7C1DSG2PR03MB6528apcp_",
                 text(body, charset="gb2312", codec="gbk", cte="base64"),
                 text(outlook_html(body, "gb2312", font="宋体"), "html", charset="gb2312", codec="gbk", cte="base64"))
    return finish([
        ("From", who("邓国庆", "dengguoqing@as-huaye.example", "gb2312", "gbk")),
        ("To", "\"li.rep@example.com\" <li.rep@example.com>"),
        ("Subject", ew("发货", "gb2312", "gbk")),
        ("Date", date(2024, 11, 24, 19, 2, 0)),
        ("Message-ID", "<SG2PR03MB6528A1F0C3E2D4B5968A7C1D@SG2PR03MB6528.apcprd03.prod.outlook.com>"),
        *OUTLOOK_ZH,
    ], part)


@email("colloquial_price_daxie_letter")
def _():
    body = """订　货　函

示例机电设备有限公司：
    根据双方洽谈，我公司向贵公司订购ＳＷ－３型除湿机组，数量叁台，单价人民币壹万贰仟捌佰元整（￥１２８００．００），货款合计叁万捌仟肆佰元整。运费５００元由我方承担，优惠３００元，实付金额叁万捌仟陆佰元整。
    交货日期：２０２５年３月２８日。
    交货地点：甘肃省兰州市七里河区建兰路１０８号。
    付款方式：合同签订后预付３０％，余款到货验收后６０天内付清。
    联系人：牛建军，联系电话：０９３１－２６１２３４５。

                                    甘肃陇原电力设备有限公司（盖章）
                                    ２０２５年３月３日
"""
    part = multi("mixed", "----=_Part_55012_904411285.1740963600000",
                 text(body, charset="GB18030", cte="base64"),
                 preamble=None)
    return finish([
        ("Date", "Mon, 3 Mar 2025 09:00:00 +0800 (CST)"),
        ("From", who("甘肃陇原电力设备有限公司", "wzb@gs-longyuan-power.example", "GB18030")),
        ("To", "orders@example.com"),
        ("Message-ID", "<1052776219.55013.1740963600001@mail.gs-longyuan-power.example>"),
        ("Subject", ew("订货函（除湿机组）", "GB18030")),
        ("X-Mailer", "Coremail Webmail Server Version 2.1 build 20240520"),
    ], part)


# ==========================================================================
# specreq_sentence: special requirements written as a sentence after the
# item table
# ==========================================================================


@email("specreq_sentence_packaging_outlook")
def _():
    intro = """李经理：

您好！我司订货如下，请安排：

订货单位：湖南长株潭重工装备有限公司
订单号：CZT-2404-031
联系人：唐敏 0731-8222 6677
送货地址：湖南省株洲市天元区栗雨工业园黄河南路9号
"""
    rows = [["序号", "产品编号", "产品名称", "规格", "单位", "数量", "单价", "金额"],
            ["1", "P002", "B产品", "L-800×400", "台", "12", "1,200.00", "14,400.00"],
            ["2", "P001", "A产品", "L-500×300", "台", "24", "500.00", "12,000.00"],
            ["合计", "", "", "", "", "", "", "26,400.00"]]
    tail = """以上设备请用木箱包装，箱外标注我司订单号及“向上”标识。
交货日期：2024年5月6日
付款方式：货到票到60天付款

唐敏
湖南长株潭重工装备有限公司 物资供应部
"""
    plain = intro + "\n" + "\n".join("\t".join(r) for r in rows) + "\n\n" + tail
    html = ("<html><head><meta http-equiv=Content-Type content=\"text/html; charset=gb2312\"></head><body lang=ZH-CN>"
            "<div class=WordSection1>" + "".join("<p class=MsoNormal>%s</p>" % (l or "&nbsp;") for l in intro.split("\n"))
            + html_table(rows) + "".join("<p class=MsoNormal>%s</p>" % (l or "&nbsp;") for l in tail.split("\n"))
            + "</div></body></html>\n")
    part = multi("alternative", "_000_TY0PR06MB5093D8E2A1C4B7F6039E1A2BTY0PR06MB5093apcp_",
                 text(plain, charset="gb2312", codec="gbk", cte="base64"),
                 text(html, "html", charset="gb2312", codec="gbk", cte="quoted-printable"))
    return finish([
        ("From", who("唐敏", "tangmin@czt-heavy.example", "gb2312", "gbk")),
        ("To", who("李伟", "li.rep@example.com", "gb2312", "gbk")),
        ("CC", "orders <orders@example.com>"),
        ("Subject", ew("订单CZT-2404-031", "gb2312", "gbk")),
        ("Date", date(2024, 4, 11, 14, 20, 0)),
        ("Message-ID", "<TY0PR06MB5093D8E2A1C4B7F6039E1A2B@TY0PR06MB5093.apcprd06.prod.outlook.com>"),
        *OUTLOOK_ZH,
    ], part)


@email("specreq_sentence_pipes_aligned_163")
def _():
    body = """各位好，附上本月管件订单：

名称            规格            材质     单位   数量    单价
无缝钢管        DN100×4.5      20#      米     600     86
90°弯头         DN100          20#      个     40      45
焊接法兰        DN100 PN16     Q235     片     80      38

钢管两端请做坡口处理，所有管口加塑料管帽保护，法兰需随货提供材质证明书。
要求9月10日前送到现场，现场地址：内蒙古包头市九原区建华南路管廊项目部。

赵海涛
内蒙古包头北方管道工程有限公司 物资部
电话 0472-5123456
"""
    part = multi("alternative", "----=_Part_66102_1730425517.1724121900382",
                 text(body, charset="UTF-8", cte="base64"),
                 text(simple_html(body, "UTF-8", "font-family:SimSun;font-size:14px"), "html", charset="UTF-8",
                      cte="base64"))
    return finish([
        ("Date", "Tue, 20 Aug 2024 10:45:00 +0800 (CST)"),
        ("From", who("赵海涛", "zhaoht_btbf@163.com", "UTF-8")),
        ("To", "orders@example.com"),
        ("Message-ID", "<41b8d2e0.2c71.19170e5c4a1.Coremail.zhaoht_btbf@163.com>"),
        ("Subject", ew("8月管件订单", "UTF-8")),
        *COREMAIL,
    ], part)


@email("specreq_sentence_inspection_en_nl")
def _():
    body = """Dear Li Wei,

Please find below our order VDM-250127.

Pos  Article  Description     Qty   Unit  Price EUR
1    P004     Control board   500   pcs   48.20
2    P002     B product       3     sets  1,640.00

All control boards must pass a 100% functional test before shipment, and please label each carton with our article number and PO.

Requested delivery date: 14-03-2025
Delivery address: Industrieweg 21, 2712 LB Zoetermeer, Netherlands
Payment: 45 days net

Met vriendelijke groet / Kind regards,

Sanne de Vries
Inkoper (Buyer), Van der Meer Koeltechniek B.V.
+31 79 555 3410
"""
    html = outlook_html(body, "us-ascii", "EN-US", "Calibri")
    part = multi("alternative", "_000_AM9PR07MB71183C0E5F2A4D6B8190E3C7AM9PR07MB7118eurp_",
                 text(body, charset="us-ascii", cte="quoted-printable"),
                 text(html, "html", charset="us-ascii", cte="quoted-printable"))
    return finish([
        ("From", "Sanne de Vries <s.devries@vdmeer-koeltechniek.example.nl>"),
        ("To", "Li Wei <li.rep@example.com>"),
        ("CC", "\"orders@example.com\" <orders@example.com>"),
        ("Subject", "Order VDM-250127"),
        ("Date", date(2025, 1, 27, 7, 30, 0, tz=1)),
        ("Message-ID", "<AM9PR07MB71183C0E5F2A4D6B8190E3C7@AM9PR07MB7118.eurprd07.prod.outlook.com>"),
        ("Content-Language", "nl-NL"),
    ], part)


@email("specreq_sentence_label_hk_qp")
def _():
    body = """李先生：

請安排以下訂單（採購單號：HTE-PO-25031）：

編號     品名        規格          單位    數量      單價(HKD)
P004     控制板      CB-24V        片      1,000     395
P001     A產品       L-500×300     台      20        545

請於每一外箱貼上本公司料號標籤，並附出廠檢驗報告（COC）。

交貨期：2025年4月18日
送貨地址：香港九龍灣宏光道1號億京中心A座15樓
付款方式：T/T 30 days

陳志明
恒通電子(香港)有限公司
電話：+852 2798 1234
"""
    part = text(body, charset="utf-8", cte="quoted-printable")
    return finish([
        ("From", who("陳志明", "cm.chan@hangtung-elec.example.hk", "utf-8", enc="Q")),
        ("To", "orders@example.com"),
        ("Subject", ew("訂單 HTE-PO-25031", "utf-8", enc="Q")),
        ("Date", date(2025, 3, 14, 16, 0, 0)),
        ("Message-ID", "<b3c1f7e2-88a4-4d0c-9e61-2f5a7c3d8e90@hangtung-elec.example.hk>"),
        *THUNDERBIRD,
    ], part)


# ==========================================================================
# gbk_pipe: pipe / aligned / box tables in GBK; the customer only in the
# greeting or the signature
# ==========================================================================


@email("gbk_pipe_greeting_foxmail8bit")
def _():
    body = """李经理您好！我是温州瓯江阀门有限公司采购部的林晓，本月订单如下：

|序号|编码|名称|规格|单位|数量|单价|
|1|P001|A产品|L-500×300|台|25|500|
|2|P002|B产品|L-800×400|台|3|1200|
|3|P004|控制板|CB-24V|片|150|360|

7月20日前交货，送温州市龙湾区滨海园区三道8号。
林晓 13857712345
"""
    part = text(body, charset="GBK", cte="8bit")
    return finish([
        ("Date", date(2024, 7, 1, 9, 30, 0)),
        ("From", who("林晓", "linxiao@oujiang-valve.example", "GBK", quote=True)),
        ("To", who("李伟", "li.rep@example.com", "GBK", quote=True)),
        ("Subject", ew("7月订单", "GBK")),
        ("Message-ID", "<202407010930001127635@oujiang-valve.example>"),
        ("X-Mailer", "Foxmail 7, 2, 9, 156[cn]"),
    ], part)


@email("gbk_pipe_aligned_signature_outlook")
def _():
    body = """张工：
  请按下表备货发货，谢谢。

  物料号    品名       规格型号       数量   单位     单价       金额
  P002      B产品      L-800×400        5    台    1200.00    6000.00
  P004      控制板     CB-24V          60    片     360.00   21600.00
  ------------------------------------------------------------------
  合计                                                       27600.00

  交货日期：2024-10-12

--
厦门鹭岛海洋仪器有限公司
采购部  郑玥
TEL: 0592-5678123  FAX: 0592-5678124
厦门市湖里区火炬高新区创新路3号
"""
    part = multi("alternative", "_000_PSAPR06MB4471E0B9C2D3A5F7186C4E2APSAPR06MB4471apcp_",
                 text(body, charset="gb2312", codec="gbk", cte="base64"),
                 text(outlook_html(body, "gb2312", font="宋体"), "html", charset="gb2312", codec="gbk",
                      cte="base64"))
    return finish([
        ("From", who("郑玥", "zhengyue@ludao-marine.example", "gb2312", "gbk")),
        ("To", who("张敏", "zhang.rep@example.com", "gb2312", "gbk")),
        ("Subject", ew("备货发货", "gb2312", "gbk")),
        ("Date", date(2024, 9, 25, 11, 0, 0)),
        ("Message-ID", "<PSAPR06MB4471E0B9C2D3A5F7186C4E2A@PSAPR06MB4471.apcprd06.prod.outlook.com>"),
        *OUTLOOK_ZH,
    ], part)


@email("gbk_pipe_markdown_greeting_qp")
def _():
    body = """您好，以下是贵州黔南磷化工有限责任公司的补货单：

| 物料编码 | 物料名称 | 规格 | 数量 | 单位 | 含税单价 |
|---|---|---|---|---|---|
| P001 | A产品 | L-500×300 | 8 | 台 | 500 |
| PV-2210 | 隔膜阀 | DN50 PN10 衬氟 | 16 | 个 | 640 |

隔膜阀请单独装箱。
请在12月底前到货，送贵州省黔南州福泉市马场坪工业园区。
付款：款到发货

罗斌 18985412345
"""
    part = text(body, charset="GB18030", cte="quoted-printable")
    return finish([
        ("From", who("罗斌", "luobin@qn-phos.example", "GB18030")),
        ("To", "orders@example.com"),
        ("Subject", ew("补货单 12月", "GB18030")),
        ("Date", date(2024, 12, 12, 15, 48, 20)),
        ("Message-ID", "<tencent_0D7E3B9A2C5F8146A3D9E0F2@qn-phos.example>"),
        ("X-Mailer", "WXWork Mail 4.1.31"),
    ], part)


@email("gbk_pipe_ascii_box_signature")
def _():
    body = """张经理：

    请安排以下设备：

+------+----------+------------+------+------+--------+
| 序号 | 名称     | 规格       | 单位 | 数量 | 单价   |
+------+----------+------------+------+------+--------+
|  1   | 离心风机 | 4-72-5A    | 台   |  2   | 6800   |
|  2   | 减震器   | JA-3       | 只   |  8   | 95     |
+------+----------+------------+------+------+--------+

    3月5日前交货。收货地址：郑州市管城回族区航海东路1356号

河南中原通风设备安装工程有限公司  工程部  王磊  13938512345
"""
    part = text(body, charset="gb2312", codec="gbk", cte="base64")
    return finish([
        ("Return-Path", "<wanglei@zy-tongfeng.example>"),
        ("From", who("王磊", "wanglei@zy-tongfeng.example", "gb2312", "gbk")),
        ("To", "zhang.rep@example.com"),
        ("Subject", ew("风机订货", "gb2312", "gbk")),
        ("Date", date(2025, 2, 18, 8, 20, 0)),
        ("Message-ID", "<20250218082000.AB12CD34@zy-tongfeng.example>"),
        ("X-Mailer", "Microsoft Outlook 14.0"),
    ], part)


# ==========================================================================
# fwd_rep: an order forwarded by our own sales rep (Gmail / Outlook); the
# customer is the original sender and the SKU column must survive
# ==========================================================================


@email("fwd_rep_gmail_en")
def _():
    body = """Please enter this one, customer confirmed prices by phone.

Li Wei
Sales, Example M&E

---------- Forwarded message ---------
From: Rachel Kim <rkim@orionlabs.example>
Date: Tue, May 14, 2024 at 10:02 PM
Subject: PO 88213
To: Li Wei <li.rep@example.com>


Hi Li,

Our PO 88213 details:

SKU    Description      Qty   Unit Price
P004   Control board    250   $49.00
P001   A product        12    $71.00

Need these delivered by June 7, 2024.
Ship to: 455 Research Blvd, Rockville, MD 20850
Terms: Net 30.

Thanks,
Rachel Kim
Procurement Lead, Orion Labs LLC
(301) 555-0162
"""
    html = ('<div dir="ltr">Please enter this one, customer confirmed prices by phone.<div><br></div><div>Li Wei</div>'
            '<div>Sales, Example M&amp;E</div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">'
            '---------- Forwarded message ---------<br>From: <strong class="gmail_sendername" dir="auto">Rachel Kim</strong> '
            '<span dir="auto">&lt;<a href="mailto:rkim@orionlabs.example">rkim@orionlabs.example</a>&gt;</span><br>'
            'Date: Tue, May 14, 2024 at 10:02 PM<br>Subject: PO 88213<br>To: Li Wei &lt;<a href="mailto:li.rep@example.com">'
            'li.rep@example.com</a>&gt;<br></div><br><br><div>Hi Li,<br><br>Our PO 88213 details:<br><br>'
            '<table><tr><td>SKU</td><td>Description</td><td>Qty</td><td>Unit Price</td></tr>'
            '<tr><td>P004</td><td>Control board</td><td>250</td><td>$49.00</td></tr>'
            '<tr><td>P001</td><td>A product</td><td>12</td><td>$71.00</td></tr></table><br>'
            'Need these delivered by June 7, 2024.<br>Ship to: 455 Research Blvd, Rockville, MD 20850<br>Terms: Net 30.<br><br>'
            'Thanks,<br>Rachel Kim<br>Procurement Lead, Orion Labs LLC<br>(301) 555-0162</div></div></div>\n')
    part = multi("alternative", "0000000000007c5d8e0618777a1b",
                 text(body, charset="UTF-8", cte="quoted-printable"),
                 text(html, "html", charset="UTF-8", cte="quoted-printable"))
    return finish([
        ("MIME-Version", "1.0"),
        ("From", "Li Wei <li.rep@example.com>"),
        ("Date", date(2024, 5, 15, 9, 15, 0)),
        ("Message-ID", "<CAH4nQ1sY8mB2vK7xR3tP9wL0dE6fGh5jZc_4Ua1Nq8Xo@mail.gmail.com>"),
        ("Subject", "Fwd: PO 88213"),
        ("To", "orders@example.com"),
    ], part)


@email("fwd_rep_outlook_zh")
def _():
    body = """请录入，谢谢。

张敏
示例机电设备有限公司 销售部
电话：021-5888 0001

________________________________
发件人: 周建华 <zhoujh@wuxi-huacheng.example>
发送时间: 2024年10月8日 16:22
收件人: 张敏 <zhang.rep@example.com>
主题: 订单-无锡华成

张经理：
国庆后第一单，如下：
物料编码\t物料名称\t规格\t单位\t数量\t单价
P001\tA产品\tL-500×300\t台\t40\t490
P002\tB产品\tL-800×400\t台\t10\t1180
P004\t控制板\tCB-24V\t片\t200\t355

交货：10月31日前
付款：月结30天
送货：无锡市新吴区长江路21号华成工业园3号门
周建华 13606171234
无锡华成精密传动有限公司
"""
    top, fwd = body.split("________________________________\n")
    fwd_head, fwd_body = fwd.split("\n\n", 1)
    rows = [l.split("\t") for l in fwd_body.split("\n") if "\t" in l]
    before = fwd_body.split("物料编码")[0]
    after = fwd_body.split("355\n", 1)[1]
    html = ("<html><head><meta http-equiv=Content-Type content=\"text/html; charset=gb2312\"></head><body lang=ZH-CN>"
            "<div class=WordSection1>" + "".join("<p class=MsoNormal>%s</p>" % (l or "&nbsp;") for l in top.split("\n"))
            + "<div style='border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm'>"
            + "".join("<p class=MsoNormal><b>%s</b> %s</p>" % (l.split(" ", 1)[0], l.split(" ", 1)[1]
                                                                .replace("<", "&lt;").replace(">", "&gt;"))
                      for l in fwd_head.split("\n"))
            + "</div>" + "".join("<p class=MsoNormal>%s</p>" % (l or "&nbsp;") for l in before.split("\n"))
            + html_table(rows) + "".join("<p class=MsoNormal>%s</p>" % (l or "&nbsp;") for l in after.split("\n"))
            + "</div></body></html>\n")
    part = multi("alternative", "_000_SEZPR06MB5702F1A9D3C8E0B7264F5D19SEZPR06MB5702apcp_",
                 text(body, charset="gb2312", codec="gbk", cte="base64"),
                 text(html, "html", charset="gb2312", codec="gbk", cte="base64"))
    return finish([
        ("From", who("张敏", "zhang.rep@example.com", "gb2312", "gbk")),
        ("To", "orders <orders@example.com>"),
        ("Subject", ew("转发: 订单-无锡华成", "gb2312", "gbk")),
        ("Thread-Topic", ew("订单-无锡华成", "gb2312", "gbk")),
        ("Date", date(2024, 10, 9, 8, 40, 0)),
        ("Message-ID", "<SEZPR06MB5702F1A9D3C8E0B7264F5D19@SEZPR06MB5702.apcprd06.prod.outlook.com>"),
        *OUTLOOK_ZH,
    ], part)


@email("fwd_rep_gmail_zh_qqquote")
def _():
    body = """老客户西安秦创的单子，麻烦录一下。

---------- Forwarded message ---------
发件人： 马晓燕 <2975543210@qq.com>
Date: 2024年11月5日周二 09:47
Subject: 回复：报价单
To: Li Wei <li.rep@example.com>


李经理，按报价单下单：
货号 P002，B产品，规格L-800×400，6台，1150元/台
货号 P004，控制板，型号CB-24V，100片，350元/片
12月10日前送到西安市高新区锦业路69号创业研发园C区，收货人马晓燕 029-88451234
付款：预付50%，余款发货前付清

西安秦创仪表科技有限公司 马晓燕

------------------ 原始邮件 ------------------
发件人: "Li Wei"<li.rep@example.com>;
发送时间: 2024年11月4日(星期一) 下午5:30
收件人: "马晓燕"<2975543210@qq.com>;
主题: 报价单

马经理好，报价如下：B产品 1150元/台，控制板 350元/片，有效期15天。
李伟 示例机电设备有限公司 13800138000
"""
    part = multi("alternative", "000000000000e3a91f0626281c4d",
                 text(body, charset="UTF-8", cte="base64"),
                 text(simple_html(body, "UTF-8"), "html", charset="UTF-8", cte="base64"))
    return finish([
        ("MIME-Version", "1.0"),
        ("From", "Li Wei <li.rep@example.com>"),
        ("Date", date(2024, 11, 5, 11, 20, 0)),
        ("Message-ID", "<CAH4nQ1tR2xW9pL5vD0kS8mF3bJ7cG1hN6aQ_e4Yz2Tw@mail.gmail.com>"),
        ("Subject", ew("Fwd: 回复：报价单", "UTF-8")),
        ("To", "orders@example.com"),
    ], part)


@email("fwd_rep_outlook_en_attach")
def _():
    fwd_text = """FYI - new order from Saigon Pack, please process. Drawing for line 2 attached.

Li Wei | Sales | Example M&E
+86 21 5888 0002

From: Nguyen Van Minh <minh.nv@saigonpack.example.vn>
Sent: Monday, March 17, 2025 3:15 PM
To: Li Wei <li.rep@example.com>
Subject: Order SGP-0317

Dear Mr. Li,

Please find our order SGP-0317 below:

Item code   Description            Specification              Qty   Unit    Unit price (USD)
P001        A product              L-500x300                  20    units   73.50
P003        C bracket (custom)     as per drawing SGP-BR-02   500   pcs     11.20

Please deliver by 15 April 2025.
Delivery address: Lot C3, Tan Thuan EPZ, District 7, Ho Chi Minh City, Vietnam
Payment: 30% T/T in advance, 70% against B/L copy

Best regards,
Nguyen Van Minh | Purchasing Executive
Saigon Packaging Joint Stock Company
Mobile: +84 903 123 456
"""
    rows = [["Item code", "Description", "Specification", "Qty", "Unit", "Unit price (USD)"],
            ["P001", "A product", "L-500x300", "20", "units", "73.50"],
            ["P003", "C bracket (custom)", "as per drawing SGP-BR-02", "500", "pcs", "11.20"]]
    top, rest = fwd_text.split("From: Nguyen", 1)
    head, msg = ("From: Nguyen" + rest).split("\n\n", 1)
    pre, post = msg.split("Item code", 1)
    post = post.split("11.20\n", 1)[1]
    html = ("<html><head><meta http-equiv=Content-Type content=\"text/html; charset=us-ascii\"></head><body lang=EN-US>"
            "<div class=WordSection1>" + "".join("<p class=MsoNormal>%s</p>" % (l or "&nbsp;") for l in top.split("\n"))
            + "<div style='border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm'>"
            + "".join("<p class=MsoNormal><b>%s</b>%s</p>" % (l.split(":", 1)[0] + ":", l.split(":", 1)[1]
                                                              .replace("<", "&lt;").replace(">", "&gt;"))
                      for l in head.split("\n"))
            + "</div>" + "".join("<p class=MsoNormal>%s</p>" % (l or "&nbsp;") for l in pre.split("\n"))
            + html_table(rows) + "".join("<p class=MsoNormal>%s</p>" % (l or "&nbsp;") for l in post.split("\n"))
            + "</div></body></html>\n")
    drawing = make_pdf(["SAIGON PACKAGING JSC", "Drawing SGP-BR-02", "C bracket, SPCC t=2.0, zinc plated",
                        "L 85 x W 40 x H 30 mm", "Holes 2 x D6.5"])
    part = multi("mixed", "_004_KL1PR0601MB4387A2C1E5F9D0B3674E8A21KL1PR0601MB4387apcp_",
                 multi("alternative", "_000_KL1PR0601MB4387A2C1E5F9D0B3674E8A21KL1PR0601MB4387apcp_",
                       text(fwd_text, charset="us-ascii", cte="quoted-printable"),
                       text(html, "html", charset="us-ascii", cte="quoted-printable")),
                 attachment(drawing, "application/pdf", "SGP-BR-02.pdf"))
    return finish([
        ("From", "Li Wei <li.rep@example.com>"),
        ("To", "\"orders@example.com\" <orders@example.com>"),
        ("Subject", "FW: Order SGP-0317"),
        ("Thread-Topic", "Order SGP-0317"),
        ("Date", date(2025, 3, 18, 8, 2, 0)),
        ("Message-ID", "<KL1PR0601MB4387A2C1E5F9D0B3674E8A21@KL1PR0601MB4387.apcprd06.prod.outlook.com>"),
        ("X-MS-Has-Attach", "yes"),
        ("Content-Language", "en-US"),
    ], part)


# ==========================================================================
# mixedcells: labelled and bare cells on one item line
# ==========================================================================


@email("mixedcells_en_pipes")
def _():
    body = """Hi Li,

New order from Tianjin Binhai Robotics Co., Ltd. (customer code CUST0721):

SKU: P004 | Control board | Spec: CB-24V | Qty: 40 pcs | Unit price: 355
SKU: P002 | B product | Spec: L-800x400 | Qty: 2 units | Unit price: 1190
SKU: P001 | A product | Qty: 10 units | Unit price: 495

Delivery: 2024-09-20, to No. 6 Haitai Development Road, Binhai Hi-tech Zone, Tianjin
Payment: monthly settlement, 30 days

Grace Liu
Buyer
Tel: 022-5866 1234
"""
    part = text(body, charset="us-ascii", cte="7bit")
    return finish([
        ("From", "\"Grace Liu\" <grace.liu@tjbinhai-robot.example>"),
        ("To", "li.rep@example.com"),
        ("Cc", "orders@example.com"),
        ("Subject", "Order TJ-0829"),
        ("Date", date(2024, 8, 29, 13, 10, 0)),
        ("Message-ID", "<0829131000.GL7721@tjbinhai-robot.example>"),
        ("User-Agent", "Mutt/2.2.12 (2023-09-09)"),
    ], part)


@email("mixedcells_zh_apple")
def _():
    body = """客户：青岛海纳船舶配件有限公司（编码 CUST0266）
联系人：孔令辉 电话：0532-8089 6611

编码：P002 | B产品 | 规格：L-800×400 | 数量：4台 | 单价：1200
编码：P003 | C型支架 | 规格：300×120×8mm 镀锌 | 数量：150件 | 单价：85
P004 | 控制板 | 数量：60片 | 单价：360

交货日期：2025年2月20日（春节后）
送货地址：山东省青岛市黄岛区前湾港路588号

孔令辉
"""
    part = text(body, charset="utf-8", cte="quoted-printable")
    return finish([
        ("From", who("孔令辉", "konglh@qd-haina.example", "utf-8")),
        ("Mime-Version", "1.0 (Mac OS X Mail 16.0 \\(3826.300.87.4.3\\))"),
        ("Subject", ew("订单 海纳 1月", "utf-8")),
        ("Message-Id", "<A7C3E1B9-2D4F-4A68-9E05-3B1C7D2F8E60@qd-haina.example>"),
        ("Date", date(2025, 1, 14, 9, 20, 0)),
        ("To", "orders@example.com"),
        ("X-Mailer", "Apple Mail (2.3826.300.87.4.3)"),
    ], part)


@email("mixedcells_gbk_comma_template")
def _():
    body = """李经理您好：

本期订货如下，请安排：

P001，A产品，规格：L-500×300，数量：30台，500元/台
P002，B产品，规格：L-800×400，数量：6台，1200元/台

总价优惠200元，优惠后合计22000元。
付款方式：30%定金，余款月结30天
交货日期：2025-05-16

收货单位：佛山市顺德区美辰电器有限公司
收货地址：佛山市顺德区北滘镇工业大道38号
联系人：梁志强　电话：0757-2233 4455
"""
    part = multi("alternative", "----=_NextPart_682EF2C5_0E1B7A40_6D3C9F12",
                 text(body, charset="GBK", cte="base64"),
                 text(simple_html(body, "GBK"), "html", charset="GBK", cte="base64"))
    return finish([
        ("Date", date(2025, 5, 22, 17, 45, 0)),
        ("From", who("梁志强", "liangzq@meichen-elec.example", "GBK", quote=True)),
        ("To", who("订单", "orders@example.com", "GBK", quote=True)),
        ("Subject", ew("订货（美辰）", "GBK")),
        ("Message-ID", "<202505221745004418802@meichen-elec.example>"),
        *FOXMAIL,
    ], part)


# ==========================================================================
# custom_drawing_en: two lines, one custom with a drawing; ASAP
# ==========================================================================


@email("custom_drawing_en_pdf_asap")
def _():
    body = """Hi,

PO# PCS-1044. We need two items:

1. P004 Control board, model CB-24V - 80 pcs @ $50.00
2. Custom mounting bracket per attached drawing PCS-BRK-7 - 200 pcs @ $14.20

Please ship ASAP - our line is down.

Ship to: 3180 De La Cruz Blvd, Santa Clara, CA 95054
Terms: Net 30

Tom Alvarez
Materials Manager, Pacific CNC Solutions Inc.
"""
    drawing = make_pdf(["PACIFIC CNC SOLUTIONS", "DWG PCS-BRK-7  REV A", "MOUNTING BRACKET",
                        "AL 6061-T6, BLACK ANODIZE", "2.50 x 1.75 x 0.25 in"])
    part = multi("mixed", "===============4127761508262149201==",
                 text(body, charset="us-ascii", cte="7bit"),
                 attachment(drawing, "application/pdf", "PCS-BRK-7_revA.pdf"))
    return finish([
        ("From", "Tom Alvarez <talvarez@pacificcnc.example>"),
        ("To", "orders@example.com"),
        ("Subject", "Order request"),
        ("Date", date(2024, 4, 10, 15, 22, 0, tz=-7)),
        ("Message-ID", "<171278772011.4127.9913402557@pacificcnc.example>"),
        ("X-Mailer", "Microsoft Outlook for Mac 16.83"),
    ], part)


@email("custom_drawing_en_png_india")
def _():
    body = """Dear Sir/Madam,

Kindly supply the following at the earliest:

Sr. | Item                    | Specification                       | Qty | Unit | Rate (USD)
1   | B product               | L-800x400                           | 4   | sets | 1,180.00
2   | Flange adaptor (custom) | As per attached drawing SGEW-FA-12  | 30  | nos  | 26.50

Delivery: as soon as possible.
Payment: 100% advance by T/T.

Thanks & regards,
Rajesh Kumar
Purchase Officer
Shree Ganesh Engineering Works Pvt. Ltd.
Plot 42, MIDC Bhosari, Pune 411026, India
Mob: +91 98220 12345
"""
    part = multi("mixed", "000000000000b7f3c1061f8e2a55",
                 multi("alternative", "000000000000b7f3bf061f8e2a53",
                       text(body, charset="UTF-8", cte="7bit"),
                       text(simple_html(body, "UTF-8"), "html", charset="UTF-8", cte="quoted-printable")),
                 attachment(make_png(180, 110, 2), "image/png", "SGEW-FA-12.png"))
    return finish([
        ("MIME-Version", "1.0"),
        ("From", "Rajesh Kumar <purchase@shreeganesh-engg.example.in>"),
        ("Date", date(2024, 9, 9, 10, 5, 0, tz=5.5)),
        ("Message-ID", "<CAB7vN3kQ2pW8xL1mZ5tR9yF0cH4dJ6gS_3Ea7Uo1Ks@mail.gmail.com>"),
        ("Subject", "Purchase order - flange adaptor and B product"),
        ("To", "orders@example.com"),
    ], part)


@email("custom_drawing_en_apple_quote_line")
def _():
    body = """Hi Zhang,

Could you please process the following order (our PO: SCF-2291):

- 150 pcs P004 Control board (model CB-24V) at USD 49.50 each
- 40 pcs custom enclosure, 316 stainless, to the attached drawing SCF-ENC-03 Rev A. Please quote the unit price before we confirm this line.

We need them ASAP.

Delivery to: 14 Foundry Road, Seven Hills NSW 2147, Australia

Cheers,
Olivia Grant
Operations Manager — Southern Cross Fabrication Pty Ltd
0412 345 678
"""
    html = ('<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head><body>'
            + "".join("<div>%s</div>" % (l or "<br>") for l in body.split("\n")) + "</body></html>\n")
    drawing = make_pdf(["SOUTHERN CROSS FABRICATION", "SCF-ENC-03 Rev A", "Enclosure 316 SS 1.5 mm",
                        "300 x 200 x 120 mm", "Brushed finish, IP66 gasket"])
    part = multi("alternative", "Apple-Mail=_8C2D4F61-7A3B-4E9C-B0D1-5F6A2C8E3B97",
                 text(body, charset="utf-8", cte="quoted-printable"),
                 multi("mixed", "Apple-Mail=_1E7B3A9D-5C2F-4D80-A6E4-9B0C3F7D2A15",
                       text(html, "html", charset="utf-8", cte="quoted-printable"),
                       attachment(drawing, "application/pdf", "SCF-ENC-03_RevA.pdf")))
    return finish([
        ("From", "Olivia Grant <olivia@southerncrossfab.example.com.au>"),
        ("Mime-Version", "1.0 (Mac OS X Mail 16.0 \\(3776.700.51\\))"),
        ("Subject", "Order - 2 lines"),
        ("Message-Id", "<9B4E2A7C-1D3F-4C58-8E6A-0F2B7D9C3E41@southerncrossfab.example.com.au>"),
        ("Date", date(2025, 2, 20, 9, 48, 0, tz=11)),
        ("To", "Zhang Min <zhang.rep@example.com>"),
        ("Cc", "orders@example.com"),
        *APPLE,
    ], part)


@email("custom_drawing_en_inline_png_canada")
def _():
    plain = """Hello,

Please enter our order 45-20931:

Line 1: 10 units A product, size L-500x300, CAD 96.00 per unit
Line 2: 25 units custom shaft coupling per the drawing attached (see image below), CAD 210.00 per unit

We need delivery ASAP.

Ship to: 1250 rue du Port, Quebec (QC) G1K 4G4, Canada
Terms: Net 60

Pierre Gagnon | Buyer | Laurentide Hydro Services Ltd. | T 418-555-0199
"""
    html = ("<html><head><meta http-equiv=Content-Type content=\"text/html; charset=utf-8\"></head><body lang=FR-CA>"
            "<div class=WordSection1>"
            + "".join("<p class=MsoNormal>%s</p>" % (l or "&nbsp;") for l in plain.split("\n")[:6])
            + "<p class=MsoNormal><img width=180 height=110 id=\"Picture_x0020_1\" src=\"cid:image001.png@01DB3782.5E1C2A40\"></p>"
            + "".join("<p class=MsoNormal>%s</p>" % (l or "&nbsp;") for l in plain.split("\n")[6:])
            + "</div></body></html>\n")
    part = multi("related", "_005_YT2PR01MB8843E5C1A9B0D7F2346C8E1AYT2PR01MB8843CANP_",
                 multi("alternative", "_000_YT2PR01MB8843E5C1A9B0D7F2346C8E1AYT2PR01MB8843CANP_",
                       text(plain, charset="utf-8", cte="quoted-printable"),
                       text(html, "html", charset="utf-8", cte="quoted-printable")),
                 attachment(make_png(180, 110, 5), "image/png", "image001.png", disposition="inline",
                            cid="image001.png@01DB3782.5E1C2A40"),
                 extra_params=' type="multipart/alternative";')
    return finish([
        ("From", "Pierre Gagnon <pgagnon@laurentide-hydro.example.ca>"),
        ("To", "\"orders@example.com\" <orders@example.com>"),
        ("Subject", "Order 45-20931"),
        ("Thread-Topic", "Order 45-20931"),
        ("Date", date(2024, 11, 15, 16, 30, 0, tz=-5)),
        ("Message-ID", "<YT2PR01MB8843E5C1A9B0D7F2346C8E1A@YT2PR01MB8843.CANPRD01.PROD.OUTLOOK.COM>"),
        ("Content-Language", "fr-CA"),
        ("X-MS-Has-Attach", ""),
    ], part)


@email("custom_drawing_en_nodrawing_sg")
def _():
    body = """Hi Li Wei,

Please book:
(1) P002 B product (model L-800x400) x 2 sets @ SGD 1,560.00
(2) Custom sensor bracket x 50 pcs @ SGD 18.00 - same as the previous design, we will send the drawing later.

Delivery: ASAP please.

Regards,
Tan Wei Ling
Senior Executive, Procurement
Merlion Automation Pte. Ltd.
DID +65 6555 0123
"""
    part = multi("alternative", "_000_SI2PR04MB5317C8A0E2F4B6D91375A0C4SI2PR04MB5317apcp_",
                 text(body, charset="us-ascii", cte="quoted-printable"),
                 text(outlook_html(body, "us-ascii", "EN-SG", "Calibri"), "html", charset="us-ascii",
                      cte="quoted-printable"))
    return finish([
        ("From", "Tan Wei Ling <weiling.tan@merlion-automation.example.sg>"),
        ("To", "Li Wei <li.rep@example.com>"),
        ("Cc", "orders@example.com"),
        ("Subject", "New order - bracket + B product"),
        ("Date", date(2025, 5, 6, 14, 0, 0)),
        ("Message-ID", "<SI2PR04MB5317C8A0E2F4B6D91375A0C4@SI2PR04MB5317.apcprd04.prod.outlook.com>"),
        ("Content-Language", "en-SG"),
    ], part)


# ==========================================================================
# quote_to_us: a supplier's quotation to us (kind other)
# ==========================================================================


@email("quote_to_us_zh_castings_foxmail")
def _():
    body = """示例机电设备有限公司 采购部 王经理：

您好！感谢贵司询价，现将我司报价如下：

报 价 单
报价单号：HB-BJ-20240603
报价日期：2024年6月3日

序号  名称          规格/材质          单位   数量   单价(元)   金额(元)
1     铸铁底座      HT250 800×600      件     50     420.00     21000.00
2     轴承座        QT450 Φ80          件     200    65.00      13000.00
合计：34000.00元（含13%增值税，含运费）

交货期：收到订单及预付款后15天
付款方式：预付30%，余款发货前付清
报价有效期：30天

如有疑问请随时联系。期待合作！

张海龙
泊头市华北铸造有限公司 销售部
手机：13833712345
地址：河北省泊头市交河镇工业区
"""
    part = multi("alternative", "----=_NextPart_665D2B8F_0C71E4A0_29F3B6D1",
                 text(body, charset="GB18030", cte="base64"),
                 text(simple_html(body, "GB18030"), "html", charset="GB18030", cte="base64"))
    return finish([
        ("Date", date(2024, 6, 3, 14, 6, 0)),
        ("From", who("张海龙", "zhl@bt-huabei-casting.example", "GB18030", quote=True)),
        ("To", who("采购部", "purchase@example.com", "GB18030", quote=True)),
        ("Cc", '"orders" <orders@example.com>'),
        ("Subject", ew("报价单-铸铁底座、轴承座（华北铸造）", "GB18030")),
        ("Message-ID", "<202406031406002283451@bt-huabei-casting.example>"),
        *FOXMAIL,
    ], part)


@email("quote_to_us_en_pdf")
def _():
    body = """Dear Mr. Li,

Thank you for your inquiry of 12 August. Please find our quotation Q-24-0877 attached.

Summary:
Item 1: Pressure transmitter PT-420, 4-20mA, 0-16 bar - 100 pcs - EUR 86.00/pc
Item 2: Mounting adapter G1/2 - 100 pcs - EUR 7.50/pc

Delivery time: 4 weeks after receipt of order
Payment terms: 30 days net
Validity: until 30 September 2024

We look forward to receiving your order.

Best regards
Sabine Keller
Sales Engineer, Keller Tech Sensors GmbH
Tel. +49 7031 555 220
"""
    pdf = make_pdf(["KELLER TECH SENSORS GMBH", "QUOTATION Q-24-0877  16.08.2024",
                    "To: Example M&E Co., Ltd., Mr. Li", "1  PT-420 Pressure transmitter  100 pcs  EUR 86.00",
                    "2  Mounting adapter G1/2  100 pcs  EUR 7.50", "Total EUR 9,350.00   Validity 30.09.2024"])
    part = multi("mixed", "------------D1C8A3F0B2E94A5C7E61F0A2",
                 text(body, charset="UTF-8", cte="7bit", flowed=True),
                 attachment(pdf, "application/pdf", "Q-24-0877_Example_ME.pdf"),
                 preamble="This is a multi-part message in MIME format.")
    return finish([
        ("Message-ID", "<3e8f1a2b-7c4d-4e9a-b5f6-0d1c2e3f4a5b@kellertech-sensors.example.de>"),
        ("Date", date(2024, 8, 16, 10, 0, 0, tz=2)),
        ("MIME-Version", "1.0"),
        *THUNDERBIRD,
        ("From", "Sabine Keller <s.keller@kellertech-sensors.example.de>"),
        ("To", "Li Wei <li.rep@example.com>"),
        ("Cc", "orders@example.com"),
        ("Subject", "Quotation Q-24-0877 for Example M&E - pressure transmitters"),
    ], part)


@email("quote_to_us_tw_big5_html")
def _():
    rows = [["項次", "品名", "規格", "單位", "數量", "單價(NTD)", "金額(NTD)"],
            ["1", "正齒輪", "M2 Z40 S45C 高週波", "個", "100", "380", "38,000"],
            ["2", "斜齒輪", "M1.5 Z32 SCM415 滲碳", "個", "60", "520", "31,200"],
            [("合計（未稅）", 6), "69,200"]]
    html = ("<html><head><meta http-equiv=Content-Type content=\"text/html; charset=big5\"></head><body lang=ZH-TW>"
            "<p>示例機電設備有限公司 採購部 鈞鑒：</p>"
            "<p>敬啟者：承蒙詢價，茲將報價內容列示如下，請　惠予參考。</p>"
            "<p><b>報價單　No. QT-1130</b><br>報價日期：2024/11/26</p>"
            + html_table(rows) +
            "<p>交貨期：收到訂單後30個工作天<br>付款條件：月結60天<br>報價有效期限：2024年12月31日</p>"
            "<p>如蒙　訂購，請回傳訂購單，謝謝！</p>"
            "<p>台灣精密齒輪股份有限公司　業務部<br>陳美玲<br>TEL：04-2358-1122 分機 31</p></body></html>\n")
    part = text(html, "html", charset="big5", cte="base64")
    return finish([
        ("From", who("陳美玲", "meiling@tw-gear.example.com.tw", "big5")),
        ("To", "purchase@example.com"),
        ("Cc", "orders@example.com"),
        ("Subject", ew("報價單 QT-1130（示例機電）", "big5")),
        ("Date", date(2024, 11, 26, 15, 30, 0)),
        ("Message-ID", "<000b01db3fd6$2c8e4a10$85aade30$@tw-gear.example.com.tw>"),
        ("X-Mailer", "Microsoft Outlook 16.0"),
        ("Content-Language", "zh-tw"),
    ], part)


@email("quote_to_us_reply_to_inquiry_foxmail")
def _():
    body = """李经理：您好！

贵司询价的电机报价如下：
YE3-132M-4 7.5kW 三相异步电机  10台  单价2850元（含税）
YE3-160M-4 11kW 三相异步电机   4台   单价4180元（含税）
运费我司承担，交货期7天。
以上报价有效期15天，如确认请回传盖章订单，我司即安排生产。

常州武进恒力电机有限公司 销售部 吴斌
电话：0519-86551234

------------------ 原始邮件 ------------------
发件人: "李伟"<li.rep@example.com>;
发送时间: 2024年12月2日(星期一) 上午10:15
收件人: "sales01"<sales01@cz-hengli-motor.example>;
主题: 询价-YE3电机

您好，请报以下电机价格：YE3-132M-4 7.5kW 10台；YE3-160M-4 11kW 4台。含税含运费。
李伟 示例机电设备有限公司
"""
    part = text(body, charset="GB18030", cte="base64")
    return finish([
        ("Date", date(2024, 12, 3, 9, 2, 0)),
        ("From", who("恒力电机-吴斌", "sales01@cz-hengli-motor.example", "GB18030", quote=True)),
        ("To", who("李伟", "li.rep@example.com", "GB18030", quote=True)),
        ("Subject", ew("回复：询价-YE3电机", "GB18030")),
        ("Message-ID", "<202412030902001948267@cz-hengli-motor.example>"),
        ("In-Reply-To", "<20241202101500.5e7a9c31@example.com>"),
        ("References", "<20241202101500.5e7a9c31@example.com>"),
        *FOXMAIL,
    ], part)


# ==========================================================================
# einvoice: electronic invoice notifications (kind other)
# ==========================================================================


@email("einvoice_platform_notice_html")
def _():
    html = ("<html><head><meta charset=\"utf-8\"></head><body>"
            "<p>尊敬的客户：</p><p>您好！您收到一张来自【常州武进恒力电机有限公司】开具的电子发票，详情如下：</p>"
            + html_table([["发票号码", "24322000000187654321"], ["开票日期", "2024年12月20日"],
                          ["购买方名称", "示例机电设备有限公司"], ["销售方名称", "常州武进恒力电机有限公司"],
                          ["项目", "*电机*三相异步电机 YE3-132M-4 7.5kW 10台"],
                          ["价税合计", "¥28,500.00（贰万捌仟伍佰元整）"]], header=False) +
            "<p>请点击下方链接下载发票（PDF/OFD/XML）：<br><a href=\"https://fapiao-notice.example.cn/d/8Kx2Qm\">"
            "https://fapiao-notice.example.cn/d/8Kx2Qm</a></p><p>发票已同时附在本邮件中，请查收。</p>"
            "<p>此邮件为系统自动发送，请勿直接回复。</p><p>电子发票服务平台</p></body></html>\n")
    pdf = make_pdf(["Electronic VAT invoice  No. 24322000000187654321", "Buyer: Example M&E Co., Ltd.",
                    "Seller: Changzhou Wujin Hengli Motor Co., Ltd.", "Total incl. VAT CNY 28,500.00"])
    part = multi("mixed", "----=_Part_9912_20241220_173411",
                 text(html, "html", charset="utf-8", cte="base64"),
                 attachment(pdf, "application/pdf", "电子发票_24322000000187654321.pdf", filename_charset="utf-8"))
    return finish([
        ("From", who("电子发票服务平台", "noreply@fapiao-notice.example.cn", "utf-8")),
        ("To", "finance@example.com"),
        ("Cc", "orders@example.com"),
        ("Subject", ew("您收到一张【常州武进恒力电机有限公司】开具的电子发票", "utf-8")),
        ("Date", date(2024, 12, 20, 17, 34, 11)),
        ("Message-ID", "<fp.24322000000187654321.1734687251@fapiao-notice.example.cn>"),
        ("Auto-Submitted", "auto-generated"),
    ], part)


@email("einvoice_supplier_issued_gbk")
def _():
    body = """示例机电设备有限公司 财务部：

您好！贵司采购订单 PO-2024-1188 对应的增值税专用发票已开具，信息如下：

发票号码：24442000000123456789
开票日期：2024年12月27日
货物名称：铝合金型材 6063-T5  2.4吨  单价21500元/吨
价税合计：51,600.00元

纸质发票已随货寄出，电子版见附件。如有疑问请与我司财务联系。

佛山市南海鸿泰铝业有限公司 财务部
何小红 0757-8566 3210
"""
    pdf = make_pdf(["VAT special invoice No. 24442000000123456789", "Buyer: Example M&E Co., Ltd.",
                    "Aluminium profile 6063-T5  2.4 t  x 21500.00", "Total CNY 51,600.00"])
    part = multi("mixed", "----=_NextPart_676E5D21_0A4C8B30_7E2F1D94",
                 text(body, charset="GBK", cte="base64"),
                 attachment(pdf, "application/pdf", "发票24442000000123456789.pdf", filename_charset="GBK"))
    return finish([
        ("Date", date(2024, 12, 27, 16, 12, 0)),
        ("From", who("何小红", "caiwu@nh-hongtai-al.example", "GBK", quote=True)),
        ("To", "orders@example.com"),
        ("Subject", ew("发票已开具 - PO-2024-1188", "GBK")),
        ("Message-ID", "<202412271612003307714@nh-hongtai-al.example>"),
        *FOXMAIL,
    ], part)


@email("einvoice_saas_en")
def _():
    body = """Hi Example M&E,

Your invoice INV-30918 from CloudFleet is now available.

Invoice number: INV-30918
Invoice date: January 1, 2025
Due date: January 31, 2025

Fleet tracking subscription - 40 devices x $31.00 = $1,240.00
Amount due: $1,240.00

View and pay your invoice: https://billing.cloudfleet.example/i/INV-30918

Thank you for your business!
The CloudFleet team

You are receiving this email because you are a billing contact for account EXMPL-0042.
"""
    part = multi("alternative", "--==_mimepart_6774f0a1_8c2b_1",
                 text(body, charset="UTF-8", cte="7bit"),
                 text(simple_html(body, "UTF-8"), "html", charset="UTF-8", cte="quoted-printable"))
    return finish([
        ("Date", date(2025, 1, 1, 9, 0, 1, tz=0)),
        ("From", "CloudFleet Billing <billing@cloudfleet.example>"),
        ("Reply-To", "support@cloudfleet.example"),
        ("To", "orders@example.com"),
        ("Message-ID", "<6774f0a1c2b1e_8c2b1@billing-worker-3.mail>"),
        ("Subject", "Your CloudFleet invoice INV-30918 is available"),
        ("List-Unsubscribe", "<https://billing.cloudfleet.example/unsubscribe/EXMPL-0042>"),
        ("Precedence", "bulk"),
    ], part)


@email("einvoice_shudian_gbk_items")
def _():
    body = """【数电发票】开具通知

示例机电设备有限公司：
    深圳启明电子有限公司已为您开具数电发票（增值税专用发票），请查收。

    发票号码：24442000000987001234
    开票日期：2025年01月08日
    项目名称            规格型号    单位   数量   单价      金额       税率
    *电子元件*控制板    CB-24V      片     200    314.16    62832.00   13%
    合计：价税合计（大写）柒万壹仟元整　（小写）￥71000.00

    下载地址：https://dppt.example.gov.cn/v/24442000000987001234
    本邮件由系统自动发送，请勿回复。
"""
    part = text(body, charset="gb2312", codec="gbk", cte="base64")
    return finish([
        ("From", who("数电票通知", "notice@einvoice-svc.example.cn", "gb2312", "gbk")),
        ("To", "orders@example.com"),
        ("Subject", ew("【数电发票】深圳启明电子有限公司开具的发票已送达", "gb2312", "gbk")),
        ("Date", date(2025, 1, 8, 10, 21, 5)),
        ("Message-ID", "<n.24442000000987001234@einvoice-svc.example.cn>"),
    ], part)


# ==========================================================================
# ooo: out-of-office answers (kind auto_reply)
# ==========================================================================


@email("ooo_outlook_en_headers")
def _():
    body = """Thank you for your email. I am out of the office until Monday, March 31 with limited access to email.

For urgent purchasing matters please contact purchasing@lakeshoremarine.example or call (231) 555-0100.

Marcus Bell
Purchasing Manager | Lakeshore Marine Supply, Inc.
"""
    part = multi("alternative", "_000_BN0PR08MB6951D2A4F6C8E0B1357A9C2EBN0PR08MB6951namp_",
                 text(body, charset="us-ascii", cte="quoted-printable"),
                 text(outlook_html(body, "us-ascii", "EN-US", "Calibri"), "html", charset="us-ascii",
                      cte="quoted-printable"))
    return finish([
        ("From", "Marcus Bell <mbell@lakeshoremarine.example>"),
        ("To", "\"orders@example.com\" <orders@example.com>"),
        ("Subject", "Automatic reply: [SO2025030014] Customer requirements list / 客户需求清单"
         .replace("客户需求清单", ew("客户需求清单"))),
        ("Thread-Topic", "[SO2025030014] Customer requirements list"),
        ("Date", date(2025, 3, 22, 9, 1, 7, tz=-4)),
        ("Message-ID", "<BN0PR08MB6951D2A4F6C8E0B1357A9C2E@BN0PR08MB6951.namprd08.prod.outlook.com>"),
        ("In-Reply-To", "<so.SO2025030014.confirm.1742568000@example.com>"),
        ("References", "<so.SO2025030014.confirm.1742568000@example.com>"),
        ("Auto-Submitted", "auto-replied"),
        ("X-Auto-Response-Suppress", "All"),
        ("X-MS-Exchange-Inbox-Rules-Loop", "mbell@lakeshoremarine.example"),
        ("Content-Language", "en-US"),
    ], part)


@email("ooo_zh_thread_noheaders_exmail")
def _():
    body = """您好，我已收到您的邮件。

本人5月1日至5月5日休假，期间邮件回复可能不及时，紧急事务请联系 13800001234 王小姐，或发送至 purchase@sd-hengtai.example.cn。

谢谢！
王建国
山东恒泰化工机械有限公司
"""
    part = multi("alternative", "----=_NextPart_6631E2B4_0D5A8C71_1F9E3B62",
                 text(body, charset="utf-8", cte="base64"),
                 text(simple_html(body, "utf-8"), "html", charset="utf-8", cte="base64"))
    return finish([
        ("From", who("王建国", "wangjg@sd-hengtai.example.cn", "utf-8", quote=True)),
        ("To", "orders@example.com"),
        ("Subject", ew("自动回复: [SO2024040021] 订单已生效 / 销售订单", "utf-8")),
        ("Date", date(2024, 5, 1, 8, 12, 30)),
        ("Message-ID", "<tencent_7B1D9E3F5A2C4086B1E3D5F7@exmail.qq.com>"),
        ("In-Reply-To", "<so.SO2024040021.effective.1714521600@example.com>"),
        ("References", "<so.SO2024040021.effective.1714521600@example.com>"),
    ], part)


@email("ooo_jp_iso2022")
def _():
    body = """This is an automatic reply.

誠に恐れ入りますが、12月27日から1月5日まで年末年始休暇のため不在にしております。
1月6日以降、順次対応させていただきます。
お急ぎの場合は購買部 (purchase@nakamura-seiki.example.jp) までご連絡ください。

I am out of the office from Dec 27 to Jan 5 and will reply after I return.

Kenichi Sato
Nakamura Seiki Co., Ltd.
"""
    part = text(body, charset="ISO-2022-JP", cte="7bit")
    return finish([
        ("Date", date(2024, 12, 27, 9, 0, 4, tz=9)),
        ("From", who("佐藤 健一", "k.sato@nakamura-seiki.example.jp", "ISO-2022-JP")),
        ("To", "zhang.rep@example.com"),
        ("Subject", ew("不在のお知らせ", "ISO-2022-JP") + " (Re: Order No. NS-241204-01)"),
        ("Message-Id", "<20241227090004.AUTO.5C1E@nakamura-seiki.example.jp>"),
        ("In-Reply-To", "<so.SO2024120003.shipped.1735261200@example.com>"),
        ("Auto-Submitted", "auto-replied (vacation)"),
        ("X-Auto-Response-Suppress", "All"),
    ], part)


@email("ooo_de_abwesenheit_plain")
def _():
    body = """Sehr geehrte Damen und Herren,

vielen Dank für Ihre Nachricht. Ich bin bis einschließlich 06.01.2025 nicht im Büro.
Ihre E-Mail wird nicht weitergeleitet. In dringenden Fällen wenden Sie sich bitte an
einkauf@albrecht-hydraulik.example.de oder +49 711 3456-200.

Thank you for your message. I am out of the office until 6 January 2025.
For orders and deliveries please contact einkauf@albrecht-hydraulik.example.de.

Mit freundlichen Grüßen
Jürgen Albrecht
Albrecht Hydraulik GmbH
"""
    part = text(body, charset="iso-8859-1", cte="quoted-printable")
    return finish([
        ("Date", date(2024, 12, 23, 7, 45, 12, tz=1)),
        ("From", who("Jürgen Albrecht", "j.albrecht@albrecht-hydraulik.example.de", "iso-8859-1", enc="Q")),
        ("To", "orders@example.com"),
        ("Subject", "Abwesenheitsnotiz: Bestellung 4500012876 - Versandanzeige"),
        ("Message-ID", "<a8e7c6b5-4d3e-2f1a-0b9c-8d7e6f5a4b3c@albrecht-hydraulik.example.de>"),
        ("In-Reply-To", "<so.SO2024100017.shipped.1734936000@example.com>"),
    ], part)


# --------------------------------------------------------------------------


def main():
    names = [n for n, _ in EMAILS]
    assert len(names) == len(set(names)), "duplicate names"
    for name, fn in EMAILS:
        data = fn()
        (OUT / (name + ".eml")).write_bytes(data)
    print("wrote %d emails to %s" % (len(EMAILS), OUT))


if __name__ == "__main__":
    main()
