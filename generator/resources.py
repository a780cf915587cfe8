"""Write the resource client, `resources.py`, and its request types, `params.py`, from the document.

`client.partner_clients.batch_update([...])` is a method of a class this
module writes: one method per operation of each tag, sync and async, that
calls the generated function of that operation underneath. Nothing is listed
by hand, so an operation added to the document gets its method on the next
generation.

What each method is made of, and where it comes from:

- its name: the operation's `x-method-name` in the document (`get`, `list`,
  ...); an operation without one fails generation, naming it, since an
  operationId such as `list_page` names a function, not what a method does;
- its path and query arguments: the generated `sync` function's own
  parameters (names, annotations, required or not), so the resource takes
  exactly what the function layer takes; a path argument is positional, the
  others keyword-only;
- its body: the request body's fields are the method's arguments (the
  generated model's field names and defaults; a required field is positional,
  after the path arguments), and a field whose value is an object accepts the
  attrs model or a plain dict typed by a TypedDict of `params.py`;
- its docstring: the operation's summary and description and each argument's
  description, from the document;
- paging: an operation whose answer has `results` and `paging` and that takes
  a cursor (an `after` argument, or a body field `after`) returns the
  paginators of `pagination.py` over its items, and its method takes no
  cursor.

The TypedDicts of `params.py` are written from the request schemas: one per
object schema a request body reaches, with the wire names of its fields as
keys, HubSpot's required fields `Required`.
"""

from __future__ import annotations

import ast
import re
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.generation_error import GenerationError
from generator.overlays import HAND_WRITTEN, PACKAGE_NAME
from generator.render import render
from generator.versions import Version

# Which document: the pipeline adds the version and its file to every message.
_WHERE = "the document"
_METHODS = ("get", "put", "post", "delete", "patch")
_DOC_WIDTH = 96
_UNSET = " | Unset"


@dataclass
class Argument:
    """One argument of a resource method."""

    name: str
    annotation: str
    required: bool
    positional: bool
    where: str  # "path", "query" or "body"
    description: str = ""
    # How a body field's value becomes the model's: "model" / "models" (of `model_class`),
    # "strings" (a list of strings, not a bare str), or "".
    convert: str = ""
    model_class: str = ""


@dataclass
class Method:
    """One method of a resource class, calling one generated operation."""

    name: str
    operation: str
    docstring: list[str]
    returns: str
    arguments: list[Argument]
    body_model: str | None
    paged_item: str | None
    models: set[str] = field(default_factory=set)
    body_array: bool = False
    """The request body is an array: one argument (`x-argument-name`) holds its items."""

    @property
    def signature(self) -> list[Argument]:
        """The arguments in the order a def lists them: required positional, optional positional, keywords."""
        positional = [a for a in self.arguments if a.positional]
        keywords = [a for a in self.arguments if not a.positional]
        return [*positional, *sorted(keywords, key=lambda a: not a.required)]

    @property
    def page_size(self) -> Argument | None:
        """A paged method's `limit`: the page size the caller chose, which it tells the paginator."""
        if self.paged_item is None:
            return None
        return next((a for a in self.arguments if a.name == "limit"), None)

    @property
    def path_arguments(self) -> list[Argument]:
        return [a for a in self.arguments if a.where == "path"]

    @property
    def query_arguments(self) -> list[Argument]:
        """The query arguments to pass on as they are (a paged method's `limit` goes to the paginator)."""
        return [a for a in self.arguments if a.where == "query" and a is not self.page_size]

    @property
    def body_arguments(self) -> list[Argument]:
        return [a for a in self.arguments if a.where == "body"]


@dataclass
class Resource:
    """The methods of one tag: `client.<attribute>`."""

    attribute: str
    class_name: str
    module: str
    methods: list[Method]
    title: str
    extras: bool
    handed: list[str] = field(default_factory=list)
    """The operations whose modules the class hands to its hand-written extras (`_<operation>`)."""


@dataclass
class ParamType:
    """A TypedDict of params.py, for one request schema."""

    name: str
    description: str
    fields: list[tuple[str, str, bool, str]]  # wire name, annotation, required, description


