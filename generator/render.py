"""Render the pipeline's own templates (generator/package_templates/) into the package.

openapi-python-client renders its templates (and our overrides of them, in
generator/templates/); the modules the pipeline adds itself, the package
`__init__.py` and the operation table, come from these, so that no Python
source lives in a string or a TOML file. Values reach the templates through
the `pyrepr` filter, which writes them as Python literals.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import jinja2

TEMPLATES = Path(__file__).resolve().parent / "package_templates"

_ENVIRONMENT = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES),
    undefined=jinja2.StrictUndefined,
    keep_trailing_newline=True,
    trim_blocks=True,
    lstrip_blocks=True,
    autoescape=False,
)
_ENVIRONMENT.filters["pyrepr"] = repr
# In a class with a method named `list`, the builtin must be spelled builtins.list.
_ENVIRONMENT.filters["builtin_list"] = lambda text: re.sub(r"\blist\[", "builtins.list[", text)


def render(template: str, target: Path, **context: Any) -> None:
    """Render `generator/package_templates/<template>.jinja` into `target`."""
    text = _ENVIRONMENT.get_template(f"{template}.jinja").render(**context)
    target.write_text(text, encoding="utf-8")
