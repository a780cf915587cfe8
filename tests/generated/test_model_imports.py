"""Every model module imports first, on its own: the model template imports related models after
the class (generator/templates/model.py.jinja), and an import cycle between models must still
resolve whichever module a user imports first."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import hubspot_partner_clients.models

MODELS = sorted(
    p.stem for p in Path(hubspot_partner_clients.models.__file__).parent.glob("*.py") if p.stem != "__init__"
)


def test_every_model_module_imports_first_in_a_fresh_interpreter() -> None:
    script = textwrap.dedent(
        """
        import importlib, sys
        failed = []
        for name in sys.argv[1:]:
            for loaded in [m for m in sys.modules if m.startswith("hubspot_partner_clients")]:
                del sys.modules[loaded]
            try:
                importlib.import_module("hubspot_partner_clients.models." + name)
            except Exception as exc:
                failed.append(f"{name}: {exc!r}")
        print("\\n".join(failed))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script, *MODELS], capture_output=True, text=True, check=True, timeout=120
    )
    assert len(MODELS) > 30
    assert result.stdout.strip() == ""