def write_resources(
    document: Mapping[str, Any],
    package_dir: Path,
    *,
    version: Version | None = None,
    others: Sequence[Version] = (),
) -> None:
    """Write `resources.py` and `params.py` into a version's package (by default the root's).

    A version's resource classes are reached as `client.<package>.<tag>` (the root's as
    `client.<tag>`); the root's also gets `_versions.py`, whose `VersionedClient` gives the
    client one attribute per other version in `others`, and its `AsyncResources` the same.
    """
    params: dict[str, ParamType] = {}
    where = f"version {version.name} ({version.document.name})" if version else _WHERE
    resources = [
        _resource(document, package_dir, folder, params, where)
        for folder in sorted(p for p in (package_dir / "api").iterdir() if (p / "__init__.py").is_file())
    ]
    root = version is None or version.is_root
    exported = set(
        re.findall(r"\b[A-Z]\w*", (package_dir / "models" / "__init__.py").read_text(encoding="utf-8"))
    )
    models = sorted({name for r in resources for m in r.methods for name in m.models} & exported)
    render("params.py", package_dir / "params.py", params=list(params.values()))
    render(
        "resources.py",
        package_dir / "resources.py",
        resources=resources,
        models=models,
        params=sorted(params),
        root=root,
        prefix="" if root or version is None else f"{version.package}.",
        version=version.name if version else "",
        others=[(v.package, v.name) for v in others] if root else [],
    )
    if root:
        render("_versions.py", package_dir / "_versions.py", others=[(v.package, v.name) for v in others])


def _operations_by_id(document: Mapping[str, Any]) -> dict[str, tuple[Mapping[str, Any], list[Any]]]:
    found = {}
    for item in (document.get("paths") or {}).values():
        for method in _METHODS:
            if method in item:
                found[item[method]["operationId"]] = (item[method], [*item.get("parameters", [])])
    return found


def _resource(
    document: Mapping[str, Any], package_dir: Path, folder: Path, params: dict[str, ParamType], where: str
) -> Resource:
    operations = _operations_by_id(document)
    methods = []
    for module in sorted(p for p in folder.glob("*.py") if p.name != "__init__.py"):
        if module.stem not in operations:
            raise GenerationError(f"api/{folder.name}/{module.name} matches no operationId of {_WHERE}")
        operation, shared = operations[module.stem]
        methods.append(
            _method(
                document,
                package_dir=package_dir,
                module=module,
                operation=operation,
                shared=shared,
                params=params,
            )
        )
    names = [m.name for m in methods]
    for name in names:
        if names.count(name) > 1:
            raise GenerationError(
                f"x-method-name {name!r} is given to more than one operation of tag {folder.name!r} "
                f"({', '.join(m.operation for m in methods if m.name == name)}); give each its own, "
                f"in {_WHERE}"
            )
    words = folder.name.split("_")
    class_name = "".join(w.capitalize() for w in words)
    handed = _handed_over(class_name)
    missing = sorted(set(handed) - {m.operation for m in methods})
    if missing:
        raise GenerationError(
            f"overlay 'resources': overlays/{PACKAGE_NAME}/_extras.py's {class_name}Extras calls the "
            f"operation(s) {missing}, which {where} does not have (tag {folder.name!r}); every "
            "version's resource class hands its own operation modules to the hand-written methods"
        )
    return Resource(
        attribute=folder.name,
        class_name=class_name,
        module=folder.name,
        methods=methods,
        title=" ".join(words).capitalize(),
        extras=_has_extras(class_name),
        handed=handed,
    )


def _handed_over(class_name: str) -> list[str]:
    """The operations whose modules the extras of `class_name` declare: each `_<operationId>: ...`.

    The hand-written class annotates the attribute (a Protocol of the module, for mypy); every
    version's generated class assigns its own module to it. `_client` is the client, no module.
    """
    path = HAND_WRITTEN / "_extras.py"
    if not path.is_file():
        return []
    names: set[str] = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.ClassDef) and node.name in {
            f"{class_name}Extras",
            f"Async{class_name}Extras",
        }:
            for item in node.body:
                if (
                    isinstance(item, ast.AnnAssign)
                    and isinstance(item.target, ast.Name)
                    and item.target.id.startswith("_")
                    and item.target.id != "_client"
                ):
                    names.add(item.target.id[1:])
    return sorted(names)


