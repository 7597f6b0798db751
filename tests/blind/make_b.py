#!/usr/bin/env python3
"""Deterministic generator for the ``b_*.eml`` blind test emails.

Run with ``/work/main/.venv/bin/python tests/blind/make_b.py``.  Every run
writes byte-identical files: Message-IDs, dates, MIME boundaries, the XLSX
zip timestamps and the tiny PDFs/PNGs are all fixed.  The expected
``b_*.json`` files are written by hand beside the emails and are NOT produced
here (see RULES-b.md for the labelling decisions).
"""
from __future__ import annotations

import base64
import csv
import datetime as dt
import io
import quopri
import re
import struct
import zipfile
import zlib
from email.generator import BytesGenerator
from email.message import Message
from email.policy import compat32
from email.utils import formataddr
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT: dict[str, bytes] = {}

# --------------------------------------------------------------------------
# MIME helpers (low level on purpose: we need charset labels that lie, 8bit
# bodies, QP, and Outlook-style RFC 2047 attachment names).
# --------------------------------------------------------------------------

def ew(text: str, charset: str = "utf-8", codec: str | None = None,
       enc: str = "B", chunk: int = 10) -> str:
    """RFC 2047 encoded words.  ``codec`` may differ from the label
    (Outlook labels GBK bytes as gb2312)."""
    if all(ord(c) < 128 for c in text):
        return text
    codec = codec or charset
    words = []
    for i in range(0, len(text), chunk):
        raw = text[i:i + chunk].encode(codec)
        if enc == "B":
            words.append(f"=?{charset}?B?{base64.b64encode(raw).decode()}?=")
        else:
            q = "".join(
                chr(b) if (chr(b).isalnum() and b < 128) or chr(b) in "!*+-/"
                else "_" if b == 32 else f"={b:02X}"
                for b in raw)
            words.append(f"=?{charset}?Q?{q}?=")
    return " ".join(words)


def addr(name: str, email: str, charset: str = "utf-8", codec: str | None = None,
         enc: str = "B") -> str:
    if all(ord(c) < 128 for c in name):
        return formataddr((name, email))
    return f"{ew(name, charset, codec, enc)} <{email}>"


def _encode_body(raw: bytes, cte: str) -> str:
    if cte == "base64":
        return base64.encodebytes(raw).decode("ascii")
    if cte == "quoted-printable":
        return quopri.encodestring(raw).decode("ascii")
    if cte == "8bit":
        return raw.decode("ascii", "surrogateescape")
    if cte == "7bit":
        return raw.decode("ascii")
    raise ValueError(cte)


def text(subtype: str, body: str, charset: str = "utf-8", cte: str = "base64",
         codec: str | None = None, quote_charset: bool = True) -> Message:
    m = Message()
    cs = f'"{charset}"' if quote_charset else charset
    m["Content-Type"] = f"text/{subtype}; charset={cs}"
    m["Content-Transfer-Encoding"] = cte
    m.set_payload(_encode_body(body.encode(codec or charset), cte))
    return m


def attachment(ctype: str, data: bytes, filename: str, style: str = "2231",
               fn_charset: str = "utf-8", inline: bool = False) -> Message:
    """style '2231' -> filename*=UTF-8''..., '2047' -> name="=?gbk?B?..?=" (Outlook/Foxmail),
    'ascii' -> plain."""
    m = Message()
    disp = "inline" if inline else "attachment"
    if style == "ascii" or all(ord(c) < 128 for c in filename):
        m["Content-Type"] = f'{ctype}; name="{filename}"'
        m["Content-Transfer-Encoding"] = "base64"
        m["Content-Disposition"] = f'{disp}; filename="{filename}"'
    elif style == "2047":
        enc = ew(filename, fn_charset, chunk=40)
        m["Content-Type"] = f'{ctype}; name="{enc}"'
        m["Content-Transfer-Encoding"] = "base64"
        m["Content-Disposition"] = f'{disp}; filename="{enc}"'
    else:
        from urllib.parse import quote
        m["Content-Type"] = f"{ctype}; name*=UTF-8''{quote(filename)}"
        m["Content-Transfer-Encoding"] = "base64"
        m["Content-Disposition"] = f"{disp}; filename*=UTF-8''{quote(filename)}"
    m.set_payload(base64.encodebytes(data).decode("ascii"))
    return m


def multi(subtype: str, boundary: str, *parts: Message, extra: str = "") -> Message:
    m = Message()
    m["Content-Type"] = f'multipart/{subtype};{extra} boundary="{boundary}"'
    for p in parts:
        m.attach(p)
    return m


def alt(boundary: str, plain: str, html: str, charset: str = "utf-8",
        cte: str = "base64", codec: str | None = None) -> Message:
    return multi("alternative", boundary,
                 text("plain", plain, charset, cte, codec),
                 text("html", html, charset, cte, codec))


def html_of(body: str, font: str = "微软雅黑") -> str:
    """A mail-client-like HTML rendering of a plain body (one <div> per line)."""
    from html import escape
    lines = "".join(
        f"<div>{escape(l) if l.strip() else '<br>'}</div>\n" for l in body.split("\n"))
    return (f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">'
            f'</head><body><div style="font-family:{font};font-size:14px">\n{lines}</div>'
            f"</body></html>\n")


def mail(headers: list[tuple[str, str]], body: Message,
         mime_version: str = "1.0") -> Message:
    m = Message()
    for k, v in headers:
        m[k] = v
    m["MIME-Version"] = mime_version
    for k, v in body.items():
        m[k] = v
    m.set_payload(body._payload)  # raw: get_payload() would decode 8bit text
    return m


def emit(name: str, msg: Message, crlf: bool = False) -> None:
    pol = compat32.clone(linesep="\r\n" if crlf else "\n")
    buf = io.BytesIO()
    BytesGenerator(buf, mangle_from_=False, policy=pol).flatten(msg)
    OUT[name] = buf.getvalue()


# --------------------------------------------------------------------------
# Deterministic binary attachments
# --------------------------------------------------------------------------

FIXED_ZIP_TIME = (2024, 1, 1, 0, 0, 0)


