"""Order attachments (CSV, XLSX/XLS, text PDF) → text the order readers understand.

Each file becomes rows of cells and the rows become the text a customer would
have pasted from a spreadsheet: cells joined by tabs, one row a line, which
`read_pairs` reads like the body of an email. The rows are written as they
stand, so that the table reader sees what the customer sent:

- a header block above the item table ("客户名称 | 华东机械", "PO No. | 4410",
  "交货日期：2023-10-15") as rows of label and value cells;
- the item table as its header row and one row per item, every row with the
  header's columns: an empty cell is an empty string between two tabs, so the
  columns line up (trailing empty cells are left off); columns and rows that
  are empty throughout are dropped;
- totals, notes and other rows as they are.

Two things are rewritten: a header cell in two languages ("品名 Description",
"单价(元)\nUnit price") is written as its Chinese label, which the readers
know; and a tab, line break or bar inside a cell becomes a space or a slash,
since those separate cells for the reader.

Formats:
- CSV: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (GBK);
  comma, semicolon, tab or bar, whichever splits the most lines.
- XLSX, XLS (and WPS .et): python-calamine, the first visible sheet that holds
  an item table (else the first with data). Numbers as Excel shows them (15
  significant digits: 3150.0 is "3150", 0.1+0.2 is "0.3"), dates as ISO.
  Formulas read as the value Excel saved with the file. Under a header cell
  merged across columns, a row's cells in those columns are one cell. A
  workbook with a sheet far larger than an order form is refused before
  calamine opens it (see MAX_AREA).
- HTML saved as .xls (web ERPs do this): its table rows, through html_to_text.
- PDF: text PDFs only (an image-only scan has no text and yields nothing; no
  OCR), through pypdfium2: characters with their boxes are grouped into lines,
  lines are cut into cells at wide gaps and at ruling lines, and the lines
  below an item table's header are placed under its columns, a cell wrapped
  onto a second line joined again, a header's second line (English under
  Chinese) dropped, and the header carried to pages that do not repeat it.
  pdfplumber reads the same tables in pure Python at a fifth of the speed
  (24 ms a page against 5 ms, so about 40 one-page orders a second against
  the 100 wanted), so it is not used. PDFium is not thread-safe: one lock.

Every reader is bounded (rows, columns, pages, characters, seconds, the area
of a sheet, what a PDF inflates to) and wrapped: a broken file gives no text,
never an exception.
"""
from __future__ import annotations

from parsers.attachments.delimited import csv_rows, html_rows
from parsers.attachments.grid import grid_text
from parsers.attachments.limits import MAX_TEXT
from parsers.attachments.pdf import pdf_rows
from parsers.attachments.sheets import workbook_rows
from parsers.message import MailMessage, OrderFile

__all__ = ["attachment_texts", "file_text", "grid_text"]


def attachment_texts(mail: MailMessage) -> list[str]:
    """One text per readable order file (CSV, spreadsheet, text PDF): header-block
    rows and table rows with tab-separated cells, so `read_pairs` reads them
    like a pasted table. Files that cannot be read give nothing; never raises."""
    texts = []
    for order_file in getattr(mail, "order_files", None) or []:
        text = file_text(order_file)
        if text.strip():
            texts.append(text)
    return texts


def file_text(order_file: OrderFile) -> str:
    """The text of one order file; "" when it cannot be read."""
    try:
        reader = _READERS.get(order_file.kind)
        return grid_text(reader(order_file.data))[:MAX_TEXT] if reader else ""
    except MemoryError:
        raise  # a file that exhausts memory is the memory budget's to judge (flows.parse_budget)
    except Exception:  # a broken or hostile file costs its own text and nothing else
        return ""



# One reader per kind of order file (parsers.message.order_file_kind): bytes → rows of cells.
_READERS = {"csv": csv_rows, "html": html_rows, "xlsx": workbook_rows, "xls": workbook_rows, "pdf": pdf_rows}
