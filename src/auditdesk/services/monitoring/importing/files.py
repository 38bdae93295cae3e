"""Mapping files on disk (issue 13): a mapping made once for a source's export is written as JSON
(`--save-mapping FILE.json`) and read back on another computer or by a colleague (`--mapping
FILE.json`); and the remembered mappings' stored form, which keeps the columns left out on
purpose and the value words beside {column: field}."""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping, Sequence
from pathlib import Path

from auditdesk.domain.errors import ValidationFailed
from auditdesk.domain.import_plan import (
    IGNORE,
    MappingSpec,
    apply_spec,
    spec_from_json,
    spec_to_json,
    split_stored,
)
from auditdesk.domain.importing import ColumnMapping, Field, columns_of, normalise_header

__all__ = ["read_mapping_file", "save_chosen_mapping", "stored_mapping", "write_mapping_file"]


def read_mapping_file(path: Path) -> MappingSpec:
    """The mapping file at `path`; ValidationFailed naming it when it cannot be read."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ValidationFailed(
            "{file}: the mapping file cannot be read ({detail})", file=str(path), detail=str(exc)
        ) from None
    return spec_from_json(text, str(path))


def write_mapping_file(
    path: Path, mapping: ColumnMapping, header: Sequence[str], source: str
) -> None:
    try:
        path.write_text(spec_to_json(mapping, header, source), encoding="utf-8")
    except OSError as exc:
        raise ValidationFailed(
            "{file}: the mapping file cannot be written ({detail})",
            file=str(path),
            detail=exc.strerror or str(exc),
        ) from None


def save_chosen_mapping(
    path: Path,
    header: Sequence[str],
    columns: Mapping[str, int],
    ignored: Collection[int],
    values: Mapping[str, Mapping[str, str]],
    source: str,
) -> None:
    """The mapping a person chose in the window's dialog ({field: column index}, the columns
    left out on purpose, the value words per field) as a mapping file, the same format that
    `--mapping FILE.json` reads and `--save-mapping` writes."""
    mapping = ColumnMapping(
        dict(columns),
        None,
        frozenset(ignored),
        {f: {normalise_header(k): v for k, v in w.items()} for f, w in values.items() if w},
    )
    write_mapping_file(path, mapping, header, source)


def stored_mapping(text: str, header: Sequence[str], fields: Sequence[Field]) -> ColumnMapping:
    """A remembered mapping as stored by `domain.import_plan.stored_json` (or the plain
    {column: field} of earlier versions)."""
    columns, ignore, values = split_stored(json.loads(text))
    base = ColumnMapping(columns_of(header, columns, file=""))
    present = [h for h in ignore if h in header]
    return apply_spec(
        base, header, MappingSpec({h: IGNORE for h in present}, values), fields, file=""
    )