def _has_extras(class_name: str) -> bool:
    """Whether overlays/.../_extras.py defines hand-written methods for this resource (both twins)."""
    path = HAND_WRITTEN / "_extras.py"
    if not path.is_file():
        return False
    tree = ast.parse(path.read_text(encoding="utf-8"))
    classes = {node.name for node in tree.body if isinstance(node, ast.ClassDef)}
    wanted = {f"{class_name}Extras", f"Async{class_name}Extras"}
    if len(wanted & classes) == 1:
        raise GenerationError(
            f"overlays/{PACKAGE_NAME}/_extras.py defines only one of {sorted(wanted)}: the sync and "
            "async resource clients have the same methods, so define both"
        )
    return wanted <= classes


def _method(
    document: Mapping[str, Any],
    *,
    package_dir: Path,
    module: Path,
    operation: Mapping[str, Any],
    shared: list[Any],
    params: dict[str, ParamType],
) -> Method:
    operation_id = operation["operationId"]
    name = operation.get("x-method-name")
    if not isinstance(name, str) or not name.isidentifier() or name.startswith("_"):
        raise GenerationError(
            f"operation {operation_id!r} has no x-method-name (or not a Python name: {name!r}); add "
            f"`x-method-name: <verb>` saying what it does (get, list, update, ...), in {_WHERE}: it names "
            "the operation's method of the resource client"
        )
    sync = _function(module, "sync")
    models: set[str] = set()
    descriptions = _parameter_descriptions(document, [*shared, *operation.get("parameters", [])])
    arguments: list[Argument] = []
    body_model = None
    for arg in sync.args.args:
        arguments.append(
            Argument(
                arg.arg,
                ast.unparse(arg.annotation) if arg.annotation else "str",
                True,
                True,
                "path",
                descriptions.get(_key(arg.arg), ""),
            )
        )
    for arg, default in zip(sync.args.kwonlyargs, sync.args.kw_defaults, strict=True):
        annotation = ast.unparse(arg.annotation) if arg.annotation else "Any"
        if arg.arg == "client":
            continue
        if arg.arg == "body":
            body_model = annotation
            continue
        arguments.append(
            Argument(
                arg.arg,
                annotation,
                default is None,
                False,
                "query",
                descriptions.get(_key(arg.arg), ""),
            )
        )
    body_array = False
    if body_model is not None and body_model.startswith("list["):
        body_array = True
        arguments.append(_array_body(document, operation, body_model, params, models))
    elif body_model is not None:
        models.add(body_model)
        schema = _body_schema(document, operation)
        arguments.extend(
            _body_arguments(
                document,
                package_dir=package_dir,
                operation_id=operation_id,
                body_model=body_model,
                schema=schema,
                params=params,
                models=models,
            )
        )
    clash = {a.name for a in arguments if a.where == "body"} & {
        a.name for a in arguments if a.where != "body"
    }
    if clash:
        raise GenerationError(
            f"operation {operation_id!r}: {sorted(clash)} is both a parameter and a body field, so it "
            f"cannot be one argument of its method; rename one in {_WHERE}"
        )
    returns = ast.unparse(sync.returns) if sync.returns else "None"
    models.update(re.findall(r"\b[A-Z]\w*", returns))
    paged_item = _paged_item(package_dir, returns, arguments)
    if paged_item is not None:
        arguments = [a for a in arguments if a.name != "after"]
        models.add(paged_item)
    method = Method(name, operation_id, [], returns, arguments, body_model, paged_item, models, body_array)
    method.docstring = _docstring(operation, method.signature, paged_item, module)
    return method


def _array_body(
    document: Mapping[str, Any],
    operation: Mapping[str, Any],
    body_model: str,
    params: dict[str, ParamType],
    models: set[str],
) -> Argument:
    """The one argument of a body that is an array: its items, dicts or models, named by the document."""
    operation_id = operation["operationId"]
    request = _resolve(document, operation.get("requestBody") or {})
    name = request.get("x-argument-name")
    if not isinstance(name, str) or not name.isidentifier() or name.startswith("_"):
        raise GenerationError(
            f"operation {operation_id!r}: its request body is an array, which becomes one argument of "
            f"its method; name it with `x-argument-name: <name>` on the requestBody (got {name!r}), "
            f"in {_WHERE}"
        )
    element = body_model.removeprefix("list[").removesuffix("]")
    items = _resolve(document, _body_schema(document, operation)).get("items") or {}
    if _resolve(document, items).get("type") == "object":
        models.add(element)
        accepted, convert = f"Sequence[{_param_type(document, items, params)} | {element}]", "models"
    else:
        accepted, convert, element = body_model.replace("list[", "Sequence[", 1), "", ""
    description = _text(request.get("description", ""))
    return Argument(name, accepted, True, True, "body", description, convert, element)


