"""What a person says about a file before it is imported, in pure Python (issue 13): which column
holds which field on top of the automatic mapping (`--map "HEADER=FIELD"`, any header text, commas
included; `HEADER=` leaves a column out on purpose), which words of a column mean which value
(answer labels, kind and outcome words, unit names), a mapping file that carries both and can be
exported and shared, and the state of every column of the file: mapped, ignored on purpose, or
unknown; an unknown column that holds data and is named like a field stops the import until a
person maps or ignores it (nothing is dropped silently)."""

from __future__ import annotations

import enum
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from auditdesk.domain.errors import ValidationFailed
from auditdesk.domain.importing import ColumnMapping, Field, normalise_header

MAPPING_FORMAT = "auditdesk-import-mapping"
IGNORE = ""  # the field of a column left out on purpose

# words too common to say that a column is named like a field
_COMMON = frozenset(
    [
        "nr",
        "numer",
        "z",
        "ze",
        "do",
        "od",
        "w",
        "we",
        "na",
        "i",
        "lub",
        "oraz",
        "sprawy",
        "sprawa",
        "the",
        "of",
        "a",
        "an",
        "o",
        "sie",
        "czy",
        "jak",
        "pan",
        "pani",
        "jest",
        "byl",
        "byla",
        "bylo",
        "lat",
        "kto",
    ]
)


@dataclass(frozen=True)
class MappingSpec:
    """Columns (header text → field, IGNORE to leave one out) and values (field → {word as the
    file writes it: value}) a person gave; applied on top of the automatic or remembered
    mapping."""

    columns: Mapping[str, str] = field(default_factory=dict)
    values: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    def plus(self, other: MappingSpec) -> MappingSpec:
        """This spec with `other`'s entries winning."""
        values = {f: dict(v) for f, v in self.values.items()}
        for fld, words in other.values.items():
            values.setdefault(fld, {}).update(words)
        return MappingSpec({**self.columns, **other.columns}, values)

    def __bool__(self) -> bool:
        return bool(self.columns or self.values)


def parse_map(options: Sequence[str]) -> MappingSpec:
    """`--map` options: 'HEADER=FIELD' (the last '=' splits: a header may hold commas and
    equals signs) or 'HEADER=' to leave the column out on purpose."""
    columns: dict[str, str] = {}
    for option in options:
        column, sep, fld = option.rpartition("=")
        if not sep or not column.strip():
            raise ValidationFailed(
                "--map {option!r}: write HEADER=FIELD (or HEADER= to leave the column out), "
                "e.g. --map 'Data zakończenia sprawy=settled_on'",
                option=option,
            )
        columns[column.strip()] = fld.strip()
    return MappingSpec(columns)


def spec_from_json(text: str, file: str) -> MappingSpec:
    """A mapping file: {"columns": {header: field}, "ignore": [header, …], "values": {field:
    {word: value}}}; a plain {header: field} object (as earlier versions took) is read too."""
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise ValidationFailed(
            "{file}: not a JSON mapping file ({reason})", file=file, reason=str(exc)
        ) from None
    if not isinstance(data, dict):
        raise ValidationFailed("{file}: not a JSON mapping file (an object is expected)", file=file)
    if "columns" not in data and "values" not in data and "ignore" not in data:
        return MappingSpec({str(k): str(v) for k, v in data.items()})
    columns = data.get("columns") or {}
    ignore = data.get("ignore") or []
    values = data.get("values") or {}
    if (
        not isinstance(columns, dict)
        or not isinstance(ignore, list)
        or not isinstance(values, dict)
        or not all(isinstance(v, dict) for v in values.values())
    ):
        raise ValidationFailed(
            "{file}: a mapping file holds columns {{header: field}}, ignore [header, …] and "
            "values {{field: {{word: value}}}}",
            file=file,
        )
    spec_columns = {str(k): str(v or "") for k, v in columns.items()}
    spec_columns.update({str(h): IGNORE for h in ignore})
    return MappingSpec(
        spec_columns,
        {str(f): {str(k): str(v) for k, v in words.items()} for f, words in values.items()},
    )


