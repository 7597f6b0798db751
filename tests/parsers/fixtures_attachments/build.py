"""Order files and the emails that carry them, built from code so that the
repository holds no binaries and every fixture shows what it contains.

- `purchase_order_pdf()`: an ERP-style purchase order (采购订单) rendered by
  WeasyPrint with Noto Sans CJK SC: a header block, an item table (ruled grid
  or plain), bilingual column headers stacked in the cell, a long name that
  wraps, a row without a spec, a totals row, terms and notes below.
- `order_xlsx()`: the same order as a workbook (openpyxl): a merged title, a
  header block of label and value cells, a bilingual header with a cell merged
  over two columns, numbers as floats, dates as dates, an unknown column (税率).
- `order_csv()`: the same order as CSV in any encoding and delimiter.
- `mime_email()`: a multipart message built by hand, so that each way of naming
  an attachment (RFC 2231, RFC 2047 inside quotes, raw GBK) is written exactly.
"""
from __future__ import annotations

import base64
import csv
import io
import re
import struct
import zipfile
import zlib
from datetime import date
from functools import lru_cache
from urllib.parse import quote

ITEMS = [
    # line, sku, name, spec, unit, quantity, unit price, amount
    (1, "P001", "A产品", "L-500×300", "台", 100, 500.0, 50000.0),
    (2, "P002", "B配件", "M8×40", "个", 2000, 1.25, 2500.0),
    (3, "P003", "C型温度传感器（带防水接头及两米屏蔽线缆）", None, "只", 3150.0, 0.1 + 0.2, 945.0),
]
CUSTOMER = "华东机械有限公司"
PO_NO = "PO-2023-4410"


def _money(value: float) -> str:
    return f"{value:,.2f}"


# --- PDF -------------------------------------------------------------------------------

_CSS = """
@page { size: A4; margin: 15mm; @bottom-right { content: "第 " counter(page) " 页" } }
html { font-family: "Noto Sans CJK SC"; font-size: 10pt }
h1 { font-size: 16pt; text-align: center }
table.head td { padding: 1pt 12pt 1pt 0 }
table.items { border-collapse: collapse; width: 100%; margin: 6pt 0 }
table.items.ruled th, table.items.ruled td { border: 0.6pt solid #000 }
table.items th, table.items td { padding: 2pt 4pt; vertical-align: middle }
td.num { text-align: right }
td.name { width: 30mm }
"""


def purchase_order_html(*, ruled: bool = True, bilingual: bool = True, items=ITEMS, repeat: int = 1,
                        header_on_every_page: bool = True, watermark: bool = False) -> str:
    def header(zh: str, en: str) -> str:
        return f"<th>{zh}<br>{en}</th>" if bilingual else f"<th>{zh}</th>"
    heads = "".join(header(zh, en) for zh, en in [
        ("序号", "No."), ("物料编码", "Item code"), ("品名", "Description"), ("规格型号", "Spec"),
        ("单位", "Unit"), ("数量", "Qty"), ("单价", "Unit price"), ("金额", "Amount"), ("税率", "Tax")])
    rows = []
    for copy in range(repeat):
        for line, sku, name, spec, unit, quantity, price, amount in items:
            number = copy * len(items) + line
            rows.append(f"<tr><td>{number}</td><td>{sku}</td><td class=name>{name}</td><td>{spec or ''}</td>"
                        f"<td>{unit}</td><td class=num>{quantity:g}</td><td class=num>{price:.2f}</td>"
                        f"<td class=num>{_money(amount)}</td><td>13%</td></tr>")
    goods = sum(item[7] for item in items) * repeat
    stamp = ('<div style="position: absolute; top: 110mm; left: 20mm; font-size: 60pt; color: #ddd;'
             ' transform: rotate(-30deg)">副本 COPY</div>') if watermark else ""
    return f"""<html><head><style>{_CSS}</style></head><body>{stamp}
<h1>采购订单 Purchase Order</h1>
<table class=head>
<tr><td>采购单号：{PO_NO}</td><td>下单日期：2023-09-28</td></tr>
<tr><td>采购单位：{CUSTOMER}</td><td>联系人：王建国</td></tr>
<tr><td>联系电话：13800138000</td><td>收货地址：上海市浦东新区张江路100号</td></tr>
</table>
<table class="items{' ruled' if ruled else ''}">
{'<thead>' if header_on_every_page else '<tbody>'}<tr>{heads}</tr>{'</thead><tbody>' if header_on_every_page else ''}
{''.join(rows)}
<tr><td colspan=7>合计</td><td class=num>{_money(goods)}</td><td></td></tr>
</tbody></table>
<p>运费：800.00</p>
<p>交货日期：2023-10-15</p>
<p>付款方式：预付30%，余款月结30天</p>
<p>备注：需防潮包装</p>
<p>制单：李娜　　审核：张伟</p>
</body></html>"""


