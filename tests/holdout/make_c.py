"""Held-out test set "c" for `orderloop parse`: writes 60 .eml files.

Run:  /work/main/.venv/bin/python tests/holdout/make_c.py

Deterministic: fixed Message-IDs, Date headers, MIME boundaries and
attachment bytes, so re-running gives the same bytes.  Every message is
assembled by hand (headers, transfer encodings, multipart bodies) so that
the bytes do not depend on the Python version's email generator.

The expected c_*.json files beside this script are written by hand and are
NOT produced here.  See RULES-c.md for what each file tests.
"""
from __future__ import annotations

import base64
import io
import os
import quopri
import re
import zipfile

OUT = os.path.dirname(os.path.abspath(__file__))


# --------------------------------------------------------------------------
# tiny MIME toolkit (bytes in, bytes out)
# --------------------------------------------------------------------------
class Part:
    def __init__(self, headers, body: bytes):
        self.headers = list(headers)
        self.body = body


def ew(s: str, cs: str = "utf-8") -> str:
    """RFC 2047 B-encoded words (folded) for a non-ASCII header value."""
    try:
        s.encode("ascii")
        return s
    except UnicodeEncodeError:
        pass
    words, cur = [], ""
    for ch in s:
        trial = cur + ch
        if len(base64.b64encode(trial.encode(cs))) > 44 and cur:
            words.append(cur)
            cur = ch
        else:
            cur = trial
    if cur:
        words.append(cur)
    label = cs.upper() if cs in ("gbk", "gb2312", "gb18030", "big5") else cs
    return "\n ".join(
        f"=?{label}?B?{base64.b64encode(w.encode(cs)).decode('ascii')}?=" for w in words
    )


def ad(name: str | None, email: str, cs: str = "utf-8", quoted: bool = False) -> str:
    if not name:
        return email
    try:
        name.encode("ascii")
        if re.search(r"[(),.:;<>@\[\]\"]", name):
            return f'"{name}" <{email}>'
        return f"{name} <{email}>"
    except UnicodeEncodeError:
        return f'"{ew(name, cs)}" <{email}>' if quoted else f"{ew(name, cs)} <{email}>"


def _enc(raw: bytes, cte: str) -> bytes:
    if cte == "base64":
        return base64.encodebytes(raw)
    if cte == "quoted-printable":
        out = quopri.encodestring(raw)
    else:
        out = raw
    return out if out.endswith(b"\n") else out + b"\n"


def text(body: str, sub: str = "plain", cs: str = "utf-8", cte: str = "quoted-printable",
         params: str = "", extra=()) -> Part:
    raw = body.replace("\r\n", "\n").encode(cs)
    return Part([f'Content-Type: text/{sub}; charset="{cs}"{params}',
                 f"Content-Transfer-Encoding: {cte}", *extra], _enc(raw, cte))


def attach(data: bytes, ctype: str, filename: str, cte: str = "base64",
           disp: str = "attachment") -> Part:
    try:
        filename.encode("ascii")
        fn = f'filename="{filename}"'
        nm = f'name="{filename}"'
    except UnicodeEncodeError:
        q = "".join(c if c.isalnum() and ord(c) < 128 or c in ".-_" else
                    "".join(f"%{b:02X}" for b in c.encode("utf-8")) for c in filename)
        fn = f"filename*=UTF-8''{q}"
        nm = f'name="{ew(filename)}"'
    return Part([f"Content-Type: {ctype};\n\t{nm}",
                 f"Content-Disposition: {disp};\n\t{fn}",
                 f"Content-Transfer-Encoding: {cte}"], _enc(data, cte))


def render(p: Part) -> bytes:
    return "\n".join(p.headers).encode("ascii") + b"\n\n" + p.body


def multi(sub: str, boundary: str, parts, params: str = "",
          preamble: str = "This is a multi-part message in MIME format.") -> Part:
    b = (preamble + "\n\n").encode("ascii") if preamble else b""
    for p in parts:
        b += b"--" + boundary.encode() + b"\n" + render(p)
        if not b.endswith(b"\n"):
            b += b"\n"
    b += b"--" + boundary.encode() + b"--\n"
    return Part([f'Content-Type: multipart/{sub};{params}\n\tboundary="{boundary}"'], b)


def write(name: str, headers, root: Part) -> None:
    hs = list(headers)
    if not any(h.lower().startswith("mime-version") for h in hs):
        hs.append("MIME-Version: 1.0")
    data = "\n".join(hs + root.headers).encode("ascii") + b"\n\n" + root.body
    data = data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    with open(os.path.join(OUT, name + ".eml"), "wb") as f:
        f.write(data)
    WRITTEN.append(name)


WRITTEN: list[str] = []


def H(frm, to, subject, date, mid, cs="utf-8", extra=()):
    return [f"From: {frm}", f"To: {to}", f"Subject: {ew(subject, cs)}",
            f"Date: {date}", f"Message-ID: <{mid}>", *extra]


def html_wrap(inner: str, cs: str = "utf-8", word: bool = False) -> str:
    if word:
        return (
            '<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
            'xmlns:w="urn:schemas-microsoft-com:office:word" xmlns:m="http://schemas.microsoft.com/office/2004/12/omml" '
            'xmlns="http://www.w3.org/TR/REC-html40">\n<head>\n'
            f'<meta http-equiv="Content-Type" content="text/html; charset={cs}">\n'
            '<meta name="Generator" content="Microsoft Word 15 (filtered medium)">\n'
            "<style><!--\n/* Font Definitions */\n@font-face\n\t{font-family:\u7b49\u7ebf;}\n"
            "p.MsoNormal, li.MsoNormal, div.MsoNormal\n\t{margin:0cm;\n\ttext-align:justify;\n"
            "\tfont-size:10.5pt;\n\tfont-family:\u7b49\u7ebf;}\n"
            "table.MsoTableGrid\n\t{border:solid windowtext 1.0pt;\n\tfont-size:10.5pt;}\n--></style>\n"
            '</head>\n<body lang="ZH-CN" link="#0563C1" vlink="#954F72" style="text-justify-trim:punctuation">\n'
            f'<div class="WordSection1">\n{inner}\n</div>\n</body>\n</html>\n'
        )
    return (f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={cs}"></head>'
            f"<body>\n{inner}\n</body></html>\n")


def mso_p(s: str) -> str:
    if not s:
        return '<p class="MsoNormal"><span lang="EN-US"><o:p>&nbsp;</o:p></span></p>'
    return f'<p class="MsoNormal"><span style="font-family:\u7b49\u7ebf">{s}<span lang="EN-US"><o:p></o:p></span></span></p>'


def mso_table(rows) -> str:
    out = ['<table class="MsoTableGrid" border="1" cellspacing="0" cellpadding="0" '
           'style="border-collapse:collapse;border:none">']
    for r in rows:
        out.append("<tr>")
        for c in r:
            out.append('<td width="80" valign="top" style="border:solid windowtext 1.0pt;'
                       f'padding:0cm 5.4pt 0cm 5.4pt"><p class="MsoNormal"><span lang="EN-US">{c}</span>'
                       "<span lang=\"EN-US\"><o:p></o:p></span></p></td>")
        out.append("</tr>")
    out.append("</table>")
    return "\n".join(out)


def br_html(s: str) -> str:
    return "<br>\n".join(s.split("\n"))


TINY_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R/Resources<<>>>>endobj\n"
    b"4 0 obj<</Length 44>>stream\nBT /F1 12 Tf 72 770 Td (BY-0301 drawing) Tj ET\nendstream endobj\n"
    b"xref\n0 5\n0000000000 65535 f \ntrailer<</Size 5/Root 1 0 R>>\nstartxref\n0\n%%EOF\n"
)

# common staff / our addresses
ORDERS = "orders@example.com"
LI = ad("李伟", "li.rep@example.com")


# ==========================================================================
# ORDERS
# ==========================================================================
def o01():
    plain = """李经理：
您好！请按下表安排发货：

客户：华东精密机械有限公司（客户编码：CUST001）
订单号：HD-PO-2403-017

序号\t物料编码\t品名\t规格型号\t单位\t数量\t单价(元)\t金额(元)
1\tP001\tA产品\tL-500×300\t台\t100\t500.00\t50,000.00
2\tP002\tB产品\tL-800×400\t台\t10\t1,200.00\t12,000.00

运费：800.00元
合计金额：62,800.00元
交货日期：2024年3月28日
付款方式：预付30%，余款发货前付清
收货地址：上海市浦东新区张江路100号 3号厂房
联系人：王建国 13800000001
备注：需防潮包装，每台贴我司物料标签。

谢谢！

王建国
采购部
华东精密机械有限公司
电话：021-5080 1234  手机：13800000001
"""
    rows = [["序号", "物料编码", "品名", "规格型号", "单位", "数量", "单价(元)", "金额(元)"],
            ["1", "P001", "A产品", "L-500×300", "台", "100", "500.00", "50,000.00"],
            ["2", "P002", "B产品", "L-800×400", "台", "10", "1,200.00", "12,000.00"]]
    inner = "\n".join([mso_p("李经理："), mso_p("您好！请按下表安排发货："), mso_p(""),
                       mso_p("客户：华东精密机械有限公司（客户编码：CUST001）"),
                       mso_p("订单号：HD-PO-2403-017"), mso_p(""), mso_table(rows), mso_p(""),
                       mso_p("运费：800.00元"), mso_p("合计金额：62,800.00元"),
                       mso_p("交货日期：2024年3月28日"), mso_p("付款方式：预付30%，余款发货前付清"),
                       mso_p("收货地址：上海市浦东新区张江路100号 3号厂房"),
                       mso_p("联系人：王建国 13800000001"),
                       mso_p("备注：需防潮包装，每台贴我司物料标签。"), mso_p(""), mso_p("谢谢！"), mso_p(""),
                       mso_p("王建国"), mso_p("采购部"), mso_p("华东精密机械有限公司"),
                       mso_p("电话：021-5080 1234&nbsp; 手机：13800000001")])
    root = multi("alternative", "_000_TY2PR06MB3215A1B2C3D4E5F60718293A4B5C6D7E8TY2PR06MB3215apcp_",
                 [text(plain, cs="gb2312", cte="base64"),
                  text(html_wrap(inner, "gb2312", word=True), "html", cs="gb2312", cte="quoted-printable")],
                 preamble="")
    write("c_order_outlook_word_table", H(
        ad("王建国", "purchase@huadong.example"), ORDERS, "采购订单 HD-PO-2403-017",
        "Tue, 12 Mar 2024 09:41:22 +0800", "TY2PR06MB3215A1B2C3D4E5F6@TY2PR06MB3215.apcprd06.prod.outlook.com",
        cs="gb2312", extra=[f"Cc: {LI}", "Thread-Topic: " + ew("采购订单 HD-PO-2403-017", "gb2312"),
                            "Thread-Index: AdpzY3Jp0bQ7k1xHQ9ysd2VZ1Q==", "Content-Language: zh-CN",
                            "X-MS-Has-Attach:", "X-Mailer: Microsoft Outlook 16.0"]), root)


