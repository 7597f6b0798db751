"""Regenerate the labelled emails that cannot be typed by hand: those with
binary attachments (CSV in UTF-8 with BOM and in GBK, XLSX, text PDFs made
with WeasyPrint, a JPEG photo), bodies in GBK/GB2312/GB18030, multipart
HTML mail with inline images, and calendar invitations.

    .venv/bin/python tests/labelled/make_attachments.py

The .eml files are committed as they are; this script is for regeneration
only and is deterministic (fixed MIME boundaries, fixed XLSX timestamps,
WeasyPrint's PDFs carry no date). The expected NAME.json beside each email
is written by hand and never produced here.
"""
from __future__ import annotations

import base64
import csv
import datetime as dt
import io
import quopri
import zipfile
from email.header import Header
from pathlib import Path

HERE = Path(__file__).resolve().parent
PIPELINE = "orders@example.com"

# --------------------------------------------------------------------------- MIME building


def encoded_word(text: str, charset: str = "utf-8") -> str:
    """An RFC 2047 header value ("=?GBK?B?...?="), ASCII text left alone."""
    try:
        text.encode("ascii")
        return text
    except UnicodeEncodeError:
        return Header(text, charset).encode(linesep="\n")


def address(name: str | None, addr: str, charset: str = "utf-8") -> str:
    if not name:
        return addr
    try:
        name.encode("ascii")
        return f'"{name}" <{addr}>'
    except UnicodeEncodeError:
        return f"{encoded_word(name, charset)} <{addr}>"


def b64(data: bytes) -> str:
    return base64.encodebytes(data).decode("ascii")


def qp(data: bytes) -> str:
    return quopri.encodestring(data).decode("ascii")


class Part:
    """One MIME part as header lines and an encoded body."""

    def __init__(self, headers: list[str], body: str) -> None:
        self.headers, self.body = headers, body

    def render(self) -> str:
        return "\n".join(self.headers) + "\n\n" + self.body.rstrip("\n") + "\n"


def text_part(text: str, subtype: str = "plain", charset: str = "utf-8", cte: str = "base64",
              label: str | None = None, extra: tuple[str, ...] = ()) -> Part:
    """`charset` encodes the text; `label` is the charset the header declares
    (Outlook labels GBK text gb2312)."""
    data = text.replace("\n", "\r\n" if cte == "base64" else "\n").encode(charset)
    body = b64(data) if cte == "base64" else qp(data) if cte == "quoted-printable" else data.decode(charset)
    return Part([f'Content-Type: text/{subtype}; charset="{label or charset}"',
                 f"Content-Transfer-Encoding: {cte}", *extra], body)


def file_part(data: bytes, ctype: str, filename_headers: tuple[str, str], disposition: str = "attachment",
              extra: tuple[str, ...] = ()) -> Part:
    """`filename_headers`: the name= parameter text and the filename parameter text,
    already encoded as the sending client does it (RFC 2047 or RFC 2231)."""
    name_param, filename_param = filename_headers
    return Part([f"Content-Type: {ctype};\n\t{name_param}",
                 "Content-Transfer-Encoding: base64",
                 f"Content-Disposition: {disposition};\n\t{filename_param}", *extra], b64(data))


def multipart(subtype: str, boundary: str, parts: list[Part], params: str = "") -> Part:
    body = "".join(f"--{boundary}\n{part.render()}\n" for part in parts) + f"--{boundary}--\n"
    return Part([f'Content-Type: multipart/{subtype};{params}\n\tboundary="{boundary}"'], body)


def write_eml(name: str, headers: list[str], top: Part, preamble: str = "") -> None:
    lines = headers + ["MIME-Version: 1.0"] + top.headers
    body = top.body if not preamble else preamble + "\n" + top.body
    (HERE / f"{name}.eml").write_bytes(("\n".join(lines) + "\n\n" + body).encode("ascii"))


def envelope(sender: str, subject: str, date: str, message_id: str, to: str = PIPELINE,
             subject_charset: str = "utf-8", extra: tuple[str, ...] = ()) -> list[str]:
    return [f"From: {sender}", f"To: {to}", f"Subject: {encoded_word(subject, subject_charset)}",
            f"Date: {date}", f"Message-ID: <{message_id}>", *extra]


def rfc2231(filename: str, param: str = "filename", charset: str = "utf-8") -> str:
    from urllib.parse import quote
    return f"{param}*={charset}''{quote(filename.encode(charset), safe='')}"


def rfc2231_continued(filename: str, param: str = "filename", size: int = 30) -> str:
    """The long-name form: filename*0*=utf-8''…; filename*1*=…"""
    from urllib.parse import quote
    encoded = quote(filename.encode("utf-8"), safe="")
    chunks, position = [], 0
    while position < len(encoded):
        stop = min(len(encoded), position + size)
        while stop < len(encoded) and "%" in encoded[stop - 2:stop]:
            stop -= 1  # never split a %XX escape
        chunks.append(encoded[position:stop])
        position = stop
    return ";\n\t".join(f"{param}*{n}*={'utf-8' + chr(39) * 2 if n == 0 else ''}{chunk}"
                        for n, chunk in enumerate(chunks))


def rfc2047_param(filename: str, param: str, charset: str = "utf-8") -> str:
    return f'{param}="{encoded_word(filename, charset)}"'


# --------------------------------------------------------------------------- binary files


def csv_bytes(rows: list[list[str]], encoding: str) -> bytes:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue().encode(encoding)


_FIXED = dt.datetime(2024, 4, 1, 9, 0, 0)


def xlsx_bytes(build) -> bytes:
    """A workbook from `build(sheet)`, with every timestamp fixed."""
    from openpyxl import Workbook

    workbook = Workbook()
    build(workbook.active)
    workbook.properties.creator = "ERP"
    workbook.properties.created = workbook.properties.modified = _FIXED
    raw = io.BytesIO()
    workbook.save(raw)
    fixed = io.BytesIO()
    with zipfile.ZipFile(raw) as source, zipfile.ZipFile(fixed, "w", zipfile.ZIP_DEFLATED) as target:
        for info in sorted(source.infolist(), key=lambda i: i.filename):
            data = source.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps "modified" with now
                import re
                data = re.sub(rb"<dcterms:modified[^>]*>[^<]*</dcterms:modified>",
                              b'<dcterms:modified xsi:type="dcterms:W3CDTF">2024-04-01T09:00:00Z</dcterms:modified>',
                              data)
            target.writestr(zipfile.ZipInfo(info.filename, date_time=(2024, 4, 1, 9, 0, 0)), data,
                            compress_type=zipfile.ZIP_DEFLATED)
    return fixed.getvalue()


PDF_CSS = """
@page { size: A4; margin: 14mm 12mm; }
html { font-family: "DejaVu Sans", "Noto Sans CJK SC", sans-serif; font-size: 9.5pt; }
h1 { font-size: 15pt; font-weight: normal; text-align: center; margin: 0 0 6mm; }
table { border-collapse: collapse; width: 100%; margin: 3mm 0; }
td, th { border: 0.5pt solid #444; padding: 1.5mm 2mm; }
table.head td { border: none; padding: 0.8mm 2mm; }
th { background: #e8e8e8; font-weight: normal; }
.r { text-align: right; }
p { margin: 1.5mm 0; }
"""


def pdf_bytes(body: str) -> bytes:
    from weasyprint import HTML

    html = f"<html><head><meta charset='utf-8'><style>{PDF_CSS}</style></head><body>{body}</body></html>"
    return HTML(string=html).write_pdf(hinting=False, full_fonts=False)


