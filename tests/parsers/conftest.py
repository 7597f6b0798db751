"""Paths the parser tests read: the golden emails and the shared real-world corpus."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
GOLDEN = REPO / "tests" / "golden"
# The shared corpus lives beside the project (../shared/corpus); it is read in place.
CORPUS = REPO.parent / "shared" / "corpus" / "real-world" / "imap_tools"


def golden_emails() -> list[Path]:
    return sorted(GOLDEN.glob("*.eml"))


def corpus_emails() -> list[Path]:
    return sorted(CORPUS.glob("*.eml")) if CORPUS.is_dir() else []


@pytest.fixture
def golden_bytes():
    def read(name: str) -> bytes:
        return (GOLDEN / f"{name}.eml").read_bytes()
    return read