def o02():
    plain = """李工，你好：

我司深圳启明电子有限公司（客户编码 CUST003）下单如下：

品名：Control board
规格：CB-24V
物料号：P004
数量：500 pcs
单价：360元
金额：180000元

品名：B产品
规格：L-800×400
物料号：P002
数量：20台
单价：1200元
金额：24000元

合计：204000元（含税）
付款方式：月结30天
交货期：2024年6月20日
送货地址：深圳市南山区科技园南区8栋 5楼仓库
收货人：赵敏，电话 13900000003
备注：Control board需防静电包装，随货附出厂检验报告。

赵敏
采购专员
深圳启明电子有限公司
"""
    html = html_wrap('<div style="font-family:微软雅黑;font-size:14px">' + br_html(plain) + "</div>"
                     '<div><includetail><!--<![endif]--></includetail></div>', "gb2312")
    root = multi("alternative", "----=_NextPart_6660235A_0B4E6C38_5D2F1A07",
                 [text(plain, cs="gb2312", cte="base64"), text(html, "html", cs="gb2312", cte="base64")])
    write("c_order_foxmail_gbk_form", H(
        ad("赵敏", "zhao@qiming.example", "gb2312"), ORDERS, "订单-启明电子-0605",
        "Wed, 5 Jun 2024 14:22:10 +0800", "202406051422101371283@qiming.example", cs="gb2312",
        extra=["X-Priority: 3", "X-GUID: 6B1F2E4A-77C1-4D3A-9E25-0A1B2C3D4E5F",
               "X-Has-Attach: no", "X-Mailer: Foxmail 7.2.25.228[cn]"]), root)


def o03():
    plain = """李经理：
  这次再订一批，明细如下：
  1、A产品，规格L-500×300，60台，单价480元
  2、控制板，型号CB-24V，200块，单价350元
  10月31日前到我们温州厂，地址还是温州市瓯海区娄桥工业园瓯海大道1188号。
  付款还是月结60天。
谢谢！
陈晓东  13777889900
温州瑞达阀门有限公司


------------------&nbsp;原始邮件&nbsp;------------------
发件人: "李伟"<li.rep@example.com>;
发送时间: 2024年4月8日(星期一) 下午3:12
收件人: "陈晓东"<1823456789@qq.com>;
主题: 回复：关于4月份订货

陈总，
4月的订单收到：A产品 100台 单价500元，控制板300块 单价360元，4月25日发货。
付款按预付30%。
李伟
""".replace("&nbsp;", "\u00a0")
    html = html_wrap('<div style="line-height:1.7;color:#000000;font-size:14px;font-family:Arial">'
                     + br_html(plain.split("\n\n\n")[0]) + '</div><div><br></div><div style="font-size: 12px;'
                     'font-family: Arial Narrow;padding:2px 0 2px 0;">------------------&nbsp;原始邮件&nbsp;'
                     '------------------</div><div style="font-size: 12px;background:#efefef;padding:8px;">'
                     '<div><b>发件人:</b>&nbsp;"李伟"&lt;li.rep@example.com&gt;;</div><div><b>发送时间:</b>&nbsp;'
                     '2024年4月8日(星期一) 下午3:12</div><div><b>收件人:</b>&nbsp;"陈晓东"&lt;1823456789@qq.com&gt;;'
                     '</div><div><b>主题:</b>&nbsp;回复：关于4月份订货</div></div><div><br></div>陈总，<br>4月的订单收到：'
                     'A产品 100台 单价500元，控制板300块 单价360元，4月25日发货。<br>付款按预付30%。<br>李伟<br>', "gb18030")
    root = multi("alternative", "----=_NextPart_670C7C1D_0A2B3C4D_1E2F3A4B",
                 [text(plain, cs="gb18030", cte="base64"), text(html, "html", cs="gb18030", cte="base64")])
    write("c_order_qq_reply_old_thread", H(
        ad("陈晓东", "1823456789@qq.com", "gb18030", quoted=True), ad("李伟", "li.rep@example.com", "gb18030", quoted=True),
        "回复：关于4月份订货", "Mon, 14 Oct 2024 10:05:33 +0800", "tencent_3F2A1B0C9D8E7F6A5B4C3D2E1F0A9B8C7D06@qq.com",
        cs="gb18030", extra=[f"Cc: {ORDERS}", "In-Reply-To: <20240408151200.li.rep.0042@example.com>",
                             "References: <20240408151200.li.rep.0042@example.com>",
                             "X-QQ-mid: xmsezb3-1t1728871533tr8kq2v5m", "X-QQ-MIME: TCMime 1.0 by Tencent",
                             "X-Mailer: QQMail 2.x", "X-QQ-Mailer: QQMail 2.x"]), root)


def o04():
    fwd = """FYI, new PO from Sunrise, please process.

---------- Forwarded message ---------
From: Rajesh Kumar <rajesh.kumar@sunrise-eng.example>
Date: Thu, 21 Nov 2024 at 12:15
Subject: Purchase Order SEPL/PO/24-25/0873
To: Li Wei <li.rep@example.com>


Dear Mr. Li,

Greetings from Sunrise Engineering!

Kindly find below our purchase order for the following items:

1. A Product (model L-500x300) - 40 units @ USD 72.00 per unit
2. Control board (model CB-24V) - 150 pcs @ USD 51.50 each

Total: USD 10,605.00

Price terms: CIF Nhava Sheva.
Payment: 30% advance by T/T, balance against copy of B/L.
Delivery: on or before 15th January 2025.
Please ensure seaworthy export packing and mark each carton with our PO number.

Ship to: Plot 27, MIDC Bhosari, Pune 411026, Maharashtra, India

Thanks & Regards,
Rajesh Kumar
Manager - Purchase
Sunrise Engineering Pvt. Ltd.
Mob: +91 98220 45678
Email: rajesh.kumar@sunrise-eng.example
"""
    head, tail = fwd.split("---------- Forwarded message ---------\n")
    html = ('<div dir="ltr">FYI, new PO from Sunrise, please process.<br><br><div class="gmail_quote">'
            '<div dir="ltr" class="gmail_attr">---------- Forwarded message ---------<br>From: <strong class="gmail_sendername" '
            'dir="auto">Rajesh Kumar</strong> <span dir="auto">&lt;<a href="mailto:rajesh.kumar@sunrise-eng.example">'
            'rajesh.kumar@sunrise-eng.example</a>&gt;</span><br>Date: Thu, 21 Nov 2024 at 12:15<br>Subject: Purchase Order '
            'SEPL/PO/24-25/0873<br>To: Li Wei &lt;<a href="mailto:li.rep@example.com">li.rep@example.com</a>&gt;<br></div><br><br>'
            + br_html(tail.split("\n\n\n", 1)[1]) + "</div></div>\n")
    root = multi("alternative", "000000000000a1b2c3062775f4e1",
                 [text(fwd, cte="base64"), text(html, "html", cte="base64")], preamble="")
    write("c_order_gmail_fwd_rep_india", H(
        "Li Wei <liwei.hengtuo@gmail.com>", ORDERS, "Fwd: Purchase Order SEPL/PO/24-25/0873",
        "Thu, 21 Nov 2024 16:48:05 +0800", "CAH7pQx9v+Lq3kR8Zt2bWm0sYd4J=fQ1xN5uT@mail.gmail.com",
        extra=["References: <PN3P287MB1234ABCD5678EF90@PN3P287MB1234.INDP287.PROD.OUTLOOK.COM>",
               "In-Reply-To: <PN3P287MB1234ABCD5678EF90@PN3P287MB1234.INDP287.PROD.OUTLOOK.COM>"]), root)


def o05():
    plain = """转订单系统录入。客户是常州精工，客户编码 C-2031，老客户。

李伟
示例机电设备有限公司 销售部

________________________________
发件人: 孙丽 <sunli@jinggong-auto.example>
发送时间: 2025年2月17日 9:30
收件人: 李伟 <li.rep@example.com>
主题: 订单

李经理好，
请安排以下货物：
B产品（规格L-800×400）15台，按1150元/台；
C型支架（规格：按我司图纸JG-2025-011），300件，85元/件。
2月28日前送到常州市武进区湖塘镇长虹路66号，收货人孙丽 0519-8651 2233。
付款：货到验收后月结45天。

常州精工汽车部件有限公司
采购部 孙丽
"""
    inner = "\n".join(mso_p(x) for x in plain.split("________________________________")[0].split("\n")) + (
        '\n<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm">'
        '<p class="MsoNormal"><b>发件人:</b> 孙丽 &lt;sunli@jinggong-auto.example&gt;<br><b>发送时间:</b> 2025年2月17日 9:30<br>'
        '<b>收件人:</b> 李伟 &lt;li.rep@example.com&gt;<br><b>主题:</b> 订单</p></div>\n'
        + "\n".join(mso_p(x) for x in plain.split("主题: 订单\n\n")[1].split("\n")))
    root = multi("alternative", "_000_SG2PR03MB6543F0E1D2C3B4A59687SG2PR03MB6543apcp_",
                 [text(plain, cte="base64"), text(html_wrap(inner, "utf-8", word=True), "html", cte="base64")],
                 preamble="")
    write("c_order_outlook_fwd_rep_cn", H(
        LI, ORDERS, "转发: 订单", "Mon, 17 Feb 2025 11:02:47 +0800",
        "SG2PR03MB6543F0E1D2C3B4A5@SG2PR03MB6543.apcprd03.prod.outlook.com",
        extra=["Thread-Topic: " + ew("订单"), "Content-Language: zh-CN", "X-MS-Has-Attach:",
               "X-Mailer: Microsoft Outlook 16.0"]), root)


def o06():
    body = "李经理，A产品再补50台，月底前送到老地址，价格照旧。\n王建国\n\n发自我的iPhone\n"
    write("c_order_iphone_short", H(
        ad("王建国", "purchase@huadong.example"), ORDERS, "补单", "Sat, 18 May 2024 20:16:40 +0800",
        "5C1E7A2B-93D4-4F08-B6E1-2A7C9D0E4F31@huadong.example",
        extra=["Mime-Version: 1.0 (1.0)", "X-Mailer: iPhone Mail (21E236)"]),
        text(body, cte="quoted-printable", params=""))


