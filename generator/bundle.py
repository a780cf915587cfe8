"""Bundle a document with the files its `$ref`s name into one self-contained document.

Our documents share what they have in common through `openapi/components.yaml`
(`$ref: "components.yaml#/components/schemas/SimplePublicObject"`), written
once. openapi-python-client 0.29.1, the validator and the conformance check
read one document and do not follow a ref into another file, so the pipeline
gives each of them the bundle instead:

- a ref to a component of another file (`FILE#/components/SECTION/NAME`) copies
  that component into the bundle's own `components.SECTION.NAME` and becomes
  `#/components/SECTION/NAME`; the component's own refs are followed the same
  way (a local ref of the other file means that file's component), so every
  schema it reaches comes along;
- a ref to anything else in another file (`components.yaml#/x-rate-limit-windows`,
  how the documents share HubSpot's rate-limit windows) is replaced by a copy
  of what it points at, inlined where the ref stands;
- the document's own local refs are left as they are.

A component brought in under a name the bundle already holds with different
content, a file that is not there and a ref that points at nothing fail with a
GenerationError naming the file and the ref. The bundle keeps the document's
key order, then each imported component in the order it is first reached, so
the same documents always give the same bundle (generation is deterministic).
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from generator.generation_error import GenerationError

_COMPONENTS = "components"


def bundle(source: Path) -> dict[str, Any]:
    """The document at `source` with every ref to another file inlined (see the module docstring)."""
    return Bundler(source).run()


def write_bundle(source: Path, target: Path) -> Path:
    """Write the bundle of `source` to `target` (JSON, or YAML for a .yaml/.yml name); return `target`."""
    bundled = bundle(source)
    if target.suffix in (".yaml", ".yml"):
        yaml = YAML(typ="safe", pure=True)
        yaml.default_flow_style = False
        yaml.sort_base_mapping_type_on_output = False  # type: ignore[assignment]
        with target.open("w", encoding="utf-8") as stream:
            yaml.dump(bundled, stream)
    else:
        # JSON: what openapi-python-client reads for a `.json` path (json.loads), with the
        # document's key order, so the same documents give the same bytes.
        target.write_text(json.dumps(bundled, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return target


def read(path: Path) -> Any:
    """One document as ruamel reads it round-trip (YAML 1.2, as openapi-python-client; JSON is YAML).

    Its mappings know their lines, for messages; `_plain` makes the bundle's plain copy.
    """
    try:
        data = YAML(typ="rt").load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise GenerationError(f"{path}: no such file; the pipeline reads the document from there.") from None
    except YAMLError as exc:
        raise GenerationError(f"{path}: not valid YAML: {exc}") from None
    except OSError as exc:
        raise GenerationError(f"{path}: cannot read the document: {exc}") from None
    if not isinstance(data, Mapping):
        raise GenerationError(f"{path}: the document must be a YAML mapping, not {type(data).__name__}.")
    return data


def _plain(value: Any) -> Any:
    """JSON's types only: keys as strings (YAML reads `200:` as an int), dates as ISO 8601 text."""
    if isinstance(value, Mapping):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, datetime.date):  # datetime.datetime too
        return value.isoformat()
    # ruamel's round-trip scalars (a folded string, an int that remembers its spelling) as plain ones.
    for plain in (bool, int, float, str):
        if isinstance(value, plain):
            return plain(value)
    return value


def _pointer(document: Any, pointer: str) -> Any:
    """What the JSON pointer `pointer` ("/components/schemas/X", or "" for all) names; KeyError if nothing."""
    target = document
    for escaped in pointer.split("/")[1:] if pointer else []:
        part = escaped.replace("~1", "/").replace("~0", "~")
        if isinstance(target, Mapping) and part in target:
            target = target[part]
        elif isinstance(target, list) and part.isdigit() and int(part) < len(target):
            target = target[int(part)]
        else:
            raise KeyError(pointer)
    return target


def line(document: Any, path: Sequence[Any]) -> int | None:
    """The line (from 1) of the deepest mapping or list item on `path` in a round-trip document."""
    found: int | None = None
    node = document
    for part in path:
        lc = getattr(node, "lc", None)
        try:
            if lc is not None and isinstance(node, Mapping) and part in node:
                found = lc.key(part)[0] + 1
            elif lc is not None and isinstance(node, list) and isinstance(part, int):
                found = lc.item(part)[0] + 1
            node = node[part]
        except (KeyError, IndexError, TypeError):
            break
    return found


