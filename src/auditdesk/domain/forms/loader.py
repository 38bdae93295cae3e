"""Loads a form file: YAML → plain data with line numbers → a validated pydantic model.

Every problem names the file, the line and the key path, so that whoever edits a form can fix it
without reading Python. The content hash is taken over a canonical JSON of the parsed data, so
reformatting or re-commenting a file does not make a new version, while any change of meaning does.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from auditdesk.domain.errors import FormError, FormProblem, Localized
from auditdesk.domain.forms.base import FormBase
from auditdesk.domain.limits import MAX_FORM_BYTES, InputRefused, read_bounded, size_text

_KINDS: dict[str, type[FormBase]] = {}

Loc = tuple[str | int, ...]


def register_kind(kind: str, model: type[FormBase]) -> None:
    """Registers the schema of one form kind (checklist, appraisal, survey, …)."""
    _KINDS[kind] = model


def known_kinds() -> list[str]:
    _ensure_builtin_kinds()
    return sorted(_KINDS)


@dataclass(frozen=True)
class LoadedForm:
    """A validated form definition with the canonical data it was built from and its hash."""

    definition: FormBase
    data: dict[str, Any]
    content_hash: str
    source: str

    @property
    def kind(self) -> str:
        return self.definition.kind

    @property
    def form_id(self) -> str:
        return self.definition.id


def canonical_json(data: Any) -> str:
    """The one serialisation that is hashed: sorted keys, no whitespace, UTF-8 kept as is."""
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def content_hash(data: Any) -> str:
    return hashlib.sha256(canonical_json(data).encode("utf-8")).hexdigest()


def load_form(path: Path) -> LoadedForm:
    """Reads and validates one form file; raises FormError listing every problem."""
    try:
        raw = read_bounded(path, MAX_FORM_BYTES, Localized("form file", "plik formularza"))
    except OSError as exc:
        raise FormError(str(path), [FormProblem(f"cannot read the file: {exc.strerror}")]) from exc
    except InputRefused as exc:
        raise FormError(str(path), [FormProblem(str(exc).removeprefix(f"{path}: "))]) from exc
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FormError(
            str(path),
            [FormProblem(f"not UTF-8 text (byte {exc.start}); save the file as UTF-8")],
        ) from exc
    return load_form_text(text, str(path))


def load_form_text(text: str, source: str = "<form>") -> LoadedForm:
    data, lines = _parse_yaml(text, source)
    return load_form_data(data, source, lines)


def load_form_data(
    data: Any, source: str = "<stored form>", lines: dict[Loc, int] | None = None
) -> LoadedForm:
    """Validates already parsed data (e.g. a version kept in the database)."""
    _ensure_builtin_kinds()
    lines = lines or {}
    if not isinstance(data, dict):
        raise FormError(source, [FormProblem("the top level must be a mapping of keys")])
    kind = data.get("kind")
    if kind not in _KINDS:
        known = ", ".join(sorted(_KINDS))
        msg = f"unknown form kind {kind!r}; expected one of: {known}"
        if kind is None:
            msg = f"missing key 'kind'; expected one of: {known}"
        raise FormError(source, [FormProblem(msg, "kind", lines.get(("kind",)))])
    try:
        definition = _KINDS[kind].model_validate(data)
    except ValidationError as exc:
        raise FormError(source, [_problem(err, lines) for err in exc.errors()]) from exc
    return LoadedForm(definition, data, content_hash(data), source)


def _problem(err: Any, lines: dict[Loc, int]) -> FormProblem:
    loc: Loc = tuple(err.get("loc", ()))
    path = _path_text(loc)
    line = None
    for n in range(len(loc), -1, -1):
        if loc[:n] in lines:
            line = lines[loc[:n]]
            break
    message = err.get("msg", "invalid")
    if err.get("type") == "extra_forbidden":
        message = "unknown key (check its spelling; see docs/forms.md for the allowed keys)"
    elif err.get("type") == "missing":
        message = "required key is missing"
    elif (
        isinstance(err.get("input"), str | int | float | bool) and err.get("type") != "value_error"
    ):
        message = f"{message} (got {err['input']!r})"
    return FormProblem(message, path, line)


def _path_text(loc: Loc) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif isinstance(part, str) and not part.startswith(("function-", "tagged-union")):
            out += f".{part}" if out else part
    return out


class _NoAliasLoader(yaml.SafeLoader):
    """Refuses aliases (*name): a form never needs one, and a few nested aliases expand into
    billions of values ("billion laughs") when the node graph is turned into data."""

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise yaml.composer.ComposerError(
                None,
                None,
                f"aliases (*{event.anchor}) are not allowed in a form file; "
                "write the value out in full",
                event.start_mark,
            )
        return super().compose_node(parent, index)


_CSafeLoader: type[yaml.CSafeLoader] | None = getattr(yaml, "CSafeLoader", None)


def _compose(text: str) -> yaml.Node | None:
    """The node tree, by libyaml's C parser where PyYAML has it (issue 14: about ten times
    faster than the pure-Python one), else by _NoAliasLoader. libyaml's composer cannot be
    hooked, so aliases are refused from its event stream first, with the same message."""
    if _CSafeLoader is None:
        return yaml.compose(text, Loader=_NoAliasLoader)
    for event in yaml.parse(text, Loader=_CSafeLoader):
        if isinstance(event, yaml.AliasEvent):
            raise yaml.composer.ComposerError(
                None,
                None,
                f"aliases (*{event.anchor}) are not allowed in a form file; "
                "write the value out in full",
                event.start_mark,  # type: ignore[arg-type]  # libyaml's Mark: the same fields
            )
    return yaml.compose(text, Loader=_CSafeLoader)


def _parse_yaml(text: str, source: str) -> tuple[Any, dict[Loc, int]]:
    if len(text) > MAX_FORM_BYTES:
        raise FormError(
            source,
            [FormProblem(f"the form is larger than the limit of {size_text(MAX_FORM_BYTES)}")],
        )
    try:
        node = _compose(text)
    except RecursionError as exc:
        raise FormError(source, [FormProblem("not valid YAML: nested too deeply")]) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc)
        raise FormError(source, [FormProblem(f"not valid YAML: {problem}", "", line)]) from exc
    if node is None:
        raise FormError(source, [FormProblem("the file is empty")])
    lines: dict[Loc, int] = {}
    problems: list[FormProblem] = []
    try:
        data = _to_python(node, (), lines, problems)
    except RecursionError as exc:
        raise FormError(source, [FormProblem("the form is nested too deeply")]) from exc
    if problems:
        raise FormError(source, problems)
    return data, lines


def _to_python(
    node: yaml.Node, loc: Loc, lines: dict[Loc, int], problems: list[FormProblem]
) -> Any:
    """Builds plain data from the YAML node tree, recording each key's line and refusing
    duplicate keys (PyYAML would silently keep the last one)."""
    lines[loc] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            if not isinstance(key_node, yaml.ScalarNode):
                problems.append(
                    FormProblem(
                        "keys must be plain text", _path_text(loc), key_node.start_mark.line + 1
                    )
                )
                continue
            if key in out:
                problems.append(
                    FormProblem(
                        f"duplicate key {key!r}",
                        _path_text((*loc, key)),
                        key_node.start_mark.line + 1,
                    )
                )
                continue
            out[key] = _to_python(value_node, (*loc, key), lines, problems)
            lines[(*loc, key)] = key_node.start_mark.line + 1
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_to_python(v, (*loc, i), lines, problems) for i, v in enumerate(node.value)]
    try:
        value = yaml.constructor.SafeConstructor().construct_object(node)
    except (yaml.YAMLError, ValueError, TypeError, AttributeError) as exc:
        # a tag PyYAML cannot build (!!python/…), an impossible date, bad !!binary …
        problems.append(FormProblem(f"cannot read this value ({exc})", _path_text(loc), lines[loc]))
        return None
    if not isinstance(value, str | int | float | bool | type(None)):
        # dates and other tagged scalars become text so that the hash is stable JSON
        value = str(value)
    return value


_builtin_loaded = False


def _ensure_builtin_kinds() -> None:
    """Imports the modules that register the built-in kinds (kept lazy to avoid import cycles)."""
    global _builtin_loaded
    if _builtin_loaded:
        return
    _builtin_loaded = True
    import importlib

    for module in BUILTIN_KIND_MODULES:
        importlib.import_module(module)


# Each form kind lives in its own module and registers itself on import.
BUILTIN_KIND_MODULES: list[str] = [
    "auditdesk.domain.forms.survey",
    "auditdesk.domain.forms.appraisal_sheet",
    "auditdesk.domain.forms.checklist",
]