def jpeg_photo() -> bytes:
    """A phone photo of a signed sign-off form (a grey page with lines and a stamp)."""
    from PIL import Image, ImageDraw

    import random

    image = Image.new("RGB", (720, 960), (228, 226, 218))
    draw = ImageDraw.Draw(image)
    draw.rectangle((45, 45, 675, 915), fill=(250, 250, 246), outline=(90, 90, 90))
    for y in range(135, 780, 54):
        draw.line((80, y, 640, y), fill=(120, 120, 120), width=2)
        for x in range(95, 600, 23):  # handwriting-like strokes on each row
            draw.line((x, y - 8, x + 11, y - 19), fill=(40, 40, 60), width=2)
    draw.ellipse((450, 700, 630, 880), outline=(200, 30, 30), width=6)
    draw.line((135, 840, 345, 810), fill=(20, 20, 120), width=4)
    noise = random.Random(20240515)  # sensor noise of a phone photo, fixed for a stable file
    pixels = image.load()
    for _ in range(40_000):
        x, y = noise.randrange(720), noise.randrange(960)
        r, g, b = pixels[x, y]
        shift = noise.randint(-18, 18)
        pixels[x, y] = (max(0, min(255, r + shift)), max(0, min(255, g + shift)), max(0, min(255, b + shift)))
    raw = io.BytesIO()
    image.save(raw, "JPEG", quality=72)
    return raw.getvalue()


def png_logo() -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (120, 40), (255, 255, 255))
    ImageDraw.Draw(image).rectangle((4, 4, 116, 36), fill=(0, 84, 160))
    raw = io.BytesIO()
    image.save(raw, "PNG")
    return raw.getvalue()


# --------------------------------------------------------------------------- HTML mail

OUTLOOK_HEAD = """<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns:m="http://schemas.microsoft.com/office/2004/12/omml" xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv=Content-Type content="text/html; charset=gb2312">
<meta name=Generator content="Microsoft Word 15 (filtered medium)">
<style><!--
/* Font Definitions */
@font-face
	{font-family:宋体;
	panose-1:2 1 6 0 3 1 1 1 1 1;}
@font-face
	{font-family:"Cambria Math";
	panose-1:2 4 5 3 5 4 6 3 2 4;}
@font-face
	{font-family:等线;
	panose-1:2 1 6 0 3 1 1 1 1 1;}
@font-face
	{font-family:微软雅黑;
	panose-1:2 11 5 3 2 2 4 2 2 4;}
/* Style Definitions */
p.MsoNormal, li.MsoNormal, div.MsoNormal
	{margin:0cm;
	text-align:justify;
	text-justify:inter-ideograph;
	font-size:10.5pt;
	font-family:等线;}
span.EmailStyle17
	{mso-style-type:personal-compose;
	font-family:等线;
	color:windowtext;}
.MsoChpDefault
	{mso-style-type:export-only;
	font-family:等线;}
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
</o:shapelayout></xml><![endif]-->
</head>
<body lang=ZH-CN link="#0563C1" vlink="#954F72" style='word-wrap:break-word;text-justify-trim:punctuation'>
<div class=WordSection1>
"""
SPAN = "<span style='font-family:\"微软雅黑\",sans-serif'>"


def outlook_p(text: str) -> str:
    if not text:
        return "<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>\n"
    return f"<p class=MsoNormal>{SPAN}{text}<span lang=EN-US><o:p></o:p></span></span></p>\n"


def outlook_table(rows: list[list[str]], header: bool = True, widths: list[int] | None = None) -> str:
    out = ["<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;"
           "border:none;mso-border-alt:solid windowtext .5pt;mso-yfti-tbllook:1184;mso-padding-alt:0cm 5.4pt 0cm 5.4pt'>"]
    for number, row in enumerate(rows):
        out.append(f" <tr style='mso-yfti-irow:{number}{';mso-yfti-firstrow:yes' if number == 0 else ''}'>")
        for column, cell in enumerate(row):
            width = (widths or [80] * len(row))[column]
            border = "border:solid windowtext 1.0pt" if number == 0 else \
                "border:solid windowtext 1.0pt;border-top:none;mso-border-top-alt:solid windowtext .5pt"
            inner = f"<b>{SPAN}{cell}</span></b>" if header and number == 0 else f"{SPAN}{cell}</span>"
            out.append(f"  <td width={width} valign=top style='width:{width * 0.75:.1f}pt;{border};"
                       f"mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt'>\n"
                       f"  <p class=MsoNormal>{inner}<span lang=EN-US><o:p></o:p></span></p>\n  </td>")
        out.append(" </tr>")
    out.append("</table>\n")
    return "\n".join(out)


def outlook_plain(lines: list[str], rows: list[list[str]]) -> str:
    """Outlook's text/plain twin of a Word table: every cell on a line of its own."""
    cells = [cell for row in rows for cell in row]
    return "\n".join(lines[0] + cells + lines[1]) + "\n"


OUTLOOK_HEADERS = ("X-Mailer: Microsoft Outlook 16.0", "Thread-Index: AdqJm3x1QkF0bGVyc2hhcmVkMDAx",
                   "Content-Language: zh-cn")


def html_outlook_gbk() -> None:
    rows = [["序号", "物料编码", "品名", "规格型号", "单位", "数量", "单价（元）", "金额（元）"],
            ["1", "PX-R0603-10K", "贴片电阻", "0603 10KΩ ±1%", "个", "50000", "0.012", "600.00"],
            ["2", "PX-C0805-104", "贴片电容", "0805 100nF 50V", "个", "30000", "0.025", "750.00"],
            ["3", "PX-LM358", "运放芯片", "LM358DR SOIC-8", "片", "2000", "0.68", "1,360.00"]]
    above = ["您好：", "", "我司现采购以下物料，请安排：", "", "客户名称：深圳市鹏芯电子科技有限公司",
             "采购单号：PO-PX240408", ""]
    below = ["", "合计金额：2,710.00元", "交货日期：2024年4月22日", "付款方式：月结30天",
             "收货地址：深圳市宝安区西乡街道固戍工业区A栋3楼", "联系人：陈镕　电话：13809871234",
             "备注：请用防静电包装，每盘贴标签。", "", "谢谢！", "", "陈镕", "采购部",
             "深圳市鹏芯电子科技有限公司"]
    html = OUTLOOK_HEAD + "".join(outlook_p(line) for line in above) + \
        outlook_table(rows, widths=[40, 100, 70, 110, 40, 60, 70, 80]) + \
        "".join(outlook_p(line) for line in below) + "</div>\n</body>\n</html>\n"
    plain = outlook_plain([above, below], rows)
    top = multipart("alternative", "----=_NextPart_000_0015_01DA89A1.3C6E5B20", [
        text_part(plain, "plain", "gbk", "quoted-printable", label="gb2312"),
        text_part(html, "html", "gbk", "quoted-printable", label="gb2312")])
    write_eml("html_outlook_gbk",
              envelope(address("陈镕", "chenrong@pengxin-elec.com", "gbk"), "采购订单 PO-PX240408",
                       "Mon, 08 Apr 2024 10:23:41 +0800", "000001da89a1$3c6e5b20$b54b1160$@pengxin-elec.com",
                       subject_charset="gbk", extra=OUTLOOK_HEADERS),
              top, preamble="This is a multi-part message in MIME format.\n")