class Bundler:
    """One bundling: the files read, and which component of which file each bundle name holds.

    `run()` returns the bundle; `where(path)` then says in which file, and on which line, a place
    of the bundle was written (for messages about the bundle that point at what a person edits).
    """

    def __init__(self, source: Path) -> None:
        self.source = source.resolve()
        self.files: dict[Path, Any] = {}
        # (section, name) -> the (file, pointer) its bundle entry comes from; the document's own first.
        self.origin: dict[tuple[str, str], tuple[Path, str]] = {}
        self.imported: dict[str, dict[str, Any]] = {}
        # A component of another file named like one of the document's own: compared once both are walked.
        self.same_name: list[tuple[str, str, Any, str]] = []

    def run(self) -> dict[str, Any]:
        document = self.file(self.source, self.source, "", ())
        own = document.get(_COMPONENTS)
        for section, entries in own.items() if isinstance(own, Mapping) else ():
            if isinstance(entries, Mapping) and "$ref" not in entries:
                for name in entries:
                    self.origin[(section, name)] = (self.source, f"/{_COMPONENTS}/{section}/{name}")
        bundled = self.walk(document, self.source, ())
        assert isinstance(bundled, dict)  # a mapping stays one
        for section, name, incoming, message in self.same_name:
            if bundled[_COMPONENTS][section][name] != incoming:
                raise GenerationError(message)
        if self.imported:
            components = bundled.setdefault(_COMPONENTS, {})
            for section, entries in self.imported.items():
                components.setdefault(section, {}).update(entries)
        return bundled

    def where(self, path: Sequence[Any]) -> tuple[Path, int | None]:
        """The file that wrote the place `path` of the bundle, and its line there (None: not known)."""
        parts = [str(part) if not isinstance(part, int) else part for part in path]
        if len(parts) >= 3 and parts[0] == _COMPONENTS:
            origin = self.origin.get((str(parts[1]), str(parts[2])))
            if origin is not None and origin[0] in self.files:
                inside = [p.replace("~1", "/").replace("~0", "~") for p in origin[1].split("/")[1:]]
                return origin[0], line(self.files[origin[0]], [*inside, *parts[3:]])
        return self.source, line(self.files.get(self.source), parts)

    def file(self, path: Path, referrer: Path, ref: str, at: Sequence[Any], node: Any = None) -> Any:
        if path not in self.files:
            if ref and not path.is_file():
                raise GenerationError(
                    f"{referrer}{self.at(referrer, at, node)}: $ref {ref!r} names {path}, which is not "
                    "there; a file is looked for beside the document that refers to it."
                )
            self.files[path] = read(path)  # the document itself: read() says when it is not there
        return self.files[path]

    def at(self, base: Path, path: Sequence[Any], node: Any = None) -> str:
        """' at components.schemas.X (line N)': a place in the file `base` (a ref's own line)."""
        if not path:
            return ""
        lc = getattr(node, "lc", None)
        found = lc.line + 1 if lc is not None else line(self.files.get(base), path)
        return f" at {'.'.join(map(str, path))}" + (f" (line {found})" if found is not None else "")

    def walk(self, node: Any, base: Path, path: tuple[Any, ...]) -> Any:
        """A plain copy of `node` (at `path` in the file `base`) with its refs to other files resolved."""
        if isinstance(node, list):
            return [self.walk(item, base, (*path, index)) for index, item in enumerate(node)]
        if not isinstance(node, Mapping):
            return _plain(node)
        ref = node.get("$ref")
        # A local ref of the document stays; one of another file means that file's component.
        if isinstance(ref, str) and (not ref.startswith("#") or base != self.source):
            return self.follow(node, ref, base, path)
        return {str(key): self.walk(value, base, (*path, key)) for key, value in node.items()}

    def follow(self, node: Mapping[str, Any], ref: str, base: Path, path: tuple[Any, ...]) -> Any:
        location, _, pointer = ref.partition("#")
        target_file = (base.parent / location).resolve() if location else base
        document = self.file(target_file, base, ref, path, node)
        try:
            target = _pointer(document, pointer)
        except KeyError:
            raise GenerationError(
                f"{base}{self.at(base, path, node)}: $ref {ref!r} points at nothing in {target_file.name}; "
                "name something that file defines (`FILE#/components/schemas/NAME`)."
            ) from None
        parts = pointer.split("/")
        if len(parts) == 4 and parts[1] == _COMPONENTS:
            section, name = (part.replace("~1", "/").replace("~0", "~") for part in parts[2:])
            where = f"{base}{self.at(base, path, node)}: $ref {ref!r}"
            self.component(section, name, target, (target_file, pointer), where)
            # Siblings of the ref (a description beside it) stay, as OpenAPI 3.0 leaves them.
            rest = {str(k): self.walk(v, base, (*path, k)) for k, v in node.items() if k != "$ref"}
            return {"$ref": f"#/{_COMPONENTS}/{parts[2]}/{parts[3]}", **rest}
        # Anything but a component is inlined where the ref stands, its own refs followed from its file.
        inside = tuple(p.replace("~1", "/").replace("~0", "~") for p in parts[1:])
        return self.walk(target, target_file, inside)

    def component(self, section: str, name: str, target: Any, origin: tuple[Path, str], where: str) -> None:
        held = self.origin.get((section, name))
        if held == origin:
            return  # already brought in (or being brought in: a schema that refers to itself)
        inside = (_COMPONENTS, section, name)
        if held is None:
            self.origin[(section, name)] = origin
            entries = self.imported.setdefault(section, {})
            entries[name] = {}  # reserved first, so that a cycle back to it stops above
            entries[name] = self.walk(target, origin[0], inside)
            return
        # The name is taken by another component: the same content is the same component; anything
        # else would silently replace one with the other.
        incoming = self.walk(target, origin[0], inside)
        message = (
            f"{where} brings `{section}.{name}` from {origin[0].name}, but the bundle already has a "
            f"different `{section}.{name}` from {held[0].name}; rename one of them or define it once."
        )
        if held[0] == self.source:
            self.same_name.append((section, name, incoming, message))
        elif self.imported[section][name] != incoming:
            raise GenerationError(message)
