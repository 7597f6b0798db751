"""Item tables pasted into an order.

Customers paste tables: from Excel (tab-separated), from an HTML mail
(html_text writes a row as tab-separated cells), as markdown or ASCII grids
(| cells |, +----+ rules), aligned with spaces in a monospace layout, or one
cell per line (Outlook's plain-text part). A header row names the columns
(header_label: "品名/Description", "数量(台)"); a second header row (English
below Chinese, 单价/金额 below 价格) completes it. Each row below is a line
item: it names something (code, name or spec) and has a figure (quantity,
price or amount). Rows that state a total, freight or a discount (合计,
Total, 运费) give those figures; a row with words only under the name or spec
is the wrapped end of the row above; notes, titles and "label: value" lines
inside the table are read as text. What a column holds settles what it is: a
"No." column of codes is the code, an "Item" column of 1, 2, 3 the line
number. A table ends at a blank line below its rows, at a new header, and,
when aligned with spaces, at a line that does not fit its columns.

cells: a line cut into cells or space-aligned words; headers: the columns a
header row names; column_fields: what the columns hold settles what they are;
table: one table being read and the pairs it gives; totals: its total, freight
and discount rows; vertical: a table written one cell per line; sideways: a
table with one item per column.

The names below are the package's public face, what the pair reader
(parsers.pair_reader) uses; a table asks of its reader only what
table.LineReader says, so the package imports nothing of the reader.
"""
from parsers.tables.cells import SEPARATOR, has_digit, split_cells
from parsers.tables.headers import Column, all_headers, header_kind
from parsers.tables.sideways import transposed_pairs, transposed_row
from parsers.tables.table import LineReader, Table, aligned_table
from parsers.tables.totals import GOODS_OR_TOTAL
from parsers.tables.vertical import vertical_table

__all__ = ["SEPARATOR", "has_digit", "split_cells", "Column", "all_headers", "header_kind", "transposed_pairs",
           "transposed_row", "LineReader", "Table", "aligned_table", "GOODS_OR_TOTAL", "vertical_table"]