def o07():
    plain = """李经理晚上好，

跟你说下我们这边要的货：
B产品要三台，还是一千二一台吧；
控制板（型号ＣＢ－２４Ｖ）来两百个，三百五一个；
还有模温机配套支架（定制的，按上回给你们的图纸做）要１５０件，八十块一件。
一共多少你们算一下发个单子过来。

下周五之前要到，送到我们厂里：绍兴市柯桥区齐贤街道工业区5号。
钱还是老规矩，货到付款。

周建华
绍兴柯桥宏达纺机配件厂
手机１３５８８６６２２１１
"""
    html = html_wrap('<div style="line-height:1.7;color:#000000;font-size:14px;font-family:Arial"><div>'
                     + "</div><div>".join(x or "<br>" for x in plain.split("\n")) + "</div></div><br><br>"
                     '<span title="neteasefooter"><p>&nbsp;</p></span>', "GBK")
    root = multi("alternative", "----=_Part_583921_1093871622.1725802632114",
                 [text(plain, cs="GBK", cte="base64"), text(html, "html", cs="GBK", cte="base64")], preamble="")
    write("c_order_163_colloquial", H(
        ad("老周", "zhoujianhua_88@163.com", "GBK"), ORDERS, "订货", "Sun, 8 Sep 2024 21:37:12 +0800",
        "6c2a1f3e.4b7d.191d2a9f0c2.Coremail.zhoujianhua_88@163.com", cs="GBK",
        extra=["X-Priority: 3", "X-Mailer: Coremail Webmail Server Version XT5.0.14 build 20230109(dcb5de15)",
               "X-NTES-SC: AL_Qu2aBfWZuk4v5SWbZukXn0oTh+o2XsO3v/0h2YFXOp9wjC3p3jg8ZERJPHDp4fK1DDqupzMYfqgm6k05dYkO",
               "X-CM-TRANSID: _____wD3X2+4Ut1m6Q0cAA--.20512S2"]), root)


def o08():
    plain = """Hi 李伟,

请安排下面这个PO：
PO No.: LX250109-02

- P004 Control board (model CB-24V) x 300 pcs, unit price RMB 355
- P001 A产品 (model L-500×300) x 20台, unit price RMB 490

Freight: RMB 600（送到我们苏州工厂）
Total: RMB 116,900
Delivery: 1月20日之前到货（春节前一定要到）
Payment: Net 60 after invoice
Delivery address: 苏州工业园区星湖街328号B栋 收货区
Remarks: 外箱请标注PO号和料号

Thanks,
Kevin Xu | Supply Chain Manager
苏州蓝芯科技有限公司
M: +86 186 1234 5678
"""
    html = html_wrap('<div style="font-family:PingFang SC,Microsoft YaHei;font-size:14px">'
                     + br_html(plain) + "</div>")
    root = multi("alternative", "=_WXWorkMail_6d2f0a9b3c1e4d5f",
                 [text(plain, cte="base64"), text(html, "html", cte="base64")])
    write("c_order_wecom_mixed", H(
        ad("Kevin Xu (徐凯)", "kevin.xu@lanxin-tech.example"), ORDERS, "PO#LX250109-02 请确认",
        "Thu, 9 Jan 2025 17:55:03 +0800", "tencent_9A8B7C6D5E4F3A2B1C0D@wework.lanxin-tech.example",
        extra=[f"Cc: {LI}", "X-Mailer: WXWork Mail 4.1.26", "X-QQ-mid: bizesmtp81t1736416503t3k9e2a1",
               "X-QQ-SENDSIZE: 520"]), root)


def o09():
    plain = """李先生：

你好！本公司（永發機械貿易有限公司）現向 貴公司訂購以下貨品：

貨品名稱：A產品
型號：L-500×300
數量：30台
單價：港幣580元

貨品名稱：B產品
型號：L-800×400
數量：8台
單價：港幣1,350元

總額：港幣28,200元
交貨日期：2025年4月15日或之前
交貨地址：香港新界葵涌葵豐街18號永發工業大廈12樓
付款條件：貨到後30天內付款
聯絡人：何家偉  電話：2425 8899

請用木箱包裝。

永發機械貿易有限公司
採購部 何家偉
"""
    write("c_order_big5_hk", H(
        ad("Ho Ka Wai", "kw.ho@wingfat-hk.example"), ORDERS, "訂單 WF-PO-25031",
        "Wed, 19 Mar 2025 15:20:44 +0800", "001a01db98c2$4f1e3a20$ed5aae60$@wingfat-hk.example", cs="big5",
        extra=["X-Mailer: Microsoft Outlook 15.0", "Content-Language: zh-hk"]),
        text(plain, cs="big5", cte="quoted-printable"))


def o10():
    plain = """李先生您好：

隨信附上本公司採購明細，請惠予確認。

採購單號：PO-1140212-03

品名\t規格\t數量\t單位\t單價
控制板\tCB-24V\t120\t片\t1,650
A產品\tL-500×300\t12\t台\t2,300

交貨日期：民國114年3月10日
付款方式：月結60天（T/T）
送貨地址：桃園市龜山區文化一路88號

大華精密工業股份有限公司
採購課 林美君
TEL: 03-327-1234
"""
    write("c_order_tw_roc_date", H(
        ad("林美君", "mj.lin@dahua-tw.example"), ORDERS, "採購單 PO-1140212-03",
        "Wed, 12 Feb 2025 10:33:12 +0800", "CAJx8Rw2-tWq0pN3dLm7e_hZ+5sK1yB9vFc@mail.gmail.com"),
        text(plain, cte="quoted-printable"))


def o11():
    plain = """Hi Li,

Please accept PO 45001872 below.

Line  Item No.  Description              Qty   UOM   Unit Price   Ext. Price
----  --------  -----------------------  ----  ----  -----------  ----------
1     P004      Control board, 24V        250  EA         $52.00  $13,000.00
2     P002      B Unit, L-800x400          12  EA        $178.00   $2,136.00

                                                     Subtotal:  $15,136.00
                                                     Freight:      $450.00
                                                     Total:     $15,586.00

Terms: Net 30
Required date: 04/18/2025
Ship via: ocean LCL
Ship to: 2210 Industrial Pkwy, Building C, Houston, TX 77041, USA
Notes: Country of origin marking required on each unit. Include packing list and commercial invoice with shipment.

Mike Donnelly
Senior Buyer | Apex Fluid Systems Inc.
Office (713) 555-0148 | Cell (713) 555-0199
"""
    write("c_order_us_space_table", H(
        "Mike Donnelly <mdonnelly@apexfluid.example>", ORDERS, "PO 45001872 - Apex Fluid Systems",
        "Tue, 4 Mar 2025 08:12:55 -0600", "MN2PR12MB4481C0FFEE1234@MN2PR12MB4481.namprd12.prod.outlook.com",
        extra=["X-Mailer: Microsoft Outlook for Mac 16.94"]),
        text(plain, cs="us-ascii", cte="7bit"))


def o12():
    rows = [["Part No", "Description", "Model/Size", "Qty", "Unit", "Price (GBP)", "Total (GBP)"],
            ["P001", "A Product", "L-500x300", "25", "units", "68.50", "1,712.50"],
            ["P003", "C-type bracket, custom", "per drawing BR-118 rev B", "400", "pcs", "11.20", "4,480.00"],
            ["", "", "", "", "", "Sub-total", "6,192.50"],
            ["", "", "", "", "", "Delivery charge", "180.00"],
            ["", "", "", "", "", "Total", "6,372.50"]]
    table = ('<table border="1" cellpadding="4" style="border-collapse:collapse;font-family:Calibri">'
             + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows) + "</table>")
    html = html_wrap(
        "<p>Dear Li Wei,</p><p>Please find our purchase order BI-7734 below. The drawing BR-118 rev B was "
        "sent to your engineer on 2 May.</p>" + table +
        "<p>Payment terms: 30 days from invoice<br>Delivery required by: 03/06/2025<br>"
        "Deliver to: Unit 4, Harbour Trading Estate, Tilbury Road, Grays, Essex RM17 6SQ, United Kingdom</p>"
        "<p>Please quote our PO number on all paperwork.</p>"
        "<p>Kind regards,</p><p>Sarah Whitfield<br>Procurement Lead<br>Bramble Industrial Ltd<br>"
        "T: +44 (0)1375 555 210</p>")
    plain = """Dear Li Wei,

Please find our purchase order BI-7734 below. The drawing BR-118 rev B was sent to your engineer on 2 May.

Part No Description Model/Size Qty Unit Price (GBP) Total (GBP)
P001 A Product L-500x300 25 units 68.50 1,712.50
P003 C-type bracket, custom per drawing BR-118 rev B 400 pcs 11.20 4,480.00
Sub-total 6,192.50
Delivery charge 180.00
Total 6,372.50

Payment terms: 30 days from invoice
Delivery required by: 03/06/2025
Deliver to: Unit 4, Harbour Trading Estate, Tilbury Road, Grays, Essex RM17 6SQ, United Kingdom

Please quote our PO number on all paperwork.

Kind regards,

Sarah Whitfield
Procurement Lead
Bramble Industrial Ltd
T: +44 (0)1375 555 210
"""
    root = multi("alternative", "_000_LO2P265MB5120D7E6F5A4B3C2LO2P265MB5120GBRP_",
                 [text(plain, cs="us-ascii", cte="quoted-printable"),
                  text(html, "html", cs="us-ascii", cte="quoted-printable")], preamble="")
    write("c_order_uk_html_ddmm", H(
        "Sarah Whitfield <s.whitfield@brambleindustrial.example>", ORDERS, "Purchase Order BI-7734",
        "Mon, 12 May 2025 13:45:10 +0100", "LO2P265MB5120D7E6F5A4B3C2@LO2P265MB5120.GBRP265.PROD.OUTLOOK.COM",
        extra=["Content-Language: en-GB", "X-MS-Has-Attach:"]), root)


def o13():
    body = """Hi Li,

Thanks for checking stock. Go ahead with 6 x B units (model L-800x400) at the $1,150 you quoted, and 2 x A units. Need them landed in Brisbane by next Friday, air freight is fine - just add it to the invoice.

Deliver to 14 Kingsford Smith Dr, Eagle Farm QLD 4009.

Cheers,
Tom
Southern Cross Pumps Pty Ltd
0412 555 873

Sent from my iPhone

> On 14 Jun 2024, at 5:02 pm, Li Wei <li.rep@example.com> wrote:
>=20
> Hi Tom, we have 40 B units and 120 A units in stock. Let me know.
>=20
> Li Wei
"""
    raw = body.replace(">=20", "> ")
    write("c_order_au_next_friday", H(
        "Tom Nguyen <tom@southerncrosspumps.example>", "Li Wei <li.rep@example.com>", "Re: stock check",
        "Sat, 15 Jun 2024 09:14:00 +1000", "A1F0C3D2-7E6B-4A59-8C1D-0F2E3B4A5C6D@southerncrosspumps.example",
        extra=[f"Cc: {ORDERS}", "In-Reply-To: <20240614170200.4411@example.com>",
               "References: <20240614170200.4411@example.com>", "Mime-Version: 1.0 (1.0)",
               "X-Mailer: iPhone Mail (21F90)"]),
        text(raw, cte="quoted-printable"))


