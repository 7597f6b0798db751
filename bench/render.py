"""Benchmark the order documents: ms per PDF, warm, for a 5-line and a 60-line
order; PDFs/s for a batch over both cores; and the same HTML through bare
WeasyPrint in the same run, so the pipeline's own cost shows as a ratio.

    .venv/bin/python bench/render.py [ROUNDS]

"Pipeline" is DocumentRenderer.render: Jinja2, the QR code, the data-only
URL fetcher, the reused font configuration and parsed stylesheet.
"Bare" is what WeasyPrint's documentation shows for the same HTML string:
HTML(string=...).write_pdf(stylesheets=[CSS(filename=style.css)]).
Target: pipeline ≤ 1.1 × bare.
"""
from __future__ import annotations

import statistics
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from weasyprint import CSS, HTML  # noqa: E402

from orders.model import CustomerInfo, Order, OrderLine, PaymentTerms, Shipment  # noqa: E402
from templates.documents import KINDS, PDF_DIR, Company, DocumentRenderer  # noqa: E402

AT = datetime(2023, 10, 1, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
COMPANY = Company("华东示例工业有限公司", "上海市示例路1号", "021-55550000")


def sample_order(lines: int) -> Order:
    order = Order.receive("SO2023100001", at=AT, actor="bench", message_id=None)
    order.customer = CustomerInfo(code="CUST001", name="华东精密机械有限公司", contact="王先生", phone="13800000001",
                                  address="上海市浦东新区张江路100号")
    order.lines = [OrderLine(line_no=n, sku=f"P{n:03d}", name=f"A产品{n}号", spec=f"L-500×{n}", unit="台",
                             quantity=Decimal(n), unit_price=Decimal("500")) for n in range(1, lines + 1)]
    order.freight = Decimal("800")
    order.payment_terms = PaymentTerms(text="预付30%", prepayment_percent=Decimal("30"))
    order.requested_delivery_date = date(2023, 10, 15)
    order.special_requirements = "需防潮包装"
    order.shipment = Shipment(carrier="顺丰速运", tracking_no="SF1234567890", packages=4)
    order.recompute_totals()
    return order


def timed(call, rounds: int) -> float:
    """Median ms of `rounds` calls, after one warm-up call."""
    call()
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        call()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def _batch(count: int) -> tuple[int, float]:
    """Render `count` documents in this worker, warm; returns (count, seconds)."""
    renderer, orders = DocumentRenderer(COMPANY), [sample_order(5), sample_order(60)]
    renderer.render("order", orders[0], version=1)
    start = time.perf_counter()
    for n in range(count):
        renderer.render(list(KINDS)[n % len(KINDS)], orders[n % 2], version=1)
    return count, time.perf_counter() - start


def main(rounds: int) -> None:
    renderer = DocumentRenderer(COMPANY)
    print(f"{'document':<14}{'lines':>6}{'pipeline ms':>13}{'bare ms':>10}{'ratio':>7}")
    ratios = []
    for lines in (5, 60):
        order = sample_order(lines)
        for key, kind in KINDS.items():
            html = renderer.html(kind, order, version=1)
            pipeline = timed(lambda: renderer.render(key, order, version=1), rounds)
            bare = timed(lambda: HTML(string=html, base_url=str(PDF_DIR)).write_pdf(
                stylesheets=[CSS(filename=str(PDF_DIR / "style.css"))]), rounds)
            ratios.append(pipeline / bare)
            print(f"{key:<14}{lines:>6}{pipeline:>13.0f}{bare:>10.0f}{pipeline / bare:>7.2f}")
    print(f"pipeline / bare WeasyPrint: median {statistics.median(ratios):.2f}, worst {max(ratios):.2f} "
          "(target ≤ 1.1)")
    per_worker = max(30, rounds * 6)
    with ProcessPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(_batch, [per_worker, per_worker]))
    done, elapsed = sum(c for c, _ in results), max(s for _, s in results)
    print(f"batch over 2 cores: {done} documents (half 5-line, half 60-line, all five kinds) in {elapsed:.1f} s "
          f"= {done / elapsed:.1f} documents/s (warm workers)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
