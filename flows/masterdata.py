"""`orderloop import customers|products|staff FILE.csv`: all rows or none.

The file is the whole list: an import replaces that master table, so a row
left out of the file is gone. Every bad row is reported (row number, column,
what is wrong) and nothing is stored unless every row is good.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

from pydantic import BaseModel, ValidationError

from orders.stock import StockError
from store.directory import MODELS
from store.keys import KEYS
from store.repository import MasterKind, Repository

REQUIRED = {
    "customers": ("code", "name", "contact", "phone", "email", "address", "credit_limit", "outstanding",
                  "overdue", "payment_terms", "sales_rep_email"),
    "products": ("sku", "name", "spec", "unit", "unit_price", "kind", "stock", "lead_days"),
    "staff": ("email", "name", "role", "deputy_email"),
}


class ImportFailed(Exception):
    def __init__(self, path: Path, errors: list[str]):
        self.errors = errors
        shown = "; ".join(errors[:20]) + (f"; … {len(errors) - 20} more" if len(errors) > 20 else "")
        super().__init__(f"{path}: nothing imported: {shown}")


def decode_csv(data: bytes) -> str:
    """UTF-8 (with or without BOM) or GBK, as spreadsheets in China save them."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValueError("the file is neither UTF-8 nor GBK text")


def csv_rows(path: Path, required) -> Iterator[tuple[int, dict]]:
    """The file's rows with their numbers (row 1 is the header); ImportFailed when it
    cannot be read or its header lacks a required column."""
    try:
        text = decode_csv(path.read_bytes())
    except (OSError, ValueError) as exc:
        raise ImportFailed(path, [str(exc)]) from exc
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip() for h in reader.fieldnames or []]
    missing = [c for c in required if c not in header]
    if missing:
        raise ImportFailed(path, [f"header lacks column(s) {', '.join(missing)}"])
    return enumerate(reader, start=2)


def read_rows(kind: MasterKind, path: Path) -> list[BaseModel]:
    records, errors, seen = [], [], {}
    for row_no, row in csv_rows(path, REQUIRED[kind]):
        # An empty cell means "use the default", so it is left out rather than passed as None.
        values = {k.strip(): v.strip() for k, v in row.items() if k and v and v.strip()}
        try:
            record = MODELS[kind].model_validate(values)
        except ValidationError as exc:
            errors += [f"row {row_no}, column {'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()]
            continue
        key = str(getattr(record, KEYS[kind])).casefold()
        if key in seen:
            errors.append(f"row {row_no}, column {KEYS[kind]}: duplicate of row {seen[key]}")
        seen[key] = row_no
        records.append(record)
    if errors:
        raise ImportFailed(path, errors)
    return records


def import_master(repository: Repository, kind: MasterKind, path: Path) -> int:
    records = read_rows(kind, path)
    try:
        with repository.unit_of_work() as uow:
            uow.replace_master(kind, records)
    except StockError as exc:  # a count below what effective orders hold: nothing is stored
        raise ImportFailed(path, [str(exc)]) from exc
    return len(records)