def o14():
    plain = """Hi Li Wei,

Please find our order below:

| No | Item | Model | Qty | Unit | Unit Price (SGD) | Amount (SGD) |
|----|------|-------|-----|------|------------------|--------------|
| 1 | Control board | CB-24V | 80 | pcs | 48.00 | 3,840.00 |
| 2 | A Product | L-500x300 | 10 | sets | 95.00 | 950.00 |

Discount (5% loyalty): SGD 239.50
Total payable: SGD 4,550.50

Payment: T/T in advance
Delivery: before 28 Nov 2025, DAP our warehouse at 21 Tuas South Avenue 3, Singapore 637410
Notes: Please send the packing list and CoO by email before shipment.

Best regards,
Priya Raman
Procurement Executive
Meridian Marine Engineering Pte Ltd
DID: +65 6555 2107
"""
    root = multi("alternative", "0000000000004f8e21063f0a9b77",
                 [text(plain, cte="base64"), text(html_wrap('<div dir="ltr">' + br_html(plain) + "</div>"),
                                                  "html", cte="base64")], preamble="")
    write("c_order_sg_markdown", H(
        "Priya Raman <priya@meridianmarine.example>", ORDERS, "PO MM-SG-25-1107 / Order confirmation needed",
        "Fri, 7 Nov 2025 11:20:31 +0800", "CAF3k2L+9xPq0vR=mT7wZ1bN4cY8dE6u@mail.gmail.com"), root)


def o15():
    plain = """Sehr geehrter Herr Li,

hiermit bestellen wir verbindlich:

Pos. 1: 40 Stück Steuerplatine, Typ CB-24V (Art.-Nr. P004), zu je 49,50 EUR
Pos. 2: 5 Stück B-Gerät, Typ L-800×400 (Art.-Nr. P002), zu je 1.190,00 EUR

Gesamtbetrag netto: 7.930,00 EUR
Liefertermin: 28.11.2025
Zahlungsbedingungen: 30 Tage netto
Lieferanschrift: Wareneingang Tor 3, Industriestraße 14, 73430 Aalen

Bitte jede Verpackungseinheit mit unserer Bestellnummer kennzeichnen.

Mit freundlichen Grüßen

Jürgen Becker
Einkauf
Becker Antriebstechnik GmbH
Tel. +49 7361 555-120
"""
    write("c_order_german_de", H(
        ad("Jürgen Becker", "j.becker@becker-antriebstechnik.example", "iso-8859-1"), ORDERS,
        "Bestellung Nr. 4500-2291", "Tue, 21 Oct 2025 14:07:19 +0200",
        "7b3e9c21-5a4f-4d8e-9b12-6f0a1c2d3e4f@becker-antriebstechnik.example",
        extra=["User-Agent: Mozilla Thunderbird", "Content-Language: de-DE"]),
        text(plain, cs="iso-8859-1", cte="quoted-printable", params="; format=flowed"))


def o16():
    plain = """Dear Li Wei,

As discussed by phone this morning, hereby our order:

- 60 pcs control board, type CB-24V, price EUR 47,80/pc
- 15 pcs A-product, size L-500x300, price EUR 70,00/pc

Total goods: EUR 3.918,00
Transport costs EUR 320,00 as per your offer.
Total: EUR 4.238,00

Delivery: latest 30 May 2025
Payment: 50% upfront, 50% within 30 days after delivery
Delivery address: Havenweg 12, 3295 XZ 's-Gravendeel, the Netherlands

Met vriendelijke groet / Kind regards,

Pieter de Vries
Inkoper
Van Leeuwen Techniek B.V.
T +31 78 555 4410
"""
    write("c_order_dutch_english", H(
        "Pieter de Vries <p.devries@vanleeuwen-techniek.example>", ORDERS, "Order 2025-0412 Van Leeuwen",
        "Thu, 3 Apr 2025 16:30:00 +0200", "AM9PR07MB7203B1A2C3D4E5F6@AM9PR07MB7203.eurprd07.prod.outlook.com",
        extra=["Content-Language: nl-NL"]),
        text(plain, cs="windows-1252", cte="quoted-printable"))


def o17():
    plain = """Estimado Sr. Li:

Le confirmamos el siguiente pedido:

Referencia P001 - Producto A, modelo L-500x300: 20 unidades a 66,00 EUR/unidad
Referencia P004 - Placa de control, modelo CB-24V: 100 unidades a 47,00 EUR/unidad

Importe total: 6.020,00 EUR
Plazo de entrega: antes del 16 de marzo de 2026
Forma de pago: transferencia a 60 días fecha factura
Dirección de entrega: Polígono Industrial Asipo, Calle B, Nave 7, 33428 Llanera, Asturias, España

Por favor, incluyan el certificado de conformidad CE con el envío.

Atentamente,

Lucía Fernández
Departamento de Compras
Talleres Norte S.L.
Tel.: +34 985 55 12 34
"""
    write("c_order_spanish_es", H(
        ad("Lucía Fernández", "compras@talleresnorte.example"), ORDERS, "Pedido PC-2026-0031",
        "Mon, 2 Feb 2026 10:15:42 +0100", "DB9PR02MB7311A9B8C7D6E5F4@DB9PR02MB7311.eurprd02.prod.outlook.com"),
        text(plain, cte="8bit"))


def o18():
    body = "李经理：\n见附件，请查收并安排。\n\n刘洋\n嘉源电机（宁波）有限公司\n0574-8722 6601\n"
    csv_text = ("物料编码,品名,规格,单位,数量,单价,金额\r\n"
                "P001,A产品,L-500×300,台,40,495,19800\r\n"
                "P002,B产品,L-800×400,台,10,1180,11800\r\n"
                "P003,C型支架,定制（图纸JY-0822）,件,200,82,16400\r\n"
                "合计,,,,,,48000\r\n"
                "交货日期,2024-09-10,,,,,\r\n"
                "送货地址,宁波市北仑区大港工业城黄山西路55号,,,,,\r\n"
                "付款方式,月结30天,,,,,\r\n")
    root = multi("mixed", "----=_Part_1102938_2093847561.1724288597000", [
        text(body, cs="GBK", cte="base64"),
        attach(csv_text.encode("gbk"), "text/csv", "订货明细.csv")], preamble="")
    write("c_order_csv_attachment", H(
        ad("采购部-刘洋", "liuyang@jiayuan-motor.example", "GBK"), ORDERS, "8月第二批订货",
        "Thu, 22 Aug 2024 09:03:17 +0800", "2c0e6a41.3a1.19178b2f3e5.Coremail.liuyang@jiayuan-motor.example",
        cs="GBK", extra=["X-Mailer: Coremail Webmail Server Version 2023.2-cmXT5 build 20231205"]), root)