def html_outlook_label_table() -> None:
    fields = [["客户名称", "广州穗丰包装材料有限公司"], ["客户编码", "GZ-0087"], ["联系人", "黄志强"],
              ["联系电话", "020-3456 7788"], ["收货地址", "广州市白云区太和镇永兴村工业路18号"],
              ["要求交付日期", "2024-04-25"], ["付款方式", "预付50%，余款货到付清"]]
    items = [["商品名称", "规格", "单位", "数量", "单价", "金额"],
             ["五层瓦楞纸箱", "600×400×400mm", "个", "3000", "4.80", "14,400.00"],
             ["缠绕膜", "50cm×20μm", "卷", "200", "32.00", "6,400.00"]]
    totals = [["运费", "500.00"], ["优惠", "300.00"], ["实付金额", "21,000.00"]]
    above = ["各位好：", "", "本月订单如下，请确认并安排发货。", ""]
    below = ["", "黄志强", "广州穗丰包装材料有限公司 采购部"]
    html = OUTLOOK_HEAD + "".join(outlook_p(line) for line in above) + \
        outlook_table(fields, header=False, widths=[110, 300]) + outlook_p("") + \
        outlook_table(items, widths=[110, 120, 40, 60, 60, 80]) + outlook_p("") + \
        outlook_table(totals, header=False, widths=[110, 120]) + \
        "".join(outlook_p(line) for line in below) + "</div>\n</body>\n</html>\n"
    plain = "\n".join(above + [c for row in fields for c in row] + [""] + [c for row in items for c in row]
                      + [""] + [c for row in totals for c in row] + below) + "\n"
    top = multipart("alternative", "----=_NextPart_000_0021_01DA8A4E.91A27C10", [
        text_part(plain, "plain", "gbk", "base64", label="gb2312"),
        text_part(html, "html", "gbk", "base64", label="gb2312")])
    write_eml("html_outlook_label_table",
              envelope(address("黄志强", "huangzq@suifeng-pack.cn", "gbk"), "订单：瓦楞纸箱及缠绕膜",
                       "Tue, 09 Apr 2024 14:05:10 +0800", "000301da8a4e$91a27c10$b4e77430$@suifeng-pack.cn",
                       subject_charset="gbk", extra=OUTLOOK_HEADERS),
              top, preamble="This is a multi-part message in MIME format.\n")


def html_qq_gb18030() -> None:
    html = """<meta http-equiv="Content-Type" content="text/html; charset=GB18030"><div>您好，下面是我们这次的订货，麻烦尽快安排发货，谢谢！</div><div><br></div><div>公司：温州瓯江阀门有限公司</div><div>联系人：林晓燕&nbsp; &nbsp;手机：13958876543</div><div>地址：浙江省温州市龙湾区永中街道滨海三道209号</div><div><br></div><div><table border="1" cellspacing="0" cellpadding="4" style="border-collapse:collapse;font-size:14px;font-family:&quot;Microsoft YaHei&quot;"><tbody><tr><td>品名</td><td>型号</td><td>数量</td><td>单价</td></tr><tr><td>铸钢闸阀</td><td>Z41H-16C DN100</td><td>12台</td><td>1,280元</td></tr><tr><td>截止阀</td><td>J41H-25 DN50</td><td>20台</td><td>460元</td></tr><tr><td>法兰垫片</td><td>DN100 石墨缠绕</td><td>100片</td><td>8.5元</td></tr></tbody></table></div><div><br></div><div>交货时间：4月底</div><div>付款：款到发货</div><div><br></div><div><div style="color:#909090;font-family:Arial Narrow;font-size:12px">------------------</div><div style="font-size:14px;font-family:Verdana;color:#000;">林晓燕</div></div>"""
    top = text_part(html, "html", "gb18030", "base64")
    write_eml("html_qq_gb18030",
              envelope(address("林晓燕", "2853317712@qq.com", "gb18030"), "订货单",
                       "Wed, 10 Apr 2024 16:42:18 +0800", "tencent_8F3C2A1B9D7E4F60A5B1C2D3@qq.com",
                       subject_charset="gb18030", extra=("X-QQ-mid: xmsezb7a-0t1712738538t4f3c",
                                                         "X-QQ-MIME: TCMime 1.0 by Tencent")),
              top)


def html_foxmail_gb18030() -> None:
    html = """<html><head><meta http-equiv="content-type" content="text/html; charset=gb18030"><style>body { line-height: 1.5; }blockquote { margin-top: 0px; margin-bottom: 0px; margin-left: 0.5em; }body { font-size: 14px; font-family: 'Microsoft YaHei UI'; color: rgb(0, 0, 0); line-height: 1.5; }</style></head><body>
<div><span></span>王经理，您好：</div><div>请按以下订单备货：</div><div><br></div>
<div>客户：青岛海晟橡塑制品有限公司（编码 C-3310）</div>
<div>订单编号：HS-20240411-02</div>
<div><br></div>
<table border="1" cellpadding="3" cellspacing="0" style="border-collapse: collapse;">
<thead><tr><th>序号</th><th>产品名称</th><th>规格</th><th>数量</th><th>单位</th><th>单价(元)</th><th>金额(元)</th></tr></thead>
<tbody>
<tr><td>1</td><td>炭黑</td><td>N330</td><td>5</td><td>吨</td><td>8,600</td><td>43,000</td></tr>
<tr><td>2</td><td>氧化锌</td><td>99.7% 间接法</td><td>2</td><td>吨</td><td>21,500</td><td>43,000</td></tr>
<tr><td>3</td><td>硫磺粉</td><td>325目</td><td>800</td><td>千克</td><td>3.2</td><td>2,560</td></tr>
</tbody></table>
<div>合计：88,560元</div>
<div>交货日期：2024年4月28日</div>
<div>付款方式：预付30%，余款30天内付清</div>
<div><br></div>
<div><br></div><hr style="width: 210px; height: 1px;" color="#b5c4df" size="1" align="left">
<div><span><div style="MARGIN: 10px; FONT-FAMILY: verdana; FONT-SIZE: 10pt"><div>赵海涛</div><div>青岛海晟橡塑制品有限公司</div><div>电话：0532-8765 1122</div><div>地址：山东省青岛市黄岛区江山南路480号</div></div></span></div>
</body></html>"""
    top = text_part(html, "html", "gb18030", "base64")
    write_eml("html_foxmail_gb18030",
              envelope(address("赵海涛", "zht@haisheng-rubber.com", "gb18030"), "订单 HS-20240411-02",
                       "Thu, 11 Apr 2024 09:15:33 +0800", "202404110915331178422@haisheng-rubber.com",
                       subject_charset="gb18030", extra=("X-Mailer: Foxmail 7.2.25.228[cn]",
                                                         "X-Priority: 3", "X-Has-Attach: no")),
              top)


def html_inline_image() -> None:
    rows = [["物料编码", "名称", "规格", "数量", "单位", "单价"],
            ["DG-PP-101", "PP外壳", "黑色 120×80×35", "5000", "件", "2.35"],
            ["DG-ABS-207", "ABS面板", "白色 200×150", "3000", "件", "4.10"]]
    plain = ("您好，\n\n以下注塑件请排产：\n\n" + "\n".join("\t".join(r) for r in rows)
             + "\n\n交货期：2024-05-10\n付款：月结45天\n\n徐立新\n宁波东港塑料模具厂\n"
             "电话：0574-8688 1234\n地址：浙江省宁波市北仑区大港工业城黄山西路21号\n")
    table = "".join("<tr>" + "".join(f"<td style=\"border:1px solid #999;padding:2px 6px\">{c}</td>" for c in r)
                    + "</tr>" for r in rows)
    html = ("<html><body style=\"font-family:SimSun;font-size:10.5pt\"><p>您好，</p><p>以下注塑件请排产：</p>"
            f"<table style=\"border-collapse:collapse\">{table}</table>"
            "<p>交货期：2024-05-10<br>付款：月结45天</p>"
            "<p><img src=\"cid:logo001@donggang-mould.com\" width=\"120\" height=\"40\" alt=\"东港模具\"><br>"
            "徐立新<br>宁波东港塑料模具厂<br>电话：0574-8688 1234<br>地址：浙江省宁波市北仑区大港工业城黄山西路21号</p>"
            "</body></html>\n")
    alternative = multipart("alternative", "=_alt_5F2D8B3E41", [
        text_part(plain, "plain", "utf-8", "base64"), text_part(html, "html", "utf-8", "base64")])
    logo = file_part(png_logo(), "image/png", ('name="logo.png"', 'filename="logo.png"'), disposition="inline",
                     extra=("Content-ID: <logo001@donggang-mould.com>",))
    top = multipart("related", "=_rel_7A90C1D2E3", [alternative, logo], params=' type="multipart/alternative";')
    write_eml("html_inline_image",
              envelope(address("徐立新", "xulx@donggang-mould.com"), "PO DG-0415 注塑件订单",
                       "Mon, 15 Apr 2024 08:50:00 +0800", "f3a1c9e2-77b0-4d1a-9c51-0415dg@donggang-mould.com"),
              top)


