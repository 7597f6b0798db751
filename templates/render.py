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


@lru_cache(maxsize=2)
def _environment(html: bool) -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=html,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                      keep_trailing_newline=True)
    env.filters["money"] = lambda v: "—" if v is None else f"{v:,.2f}"
    env.filters["blank"] = lambda v: "—" if v in (None, "") else v
    return env


def render_mail(name: str, **context) -> tuple[str, str]:
    """The text and HTML bodies of templates/mail/NAME.txt.j2 and NAME.html.j2."""
    text = _environment(False).get_template(f"mail/{name}.txt.j2").render(**context)
    html = _environment(True).get_template(f"mail/{name}.html.j2").render(**context)
    return text, html
