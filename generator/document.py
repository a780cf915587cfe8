"""Load, validate and lint the OpenAPI document before anything is generated.

Validation is openapi-spec-validator's; its message is reported with the
location of the problem (the path inside the document and, where the YAML
says, the line). Lint rules are ours: the few conventions the generated
package's names and the endpoint template rely on.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from openapi_spec_validator import validate
from openapi_spec_validator.validation.exceptions import OpenAPIValidationError, ValidatorDetectError
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from generator import bundle
from generator.generation_error import GenerationError

_SNAKE_CASE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")
_HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")


def load(path: Path) -> dict[str, Any]:
    """Parse the document, failing with the YAML error's line when it is not YAML."""
    try:
        with path.open(encoding="utf-8") as stream:
            data = YAML(typ="rt").load(stream)
    except FileNotFoundError:
        raise GenerationError(f"{path}: no such file; the pipeline reads the document from there.") from None
    except YAMLError as exc:
        raise GenerationError(f"{path}: not valid YAML: {exc}") from None
    if not isinstance(data, Mapping):
        raise GenerationError(f"{path}: the document must be a YAML mapping, not {type(data).__name__}.")
    return data  # type: ignore[return-value]


def validate_document(path: Path) -> dict[str, Any]:
    """Validate the bundle of `path` (generator/bundle.py) and lint it; return the bundle.

    The bundle is what openapi-python-client and the conformance check read: the
    document with what it refers to in components.yaml. A problem is reported
    where it is written, in the document or in the file a component came from.
    """
    bundler = bundle.Bundler(path)
    document = bundler.run()
    if "openapi" not in document:
        # Without it the validator cannot pick a schema and says only "ValidatorDetectError".
        raise GenerationError(
            f"{path}: the document lacks the `openapi:` version key at the top level; add the version"
            " it is written in (`openapi: 3.0.3`) as its first line and run `nox -s generate` again;"
            " generated/ was not changed."
        )
    # Before the validator: it resolves a $ref only when it reaches it, and then fails with
    # the whole document in its message and no location.
    dangling = [
        f"{'.'.join(map(str, where))}{_place(bundler, path, where)}: $ref {ref!r} points at nothing"
        for where, ref in _dangling_refs(document, document)
    ]
    if dangling:
        raise GenerationError(f"{path}: invalid OpenAPI document:\n{_listing(dangling)}\n{_RERUN}")
    try:
        validate(_plain(document))
    except ValidatorDetectError:
        raise GenerationError(
            f"{path}: `openapi: {document['openapi']}` is not an OpenAPI version the validator knows;"
            f" the document is written for 3.0 (`openapi: 3.0.3`).\n{_RERUN}"
        ) from None
    except OpenAPIValidationError as exc:
        # A failed oneOf/anyOf reports the whole subtree; its best sub-error
        # points at the actual mistake (e.g. `type: integr`).
        error = _deepest(exc)
        where = _location(bundler, path, list(error.absolute_path))
        raise GenerationError(
            f"{path}: invalid OpenAPI document{where}: {_bounded(error.message)}\n{_RERUN}"
        ) from None
    except Exception as exc:  # noqa: BLE001 - referencing's errors, for a $ref outside the document it cannot resolve
        raise GenerationError(
            f"{path}: invalid OpenAPI document: {type(exc).__name__}: {_bounded(str(exc))}\n{_RERUN}"
        ) from None
    problems = list(lint(document))
    if problems:
        raise GenerationError(f"{path}: the document breaks the project's conventions:\n{_listing(problems)}")
    return document


_RERUN = "Fix the document and run `nox -s generate` again; generated/ was not changed."
# What fits on a screen: validator messages repr whole subtrees, which can be the entire document.
MAX_LINES = 20
MAX_CHARS = 2_000


def _bounded(text: str) -> str:
    """`text` within MAX_LINES lines and MAX_CHARS characters, saying how much was left out.

    The middle goes: a validator's message ends with what is wrong ("... is not of type 'array'")
    after a repr of the value, so the head and the tail are what a reader needs.
    """
    lines = text.splitlines()
    if len(lines) > MAX_LINES:
        head, tail = lines[: MAX_LINES - 6], lines[-5:]
        text = "\n".join([*head, f"[... {len(lines) - len(head) - len(tail):,} lines not shown ...]", *tail])
    if len(text) > MAX_CHARS:
        head_chars, tail_chars = MAX_CHARS * 2 // 3, MAX_CHARS // 4
        omitted = len(text) - head_chars - tail_chars
        text = f"{text[:head_chars]} [... {omitted:,} characters not shown ...] {text[-tail_chars:]}"
    return text


