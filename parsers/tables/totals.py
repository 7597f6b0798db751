"""Rows below a table's items that state a total, freight or a discount
(合计, Total, 运费, 优惠), and the pairs they give: a 合计 or Total equal to the
sum of the lines is the goods total, otherwise the total payable."""
from __future__ import annotations

from decimal import Decimal

from orders.money import line_amount
from parsers import amounts
from parsers.labels import Label, summary_kind
from parsers.pairs import Pair
from parsers.tables.cells import is_code, is_integer
from parsers.text import normalize

# A 合计 that equals the sum of the lines: the goods total, and the total payable
# as well when the mail states no freight and no discount.
GOODS_OR_TOTAL = "goods_or_total"


class Totals:
    """The total rows of a table (a part of Table: uses its rows, fields and summaries)."""

    def _summary(self, values: list[str], first: str) -> bool:
        """A row of a total, freight or discount: its kind and figure are kept."""
        found = summary_kind(normalize(first))
        if found is None:
            return False
        for name, value in zip(self.fields, values):  # a numbered row or a coded one is an item ("1 | 运费 | …")
            if value and value != first and ((name == "sku" and is_code(value))
                                             or (name == "line" and is_integer(value))):
                return False
        kind, inline = found
        candidates = [self._value(values, "amount"), inline]
        candidates += [value for name, value in reversed(list(zip(self.fields, values)))
                       if value and value != first and name != "quantity"]
        figure = next((value for value in candidates if value and amounts.parse_amount(value) is not None), None)
        if figure is not None:
            self.summaries.append((kind, figure))
        return True

    def _goods_sum(self, fields: list[str | None]):
        """The sum of the line amounts (quantity × price where no amount is written)."""
        def cell(row: list[str], name: str) -> str:
            return next((row[n] for n, f in enumerate(fields) if f == name and n < len(row)), "")

        total = Decimal(0)
        try:
            for row in self.rows:
                amount = amounts.parse_amount(cell(row, "amount")) if cell(row, "amount") else None
                if amount is None:
                    quantity = amounts.parse_quantity(cell(row, "quantity") or "-")
                    price = amounts.parse_amount(cell(row, "unit_price") or "-")
                    if quantity is None or price is None:
                        return None
                    amount = line_amount(quantity[0], price)
                total += amount
        except (ArithmeticError, ValueError):
            return None
        return total if self.rows else None

    def _summary_pairs(self, fields: list[str | None]) -> list[Pair]:
        pairs: list[Pair] = []
        goods = self._goods_sum(fields) if self.summaries else None
        goods_stated = False
        for kind, value in self.summaries:
            figure = amounts.parse_amount(value)
            if figure is None or kind == "ignore":
                continue
            if kind == "total" and goods is not None and figure == goods and not goods_stated:
                # the goods total, and the total payable too unless the mail adds freight or a discount
                pairs.append(Pair(Label("stated_goods_total"), value))
                name = GOODS_OR_TOTAL
            elif kind == "total":
                name = "stated_total"
            elif kind == "goods":
                name = "stated_goods_total"
            elif kind == "payable":
                name = "stated_total"
            else:
                name = kind
                value = value.strip().lstrip("-−–")  # a discount row shows a minus: the discount is its size
            goods_stated = goods_stated or name in ("stated_goods_total", GOODS_OR_TOTAL)
            pairs.append(Pair(Label(name), value))
        return pairs
