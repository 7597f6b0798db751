"""Fixtures for running the flows for real: one Prefect test API per session,
and a fresh ORDERLOOP_HOME per test."""
from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

import pytest

import flows.prefect_env  # noqa: F401

SAMPLE = Path(__file__).resolve().parents[2] / "flows" / "sample"
CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"
DEMO_NOW = "2023-10-01T10:00:00+08:00"


@pytest.fixture(autouse=True)
def _never_the_working_folder(tmp_path_factory, monkeypatch):
    """A test that builds Settings() without the `home` fixture writes under a
    temporary folder, not the checkout's var/."""
    monkeypatch.setenv("ORDERLOOP_HOME", str(tmp_path_factory.mktemp("home")))


@pytest.fixture(scope="session")
def prefect_api():
    """A temporary Prefect API for the whole session (it takes ~12 s to start)."""
    from prefect.settings import PREFECT_API_URL
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=90):
        yield PREFECT_API_URL.value()


@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    """Embedded defaults in a fresh folder, the clock at the seed example's date, sample master data."""
    from flows.components import open_repository
    from flows.masterdata import import_master
    from flows.settings import Settings

    monkeypatch.setenv("ORDERLOOP_HOME", str(tmp_path))
    monkeypatch.setenv("ORDERLOOP_NOW", DEMO_NOW)
    for name in list(__import__("os").environ):
        if name.startswith(("ORDERLOOP_IMAP", "ORDERLOOP_SMTP", "ORDERLOOP_CRASH")):
            monkeypatch.delenv(name)
    repository = open_repository(Settings())
    for kind in ("customers", "products", "staff"):
        import_master(repository, kind, SAMPLE / f"{kind}.csv")
    return tmp_path


def run_intake() -> dict:
    from flows.intake import intake_flow

    return asyncio.run(intake_flow())


def sample_email(name: str) -> bytes:
    return (SAMPLE / "emails" / name).read_bytes()
