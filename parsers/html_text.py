"""HTML mail to plain text with the standard library's html.parser.

Scripts and styles are dropped; block elements and <br> end a line; table
cells on one row are joined with a tab, so that a row of label and value cells
reads like "客户名称<TAB>上海某公司" and a header row like a table header.
Text inside <blockquote> (a quoted earlier message) is prefixed with "> " so
that quote stripping removes it as it does in plain-text mail.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

__all__ = ["html_to_text"]

_SKIP = frozenset({"script", "style", "head", "title", "template", "noscript"})
_BLOCK = frozenset({"p", "div", "br", "tr", "li", "ul", "ol", "table", "thead", "tbody", "tfoot",
                    "h1", "h2", "h3", "h4", "h5", "h6", "pre", "hr", "section", "article",
                    "header", "footer", "address", "dl", "dt", "dd", "form", "fieldset",
                    "caption", "center", "body", "html", "blockquote", "figure", "main", "nav"})
_CELL = frozenset({"td", "th"})
_SPACES = re.compile(r"[ \t\r\n\f\u00a0]+")


class _TextBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.skip = 0
        self.quote = 0
        self.pre = 0
        self.cell_started = False

    def _end_line(self) -> None:
        line = "".join(self.current).strip(" ")
        line = line.strip("\t") if not line.strip() else line.rstrip()
        prefix = "> " * self.quote
        self.lines.append(prefix + line if line else "")
        self.current = []
        self.cell_started = False

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _SKIP:
            self.skip += 1
        elif tag in _CELL:
            if self.cell_started:
                self.current.append("\t")
            self.cell_started = True
        elif tag in _BLOCK:
            if self.current:
                self._end_line()
            if tag == "blockquote":
                self.quote += 1
            elif tag == "pre":
                self.pre += 1

    def handle_startendtag(self, tag: str, attrs) -> None:
        if tag in ("br", "hr", "p", "div"):
            self._end_line()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCK and tag not in ("br",):
            if self.current:
                self._end_line()
            if tag == "blockquote":
                self.quote = max(0, self.quote - 1)
            elif tag == "pre":
                self.pre = max(0, self.pre - 1)

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if self.pre:
            parts = data.split("\n")
            for part in parts[:-1]:
                self.current.append(part)
                self._end_line()
            self.current.append(parts[-1])
        elif self.current or data.strip(" \t\r\n\f\u00a0"):
            # whitespace between tags before any text would make an empty line of its own
            self.current.append(_SPACES.sub(" ", data))


def html_to_text(html: str) -> str:
    builder = _TextBuilder()
    try:
        builder.feed(html)
        builder.close()
    except Exception:  # html.parser is lenient, but a parser bug must not lose the mail
        pass
    if builder.current:
        builder._end_line()
    text = "\n".join(builder.lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()
