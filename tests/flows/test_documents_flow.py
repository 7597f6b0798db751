"""The documents in the pipeline: the requirements list rides on the
confirmation email, the sales order on the approval request, the customer's
emails and the PDFs land in archive/YYYY/MM/<order_no>/, and `orderloop
render` re-renders a document as a new version."""
from __future__ import annotations

import io
import json

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from flows.cli import app
from flows.settings import Settings

from tests.flows.conftest import run_intake, sample_email
from tests.flows.helpers import customer_reply, outbox
from tests.flows.test_intake_local import deliver  # noqa: F401  (the fixture)

pytestmark = pytest.mark.integration


def pdf_attachments(message) -> dict[str, bytes]:
    return {part.get_filename(): part.get_content() for part in message.iter_attachments()
            if part.get_content_type() == "application/pdf"}


def pdf_text(data: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages).replace(" ", "")


def test_the_documents_travel_with_the_mail_and_land_in_the_archive(deliver, home):
    deliver(sample_email("01-seed-order.eml"))
    run_intake()
    (requirements,) = outbox(home)
    (name, pdf), = pdf_attachments(requirements).items()
    assert name == "SO2023100001-requirements-v1.pdf"
    assert "客户需求清单" in pdf_text(pdf) and "待客户确认" in pdf_text(pdf) and "50,800.00" in pdf_text(pdf)

    folder = Settings().archive_dir / "2023" / "10" / "SO2023100001"
    assert (folder / "requirements.pdf").read_bytes() == pdf
    assert (folder / "mail" / "hd-20231001-001_huadong.example.eml").read_bytes() == sample_email(
        "01-seed-order.eml")
    assert json.loads((folder / "order.json").read_text())["status"] == "confirming"

    deliver(customer_reply(requirements, "确认无误"))
    run_intake()
    request = outbox(home)[-1]
    (name, pdf), = pdf_attachments(request).items()
    assert name == "SO2023100001-sales_order-v1.pdf"
    assert "销售订单" in pdf_text(pdf) and "伍万零捌佰元整" in pdf_text(pdf) and "待经理审批" in pdf_text(pdf)
    # The thread both ways: the customer's order and confirmation, our requirements list and approval request.
    filed = sorted(p.name for p in (folder / "mail").glob("*.eml"))
    assert len(filed) == 4 and sum(name.startswith("SO2023100001.") for name in filed) == 2, filed
    manifest = json.loads((folder / "manifest.json").read_text())
    assert set(manifest["documents"]) == {"requirements", "order"}

    runner = CliRunner()
    first = runner.invoke(app, ["render", "SO2023100001", "--doc", "shipping"])
    second = runner.invoke(app, ["render", "SO2023100001", "--doc", "shipping"])
    assert first.exit_code == 0 and first.output.strip() == str(folder / "shipping.pdf")
    assert second.output.strip() == first.output.strip()
    history = json.loads((folder / "manifest.json").read_text())["documents"]["shipping"]["history"]
    assert [h["version"] for h in history] == [1, 2] and history[1]["number"] == "FH2023100001-02"
    assert "FH2023100001-02" in pdf_text((folder / "shipping.pdf").read_bytes())
    bad = runner.invoke(app, ["render", "SO2023100001", "--doc", "invoice"])
    assert bad.exit_code == 1 and "unknown document" in str(bad.exception)