def html_gmail() -> None:
    cell = 'style="border:1px solid rgb(0,0,0);padding:3px 5px"'
    rows = [["SKU", "Product", "Finish", "Qty", "Unit Price (CNY)"],
            ["MLH-LV-220", "Lever handle set", "Satin nickel", "800", "46.00"],
            ["MLH-DB-110", "Deadbolt lock", "Matte black", "600", "72.50"],
            ["MLH-HG-035", "Door hinge 3.5&quot;", "Satin nickel", "2400", "5.80"]]
    table = "".join("<tr>" + "".join(f"<td {cell}>{'<b>' + c + '</b>' if n == 0 else c}</td>" for c in r)
                    + "</tr>" for n, r in enumerate(rows))
    html = ('<div dir="ltr">Hi Linda,<div><br></div><div>Please book the following order:</div><div><br></div>'
            '<div>Customer: Maple Leaf Hardware Inc.<br>PO Number: MLH-4471<br>Contact: Jason Tremblay<br>'
            'Phone: +1 416 555 0177<br>Ship to: 120 Industrial Pkwy N, Aurora, ON L4G 4C3, Canada</div><div><br></div>'
            '<table border="1" cellpadding="0" cellspacing="0" style="border-collapse:collapse;border:none">'
            f'<tbody>{table}</tbody></table><div><br></div><div>Delivery date: June 28, 2024<br>'
            'Payment terms: 30% deposit, 70% before shipment</div><div><br></div><div>Thanks,</div><div>Jason</div>'
            '<div><br></div><span class="gmail_signature_prefix">-- </span><br><div dir="ltr" class="gmail_signature">'
            '<div dir="ltr">Jason Tremblay | Purchasing<div>Maple Leaf Hardware Inc.</div></div></div></div>\n')
    plain = ("Hi Linda,\n\nPlease book the following order:\n\nCustomer: Maple Leaf Hardware Inc.\nPO Number: MLH-4471\n"
             "Contact: Jason Tremblay\nPhone: +1 416 555 0177\nShip to: 120 Industrial Pkwy N, Aurora, ON L4G 4C3, Canada\n\n"
             "*SKU* *Product* *Finish* *Qty* *Unit Price (CNY)*\nMLH-LV-220 Lever handle set Satin nickel 800 46.00\n"
             "MLH-DB-110 Deadbolt lock Matte black 600 72.50\nMLH-HG-035 Door hinge 3.5\" Satin nickel 2400 5.80\n\n"
             "Delivery date: June 28, 2024\nPayment terms: 30% deposit, 70% before shipment\n\nThanks,\nJason\n\n-- \n"
             "Jason Tremblay | Purchasing\nMaple Leaf Hardware Inc.\n")
    top = multipart("alternative", "000000000000a1b2c3061690e5f1", [
        text_part(plain, "plain", "utf-8", "quoted-printable"),
        text_part(html, "html", "utf-8", "quoted-printable")])
    write_eml("html_gmail",
              envelope(address("Jason Tremblay", "jason@mapleleafhardware.ca"), "Order MLH-4471 (door hardware)",
                       "Tue, 23 Apr 2024 09:05:00 -0400",
                       "CAJx4nQ1mXk7Lz0h9bV2sN3yP8rT6uW5fE1gH4jK7lM0oQ2pR9s@mail.gmail.com"),
              top)


def html_thead_tfoot() -> None:
    html = """<html><head><meta charset="utf-8"><style>table{border-collapse:collapse}td,th{border:1px solid #888;padding:4px 8px}th{background:#f0f0f0}</style></head><body>
<p>Dear Sir or Madam,</p>
<p>please deliver the following goods:</p>
<p>Customer: Brightline Optics GmbH<br>Customer code: DE-0217<br>PO Number: BO-24-0614<br>Contact: Lena Hoffmann, +49 89 555 6140<br>Delivery address: Landsberger Str. 302, 80687 M&uuml;nchen, Germany</p>
<table>
<thead><tr><th>Pos</th><th>Article no.</th><th>Description</th><th>Qty</th><th>Unit</th><th>Unit price</th><th>Amount</th></tr></thead>
<tbody>
<tr><td>1</td><td>BO-L-5020</td><td>Plano-convex lens &Oslash;50 f=200</td><td class="r">300</td><td>pcs</td><td class="r">86.00</td><td class="r">25,800.00</td></tr>
<tr><td>2</td><td>BO-M-2525</td><td>Silver mirror 25&times;25 mm</td><td class="r">1,000</td><td>pcs</td><td class="r">12.30</td><td class="r">12,300.00</td></tr>
</tbody>
<tfoot>
<tr><td colspan="6">Subtotal</td><td class="r">38,100.00</td></tr>
<tr><td colspan="6">Freight</td><td class="r">900.00</td></tr>
<tr><td colspan="6"><b>Total (CNY)</b></td><td class="r"><b>39,000.00</b></td></tr>
</tfoot>
</table>
<p>Requested delivery date: 2024-06-14<br>Payment terms: Net 30 days after invoice<br>Remarks: Each lens individually packed with a test report.</p>
<p>Mit freundlichen Gr&uuml;&szlig;en / Best regards<br>Lena Hoffmann<br>Einkauf / Purchasing</p>
</body></html>
"""
    plain = "Please see the HTML version of this email for the order details.\n"
    top = multipart("alternative", "Apple-Mail=_3C1E9A40-5D2B-4F7E-8A61-0B9C2D4E6F18", [
        text_part(plain, "plain", "us-ascii", "7bit"), text_part(html, "html", "utf-8", "quoted-printable")])
    write_eml("html_thead_tfoot",
              envelope(address("Lena Hoffmann", "l.hoffmann@brightline-optics.de"),
                       "Bestellung / Purchase order BO-24-0614", "Wed, 24 Apr 2024 10:30:00 +0200",
                       "4B7D2E91-0C3A-4F55-9E12-BO240614@brightline-optics.de"),
              top)


def html_nested() -> None:
    html = """<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="margin:0;background:#f4f4f4">
<table width="100%" cellpadding="0" cellspacing="0" border="0"><tr><td align="center" style="padding:20px">
<table width="640" cellpadding="12" cellspacing="0" style="background:#fff;border:1px solid #ccc"><tr><td>
<p style="font-size:16px;margin:0 0 10px"><b>采购订单</b></p>
<table cellpadding="4" cellspacing="0" style="font-size:13px">
<tr><td style="color:#666">客户名称</td><td>武汉江城仪器仪表有限公司</td><td style="color:#666">订单号</td><td>JC-0425</td></tr>
<tr><td style="color:#666">联系人</td><td>汪静</td><td style="color:#666">电话</td><td>027-8765 3300</td></tr>
<tr><td style="color:#666">收货地址</td><td colspan="3">湖北省武汉市东湖高新区光谷大道77号</td></tr>
</table>
<table border="1" cellpadding="4" cellspacing="0" style="border-collapse:collapse;font-size:13px;margin-top:10px">
<tr style="background:#eef"><th>品名</th><th>规格型号</th><th>单位</th><th>数量</th><th>单价</th><th>金额</th></tr>
<tr><td>压力变送器</td><td>0-1.6MPa 4-20mA</td><td>台</td><td>25</td><td>1,180.00</td><td>29,500.00</td></tr>
<tr><td>电磁流量计</td><td>DN80 分体式</td><td>台</td><td>6</td><td>6,350.00</td><td>38,100.00</td></tr>
<tr><td>温度变送器</td><td>PT100 0-200℃</td><td>台</td><td>40</td><td>420.00</td><td>16,800.00</td></tr>
<tr><td colspan="5" align="right">合计</td><td>84,400.00</td></tr>
</table>
<p style="font-size:13px">交货日期：2024年5月31日<br>付款方式：验收合格后30天内付款<br>备注：请提供出厂校验报告。</p>
</td></tr></table>
</td></tr></table>
</body></html>
"""
    top = text_part(html, "html", "utf-8", "base64")
    write_eml("html_nested",
              envelope(address("汪静", "wangjing@jiangcheng-inst.com"), "订单 JC-0425 仪表采购",
                       "Thu, 25 Apr 2024 14:00:00 +0800", "jc0425.1714024800@jiangcheng-inst.com"),
              top)