@lru_cache(maxsize=None)
def _fonts():
    from weasyprint.text.fonts import FontConfiguration
    return FontConfiguration()


def render_pdf(html: str) -> bytes:
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher
    fetcher = URLFetcher(allowed_protocols={"data"})
    return HTML(string=html, url_fetcher=fetcher).write_pdf(font_config=_fonts())


@lru_cache(maxsize=None)
def purchase_order_pdf(*, ruled: bool = True, bilingual: bool = True, repeat: int = 1,
                       header_on_every_page: bool = True, watermark: bool = False) -> bytes:
    return render_pdf(purchase_order_html(ruled=ruled, bilingual=bilingual, repeat=repeat,
                                          header_on_every_page=header_on_every_page, watermark=watermark))


def _png(width: int = 16, height: int = 16) -> bytes:
    """A grey picture: what a scanner puts on a page instead of text."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    pixels = b"".join(b"\x00" + b"\xa0\xa0\xa0" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(pixels)) + chunk(b"IEND", b""))


@lru_cache(maxsize=None)
def scanned_pdf() -> bytes:
    """A page with a picture and no text, as a scanner makes it."""
    picture = base64.b64encode(_png()).decode()
    return render_pdf(f'<img src="data:image/png;base64,{picture}" style="width:180mm;height:250mm">')


# --- spreadsheets and CSV --------------------------------------------------------------


def fixed_zip(data: bytes) -> bytes:
    """A workbook's bytes made the same on every run: openpyxl stamps the zip's
    entries and docProps/core.xml with the time it saves."""
    source, target = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "docProps/core.xml":
                content = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>2023-09-28T08:00:00Z", content)
            archive.writestr(zipfile.ZipInfo(info.filename, date_time=(2023, 9, 28, 8, 0, 0)), content,
                             compress_type=zipfile.ZIP_DEFLATED)
    return target.getvalue()


@lru_cache(maxsize=None)
def order_xlsx() -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "采购订单"
    sheet.append(["采购订单 Purchase Order"])
    sheet.merge_cells("A1:J1")
    sheet.append(["客户名称", CUSTOMER, None, None, None, None, "采购单号 PO No.", PO_NO])
    sheet.merge_cells("B2:D2")
    sheet.append(["联系人：", "王建国", None, None, None, None, "下单日期 Order date", date(2023, 9, 28)])
    sheet.append(["联系电话", 13800138000.0, None, None, None, None, "交货日期", date(2023, 10, 15)])
    sheet.append(["收货地址", "上海市浦东新区张江路100号"])
    sheet.merge_cells("B5:J5")
    sheet.append([])
    sheet.append(["序号\nNo.", "物料编码 Item code", "品名 Description", None, "规格型号 Spec", "单位",
                  "*数量 Qty", "单价(元) Unit price", "金额(元)", "税率"])
    sheet.merge_cells("C7:D7")
    for line, sku, name, spec, unit, quantity, price, amount in ITEMS:
        sheet.append([line, sku, name, None, spec, unit, quantity, price, amount, 0.13])
    total = sum(item[7] for item in ITEMS)
    sheet.append(["合计", None, None, None, None, None, sum(item[5] for item in ITEMS), None, total])
    sheet.append([])
    sheet.append(["运费", 800.0])
    sheet.append(["付款方式", "预付30%，余款月结30天"])
    sheet.append(["备注", "需防潮包装"])
    other = book.create_sheet("产品目录")  # a price list on a second sheet: not the order
    other.append(["物料编码", "品名", "单价"])
    other.append(["P009", "Z产品", 99.0])
    buffer = io.BytesIO()
    book.save(buffer)
    return fixed_zip(buffer.getvalue())


def order_csv(*, encoding: str = "utf-8-sig", delimiter: str = ",") -> bytes:
    rows = [["客户名称", CUSTOMER], ["PO No.", "4410"], ["交货日期", "2023-10-15"], [],
            ["序号", "商品编码", "商品名称", "规格型号", "单位", "数量", "单价", "金额"]]
    for line, sku, name, spec, unit, quantity, price, amount in ITEMS[:2]:
        rows.append([str(line), sku, name, spec, unit, f"{quantity:g}", f"{price:.2f}", _money(amount)])
    rows.append(["运费", "800"])
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode(encoding)


# --- emails ----------------------------------------------------------------------------


def name_header(name: str, style: str) -> str:
    """Content-Disposition for `name` written one of the ways mail clients write it."""
    if style == "rfc2231":  # the standard: what Thunderbird and Python's email package send
        return f"attachment; filename*=UTF-8''{quote(name)}"
    if style == "rfc2231-sections":
        half = len(name) // 2
        return (f"attachment;\r\n filename*0*=UTF-8''{quote(name[:half])};\r\n"
                f" filename*1*={quote(name[half:])}")
    if style == "rfc2047-quoted-gbk":  # Outlook, Foxmail: forbidden by RFC 2047, sent all the same
        word = base64.b64encode(name.encode("gbk")).decode()
        return f'attachment; filename="=?GBK?B?{word}?="'
    if style == "rfc2047-quoted-utf8-split":  # a long name cut into two words mid-character
        data = name.encode("utf-8")
        first, second = (base64.b64encode(part).decode() for part in (data[:7], data[7:]))
        return f'attachment;\r\n filename="=?UTF-8?B?{first}?=\r\n =?UTF-8?B?{second}?="'
    if style == "raw-gbk":
        return 'attachment; filename="' + name.encode("gbk").decode("latin-1") + '"'
    if style == "ascii":
        return f'attachment; filename="{name}"'
    raise ValueError(style)


def mime_email(attachments: list[tuple[str, str, bytes, str]], *, subject: str = "采购订单",
               body: str = "您好，订单见附件，请安排发货。\r\n王建国", sender: str = "wang.jg@huadong.example.cn") -> bytes:
    """A multipart/mixed message; each attachment is (name, content type, data, name style)."""
    encoded_subject = "=?UTF-8?B?" + base64.b64encode(subject.encode()).decode() + "?="
    parts = [f"From: =?UTF-8?B?{base64.b64encode('王建国'.encode()).decode()}?= <{sender}>",
             "To: orders@example.com", f"Subject: {encoded_subject}",
             "Date: Thu, 28 Sep 2023 10:15:00 +0800", "Message-ID: <po4410@huadong.example.cn>",
             "MIME-Version: 1.0", 'Content-Type: multipart/mixed; boundary="=_b"', "",
             "--=_b", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: base64", "",
             base64.encodebytes(body.encode()).decode().strip()]
    for name, content_type, data, style in attachments:
        parts += ["--=_b", f"Content-Type: {content_type}", "Content-Transfer-Encoding: base64",
                  "Content-Disposition: " + name_header(name, style), "",
                  base64.encodebytes(data).decode().strip()]
    parts += ["--=_b--", ""]
    return "\r\n".join(parts).encode("latin-1")  # raw-gbk names are GBK bytes written as Latin-1


# --- a legacy .xls, written by hand (no library here writes BIFF8) ----------------------

def _biff(kind: int, body: bytes) -> bytes:
    return struct.pack("<HH", kind, len(body)) + body


def _biff_sheet(cells: dict[tuple[int, int], object]) -> bytes:
    rows = max((row for row, _column in cells), default=0) + 1
    columns = max((column for _row, column in cells), default=0) + 1
    records = [_biff(0x0809, struct.pack("<HHHHII", 0x0600, 0x0010, 0x0DBB, 0x07CC, 0, 6)),
               _biff(0x0200, struct.pack("<IIHHH", 0, rows, 0, columns, 0))]
    for (row, column), value in sorted(cells.items()):
        if isinstance(value, str):
            text = value.encode("utf-16-le")
            records.append(_biff(0x0204, struct.pack("<HHHHB", row, column, 0, len(value), 1) + text))
        else:
            records.append(_biff(0x0203, struct.pack("<HHHd", row, column, 0, float(value))))
    return b"".join(records) + _biff(0x000A, b"")


def xls(cells: dict[tuple[int, int], object], sheet_name: str = "订单") -> bytes:
    """An Excel 97-2003 workbook of one sheet: (row, column) → text or number."""
    name = sheet_name.encode("utf-16-le")
    globals_ = [_biff(0x0809, struct.pack("<HHHHII", 0x0600, 0x0005, 0x0DBB, 0x07CC, 0, 6)),
                _biff(0x0042, struct.pack("<H", 1200))]
    boundsheet_size = 4 + 4 + 2 + 2 + len(name)
    sheet_offset = sum(map(len, globals_)) + boundsheet_size + 4  # after BOUNDSHEET and EOF
    globals_ += [_biff(0x0085, struct.pack("<IBBBB", sheet_offset, 0, 0, len(sheet_name), 1) + name),
                 _biff(0x000A, b"")]
    stream = b"".join(globals_) + _biff_sheet(cells)
    stream += b"\x00" * (-len(stream) % 512 + (4096 if len(stream) < 4096 else 0))  # no mini stream
    stream = stream[:max(len(stream), 4096)]
    sectors = len(stream) // 512
    end, free, fat_mark, none = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF
    fat = [fat_mark] + [n + 2 for n in range(sectors - 1)] + [end, end]  # FAT, stream 1..n, directory
    fat += [free] * (128 - len(fat))
    directory_sector = sectors + 1

    def entry(entry_name: str, kind: int, child: int, start: int, size: int) -> bytes:
        encoded = (entry_name + "\x00").encode("utf-16-le") if entry_name else b""
        return (encoded.ljust(64, b"\x00") + struct.pack("<HBBIII", len(encoded), kind, 1, none, none, child)
                + b"\x00" * 36 + struct.pack("<IQ", start, size))
    directory = (entry("Root Entry", 5, 1, end, 0) + entry("Workbook", 2, none, 1, len(stream))
                 + entry("", 0, none, 0, 0) * 2)
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 16
              + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\x00" * 6
              + struct.pack("<IIIIIIIII", 0, 1, directory_sector, 0, 4096, end, 0, end, 0)
              + struct.pack("<109I", 0, *([free] * 108)))
    return header + struct.pack("<128I", *fat) + stream + directory


def minimal_pdf(content: bytes, stream_dictionary: bytes = b"") -> bytes:
    """A one-page PDF whose page content is `content`, written as the stream's bytes."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
               b"<< /Length %d %s >>\nstream\n" % (len(content), stream_dictionary) + content + b"\nendstream"]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    return out + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)


def deflate_bomb_pdf(inflated: int, *, twice: bool = False) -> bytes:
    """A PDF whose page content inflates to `inflated` spaces (deflated twice: far more)."""
    deflater = zlib.compressobj(9)
    chunk = b" " * min(inflated, 1 << 22)
    content = b"".join(deflater.compress(chunk) for _ in range(max(1, inflated // len(chunk)))) + deflater.flush()
    if twice:
        return minimal_pdf(zlib.compress(content, 9), b"/Filter [/FlateDecode /FlateDecode]")
    return minimal_pdf(content, b"/Filter /FlateDecode")
