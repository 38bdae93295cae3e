"""What every import of a register (survey responses, the complaint register, the EZD case
register, and any source added later) has in common, in pure Python: the fields a source
declares, the one header normaliser, the mapping of columns to fields (guessed from the
header, checked, serialisable), the one problem type, and the view of one row that a source's
row rule reads. The file is read by reports/tabular.py; the transaction is in
services/monitoring/importing."""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from auditdesk.domain.errors import AuditDeskError, ValidationFailed

SHOWN_VALUE = 80  # characters of a value a problem shows; the message gives the whole length


@lru_cache(maxsize=8192)
def normalise_header(text: str) -> str:
    """The one normaliser of column names and vocabulary words: case folded, no diacritics (ł
    too), punctuation as spaces, single spaces: 'Data wpływu:' → 'data wplywu'."""
    text = text.casefold().replace("ł", "l")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c if c.isalnum() else " " for c in text if not unicodedata.combining(c))
    return " ".join(text.split())


def header_key(header: Sequence[str]) -> str:
    """A remembered mapping is found again by this digest of the normalised header row."""
    joined = "\x1f".join(normalise_header(h) for h in header)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Field:
    """One field a source can read from a column.

    `synonyms` are column names that mean this field (compared normalised); `max_length` is the
    most the store keeps, a longer value being a problem of its row (never cut); `vocabulary`
    maps words a register writes (normalised) to the value the field stores."""

    name: str
    label: str  # English; the window translates it
    required: bool = False
    synonyms: tuple[str, ...] = ()
    max_length: int | None = None
    vocabulary: Mapping[str, str] = field(default_factory=dict)

    def names(self) -> set[str]:
        """Every normalised column name that means this field."""
        return {normalise_header(n) for n in (self.name, self.label, *self.synonyms) if n}


@dataclass(frozen=True)
class ColumnMapping:
    """Which column (by index in the header row) holds which field; `name` is what it was
    remembered under, None for one given or guessed. Serialisable as {field: column name}."""

    columns: Mapping[str, int]
    name: str | None = None
    # columns (by index) a person or a known layout left out on purpose (issue 13): shown as
    # ignored, never as unknown, and never stopping an import
    ignored: frozenset[int] = frozenset()
    # field → {normalised word as the file writes it: the value the field takes} (answer labels,
    # kind and outcome words, unit names): applied to a cell before the row rule reads it
    values: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    def to_json(self, header: Sequence[str]) -> dict[str, Any]:
        return {
            "name": self.name,
            "columns": {f: header[i] for f, i in self.columns.items() if i < len(header)},
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any], header: Sequence[str]) -> ColumnMapping:
        names = dict(data.get("columns", {}))
        by_column = {str(column): str(fld) for fld, column in names.items()}
        return cls(columns_of(header, by_column, file=""), data.get("name"))

    def by_column(self, header: Sequence[str]) -> dict[str, str]:
        """{column name: field}, as the command line and the dialogs write a mapping."""
        return {header[i]: f for f, i in self.columns.items() if i < len(header)}


def guess_mapping(fields: Iterable[Field], header: Sequence[str]) -> dict[str, int]:
    """Field → column index for the columns named like a field (first column wins, each field
    at most once, each column at most one field)."""
    names = {f.name: f.names() for f in fields}
    out: dict[str, int] = {}
    for index, column in enumerate(header):
        for key in header_keys(column):
            found = next((n for n, known in names.items() if n not in out and key in known), None)
            if found is not None:
                out[found] = index
                break
    return out


def header_keys(column: str) -> list[str]:
    """The normalised names a column may be known by: its whole header, then the text in its
    last square brackets (a grid question as Google Forms and LimeSurvey write it:
    'Oceń pracownika [Pracownik znał przepisy i procedury]')."""
    keys = [normalise_header(column)]
    text = column.strip()
    if text.endswith("]") and "[" in text:
        inner = normalise_header(text[text.rindex("[") + 1 : -1])
        if inner and inner not in keys:
            keys.append(inner)
    return keys