def _listing(problems: list[str]) -> str:
    shown = [f"  - {_bounded(problem)}" for problem in problems[:MAX_LINES]]
    if len(problems) > MAX_LINES:
        shown.append(f"  ... and {len(problems) - MAX_LINES} more")
    return "\n".join(shown)


def lint(document: Mapping[str, Any]) -> Iterator[str]:
    """Yield each place the document breaks a convention the pipeline relies on."""
    seen_ids: dict[str, str] = {}
    for path, item in (document.get("paths") or {}).items():
        for method in _HTTP_METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            where = f"{method.upper()} {path}"
            operation_id = operation.get("operationId")
            if not isinstance(operation_id, str) or not _SNAKE_CASE.match(operation_id):
                yield f"{where}: operationId {operation_id!r} must be snake_case: it names a generated module"
            elif operation_id in seen_ids:
                yield f"{where}: operationId {operation_id!r} is also used by {seen_ids[operation_id]}"
            else:
                seen_ids[operation_id] = where
            if len(operation.get("tags") or []) != 1:
                yield f"{where}: needs exactly one tag; it names the generated api/ subpackage"
            if not operation.get("summary"):
                yield f"{where}: needs a summary; it is the first line of the generated docstring"
            if "security" not in operation:
                yield f"{where}: needs a security requirement naming its scope"
            if "default" not in (operation.get("responses") or {}):
                yield f"{where}: needs a `default` error response with the Error schema"
            for parameter in _parameters(document, item, operation):
                schema = parameter.get("schema") or {}
                is_array_query = parameter.get("in") == "query" and schema.get("type") == "array"
                if is_array_query and (
                    not parameter.get("explode", True) or parameter.get("style", "form") != "form"
                ):
                    yield (
                        f"{where}: array query parameter {parameter.get('name')!r} must be `style: form, "
                        "explode: true` (HubSpot's contract): the endpoint template sends arrays as repeated"
                        " parameters"
                    )


def _parameters(
    document: Mapping[str, Any], item: Mapping[str, Any], operation: Mapping[str, Any]
) -> Iterator[Mapping[str, Any]]:
    for parameter in [*(item.get("parameters") or []), *(operation.get("parameters") or [])]:
        ref = parameter.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/"):
            target: Any = document
            for part in ref[2:].split("/"):
                target = target.get(part, {}) if isinstance(target, Mapping) else {}
            yield target
        else:
            yield parameter


def _plain(value: Any) -> Any:
    """ruamel's round-trip types, as plain dicts and lists for the validator."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _location(bundler: bundle.Bundler, source: Path, path: list[Any]) -> str:
    """' at paths./x.get (line N)': where in the bundle a validator error points, and where it is written."""
    if not path:
        return ""
    return f" at {'.'.join(str(p) for p in path)}{_place(bundler, source, path)}"


def _place(bundler: bundle.Bundler, source: Path, path: Sequence[Any]) -> str:
    """' (line N)' in the document itself, ' (components.yaml, line N)' in the file a component came from."""
    written, line = bundler.where(path)
    if line is None:
        return ""
    return f" (line {line})" if written == source.resolve() else f" ({written.name}, line {line})"


def _dangling_refs(root: Any, node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], str]]:
    """Each local `$ref` that points at nothing, and its place (the validator resolves refs lazily)."""
    # `node` has no default: a YAML null (`key:` with no value) must not restart the walk at the root.
    if isinstance(node, Mapping):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/") and not _resolves(root, ref):
            yield path, ref
        for key, value in node.items():
            yield from _dangling_refs(root, value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _dangling_refs(root, value, (*path, index))


def _resolves(root: Any, ref: str) -> bool:
    target = root
    for escaped in ref[2:].split("/"):
        part = escaped.replace("~1", "/").replace("~0", "~")
        if not isinstance(target, Mapping) or part not in target:
            return False
        target = target[part]
    return True


def _deepest(error: Any) -> Any:
    """The sub-error that points deepest into the document.

    A schema that fails a oneOf reports the whole subtree; the branch error
    with the longest path is the actual mistake (`type: integr`), not the
    alternative branch's "'$ref' is a required property".
    """
    best = error
    for sub in error.context or ():
        candidate = _deepest(sub)
        if len(candidate.absolute_path) > len(best.absolute_path):
            best = candidate
    return best