# --------------------------------------------------------------------------- attachments


def csv_utf8_bom() -> None:
    rows = [["序号", "物料编码", "品名", "规格", "单位", "数量", "单价", "金额"],
            ["1", "LD-CH-801", "人体工学办公椅", "黑色网布 带头枕", "把", "120", "685.00", "82200.00"],
            ["2", "LD-CH-802", "会议椅", "灰色 弓形", "把", "60", "320.00", "19200.00"],
            ["3", "LD-TB-120", "办公桌", "1400×700×750", "张", "40", "980.00", "39200.00"],
            ["", "", "", "", "", "", "合计", "140600.00"]]
    body = ("您好，\n\n附件是本次采购明细（CSV），请查收并安排生产。\n\n客户名称：厦门鹭岛办公家具有限公司\n"
            "采购单号：PO-LD-2404-016\n交货日期：2024-05-15\n付款方式：月结60天\n"
            "收货地址：厦门市湖里区枋湖北二路1001号\n联系人：郑雅婷，电话：0592-5566778\n\n郑雅婷\n")
    top = multipart("mixed", "=_mix_0416_LD", [
        text_part(body, "plain", "utf-8", "base64"),
        file_part(csv_bytes(rows, "utf-8-sig"), "text/csv",
                  (rfc2231("采购明细.csv", "name"), rfc2231("采购明细.csv")))])
    write_eml("csv_utf8_bom",
              envelope(address("郑雅婷", "zhengyt@ludao-furniture.com"), "办公椅采购订单 PO-LD-2404-016",
                       "Tue, 16 Apr 2024 11:02:00 +0800", "csv-0416-8842@ludao-furniture.com"),
              top)


def csv_gbk() -> None:
    rows = [["产品编码", "产品名称", "规格型号", "数量", "单位", "单价(元)"],
            ["ZY-BRG-6308", "深沟球轴承", "6308-2RS", "200", "套", "46.5"],
            ["ZY-BLT-B1600", "三角带", "B-1600", "150", "条", "18"],
            ["ZY-MTR-Y132", "三相异步电机", "Y132M-4 7.5kW", "6", "台", "2350"]]
    body = ("您好！\n\n附件为订货清单，请报交期。\n\n公司名称：郑州中原粮油机械有限公司\n联系人：马建军\n"
            "联系电话：0371-6789 2345\n收货地址：河南省郑州市中牟县官渡镇工业园区\n"
            "付款方式：预付20%，发货前付清余款\n\n马建军\n")
    top = multipart("mixed", "----=_NextPart_5A3C_0417_GBK", [
        text_part(body, "plain", "gbk", "base64"),
        file_part(csv_bytes(rows, "gbk"), "application/vnd.ms-excel",
                  (rfc2047_param("订货清单.csv", "name", "gbk"), rfc2047_param("订货清单.csv", "filename", "gbk")))])
    write_eml("csv_gbk",
              envelope(address("马建军", "majj@zyly-machine.com", "gbk"), "订单（附订货清单）",
                       "Wed, 17 Apr 2024 15:30:00 +0800", "201704171530.ZY0417@zyly-machine.com",
                       subject_charset="gbk", extra=("X-Mailer: Foxmail 7.2.23.121[cn]",)),
              top)


def csv_en() -> None:
    rows = [["Item Code", "Description", "Qty", "UOM", "Unit Price", "Line Total"],
            ["GL-BK-250", "Borosilicate beaker, 250 ml", "480", "pcs", "3.20", "1,536.00"],
            ["GL-FL-500", "Erlenmeyer flask, 500 ml", "240", "pcs", "5.75", "1,380.00"],
            ["GL-PP-1000", "Pipette tips, 1000 µl (box of 96)", "100", "boxes", "12.40", "1,240.00"],
            ["", "", "", "", "Total", "4,156.00"]]
    body = ("Hello,\n\nPlease find our purchase order attached as CSV.\n\nCustomer: Great Lakes Lab Supply Inc.\n"
            "PO Number: GLL-55012\nRequired by: May 20, 2024\nPayment terms: Net 45\n"
            "Ship to: 2200 Commerce Dr, Ann Arbor, MI 48108, USA\n\nThanks,\nMegan O'Connor\n"
            "Procurement | +1 734-555-0142\n")
    top = multipart("mixed", "_004_GLL55012_", [
        text_part(body, "plain", "us-ascii", "7bit"),
        file_part(csv_bytes(rows, "utf-8"), "text/csv", ('name="GLL-55012.csv"', 'filename="GLL-55012.csv"'))])
    write_eml("csv_en",
              envelope(address("Megan O'Connor", "moconnor@greatlakeslab.com"), "Purchase Order GLL-55012",
                       "Thu, 18 Apr 2024 09:40:00 -0400", "BN8PR12MB3156.GLL55012@greatlakeslab.com"),
              top)


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def xlsx_header_block() -> None:
    def build(ws) -> None:
        ws.title = "采购订单"
        ws.merge_cells("A1:H1")
        ws["A1"] = "采购订单 Purchase Order"
        ws.append([])
        ws.append(["客户名称 Customer", "长沙湘江工程机械配件有限公司", None, None, "采购单号 PO No.", "XJ-PO-240419"])
        ws.append(["联系人 Contact", "刘洋", None, None, "电话 Tel", "0731-8456 2210"])
        ws.append(["收货地址 Address", "湖南省长沙市望城区铜官循环经济工业基地"])
        ws.append(["交货日期 Delivery", dt.datetime(2024, 5, 8)])
        ws["B6"].number_format = "yyyy-mm-dd"
        ws.append(["付款方式 Payment", "月结30天"])
        ws.append([])
        ws.append(["序号 No.", "物料编码 Part No.", "品名 Description", "规格 Spec", "单位 Unit", "数量 Qty",
                   "单价 Unit Price", "金额 Amount"])
        for row in ([1, "XJ-HYD-0032", "液压油缸", "HSG80/45-500", "支", 8, 2650, 21200],
                    [2, "XJ-SEAL-1150", "密封件套装", "80缸径", "套", 40, 185, 7400],
                    [3, "XJ-PIN-0450", "销轴", "Φ45×220 40Cr", "根", 60, 96.5, 5790]):
            ws.append(row)
        ws.append([None, None, None, None, None, None, "合计 Total", 34390])
        for r in range(10, 14):
            for c in ("G", "H"):
                ws[f"{c}{r}"].number_format = "#,##0.00"
        ws.append([])
        ws.append(["备注 Remarks", "油缸需做耐压测试并附检测报告"])
        for column, width in zip("ABCDEFGH", (16, 16, 14, 16, 8, 8, 14, 14)):
            ws.column_dimensions[column].width = width

    body = "刘总您好，\n\n采购订单见附件Excel，请确认后回复。\n\n刘洋\n"
    top = multipart("mixed", "=_mix_XJ240419", [
        text_part(body, "plain", "utf-8", "base64"),
        file_part(xlsx_bytes(build), XLSX, ('name="XJ-PO-240419.xlsx"', 'filename="XJ-PO-240419.xlsx"'))])
    write_eml("xlsx_header_block",
              envelope(address("刘洋", "liuyang@xiangjiang-parts.com"), "采购订单（附件）",
                       "Fri, 19 Apr 2024 10:15:00 +0800", "xj-po-240419.0001@xiangjiang-parts.com"),
              top)