def columns_of(header: Sequence[str], by_column: Mapping[str, str], file: str) -> dict[str, int]:
    """{column name: field} (empty fields left out) → {field: column index}. A column the file
    does not have, one named twice in the header, or a field given twice is refused."""
    out: dict[str, int] = {}
    twice: list[str] = []
    for column, fld in by_column.items():
        if not fld:
            continue
        if column not in header:
            raise ValidationFailed(
                "{file}: the mapping names column {column!r}, which the file does not have "
                "(it has: {columns})",
                file=file,
                column=column,
                columns=", ".join(header),
            )
        if header.count(column) > 1:
            raise ValidationFailed(
                "{file}: two columns are named {column!r} in the header row; rename one",
                file=file,
                column=column,
            )
        if fld in out:
            twice.append(fld)
        out[fld] = header.index(column)
    if twice:
        raise ValidationFailed(
            "{file}: more than one column is mapped to {fields}; map each field once",
            file=file,
            fields=", ".join(sorted(set(twice))),
        )
    return out


def check_mapping(
    fields: Sequence[Field], header: Sequence[str], columns: Mapping[str, int], file: str
) -> None:
    """Refuses a mapping to an unknown field or to a column the file does not have, or one that
    leaves a required field without a column."""
    known = {f.name for f in fields}
    for fld, index in columns.items():
        if fld not in known:
            raise ValidationFailed(
                "{file}: {field!r} is not a field of this import; fields: {fields}",
                file=file,
                field=fld,
                fields=", ".join(f.name for f in fields),
            )
        if not 0 <= int(index) < len(header):
            raise ValidationFailed(
                "{file}: field {field!r} is mapped to column {index}, which the file does not "
                "have; map the columns again",
                file=file,
                field=fld,
                index=int(index) + 1,
            )
    missing = [f.name for f in fields if f.required and f.name not in columns]
    if missing:
        raise ValidationFailed(
            "{file}: no column is mapped to {fields}; map them and try again",
            file=file,
            fields=", ".join(missing),
        )


@dataclass(frozen=True)
class RowProblem:
    """One value of one row the import could not take: where (line, column) and why."""

    line: int
    column: str
    value: str
    message: AuditDeskError

    def __str__(self) -> str:
        return f"line {self.line}, {self.column}: {self.value!r}: {self.message}"


def shown(value: str) -> str:
    """A value as a problem shows it: a very long one cut, with an ellipsis, for display."""
    return value if len(value) <= SHOWN_VALUE else value[: SHOWN_VALUE - 1] + "…"


class SourceRow:
    """One row as a source's row rule sees it: the text of each mapped field, and a place to
    put what is wrong with it."""

    __slots__ = ("_columns", "_header", "_labels", "_values", "cells", "line", "problems")

    def __init__(
        self,
        line: int,
        cells: Sequence[str],
        header: Sequence[str],
        columns: Mapping[str, int],
        labels: Mapping[str, str],
        problems: list[RowProblem],
        values: Mapping[str, Mapping[str, str]] | None = None,
    ) -> None:
        self._values = values or {}
        self.line = line
        self.cells = cells
        self._header = header
        self._columns = columns
        self._labels = labels
        self.problems = problems

    def mapped(self, fld: str) -> bool:
        return fld in self._columns

    def text(self, fld: str) -> str:
        index = self._columns.get(fld)
        if index is None or index >= len(self.cells):
            return ""
        text = self.cells[index].strip()
        words = self._values.get(fld)
        if words and text:
            return words.get(normalise_header(text), text)
        return text

    def column(self, fld: str) -> str:
        """The column's name in the file, or the field's label when no column holds it."""
        index = self._columns.get(fld)
        if index is not None and index < len(self._header):
            return self._header[index]
        return self._labels.get(fld, fld)

    def problem(self, fld: str, message: AuditDeskError, value: str | None = None) -> None:
        text = self.text(fld) if value is None else value
        self.problems.append(RowProblem(self.line, self.column(fld), shown(text), message))


def too_long(length: int, limit: int) -> ValidationFailed:
    return ValidationFailed(
        "{length} characters, more than the {limit} this field holds; shorten it in the file "
        "(nothing is cut on import)",
        length=length,
        limit=limit,
    )


def check_lengths(row: SourceRow, limits: Mapping[str, int]) -> None:
    """A problem for each mapped value longer than its field holds."""
    for fld, limit in limits.items():
        text = row.text(fld)
        if len(text) > limit:
            row.problem(fld, too_long(len(text), limit), text)