def spec_to_json(mapping: ColumnMapping, header: Sequence[str], source: str) -> str:
    """The mapping used for a file as a mapping file another person can import with."""
    data: dict[str, Any] = {
        "format": MAPPING_FORMAT,
        "version": 1,
        "source": source,
        "columns": {header[i]: f for f, i in sorted(mapping.columns.items(), key=lambda x: x[1])},
        "ignore": [header[i] for i in sorted(mapping.ignored) if i < len(header)],
        "values": {f: dict(sorted(w.items())) for f, w in sorted(mapping.values.items()) if w},
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _column_index(header: Sequence[str], column: str, file: str) -> int:
    if header.count(column) == 1:
        return header.index(column)
    if header.count(column) > 1:
        raise ValidationFailed(
            "{file}: two columns are named {column!r} in the header row; rename one",
            file=file,
            column=column,
        )
    key = normalise_header(column)
    found = [i for i, h in enumerate(header) if normalise_header(h) == key]
    if len(found) == 1:
        return found[0]
    raise ValidationFailed(
        "{file}: the mapping names column {column!r}, which the file does not have "
        "(it has: {columns})",
        file=file,
        column=column,
        columns=", ".join(header),
    )


def apply_spec(
    base: ColumnMapping,
    header: Sequence[str],
    spec: MappingSpec,
    fields: Sequence[Field],
    file: str,
) -> ColumnMapping:
    """`base` (guessed or remembered) with the person's columns and values on top: a column
    named in `spec` holds that field (taken from any column that had it) or is ignored."""
    known = {f.name for f in fields}
    columns = dict(base.columns)
    ignored = set(base.ignored)
    for column, fld in spec.columns.items():
        index = _column_index(header, column, file)
        columns = {f: i for f, i in columns.items() if i != index}
        if fld == IGNORE:
            ignored.add(index)
            continue
        if fld not in known:
            raise ValidationFailed(
                "{file}: {field!r} is not a field of this import; fields: {fields}",
                file=file,
                field=fld,
                fields=", ".join(f.name for f in fields),
            )
        columns[fld] = index
        ignored.discard(index)
    values = {f: dict(w) for f, w in base.values.items()}
    for fld, words in spec.values.items():
        if fld not in known:
            raise ValidationFailed(
                "{file}: {field!r} is not a field of this import; fields: {fields}",
                file=file,
                field=fld,
                fields=", ".join(f.name for f in fields),
            )
        values.setdefault(fld, {}).update({normalise_header(k): v for k, v in words.items()})
    return ColumnMapping(columns, base.name, frozenset(ignored), values)


def whole(mapping: ColumnMapping, header: Sequence[str]) -> ColumnMapping:
    """A mapping a person gave for every column (the window's dialog shows each column, so a
    column left without a field there is left out on purpose)."""
    taken = set(mapping.columns.values())
    rest = frozenset(i for i in range(len(header)) if i not in taken)
    return ColumnMapping(mapping.columns, mapping.name, mapping.ignored | rest, mapping.values)


def stored_json(mapping: ColumnMapping, header: Sequence[str]) -> str:
    """How a remembered mapping is kept in a text column: {column: field}, plus the columns
    ignored on purpose and the value words under keys no header has ('@ignore', '@values')."""
    data: dict[str, Any] = dict(mapping.by_column(header))
    if mapping.ignored:
        data["@ignore"] = [header[i] for i in sorted(mapping.ignored) if i < len(header)]
    if any(mapping.values.values()):
        data["@values"] = {f: dict(w) for f, w in mapping.values.items() if w}
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def split_stored(
    data: Mapping[str, Any],
) -> tuple[dict[str, str], list[str], dict[str, dict[str, str]]]:
    """A remembered mapping's {column: field}, ignored columns and value words."""
    columns = {str(k): str(v) for k, v in data.items() if not str(k).startswith("@")}
    ignore = [str(h) for h in data.get("@ignore", [])]
    values = {
        str(f): {str(k): str(v) for k, v in w.items()} for f, w in data.get("@values", {}).items()
    }
    return columns, ignore, values


class ColumnState(enum.StrEnum):
    MAPPED = "mapped"
    IGNORED = "ignored"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class ColumnStatus:
    """One column of the file as the preview shows it."""

    index: int
    name: str
    state: ColumnState
    field: str | None  # the field it holds (mapped)
    looks_like: str | None  # an unknown column named like this field
    filled: int  # rows with a value in it (0 for a known column not counted: column_statuses)

    @property
    def stops(self) -> bool:
        """An unknown column holding data and named like a field: the import waits for a
        person to map it or leave it out."""
        return self.state is ColumnState.UNKNOWN and self.looks_like is not None and self.filled > 0


def _words(text: str) -> set[str]:
    return {w for w in normalise_header(text).split() if len(w) >= 4 and w not in _COMMON}


def looks_like(fields: Sequence[Field], column: str) -> Field | None:
    """The field an unmapped column's name shares the most words with (words of 4 letters or
    more, not the most common ones), or None."""
    words = _words(column)
    if not words:
        return None
    best: tuple[int, Field] | None = None
    for f in fields:
        shared = len(words & set().union(*(_words(n) for n in f.names())))
        if shared and (best is None or shared > best[0]):
            best = (shared, f)
    return best[1] if best else None


def column_statuses(
    fields: Sequence[Field],
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    mapping: ColumnMapping,
    *,
    count_known: bool = True,
) -> list[ColumnStatus]:
    """Every column of the file (those past the header that hold data too): mapped, ignored on
    purpose, or unknown, with how many rows have a value in it. `count_known=False`: the
    mapped and ignored columns, whose state the mapping says, are not read and their `filled`
    is 0; only the unknown ones are counted, all an import reads of them (`stops`,
    `not_imported`, the count in check_columns' message). Issue 17: counting every cell of a
    million-row register took 0.9 s of its import."""
    width = len(header)
    if rows and max(map(len, rows)) > width:  # most files: no row longer than the header
        for cells in rows:
            if len(cells) > width and any(c.strip() for c in cells[width:]):
                width = max(width, max(i + 1 for i, c in enumerate(cells) if c.strip()))
    by_index = {i: f for f, i in mapping.columns.items()}
    counted = [
        i for i in range(width) if count_known or (i not in by_index and i not in mapping.ignored)
    ]
    filled = [0] * width
    if len(counted) == width:
        for cells in rows:
            for i, cell in enumerate(cells[:width]):
                if cell.strip():
                    filled[i] += 1
    else:  # a few columns: each on its own
        for i in counted:
            filled[i] = sum(1 for cells in rows if len(cells) > i and cells[i].strip())
    out: list[ColumnStatus] = []
    for i in range(width):
        name = header[i] if i < len(header) else ""
        if i in by_index:
            out.append(ColumnStatus(i, name, ColumnState.MAPPED, by_index[i], None, filled[i]))
        elif i in mapping.ignored:
            out.append(ColumnStatus(i, name, ColumnState.IGNORED, None, None, filled[i]))
        else:
            like = looks_like([f for f in fields if f.name not in mapping.columns], name)
            out.append(
                ColumnStatus(
                    i, name, ColumnState.UNKNOWN, None, like.name if like else None, filled[i]
                )
            )
    return out


def check_columns(statuses: Sequence[ColumnStatus], fields: Sequence[Field], file: str) -> None:
    """Refuses the import while a column named like a field holds data and is neither mapped
    nor left out on purpose."""
    stopping = [s for s in statuses if s.stops]
    if not stopping:
        return
    labels = {f.name: f.label for f in fields}
    listed = "; ".join(
        f"{s.name!r} ({s.filled} value(s), named like "
        f"{labels.get(s.looks_like or '', s.looks_like)} [{s.looks_like}])"
        for s in stopping
    )
    first = stopping[0].name
    raise ValidationFailed(
        "{file}: column(s) not mapped that hold data and are named like a field: {columns}. "
        "Nothing was imported: map each (--map '{first}=FIELD') or leave it out on purpose "
        "(--map '{first}=')",
        file=file,
        columns=listed,
        first=first,
    )


def not_imported(statuses: Sequence[ColumnStatus]) -> list[str]:
    """The unknown columns that hold data (named in the summary: not imported)."""
    return [
        s.name or f"#{s.index + 1}" for s in statuses if s.state is ColumnState.UNKNOWN and s.filled
    ]
