"""The notice table: one row per kind of mail, each with its subject, its
template on disk and the PDF it carries (flows.notices refuses to send a
notice to an audience its row does not name)."""
from pathlib import Path
from typing import get_args

import pytest

from orders.notice import NOTICES, NoticePurpose

MAIL_TEMPLATES = Path(__file__).resolve().parents[2] / "templates" / "mail"
PDFS = {"requirements", "order", "outbound", "shipping", "signoff"}


def test_every_purpose_has_one_row_and_every_row_a_purpose():
    assert set(get_args(NoticePurpose)) == set(NOTICES)


@pytest.mark.parametrize("purpose", sorted(NOTICES))
def test_a_rows_template_exists_in_text_and_html_and_its_pdf_is_one_we_render(purpose):
    kind = NOTICES[purpose]
    name = kind.template or purpose
    assert (MAIL_TEMPLATES / f"{name}.txt.j2").is_file() and (MAIL_TEMPLATES / f"{name}.html.j2").is_file()
    assert kind.attached is None or kind.attached in PDFS
    assert " / " in kind.subject  # Chinese and English, as every mail of ours
