"""How much of one order file is read: an order form is far smaller than
any of these, so a file past them is cut or refused, never read whole."""

MAX_ROWS = 2_000  # rows read from one sheet, CSV or PDF; an order form is far shorter
MAX_COLUMNS = 64
MAX_CELL = 500  # characters kept of one cell
MAX_TEXT = 100_000  # characters of text from one file (what the reader reads of a body)
MAX_SHEETS = 3  # sheets looked at for an item table
MAX_UNZIPPED = 64 * 1024 * 1024  # an xlsx that unzips to more is no order form (or a zip bomb)
MAX_PAGES = 20
MAX_PAGE_CHARS = 20_000
MAX_PATHS = 5_000  # drawn objects looked at per page for ruling lines (a CAD drawing has far more)
MAX_PDF_SECONDS = 2.0
