"""The `orderloop` command line as users and outside checks call it: a real
process, its JSON, its exit status and its one-line errors."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.flows.conftest import SAMPLE

SEED = SAMPLE / "emails" / "01-seed-order.eml"


def orderloop(*args: str, home: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    environ = dict(os.environ, ORDERLOOP_HOME=str(home), ORDERLOOP_NOW="2023-10-01T10:00:00+08:00", **(env or {}))
    return subprocess.run([sys.executable, "-m", "flows", *args], capture_output=True, text=True,
                          env=environ, timeout=120)


def test_parse_prints_the_design_contract(tmp_path):
    done = orderloop("parse", str(SEED), "--json", home=tmp_path)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert set(result) == {"kind", "draft", "reply", "problems"}
    assert result["kind"] == "order" and result["reply"] is None and result["problems"] == []
    draft = result["draft"]
    assert draft["customer"]["code"] == "CUST001" and draft["customer_po"] == "HD-20231001"
    assert draft["lines"][0].items() >= {"sku": "P001", "quantity": "100", "unit_price": "500", "unit": "台"}.items()
    assert draft["freight"] == "800" and draft["stated_total"] == "50800"
    assert draft["payment_terms"] == {"text": "预付30%", "prepayment_percent": "30", "credit_days": None}
    assert draft["requested_delivery_date"] == "2023-10-15"


def test_parse_lists_the_problems_of_a_vague_custom_order(tmp_path):
    done = orderloop("parse", str(SAMPLE / "emails" / "02-vague-custom.eml"), "--json", home=tmp_path)
    problems = {p["field"]: p["code"] for p in json.loads(done.stdout)["problems"]}
    assert problems["requested_delivery_date"] == "vague" and problems["lines[1].spec"] == "needs_drawing"


def test_parse_does_not_start_prefect(tmp_path):
    done = subprocess.run([sys.executable, "-c", "import sys; sys.argv=['orderloop','parse',sys.argv[1],'--json'];"
                           "from flows.cli import main\ntry: main()\nexcept SystemExit as exit: code = exit.code\n"
                           "else: code = 0\n"
                           "print(code, 'PREFECT' if 'prefect' in sys.modules else 'CLEAN', file=sys.stderr)", str(SEED)],
                          capture_output=True, text=True, env=dict(os.environ, ORDERLOOP_HOME=str(tmp_path)))
    assert json.loads(done.stdout)["kind"] == "order"
    assert done.stderr.split()[-2:] in (["0", "CLEAN"], ["None", "CLEAN"])


@pytest.mark.parametrize("args, message", [
    (("parse", "/no/such.eml", "--json"), "no such file"),
    (("import", "suppliers", "x.csv"), "unknown master data"),
    (("orders", "show", "SO2099010001"), "no order SO2099010001"),
    (("orders", "list", "--status", "lost"), "unknown status"),
])
def test_bad_arguments_get_one_clear_line_and_a_failing_status(tmp_path, args, message):
    done = orderloop(*args, home=tmp_path)
    assert done.returncode == 1
    assert done.stderr.strip().count("\n") == 0 and message in done.stderr and "Traceback" not in done.stderr


def test_import_reports_every_bad_row_and_imports_nothing(tmp_path):
    bad = tmp_path / "customers.csv"
    bad.write_text("code,name,contact,phone,email,address,credit_limit,outstanding,overdue,payment_terms,sales_rep_email\n"
                   "C1,甲公司,张,1,a@x.example,地址,100000,0,0,预付30%,rep@example.com\n"
                   "C2,,李,2,b@x.example,地址,lots,0,0,,rep@example.com\n"
                   "C1,丙公司,王,3,c@x.example,地址,1,0,0,,rep@example.com\n", encoding="utf-8")
    done = orderloop("import", "customers", str(bad), home=tmp_path)
    assert done.returncode == 1
    assert "row 3, column name" in done.stderr and "row 3, column credit_limit" in done.stderr
    assert "row 4, column code: duplicate of row 2" in done.stderr
    assert not (tmp_path / "store" / "master.json").exists() or "甲公司" not in (tmp_path / "store" / "master.json").read_text("utf-8")


def test_import_reads_gbk_files_and_orders_can_be_listed_and_shown(tmp_path):
    gbk = tmp_path / "customers-gbk.csv"
    gbk.write_bytes((SAMPLE / "customers.csv").read_text("utf-8").encode("gbk"))
    done = orderloop("import", "customers", str(gbk), home=tmp_path)
    assert done.returncode == 0 and "imported 3 customers" in done.stdout, done.stderr
    from flows.components import open_repository
    from flows.settings import Settings
    assert open_repository(Settings(home=tmp_path)).master().customer_by_code("CUST001").name == "华东精密机械有限公司"
    assert json.loads(orderloop("orders", "list", "--json", home=tmp_path).stdout) == []


def test_import_names_a_missing_column(tmp_path):
    bad = tmp_path / "products.csv"
    bad.write_text("sku,name\nP1,x\n", encoding="utf-8")
    done = orderloop("import", "products", str(bad), home=tmp_path)
    assert done.returncode == 1 and "header lacks column(s) spec" in done.stderr


def test_parse_judges_dates_against_the_day_the_email_was_sent(tmp_path):
    late = SEED.read_bytes().replace(b"2023-10-15", b"2023-09-20")
    (tmp_path / "late.eml").write_bytes(late)
    environ = {k: v for k, v in os.environ.items() if k != "ORDERLOOP_NOW"}
    done = subprocess.run([sys.executable, "-m", "flows", "parse", str(tmp_path / "late.eml"), "--json"],
                          capture_output=True, text=True, env=environ, timeout=60)
    assert [(p["field"], p["code"]) for p in json.loads(done.stdout)["problems"]] == [
        ("requested_delivery_date", "invalid")]
    on_time = subprocess.run([sys.executable, "-m", "flows", "parse", str(SEED), "--json"],
                             capture_output=True, text=True, env=environ, timeout=60)
    assert json.loads(on_time.stdout)["problems"] == []


def test_version_help_naming_the_settings_an_inbox_from_the_first_command_and_serve_needing_a_server(
        tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from flows.cli import app

    monkeypatch.setenv("ORDERLOOP_HOME", str(tmp_path))
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    runner = CliRunner()
    assert runner.invoke(app, ["--version"]).output.startswith("orderloop ")
    shown = runner.invoke(app, ["--help"]).output
    assert "ORDERLOOP_HOME" in shown and "ORDERLOOP_IMAP_HOST" in shown and "PREFECT_API_URL" in shown
    runner.invoke(app, ["board"])
    assert (tmp_path / "mail" / "inbox" / "new").is_dir()  # mail can be dropped in from the first command on
    refused = runner.invoke(app, ["serve"])
    assert refused.exit_code != 0 and "--ephemeral" in str(refused.exception or refused.output)
    watching = runner.invoke(app, ["watch"])  # the watcher for workers needs the server they take runs from
    assert watching.exit_code != 0 and "PREFECT_API_URL" in str(watching.exception or watching.output)
    for command in (["migrate"], ["store", "copy", "postgresql://nobody@127.0.0.1:1/none"]):
        said = runner.invoke(app, command)  # no database named, or one that does not answer: one clear line
        assert said.exit_code != 0 and ("ORDERLOOP_DATABASE_URL" in str(said.exception or said.output))