def xlsx_bilingual_totals() -> None:
    def build(ws) -> None:
        ws.title = "Order"
        ws.append(["Item No. 货号", "Description 品名", "Specification 规格", "Qty 数量", "Unit 单位",
                   "Unit Price 单价", "Amount 金额"])
        ws.append(["YZ-CH-428", "摩托车链条 Motorcycle chain", "428H-130L", 1000, "条", 21.5, 21500])
        ws.append(["YZ-SP-15T", "主动链轮 Front sprocket", "428-15T", 1000, "个", 6.8, 6800])
        ws.append(["YZ-BP-CG125", "刹车片 Brake pad", "CG125", 2000, "副", 4.2, 8400])
        ws.append([])
        ws.append(["Subtotal 小计", None, None, None, None, None, 36700])
        ws.append(["Freight 运费", None, None, None, None, None, 600])
        ws.append(["Discount 折扣", None, None, None, None, None, 700])
        ws.append(["Total 合计", None, None, None, None, None, 36600])
        ws.append([])
        ws.append(["Delivery 交货日期", "2024-05-20"])
        ws.append(["Payment 付款", "T/T 30% deposit, balance before shipment"])

    body = ("Dear Sir,\n\nPlease see the attached order. 详见附件。\n\n何俊\n重庆渝州摩托车配件有限公司\n"
            "采购部 023-6888 1020\n")
    top = multipart("mixed", "=_mix_YZ240488", [
        text_part(body, "plain", "utf-8", "quoted-printable"),
        file_part(xlsx_bytes(build), XLSX, ('name="Order YZ-2404-88.xlsx"', 'filename="Order YZ-2404-88.xlsx"'))])
    write_eml("xlsx_bilingual_totals",
              envelope(address("何俊", "hejun@yuzhou-moto.cn"), "Order / 订单 YZ-2404-88",
                       "Sat, 20 Apr 2024 10:30:00 +0800", "yz-2404-88.7781@yuzhou-moto.cn"),
              top)


def xlsx_rfc2047_name() -> None:
    def build(ws) -> None:
        ws.append(["品名", "规格型号", "数量", "单位", "单价", "金额"])
        ws.append(["船用救生衣", "CCS认证 150N", 200, "件", 168, 33600])
        ws.append(["救生圈", "2.5kg 橙色", 50, "个", 135, 6750])

    body = ("您好：\n\n客户名称：大连海韵船舶设备有限公司\n联系人：孙丽\n电话：0411-8273 6655\n"
            "地址：辽宁省大连市甘井子区港兴路12号\n交货日期：2024年5月25日\n"
            "付款方式：预付款30%，提货前付清70%\n\n订货明细见附件。\n\n孙丽\n")
    name = "大连海韵订单.xlsx"
    top = multipart("mixed", "----=_NextPart_000_0041_01DA94A7.2B8C1E00", [
        text_part(body, "plain", "gbk", "base64", label="gb2312"),
        file_part(xlsx_bytes(build), XLSX, (rfc2047_param(name, "name", "gbk"), rfc2047_param(name, "filename", "gbk")))])
    write_eml("xlsx_rfc2047_name",
              envelope(address("孙丽", "sunli@haiyun-marine.com", "gbk"), "订单",
                       "Mon, 22 Apr 2024 13:20:00 +0800", "000401da94a7$2b8c1e00$82a45a00$@haiyun-marine.com",
                       subject_charset="gbk", extra=OUTLOOK_HEADERS),
              top, preamble="This is a multi-part message in MIME format.\n")


def pdf_erp_zh() -> None:
    pdf = pdf_bytes("""
<h1>沈阳盛京重型机械有限公司<br>采购订单 PURCHASE ORDER</h1>
<table class="head">
<tr><td>订单编号：SJ-PO-2024-0423</td><td>订单日期：2024-04-23</td></tr>
<tr><td>供应商：江苏远航传动设备有限公司</td><td>供应商编码：V-0381</td></tr>
<tr><td>采购方：沈阳盛京重型机械有限公司</td><td>联系人：韩冰　电话：024-2533 8866</td></tr>
<tr><td colspan="2">收货地址：辽宁省沈阳市铁西区北一西路52号</td></tr>
<tr><td>交货日期：2024-05-20</td><td>付款条件：月结60天</td></tr>
</table>
<table>
<tr><th>行号</th><th>物料编码</th><th>物料名称</th><th>规格型号</th><th>单位</th><th>数量</th><th>单价</th><th>金额</th></tr>
<tr><td>1</td><td>SJ-M-10021</td><td>齿轮轴</td><td>20CrMnTi m4 z18</td><td>件</td><td class="r">30</td><td class="r">1,450.00</td><td class="r">43,500.00</td></tr>
<tr><td>2</td><td>SJ-M-10022</td><td>从动齿轮</td><td>42CrMo m4 z56</td><td>件</td><td class="r">30</td><td class="r">2,180.00</td><td class="r">65,400.00</td></tr>
<tr><td>3</td><td>SJ-M-20310</td><td>轴承座</td><td>HT250 SN516</td><td>件</td><td class="r">12</td><td class="r">860.00</td><td class="r">10,320.00</td></tr>
</table>
<p>合计金额：119,220.00　　大写：壹拾壹万玖仟贰佰贰拾元整</p>
<p>备注：齿面淬火，随货附材质证明。</p>
<p>制单：韩冰　　审核：李国栋　　（本订单由盛京ERP系统生成）</p>
""")
    body = "您好，\n\n附件为我司采购订单，请盖章回传。\n\n韩冰\n沈阳盛京重型机械有限公司 采购部\n电话：024-2533 8866\n"
    top = multipart("mixed", "=_mix_SJPO0423", [
        text_part(body, "plain", "utf-8", "base64"),
        file_part(pdf, "application/pdf", ('name="SJ-PO-2024-0423.pdf"', 'filename="SJ-PO-2024-0423.pdf"'))])
    write_eml("pdf_erp_zh",
              envelope(address("韩冰", "hanbing@shengjing-hm.com"), "采购订单 SJ-PO-2024-0423",
                       "Tue, 23 Apr 2024 16:45:00 +0800", "sjpo-2024-0423.erp@shengjing-hm.com"),
              top)


def pdf_erp_en() -> None:
    pdf = pdf_bytes("""
<h1>Rotterdam Valve &amp; Pump B.V.<br>Purchase Order 4500018832</h1>
<table class="head">
<tr><td>PO date: 24.04.2024</td><td>Currency: CNY</td></tr>
<tr><td colspan="2">Vendor: Jiangsu Yuanhang Transmission Co., Ltd. (vendor no. 300871)</td></tr>
<tr><td>Buyer: Pieter de Vries</td><td>Phone: +31 10 123 4567</td></tr>
<tr><td colspan="2">Ship to: Waalhaven Zuidzijde 21, 3089 JH Rotterdam, Netherlands</td></tr>
<tr><td colspan="2">Delivery date: 14.06.2024</td></tr>
<tr><td colspan="2">Payment terms: 30% advance, 70% within 30 days after delivery</td></tr>
</table>
<table>
<tr><th>Pos.</th><th>Material</th><th>Description</th><th>Qty</th><th>UoM</th><th>Price</th><th>Net value</th></tr>
<tr><td>10</td><td>RV-GV-150</td><td>Gate valve DN150 PN16</td><td class="r">24</td><td>PC</td><td class="r">412.00</td><td class="r">9,888.00</td></tr>
<tr><td>20</td><td>RV-CV-100</td><td>Check valve DN100 PN16</td><td class="r">36</td><td>PC</td><td class="r">228.50</td><td class="r">8,226.00</td></tr>
</table>
<p>Total net value: 18,114.00 CNY</p>
<p>Please confirm this order within 3 working days.</p>
""")
    body = ("Dear sales team,\n\nPlease find attached our purchase order 4500018832. Kindly confirm receipt and the "
            "delivery date.\n\nBest regards,\nPieter de Vries\nBuyer\nRotterdam Valve & Pump B.V.\n+31 10 123 4567\n")
    top = multipart("mixed", "_003_AM0PR07MB4500018832_", [
        text_part(body, "plain", "us-ascii", "7bit"),
        file_part(pdf, "application/pdf", ('name="PO_4500018832.pdf"', 'filename="PO_4500018832.pdf"'))])
    write_eml("pdf_erp_en",
              envelope(address("Pieter de Vries", "p.devries@rvp-bv.nl"), "PO 4500018832",
                       "Wed, 24 Apr 2024 10:05:00 +0200", "AM0PR07MB4500018832.rvp@rvp-bv.nl"),
              top)


