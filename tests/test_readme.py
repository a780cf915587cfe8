"""Every Python example in README.md runs as written (against the HubSpot double) and prints what
its comments say it prints.

The README's convention: a comment that starts with `->` states what the `print` on its line prints
(or, on a line of its own, what the `print` on the next line prints), as backquoted literals, one per
line printed there, in order; a `print` in a loop states each pass's line. `...` inside a literal
stands for any text (an id, a correlation id). Any words after the literals are commentary.

    print(len(names))  # -> `12250`: every active partner client
    print(len(page.results))  # -> `100`, `100`, `50`: no page beyond is fetched

Every example states at least one output, and every comment on a `print` line follows the
convention, so that a stated output cannot be left unchecked by being written another way. The
examples are the ```` ```python ```` blocks; a ```` ```py ```` block is a fragment that needs HubSpot
itself or a pytest run (the first lines of the README, a test against the pytest fixture).

Every example runs once per API version (openapi/versions.toml), rewritten for a version other
than the root's by one rule, `for_version`: the version's resource clients are reached through its
attribute of the client (`client.partner_clients` -> `client.<package>.partner_clients`, and
`client.aio.partner_clients` likewise) and its modules through its subpackage
(`hubspot_partner_clients.api.` -> `hubspot_partner_clients.<package>.api.`, and `.models`,
`.params` likewise); it must print the same. An example whose fence is preceded by the line
`<!-- example: NAME only -->` (NAME a version's name in versions.toml) runs for that version only,
as written; one that already names a version's subpackage (it is about versions) runs once as
written, and so does one the rule leaves unchanged. `RUNS` lists them all.

This module runs them in the development venv; tests/release/test_publish.py runs the same `RUNS`
again where a user would, in a fresh venv that installed the released packages from an index,
outside the repository.
"""

from __future__ import annotations

import builtins
import io
import re
import sys
import tokenize
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests._versions import ROOT, VERSIONS, ApiVersion

README = Path(__file__).resolve().parents[1] / "README.md"
README_TEXT = README.read_text(encoding="utf-8")
_EXAMPLE = re.compile(
    r"^(?:<!-- example: (?P<only>[^\n]*?) only -->\n)?```python\n(?P<code>.*?)^```", re.S | re.M
)
EXAMPLES = [match["code"] for match in _EXAMPLE.finditer(README_TEXT)]
_BY_NAME = {version.name: version for version in VERSIONS}


def for_version(code: str, version: ApiVersion) -> str:
    """The example as it runs against `version`: its resource clients and its modules (see above)."""
    if version.subpackage is None:
        return code
    package = version.subpackage
    # Modules first, so that the attribute rule below sees `...api.partner_clients` as a module path.
    code = re.sub(
        r"\bhubspot_partner_clients\.(api|models|params)\b", rf"hubspot_partner_clients.{package}.\1", code
    )
    return re.sub(
        r"(?<![\w.])(?!hubspot_partner_clients\b)(\w+)((?:\.aio)?)\.partner_clients\b",
        rf"\1\2.{package}.partner_clients",
        code,
    )


def _versions_of(only: str | None, code: str) -> list[ApiVersion]:
    if only is not None:
        assert only in _BY_NAME, (
            f"README.md: `<!-- example: {only} only -->` names no version of {list(_BY_NAME)}"
        )
        return [_BY_NAME[only]]
    if any(re.search(rf"\.{v.subpackage}\b", code) for v in VERSIONS if v.subpackage):
        return [ROOT]  # it names a version itself: it runs as written
    # One the rule leaves as it is would only run again: it runs for the root.
    return [v for v in VERSIONS if v is ROOT or for_version(code, v) != code]


@dataclass(frozen=True)
class Run:
    """One run of one example: the README's text of it, and what runs for the version."""

    number: int
    version: ApiVersion
    code: str
    runs: str

    @property
    def id(self) -> str:
        return f"example-{self.number}-{self.version.name}"


RUNS = [
    Run(number, version, match["code"], for_version(match["code"], version))
    for number, match in enumerate(_EXAMPLE.finditer(README_TEXT), start=1)
    for version in _versions_of(match["only"], match["code"])
]


def example_offset(code: str) -> int:
    """How many README lines precede the example, so that line numbers point into the README."""
    return README_TEXT[: README_TEXT.index(code)].count("\n")


