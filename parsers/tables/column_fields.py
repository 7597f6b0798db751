"""What a table's columns hold settles what they are: a "No." column of codes
is the item code, an "Item" column of 1, 2, 3 the line number; of two price
or amount columns, the one with tax."""
from __future__ import annotations

import re

from parsers.tables.cells import counts_up, is_code, is_integer

_TAX_INCLUDED = re.compile(r"含税|价税|incl", re.IGNORECASE)
_TAX_EXCLUDED = re.compile(r"不含|未税|除税|excl|net", re.IGNORECASE)


class ColumnFields:
    """The column fields of a table (a part of Table: uses its columns and rows)."""

    def _column_values(self, position: int) -> list[str]:
        return [row[position] for row in self.rows if position < len(row) and row[position].strip()]

    def _resolved_fields(self) -> list[str | None]:
        """Column fields settled by what the columns hold: a "No." column of
        codes is the item code, an "Item" column of 1, 2, 3 the line number; a
        field named twice is read from its first column (a second name column
        of codes is the code, otherwise the spec)."""
        fields = self.fields
        for position, name in enumerate(fields):
            values = self._column_values(position)
            if not values:
                continue
            if name == "line" and not all(is_integer(value) for value in values):
                fields[position] = "sku" if "sku" not in fields else ("name" if "name" not in fields else None)
            elif name in ("name", "sku") and "line" not in fields and counts_up(values):
                fields[position] = "line"
        names = [position for position, name in enumerate(fields) if name == "name"]
        if len(names) > 1:
            for position in names:
                if "sku" not in fields and all(is_code(value) for value in self._column_values(position)):
                    fields[position] = "sku"
                    break
            names = [position for position, name in enumerate(fields) if name == "name"]
            for position in names[1:]:
                fields[position] = "spec" if "spec" not in fields else None
        for name in ("unit_price", "amount"):  # 含税 before 未税 when both are given
            both = [position for position, field_name in enumerate(fields) if field_name == name]
            taxed = [position for position in both if _TAX_INCLUDED.search(self.columns[position].text)
                     and not _TAX_EXCLUDED.search(self.columns[position].text)]
            if len(both) > 1 and taxed:
                for position in both:
                    if position != taxed[0]:
                        fields[position] = None
        seen: set[str] = set()
        for position, name in enumerate(fields):
            if name in seen and name not in ("special_requirements", "ignore"):
                fields[position] = None
            elif name:
                seen.add(name)
        return fields
