"""The shared real-world corpus (imap_tools' test messages): read in place, never an order.

None of them is an order; the pipeline must read every one without an
exception, create no order from any and answer none of them.
"""
from __future__ import annotations

import pytest

from parsers import parse_email
from tests.parsers.conftest import CORPUS, corpus_emails

pytestmark = pytest.mark.skipif(
    not corpus_emails(), reason=f"shared corpus not found at {CORPUS} (it lives beside the project, not in it)")


def test_the_corpus_is_all_there():
    assert len(corpus_emails()) >= 100


@pytest.mark.parametrize("path", corpus_emails(), ids=lambda p: p.stem)
def test_corpus_email_parses_and_is_no_order(path):
    result = parse_email(path.read_bytes())
    assert not [p for p in result.problems if p.field == "message"], result.problems  # no exception inside
    assert result.kind != "order"
    assert result.draft is None
    result.contract()  # serialises


def test_the_corpus_bounces_are_bounces():
    bounces = [p for p in corpus_emails() if p.stem.startswith("multipart_report_emails")]
    assert bounces and all(parse_email(p.read_bytes()).kind == "bounce" for p in bounces)