def disagreements(stated: dict[int, list[str]], printed: dict[int, list[str]]) -> list[str]:
    """One message per README line whose print printed other than its comment states."""
    problems = []
    for line, expected in sorted(stated.items()):
        actual = printed.get(line, [])
        if not (len(actual) == len(expected) and all(map(matches, expected, actual))):
            problems.append(
                f"README.md line {line} ({README_TEXT.splitlines()[line - 1].strip()}) "
                f"is stated to print {expected}, printed {actual}"
            )
    return problems


_STATED = re.compile(r"#\s*->\s*((?:`[^`]*`)(?:\s*,\s*`[^`]*`)*)")
_LITERAL = re.compile(r"`([^`]*)`")


def stated_outputs(code: str, offset: int = 0) -> dict[int, list[str]]:
    """{line of a print: the lines it is stated to print}, from the example's `# ->` comments."""
    lines = code.splitlines()
    stated: dict[int, list[str]] = {}
    for token in tokenize.generate_tokens(io.StringIO(code).readline):
        if token.type != tokenize.COMMENT:
            continue
        line = token.start[0]
        own_line = not lines[line - 1][: token.start[1]].strip()
        target = line + 1 if own_line else line
        is_print = target <= len(lines) and lines[target - 1].lstrip().startswith("print(")
        match = _STATED.match(token.string)
        if match is None:
            assert not (is_print and not own_line), (
                f"README.md line {offset + line}: a comment on a print line states what it prints, "
                f"so write it as `# -> \\`text\\``, not {token.string!r}"
            )
            continue
        assert is_print, (
            f"README.md line {offset + line}: {token.string!r} states an output but no print follows"
        )
        stated[offset + target] = _LITERAL.findall(match.group(1))
    return stated


def matches(stated: str, printed: str) -> bool:
    pattern = ".*?".join(re.escape(part) for part in stated.split("..."))
    return re.fullmatch(pattern, printed, re.S) is not None


def test_the_readme_has_examples() -> None:
    assert len(EXAMPLES) >= 4


def test_matches_takes_dots_for_any_text() -> None:
    assert matches("404 OBJECT_NOT_FOUND ...", "404 OBJECT_NOT_FOUND 08fd10e1-29b2")
    assert not matches("12250", "12,250")
    assert not matches("100", "1000")


def test_the_rewrite_reaches_a_versions_clients_and_modules() -> None:
    other = next(v for v in VERSIONS if v.subpackage)
    code = (
        "from hubspot_partner_clients.api.partner_clients import get_by_id\n"
        "from hubspot_partner_clients.models import Filter\n"
        "from hubspot_partner_clients import create_client\n"
        "pcs, apcs = client.partner_clients, c.aio.partner_clients\n"
    )
    assert for_version(code, other) == (
        f"from hubspot_partner_clients.{other.subpackage}.api.partner_clients import get_by_id\n"
        f"from hubspot_partner_clients.{other.subpackage}.models import Filter\n"
        "from hubspot_partner_clients import create_client\n"
        f"pcs, apcs = client.{other.subpackage}.partner_clients, c.aio.{other.subpackage}.partner_clients\n"
    )
    assert for_version(code, ROOT) == code
    # Every version's run of an example that is not marked for one version alone.
    assert len(RUNS) > len(EXAMPLES)


@pytest.mark.parametrize("run", RUNS, ids=[run.id for run in RUNS])
def test_readme_example_prints_what_it_says(run: Run) -> None:
    # Padded to the README's own line numbers, for tracebacks and messages that point into it.
    code = run.runs
    offset = example_offset(run.code)
    stated = stated_outputs(code, offset)
    assert stated, "an example should state at least one output with a `# -> \\`text\\`` comment"
    printed: dict[int, list[str]] = {}

    def recording_print(*args: Any, **kwargs: Any) -> None:
        # Attributed to the example's line that called it (a lambda's line, for a callback).
        line = sys._getframe(1).f_lineno
        text = io.StringIO()
        builtins.print(*args, **{**kwargs, "file": text})
        printed.setdefault(line, []).extend(text.getvalue().splitlines())
        builtins.print(*args, **kwargs)

    exec(
        compile("\n" * offset + code, str(README), "exec"),
        {"__name__": "__readme__", "print": recording_print},
    )

    assert not disagreements(stated, printed)