def _function(module: Path, name: str) -> ast.FunctionDef:
    tree = ast.parse(module.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == name:
            return node
    raise GenerationError(f"the generated {module.name} has no `{name}` function; has the generator changed?")


def _key(name: str) -> str:
    """A name compared across spellings: `include_fa` and `includeFA` are one parameter."""
    return name.replace("_", "").lower()


def _resolve(document: Mapping[str, Any], node: Mapping[str, Any]) -> Mapping[str, Any]:
    ref = node.get("$ref")
    if not isinstance(ref, str):
        return node
    target: Any = document
    for part in ref[2:].split("/"):
        target = target[part]
    return target  # type: ignore[no-any-return]


def _parameter_descriptions(document: Mapping[str, Any], parameters: list[Any]) -> dict[str, str]:
    resolved = [_resolve(document, p) for p in parameters]
    return {
        _key(p["name"]): _bounded(_text(p.get("description", "")), _resolve(document, p.get("schema") or {}))
        for p in resolved
    }


def _bounded(description: str, schema: Mapping[str, Any]) -> str:
    """The description, with the bound the schema's keyword states: the document's prose does not
    restate numbers (an edited keyword would leave it stale), so the docstring says them from here."""
    if not description:
        return description
    if isinstance(schema.get("maximum"), int):
        return f"{description.rstrip('.')} (at most {schema['maximum']:,})."
    if isinstance(schema.get("maxItems"), int):
        return f"{description.rstrip('.')} (at most {schema['maxItems']:,})."
    return description


def _body_schema(document: Mapping[str, Any], operation: Mapping[str, Any]) -> Mapping[str, Any]:
    body = _resolve(document, operation.get("requestBody") or {})
    media = (body.get("content") or {}).get("application/json") or {}
    return media.get("schema") or {}


def _model_fields(package_dir: Path, class_name: str) -> dict[str, tuple[str, bool, str]]:
    """The fields of a generated model: {python name: (annotation, has a default, docstring)}.

    A version's package lacks the models it shares with the root's (generator/sharing.py): those
    are read from the root's, its parent.
    """
    paths = [*(package_dir / "models").glob("*.py"), *(package_dir.parent / "models").glob("*.py")]
    for path in paths:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, ast.ClassDef) and node.name == class_name:
                found = {}
                body = node.body
                for i, item in enumerate(body):
                    if isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name):
                        following = body[i + 1] if i + 1 < len(body) else None
                        doc = ""
                        if isinstance(following, ast.Expr) and isinstance(following.value, ast.Constant):
                            doc = str(following.value.value)
                        found[item.target.id] = (ast.unparse(item.annotation), item.value is not None, doc)
                found.pop("additional_properties", None)
                return found
    raise GenerationError(f"no generated model class {class_name!r}; has the generator changed its names?")


def _body_arguments(
    document: Mapping[str, Any],
    *,
    package_dir: Path,
    operation_id: str,
    body_model: str,
    schema: Mapping[str, Any],
    params: dict[str, ParamType],
    models: set[str],
) -> list[Argument]:
    resolved = _resolve(document, schema)
    properties = resolved.get("properties") or {}
    if not properties:
        raise GenerationError(
            f"operation {operation_id!r}: its request body has no properties; the resource client takes "
            f"a body's fields as arguments, so give its schema `properties`, in {_WHERE}"
        )
    by_key = {_key(wire): (wire, prop) for wire, prop in properties.items()}
    arguments = []
    for python_name, (annotation, has_default, _doc) in _model_fields(package_dir, body_model).items():
        if _key(python_name) not in by_key:
            raise GenerationError(
                f"operation {operation_id!r}: the generated {body_model} has a field {python_name!r} that "
                f"its request schema in {_WHERE} does not list; has the generator changed its names?"
            )
        _wire, prop = by_key[_key(python_name)]
        bare = annotation.removesuffix(_UNSET)
        element = bare.removeprefix("list[").removesuffix("]") if bare.startswith("list[") else None
        target = _resolve(document, prop)
        items = _resolve(document, target.get("items") or {}) if element else {}
        if element and items.get("type") == "object":
            convert, model_class = "models", element
            accepted = f"Sequence[{_param_type(document, target['items'], params)} | {element}]"
        elif target.get("type") == "object" and not element:
            convert, model_class = "model", bare
            accepted = f"{_param_type(document, prop, params)} | {bare}"
        elif element == "str":
            # list, not Sequence: a str is a Sequence[str], which would go out one character per
            # item; mypy flags it, and `strings` refuses it at run time.
            convert, model_class = "strings", ""
            accepted = bare
        else:
            convert, model_class = "", ""
            accepted = bare.replace("list[", "Sequence[") if element else bare
        if model_class:
            models.add(model_class)
        arguments.append(
            Argument(
                python_name,
                accepted + (_UNSET if has_default else ""),
                not has_default,
                not has_default,
                "body",
                _bounded(_text(prop.get("description") or target.get("description", "")), target),
                convert,
                model_class,
            )
        )
    return arguments


