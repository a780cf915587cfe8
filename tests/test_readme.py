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

This module runs them in the development venv; tests/release/test_publish.py runs them again where
a user would, in a fresh venv that installed the released packages from an index, outside the
repository.
"""

from __future__ import annotations

import builtins
import io
import re
import sys
import tokenize
from pathlib import Path
from typing import Any

import pytest

README = Path(__file__).resolve().parents[1] / "README.md"
README_TEXT = README.read_text(encoding="utf-8")
EXAMPLES = re.findall(r"^```python\n(.*?)^```", README_TEXT, re.S | re.M)


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


@pytest.mark.parametrize("code", EXAMPLES, ids=[f"example-{n}" for n in range(1, len(EXAMPLES) + 1)])
def test_readme_example_prints_what_it_says(code: str) -> None:
    # Padded to the README's own line numbers, for tracebacks and messages that point into it.
    offset = example_offset(code)
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