def pdf_rfc2231() -> None:
    pdf = pdf_bytes("""
<h1>订购单</h1>
<table class="head">
<tr><td>客户名称：昆明滇池花卉园艺有限公司</td><td>客户编码：KM-0219</td></tr>
<tr><td>单号：DC0425</td><td>联系人：杨帆　电话：0871-6533 9087</td></tr>
<tr><td colspan="2">收货地址：云南省昆明市呈贡区斗南花卉产业园B区</td></tr>
</table>
<table>
<tr><th>序号</th><th>产品名称</th><th>规格</th><th>单位</th><th>数量</th><th>单价</th><th>金额</th></tr>
<tr><td>1</td><td>遮阳网</td><td>6针 75% 4m×50m</td><td>卷</td><td class="r">40</td><td class="r">260.00</td><td class="r">10,400.00</td></tr>
<tr><td>2</td><td>滴灌带</td><td>16mm 壁厚0.2mm</td><td>卷</td><td class="r">120</td><td class="r">85.00</td><td class="r">10,200.00</td></tr>
<tr><td>3</td><td>育苗盘</td><td>72孔</td><td>个</td><td class="r">5,000</td><td class="r">1.20</td><td class="r">6,000.00</td></tr>
</table>
<p>运费：800.00</p>
<p>合计：27,400.00</p>
<p>交货日期：2024年5月10日</p>
<p>付款方式：款到发货</p>
""")
    body = "您好，采购单见附件（PDF）。\n\n杨帆\n昆明滇池花卉园艺有限公司\n"
    name = "订购单-DC0425-昆明滇池花卉园艺有限公司.pdf"
    top = multipart("mixed", "=_mix_DC0425_2231", [
        text_part(body, "plain", "utf-8", "8bit"),
        file_part(pdf, "application/pdf", (rfc2231_continued(name, "name"), rfc2231_continued(name)))])
    write_eml_8bit("pdf_rfc2231",
                   envelope(address("杨帆", "yangfan@dianchi-flora.cn"), "订购单",
                            "Thu, 25 Apr 2024 09:00:00 +0800", "dc0425.1714006800@dianchi-flora.cn"),
                   top)


def write_eml_8bit(name: str, headers: list[str], top: Part) -> None:
    lines = headers + ["MIME-Version: 1.0"] + top.headers
    (HERE / f"{name}.eml").write_bytes(("\n".join(lines) + "\n\n" + top.body).encode("utf-8"))


# --------------------------------------------------------------------------- replies with attachments

THREAD_DOMAIN = "example.com"


def reply_signoff_photo() -> None:
    body = ("见附件。\n\n杨帆\n\n在 2024年5月14日 10:02，orderloop <orders@example.com> 写道：\n"
            "> 您的订单 SO2024040058 已送达，请在签收单上签字确认后拍照或扫描回传。\n"
            "> 如有破损、少发，请在签收单上注明，并回复“投诉”。\n")
    top = multipart("mixed", "=_mix_signoff_0515", [
        text_part(body, "plain", "utf-8", "base64"),
        file_part(jpeg_photo(), "image/jpeg", ('name="IMG_20240515_153012.jpg"', 'filename="IMG_20240515_153012.jpg"'))])
    write_eml("reply_signoff_photo",
              envelope(address("杨帆", "yangfan@dianchi-flora.cn"), "Re: [SO2024040058] 签收单 / Sign-off form",
                       "Wed, 15 May 2024 15:31:00 +0800", "signoff-0515-3012@dianchi-flora.cn",
                       extra=("In-Reply-To: <SO2024040058.signoff.4c1d9e@example.com>",
                              "References: <SO2024040058.signoff.4c1d9e@example.com>")),
              top)


def reply_signoff_scan() -> None:
    pdf = pdf_bytes("<h1>签收单</h1><p>订单号：SO2024050021</p><p>收货单位：兰州黄河管道工程有限公司</p>"
                    "<p>货物已全部收到，数量、规格无误。</p><p>签收人：宋凯　　日期：2024-05-30</p>")
    body = ("货已收到，签收单已签字盖章，扫描件见附件。\n\n宋凯\n\n"
            "------------------ 原始邮件 ------------------\n"
            "发件人: \"orderloop\"<orders@example.com>;\n"
            "发送时间: 2024年5月28日(星期二) 上午9:15\n"
            "收件人: \"宋凯\"<songkai@huanghe-pipe.com>;\n"
            "主题: [SO2024050021] 发货通知 / Shipped\n\n"
            "您的订单已发货，运单号SF1402283319。收货后请回复“确认收货”并回传签收单。\n"
            "如有破损请当场拒收，如需取消请回复“取消”。\n")
    top = multipart("mixed", "----=_NextPart_665A0C12_0B3E1F40_4D2A", [
        text_part(body, "plain", "gb18030", "base64"),
        file_part(pdf, "application/pdf", (rfc2231("签收单-SO2024050021.pdf", "name"),
                                           rfc2231("签收单-SO2024050021.pdf")))])
    write_eml("reply_signoff_scan",
              envelope(address("宋凯", "songkai@huanghe-pipe.com", "gb18030"),
                       "回复：[SO2024050021] 发货通知 / Shipped", "Thu, 30 May 2024 17:20:00 +0800",
                       "tencent_6A1F0C2E3B4D5A6978@huanghe-pipe.com", subject_charset="gb18030",
                       extra=("In-Reply-To: <SO2024050021.shipped.9a7b3c@example.com>",
                              "References: <SO2024050021.shipped.9a7b3c@example.com>",
                              "X-Mailer: Foxmail 7.2.25.228[cn]")),
              top)


# --------------------------------------------------------------------------- non-orders


def ics(summary: str, start: str, end: str, organizer: str, location: str, uid: str, description: str) -> str:
    return ("BEGIN:VCALENDAR\nPRODID:-//orderloop labelled corpus//EN\nVERSION:2.0\nMETHOD:REQUEST\n"
            "BEGIN:VEVENT\n"
            f"DTSTART:{start}\nDTEND:{end}\nDTSTAMP:20240510T020000Z\nORGANIZER:mailto:{organizer}\n"
            f"UID:{uid}\nATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:{PIPELINE}\n"
            f"SUMMARY:{summary}\nLOCATION:{location}\nDESCRIPTION:{description}\nSEQUENCE:0\nSTATUS:CONFIRMED\n"
            "END:VEVENT\nEND:VCALENDAR\n")


def nonorder_meeting_ics() -> None:
    text = ("时间: 2024年5月16日 星期四 14:00-15:30 (UTC+08:00) 北京，重庆，香港特别行政区，乌鲁木齐\n"
            "地点: 3楼大会议室\n\n议程：\n1. 4月订单交付情况（订单数量：126单，总金额：3,280,000元）\n"
            "2. 重点客户交期回顾：不锈钢法兰 数量：200个 单价：38.5元\n3. 5月备货计划\n\n请准时参加。\n")
    html = ("<html><body><p>时间: 2024年5月16日 星期四 14:00-15:30 (UTC+08:00)</p><p>地点: 3楼大会议室</p>"
            "<p>议程：<br>1. 4月订单交付情况（订单数量：126单，总金额：3,280,000元）<br>"
            "2. 重点客户交期回顾：不锈钢法兰 数量：200个 单价：38.5元<br>3. 5月备货计划</p>"
            "<p>请准时参加。</p></body></html>\n")
    calendar = ics("Q2采购订单评审会", "20240516T060000Z", "20240516T073000Z", "zhou.gm@example.com", "3楼大会议室",
                   "040000008200E00074C5B7101A82E0080000000060B3C8A2F5A2DA01", "4月订单交付情况、5月备货计划")
    top = multipart("alternative", "_000_MEETING0516_", [
        text_part(text, "plain", "utf-8", "base64"), text_part(html, "html", "utf-8", "base64"),
        Part(['Content-Type: text/calendar; charset="utf-8"; method=REQUEST', "Content-Transfer-Encoding: base64"],
             b64(calendar.replace("\n", "\r\n").encode("utf-8")))])
    write_eml("nonorder_meeting_ics",
              envelope(address("周总", "zhou.gm@example.com"), "会议邀请：Q2采购订单评审会",
                       "Fri, 10 May 2024 10:00:00 +0800", "meeting-0516-q2review@example.com",
                       extra=OUTLOOK_HEADERS),
              top)


