"""The API reference (`nox -s docs`, pdoc) opens with what a user needs first: the quick start.

The site is built in-process, from the modules `nox -s docs` documents, and read as a
browser would open it: index.html, following its redirect.
"""

from __future__ import annotations

import re
from pathlib import Path

import pdoc
import pdoc.render
import pytest

REPO = Path(__file__).resolve().parents[1]
PACKAGE = "hubspot_partner_clients"
# The generator's boilerplate, and maintainers' notes, that a user must not read.
NOT_FOR_USERS = [
    "Contains all the data models",
    "Contains methods for accessing the API",
    "Contains endpoint functions",
    "Contains some shared types",
    "A class for keeping track of data related to the API",
    "A Client which has been authenticated",
    "Hooks:",
]


def public_modules() -> list[str]:
    """Each public module of the package's two folders, as the docs session lists them."""
    folders = [REPO / tree / PACKAGE for tree in ("generated", "overlays")]
    found = [
        p
        for f in folders
        for p in sorted(f.glob("[!_]*"))
        if p.suffix == ".py" or (p / "__init__.py").is_file()
    ]
    return sorted(f"{PACKAGE}.{p.stem}" for p in found)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    pdoc.render.configure(docformat="google")  # as `nox -s docs` runs it
    with pytest.warns(UserWarning, match="__version__"):  # pdoc cannot document a lazy attribute
        pdoc.pdoc(PACKAGE, *public_modules(), output_directory=out)
    return out


def first_page(site: Path) -> str:
    index = (site / "index.html").read_text(encoding="utf-8")
    redirect = re.search(r'http-equiv="refresh" content="0; url=\./([^"]+)"', index)
    return (site / redirect.group(1)).read_text(encoding="utf-8") if redirect else index


def docstrings(html: str) -> list[str]:
    """The text of each docstring on a page (not the source listings pdoc embeds)."""
    return [re.sub(r"<[^>]+>", "", d) for d in re.findall(r'<div class="docstring">(.*?)</div>', html, re.S)]


def test_the_first_page_opens_with_the_quick_start(site: Path) -> None:
    page = first_page(site)
    first = docstrings(page)[0]
    assert first.startswith("A typed Python client for HubSpot's CRM Partner Clients API")
    # The quick start: create_client and the resource client, as code, before any member of the page.
    code = re.search(r"<pre><code>(.*?)</code></pre>", page, re.S)
    assert code is not None
    assert "from hubspot_partner_clients import create_client" in code.group(1)
    assert "client.partner_clients.list(" in code.group(1)
    assert page.index(code.group(0)) < page.index('<section id="')
    assert "client.aio.partner_clients" in first


def test_the_resource_client_is_documented_from_the_document(site: Path) -> None:
    page = (site / PACKAGE / "resources.html").read_text(encoding="utf-8")
    text = "\n".join(docstrings(page))
    assert "Update a batch of partner clients." in text
    assert "The function underneath: api.partner_clients.batch_update." in text
    # Its arguments as a list, each with the document's description.
    assert "<li><strong>inputs:</strong>  One input per object to update" in page


def test_no_page_shows_generator_boilerplate_or_maintainers_notes(site: Path) -> None:
    shown = {
        page.relative_to(site).as_posix(): "\n".join(docstrings(page.read_text(encoding="utf-8")))
        for page in site.rglob("*.html")
    }
    found = {name: [p for p in NOT_FOR_USERS if p in text] for name, text in shown.items()}
    assert {name: hits for name, hits in found.items() if hits} == {}