def _fix_zip(data: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*",
                              rb"\g<1>2024-01-01T00:00:00Z", body)
            zi = zipfile.ZipInfo(info.filename, FIXED_ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            dst.writestr(zi, body)
    return out.getvalue()


def xlsx(rows: list[list], title: str = "Sheet1", widths: dict | None = None) -> bytes:
    from openpyxl import Workbook
    wb = Workbook()
    ws = wb.active
    ws.title = title
    for r in rows:
        ws.append(r)
    for col, w in (widths or {}).items():
        ws.column_dimensions[col].width = w
    fixed = dt.datetime(2024, 1, 1)
    wb.properties.creator = "orderloop-blind-b"
    wb.properties.created = fixed
    wb.properties.modified = fixed
    buf = io.BytesIO()
    wb.save(buf)
    return _fix_zip(buf.getvalue())


def csv_bytes(rows: list[list], encoding: str) -> bytes:
    s = io.StringIO()
    csv.writer(s, lineterminator="\r\n").writerows(rows)
    return s.getvalue().encode(encoding)


def tiny_pdf(lines: list[str]) -> bytes:
    """A one-page text PDF (Helvetica, ASCII only)."""
    def esc(s: str) -> str:
        return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    content = "BT /F1 11 Tf 50 790 Td 16 TL " + " ".join(f"({esc(l)}) '" for l in lines) + " ET"
    objs = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        "/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n{o}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def tiny_png(w: int = 640, h: int = 400, shade: int = 235) -> bytes:
    """A flat grey PNG (stands in for a photographed bank slip / photo)."""
    raw = b"".join(b"\x00" + bytes([shade]) * w for _ in range(h))
    def chunk(t: bytes, d: bytes) -> bytes:
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


OURS = "orders@example.com"

# ==========================================================================
# ORDERS
# ==========================================================================

# --- Outlook, GBK bytes labelled gb2312, multipart/alternative, CRLF --------
def outlook_gbk_html_table():
    plain = (
        "恒拓机电 销售部 李经理：\n\n"
        "您好！根据贵司4月10日报价，我司下单如下，请安排生产发货：\n\n"
        "采购单号：HT240416-02\n"
        "客户名称：江西华泰汽车零部件有限公司\n"
        "客户编码：C-2087\n"
        "联系人：陈喆  手机：13979112345\n"
        "收货地址：江西省南昌市青山湖区昌东工业区东升大道1188号 华泰3号仓\n\n"
        "序号\t产品名称\t型号规格\t单位\t数量\t单价(元)\t金额(元)\n"
        "1\tA产品\tL-500×300\t台\t60\t500.00\t30,000.00\n"
        "2\tB产品\tL-800×400\t台\t10\t1,200.00\t12,000.00\n"
        "3\t控制板\tCB-24V\tpcs\t200\t360.00\t72,000.00\n\n"
        "货款合计：114,000.00元\n"
        "运费：1,500.00元\n"
        "应付总额：115,500.00元\n\n"
        "付款方式：预付30%，余款发货前付清\n"
        "交货日期：2024年5月15日前\n"
        "备注：需防潮包装，每箱贴我司物料标签。\n\n"
        "谢谢！\n\n"
        "陈喆\n"
        "采购部 | 江西华泰汽车零部件有限公司\n"
        "电话：0791-88123456\n")
    rows = [("1", "A产品", "L-500×300", "台", "60", "500.00", "30,000.00"),
            ("2", "B产品", "L-800×400", "台", "10", "1,200.00", "12,000.00"),
            ("3", "控制板", "CB-24V", "pcs", "200", "360.00", "72,000.00")]
    td = lambda c: f'<td style="border:solid windowtext 1.0pt;padding:0cm 5.4pt"><p class=MsoNormal>{c}</p></td>'
    trs = "".join("<tr>" + "".join(td(c) for c in r) + "</tr>\n" for r in rows)
    head = "<tr>" + "".join(td(f"<b>{h}</b>") for h in
                            ("序号", "产品名称", "型号规格", "单位", "数量", "单价(元)", "金额(元)")) + "</tr>\n"
    html = (
        '<html xmlns:o="urn:schemas-microsoft-com:office:office" '
        'xmlns:w="urn:schemas-microsoft-com:office:word" '
        'xmlns="http://www.w3.org/TR/REC-html40"><head>'
        '<meta http-equiv=Content-Type content="text/html; charset=gb2312">'
        '<meta name=Generator content="Microsoft Word 15 (filtered medium)">'
        "<style><!-- p.MsoNormal{margin:0cm;font-size:10.5pt;font-family:等线} --></style>"
        '</head><body lang=ZH-CN link="#0563C1" vlink="#954F72" style="text-align:justify">'
        '<div class=WordSection1>'
        "<p class=MsoNormal>恒拓机电 销售部 李经理：<o:p></o:p></p><p class=MsoNormal><o:p>&nbsp;</o:p></p>"
        "<p class=MsoNormal>您好！根据贵司4月10日报价，我司下单如下，请安排生产发货：<o:p></o:p></p>"
        "<p class=MsoNormal><o:p>&nbsp;</o:p></p>"
        "<p class=MsoNormal>采购单号：HT240416-02<o:p></o:p></p>"
        "<p class=MsoNormal>客户名称：江西华泰汽车零部件有限公司<o:p></o:p></p>"
        "<p class=MsoNormal>客户编码：C-2087<o:p></o:p></p>"
        "<p class=MsoNormal>联系人：陈喆&nbsp; 手机：13979112345<o:p></o:p></p>"
        "<p class=MsoNormal>收货地址：江西省南昌市青山湖区昌东工业区东升大道1188号 华泰3号仓<o:p></o:p></p>"
        "<p class=MsoNormal><o:p>&nbsp;</o:p></p>"
        '<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 '
        'style="border-collapse:collapse;border:none">\n' + head + trs + "</table>"
        "<p class=MsoNormal><o:p>&nbsp;</o:p></p>"
        "<p class=MsoNormal>货款合计：114,000.00元<o:p></o:p></p>"
        "<p class=MsoNormal>运费：1,500.00元<o:p></o:p></p>"
        "<p class=MsoNormal>应付总额：115,500.00元<o:p></o:p></p>"
        "<p class=MsoNormal><o:p>&nbsp;</o:p></p>"
        "<p class=MsoNormal>付款方式：预付30%，余款发货前付清<o:p></o:p></p>"
        "<p class=MsoNormal>交货日期：2024年5月15日前<o:p></o:p></p>"
        "<p class=MsoNormal>备注：需防潮包装，每箱贴我司物料标签。<o:p></o:p></p>"
        "<p class=MsoNormal><o:p>&nbsp;</o:p></p><p class=MsoNormal>谢谢！<o:p></o:p></p>"
        "<p class=MsoNormal><o:p>&nbsp;</o:p></p>"
        "<p class=MsoNormal>陈喆<o:p></o:p></p>"
        "<p class=MsoNormal>采购部 | 江西华泰汽车零部件有限公司<o:p></o:p></p>"
        "<p class=MsoNormal>电话：0791-88123456<o:p></o:p></p>"
        "</div></body></html>\n")
    body = alt("----=_NextPart_000_0017_01DA8FA3.5C1E2B40", plain, html,
               charset="gb2312", codec="gbk")
    msg = mail([
        ("From", addr("陈喆", "chenzhe@jxhuatai.example", "gb2312", "gbk")),
        ("To", addr("李伟", "li.rep@example.com", "gb2312", "gbk")),
        ("Cc", OURS),
        ("Subject", ew("采购订单 HT240416-02", "gb2312", "gbk")),
        ("Date", "Tue, 16 Apr 2024 09:42:17 +0800"),
        ("Message-ID", "<000001da8fa3$5c1e2b40$145a81c0$@jxhuatai.example>"),
        ("X-Mailer", "Microsoft Outlook 16.0"),
        ("Thread-Index", "AdqPo1v2xJkN3m8XQ0ahWc4b7kq2Ag=="),
        ("Content-Language", "zh-cn"),
    ], body)
    emit("b_outlook_gbk_html_table", msg, crlf=True)


# --- repeat order, "same as last month" ------------------------------------
def repeat_same_as_last_month():
    plain = (
        "李工好，\n\n"
        "跟上个月一样，控制板（型号CB-24V）再来200块，单价还是360元，月底前送到就行，"
        "还是送到杭州市余杭区仁和街道启航路18号2号门。\n\n"
        "付款老规矩，月结30天。\n\n"
        "赵倩\n"
        "杭州余杭包装设备有限公司 采购部\n"
        "Tel: 0571-86321888\n")
    body = alt("----=_NextPart_663AE0C7_0A1B2C3D_4E5F6071", plain, html_of(plain),
               charset="GB18030", codec="gb18030")
    msg = mail([
        ("From", addr("赵倩", "zhaoqian@yhpack.example", "GB18030")),
        ("To", addr("李工", "li.rep@example.com", "GB18030")),
        ("Subject", ew("再订一批控制板", "GB18030")),
        ("Date", "Wed, 08 May 2024 10:15:03 +0800"),
        ("Message-ID", "<tencent_6A3F0B2C1D4E5F60718293A4B5C6D7E8F909@qq.com>"),
        ("X-Mailer", "QQMail 2.x"),
        ("X-QQ-mid", "xmsmtpt1715134503t0k9h3v2a"),
    ], body)
    emit("b_repeat_same_as_last_month", msg)


# --- repeat order with no item list, sent on a Saturday ---------------------
def repeat_no_item_list():
    plain = (
        "李经理：\n"
        "还是老样子，照上次那单再发一批，下周五前到货。地址和上次一样。\n"
        "收到回个话。\n\n"
        "孙建国\n"
        "温州鑫达阀门厂\n"
        "13857712345\n")
    body = alt("----=_Part_118224_1730401219.1715430704221", plain, html_of(plain, "Arial"),
               charset="UTF-8")
    msg = mail([
        ("From", addr("孙建国", "sunjianguo_wz@163.example", "UTF-8")),
        ("To", "li.rep@example.com"),
        ("Subject", ew("再来一批", "UTF-8")),
        ("Date", "Sat, 11 May 2024 20:31:44 +0800 (CST)"),
        ("Message-ID", "<5a1c3e2b.2f41.18f67a1b2c3.Coremail.sunjianguo_wz@163.example>"),
        ("X-Mailer", "Coremail Webmail Server Version XT5.0.14 build 20230109(dcb5de15)"),
        ("X-Coremail-Locale", "zh_CN"),
        ("X-CM-TRANSID", "_____wD3_7ZcUT9mnr4CAA--.12345S2"),
    ], body)
    emit("b_repeat_no_item_list", msg)


# --- order at the top of a long small-talk thread; quoted text has an old order
def thread_smalltalk_quoted_old_order():
    plain = (
        "哈哈，千岛湖不错，回来给你带点鱼干。\n\n"
        "对了，顺便下个单，五一后要用：\n"
        "1. 胶辊，规格φ80×1200，20根，单价450元\n"
        "2. 刮刀片，规格0.15mm，100片，单价12元\n"
        "5月10日前送到我们厂里（嘉兴市秀洲区洪兴路599号），收货人还是我，手机13605716688。\n\n"
        "周敏\n"
        "嘉兴明华印务有限公司\n\n"
        "------------------ 原始邮件 ------------------\n"
        "发件人: \"李伟\"<li.rep@example.com>;\n"
        "发送时间: 2024年4月28日(星期天) 晚上9:02\n"
        "收件人: \"周敏\"<zhoumin@minghuaprint.example>;\n"
        "主题: Re: Re: 五一去哪儿玩\n\n"
        "我们打算去千岛湖，你们呢？\n\n"
        "------------------ 原始邮件 ------------------\n"
        "发件人: \"周敏\"<zhoumin@minghuaprint.example>;\n"
        "发送时间: 2024年4月28日(星期天) 下午3:15\n"
        "收件人: \"李伟\"<li.rep@example.com>;\n"
        "主题: Re: 五一去哪儿玩\n\n"
        "还没定，可能在家躺平。上次3月那批货挺好的：\n"
        "胶辊 φ80×1200 30根 单价450元\n"
        "油墨刮刀 50片 单价15元\n"
        "都快用完了。\n\n"
        "------------------ 原始邮件 ------------------\n"
        "发件人: \"李伟\"<li.rep@example.com>;\n"
        "发送时间: 2024年4月28日(星期天) 上午11:40\n"
        "收件人: \"周敏\"<zhoumin@minghuaprint.example>;\n"
        "主题: 五一去哪儿玩\n\n"
        "周姐，五一有什么安排？\n")
    body = alt("----=_001_NextPart461827394517_=----", plain, html_of(plain, "宋体"),
               charset="gb2312")
    msg = mail([
        ("From", addr("周敏", "zhoumin@minghuaprint.example", "gb2312")),
        ("To", addr("李伟", "li.rep@example.com", "gb2312")),
        ("Subject", ew("Re: Re: Re: 五一去哪儿玩", "gb2312")),
        ("Date", "Mon, 29 Apr 2024 16:20:00 +0800"),
        ("Message-ID", "<202404291620001873524@minghuaprint.example>"),
        ("In-Reply-To", "<202404282102114413370@example.com>"),
        ("References", "<202404281140223358120@example.com> <202404281515097762301@minghuaprint.example> "
                       "<202404282102114413370@example.com>"),
        ("X-Mailer", "Foxmail 7.2.25.228[cn]"),
        ("X-Priority", "3"),
    ], body)
    emit("b_thread_smalltalk_quoted_old_order", msg)


# --- item list in a GBK CSV attachment (Excel-saved), QQ mail ---------------
def attach_csv_gbk():
    plain = (
        "您好，\n"
        "附件是我司本次采购明细（采购单号XY-PO-240418），请确认后安排。"
        "要求5月8日前全部到货，送苏州工业园区星湖街328号3号仓库。\n"
        "付款：月结60天。\n\n"
        "黄磊\n"
        "苏州鑫源电子科技有限公司\n"
        "电话 0512-62851234\n")
    rows = [["物料编码", "物料名称", "规格型号", "单位", "数量", "单价", "金额"],
            ["P004", "Control board", "CB-24V", "pcs", "500", "360", "180000"],
            ["XY-3021", "M3螺丝包", "M3×8 不锈钢", "包", "40", "25.5", "1020"],
            ["XY-1107", "散热片", "40×40×10mm", "个", "500", "3.2", "1600"],
            ["合计", "", "", "", "", "", "182620"]]
    body = multi("mixed", "----=_NextPart_6620B95E_0D2E7A30_1B3C5E70",
                 alt("----=_NextPart_6620B95E_0D2E7A30_7F61A2B4", plain, html_of(plain),
                     charset="GB18030"),
                 attachment("application/octet-stream", csv_bytes(rows, "gbk"),
                            "采购明细XY-PO-240418.csv", style="2047", fn_charset="GB18030"))
    msg = mail([
        ("From", addr("Purchasing 黄磊", "huanglei@szxinyuan.example", "GB18030")),
        ("To", "\"orders\" <orders@example.com>"),
        ("Subject", ew("订单 XY-PO-240418 明细见附件", "GB18030")),
        ("Date", "Thu, 18 Apr 2024 14:05:10 +0800"),
        ("Message-ID", "<tencent_9C81D2E3F4A5B6C7D8E9F0A1B2C3D4E5F607@qq.com>"),
        ("X-Mailer", "QQMail 2.x"),
    ], body)
    emit("b_attach_csv_gbk", msg)


# --- English PO as an XLSX with a header block (Gmail) ----------------------
def attach_xlsx_po_en():
    plain = (
        "Hi Li,\n\n"
        "Please find attached our PO LR-24-0519 for control boards and two B-type units.\n"
        "Kindly confirm receipt and your ship date.\n\n"
        "Best regards,\n"
        "Priya Nair\n"
        "Procurement\n"
        "Lumen Robotics Pte. Ltd.\n"
        "+65 6123 4567\n")
    html = ('<div dir="ltr">Hi Li,<div><br></div><div>Please find attached our PO LR-24-0519 for '
            "control boards and two B-type units.</div><div>Kindly confirm receipt and your ship date."
            '</div><div><br></div><div>Best regards,</div><div>Priya Nair</div><div>Procurement</div>'
            "<div>Lumen Robotics Pte. Ltd.</div><div>+65 6123 4567</div></div>\n")
    rows = [
        ["PURCHASE ORDER"],
        [],
        ["Buyer:", "Lumen Robotics Pte. Ltd."],
        ["PO No.:", "LR-24-0519"],
        ["PO Date:", "2024-05-06"],
        ["Contact:", "Priya Nair"],
        ["Tel:", "+65 6123 4567"],
        ["Email:", "procurement@lumenrobotics.example"],
        ["Ship to:", "21 Tuas Avenue 7, Singapore 639273"],
        ["Required delivery:", "2024-06-14"],
        ["Payment terms:", "30% deposit, balance 30 days from invoice"],
        [],
        ["Item", "Part No.", "Description", "Spec", "Qty", "Unit", "Unit Price (USD)", "Amount (USD)"],
        [1, "P004", "Control board", "CB-24V", 300, "pcs", 52.00, 15600.00],
        [2, "P002", "B-type unit", "L-800×400", 4, "units", 175.00, 700.00],
        ["", "", "Freight", "", "", "", "", 350.00],
        ["", "", "Total", "", "", "", "", 16650.00],
        [],
        ["Notes:", "Export carton packing, each carton labelled with PO number."],
    ]
    body = multi("mixed", "000000000000a1b2c3d40617f0c2e5",
                 multi("alternative", "000000000000a1b2c3d20617f0c2e3",
                       text("plain", plain, "UTF-8", "quoted-printable", quote_charset=False),
                       text("html", html, "UTF-8", "quoted-printable", quote_charset=False)),
                 attachment("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                            xlsx(rows, "PO", {"A": 18, "B": 34, "C": 16}), "PO_LR-24-0519.xlsx"))
    msg = mail([
        ("From", "Priya Nair <priya.nair.lumen@gmail.example>"),
        ("To", "li.rep@example.com"),
        ("Cc", "orders@example.com"),
        ("Subject", "PO LR-24-0519"),
        ("Date", "Mon, 6 May 2024 11:30:00 +0800"),
        ("Message-ID", "<CAH7pLw2mQ0fX9kYq3Z1rT8vN5sB4dE6gA0hJ2kL9uC1oP3wR7x@mail.gmail.com>"),
    ], body)
    emit("b_attach_xlsx_po_en", msg)


# --- SAP auto-generated PO, 8bit UTF-8, drawing PDF attached ----------------
def erp_sap_po():
    plain = (
        "*** This is a system generated email. Please do not reply. ***\n"
        "*** 本邮件由系统自动发送，请勿直接回复。 ***\n\n"
        "Purchase Order / 采购订单            4500012345\n"
        "PO Date / 订单日期:                  2024.04.22\n"
        "Vendor / 供应商:                     100238  杭州恒拓机电设备有限公司\n"
        "Purchasing Org / 采购组织:           1000  天津渤海重工装备有限公司\n"
        "Buyer / 采购员:                      Wang Lei   Tel: +86 22 5881 2345   Email: wang.lei@tjbohai.example\n"
        "Ship-to / 交货地址:                  天津市滨海新区临港经济区渤海十路88号1号仓库\n"
        "Payment Terms / 付款条件:            Net 30 days\n"
        "Currency / 币种:                     CNY\n\n"
        "----------------------------------------------------------------------------\n"
        "Item 00010   Material: P001          Short text: A产品\n"
        "             Spec: L-500×300\n"
        "             Quantity: 40 台          Net price: 500.00 CNY / 1 台\n"
        "             Net value: 20,000.00 CNY\n"
        "             Delivery date: 2024.05.20\n"
        "----------------------------------------------------------------------------\n"
        "Item 00020   Material: P003          Short text: C型支架\n"
        "             Spec: 定制，按图号HT-C-2291\n"
        "             Quantity: 150 件         Net price: 80.00 CNY / 1 件\n"
        "             Net value: 12,000.00 CNY\n"
        "             Delivery date: 2024.05.20\n"
        "----------------------------------------------------------------------------\n"
        "Total Net Value / 合计:                                   CNY 32,000.00\n\n"
        "Header text / 抬头文本: 每批随货提供合格证，A产品木箱包装。\n\n"
        "Attachment: drawing HT-C-2291.pdf\n"
        "Terms and conditions of purchase apply. See https://srm.tjbohai.example/terms\n")
    pdf = tiny_pdf(["DRAWING HT-C-2291  REV B", "C-BRACKET, CUSTOM", "120 x 80 x 5 mm, Q235, HDG",
                    "Tianjin Bohai Heavy Equipment Co., Ltd."])
    body = multi("mixed", "=_sap_nw750_7a1f0c2e9b44d0a5",
                 text("plain", plain, "utf-8", "8bit", quote_charset=False),
                 attachment("application/pdf", pdf, "HT-C-2291.pdf"))
    msg = mail([
        ("From", "SAP PO Output <sap-noreply@tjbohai.example>"),
        ("To", "orders@example.com"),
        ("Subject", "Purchase Order 4500012345 / " + ew("采购订单", "utf-8")),
        ("Date", "Mon, 22 Apr 2024 10:03:51 +0800"),
        ("Message-ID", "<4500012345.20240422020351.0001@sapprd.tjbohai.example>"),
        ("X-Mailer", "SAP NetWeaver 7.50"),
    ], body)
    emit("b_erp_sap_po", msg)


# --- Kingdee (金蝶云星空) HTML-only PO ---------------------------------------
def erp_kingdee_po_html():
    rows = [("1", "03.01.0012", "温控表", "XMT-7100", "台", "25", "268.00", "6,700.00"),
            ("2", "03.02.0105", "固态继电器", "SSR-40DA", "个", "50", "38.50", "1,925.00")]
    tr = lambda cells, tag="td": "<tr>" + "".join(f"<{tag}>{c}</{tag}>" for c in cells) + "</tr>\n"
    html = (
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>采购订单</title>"
        "<style>table{border-collapse:collapse}td,th{border:1px solid #999;padding:4px 8px}</style>"
        "</head><body>\n"
        "<h2 style=\"text-align:center\">采购订单</h2>\n"
        "<table class=\"head\">\n"
        "<tr><td>单据编号：CGDD20240425003</td><td>日期：2024-04-25</td></tr>\n"
        "<tr><td>采购组织：宁波甬江塑胶制品有限公司</td><td>供应商：杭州恒拓机电设备有限公司</td></tr>\n"
        "<tr><td>采购员：郑雅文</td><td>联系电话：0574-87651234</td></tr>\n"
        "<tr><td>邮箱：zhengyw@yjplastic.example</td><td>币别：人民币</td></tr>\n"
        "<tr><td colspan=\"2\">收货地址：浙江省宁波市北仑区大港工业城黄山西路218号</td></tr>\n"
        "<tr><td>付款条件：货到票到60天</td><td>交货日期：2024-05-30</td></tr>\n"
        "</table><br>\n"
        "<table class=\"entry\">\n"
        + tr(("序号", "物料编码", "物料名称", "规格型号", "单位", "数量", "含税单价", "价税合计"), "th")
        + "".join(tr(r) for r in rows)
        + tr(("合计", "", "", "", "", "75", "", "8,625.00"))
        + "</table>\n"
        "<p>备注：请随货附出厂检验报告</p>\n"
        "<p style=\"color:#888;font-size:12px\">此邮件由金蝶云·星空系统自动发送。</p>\n"
        "</body></html>\n")
    body = text("html", html, "utf-8", "base64")
    msg = mail([
        ("From", addr("金蝶云星空", "noreply@erp.yjplastic.example")),
        ("To", "orders@example.com"),
        ("Subject", ew("采购订单CGDD20240425003-宁波甬江塑胶制品有限公司", chunk=12)),
        ("Date", "Thu, 25 Apr 2024 15:12:40 +0800"),
        ("Message-ID", "<k3cloud.CGDD20240425003.638496571604000000@erp.yjplastic.example>"),
    ], body)
    emit("b_erp_kingdee_po_html", msg)


# --- 用友NC notice with an XLSX PO where the supplier (us) comes first ----------
def erp_yonyou_xlsx():
    plain = (
        "【用友NC】采购订单CG2024050087已审批通过，请供应商及时确认。\n"
        "订单明细见附件。\n"
        "此邮件由系统自动发送，请勿回复。\n")
    rows = [
        ["采购订单"],
        ["订单编号", "CG2024050087", "订单日期", "2024-05-07"],
        ["供方", "杭州恒拓机电设备有限公司", "供方联系人", "李伟"],
        ["需方", "湖北中科智能装备股份有限公司", "需方联系人", "吴昊"],
        ["需方电话", "027-87651234", "需方邮箱", "wuhao@hbzhongke.example"],
        ["交货地点", "武汉市东湖新技术开发区高新大道666号"],
        ["交货日期", "2024-06-03"],
        ["付款方式", "预付50%，余款验收合格后30天内付清"],
        [],
        ["行号", "存货编码", "存货名称", "规格型号", "主计量", "数量", "无税单价", "含税单价", "价税合计"],
        [1, "P001", "A产品", "L-500×300", "台", 30, 442.48, 500.00, 15000.00],
        [2, "P004", "控制板", "CB-24V", "块", 100, 318.58, 360.00, 36000.00],
        ["合计", "", "", "", "", 130, "", "", 51000.00],
        [],
        ["备注", "发票随货，外箱标注订单编号"],
    ]
    body = multi("mixed", "----=_Part_20240507085500_1093",
                 text("plain", plain, "GBK", "base64"),
                 attachment("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                            xlsx(rows, "采购订单", {"B": 30, "D": 26}), "采购订单_CG2024050087.xlsx"))
    msg = mail([
        ("From", addr("用友NC", "nc-notice@hbzhongke.example", "GBK")),
        ("To", "orders@example.com"),
        ("Subject", ew("【用友NC】采购订单CG2024050087待确认", "GBK", chunk=14)),
        ("Date", "Tue, 7 May 2024 08:55:00 +0800"),
        ("Message-ID", "<1715043300000.CG2024050087.nc@hbzhongke.example>"),
        ("X-Mailer", "UFIDA NC Mail Service"),
    ], body)
    emit("b_erp_yonyou_xlsx", msg)


# --- blanket order with a release schedule -----------------------------------
def blanket_release_schedule():
    plain = (
        "恒拓机电：\n\n"
        "经双方商定，我司下达2024年度框架订单如下：\n"
        "订单号：YF-BO-2024-07\n"
        "物料：C型支架\n"
        "规格：图号YF-ZJ-033\n"
        "图纸见附件。\n"
        "年度总量：12000件，单价：78元/件（含税）\n\n"
        "分批交货计划：\n"
        "第一批 3000件 6月28日前\n"
        "第二批 3000件 8月30日前\n"
        "第三批 3000件 10月31日前\n"
        "第四批 3000件 12月20日前\n"
        "各批次以我司书面放行通知为准。\n\n"
        "交货地址：重庆市璧山区璧泉街道剑山路100号 渝锋3号库\n"
        "付款条件：每批到货验收后月结90天\n"
        "包装要求：每50件一箱，箱外标注图号和批次号。\n\n"
        "马丽 采购中心\n"
        "重庆渝锋摩托车配件有限公司\n"
        "023-41412345\n")
    pdf = tiny_pdf(["DRAWING YF-ZJ-033", "C-BRACKET  150 x 60 x 4 mm", "MATERIAL: SPCC, ZINC PLATED",
                    "Chongqing Yufeng Motorcycle Parts Co., Ltd."])
    body = multi("mixed", "----=_NextPart_000_0031_01DAA2B6.9E7C4D10",
                 alt("----=_NextPart_001_0032_01DAA2B6.9E7C4D10", plain, html_of(plain, "等线"),
                     charset="utf-8"),
                 attachment("application/pdf", pdf, "YF-ZJ-033 C型支架.pdf", style="2047", fn_charset="utf-8"))
    msg = mail([
        ("From", addr("马丽", "mali@yufeng-parts.example")),
        ("To", addr("恒拓机电 订单", "orders@example.com")),
        ("Subject", ew("2024年度框架订单 YF-BO-2024-07 及首批交货计划", chunk=12)),
        ("Date", "Fri, 10 May 2024 10:00:00 +0800"),
        ("Message-ID", "<000a01daa2b6$9e7c4d10$db74e730$@yufeng-parts.example>"),
        ("X-Mailer", "Microsoft Outlook 16.0"),
    ], body)
    emit("b_blanket_release_schedule", msg)


# --- one order, two delivery sites ------------------------------------------
def multi_address_split():
    plain = (
        "李经理您好，\n\n"
        "我司两个项目同时用货，麻烦分两处送：\n"
        "1）B产品（规格L-800×400）8台，送无锡市新吴区行创四路19号 博远项目部（收货人：钱工 13912345678），6月5日前到；\n"
        "2）B产品（规格L-800×400）4台，送常州市武进区常武中路801号 天宁项目现场（收货人：何工 13801234567），6月12日前到。\n"
        "单价按报价单BY-Q-0515的1,150元/台，含运费。\n"
        "付款：货到30天。\n\n"
        "徐凯\n"
        "苏州博远自动化工程有限公司\n")
    body = alt("00000000000099c7e10618f1a2b3", plain, html_of(plain, "arial,sans-serif"),
               charset="UTF-8")
    msg = mail([
        ("From", addr("Kevin Xu 徐凯", "kevin.xu.boyuan@gmail.example")),
        ("To", "li.rep@example.com"),
        ("Subject", ew("B产品订单（两个项目分送）")),
        ("Date", "Wed, 22 May 2024 13:47:00 +0800"),
        ("Message-ID", "<CAKx4b9Hq2Lw0Y8nR3vT6mP1sZ7cD5fG9jE2kA4uB8oN0iX3qW@mail.gmail.com>"),
    ], body)
    emit("b_multi_address_split", msg)


# --- Hong Kong, Traditional Chinese, Big5 QP ---------------------------------
def hk_big5_traditional():
    plain = (
        "李先生：\n\n"
        "你好！請安排以下貨品：\n\n"
        "貨品：控制板（型號 CB-24V） 數量：120 pcs 單價：HK$395\n"
        "貨品：A產品（規格 L-500×300） 數量：6 台 單價：HK$560\n\n"
        "運費：HK$800\n"
        "總額：HK$51,560\n\n"
        "付款方式：100% T/T before shipment\n"
        "交貨：5月24日或之前送達香港新界葵涌葵昌路51號九龍貿易中心2座18樓1805室\n"
        "請每箱貼上「易碎」標籤。\n\n"
        "Karen Chan\n"
        "Harbour Lite Engineering Ltd.\n"
        "Tel: +852 2612 3456\n")
    body = alt("_000_HK2PR02MB41234ABCD5678EF90123HK2PR02MB4123apcp_", plain,
               html_of(plain, "新細明體"), charset="big5", cte="quoted-printable")
    msg = mail([
        ("From", addr("陳嘉欣 Karen Chan", "karen.chan@harbourlite.example.hk", "big5")),
        ("To", "\"Li Wei\" <li.rep@example.com>"),
        ("Subject", ew("訂單 PO#HL-2405-011", "big5")),
        ("Date", "Thu, 2 May 2024 17:25:00 +0800"),
        ("Message-ID", "<HK2PR02MB41234ABCD5678EF90123@HK2PR02MB4123.apcprd02.prod.outlook.example>"),
        ("Content-Language", "zh-HK"),
        ("X-MS-Has-Attach", ""),
    ], body)
    emit("b_hk_big5_traditional", msg)


# --- Taiwan, 民國 date, UTF-8 QP, Thunderbird -------------------------------
def tw_minguo_date():
    plain = (
        "恒拓機電 業務部 您好：\n\n"
        "本公司訂購如下，請確認：\n\n"
        "品名：B產品\n"
        "規格：L-800×400\n"
        "數量：3台\n"
        "單價：NT$46,000（含稅）\n"
        "交貨日期：113年6月7日\n"
        "交貨地點：新竹科學園區力行六路8號\n"
        "付款條件：月結60天\n"
        "統一編號：24556677\n"
        "聯絡人：林志豪 電話：03-5781234\n\n"
        "新竹光電股份有限公司 採購課\n")
    body = text("plain", plain, "UTF-8", "quoted-printable", quote_charset=False)
    body.replace_header("Content-Type", "text/plain; charset=UTF-8; format=flowed")
    msg = mail([
        ("From", addr("林志豪", "chlin@hsinchu-opto.example.tw")),
        ("To", "orders@example.com"),
        ("Subject", ew("採購單 HO1130513-02")),
        ("Date", "Mon, 13 May 2024 09:10:00 +0800"),
        ("Message-ID", "<3b7d2c9e-5f1a-4c8b-9e2d-7a6f0b1c2d3e@hsinchu-opto.example.tw>"),
        ("User-Agent", "Mozilla Thunderbird"),
        ("Content-Language", "zh-TW"),
    ], body)
    emit("b_tw_minguo_date", msg)


# --- UK buyer, Gmail QP --------------------------------------------------------
def english_uk_net45():
    plain = (
        "Hi Wei,\n\n"
        "Further to your quotation HQ-240512 we'd like to go ahead with the following:\n\n"
        "- Door hinge 3.5\" (model DH-35-SS): 1,500 pcs at USD 2.35\n"
        "- EPDM gaskets (model EG-4060): 800 pcs at USD 0.48\n\n"
        "Please ship by 28 June to our warehouse at Unit 4, Lowfield Industrial Estate, Leeds LS12 6BG, United Kingdom.\n"
        "Payment: Net 45.\n"
        "Notes: mark every carton with PO number BW-7781; include a packing list.\n\n"
        "Kind regards,\n"
        "Tom Fletcher\n"
        "Purchasing Manager\n"
        "Brightwell Engineering Ltd\n"
        "+44 113 496 0123\n")
    body = alt("000000000000c3d2e1f00618f9a8b7", plain,
               html_of(plain, "arial,sans-serif"), charset="UTF-8", cte="quoted-printable")
    msg = mail([
        ("From", "Tom Fletcher <tom.fletcher@brightwell-eng.example.co.uk>"),
        ("To", "Li Wei <li.rep@example.com>"),
        ("Subject", ew("Order BW-7781 – hinges and gaskets", "UTF-8", enc="Q", chunk=40)),
        ("Date", "Tue, 21 May 2024 09:05:00 +0100"),
        ("Message-ID", "<CAF3nq8Jr5Tq1W0yX2vB7mK9sL4dE6hG0pA3cN5uR8oI2jZ1tY@mail.gmail.com>"),
    ], body)
    emit("b_english_uk_net45", msg)


# --- German buyer, ISO-8859-1 QP, German number format -----------------------
def german_bestellung_latin1():
    plain = (
        "Sehr geehrter Herr Li,\n\n"
        "hiermit bestellen wir gemäß Ihrem Angebot AN-2405-09:\n\n"
        "Pos. 1: Steuerplatine, Typ CB-24V, Menge: 250 Stück, Einzelpreis: 48,90 EUR, Gesamt: 12.225,00 EUR\n"
        "Pos. 2: Montagewinkel, Ausführung: verzinkt 60×40 mm, Menge: 1.000 Stück, Einzelpreis: 0,85 EUR, Gesamt: 850,00 EUR\n\n"
        "Verpackung und Fracht: 180,00 EUR\n"
        "Gesamtbetrag: 13.255,00 EUR\n\n"
        "Liefertermin: 21.06.2024\n"
        "Lieferanschrift: Rheintal Antriebe GmbH, Wareneingang Tor 3, Industriestraße 12, 79108 Freiburg im Breisgau\n"
        "Zahlungsbedingungen: 30 Tage netto\n"
        "Bemerkung: Jeder Lieferung ist ein Ursprungszeugnis beizulegen.\n\n"
        "Mit freundlichen Grüßen\n\n"
        "Jana Müller\n"
        "Einkauf\n"
        "Rheintal Antriebe GmbH\n"
        "Tel. +49 761 4567-210\n")
    body = text("plain", plain, "iso-8859-1", "quoted-printable", quote_charset=False)
    msg = mail([
        ("From", addr("Müller, Jana", "j.mueller@rheintal-antriebe.example.de", "iso-8859-1", enc="Q")),
        ("To", "li.rep@example.com"),
        ("Subject", "Bestellung 4711-2024-0387"),
        ("Date", "Wed, 15 May 2024 14:32:10 +0200"),
        ("Message-ID", "<a81f3c20-77e2-4f0b-b1d9-5c2e6a9f0d13@rheintal-antriebe.example.de>"),
        ("User-Agent", "Mozilla Thunderbird"),
        ("Content-Language", "de-DE"),
    ], body)
    emit("b_german_bestellung_latin1", msg)


# --- Japanese buyer, ISO-2022-JP ---------------------------------------------
def japanese_iso2022jp():
    plain = (
        "恒拓機電株式会社\n"
        "営業部 李様\n\n"
        "いつもお世話になっております。\n"
        "関西精機の山田です。\n\n"
        "下記の通り注文いたします。\n\n"
        "注文番号：KS-240517\n"
        "品名：制御基板\n"
        "型式：CB-24V\n"
        "数量：400個\n"
        "単価：5,200円\n"
        "金額：2,080,000円\n"
        "納期：2024年6月20日\n"
        "納入場所：大阪府東大阪市高井田元町2-8-15 関西精機株式会社 第二工場\n"
        "支払条件：検収後30日以内\n"
        "備考：検査成績書を添付してください。\n\n"
        "よろしくお願いいたします。\n\n"
        "関西精機株式会社\n"
        "購買部 山田 太郎\n"
        "TEL: 06-6781-2345\n")
    body = text("plain", plain, "ISO-2022-JP", "7bit", codec="iso-2022-jp")
    msg = mail([
        ("From", addr("山田 太郎", "t.yamada@kansai-seiki.example.jp", "ISO-2022-JP", "iso-2022-jp")),
        ("To", "li.rep@example.com"),
        ("Subject", ew("注文書送付の件（注文番号 KS-240517）", "ISO-2022-JP", "iso-2022-jp", chunk=12)),
        ("Date", "Fri, 17 May 2024 10:20:00 +0900"),
        ("Message-ID", "<20240517102000.4F2A.YAMADA@kansai-seiki.example.jp>"),
        ("X-Mailer", "Becky! ver. 2.81.04"),
    ], body)
    emit("b_japanese_iso2022jp", msg)


# --- typed on an iPhone on a Sunday, no company -------------------------------
def iphone_sunday_casual():
    plain = (
        "小李，B产品再给我订6台，还是1200一台，下周五前送到工地，地址：绍兴市柯桥区滨海工业区兴滨路2号。"
        "到了打我电话13306541234\n\n"
        "陈建华\n\n"
        "发自我的iPhone\n")
    body = text("plain", plain, "utf-8", "base64", quote_charset=False)
    msg = mail([
        ("From", addr("老陈", "chenjianhua1976@qq.example")),
        ("To", "li.rep@example.com"),
        ("Subject", ew("订货")),
        ("Date", "Sun, 26 May 2024 21:48:00 +0800"),
        ("Message-ID", "<8E3F2C1A-1B2C-4D5E-9F00-1122334455AA@qq.example>"),
        ("X-Mailer", "iPhone Mail (21E236)"),
    ], body, mime_version="1.0 (1.0)")
    emit("b_iphone_sunday_casual", msg)


# --- WeCom mail, HTML only -----------------------------------------------------
def wecom_mail_order():
    lines = [
        "李工，下单：",
        "A产品，型号L-500×300，20台，500元/台",
        "定制C型支架，规格120×80×5mm，300件，80元/件",
        "6月15日前送到佛山市顺德区容桂街道振华路3号，收货人何晓东 13927712345",
        "",
        "广东振华五金制品有限公司",
        "（发自企业微信）",
    ]
    html = ('<html><head><meta charset="UTF-8"></head><body>'
            + "".join(f"<div>{l or '<br/>'}</div>" for l in lines)
            + '<div><includetail><!--<![endif]--></includetail></div></body></html>\n')
    body = text("html", html, "UTF-8", "base64", quote_charset=False)
    msg = mail([
        ("From", addr("何晓东", "hexd@gdzhenhua.example")),
        ("To", addr("李工", "li.rep@example.com")),
        ("Subject", ew("下单")),
        ("Date", "Thu, 30 May 2024 11:02:00 +0800"),
        ("Message-ID", "<tencent_wework_2B9F6C1E0A7D3E5F@exmail.gdzhenhua.example>"),
        ("X-Mailer", "WXWork Mail"),
    ], body)
    emit("b_wecom_mail_order", msg)


# --- discount and freight, 163 Coremail -------------------------------------
def discount_freight_163():
    plain = (
        "李经理：\n"
        "按上周电话沟通，订货如下：\n"
        "1、A产品，规格L-500×300，50台，单价500元，金额25000元\n"
        "2、B产品，规格L-800×400，20台，单价1200元，金额24000元\n"
        "商品金额：49000元\n"
        "运费：600元\n"
        "优惠：-1000元（老客户返利）\n"
        "实付金额：48600元\n"
        "付款方式：款到发货\n"
        "要求6月10日前送达：安徽省芜湖市鸠江区万春东路28号 皖江机电仓库\n"
        "收货人：程小燕 15855312345\n"
        "备注：木托盘包装，请提前一天电话通知。\n\n"
        "安徽皖江机电设备有限公司\n"
        "程小燕\n")
    body = alt("----=_Part_422391_1130998281.1716194400112", plain, html_of(plain, "Arial"),
               charset="UTF-8")
    msg = mail([
        ("From", addr("程小燕", "chengxy_buyer@163.example", "UTF-8")),
        ("To", "li.rep@example.com"),
        ("Subject", ew("订货单-安徽皖江", "UTF-8")),
        ("Date", "Mon, 20 May 2024 16:40:00 +0800 (CST)"),
        ("Message-ID", "<7c2e91d4.6a3b.18f94c1d2e7.Coremail.chengxy_buyer@163.example>"),
        ("X-Mailer", "Coremail Webmail Server Version XT5.0.14 build 20230109(dcb5de15)"),
        ("X-Coremail-Locale", "zh_CN"),
    ], body)
    emit("b_discount_freight_163", msg)


# --- tax-inclusive prices, Foxmail GB18030 with a non-GBK name character -----
def tax_inclusive_gb18030():
    plain = (
        "恒拓机电：\n\n"
        "现订购以下产品（单价均为含税价，含13%增值税）：\n\n"
        "QW型潜水排污泵，型号50QW10-10-0.75，数量4台，含税单价3,680元，小计14,720元\n"
        "不锈钢闸阀，规格DN100 PN16，数量10个，含税单价1,150元，小计11,500元\n\n"
        "含税合计：26,220元\n\n"
        "交货期：6月25日前\n"
        "送货地址：湖南省长沙市岳麓区含浦大道669号 湘江水务项目部\n"
        "联系人：邓䶮 电话：0731-88765432\n"
        "付款方式：货到验收合格后付95%，留5%质保金一年\n"
        "备注：请开具13%增值税专用发票，随货附产品合格证和检测报告。\n\n"
        "湖南湘江水务工程有限公司 物资部\n")
    body = alt("----=_001_NextPart372014658130_=----", plain, html_of(plain, "宋体"),
               charset="GB18030")
    msg = mail([
        ("From", addr("邓䶮", "dengyan@hnxiangjiang.example", "GB18030")),
        ("To", "orders@example.com"),
        ("Subject", ew("订单：湘江水务泵阀采购", "GB18030")),
        ("Date", "Tue, 28 May 2024 10:30:00 +0800"),
        ("Message-ID", "<202405281030004516233@hnxiangjiang.example>"),
        ("X-Mailer", "Foxmail 7.2.25.228[cn]"),
    ], body)
    emit("b_tax_inclusive_gb18030", msg)


# --- ex-tax prices, VAT added in the total (8bit GBK) -------------------------
def tax_exclusive_vat_total():
    plain = (
        "您好，\n"
        "订购：\n"
        "B产品（规格L-800×400）10台，不含税单价1,062元\n"
        "控制板（型号CB-24V）100块，不含税单价318.58元\n"
        "不含税合计：42,478.00元\n"
        "增值税（13%）：5,522.14元\n"
        "价税合计：48,000.14元\n"
        "交期：6月14日\n"
        "送货：浙江省台州市椒江区开发大道东段818号 天宇医疗器械有限公司东门\n"
        "付款：月结45天\n\n"
        "钱蕾 / 浙江天宇医疗器械有限公司 采购部 / 0576-88661234\n")
    body = text("plain", plain, "GBK", "8bit")
    msg = mail([
        ("From", addr("采购-钱蕾", "qianlei@zjtianyu.example", "GBK")),
        ("To", "orders@example.com"),
        ("Subject", ew("订购B产品及控制板", "GBK")),
        ("Date", "Thu, 23 May 2024 14:00:00 +0800"),
        ("Message-ID", "<20240523140000.GA18422@mail.zjtianyu.example>"),
        ("User-Agent", "Mutt/2.2.9 (2022-11-12)"),
    ], body)
    emit("b_tax_exclusive_vat_total", msg)


# --- our rep forwards the customer's mail --------------------------------------
def forwarded_by_rep():
    plain = (
        "请录入，客户电话里已确认过价格。\n\n"
        "---------- Forwarded message ---------\n"
        "From: Alice Chen <alice@northwind.example>\n"
        "Date: Thu, May 23, 2024 at 6:22 PM\n"
        "Subject: 订单 NW-PO-5521\n"
        "To: 李伟 <li.rep@example.com>\n\n\n"
        "Hi Li,\n\n"
        "Please book the following for Northwind Trading Co.:\n"
        "Control board, model CB-24V - 600 pcs @ CNY 355\n"
        "A产品, model L-500×300 - 20 units @ CNY 495\n"
        "Delivery: before 12 June, to Room 5, 88 Century Avenue, Shanghai.\n"
        "Payment: net 30.\n\n"
        "Thanks,\n"
        "Alice Chen\n"
        "Northwind Trading Co.\n"
        "+86 21 5555 0102\n")
    body = alt("000000000000e5f4a3b20619a1c2d3", plain, html_of(plain, "arial,sans-serif"),
               charset="UTF-8", cte="quoted-printable")
    msg = mail([
        ("From", addr("李伟", "li.rep@example.com")),
        ("To", "orders@example.com"),
        ("Subject", "Fwd: " + ew("订单 NW-PO-5521")),
        ("Date", "Fri, 24 May 2024 09:15:00 +0800"),
        ("Message-ID", "<CAM9vQx1Jk3Lr5Tn7Wp0Yb2Xd4Fh6Gj8Ka1Sc3Ve5Nm7Bo9Qi@mail.gmail.com>"),
    ], body)
    emit("b_forwarded_by_rep", msg)


# --- Chinese numerals, full-width digits, 万 ---------------------------------
def cn_numerals_fullwidth():
    plain = (
        "恒拓机电李经理：\n"
        "我司订购镀锌钢管（规格ＤＮ５０×３．５ｍｍ）两千米，单价二十六元/米；\n"
        "另订镀锌弯头（规格ＤＮ５０）三百个，单价十二元五角/个。\n"
        "合计：5.575万元\n"
        "交货：５月２５日前送到湖北省黄石市下陆区团城山街道钢城大道9号\n"
        "付款：预付三成，余款月结三十天\n"
        "联系人：周国平 手机：１３９７２３４５６７８\n\n"
        "湖北钢城物资贸易有限公司\n")
    body = alt("----=_NextPart_663AC2D8_0F1E2D3C_5B6A7988", plain, html_of(plain),
               charset="GB18030")
    msg = mail([
        ("From", addr("周国平", "zgp@hbgangcheng.example", "GB18030")),
        ("To", "li.rep@example.com"),
        ("Subject", ew("钢管弯头订购", "GB18030")),
        ("Date", "Wed, 8 May 2024 08:30:00 +0800"),
        ("Message-ID", "<tencent_0E1D2C3B4A5968778695A4B3C2D1E0F1A2B3@qq.com>"),
        ("X-Mailer", "QQMail 2.x"),
    ], body)
    emit("b_cn_numerals_fullwidth", msg)


# --- custom item without a drawing, price 待定 --------------------------------
def custom_needs_drawing():
    plain = (
        "李经理，\n"
        "下单两项：\n"
        "1. 定制C型支架，规格200×150×6mm，500件，单价80元\n"
        "2. 定制安装底座，按我们现场情况做，100套，单价待定，报价后确认\n"
        "要求6月20日前交货，送宁波北仑区新碶街道明州路55号 海源港机厂区。\n"
        "付款：预付30%，余款货到30天。\n\n"
        "张振宇\n"
        "宁波海源港口机械有限公司\n"
        "0574-86881234\n")
    body = alt("----=_NextPart_000_0104_01DAA5C0.3D2E1F00", plain, html_of(plain, "等线"),
               charset="utf-8")
    msg = mail([
        ("From", addr("Eric Zhang 张振宇", "zhangzy@nbhaiyuan.example")),
        ("To", "li.rep@example.com"),
        ("Subject", ew("下单：C型支架+安装底座")),
        ("Date", "Tue, 14 May 2024 10:00:00 +0800"),
        ("Message-ID", "<010401daa5c0$3d2e1f00$b78a5d00$@nbhaiyuan.example>"),
        ("X-Mailer", "Microsoft Outlook 16.0"),
    ], body)
    emit("b_custom_needs_drawing", msg)


# --- "越快越好" delivery ---------------------------------------------------------
def asap_vague_delivery():
    plain = (
        "李生：\n"
        "急单，麻烦帮我安排：\n"
        "控制板，型号CB-24V，80块，360元/块\n"
        "A产品，型号L-500×300，5台，500元/台\n"
        "交货越快越好，我们产线在等。\n"
        "送广州市黄埔区开创大道2633号 珠江自动化\n"
        "收货人：黄生 020-82211234\n"
        "付款：款到发货。\n\n"
        "Sam Wong\n"
        "珠江自动化设备（广州）有限公司\n")
    body = alt("Apple-Mail=_5C1A9E3B-7D2F-4E6A-8B0C-91D2E3F4A5B6", plain,
               html_of(plain, "-apple-system, Helvetica"), charset="utf-8", cte="quoted-printable")
    msg = mail([
        ("From", "Sam Wong <sam@pearlriver-ap.example>"),
        ("To", "li.rep@example.com"),
        ("Subject", ew("急单！控制板+A产品")),
        ("Date", "Mon, 3 Jun 2024 15:20:00 +0800"),
        ("Message-ID", "<5C1A9E3B-7D2F-4E6A-8B0C-91D2E3F4A5B7@pearlriver-ap.example>"),
        ("X-Mailer", "Apple Mail (2.3774.500.171.1.1)"),
    ], body, mime_version="1.0 (Mac OS X Mail 16.0 \\(3774.500.171.1.1\\))")
    emit("b_asap_vague_delivery", msg)


# --- delivery date before the email (typo) -------------------------------------
def past_date_typo():
    plain = (
        "李经理好：\n\n"
        "订货如下：\n"
        "B产品（规格L-800×400）2台，单价1200元\n"
        "控制板（型号CB-24V）30块，单价360元\n"
        "交货日期：2024年6月5日\n"
        "收货地址：山东省青岛市城阳区棘洪滩街道锦宏东路66号\n"
        "联系人：高燕 18661812345\n"
        "付款方式：月结30天\n\n"
        "高燕\n"
        "青岛海洋食品机械有限公司\n")
    body = alt("----=_Part_77120_2091133460.1718157600337", plain, html_of(plain, "Arial"),
               charset="UTF-8")
    msg = mail([
        ("From", addr("Lucy Gao", "gaoyan@qdhaiyang.example")),
        ("To", "li.rep@example.com"),
        ("Subject", ew("青岛海洋订货")),
        ("Date", "Wed, 12 Jun 2024 10:00:00 +0800"),
        ("Message-ID", "<2f6d8a1c.41b7.1900b3c2d4e.Coremail.gaoyan@qdhaiyang.example>"),
        ("X-Mailer", "Coremail Webmail Server Version XT6.0.1 build 20231127(3a1b2c4d)"),
    ], body)
    emit("b_past_date_typo", msg)


# --- a line amount that does not match qty × price, no total -----------------
def line_amount_typo():
    plain = (
        "恒拓机电销售部：\n\n"
        "需方：山西太行煤机装备有限公司\n"
        "采购单号：TH-2024-0527\n\n"
        "序号\t名称\t规格\t单位\t数量\t单价\t金额\n"
        "1\tA产品\tL-500×300\t台\t12\t500\t6000\n"
        "2\tB产品\tL-800×400\t台\t3\t1200\t3200\n\n"
        "交货期：2024年6月28日\n"
        "交货地点：山西省晋中市榆次区汇通产业园区太行路1号\n"
        "付款：预付30%，发货前付清余款\n"
        "联系人：范志强 0354-3012345\n")
    body = alt("----=_NextPart_000_00A1_01DAB01C.55E6F710", plain, html_of(plain, "宋体"),
               charset="gb2312")
    msg = mail([
        ("From", addr("物资采购部", "wzcg@sxtaihang.example", "gb2312")),
        ("To", "orders@example.com"),
        ("Subject", ew("采购单TH-2024-0527", "gb2312")),
        ("Date", "Mon, 27 May 2024 09:00:00 +0800"),
        ("Message-ID", "<00a101dab01c$55e6f710$01b4e530$@sxtaihang.example>"),
        ("X-Mailer", "Microsoft Outlook 15.0"),
    ], body)
    emit("b_line_amount_typo", msg)


# --- stated total forgets the freight ------------------------------------------
def total_forgot_freight():
    plain = (
        "李经理：\n"
        "我司下单如下：\n"
        "1. 控制板（型号CB-24V）150块，单价360元\n"
        "2. 不锈钢合页（规格4寸）2000个，单价6.8元\n"
        "运费：800元\n"
        "合计：67,600元\n"
        "6月20日前送厦门市集美区杏林湾路1001号 海天卫浴2号厂房\n"
        "付款方式：月结30天\n\n"
        "林曼\n"
        "厦门海天卫浴有限公司\n"
        "0592-6281234\n")
    body = alt("_000_SG2PR06MB5310F1E2D3C4B5A6978SG2PR06MB5310apcp_", plain,
               html_of(plain, "等线"), charset="utf-8")
    msg = mail([
        ("From", "Mandy Lin <mandy.lin@xmhaitian.example>"),
        ("To", "li.rep@example.com"),
        ("Subject", ew("海天卫浴订单")),
        ("Date", "Thu, 6 Jun 2024 11:11:00 +0800"),
        ("Message-ID", "<SG2PR06MB5310F1E2D3C4B5A6978@SG2PR06MB5310.apcprd06.prod.outlook.example>"),
    ], body)
    emit("b_total_forgot_freight", msg)


# --- a NEW order sent as a reply in an old, shipped order's thread ----------
def new_order_in_old_so_thread():
    plain = (
        "李工，上批货已经收到，谢谢。\n\n"
        "另外新下一单（我司新采购单号 QM-PO-0604），和上批一样的规格：\n"
        "控制板，型号CB-24V，300块，单价360元\n"
        "6月20日前送到深圳市南山区科技园南区8栋。\n"
        "付款还是月结30天。\n\n"
        "赵敏\n"
        "深圳启明电子有限公司\n"
        "13900000003\n\n"
        "> 在 2024年5月28日 16:02，orders@example.com 写道：\n"
        "> 您的订单 SO2024040007 已发货。\n"
        "> 承运商：顺丰速运  运单号：SF1234567890123  件数：2\n"
        "> 控制板 CB-24V 200块\n"
        "> 预计送达：2024-05-30\n")
    body = text("plain", plain, "utf-8", "base64", quote_charset=False)
    msg = mail([
        ("From", addr("赵敏", "zhao@qiming.example")),
        ("To", "orders@example.com"),
        ("Cc", "zhang.rep@example.com"),
        ("Subject", "Re: [SO2024040007] " + ew("发货通知") + " / Shipped"),
        ("Date", "Tue, 4 Jun 2024 10:30:00 +0800"),
        ("Message-ID", "<F1E2D3C4-B5A6-4978-8A9B-0C1D2E3F4A5B@qiming.example>"),
        ("In-Reply-To", "<SO2024040007.shipped.1716883320@example.com>"),
        ("References", "<SO2024040007.requirements.1713166200@example.com> "
                       "<SO2024040007.shipped.1716883320@example.com>"),
        ("X-Mailer", "iPhone Mail (21F90)"),
    ], body)
    emit("b_new_order_in_old_so_thread", msg)


# --- order one item, ask a quote for another -----------------------------------
def mixed_order_and_rfq():
    plain = (
        "Hi Li,\n\n"
        "Please supply 250 pcs Control board (model CB-24V) at CNY 360/pc, delivery by 21 June "
        "to our plant at No. 18 Xingye Road, Chang'an Town, Dongguan, Guangdong.\n\n"
        "Separately, could you quote us for 40 units of the B-series unit (model L-800×400)? "
        "We are only budgeting at this stage, so please don't ship these.\n\n"
        "Payment on our usual terms: 30 days from invoice.\n\n"
        "Regards,\n"
        "Daniel Ho\n"
        "Purchasing\n"
        "Lotus Packaging (Dongguan) Co., Ltd.\n"
        "Tel +86 769 8555 1234\n")
    body = alt("_000_TYZPR01MB6612A0B1C2D3E4F5TYZPR01MB6612apcp_", plain,
               html_of(plain, "Calibri"), charset="utf-8", cte="quoted-printable")
    msg = mail([
        ("From", "Daniel Ho <daniel.ho@lotus-pack.example>"),
        ("To", "Li Wei <li.rep@example.com>"),
        ("Subject", "Control boards CB-24V + quote request"),
        ("Date", "Wed, 29 May 2024 17:05:00 +0800"),
        ("Message-ID", "<TYZPR01MB6612A0B1C2D3E4F5@TYZPR01MB6612.jpnprd01.prod.outlook.example>"),
        ("Content-Language", "en-US"),
    ], body)
    emit("b_mixed_order_and_rfq", msg)


# --- accepting our quotation in its thread ---------------------------------------
def accept_quote_reply():
    plain = (
        "李经理：\n"
        "价格可以，按报价下单：\n"
        "A产品（规格L-500×300）30台，500元/台\n"
        "控制板（型号CB-24V）100块，355元/块\n"
        "6月底前送到武汉市汉阳区四新大道26号 东方自动化仓库。\n"
        "付款按报价单上的条件：预付30%，余款月结30天。\n"
        "采购单号我们走完流程后补给你。\n\n"
        "石磊\n"
        "武汉东方自动化设备有限公司\n"
        "13871234567\n\n"
        "-----原始邮件-----\n"
        "发件人：\"李伟\" <li.rep@example.com>\n"
        "发送时间：2024-05-29 16:20:11 (星期三)\n"
        "收件人：\"石磊\" <shilei@whdongfang-auto.example>\n"
        "主题：恒拓机电报价单 QT-2405-088\n\n"
        "石经理您好，报价如下：\n"
        "1. A产品 L-500×300 500元/台\n"
        "2. B产品 L-800×400 1200元/台\n"
        "3. 控制板 CB-24V 355元/块（100块以上）\n"
        "报价有效期30天，付款条件：预付30%，余款月结30天，运费我司承担。\n")
    body = alt("----=_Part_219340_1442051717.1717120800551", plain, html_of(plain, "Arial"),
               charset="UTF-8")
    msg = mail([
        ("From", addr("石磊", "shilei@whdongfang-auto.example")),
        ("To", addr("李伟", "li.rep@example.com")),
        ("Subject", ew("Re:恒拓机电报价单 QT-2405-088")),
        ("Date", "Fri, 31 May 2024 10:00:00 +0800"),
        ("Message-ID", "<6b3c2a1d.8e4f.18fcd5e6f70.Coremail.shilei@whdongfang-auto.example>"),
        ("In-Reply-To", "<QT24050088.1716970811@example.com>"),
        ("References", "<QT24050088.1716970811@example.com>"),
        ("X-Mailer", "Coremail Webmail Server Version XT5.0.14 build 20230109(dcb5de15)"),
    ], body)
    emit("b_accept_quote_reply", msg)


# --- phone order with no price at all -----------------------------------------
def no_price_phone():
    plain = (
        "李工，给我发30台A产品，6月18号前到，谢谢！\n\n"
        "蒋涛\n"
        "金华永盛电动工具有限公司\n\n"
        "发自我的华为手机\n")
    body = text("plain", plain, "utf-8", "base64", quote_charset=False)
    msg = mail([
        ("From", addr("蒋涛", "jiangtao@jhyongsheng.example")),
        ("To", "li.rep@example.com"),
        ("Subject", ew("订货")),
        ("Date", "Mon, 10 Jun 2024 19:26:00 +0800"),
        ("Message-ID", "<6f1e2d3c4b5a.20240610192600@jhyongsheng.example>"),
        ("X-Mailer", "HUAWEI Email 12.1"),
    ], body)
    emit("b_no_price_phone", msg)


# ==========================================================================
# NOT ORDERS
# ==========================================================================

def remit_payment_notice():
    plain = (
        "恒拓机电财务：\n\n"
        "我司已于今日通过工商银行支付采购单HT240416-02预付款34,650.00元"
        "（订单总额115,500.00元的30%），银行水单见附件，请查收并开具收据。\n\n"
        "明细：\n"
        "A产品 60台 30,000.00\n"
        "B产品 10台 12,000.00\n"
        "控制板 200pcs 72,000.00\n"
        "运费 1,500.00\n\n"
        "如有疑问请联系：刘芳 0791-88123457\n"
        "江西华泰汽车零部件有限公司 财务部\n")
    body = multi("mixed", "----=_NextPart_000_0029_01DAA7D3.A1B2C3D0",
                 alt("----=_NextPart_001_002A_01DAA7D3.A1B2C3D0", plain, html_of(plain, "等线"),
                     charset="gb2312", codec="gbk"),
                 attachment("image/png", tiny_png(), "工行水单20240517.png", style="2047",
                            fn_charset="gb2312"))
    msg = mail([
        ("From", addr("财务部 刘芳", "finance@jxhuatai.example", "gb2312", "gbk")),
        ("To", "finance@example.com"),
        ("Cc", "li.rep@example.com"),
        ("Subject", ew("付款通知-采购单HT240416-02预付款", "gb2312", "gbk", chunk=14)),
        ("Date", "Fri, 17 May 2024 15:30:00 +0800"),
        ("Message-ID", "<002901daa7d3$a1b2c3d0$e5f6a7b8$@jxhuatai.example>"),
        ("X-Mailer", "Microsoft Outlook 16.0"),
    ], body)
    emit("b_remit_payment_notice", msg, crlf=True)


def statement_duizhang_xlsx():
    plain = (
        "李经理：\n\n"
        "附件为我司与贵司2024年5月对账单，共3笔入库，合计应付182,620.00元，请核对后盖章回传。"
        "如无异议，6月15日安排付款。\n\n"
        "苏州鑫源电子科技有限公司 财务部\n"
        "应付会计 沈佳 0512-62851299\n")
    rows = [
        ["苏州鑫源电子科技有限公司 供应商对账单"],
        ["供应商", "杭州恒拓机电设备有限公司", "对账期间", "2024-05-01 至 2024-05-31"],
        [],
        ["入库日期", "入库单号", "采购单号", "物料编码", "物料名称", "数量", "单价", "金额"],
        ["2024-05-06", "RK240506011", "XY-PO-240418", "P004", "Control board", 500, 360, 180000],
        ["2024-05-06", "RK240506012", "XY-PO-240418", "XY-3021", "M3螺丝包", 40, 25.5, 1020],
        ["2024-05-07", "RK240507003", "XY-PO-240418", "XY-1107", "散热片", 500, 3.2, 1600],
        ["合计", "", "", "", "", "", "", 182620],
        [],
        ["期初应付", 0, "本期入库", 182620, "本期已付", 0, "期末应付", 182620],
        ["请贵司核对无误后盖章回传，逾期未回视同确认。"],
    ]
    body = multi("mixed", "----=_NextPart_665D2A30_1C2B3A49_58677685",
                 alt("----=_NextPart_665D2A30_1C2B3A49_0A1B2C3D", plain, html_of(plain),
                     charset="GB18030"),
                 attachment("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                            xlsx(rows, "对账单", {"A": 14, "B": 26, "C": 16, "D": 24}),
                            "2024年5月对账单-苏州鑫源电子.xlsx", style="2047", fn_charset="GB18030"))
    msg = mail([
        ("From", addr("应付会计 沈佳", "ap@szxinyuan.example", "GB18030")),
        ("To", "li.rep@example.com"),
        ("Cc", "finance@example.com"),
        ("Subject", ew("2024年5月对账单（苏州鑫源电子）请核对", "GB18030", chunk=12)),
        ("Date", "Mon, 3 Jun 2024 10:00:00 +0800"),
        ("Message-ID", "<tencent_7D6C5B4A39281706F5E4D3C2B1A09F8E7D6C@qq.com>"),
        ("X-Mailer", "QQMail 2.x"),
    ], body)
    emit("b_statement_duizhang_xlsx", msg)


def invoice_info_kaipiao():
    plain = (
        "您好，\n"
        "CGDD20240425003 的货已收到，数量无误。麻烦按以下开票信息开具13%增值税专用发票，金额8,625.00元：\n\n"
        "名称：宁波甬江塑胶制品有限公司\n"
        "税号：91330206MA2H7K3X0K\n"
        "地址、电话：浙江省宁波市北仑区大港工业城黄山西路218号 0574-87651200\n"
        "开户行及账号：中国银行宁波北仑支行 3573 5812 0000\n\n"
        "纸质发票请寄：宁波市北仑区黄山西路218号 财务部 潘婷 收，电话 0574-87651211\n"
        "谢谢！\n\n"
        "潘婷 | 会计\n"
        "宁波甬江塑胶制品有限公司\n")
    body = alt("----=_Part_31842_98213377.1717551600442", plain, html_of(plain), charset="UTF-8")
    msg = mail([
        ("From", addr("潘婷", "panting@yjplastic.example")),
        ("To", "finance@example.com"),
        ("Subject", ew("开票信息-宁波甬江塑胶-CGDD20240425003")),
        ("Date", "Wed, 5 Jun 2024 09:40:00 +0800"),
        ("Message-ID", "<1717551600442.31842.panting@yjplastic.example>"),
    ], body)
    emit("b_invoice_info_kaipiao", msg)


def rfq_xunjia_cn():
    plain = (
        "恒拓机电：\n\n"
        "我司新项目拟采购以下产品，请报含税含运费价格及交期：\n"
        "1. A产品，规格L-500×300，预计500台\n"
        "2. 控制板，型号CB-24V，预计1000块\n"
        "要求：7月31日前交货至成都市龙泉驿区车城东六路9号。\n"
        "付款方式希望月结60天。\n"
        "请于6月14日前回复报价单，报价有效期不少于30天。\n\n"
        "唐静\n"
        "成都天府汽车部件有限公司 采购部\n"
        "028-84851234\n")
    body = alt("----=_NextPart_000_0012_01DABBE0.7F8E9DA0", plain, html_of(plain, "等线"),
               charset="gb2312")
    msg = mail([
        ("From", addr("采购 唐静", "tangjing@cdtianfu-auto.example", "gb2312")),
        ("To", "sales@example.com"),
        ("Subject", ew("询价：A产品/控制板 请报价", "gb2312")),
        ("Date", "Tue, 11 Jun 2024 14:20:00 +0800"),
        ("Message-ID", "<001201dabbe0$7f8e9da0$6e9bd8e0$@cdtianfu-auto.example>"),
        ("X-Mailer", "Microsoft Outlook 16.0"),
    ], body)
    emit("b_rfq_xunjia_cn", msg)


def rfq_en_not_po():
    plain = (
        "Dear Sir or Madam,\n\n"
        "We are sourcing control boards for a new valve actuator line and would welcome your offer.\n\n"
        "RFQ no.: RFQ-2024-118\n"
        "Item: Control board, model CB-24V\n"
        "Quantity: 2,000 pcs first lot, approx. 5,000 pcs per year\n"
        "Target delivery (first lot): 15 July 2024, DAP Vicenza\n\n"
        "Please state unit price, MOQ, lead time and payment terms (we usually work with 60 days).\n"
        "Deadline for offers: 31 May 2024.\n\n"
        "Please note this is a request for quotation only and not a purchase order.\n\n"
        "Best regards,\n"
        "Maria Rossi\n"
        "Strategic Sourcing\n"
        "Veneta Valvole S.p.A.\n"
        "+39 0444 123456\n")
    body = text("plain", plain, "UTF-8", "7bit", quote_charset=False)
    msg = mail([
        ("From", "Maria Rossi <m.rossi@veneta-valvole.example.it>"),
        ("To", "sales@example.com"),
        ("Subject", "RFQ-2024-118: control boards CB-24V, 5,000 pcs/year"),
        ("Date", "Thu, 16 May 2024 16:45:00 +0200"),
        ("Message-ID", "<VI1PR07MB4432C0D1E2F3A4B5@VI1PR07MB4432.eurprd07.prod.outlook.example>"),
        ("Content-Language", "it-IT"),
    ], body)
    emit("b_rfq_en_not_po", msg)


def supplier_shipping_notice():
    plain = (
        "杭州恒拓机电设备有限公司 采购部：\n\n"
        "【发货通知】贵司采购单 HT-P-0520 已于今日发货。\n"
        "物流公司：德邦快递  运单号：DPK301234567890\n"
        "发货明细：\n"
        "冷轧钢板 SPCC 1.5×1250×2500mm  5.2吨\n"
        "冷轧钢板 SPCC 2.0×1250×2500mm  3.8吨\n"
        "预计5月23日送达贵司仓库（杭州市萧山区经济技术开发区），请安排人员收货并签回送货单。\n\n"
        "江苏润钢金属材料有限公司 销售内勤 许静\n"
        "0512-58661234\n")
    body = alt("----=_Part_55012_410993822.1716282000120", plain, html_of(plain), charset="UTF-8")
    msg = mail([
        ("From", addr("润钢金属 销售内勤", "sales@rungang-steel.example")),
        ("To", "purchase@example.com"),
        ("Subject", ew("【发货通知】贵司采购单HT-P-0520已发货", chunk=12)),
        ("Date", "Tue, 21 May 2024 17:00:00 +0800"),
        ("Message-ID", "<1716282000120.55012.sales@rungang-steel.example>"),
    ], body)
    emit("b_supplier_shipping_notice", msg)


def complaint_no_thread():
    plain = (
        "李经理，\n"
        "上周五到的货有问题：A产品有2台外壳变形，控制板少了5块，照片见附件。\n"
        "请尽快把少的5块补发过来，变形的2台给我们换掉，来回运费你们出。\n"
        "这批货我们急用，今天给个答复。\n\n"
        "孙建国\n"
        "温州鑫达阀门厂\n"
        "13857712345\n")
    body = multi("mixed", "----=_Part_120441_1730401219.1716166200981",
                 alt("----=_Part_120442_1730401219.1716166200981", plain, html_of(plain, "Arial"),
                     charset="UTF-8"),
                 attachment("image/png", tiny_png(480, 640, 128), "IMG_20240520_083012.png"),
                 attachment("image/png", tiny_png(480, 640, 140), "IMG_20240520_083047.png"))
    msg = mail([
        ("From", addr("孙建国", "sunjianguo_wz@163.example", "UTF-8")),
        ("To", "li.rep@example.com"),
        ("Subject", ew("上批货有问题", "UTF-8")),
        ("Date", "Mon, 20 May 2024 08:50:00 +0800 (CST)"),
        ("Message-ID", "<1a2b3c4d.5e6f.18f94b2c3d4.Coremail.sunjianguo_wz@163.example>"),
        ("X-Mailer", "Coremail Webmail Server Version XT5.0.14 build 20230109(dcb5de15)"),
    ], body)
    emit("b_complaint_no_thread", msg)


def sample_request():
    plain = (
        "Dear Mr. Li,\n\n"
        "Thank you for the catalogue. Could you send us 2 pcs samples of the Control board CB-24V "
        "for testing? We will pay the courier: DHL account 963852741.\n\n"
        "Sample address: Saigon Mechanical JSC, Lot C5, Tan Thuan EPZ, District 7, Ho Chi Minh City, Vietnam. "
        "Attn: Ms. Nguyen Thi Lan, +84 28 3770 1234.\n\n"
        "If the test passes we plan to order about 3,000 pcs in Q3.\n\n"
        "Best regards,\n"
        "Nguyen Thi Lan\n"
        "Purchasing, Saigon Mechanical JSC\n")
    body = alt("000000000000f1e2d3c4b50619c0d1e2", plain, html_of(plain, "arial,sans-serif"),
               charset="UTF-8", cte="quoted-printable")
    msg = mail([
        ("From", addr("Nguyễn Thị Lan", "lan.nguyen@saigonmech.example.vn", "UTF-8", enc="Q")),
        ("To", "li.rep@example.com"),
        ("Subject", "Sample request - Control board CB-24V"),
        ("Date", "Fri, 7 Jun 2024 10:10:00 +0700"),
        ("Message-ID", "<CAN7r2Lq9Pw4Xz0Ty6Bn3Mk8Vd1Sf5Gh2Jc7Ae9Ru4Oi0Ql@mail.gmail.com>"),
    ], body)
    emit("b_sample_request", msg)


def pricelist_request():
    plain = (
        "李经理，麻烦把你们2024年最新的价格表和产品目录发我一份，PDF就行。"
        "下半年我们可能要换一批B产品，先比比价。\n\n"
        "谢谢\n"
        "冯磊 | 扬州润达机械有限公司\n\n"
        "发自我的iPhone\n")
    body = text("plain", plain, "utf-8", "quoted-printable", quote_charset=False)
    msg = mail([
        ("From", addr("冯磊", "fenglei@yzrunda.example")),
        ("To", "li.rep@example.com"),
        ("Subject", ew("价格表")),
        ("Date", "Sat, 1 Jun 2024 09:12:00 +0800"),
        ("Message-ID", "<0B1C2D3E-4F5A-4B6C-8D7E-9F0A1B2C3D4E@yzrunda.example>"),
        ("X-Mailer", "iPhone Mail (21F90)"),
    ], body, mime_version="1.0 (1.0)")
    emit("b_pricelist_request", msg)


def supplier_order_confirmation():
    plain = (
        "杭州恒拓机电设备有限公司 采购部 钱先生：\n\n"
        "感谢惠顾！贵司采购单 HT-P-0528 我司已确认，订单确认书如下：\n\n"
        "确认书编号：OC-240528-017\n"
        "品名：深沟球轴承  型号：6205-2RS  数量：2000套  单价：6.20元  金额：12,400.00元\n"
        "品名：深沟球轴承  型号：6305-ZZ   数量：500套   单价：9.80元  金额：4,900.00元\n"
        "合计：17,300.00元（含13%增值税，含运费）\n"
        "交货日期：2024年6月15日\n"
        "交货地点：贵司萧山仓库\n"
        "付款方式：月结30天\n\n"
        "请核对，如无异议请盖章回传。\n\n"
        "宁波精工轴承有限公司 销售部 王静\n"
        "0574-63121234\n")
    body = alt("----=_NextPart_000_0055_01DAB0F2.1A2B3C40", plain, html_of(plain, "宋体"),
               charset="gb2312")
    msg = mail([
        ("From", addr("宁波精工轴承 销售部", "sales@nbjinggong-bearing.example", "gb2312")),
        ("To", "purchase@example.com"),
        ("Subject", ew("订单确认：贵司采购单HT-P-0528", "gb2312")),
        ("Date", "Tue, 28 May 2024 16:18:00 +0800"),
        ("Message-ID", "<005501dab0f2$1a2b3c40$4f5e6d70$@nbjinggong-bearing.example>"),
        ("X-Mailer", "Microsoft Outlook 16.0"),
    ], body)
    emit("b_supplier_order_confirmation", msg)


def newsletter_promo():
    html = (
        "<html><head><meta charset=\"utf-8\"></head><body style=\"background:#f4f4f4\">\n"
        "<table width=\"600\" align=\"center\" style=\"background:#fff\"><tr><td>\n"
        "<h1 style=\"color:#c00\">钢材价格周报 · 第22期</h1>\n"
        "<p>尊敬的客户：本周华东地区钢材价格稳中有降，以下为会员专享价：</p>\n"
        "<table border=\"1\" cellpadding=\"6\">\n"
        "<tr><th>品名</th><th>规格</th><th>单位</th><th>会员价</th><th>起订量</th></tr>\n"
        "<tr><td>热轧卷板</td><td>Q235B 5.75×1500</td><td>吨</td><td>3,850元</td><td>20吨</td></tr>\n"
        "<tr><td>冷轧卷板</td><td>SPCC 1.0×1250</td><td>吨</td><td>4,420元</td><td>10吨</td></tr>\n"
        "<tr><td>镀锌钢管</td><td>DN50×3.5mm</td><td>米</td><td>24元</td><td>1000米</td></tr>\n"
        "</table>\n"
        "<p><a href=\"https://mall.metalprice.example/order?utm_source=weekly22\" "
        "style=\"background:#c00;color:#fff;padding:8px 20px\">立即订购</a></p>\n"
        "<p>限时活动：6月30日前下单满50吨包邮。</p>\n"
        "<p style=\"font-size:12px;color:#999\">您收到此邮件是因为您订阅了钢价网周报。"
        "<a href=\"https://www.metalprice.example/unsubscribe?u=8a7b6c\">退订</a></p>\n"
        "</td></tr></table></body></html>\n")
    plain = ("钢材价格周报 · 第22期\n本周华东地区钢材价格稳中有降。\n"
             "热轧卷板 Q235B 5.75×1500 3,850元/吨 起订20吨\n"
             "冷轧卷板 SPCC 1.0×1250 4,420元/吨 起订10吨\n"
             "镀锌钢管 DN50×3.5mm 24元/米 起订1000米\n"
             "立即订购：https://mall.metalprice.example/order\n"
             "退订：https://www.metalprice.example/unsubscribe?u=8a7b6c\n")
    body = alt("=_mp_weekly_22_b7c8d9e0", plain, html, charset="utf-8")
    msg = mail([
        ("From", addr("钢价网", "newsletter@metalprice.example")),
        ("To", "li.rep@example.com"),
        ("Subject", ew("【钢价周报22期】热卷3850元/吨，会员专享价速抢！", chunk=12)),
        ("Date", "Mon, 27 May 2024 07:30:00 +0800"),
        ("Message-ID", "<weekly22.8a7b6c.1716766200@mailer.metalprice.example>"),
        ("List-Unsubscribe", "<https://www.metalprice.example/unsubscribe?u=8a7b6c>, "
                             "<mailto:unsubscribe@metalprice.example?subject=8a7b6c>"),
        ("List-Id", "metalprice weekly <weekly.metalprice.example>"),
        ("Precedence", "bulk"),
        ("X-Mailer", "EDM Sender 3.2"),
    ], body)
    emit("b_newsletter_promo", msg)


def meeting_notes_quantities():
    plain = (
        "各位，\n\n"
        "今天与华东精密机械（王先生、采购部刘工）季度沟通会纪要如下：\n"
        "1. 客户Q3预计采购A产品300台、B产品50台，控制板约2000块，具体以客户正式采购单为准。\n"
        "2. 价格维持现行报价（A产品500元/台，B产品1200元/台）。\n"
        "3. 客户希望交期缩短到10个工作日，请生产部评估。\n"
        "4. 客户7月初发正式采购单；8月15日前需首批到货。\n"
        "5. 下次会议：7月10日 14:00，客户方。\n\n"
        "行动项：\n"
        "- 生产部（张工）：6月20日前回复交期评估\n"
        "- 李伟：更新报价单发客户确认\n\n"
        "李伟\n销售部\n")
    body = alt("----=_NextPart_000_0021_01DAB59A.0C1D2E30", plain, html_of(plain, "等线"),
               charset="utf-8")
    msg = mail([
        ("From", addr("李伟", "li.rep@example.com")),
        ("To", "sales-team@example.com"),
        ("Cc", "production@example.com, orders@example.com"),
        ("Subject", ew("会议纪要：华东精密机械Q3沟通会", chunk=12)),
        ("Date", "Mon, 3 Jun 2024 17:40:00 +0800"),
        ("Message-ID", "<002101dab59a$0c1d2e30$24576f90$@example.com>"),
        ("X-Mailer", "Microsoft Outlook 16.0"),
    ], body)
    emit("b_meeting_notes_quantities", msg)


def job_application():
    plain = (
        "尊敬的HR：\n\n"
        "您好！我在BOSS直聘上看到贵司招聘销售助理，特来应聘。\n"
        "本人2021年毕业于浙江工业大学国际贸易专业，曾在一家五金外贸公司做了两年跟单，"
        "负责每月约200张销售订单的录入、跟踪发货和对账，熟悉金蝶K3和用友U8。\n"
        "期望薪资6000-8000元/月，可于7月1日到岗。简历见附件，期待您的回复。\n\n"
        "王小雨\n"
        "电话：15168891234\n")
    pdf = tiny_pdf(["CURRICULUM VITAE - WANG XIAOYU", "Zhejiang University of Technology, 2021",
                    "Sales assistant, 2021-2023: ~200 sales orders per month",
                    "ERP: Kingdee K3, Yonyou U8", "Mobile: 15168891234"])
    body = multi("mixed", "----=_NextPart_6659F1A0_2B3C4D5E_6F708192",
                 alt("----=_NextPart_6659F1A0_2B3C4D5E_0102A3B4", plain, html_of(plain),
                     charset="GB18030"),
                 attachment("application/pdf", pdf, "王小雨-销售助理-简历.pdf", style="2047",
                            fn_charset="GB18030"))
    msg = mail([
        ("From", addr("王小雨", "wangxiaoyu1999@qq.example", "GB18030")),
        ("To", "hr@example.com"),
        ("Cc", "orders@example.com"),
        ("Subject", ew("应聘-销售助理-王小雨", "GB18030")),
        ("Date", "Fri, 31 May 2024 22:05:00 +0800"),
        ("Message-ID", "<tencent_1F2E3D4C5B6A79880F1E2D3C4B5A69788796@qq.com>"),
        ("X-Mailer", "QQMail 2.x"),
    ], body)
    emit("b_job_application", msg)


def spam_fapiao():
    plain = (
        "您好！\n"
        "本公司常年代开各地增值税专用发票（13%、9%、6%），普通发票，建筑、运输、餐饮均可。\n"
        "点数优惠，可先验票后付款，网上可查。\n"
        "另有大量现货：钢材、电缆、办公用品，数量不限，量大从优。\n"
        "联系人：陈经理  手机/微信：13800138000\n"
        "QQ：88886666\n")
    body = text("plain", plain, "gb2312", "base64")
    msg = mail([
        ("From", addr("陈经理", "xk20240603@vip-fp.example", "gb2312")),
        ("To", "orders@example.com"),
        ("Subject", ew("代开发票13%专票，点数低，可验证", "gb2312")),
        ("Date", "Mon, 3 Jun 2024 03:14:15 +0800"),
        ("Message-ID", "<20240603031415.88886666@vip-fp.example>"),
        ("X-Mailer", "Microsoft Outlook Express 6.00.2900.5512"),
    ], body)
    emit("b_spam_fapiao", msg)


def einvoice_notice():
    plain = (
        "尊敬的客户，您好：\n\n"
        "您收到一张电子发票，信息如下：\n"
        "销售方：宁波精工轴承有限公司\n"
        "购买方：杭州恒拓机电设备有限公司\n"
        "发票号码：24332000000012345678\n"
        "开票日期：2024年06月04日\n"
        "项目名称：*轴承*深沟球轴承 6205-2RS  数量：2000  单价：5.49  金额：10,973.45  税额：1,426.55\n"
        "价税合计：￥12,400.00\n\n"
        "请点击链接下载发票PDF/OFD文件：https://inv.nuonuo.example/d/8f7e6d5c\n"
        "本邮件由系统自动发送，请勿回复。\n")
    body = alt("=_nuonuo_2024060411300001", plain, html_of(plain), charset="utf-8")
    msg = mail([
        ("From", addr("诺诺发票", "invoice@nuonuo.example")),
        ("To", "finance@example.com"),
        ("Subject", ew("【电子发票】您收到一张宁波精工轴承有限公司开具的发票", chunk=12)),
        ("Date", "Tue, 4 Jun 2024 11:30:00 +0800"),
        ("Message-ID", "<24332000000012345678.1717471800@nuonuo.example>"),
        ("Auto-Submitted", "auto-generated"),
    ], body)
    emit("b_einvoice_notice", msg)


def forecast_not_po():
    plain = (
        "SUPPLIER PLANNING SCHEDULE (FORECAST) - THIS IS NOT A PURCHASE ORDER\n\n"
        "Customer:      Apex Motion Systems (Suzhou) Co., Ltd.\n"
        "Supplier:      Hangzhou Hengtuo Electromechanical Co., Ltd. (vendor 20417)\n"
        "Schedule no.:  FC-2024-W23\n"
        "Issued:        2024-06-05\n\n"
        "Item          Description      UoM   Jul-2024   Aug-2024   Sep-2024\n"
        "P004          Control board    PCS      1,200      1,500      1,500\n"
        "P001          A-type unit      EA          40         60         60\n\n"
        "This forecast is for capacity planning only and does not authorise shipment,\n"
        "production or purchase of materials. Firm requirements will be released by\n"
        "purchase order through the supplier portal.\n\n"
        "Oracle iSupplier Portal - automated notification\n")
    body = text("plain", plain, "us-ascii", "7bit", quote_charset=False)
    msg = mail([
        ("From", "Oracle iSupplier <isupplier-noreply@apexmotion.example>"),
        ("To", "orders@example.com"),
        ("Subject", "Planning Schedule FC-2024-W23 (forecast, not a PO)"),
        ("Date", "Wed, 5 Jun 2024 06:00:00 +0800"),
        ("Message-ID", "<FC-2024-W23.20417.1717538400@isupplier.apexmotion.example>"),
        ("Auto-Submitted", "auto-generated"),
    ], body)
    emit("b_forecast_not_po", msg)


def stock_hold_wecom():
    lines = [
        "李工，下个月我们可能要上新线，A产品大概要50台，",
        "你先帮我看看库存，能不能先留着？价格还是500吧？",
        "等老板批了我再正式下单，估计下周能定。",
        "",
        "卢海峰 | 嘉善恒远机械有限公司",
        "（发自企业微信）",
    ]
    html = ('<html><head><meta charset="UTF-8"></head><body>'
            + "".join(f"<div>{l or '<br/>'}</div>" for l in lines) + "</body></html>\n")
    body = text("html", html, "UTF-8", "base64", quote_charset=False)
    msg = mail([
        ("From", addr("卢海峰", "luhf@jshengyuan.example")),
        ("To", addr("李工", "li.rep@example.com")),
        ("Subject", ew("A产品库存")),
        ("Date", "Sun, 9 Jun 2024 20:12:00 +0800"),
        ("Message-ID", "<tencent_wework_7E8D9C0B1A2F3E4D@exmail.jshengyuan.example>"),
        ("X-Mailer", "WXWork Mail"),
    ], body)
    emit("b_stock_hold_wecom", msg)


def bounce_dsn():
    inner_plain = (
        "华东精密机械有限公司 王先生：\n\n"
        "您的订单已收到，请确认以下客户需求清单（附件为PDF）：\n"
        "订单号：SO2024050031\n"
        "A产品 L-500×300 100台 × 500.00 = 50,000.00\n"
        "运费 800.00，实付金额 50,800.00\n"
        "要求交货日期：2024-06-15\n"
        "付款方式：预付30%\n\n"
        "回复“确认”即可。\n")
    inner = mail([
        ("From", "orderloop <orders@example.com>"),
        ("To", "purchse@huadong.example"),
        ("Subject", "[SO2024050031] " + ew("请确认客户需求清单") + " / Please confirm"),
        ("Date", "Wed, 29 May 2024 09:00:02 +0800"),
        ("Message-ID", "<SO2024050031.requirements.1716944402@example.com>"),
    ], text("plain", inner_plain, "utf-8", "base64"))
    explain = (
        "This is the mail system at host mx.example.com.\n\n"
        "I'm sorry to have to inform you that your message could not\n"
        "be delivered to one or more recipients. It's attached below.\n\n"
        "                   The mail system\n\n"
        "<purchse@huadong.example>: host mx.huadong.example[203.0.113.25] said: 550\n"
        "    5.1.1 <purchse@huadong.example>: Recipient address rejected: User unknown\n"
        "    (in reply to RCPT TO command)\n")
    d1 = Message()
    d1["Reporting-MTA"] = "dns; mx.example.com"
    d1["X-Postfix-Queue-ID"] = "4VqK1X2Yz3"
    d1["Arrival-Date"] = "Wed, 29 May 2024 09:00:02 +0800 (CST)"
    d2 = Message()
    d2["Final-Recipient"] = "rfc822; purchse@huadong.example"
    d2["Original-Recipient"] = "rfc822;purchse@huadong.example"
    d2["Action"] = "failed"
    d2["Status"] = "5.1.1"
    d2["Remote-MTA"] = "dns; mx.huadong.example"
    d2["Diagnostic-Code"] = "smtp; 550 5.1.1 <purchse@huadong.example>: Recipient address rejected: User unknown"
    dsn = Message()
    dsn["Content-Type"] = "message/delivery-status"
    dsn.set_payload([d1, d2])
    rfc = Message()
    rfc["Content-Type"] = "message/rfc822"
    rfc.set_payload([inner])
    expl = text("plain", explain, "us-ascii", "7bit", quote_charset=False)
    expl["Content-Description"] = "Notification"
    dsn["Content-Description"] = "Delivery report"
    rfc["Content-Description"] = "Undelivered Message"
    body = multi("report", "4VqK1X2Yz3.1716944403/mx.example.com", expl, dsn, rfc,
                 extra=" report-type=delivery-status;")
    msg = mail([
        ("Return-Path", "<>"),
        ("From", "MAILER-DAEMON@mx.example.com (Mail Delivery System)"),
        ("To", "orders@example.com"),
        ("Subject", "Undelivered Mail Returned to Sender"),
        ("Date", "Wed, 29 May 2024 09:00:03 +0800 (CST)"),
        ("Message-ID", "<20240529010003.5B7C81A2C4@mx.example.com>"),
        ("Auto-Submitted", "auto-replied"),
    ], body)
    emit("b_bounce_dsn", msg)


def ooo_in_thread_no_headers():
    plain = (
        "您好，我于6月3日至6月7日休假，期间不便查看邮件。\n"
        "订单相关事宜请联系采购部刘工 0791-88123458，急事请打我手机。\n"
        "谢谢！\n\n"
        "陈喆\n"
        "江西华泰汽车零部件有限公司\n")
    body = alt("----=_NextPart_000_0044_01DAB5B0.11223340", plain, html_of(plain, "等线"),
               charset="gb2312", codec="gbk")
    msg = mail([
        ("From", addr("陈喆", "chenzhe@jxhuatai.example", "gb2312", "gbk")),
        ("To", "orders@example.com"),
        ("Subject", ew("自动答复: ", "gb2312", "gbk") + " [SO2024060003] "
         + ew("请确认客户需求清单", "gb2312", "gbk") + " / Please confirm"),
        ("Date", "Mon, 3 Jun 2024 09:30:05 +0800"),
        ("Message-ID", "<004401dab5b0$11223340$33445566$@jxhuatai.example>"),
        ("In-Reply-To", "<SO2024060003.requirements.1717378200@example.com>"),
        ("References", "<SO2024060003.requirements.1717378200@example.com>"),
        ("X-Mailer", "Microsoft Outlook 16.0"),
    ], body)
    emit("b_ooo_in_thread_no_headers", msg, crlf=True)


# --- replies in our order threads ---------------------------------------------

def reply_confirm_requirements():
    plain = (
        "确认无误，请按此安排生产发货。\n\n"
        "赵倩\n"
        "杭州余杭包装设备有限公司\n\n"
        "------------------ 原始邮件 ------------------\n"
        "发件人: \"orderloop\"<orders@example.com>;\n"
        "发送时间: 2024年5月8日(星期三) 上午10:40\n"
        "收件人: \"赵倩\"<zhaoqian@yhpack.example>;\n"
        "主题: [SO2024050012] 请确认客户需求清单 / Please confirm\n\n"
        "订单号：SO2024050012\n"
        "控制板 CB-24V 200块 × 360.00 = 72,000.00\n"
        "要求交货日期：2024-05-31\n"
        "付款方式：月结30天\n"
        "如无误请回复“确认”；如需修改请直接写明。\n")
    body = alt("----=_NextPart_663AE8F1_0B1C2D3E_4F506172", plain, html_of(plain),
               charset="GB18030")
    msg = mail([
        ("From", addr("赵倩", "zhaoqian@yhpack.example", "GB18030")),
        ("To", "orders@example.com"),
        ("Subject", "Re: [SO2024050012] " + ew("请确认客户需求清单", "GB18030") + " / Please confirm"),
        ("Date", "Wed, 8 May 2024 13:05:00 +0800"),
        ("Message-ID", "<tencent_2A3B4C5D6E7F8091A2B3C4D5E6F708192A3B@qq.com>"),
        ("In-Reply-To", "<SO2024050012.requirements.1715136000@example.com>"),
        ("References", "<SO2024050012.requirements.1715136000@example.com>"),
        ("X-Mailer", "QQMail 2.x"),
    ], body)
    emit("b_reply_confirm_requirements", msg)


def reply_change_quantity():
    plain = (
        "李工：\n"
        "数量麻烦从200块改成260块，交期不变。\n"
        "谢谢\n\n"
        "赵倩\n\n"
        "------------------ 原始邮件 ------------------\n"
        "发件人: \"orderloop\"<orders@example.com>;\n"
        "发送时间: 2024年5月9日(星期四) 下午3:00\n"
        "主题: [SO2024050012] 订单已生效 / Order effective\n\n"
        "您的订单 SO2024050012 已生效。\n")
    body = alt("----=_NextPart_663C6A10_1C2D3E4F_50617283", plain, html_of(plain),
               charset="GB18030")
    msg = mail([
        ("From", addr("赵倩", "zhaoqian@yhpack.example", "GB18030")),
        ("To", "orders@example.com"),
        ("Subject", "Re: [SO2024050012] " + ew("订单已生效", "GB18030") + " / Order effective"),
        ("Date", "Fri, 10 May 2024 08:45:00 +0800"),
        ("Message-ID", "<tencent_3B4C5D6E7F8091A2B3C4D5E6F708192A3B4C@qq.com>"),
        ("In-Reply-To", "<SO2024050012.effective.1715238000@example.com>"),
        ("References", "<SO2024050012.requirements.1715136000@example.com> "
                       "<SO2024050012.effective.1715238000@example.com>"),
        ("X-Mailer", "QQMail 2.x"),
    ], body)
    emit("b_reply_change_quantity", msg)


def reply_cancel_no_tag():
    plain = (
        "李经理：\n"
        "请取消这个订单，我们的项目延期到明年了。\n"
        "给您添麻烦了。\n\n"
        "黄磊\n"
        "苏州鑫源电子科技有限公司\n")
    body = alt("----=_NextPart_66580A2C_2D3E4F50_61728394", plain, html_of(plain),
               charset="GB18030")
    msg = mail([
        ("From", addr("Purchasing 黄磊", "huanglei@szxinyuan.example", "GB18030")),
        ("To", "orders@example.com"),
        ("Subject", ew("回复：订单进度", "GB18030")),
        ("Date", "Thu, 30 May 2024 14:10:00 +0800"),
        ("Message-ID", "<tencent_4C5D6E7F8091A2B3C4D5E6F708192A3B4C5D@qq.com>"),
        ("In-Reply-To", "<SO2024050021.effective.1716360000@example.com>"),
        ("References", "<SO2024050021.requirements.1716280000@example.com> "
                       "<SO2024050021.effective.1716360000@example.com>"),
        ("X-Mailer", "QQMail 2.x"),
    ], body)
    emit("b_reply_cancel_no_tag", msg)


def reply_survey_score():
    plain = (
        "评分：5\n"
        "质量符合预期，按时到货。\n\n"
        "赵敏\n\n"
        "> 在 2024年6月2日 09:00，orders@example.com 写道：\n"
        "> 您的订单 SO2024040007 已签收三天。请为本次服务打分（1-5分）：质量是否符合预期？是否按时到货？\n")
    body = text("plain", plain, "utf-8", "quoted-printable", quote_charset=False)
    msg = mail([
        ("From", addr("赵敏", "zhao@qiming.example")),
        ("To", "orders@example.com"),
        ("Subject", "Re: [SO2024040007] " + ew("满意度调查") + " / Satisfaction survey"),
        ("Date", "Sun, 2 Jun 2024 20:15:00 +0800"),
        ("Message-ID", "<9A8B7C6D-5E4F-4A3B-9C2D-1E0F9A8B7C6D@qiming.example>"),
        ("In-Reply-To", "<SO2024040007.survey.1717290000@example.com>"),
        ("References", "<SO2024040007.survey.1717290000@example.com>"),
        ("X-Mailer", "iPhone Mail (21F90)"),
    ], body)
    emit("b_reply_survey_score", msg)


def reply_complaint_short():
    plain = (
        "李工：\n"
        "今天到货，控制板少了2箱，请尽快补发。\n\n"
        "何晓东\n"
        "（发自企业微信）\n\n"
        "-----原始邮件-----\n"
        "发件人：orderloop <orders@example.com>\n"
        "主题：[SO2024060011] 发货通知 / Shipped\n"
        "您的订单 SO2024060011 已发货，承运商：德邦，运单号：DPK309988776655，件数：6。\n")
    body = text("plain", plain, "UTF-8", "base64", quote_charset=False)
    msg = mail([
        ("From", addr("何晓东", "hexd@gdzhenhua.example")),
        ("To", "orders@example.com"),
        ("Subject", "Re: [SO2024060011] " + ew("发货通知") + " / Shipped"),
        ("Date", "Wed, 12 Jun 2024 16:40:00 +0800"),
        ("Message-ID", "<tencent_wework_9C0D1E2F3A4B5C6D@exmail.gdzhenhua.example>"),
        ("In-Reply-To", "<SO2024060011.shipped.1718010000@example.com>"),
        ("References", "<SO2024060011.shipped.1718010000@example.com>"),
        ("X-Mailer", "WXWork Mail"),
    ], body)
    emit("b_reply_complaint_short", msg)


def order_status_inquiry():
    plain = (
        "李工，我们5月8号下的那单控制板200块什么时候能发？月底前一定要到，产线等着用。\n"
        "麻烦查一下给个准信。\n\n"
        "赵倩\n"
        "杭州余杭包装设备有限公司\n")
    body = alt("----=_NextPart_6650A8B2_3E4F5061_72839405", plain, html_of(plain),
               charset="GB18030")
    msg = mail([
        ("From", addr("赵倩", "zhaoqian@yhpack.example", "GB18030")),
        ("To", "li.rep@example.com"),
        ("Subject", ew("控制板什么时候发货？", "GB18030")),
        ("Date", "Fri, 24 May 2024 16:30:00 +0800"),
        ("Message-ID", "<tencent_5D6E7F8091A2B3C4D5E6F708192A3B4C5D6E@qq.com>"),
        ("X-Mailer", "QQMail 2.x"),
    ], body)
    emit("b_order_status_inquiry", msg)


ALL = [
    # orders
    outlook_gbk_html_table, repeat_same_as_last_month, repeat_no_item_list,
    thread_smalltalk_quoted_old_order, attach_csv_gbk, attach_xlsx_po_en, erp_sap_po,
    erp_kingdee_po_html, erp_yonyou_xlsx, blanket_release_schedule, multi_address_split,
    hk_big5_traditional, tw_minguo_date, english_uk_net45, german_bestellung_latin1,
    japanese_iso2022jp, iphone_sunday_casual, wecom_mail_order, discount_freight_163,
    tax_inclusive_gb18030, tax_exclusive_vat_total, forwarded_by_rep, cn_numerals_fullwidth,
    custom_needs_drawing, asap_vague_delivery, past_date_typo, line_amount_typo,
    total_forgot_freight, new_order_in_old_so_thread, mixed_order_and_rfq, accept_quote_reply,
    no_price_phone,
    # not orders
    remit_payment_notice, statement_duizhang_xlsx, invoice_info_kaipiao, rfq_xunjia_cn,
    rfq_en_not_po, supplier_shipping_notice, complaint_no_thread, sample_request,
    pricelist_request, supplier_order_confirmation, newsletter_promo, meeting_notes_quantities,
    job_application, spam_fapiao, einvoice_notice, forecast_not_po, stock_hold_wecom,
    order_status_inquiry, bounce_dsn, ooo_in_thread_no_headers,
    # replies in our threads
    reply_confirm_requirements, reply_change_quantity, reply_cancel_no_tag,
    reply_survey_score, reply_complaint_short,
]


def main() -> None:
    for fn in ALL:
        fn()
    for name, data in sorted(OUT.items()):
        assert name.startswith("b_"), name
        (HERE / f"{name}.eml").write_bytes(data)
    print(f"wrote {len(OUT)} emails to {HERE}")


if __name__ == "__main__":
    main()