def _xlsx() -> bytes:
    import datetime
    from openpyxl import Workbook
    wb = Workbook()
    ws = wb.active
    ws.title = "PO"
    rows = [
        ["PURCHASE ORDER"],
        [],
        ["Buyer:", "Northwind Trading Co."],
        ["Customer code:", "CUST002"],
        ["PO No.:", "NW-2510-044"],
        ["PO Date:", "2025-10-15"],
        ["Contact:", "Alice Chen", "Tel:", "+86 21 5555 0102"],
        ["Ship to:", "Room 5, 88 Century Avenue, Shanghai"],
        ["Required delivery:", "2025-11-05"],
        ["Payment terms:", "Net 30"],
        [],
        ["Item", "SKU", "Description", "Spec", "Unit", "Qty", "Unit Price", "Amount"],
        [1, "P004", "Control board", "CB-24V", "pcs", 600, 355, 213000],
        [2, "P002", "B产品", "L-800×400", "台", 5, 1200, 6000],
        [None, None, None, None, None, None, "Total", 219000],
        [],
        ["Remarks:", "Each carton must carry a Northwind label."],
    ]
    for r in rows:
        ws.append(r)
    fixed = datetime.datetime(2025, 10, 15, 2, 40, 0)
    wb.properties.creator = "Alice Chen"
    wb.properties.created = fixed
    wb.properties.modified = fixed
    wb.properties.lastModifiedBy = "Alice Chen"
    buf = io.BytesIO()
    wb.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name in sorted(src.namelist()):
            data = src.read(name)
            if name == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(<)",
                              rb"\g<1>2025-10-15T02:40:00Z\2", data)
            zi = zipfile.ZipInfo(name, date_time=(2025, 10, 15, 10, 40, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            z.writestr(zi, data)
    return out.getvalue()


def o19():
    try:
        data = _xlsx()
    except ImportError:  # openpyxl missing: skip the xlsx file
        return
    plain = "Hi Li,\n\nPlease see attached PO NW-2510-044.\n\nBest,\nAlice Chen\nNorthwind Trading Co.\n"
    root = multi("mixed", "_004_SH0PR01MB0622E5D4C3B2A190SH0PR01MB0622CHNP_", [
        multi("alternative", "_000_SH0PR01MB0622E5D4C3B2A190SH0PR01MB0622CHNP_",
              [text(plain, cs="us-ascii", cte="quoted-printable"),
               text(html_wrap(br_html(plain)), "html", cs="us-ascii", cte="quoted-printable")], preamble=""),
        attach(data, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "PO NW-2510-044.xlsx")],
        preamble="")
    write("c_order_xlsx_attachment", H(
        "Alice Chen <alice@northwind.example>", ORDERS, "PO NW-2510-044", "Wed, 15 Oct 2025 10:48:09 +0800",
        "SH0PR01MB0622E5D4C3B2A190@SH0PR01MB0622.CHNPR01.prod.partner.outlook.cn",
        extra=["X-MS-Has-Attach: yes", "Content-Language: en-US"]), root)


def o20():
    plain = "李工：\n\n和上次一样（12月那单，我们的单号QM-2512-07），再来一单，数量也一样，1月20号前送到。\n付款还是月结30天。\n\n赵敏\n深圳启明电子有限公司\n"
    write("c_order_repeat_no_lines", H(
        ad("赵敏", "zhao@qiming.example", "gbk"), ORDERS, "再来一单", "Tue, 6 Jan 2026 09:20:00 +0800",
        "202601060920004462117@qiming.example", cs="gbk", extra=["X-Mailer: Foxmail 7.2.25.375[cn]"]),
        text(plain, cs="gbk", cte="base64"))


def o21():
    plain = """李经理：
我们恒力汽配需要订一批货：
1. C型支架（定制），数量500件，单价80元；具体尺寸后面让技术跟你们对接。
2. A产品，规格L-500×300，10台，单价500元。
希望12月20日前交货。
付款：预付50%，余款见票30天。
送货：杭州市萧山区经济技术开发区建设二路777号

恒力汽车配件有限公司 郑国强 15857123456
"""
    write("c_order_custom_needs_drawing", H(
        ad("郑国强", "zheng.gq@hengli-auto.example", "GBK"), ORDERS, "定制支架订单",
        "Thu, 28 Nov 2024 15:40:11 +0800", "5e1b7c3a.2f6.193721a4b18.Coremail.zheng.gq@hengli-auto.example",
        cs="GBK", extra=["X-Mailer: Coremail Webmail Server Version XT5.0.13"]),
        text(plain, cs="GBK", cte="quoted-printable"))


def o22():
    plain = """李经理：

客户：宁波东方液压件厂（编码 C-0877）
联系人：俞海波（手机 13906661234）
地址：宁波市鄞州区首南街道天童南路888号

品名：非标法兰盘（定制）
规格：外径Φ200mm/内径Φ80mm/厚15mm，Q235
数量：120件
单价：45元

品名：B产品
规格：L-800×400
数量：4台
单价：1200元

运费：到付
交货：2025年7月15日前
付款：款到发货
备注：按件单独包装，附材质证明。

俞海波
"""
    rows = "".join(f"<p>{x}</p>" for x in plain.split("\n"))
    root = multi("alternative", "----=_NextPart_000_0017_01DBE1A2.3C4D5E60",
                 [text(plain, cs="gb2312", cte="quoted-printable"),
                  text(html_wrap(rows, "gb2312"), "html", cs="gb2312", cte="quoted-printable")])
    write("c_order_custom_with_dims", H(
        ad("俞海波", "yuhaibo@dongfang-hyd.example", "gb2312"), ORDERS, "法兰盘订单 DF-250620",
        "Fri, 20 Jun 2025 11:11:11 +0800", "001701dbe1a2$3c4d5e60$b5e81b20$@dongfang-hyd.example", cs="gb2312",
        extra=["X-Mailer: Microsoft Outlook 16.0", "Thread-Index: AdvhojxN1ebRk3qQR8aF0Q2XbZk1Ag=="]), root)


def o23():
    plain = """李经理：
急需以下货物，请尽快发货，越快越好！
A产品（规格L-500×300）20台
控制板（型号CB-24V）100片
请尽快回复确认。

东莞宏图五金制品有限公司
采购 黄志明
电话 0769-2288 1122
"""
    write("c_order_vague_asap_cn", H(
        ad("黄志明", "hzm@hongtu-hw.example", "gb2312"), ORDERS, "急单！", "Mon, 29 Jul 2024 08:47:20 +0800",
        "202407290847203316251@hongtu-hw.example", cs="gb2312",
        extra=["X-Priority: 1 (Highest)", "X-Mailer: Foxmail 7.2.23.121[cn]"]),
        text(plain, cs="gb2312", cte="quoted-printable"))


def o24():
    plain = """李经理：

订购A产品，规格L-500×300，共100台，单价495元，金额49,500元。
送货地址：
1) 60台送无锡市新吴区长江路21号凯利达一厂，收货人 钱伟 13812345678；
2) 40台送常州市新北区通江中路500号凯利达二厂，收货人 孙强 13987654321。
交货日期：4月30日前两处都要到。
付款方式：月结30天。

江苏凯利达机械制造有限公司
采购部 钱伟
"""
    write("c_order_multi_address", H(
        ad("钱伟", "qianwei@kailida-mach.example"), ORDERS, "订单KLD-0416（分两处送货）",
        "Wed, 16 Apr 2025 13:25:00 +0800", "20250416132500.7f3a@kailida-mach.example",
        extra=["X-Mailer: Coremail Webmail Server Version XT6.0.2"]),
        text(plain, cte="base64"))


def o25():
    plain = """李经理：
请按以下明细发货：

品名\t规格\t单位\t数量\t单价\t金额
A产品\tL-500×300\t台\t30\t500\t15000
B产品\tL-800×400\t台\t6\t1200\t7200
控制板\tCB-24V\t块\t100\t360\t36000

货款小计：58200元
运费：600元
优惠：1000元
实付金额：57800元
付款：预付30%，发货前付清余款
交期：2024年12月25日
地址：天津市西青区经济开发区兴华七支路9号
联系人：吴静 022-2397 6688

天津鑫源包装机械有限公司
"""
    root = multi("alternative", "_000_OS3P286MB2109AAAABBBBCCCCOS3P286MB2109JPNP_",
                 [text(plain, cte="base64"), text(html_wrap("<pre>" + plain + "</pre>"), "html", cte="base64")],
                 preamble="")
    write("c_order_freight_discount", H(
        ad("采购 吴静", "wujing@xinyuan-pack.example"), ORDERS, "订单确认 XY-PO-241206",
        "Fri, 6 Dec 2024 17:02:33 +0800", "OS3P286MB2109AAAABBBBCCCC@OS3P286MB2109.JPNP286.PROD.OUTLOOK.COM",
        extra=["X-Mailer: Microsoft Outlook 16.0"]), root)


def o26():
    plain = """李经理：
按以下不含税价格下单，税点13%另加：
1. B产品（型号L-800×400）8台，不含税单价1,060元
2. 控制板（型号CB-24V）300块，不含税单价318元
不含税合计：103,880元
含税合计（13%）：117,384.40元
请开13%增值税专用发票，发票随货寄出。
交货期：3月底。
付款：票到月结60天。
收货地址：济南市历城区工业北路2号 瑞丰数控 仓库，联系人高敏 0531-8899 2211

济南瑞丰数控设备有限公司
"""
    write("c_order_tax_exclusive", H(
        ad("财务采购 高敏", "gaomin@ruifeng-cnc.example"), ORDERS, "采购单RF-0311",
        "Tue, 11 Mar 2025 10:10:10 +0800", "tencent_0A1B2C3D4E5F60718293A4B5C6D7E8F9A00@ruifeng-cnc.example",
        extra=["X-Mailer: QQMail 2.x"]), text(plain, cte="base64"))


def o27():
    plain = """李经理，

报价收到，我们确认下单：

QW型潜水排污泵，型号50QW10-10-0.75，12台，单价1,850元/台
控制柜，规格一拖二 0.75kW，6套，单价2,300元/套

定金20%，余款30天内付清。
9月30日前送到工地：合肥市包河区滨湖新区紫云路与广西路交口 天一环保 项目部
工地联系人：胡阳 18955112233

安徽天一环保工程有限公司
胡阳

On 2025/9/1 16:20, 李伟 wrote:
> 胡经理您好，报价如下：
> QW型潜水排污泵 50QW10-10-0.75 单价1,900元/台
> 控制柜 一拖二 0.75kW 单价2,350元/套
> 报价有效期至2025年9月30日。
>
> 李伟
"""
    write("c_order_thunderbird_deposit", H(
        "Hu Yang <huyang@tianyi-env.example>", ORDERS, "Re: 潜水泵报价", "Wed, 3 Sep 2025 19:45:12 +0800",
        "b81f2c6d-0e3a-4f5b-9a7c-1d2e3f4a5b6c@tianyi-env.example",
        extra=["User-Agent: Mozilla Thunderbird", "Content-Language: zh-CN",
               "In-Reply-To: <20250901162000.quote.88@example.com>",
               "References: <20250901162000.quote.88@example.com>"]),
        text(plain, cte="8bit", params="; format=flowed"))


def o28():
    inner = """<div style="font-family:宋体;font-size:12pt">
<div>李经理您好：</div>
<div>&nbsp;</div>
<div>我司华东精密机械有限公司（贵司系统里的客户代码应该是CUST001）本月追加订单：</div>
<div>B产品（物料号P002，规格L-800×400）25台，单价1200元，共计30,000元，运费由贵司承担。</div>
<div>交货：7月10日前送到上海市浦东新区张江路100号。</div>
<div>付款方式：预付30%，余款月结30天。</div>
<div>&nbsp;</div>
<div>王建国 | 采购部 | 手机 13800000001</div>
</div>"""
    write("c_order_code_in_sentence_html", H(
        ad("王建国", "purchase@huadong.example"), ORDERS, "6月追加订单", "Mon, 23 Jun 2025 09:05:00 +0800",
        "PSAPR06MB4421DEADBEEF0001@PSAPR06MB4421.apcprd06.prod.outlook.com",
        extra=["X-Mailer: Microsoft Outlook 16.0"]),
        text(html_wrap(inner), "html", cte="quoted-printable"))


def o29():
    plain = """李经理：

本月订单如下，请安排：

序号  品名      规格         数量     单价       金额
1     控制板    CB-24V       400片    355.00     124,000.00
2     A产品     L-500×300    20台     500.00     10,000.00

合计：152,000.00元
交货日期：2024-12-05
付款方式：月结45天
地址：东莞市松山湖高新区工业西路6号
联系人：周慧 0769-2289 3300 / 13728001234

东莞联创电子科技有限公司
"""
    write("c_order_typo_line_amount", H(
        ad("周慧", "zhouhui@lianchuang-elec.example", "gb18030"), ORDERS, "联创电子 订单 LC20241114",
        "Thu, 14 Nov 2024 16:30:45 +0800", "202411141630451120339@lianchuang-elec.example", cs="gb18030",
        extra=["X-Mailer: Foxmail 7.2.25.254[cn]"]),
        text(plain, cs="gb18030", cte="quoted-printable"))


def o30():
    plain = """Dear Sir,

Please supply the following against our PO No. KAI/2425/1187 dated 13.01.2025:

Sl. | Description          | Qty      | Rate (USD) | Amount (USD)
1   | Control Board CB-24V | 200 Nos. | 50.00      | 10,000.00
2   | B Product L-800x400  | 10 Nos.  | 175.00     | 1,750.00

Freight charges: USD 380.00
Grand Total: USD 11,750.00

Delivery schedule: 28.02.2025
Payment: 100% against Proforma Invoice before dispatch.
Kindly send test certificate along with material.

Thanking you,
For Kaveri Agro Industries Ltd.

Anil Sharma
Sr. Purchase Officer
Ph: +91 80 2839 4455
"""
    write("c_order_total_omits_freight", H(
        "Anil Sharma <purchase@kaveriagro.example>", ORDERS, "PO No. KAI/2425/1187",
        "Mon, 13 Jan 2025 11:42:00 +0530", "CAKp0=Zx4mR7uW2@mail.kaveriagro.example"),
        text(plain, cs="us-ascii", cte="7bit"))


def o31():
    plain = """李经理：
先下个单把货排上：
1、C型支架，按附件图纸BY-0301加工，1000件，价格待定（等你们核价后再定）；
2、A产品，规格L-500×300，5台，单价500元。
3月25日前交货。
付款：预付30%。

博宇科技（苏州）有限公司
杨帆 13616161616
"""
    root = multi("mixed", "----=_NextPart_000_01A2_01DB8A3C.5E6F7081", [
        text(plain, cs="gb2312", cte="base64"), attach(TINY_PDF, "application/pdf", "BY-0301.pdf")])
    write("c_order_price_tbd", H(
        ad("杨帆", "yangfan@boyu-tech.example", "gb2312"), ORDERS, "订单（C型支架价格待定）",
        "Sat, 1 Mar 2025 10:00:00 +0800", "01a201db8a3c$5e6f7081$1b2c3d4e$@boyu-tech.example", cs="gb2312",
        extra=["X-Mailer: Microsoft Outlook 16.0"]), root)


def o32():
    plain = """李经理：
项目上要的东西：
电力电缆（型号YJV-3×95+1×50），两千米，260元/米；
B产品（规格L-800×400）十台，每台1200元；
控制柜（型号XL-21），2套，每套4.2万元。
总计：61.6万元。
要求7月31日前送到工地：西安市高新区锦业路与丈八二路交汇处华建项目部。
付款：验收合格后付90%，留10%质保金一年。

陕西华建建设工程有限公司
工程部 马骏 029-8831 5566
"""
    write("c_order_wan_units", H(
        ad("工程部 马骏", "majun@huajian-const.example"), ORDERS, "电缆及设备订货",
        "Tue, 8 Jul 2025 14:14:14 +0800", "3b5e0d1f.1c2.197e8f3a9d4.Coremail.majun@huajian-const.example",
        extra=["X-Mailer: Coremail Webmail Server Version XT5.0.14"]),
        text(plain, cte="quoted-printable"))


def o33():
    plain = """恒拓 李様

いつもお世話になっております。ヤマト精機の佐藤です。
下記の通り注文いたします。

注文番号：YS-241205

品名：制御基板
型式：CB-24V
数量：150個
単価：7,800円
金額：1,170,000円

品名：A製品
型式：L-500×300
数量：10台
単価：75,000円
金額：750,000円

合計：1,920,000円（税抜）
納期：2025年1月24日
納入場所：〒433-8101 静岡県浜松市中央区三幸町201-4 第二工場
支払条件：月末締め翌月末払い
備考：検査成績書を添付してください。

よろしくお願いいたします。

ヤマト精機株式会社
購買部 佐藤 健
TEL: 053-555-2201
"""
    write("c_order_japanese_iso2022", H(
        ad("佐藤 健", "k.sato@yamato-seiki.example", "iso-2022-jp"), ORDERS, "注文書 YS-241205",
        "Thu, 5 Dec 2024 13:30:00 +0900", "20241205133000.8C2F.K.SATO@yamato-seiki.example", cs="iso-2022-jp",
        extra=["X-Mailer: Becky! ver. 2.81.04"]),
        text(plain, cs="iso-2022-jp", cte="7bit"))


def o34():
    plain = """Li,

Thanks for the update on PO 7781. While we're here, please book a new order, PO 7824:

- 100 x Control board (model CB-24V) @ $50.50
- 20 x A Product (model L-500x300) @ $71.00

Requested ship date Feb 27, 2026. Same terms as before (Net 45). Ship to our Long Beach DC: 1800 W Anaheim St, Long Beach, CA 90813.

Carlos Mendoza
Purchasing Manager
Pacific Valve & Controls LLC
Direct: 562-555-0177

From: Li Wei <li.rep@example.com>
Sent: Tuesday, January 27, 2026 6:10 PM
To: Carlos Mendoza <cmendoza@pacificvalve.example>
Subject: RE: PO 7781 shipment

Carlos, PO 7781 (300 x Control board, $52.00 each) shipped today, ETA Feb 10.

Li Wei

From: Carlos Mendoza <cmendoza@pacificvalve.example>
Sent: Monday, January 26, 2026 9:02 AM
To: Li Wei <li.rep@example.com>
Subject: PO 7781 shipment

Hi Li, any news on PO 7781? We need it by Feb 15.
"""
    root = multi("alternative", "_000_BY5PR11MB4002F1E2D3C4B5A6BY5PR11MB4002namp_",
                 [text(plain, cs="us-ascii", cte="quoted-printable"),
                  text(html_wrap(br_html(plain.replace("&", "&amp;"))), "html", cs="us-ascii",
                       cte="quoted-printable")], preamble="")
    write("c_order_reply_new_po_en", H(
        "Carlos Mendoza <cmendoza@pacificvalve.example>", "Li Wei <li.rep@example.com>", "RE: RE: PO 7781 shipment",
        "Wed, 28 Jan 2026 07:55:31 -0800", "BY5PR11MB4002F1E2D3C4B5A6@BY5PR11MB4002.namprd11.prod.outlook.com",
        extra=[f"Cc: {ORDERS}", "In-Reply-To: <20260127181000.7781@example.com>",
               "References: <BY5PR11MB4002AAAA@BY5PR11MB4002.namprd11.prod.outlook.com> <20260127181000.7781@example.com>",
               "Thread-Topic: PO 7781 shipment", "X-Mailer: Microsoft Outlook 16.0"]), root)


def o35():
    html = ('<div dir="ltr">Dear Li,<br><br>We urgently need the following, please ship ASAP by air:<br><ul>'
            "<li>B Product (model L-800x400) &#8211; 4 sets at USD 185/set</li>"
            "<li>Control board (model CB-24V) &#8211; 60 pcs at USD 52/pc</li></ul>"
            "Payment: 100% T/T before shipment.<br>"
            "Delivery address: Warehouse 7, Al Quoz Industrial Area 3, Dubai, UAE<br><br>"
            "Best regards,<br>Ahmed Al-Farsi<br>Procurement Manager<br>Gulf Star Industrial Supplies LLC<br>"
            "Mobile: +971 50 555 7788</div>\n")
    write("c_order_en_asap_html_only", H(
        "Ahmed Al-Farsi <ahmed@gulfstar-ind.example>", ORDERS, "Urgent order - Gulf Star",
        "Sun, 20 Oct 2024 10:30:00 +0400", "CAM9q+Xy3VzR0pL8=kT2nW5bH7jF1dG4s@mail.gmail.com"),
        text(html, "html", cte="base64"))


def o36():
    plain = """李经理：
品名：B产品 规格：L-800×400 数量：5台 单价：1200元
品名：控制板 规格：CB-24V 数量：50块 单价：360元
合计：24,000元
交货日期：2024-03-05
付款方式：款到发货
收货地址：青岛市城阳区棘洪滩街道锦宏东路88号

青岛天润机械有限公司
林峰 0532-8770 1234
"""
    write("c_order_past_date_invalid", H(
        ad("采购-林峰", "linfeng@tianrun-mach.example"), ORDERS, "天润订单 TR-2403-09",
        "Mon, 18 Mar 2024 10:20:00 +0800", "20240318102000.tr2403@tianrun-mach.example"),
        text(plain, cte="8bit"))


def o37():
    plain = """订单系统：

客户鼎盛机电在微信上下的单，聊天记录如下，请录入。
客户：佛山市鼎盛机电设备有限公司
客户邮箱：zhang@dingsheng-me.example

—————— 微信聊天记录 ——————
张总 2025-07-25 16:02
李经理，A产品来20台，还是500一台？

李伟 2025-07-25 16:05
张总，这次可以给您480。

张总 2025-07-25 16:07
行，480就480，再加两台B产品，一千二一台。8月8号前送到顺德那个仓库：佛山市顺德区北滘镇工业大道38号。老规矩月结30天。

李伟 2025-07-25 16:08
好的收到。
——————————————————

李伟
"""
    write("c_order_rep_pastes_wechat", H(
        LI, ORDERS, "鼎盛机电 微信下单（请录入）", "Fri, 25 Jul 2025 18:40:00 +0800",
        "20250725184000.li.rep.7731@example.com", extra=["X-Mailer: Microsoft Outlook 16.0"]),
        text(plain, cte="base64"))


def o38():
    html = """<div style="font-size:14px">李经理好，附上本月采购订单，请盖章回传。</div><br>
<table border="1" cellspacing="0" cellpadding="3" style="border-collapse:collapse;font-size:13px">
<tr><td colspan="7" align="center"><b>采购订单</b></td></tr>
<tr><td>采购单号</td><td colspan="2">XH-CG-20251210-015</td><td>供应商</td><td colspan="3">示例机电设备有限公司</td></tr>
<tr><td>需方</td><td colspan="2">浙江星河集团有限公司</td><td>联系人</td><td colspan="3">钱芳 0571-8666 1200</td></tr>
<tr><th>序号</th><th>品名</th><th>规格型号</th><th>单位</th><th>数量</th><th>单价</th><th>金额</th></tr>
<tr><td>1</td><td>A产品</td><td>L-500×300</td><td>台</td><td>50</td><td>490.00</td><td>24,500.00</td></tr>
<tr><td>2</td><td>C型支架</td><td>定制，见图XH-BR-07</td><td>件</td><td>600</td><td>78.00</td><td>46,800.00</td></tr>
<tr><td colspan="6" align="right">合计（大写：柒万壹仟叁佰元整）</td><td>71,300.00</td></tr>
<tr><td>交货日期</td><td colspan="6">2025年12月31日前</td></tr>
<tr><td>付款方式</td><td colspan="6">月结90天，电汇</td></tr>
<tr><td>送货地址</td><td colspan="6">杭州市余杭区五常街道文一西路1500号星河园区3号门</td></tr>
<tr><td>备注</td><td colspan="6">随货附送货单一式三联，需加盖公章</td></tr>
</table>
<br><div>浙江星河集团有限公司 采购中心</div>"""
    write("c_order_126_html_merged_table", H(
        ad("采购中心", "caigou@xinghe-group.example", "GBK"), ORDERS, "星河集团采购订单 XH-CG-20251210-015",
        "Wed, 10 Dec 2025 09:30:00 +0800", "4a7c2e90.5d1.19b05e3c7a2.Coremail.caigou@xinghe-group.example",
        cs="GBK", extra=["X-Mailer: Coremail Webmail Server Version XT5.0.14"]),
        text(html_wrap(html, "GBK"), "html", cs="GBK", cte="base64"))


def o39():
    plain = "李伟，\n\nP001 × 50\nP004 × 200\nP002 × 5\n\n价格按年度协议价，5月15日前到货，其他同前。\n\n张磊\n润达泵业\n\n从 Windows 版邮件发送\n"
    write("c_order_sku_only_windows_mail", H(
        ad("Zhang Lei", "zhanglei@runda-pumps.example"), ORDERS, "下单", "Thu, 2 May 2024 08:05:00 +0800",
        "6631DA7C.050A20B1.4F3E.9D12@runda-pumps.example"),
        text(plain, cte="quoted-printable"))


def o40():
    plain = """李经理：

1. 下单：控制板（型号CB-24V）80块，单价360元，金额28,800元，2月14日前交货。
2. 询价：D型减速机 NMRV-050，速比1:30，需要10台，请报价和交期。

付款：月结30天。

大连金海船舶配件有限公司
孟凡 采购主管
手机 13842001234 / 座机 0411-8250 6677
"""
    write("c_order_with_rfq_line", H(
        ad("孟凡", "mengfan@jinhai-ship.example"), ORDERS, "订单+询价", "Fri, 17 Jan 2025 15:50:00 +0800",
        "20250117155000.mf.0117@jinhai-ship.example", extra=["X-Mailer: Foxmail 7.2.25.331[cn]"]),
        text(plain, cte="base64"))


# ==========================================================================
# NON-ORDERS
# ==========================================================================
def n01():
    plain = """致：示例机电设备有限公司 采购部 李伟先生

报价单号：XD-Q-240917-05    报价日期：2024-09-17

序号  品名          型号         单位  数量   含税单价(元)  金额(元)
1     深沟球轴承    6205-2RS     套    1000   4.80          4,800.00
2     深沟球轴承    6308-ZZ      套    500    13.50         6,750.00
合计：11,550.00元（含13%增值税）

交货期：收到订单后7天
付款方式：款到发货
报价有效期：30天

如有需要请随时联系。
宁波信达轴承有限公司 销售部 范小姐 0574-8765 4321
"""
    write("c_other_supplier_quotation", H(
        ad("宁波信达轴承 销售部", "sales@xinda-bearing.example"), ORDERS, "报价单 XD-Q-240917-05（深沟球轴承）",
        "Tue, 17 Sep 2024 11:05:00 +0800", "20240917110500.q05@xinda-bearing.example"),
        text(plain, cte="base64"))


def n02():
    plain = """李经理：

我们有个新项目，请帮忙报个价：
A产品 L-500×300 200台
B产品 L-800×400 30台
请报含税价和交期，月底前回复，谢谢。如价格合适，下月初下单。

华东精密机械有限公司
王建国 13800000001
"""
    write("c_other_rfq_xunjia", H(
        ad("王建国", "purchase@huadong.example"), ORDERS, "询价：A产品/B产品", "Wed, 9 Oct 2024 14:30:00 +0800",
        "TY2PR06MB3215ABCDEF0009@TY2PR06MB3215.apcprd06.prod.outlook.com"),
        text(plain, cte="quoted-printable"))


def n03():
    html = html_wrap("""<p>尊敬的客户：</p>
<p>您好！深圳启明电子有限公司 为您开具了一张电子发票，详情如下：</p>
<table border="1" cellspacing="0"><tr><td>发票号码</td><td>24442000000123456789</td></tr>
<tr><td>开票日期</td><td>2024年12月03日</td></tr>
<tr><td>购买方</td><td>示例机电设备有限公司</td></tr>
<tr><td>项目</td><td>*电子元件*控制板 CB-24V 500片</td></tr>
<tr><td>价税合计</td><td>￥180,000.00</td></tr></table>
<p>请点击下载：<a href="https://einvoice.example/d/8f2a">PDF</a> | <a href="https://einvoice.example/d/8f2b">OFD</a> | <a href="https://einvoice.example/d/8f2c">XML</a></p>
<p>此邮件为系统自动发送，请勿直接回复。</p>""")
    write("c_other_einvoice", H(
        ad("电子发票服务平台", "noreply@einvoice.example"), ORDERS, "【电子发票】您收到一张深圳启明电子有限公司开具的发票",
        "Tue, 3 Dec 2024 16:21:09 +0800", "einv.24442000000123456789@einvoice.example",
        extra=["Auto-Submitted: auto-generated"]),
        text(html, "html", cte="base64"))


def n04():
    plain = """Dear Li Wei,

PAYMENT ADVICE

We have today remitted USD 38,650.00 by T/T to your account (ref. NWT-PAY-251103).
The payment covers:

Invoice No.    PO No.         Items                           Amount (USD)
HT-INV-2509-31 NW-2509-031    Control board CB-24V x 600 pcs  31,800.00
HT-INV-2509-44 NW-2509-031    B Product L-800x400 x 40 units   6,850.00

Bank charges are for our account. Please confirm receipt.

Regards,
Accounts Payable
Northwind Trading Co.
"""
    write("c_other_remittance", H(
        "Northwind AP <ap@northwind.example>", ORDERS, "Payment Advice - NWT-PAY-251103",
        "Mon, 3 Nov 2025 15:10:00 +0800", "SH0PR01MB0622PAY251103@SH0PR01MB0622.CHNPR01.prod.partner.outlook.cn"),
        text(plain, cs="us-ascii", cte="7bit"))


def n05():
    plain = """李经理：

附上2024年11月对账单，请核对后回签。

日期        送货单号      品名      规格         数量    单价    金额
2024-11-05  SH241105-01   A产品     L-500×300    30台    500     15,000.00
2024-11-18  SH241118-03   控制板    CB-24V       100块   360     36,000.00
本月合计：51,000.00元
上月结余：45,000.00元
已付款：45,000.00元
期末应付：51,000.00元

如无异议请于12月10日前回签，按月结30天付款。

深圳启明电子有限公司 财务部 陈会计
"""
    write("c_other_statement_duizhang", H(
        ad("陈会计", "finance@qiming.example", "gbk"), ORDERS, "2024年11月对账单-深圳启明电子",
        "Mon, 2 Dec 2024 10:00:00 +0800", "202412021000001234567@qiming.example", cs="gbk",
        extra=["X-Mailer: Foxmail 7.2.25.228[cn]"]),
        text(plain, cs="gbk", cte="base64"))


def n06():
    plain = """您好，

贵司采购订单 PO-HT-2411-08 已于今日发货，明细如下：

品名：深沟球轴承 6205-2RS   数量：1000套
品名：深沟球轴承 6308-ZZ    数量：500套
承运商：顺丰速运  运单号：SF1402938475612  件数：6
预计到达：2024年11月29日

收货地址：示例机电设备有限公司 仓库
请注意查收，如有问题请联系。

宁波信达轴承有限公司 物流部
"""
    write("c_other_shipping_notice", H(
        ad("信达轴承物流部", "logistics@xinda-bearing.example"), ORDERS, "发货通知：PO-HT-2411-08 已发货",
        "Wed, 27 Nov 2024 17:45:00 +0800", "20241127174500.ship@xinda-bearing.example"),
        text(plain, cte="quoted-printable"))


def n07():
    plain = """Hi Li,

Please find our rolling forecast for Q3 2025 below. THIS IS A FORECAST ONLY, NOT A PURCHASE ORDER.
Firm POs will follow monthly.

Item            Jul    Aug    Sep
P004 CB-24V     400    450    500
P001 L-500x300   30     30     40

Please use it for your capacity planning and let me know if any lead time concerns.

Best,
Alice Chen
Northwind Trading Co.
"""
    write("c_other_forecast", H(
        "Alice Chen <alice@northwind.example>", ORDERS, "Q3 2025 forecast (not a PO)",
        "Fri, 13 Jun 2025 09:30:00 +0800", "SH0PR01MB0622FC2025Q3@SH0PR01MB0622.CHNPR01.prod.partner.outlook.cn"),
        text(plain, cs="us-ascii", cte="7bit"))


def n08():
    plain = """李经理：

我们在评估贵司的B产品，想先申请样品测试：
B产品 L-800×400 样机 2台（免费样品），寄到杭州市滨江区江南大道3888号 研发楼5楼，收件人 吴工 13566778899。
测试合格后再谈批量订单。

杭州智造机器人有限公司 研发部 吴磊
"""
    write("c_other_sample_request", H(
        ad("吴磊", "wulei@zhizao-robot.example"), ORDERS, "样品申请 - B产品", "Tue, 22 Apr 2025 10:45:00 +0800",
        "20250422104500.wl@zhizao-robot.example"),
        text(plain, cte="base64"))


def n09():
    plain = """会议纪要

时间：2025年9月16日 14:00-15:30
地点：华东精密 3楼会议室
参会：华东精密 王建国、刘工；示例机电 李伟

1. 四季度需求：华东精密预计10月需要A产品约200台，11月B产品约40台，具体以正式订单为准。
2. 价格：A产品年度价格维持500元/台，B产品1200元/台。
3. 交期：常规品7个工作日，定制支架需要图纸确认后另议。
4. 下次会议：10月中旬。

记录：李伟
"""
    write("c_other_meeting_minutes", H(
        LI, ORDERS + ", " + ad("王建国", "purchase@huadong.example"), "会议纪要：华东精密四季度需求沟通",
        "Tue, 16 Sep 2025 17:20:00 +0800", "20250916172000.li.rep.0916@example.com"),
        text(plain, cte="quoted-printable"))


def n10():
    plain = """李经理：

收到的20台A产品里有3台外壳变形，包装箱有明显挤压痕迹，照片附后，请尽快处理。

王建国
华东精密机械有限公司

------------------ 原始邮件 ------------------
发件人: "orders@example.com"<orders@example.com>;
发送时间: 2024年11月25日(星期一) 上午10:00
主题: [SO2024110023] 发货通知

您好，订单 SO2024110023 已发货：A产品 20台，顺丰速运 SF1234567890123。
"""
    write("c_reply_complaint", H(
        ad("王建国", "purchase@huadong.example"), ORDERS, "回复：[SO2024110023] 发货通知",
        "Thu, 28 Nov 2024 09:12:00 +0800", "TY2PR06MB3215CMPL0023@TY2PR06MB3215.apcprd06.prod.outlook.com",
        extra=["In-Reply-To: <SO2024110023.shipped.1@example.com>",
               "References: <SO2024110023.received.1@example.com> <SO2024110023.shipped.1@example.com>"]),
        text(plain, cte="quoted-printable"))


def n11():
    plain = """尊敬的客户：

受原材料价格持续上涨影响，经公司研究决定，自2025年3月1日起，我司冷轧钢板产品价格上调8%：

规格          原价(元/吨)   新价(元/吨)
1.0mm SPCC    5,200         5,616
2.0mm SPCC    5,050         5,454

2月28日前下达的订单仍按原价执行。感谢您一直以来的支持！

江苏永钢贸易有限公司 销售部
"""
    write("c_other_price_increase", H(
        ad("永钢贸易 销售部", "sales@yonggang-steel.example"), ORDERS, "调价通知函",
        "Mon, 10 Feb 2025 08:30:00 +0800", "20250210083000.notice@yonggang-steel.example"),
        text(plain, cte="base64"))


def n12():
    html = html_wrap("""<table width="600" align="center"><tr><td>
<h2>2025中国国际工业博览会 · 诚邀莅临</h2>
<p>亲爱的客户，永创自动化诚邀您参观我们的展位 5.1H-B032。</p>
<p><b>新品首发：</b>伺服控制板 SV-48V，首批订购 100 片起享 9 折，单价仅 ￥420！</p>
<p><a href="https://mkt.example/o?u=88123">立即下单</a></p>
<p style="font-size:11px;color:#888">您收到此邮件是因为您订阅了我们的资讯。<a href="https://mkt.example/u?u=88123">退订</a></p>
</td></tr></table>""")
    plain = "2025中国国际工业博览会 · 诚邀莅临\n\n新品首发：伺服控制板 SV-48V，首批订购100片起享9折，单价仅￥420！\n立即下单：https://mkt.example/o?u=88123\n\n退订：https://mkt.example/u?u=88123\n"
    root = multi("alternative", "b1_9a8f7e6d5c4b3a2918273645", [text(plain, cte="quoted-printable"),
                                                               text(html, "html", cte="quoted-printable")])
    write("c_other_newsletter", H(
        ad("永创自动化", "news@mkt.example"), ORDERS, "【展会邀请】新品伺服控制板首发，订购享9折",
        "Thu, 11 Sep 2025 10:00:00 +0000", "20250911100000.88123.news@mkt.example",
        extra=["Precedence: bulk", "List-Unsubscribe: <https://mkt.example/u?u=88123>, <mailto:unsub-88123@mkt.example>",
               "List-Unsubscribe-Post: List-Unsubscribe=One-Click", "List-Id: <customers.mkt.example>",
               "X-Mailer: PHPMailer 6.8.0"]), root)


def n13():
    plain = """I am out of the office from 26 January until 2 February 2026 with limited access to email.

For urgent purchasing matters please contact Jenny Park (jpark@pacificvalve.example, 562-555-0150).

Carlos Mendoza
Purchasing Manager
Pacific Valve & Controls LLC
"""
    write("c_auto_ooo_outlook_en", H(
        "Carlos Mendoza <cmendoza@pacificvalve.example>", ORDERS, "Automatic reply: [SO2026010007] Order confirmation",
        "Thu, 29 Jan 2026 02:14:09 -0800", "BY5PR11MB4002OOF0129@BY5PR11MB4002.namprd11.prod.outlook.com",
        extra=["In-Reply-To: <SO2026010007.confirm.1@example.com>", "Auto-Submitted: auto-replied",
               "X-Auto-Response-Suppress: All", "X-MS-Exchange-Inbox-Rules-Loop: cmendoza@pacificvalve.example",
               "Content-Language: en-US"]),
        text(plain, cs="us-ascii", cte="quoted-printable"))


def n14():
    plain = "您好，我已收到您的邮件。本人10月1日至10月7日国庆休假，期间不便处理邮件，急事请致电 13777889900。\n\n陈晓东\n"
    write("c_auto_ooo_qq_no_headers", H(
        ad("陈晓东", "1823456789@qq.com", "gb18030", quoted=True), ORDERS, "自动回复: [SO2024090015] 请确认客户需求清单",
        "Mon, 30 Sep 2024 18:02:11 +0800", "tencent_AUTOREPLY_7D6C5B4A39281706@qq.com", cs="gb18030",
        extra=["In-Reply-To: <SO2024090015.reqlist.1@example.com>", "X-QQ-mid: xmsezb3-0t1727690531tauto",
               "X-QQ-MIME: TCMime 1.0 by Tencent"]),
        text(plain, cs="gb18030", cte="base64"))


def n15():
    orig = """From: orders@example.com
To: purchase@hongda-old.example
Subject: [SO2025040012] =?UTF-8?B?5a6i5oi36ZyA5rGC5riF5Y2V?=
Date: Tue, 8 Apr 2025 09:00:02 +0800
Message-ID: <SO2025040012.reqlist.1@example.com>
MIME-Version: 1.0
Content-Type: text/plain; charset="utf-8"
Content-Transfer-Encoding: 8bit

客户需求清单 SO2025040012
1  A产品  L-500×300  台  40  500.00  20,000.00
运费：300.00  实付金额：20,300.00
交货日期：2025-04-25
请回复"确认"。
"""
    report = """Reporting-MTA: dns; mx1.example.com
X-Postfix-Queue-ID: 4ZWx1B0p3Rz9sWn
Arrival-Date: Tue,  8 Apr 2025 09:00:03 +0800 (CST)

Final-Recipient: rfc822; purchase@hongda-old.example
Original-Recipient: rfc822;purchase@hongda-old.example
Action: failed
Status: 5.1.1
Remote-MTA: dns; mx.hongda-old.example
Diagnostic-Code: smtp; 550 5.1.1 <purchase@hongda-old.example>: Recipient address rejected: User unknown
"""
    explain = """This is the mail system at host mx1.example.com.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients. It's attached below.

<purchase@hongda-old.example>: host mx.hongda-old.example said: 550 5.1.1
    <purchase@hongda-old.example>: Recipient address rejected: User unknown
"""
    root = multi("report", "4ZWx1B0p3Rz9sWn.1744074003/mx1.example.com", [
        Part(["Content-Description: Notification", 'Content-Type: text/plain; charset="us-ascii"'],
             explain.encode("ascii")),
        Part(["Content-Description: Delivery report", "Content-Type: message/delivery-status"],
             report.encode("ascii")),
        Part(["Content-Description: Undelivered Message", "Content-Type: message/rfc822",
              "Content-Transfer-Encoding: 8bit"], orig.encode("utf-8")),
    ], params=" report-type=delivery-status;", preamble="This is a MIME-encapsulated message.")
    write("c_bounce_dsn_returned_reqlist", H(
        "MAILER-DAEMON@mx1.example.com (Mail Delivery System)", ORDERS, "Undelivered Mail Returned to Sender",
        "Tue, 8 Apr 2025 09:00:03 +0800 (CST)", "20250408010003.4ZWx1B0p3Rz9sWn@mx1.example.com",
        extra=["Auto-Submitted: auto-replied"]), root)


def n16():
    ics = """BEGIN:VCALENDAR
METHOD:REQUEST
PRODID:Microsoft Exchange Server 2010
VERSION:2.0
BEGIN:VEVENT
ORGANIZER;CN=Alice Chen:mailto:alice@northwind.example
ATTENDEE;ROLE=REQ-PARTICIPANT;RSVP=TRUE;CN=orders@example.com:mailto:orders@example.com
SUMMARY;LANGUAGE=en-US:Review open orders / PO NW-2602-010 quantities
DTSTART;TZID=China Standard Time:20260212T100000
DTEND;TZID=China Standard Time:20260212T110000
UID:040000008200E00074C5B7101A82E0080000000010F2A9C3
DTSTAMP:20260209T023000Z
LOCATION;LANGUAGE=en-US:Teams
DESCRIPTION;LANGUAGE=en-US:Agenda: 1) PO NW-2602-010 (Control board 800 pcs) delivery split 2) Q2 prices
SEQUENCE:0
STATUS:CONFIRMED
END:VEVENT
END:VCALENDAR
"""
    plain = ("Agenda:\n1) PO NW-2602-010 (Control board CB-24V, 800 pcs) - discuss delivery split 400/400\n"
             "2) Q2 prices for A Product\n\nMicrosoft Teams meeting\nJoin: https://teams.example/l/meetup/19abc\n")
    root = multi("alternative", "_000_SH0PR01MB0622MEET0212_", [
        text(plain, cs="us-ascii", cte="quoted-printable"),
        Part(['Content-Type: text/calendar; charset="utf-8"; method=REQUEST', "Content-Transfer-Encoding: base64"],
             base64.encodebytes(ics.replace("\n", "\r\n").encode("utf-8")))], preamble="")
    write("c_other_meeting_invite", H(
        "Alice Chen <alice@northwind.example>", ORDERS, "Review open orders / PO NW-2602-010 quantities",
        "Mon, 9 Feb 2026 10:30:00 +0800", "SH0PR01MB0622MEET0212@SH0PR01MB0622.CHNPR01.prod.partner.outlook.cn",
        extra=["Content-Class: urn:content-classes:calendarmessage"]), root)


def n17():
    plain = """李经理：

这个订单请取消吧，业主那边设计变更，原来的支架用不上了。

郑国强
恒力汽车配件有限公司

> 客户需求清单 SO2025050017
> C型支架 500件 ...
"""
    write("c_reply_cancel", H(
        ad("郑国强", "zheng.gq@hengli-auto.example", "GBK"), ORDERS, "Re: [SO2025050017] 客户需求清单 请确认",
        "Wed, 21 May 2025 16:40:00 +0800", "6a0d2e1f.3c4.196f1a2b3c4.Coremail.zheng.gq@hengli-auto.example",
        cs="GBK", extra=["In-Reply-To: <SO2025050017.reqlist.1@example.com>",
                         "References: <SO2025050017.reqlist.1@example.com>"]),
        text(plain, cs="GBK", cte="base64"))


def n18():
    plain = "给4分吧，质量不错，就是晚到了一天。\n\n赵敏\n\n-----原始邮件-----\n发件人：orders@example.com\n主题：[SO2024120031] 满意度调查\n请为本次订单打分（1-5分）。\n"
    write("c_reply_survey_score", H(
        ad("赵敏", "zhao@qiming.example", "gbk"), ORDERS, "回复：[SO2024120031] 满意度调查",
        "Tue, 7 Jan 2025 11:22:00 +0800", "202501071122001873@qiming.example", cs="gbk",
        extra=["In-Reply-To: <SO2024120031.survey.1@example.com>", "X-Mailer: Foxmail 7.2.25.228[cn]"]),
        text(plain, cs="gbk", cte="base64"))


def n19():
    plain = """SALES CONFIRMATION  No. SC-ZJ-250305-11

Seller: 浙江中捷电机有限公司
Buyer: 示例机电设备有限公司 (Hengtuo)
Your PO: HT-PO-2503-004

Item              Qty      Unit Price (CNY)   Amount (CNY)
Y2-90L-4 motor    60 set   1,080.00           64,800.00
Total: 64,800.00

Delivery: 2025-03-25 ex works
Payment: 30% deposit, balance before shipment

Please sign and return one copy.
中捷电机 销售部 何静
"""
    write("c_other_supplier_sales_confirmation", H(
        "Zhongjie Motor Sales <sales@zhongjie-motor.example>", ORDERS, "Sales Confirmation SC-ZJ-250305-11 for your PO HT-PO-2503-004",
        "Wed, 5 Mar 2025 14:00:00 +0800", "20250305140000.sc11@zhongjie-motor.example"),
        text(plain, cte="quoted-printable"))


def n20():
    plain = """各供应商：

我公司现就以下物资进行询比价采购，欢迎符合条件的单位报价：

序号  物资名称    规格型号      数量
1     A产品       L-500×300     300台
2     控制板      CB-24V        2000片

报价截止时间：2025年11月20日17:00
交货期：合同签订后30天内
付款方式：货到验收合格后60天内付款
报价请密封盖章后寄至：合肥市经开区莲花路2200号 采购部

本邀请不构成订单。

合肥江淮装备制造有限公司 招标采购部
"""
    write("c_other_tender_invitation", H(
        ad("江淮装备 招标采购部", "zbcg@jianghuai-equip.example"), ORDERS, "询比价邀请函（项目编号JHZB-2025-118）",
        "Mon, 10 Nov 2025 09:00:00 +0800", "20251110090000.jhzb118@jianghuai-equip.example"),
        text(plain, cte="base64"))


ALL = [o01, o02, o03, o04, o05, o06, o07, o08, o09, o10, o11, o12, o13, o14, o15, o16, o17, o18, o19, o20,
       o21, o22, o23, o24, o25, o26, o27, o28, o29, o30, o31, o32, o33, o34, o35, o36, o37, o38, o39, o40,
       n01, n02, n03, n04, n05, n06, n07, n08, n09, n10, n11, n12, n13, n14, n15, n16, n17, n18, n19, n20]

if __name__ == "__main__":
    for fn in ALL:
        fn()
    print(f"wrote {len(WRITTEN)} .eml files to {OUT}")
