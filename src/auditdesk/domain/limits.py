"""Bounds on every file AuditDesk reads (forms, settings, audit imports, PDFs to verify,
evidence), so that the time and memory a file costs does not depend on how it was crafted.

A file over a bound is refused with one line naming the file and the limit (`InputRefused`),
before it is read in full where its size says so. JSON is parsed by the C parser (whose own
recursion guard stops absurd nesting at once) and then walked without recursion, so depth,
item counts and string lengths are checked in one linear pass.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from auditdesk.domain.errors import AuditDeskError, Localized

KB = 1024
MB = 1024 * KB

MAX_FORM_BYTES = 2 * MB  # the largest shipped form is ~20 KB
MAX_SETTINGS_BYTES = 1 * MB
MAX_IMPORT_BYTES = 1024 * MB  # an audit export with its evidence, read whole into memory
MAX_PDF_BYTES = 256 * MB  # a protocol is a few hundred KB; bulk exports are one PDF a record
MAX_JSON_DEPTH = 32  # an audit export is 5 levels deep, settings 2
MAX_ITEMS = 100_000  # entries of one JSON list or object
MAX_STRING = 100_000  # characters of one JSON string (a comment, a name) unless named otherwise

# registers imported from CSV/XLSX (reports/tabular.py: surveys, complaints, EZD cases)
MAX_TABLE_ROWS = 2_000_000  # rows besides the header; a big office's EZD year is ~1,000,000 cases
MAX_TABLE_COLUMNS = 1_000  # a register has ~10-50 columns, a survey one per question
MAX_TABLE_CELL = 100_000  # characters of one cell (XLSX holds at most 32,767)
MAX_CSV_BYTES = 512 * MB  # 1,000,000 EZD cases with titles weigh ~200-300 MB
MAX_WORKBOOK_BYTES = 256 * MB  # an XLSX as stored (zipped); Excel's 1,048,576 rows fit in ~100 MB
MAX_WORKBOOK_UNPACKED = 2048 * MB  # all its parts unzipped, as its zip directory says (zip bombs)
MAX_ZIP_DIRECTORY = 1 * MB  # the zip's list of parts; a workbook's ~20 parts take a few KB


class InputRefused(AuditDeskError):
    """A file was refused before use because it is over one of the bounds in this module."""


def size_text(n: int) -> str:
    """'2 MB', '512 KB', '300 bytes': a limit as a person reads it."""
    if n >= MB and n % MB == 0:
        return f"{n // MB} MB"
    if n >= MB:
        return f"{n / MB:.1f} MB"
    if n >= KB:
        return f"{n // KB} KB"
    return f"{n} bytes"


def read_bounded(path: Path, limit: int, what: str | Localized) -> bytes:
    """The bytes of `path`, refused (InputRefused) when there are more than `limit` of them
    (`what` names the kind of file in the message, best as Localized).
    The size is checked before reading, and the read itself stops after `limit` + 1 bytes, so
    a file that grows meanwhile or claims no size (a device, /proc) costs no more. OSError
    passes through for the caller's own "cannot read" message."""
    with path.open("rb") as handle:
        try:
            claimed = os.fstat(handle.fileno()).st_size
        except OSError:
            claimed = 0
        if claimed > limit:
            raise InputRefused(
                "{path}: the {what} is {size}, above the limit of {limit}; nothing was read",
                path=path,
                what=what,
                size=size_text(claimed),
                limit=size_text(limit),
            )
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise InputRefused(
            "{path}: the {what} is larger than the limit of {limit}; nothing was read",
            path=path,
            what=what,
            limit=size_text(limit),
        )
    return data


def loads_bounded(
    text: str | bytes,
    source: object,
    *,
    max_depth: int = MAX_JSON_DEPTH,
    max_items: int = MAX_ITEMS,
    max_string: int = MAX_STRING,
    long_strings: Mapping[str, int] | None = None,
) -> Any:
    """`json.loads` whose result is at most `max_depth` deep, has at most `max_items` entries in
    any list or object and no string longer than `max_string` characters (a key named in
    `long_strings` may hold a longer one, up to its own limit). Syntax errors pass through as
    json.JSONDecodeError; a bound broken raises InputRefused naming `source` and the place."""
    try:
        doc = json.loads(text)
    except RecursionError:
        raise InputRefused(
            "{source}: the JSON is nested more than {depth} levels deep; nothing was read",
            source=source,
            depth=max_depth,
        ) from None
    check_shape(
        doc,
        source,
        max_depth=max_depth,
        max_items=max_items,
        max_string=max_string,
        long_strings=long_strings,
    )
    return doc


def check_shape(
    doc: Any,
    source: object,
    *,
    max_depth: int = MAX_JSON_DEPTH,
    max_items: int = MAX_ITEMS,
    max_string: int = MAX_STRING,
    long_strings: Mapping[str, int] | None = None,
) -> None:
    """Walks parsed JSON without recursion; refuses (InputRefused) the first bound broken."""
    longer = long_strings or {}
    stack: list[tuple[Any, int, tuple[str | int, ...], int]] = [(doc, 1, (), max_string)]
    while stack:
        value, depth, where, string_limit = stack.pop()
        if isinstance(value, str):
            if len(value) > string_limit:
                raise InputRefused(
                    "{source}: {field} is {length:,} characters long, above the limit of "
                    "{limit:,}; nothing was read",
                    source=source,
                    field=_where(where),
                    length=len(value),
                    limit=string_limit,
                )
            continue
        if not isinstance(value, dict | list):
            continue
        if depth > max_depth:
            raise InputRefused(
                "{source}: the JSON is nested more than {depth} levels deep (at {field}); "
                "nothing was read",
                source=source,
                depth=max_depth,
                field=_where(where),
            )
        if len(value) > max_items:
            raise InputRefused(
                "{source}: {field} has {count:,} entries, above the limit of {limit:,}; "
                "nothing was read",
                source=source,
                field=_where(where),
                count=len(value),
                limit=max_items,
            )
        if isinstance(value, dict):
            for key, child in value.items():
                if len(key) > max_string:
                    raise InputRefused(
                        "{source}: a key in {field} is {length:,} characters long, above the "
                        "limit of {limit:,}; nothing was read",
                        source=source,
                        field=_where(where),
                        length=len(key),
                        limit=max_string,
                    )
                stack.append((child, depth + 1, (*where, key), longer.get(key, max_string)))
        else:
            for n, child in enumerate(value):
                stack.append((child, depth + 1, (*where, n), max_string))


def _where(path: tuple[str | int, ...]) -> str:
    if not path:
        return "the document"
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out