def _param_type(document: Mapping[str, Any], schema: Mapping[str, Any], params: dict[str, ParamType]) -> str:
    """The annotation of a plain value of `schema`: a TypedDict of params.py for an object schema."""
    ref = schema.get("$ref")
    target = _resolve(document, schema)
    if isinstance(ref, str) and target.get("properties"):
        name = ref.rsplit("/", 1)[1] + "Param"
        if name not in params:
            params[name] = ParamType(name, _text(target.get("description", "")), [])
            required = set(target.get("required") or [])
            params[name].fields = [
                (
                    wire,
                    _param_type(document, prop, params),
                    wire in required,
                    _text(_resolve(document, prop).get("description", "")),
                )
                for wire, prop in target["properties"].items()
            ]
        return name
    kind = target.get("type")
    if "enum" in target:
        text = f"Literal[{', '.join(repr(v) for v in target['enum'])}]"
    elif kind == "array":
        inner = _param_type(document, target.get("items") or {}, params)
        # A str is a Sequence[str]: list[str] lets mypy flag a bare string.
        text = f"list[{inner}]" if inner == "str" else f"Sequence[{inner}]"
    elif kind == "object":
        values = target.get("additionalProperties")
        inner = _param_type(document, values, params) if isinstance(values, Mapping) else "Any"
        text = f"Mapping[str, {inner}]"
    else:
        text = {"string": "str", "integer": "int", "number": "float", "boolean": "bool"}.get(str(kind), "Any")
    return f"{text} | None" if target.get("nullable") else text


def _paged_item(package_dir: Path, returns: str, arguments: list[Argument]) -> str | None:
    """The item type of a paged operation's answer, or None when the operation does not page."""
    if not any(a.name == "after" for a in arguments) or not re.fullmatch(r"\w+", returns):
        return None
    fields = _model_fields(package_dir, returns)
    results = fields.get("results", ("", False, ""))[0]
    if "paging" not in fields or not results.startswith("list["):
        return None
    return results.removeprefix("list[").removesuffix("]")


def _text(value: object) -> str:
    return " ".join(str(value).split())


def _docstring(
    operation: Mapping[str, Any], arguments: list[Argument], paged_item: str | None, module: Path
) -> list[str]:
    lines = [_text(operation.get("summary", operation["operationId"])).rstrip(".") + "."]
    description = _text(operation.get("description", ""))
    if isinstance(operation.get("x-max-results"), int):  # the number from the keyword, not prose
        description += f" One query reaches at most {operation['x-max-results']:,} results."
    if description:
        lines += ["", *textwrap.wrap(description, _DOC_WIDTH)]
    if paged_item is not None:
        lines += [
            "",
            *textwrap.wrap(
                f"Returns a lazy iterator over every {paged_item} of every page; nothing is fetched until "
                "you iterate. `.iter_pages()` yields the pages, and `max_items` stops early.",
                _DOC_WIDTH,
            ),
        ]
    documented = [a for a in arguments if a.description]
    if documented:
        lines += ["", "Args:"]
        for argument in documented:
            lines += textwrap.wrap(
                f"{argument.name}: {argument.description}",
                _DOC_WIDTH,
                initial_indent="    ",
                subsequent_indent="        ",
            )
    lines += ["", f"The function underneath: `api.{module.parent.name}.{module.stem}`."]
    return lines
