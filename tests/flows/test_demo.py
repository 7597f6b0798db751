"""`orderloop demo` on the embedded defaults carries its orders by email from
the customers' mails through 已发货 and 已签收 to 已闭环: the outbound orders and
shipping notes carry real carrier and tracking data, the shipments the
carrier's events, each order its signed 签收单, survey and closure record in
the archive, and the damaged box's after-sales case is resolved."""
from __future__ import annotations

import io

from pypdf import PdfReader

from flows.components import open_repository
from flows.demo import run_demo
from flows.settings import Settings
from orders.status import Status
from store.documents import DocumentArchive


def pdf_text(path) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(path.read_bytes())).pages).replace(" ", "")


def test_the_demo_ships_every_order_tracks_it_and_takes_its_signed_form(tmp_path, prefect_api, monkeypatch,
                                                                        capsys):
    home = tmp_path / "demo"
    for name in ("HOME", "NOW", "COMPANY", "COMPANY_ADDRESS", "COMPANY_PHONE"):  # restored after the test
        monkeypatch.setenv(f"ORDERLOOP_{name}", "")
        monkeypatch.delenv(f"ORDERLOOP_{name}")
    run_demo(home)
    settings = Settings()
    repository = open_repository(settings)
    orders = repository.list_orders()
    # Every order through the whole procedure to 已闭环; one with a complaint resolved on the way.
    assert len(orders) == 3 and {o.status for o in orders} == {Status.CLOSED}, [(o.order_no, o.status) for o in orders]
    assert [[c.state for c in o.cases] for o in orders if o.cases] == [["resolved"]]
    assert {o.survey.score for o in orders} == {5}
    for order in orders:
        folder = settings.archive_dir / "2023" / "10" / order.order_no
        shipping = pdf_text(folder / "shipping.pdf")
        assert order.shipment.tracking_no in shipping and "顺丰速运" in shipping
        assert "出库单" in pdf_text(folder / "outbound.pdf")
        assert order.actual_ship_date is not None
        assert [e.state for e in order.shipment.events][-1] == "3" and len(order.shipment.events) == 5
        form = order.delivery.form  # a photo of the 签收单 the reminder carried, signed
        assert (folder / form.file).read_bytes()[:3] == b"\xff\xd8\xff" and min(form.width, form.height) >= 600
        assert order.actual_delivery_date == order.delivery.carrier_signed_at.date()
        assert (folder / "closure.json").exists() and DocumentArchive(settings.archive_dir).verify(order.order_no) == []
    custom = next(o for o in orders if any(line.kind == "custom" for line in o.lines))
    trail = [e.to_status for e in repository.audit_trail(custom.order_no) if e.kind == "transition"]
    assert Status.FEASIBILITY in trail and Status.IN_PRODUCTION in trail
    stock = {row.sku: row for row in repository.stock_ledger().rows()}
    assert (stock["P001"].on_hand, stock["P001"].reserved) == (200, 0)  # 300 less the 100 shipped
    assert any(o.delivery.remarks for o in orders)  # one customer noted a damaged box
    out = capsys.readouterr().out
    assert "已闭环 (closed)" in out and "signed 签收单" in out and "快件已签收" in out and "survey: score 5" in out
