"""Render the pipeline's emails from Jinja2 templates.

HTML is autoescaped (customer text lands in these templates) and every
variable must exist (StrictUndefined), so a template typo fails a test instead
of sending a blank.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

TEMPLATES = Path(__file__).parent


FILTERS = {
    "money": lambda v: "—" if v is None else f"{v:,.2f}",
    "blank": lambda v: "—" if v in (None, "") else v,
    "qty": lambda v: "" if v is None else format(v.normalize(), "f"),
    "day": lambda v: "" if v is None else f"{v:%Y-%m-%d}",
}


@lru_cache(maxsize=2)
def environment(html: bool) -> Environment:
    """The mail and PDF templates' environment; `html` turns autoescape on."""
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=html,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                      keep_trailing_newline=True)
    env.filters.update(FILTERS)
    return env


def render_mail(name: str, **context) -> tuple[str, str]:
    """The text and HTML bodies of templates/mail/NAME.txt.j2 and NAME.html.j2."""
    text = environment(False).get_template(f"mail/{name}.txt.j2").render(**context)
    html = environment(True).get_template(f"mail/{name}.html.j2").render(**context)
    return text, html
