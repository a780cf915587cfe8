"""Bundle a document with the files its `$ref`s reach into one self-contained document.

Placeholder until the shared components file lands: the documents reference no
other file yet, so bundling is loading (and writing) the document as it is.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from generator.generation_error import GenerationError


def bundle(source: Path) -> dict[str, Any]:
    """The document at `source`, with every reference to another file inlined."""
    try:
        loaded = yaml.safe_load(source.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise GenerationError(f"{source}: cannot read the document: {exc}") from exc
    if not isinstance(loaded, dict):
        raise GenerationError(f"{source}: is not an OpenAPI document (not a mapping)")
    return loaded


def write_bundle(source: Path, target: Path) -> Path:
    """Write the bundled `source` to `target` (a YAML file) and return `target`."""
    target.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    return target
