"""from_dict builds each model by passing its fields by position (the model template's point 7):
the positions must be the class's own order of fields, or values land in the wrong fields; its
shorter way for an object of required fields only (point 8) passes UNSET for the others."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import attrs
import pytest

import hubspot_partner_clients.models as models_package

MODELS = sorted(p for p in Path(models_package.__file__).parent.glob("*.py") if p.name != "__init__.py")


@pytest.mark.parametrize("path", MODELS, ids=lambda p: p.stem)
def test_from_dict_passes_the_fields_in_the_order_the_class_declares_them(path: Path) -> None:
    module = importlib.import_module(f"{models_package.__name__}.{path.stem}")
    classes = [
        v
        for v in vars(module).values()
        if isinstance(v, type) and attrs.has(v) and v.__module__ == module.__name__
    ]
    calls = [
        node
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "cls"
    ]
    if not calls:
        pytest.skip("an enum: no from_dict")
    (model,) = classes
    fields = [field.name for field in attrs.fields(model) if field.init]
    # The full call, and (point 8) the one for an object sent with only its required fields,
    # which passes UNSET in the place of each optional field.
    full, *fast = sorted(
        calls, key=lambda c: sum(isinstance(a, ast.Name) and a.id == "UNSET" for a in c.args)
    )
    assert len(fast) <= 1
    for call in [full, *fast]:
        passed = [arg.id if isinstance(arg, ast.Name) else ast.dump(arg) for arg in call.args]
        assert len(passed) == len(fields)
        assert all(name in (field, "UNSET") for name, field in zip(passed, fields, strict=True))
        assert not call.keywords
    assert [arg.id for arg in full.args if isinstance(arg, ast.Name)] == fields