def nonorder_meeting_google() -> None:
    text = ("Daniel Lim has invited you to a meeting.\n\nPO NWC-PO-7781 review call\n"
            "Thursday May 16, 2024 ⋅ 3:00 – 3:30pm (Singapore Standard Time)\n\n"
            "Join with Google Meet: https://meet.google.com/abc-defg-hij\n\n"
            "Agenda:\nItem 1 code: NW-HX-220\nItem 1 qty: 5,000 pcs\nDelivery date: 15/05/2024 - can it move?\n\n"
            "Invitation from Google Calendar: https://calendar.google.com/calendar/\n\n"
            "You are receiving this email because you are an attendee on the event. To stop receiving future "
            "updates for this event, decline this event.\n")
    calendar = ics("PO NWC-PO-7781 review call", "20240516T070000Z", "20240516T073000Z",
                   "daniel.lim@northwind-comp.sg", "https://meet.google.com/abc-defg-hij",
                   "6v1q2c3d4e5f6g7h8i9j0k@google.com", "Agenda: quantities and delivery date of PO NWC-PO-7781")
    top = multipart("mixed", "000000000000f1e2d3061890abcd", [
        multipart("alternative", "000000000000f1e2d1061890abcb", [
            text_part(text, "plain", "utf-8", "quoted-printable"),
            Part(['Content-Type: text/calendar; charset="UTF-8"; method=REQUEST',
                  "Content-Transfer-Encoding: 7bit"], calendar)]),
        file_part(calendar.encode("utf-8"), "application/ics", ('name="invite.ics"', 'filename="invite.ics"'))])
    write_eml("nonorder_meeting_google",
              envelope(address("Daniel Lim", "daniel.lim@northwind-comp.sg"),
                       "Invitation: PO NWC-PO-7781 review call @ Thu May 16, 2024 3pm - 3:30pm (SGT) (orders@example.com)",
                       "Fri, 10 May 2024 11:00:00 +0800", "calendar-7b1e2f3a-0516@google.com",
                       extra=("Sender: Google Calendar <calendar-notification@google.com>",)),
              top)


def nonorder_invoice_pdf() -> None:
    pdf = pdf_bytes("""
<h1>Apex Fasteners Co., Ltd.<br>COMMERCIAL INVOICE</h1>
<table class="head">
<tr><td>Invoice No.: INV-2024-0457</td><td>Invoice date: 2024-05-08</td></tr>
<tr><td>Customer PO: 4500019921</td><td>Due date: 2024-06-07</td></tr>
</table>
<table>
<tr><th>Item</th><th>Description</th><th>Qty</th><th>Unit</th><th>Unit price</th><th>Amount</th></tr>
<tr><td>AF-HB-1040</td><td>Hex bolt M10x40 8.8 zinc</td><td class="r">40,000</td><td>pcs</td><td class="r">0.045</td><td class="r">1,800.00</td></tr>
<tr><td>AF-NY-10</td><td>Nylon lock nut M10</td><td class="r">40,000</td><td>pcs</td><td class="r">0.060</td><td class="r">2,400.00</td></tr>
</table>
<p>Amount due: USD 4,200.00 (bank charges USD 10.00 to your account: USD 4,210.00)</p>
""")
    body = ("Dear Customer,\n\nPlease find attached invoice INV-2024-0457 for PO 4500019921.\n"
            "Amount due: USD 4,210.00\nDue date: 2024-06-07\n\nKind regards,\nAccounts Receivable\n"
            "Apex Fasteners Co., Ltd.\n")
    top = multipart("mixed", "=_mix_INV20240457", [
        text_part(body, "plain", "us-ascii", "7bit"),
        file_part(pdf, "application/pdf", ('name="INV-2024-0457.pdf"', 'filename="INV-2024-0457.pdf"'))])
    write_eml("nonorder_invoice_pdf",
              envelope(address("Accounts Receivable", "ar@apexfasteners.com"),
                       "Invoice INV-2024-0457 for PO 4500019921", "Wed, 08 May 2024 16:00:00 +0800",
                       "inv-2024-0457.ar@apexfasteners.com"),
              top)


def nonorder_bounce_report() -> None:
    notice = ("This is the mail system at host mx1.haiyun-marine.com.\n\n"
              "I'm sorry to have to inform you that your message could not\nbe delivered to one or more recipients. "
              "It's attached below.\n\n<purchase@haiyun-marine.com>: host mx2.haiyun-marine.com[10.0.3.12] said:\n"
              "    550 5.1.1 <purchase@haiyun-marine.com>: Recipient address rejected: User unknown\n")
    status = ("Reporting-MTA: dns; mx1.haiyun-marine.com\nArrival-Date: Tue, 23 Apr 2024 09:12:01 +0800 (CST)\n\n"
              "Final-Recipient: rfc822; purchase@haiyun-marine.com\nAction: failed\nStatus: 5.1.1\n"
              "Diagnostic-Code: smtp; 550 5.1.1 <purchase@haiyun-marine.com>: Recipient address rejected: User unknown\n")
    original = ("From: orderloop <orders@example.com>\nTo: purchase@haiyun-marine.com\n"
                "Subject: =?utf-8?b?W1NPMjAyNDA0MDA0OF0g5a6i5oi36ZyA5rGC5riF5Y2V5b6F56Gu6K6k?=\n"
                "Date: Tue, 23 Apr 2024 09:12:00 +0800\nMessage-ID: <SO2024040048.requirements_list.5e6f7a@example.com>\n")
    top = multipart("report", "8C1A21E0B3.1713834721/mx1.haiyun-marine.com", [
        Part(["Content-Description: Notification", 'Content-Type: text/plain; charset="us-ascii"'], notice),
        Part(["Content-Description: Delivery report", "Content-Type: message/delivery-status"], status),
        Part(["Content-Description: Undelivered Message Headers", "Content-Type: text/rfc822-headers"], original)],
        params=" report-type=delivery-status;")
    write_eml("nonorder_bounce_report",
              envelope("MAILER-DAEMON@mx1.haiyun-marine.com (Mail Delivery System)",
                       "Undelivered Mail Returned to Sender", "Tue, 23 Apr 2024 09:12:01 +0800",
                       "20240423011201.8C1A21E0B3@mx1.haiyun-marine.com",
                       extra=("Auto-Submitted: auto-replied",)),
              top, preamble="This is a MIME-encapsulated message.\n")


GENERATORS = [
    html_outlook_gbk, html_outlook_label_table, html_qq_gb18030, html_foxmail_gb18030, html_inline_image,
    html_gmail, html_thead_tfoot, html_nested,
    csv_utf8_bom, csv_gbk, csv_en, xlsx_header_block, xlsx_bilingual_totals, xlsx_rfc2047_name,
    pdf_erp_zh, pdf_erp_en, pdf_rfc2231,
    reply_signoff_photo, reply_signoff_scan,
    nonorder_meeting_ics, nonorder_meeting_google, nonorder_invoice_pdf, nonorder_bounce_report,
]


def main() -> None:
    for generate in GENERATORS:
        generate()
        print(f"wrote {generate.__name__}.eml")


if __name__ == "__main__":
    main()
