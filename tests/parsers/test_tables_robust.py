"""Table reading keeps the parser's guarantees: no exception for any text
shaped like a table, and time linear in the input."""
from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parsers import parse_email, parse_order_text
from parsers.html_text import html_to_text

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

WORDS = ["序号", "品名", "规格", "数量", "单价", "金额", "合计", "小计", "运费", "折扣", "Total", "Qty", "No.",
         "Description", "Unit Price", "数量(台)", "单价(元/台)", "品名/Description", "备注", "A产品", "L-500×300",
         "100台", "1,000", "¥500.00", "-200", "１２", "—", "N/A", "大写：伍万元整", "合计：¥1,200", "客户名称：", "x",
         "", " ", "　", "1", "2", "P001", "99999999999999999999999999999999", "1e999", "0.0000001", "面议", "约100"]
SEPARATORS = ["\t", " | ", "  ", " ", "　", "│", "|", "\t\t"]


@st.composite
def table_text(draw):
    lines = []
    for _ in range(draw(st.integers(1, 12))):
        kind = draw(st.sampled_from(["row", "rule", "blank", "plain"]))
        if kind == "row":
            cells = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=9))
            sep = draw(st.sampled_from(SEPARATORS))
            edge = draw(st.sampled_from(["", "|", "| "]))
            lines.append(edge + sep.join(cells) + edge)
        elif kind == "rule":
            lines.append(draw(st.sampled_from(["+----+----+", "|---|:--:|", "------  -----", "┌──┬──┐", "===="])))
        elif kind == "blank":
            lines.append(draw(st.sampled_from(["", "\t\t", "   "])))
        else:
            lines.append(draw(st.sampled_from(WORDS)))
    return "\n".join(lines)


@SETTINGS
@given(table_text())
def test_table_shaped_text_never_raises(text):
    draft, problems = parse_order_text(text)
    draft.model_dump(mode="json")


@st.composite
def table_html(draw):
    tags = ["<table>", "</table>", "<tr>", "</tr>", "<td>", "</td>", "<th>", "<td colspan=3>", "<td rowspan=2>",
            "<td colspan=0 rowspan=-1>", "<br>", "<p>", "</p>", "<thead>", "<tbody>", "<blockquote>", "</blockquote>",
            "<img src='cid:x'>", "<!--", "-->", "<![if !supportLists]>", "<style>", "</style>", "<o:p>", "&nbsp;",
            "<", ">", "&#x0;", "<pre>", "</pre>"]
    return "".join(draw(st.lists(st.sampled_from(tags + WORDS), max_size=60)))


@SETTINGS
@given(table_html())
def test_table_shaped_html_never_raises(html):
    text = html_to_text(html)
    parse_order_text(text)


PLAIN = b"Subject: order\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
PATHOLOGICAL = {
    "aligned_rows": "序号  品名      数量  单价\n" + "1     A产品     100   5\n" * 200_000,
    "aligned_one_long_row": "序号  品名      数量  单价\n" + "1 " * 200_000,
    "header_lines": "数量 单价 金额 品名\n" * 200_000,
    "cell_per_line_headers": "数量\n单价\n品名\n\n" * 200_000,
    "cell_per_line_then_blanks": "数量\n单价\n品名\n" + "\n" * 1_000_000,
    "pipe_rows": "序号|品名|数量|单价\n" + "1|A产品|100|5\n" * 300_000,
    "wrapped_rows": "| 序号 | 品名 | 数量 |\n| 1 | A | 1 |\n" + "| | 长名 | |\n" * 300_000,
    "total_rows": "品名|数量|金额\nA|1|5\n" + "合计|1|5\n" * 300_000,
    "tab_spacers": "品名\t数量\nA\t1\n" + "\t\t\t\n" * 500_000,
}


@pytest.mark.parametrize("name", PATHOLOGICAL)
def test_big_table_bodies_parse_quickly(name):
    raw = PLAIN + PATHOLOGICAL[name].encode()
    start = time.perf_counter()
    parse_email(raw).contract()
    assert time.perf_counter() - start < 3  # well under a second on one core; the machines are shared
