"""One import framework for the monitoring sources (survey responses, the complaint register, the
EZD case register, and any later one): a source declares its fields and its row rule and how a
chunk is written; this module does the rest the same way for all of them.

- the file is read by reports/tabular.py (encoding, delimiter, XLSX);
- the mapping (field → column) is the one given, else the one remembered for this header row,
  else a guess from the column names and the fields' synonyms; it is checked before any row;
- every row is read by the source's rule; each value it cannot take is a `RowProblem` (line,
  column, value, message), a value longer than its field holds included (never cut);
- any problem: `ImportRejected` lists them all and nothing changes, not even the remembered
  mapping; otherwise the rows are written in chunks with progress and cancel between them, the
  mapping is remembered and the source records its trail, all in ONE transaction.

A new source is a subclass of `ImportSource` (see cases/imports.py for a worked one)."""

from __future__ import annotations

import gc
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from sqlalchemy.orm import Session

from auditdesk.domain.errors import AuditDeskError, ValidationFailed
from auditdesk.domain.import_plan import (
    ColumnStatus,
    MappingSpec,
    apply_spec,
    check_columns,
    column_statuses,
    whole,
)
from auditdesk.domain.importing import (
    ColumnMapping,
    Field,
    RowProblem,
    SourceRow,
    check_lengths,
    check_mapping,
    columns_of,
    guess_mapping,
    normalise_header,
)
from auditdesk.reports.tabular import Table
from auditdesk.services.context import AppContext

__all__ = [
    "ColumnMapping",
    "Field",
    "ImportCancelled",
    "ImportRejected",
    "ImportSource",
    "Preview",
    "RowProblem",
    "SourceRow",
    "collector_paused",
    "given_mapping",
    "resolve_mapping",
    "run_import",
    "statuses",
    "with_spec",
]

T = TypeVar("T")
CHUNK = 500  # rows written between two looks at the cancel button
READ_STEP = 200  # rows read between two looks at it
PREVIEW_ROWS = 10
DISTINCT_WORDS = 40  # more different words than this in a column: free text, not a vocabulary
MAX_LISTED = 200  # problems named in the message; the exception carries all of them

Progress = Callable[[int, int], None]


class ImportRejected(ValidationFailed):
    """Some values could not be taken; nothing was imported. `problems` names every one."""

    def __init__(self, message: str, problems: list[RowProblem], /, **fields: object) -> None:
        super().__init__(message, **fields)
        self.problems = problems
        # the window's one-line message (its table lists the problems)
        self.headline = ValidationFailed(
            "{file}: {count} value(s) in {rows} row(s) could not be read; nothing was imported. "
            "Correct them and import the file again.",
            file=fields.get("file", ""),
            count=len(problems),
            rows=len({p.line for p in problems}),
        )

    @classmethod
    def of(cls, file: str, problems: list[RowProblem]) -> ImportRejected:
        listed = "\n".join(f"  {p}" for p in problems[:MAX_LISTED])
        more = len(problems) - MAX_LISTED
        return cls(
            "{file}: {count} value(s) in {rows} row(s) could not be read; nothing was imported. "
            "Correct them and import the file again:\n{problems}{more}",
            problems,
            file=file,
            count=len(problems),
            rows=len({p.line for p in problems}),
            problems=listed,
            more=f"\n  … and {more} more" if more > 0 else "",
        )

    def report(self) -> str:
        """The message with every problem listed (the message lists the first MAX_LISTED)."""
        head = str(self).split("\n", 1)[0]
        return "\n".join([head, *(f"  {p}" for p in self.problems)])


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector held while a large register is read and written
    (issue 17): a million rows are some fifteen million objects, none of them in a cycle, and
    every full collection walked them all again (5 of the 9 s of reading 1,000,000 rows).
    Whatever is left in cycles meanwhile is collected once it runs again."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


class ImportCancelled(AuditDeskError):
    """The person cancelled the import; nothing was written."""


@dataclass(frozen=True)
class Preview:
    """What the mapping dialog shows: the header, the first rows, how the file was read and the
    mapping to preselect (the remembered one, else a guess)."""

    file: str
    header: list[str]
    rows: list[list[str]]
    row_count: int
    encoding: str
    delimiter: str
    mapping: ColumnMapping
    remembered: bool
    columns: tuple[ColumnStatus, ...] = ()  # every column: mapped, ignored or unknown
    header_line: int = 1
    skipped: tuple[str, ...] = ()  # title lines above the header, skipped
    # column index → the different words it holds in the whole file (a column with more than
    # DISTINCT_WORDS of them is free text: none given), for mapping values in the window
    distinct: dict[int, tuple[str, ...]] = field(default_factory=dict)
    # field → the values it stores, where it has a vocabulary (kind, outcome, channel …)
    choices: dict[str, tuple[str, ...]] = field(default_factory=dict)


class ImportSource(ABC, Generic[T]):
    """One kind of register. A subclass declares `fields`, reads one row (`read_row`, which
    returns the domain object or None after putting problems on the row), writes a chunk of
    them (`write`), records the import (`finish`), and keeps its remembered mappings."""

    @property
    @abstractmethod
    def fields(self) -> Sequence[Field]: ...

    def prepare(self, session: Session) -> None:
        """Loads what the row rule looks up (units, people, keys already stored)."""

    @abstractmethod
    def read_row(self, row: SourceRow) -> T | None: ...

    def check_rows(self, items: list[tuple[int, T]], problems: list[RowProblem]) -> list[T]:
        """Rules across rows (the same key twice); the items to write."""
        return [item for _line, item in items]

    def fast_reader(self, mapping: ColumnMapping) -> Callable[[int, list[str]], T | None] | None:
        """A quicker way from a row's cells to its item, for a source whose registers run to a
        million rows (issue 17), or None. It gives None for any row it cannot take whole, which
        `read_row` then reads (and names its problems); for every row it takes, its item must
        be the one `read_row` gives."""
        return None

    @abstractmethod
    def write(self, session: Session, chunk: Sequence[T]) -> None: ...

    def finish(self, session: Session, table: Table, mapping: ColumnMapping) -> None:
        """Records the import (batch row, trail) once every chunk is written."""

    @abstractmethod
    def load_mapping(self, session: Session, header: Sequence[str]) -> ColumnMapping | None: ...

    @abstractmethod
    def save_mapping(
        self, session: Session, header: Sequence[str], mapping: ColumnMapping
    ) -> None: ...

    # normalised headers of columns a known layout leaves out on purpose (a row number, the
    # deadline AuditDesk computes itself, a respondent's e-mail address)
    ignored_headers: frozenset[str] = frozenset()

    def guess(self, header: Sequence[str]) -> ColumnMapping:
        columns = guess_mapping(self.fields, header)
        taken = set(columns.values())
        ignored = frozenset(
            i
            for i, column in enumerate(header)
            if i not in taken and normalise_header(column) in self.ignored_headers
        )
        return ColumnMapping(columns, ignored=ignored)

    def complete(self, header: Sequence[str], mapping: ColumnMapping) -> ColumnMapping:
        """A remembered or given mapping with the layout's known columns left out on purpose
        where it says nothing of them."""
        guessed = self.guess(header)
        ignored = {i for i in guessed.ignored if i not in mapping.columns.values()}
        return ColumnMapping(
            mapping.columns, mapping.name, frozenset(mapping.ignored | ignored), mapping.values
        )


def resolve_mapping(
    ctx: AppContext, source: ImportSource[T], header: Sequence[str]
) -> tuple[ColumnMapping, bool]:
    """The remembered mapping for this header row (True), else a guess (False)."""
    with ctx.db.session() as s:
        known = source.load_mapping(s, header)
    if known is None:
        return source.guess(header), False
    return source.complete(header, known), True


def given_mapping(
    ctx: AppContext,
    source: ImportSource[T],
    header: Sequence[str],
    by_column: dict[str, str],
    file: str,
) -> ColumnMapping:
    """The mapping a person chose in the window's dialog ({column: field}; an empty field leaves
    the column out on purpose). The dialog maps columns only: the value words remembered for this
    header row (answer labels, kind and outcome words, unit names; or matched automatically) stay
    with every field that is still mapped, so an import from the window reads the file exactly
    as the command line does with the remembered mapping."""
    known, _remembered = resolve_mapping(ctx, source, header)
    given = ColumnMapping(columns_of(header, {c: f for c, f in by_column.items() if f}, file))
    values = {f: dict(w) for f, w in known.values.items() if f in given.columns}
    return whole(ColumnMapping(given.columns, given.name, given.ignored, values), header)


def with_spec(
    source: ImportSource[T], table: Table, mapping: ColumnMapping, spec: MappingSpec | None
) -> ColumnMapping:
    """`mapping` with what a person said (--map, a mapping file) on top."""
    if not spec:
        return mapping
    return apply_spec(mapping, table.header, spec, source.fields, table.file)


def statuses(
    source: ImportSource[T], table: Table, mapping: ColumnMapping, *, count_known: bool = True
) -> list[ColumnStatus]:
    """Every column of the file: mapped, ignored on purpose, or unknown (issue 13).
    `count_known=False`: only the unknown columns' values counted (column_statuses)."""
    rows = [r.cells for r in table.rows]
    return column_statuses(source.fields, table.header, rows, mapping, count_known=count_known)


def preview(
    ctx: AppContext, source: ImportSource[T], table: Table, rows: int = PREVIEW_ROWS
) -> Preview:
    mapping, remembered = resolve_mapping(ctx, source, table.header)
    return Preview(
        table.file,
        list(table.header),
        [list(cells) for _line, cells in table.rows[:rows]],
        len(table.rows),
        table.encoding,
        table.delimiter,
        mapping,
        remembered,
        tuple(statuses(source, table, mapping)),
        table.header_line,
        table.skipped,
        distinct_words(table),
        {f.name: tuple(sorted(set(f.vocabulary.values()))) for f in source.fields if f.vocabulary},
    )


def distinct_words(table: Table, limit: int = DISTINCT_WORDS) -> dict[int, tuple[str, ...]]:
    """Each column's different non-empty words over the whole file, in the order first met;
    columns with more than `limit` of them (names, dates, free text) are left out. One pass,
    at most `limit` + 1 words kept per column, so a file of any size costs bounded memory."""
    found: list[dict[str, None]] = [{} for _ in table.header]
    open_columns = set(range(len(table.header)))
    for _line, cells in table.rows:
        for index in list(open_columns):
            word = cells[index].strip() if index < len(cells) else ""
            if not word:
                continue
            words = found[index]
            words[word] = None
            if len(words) > limit:
                open_columns.discard(index)
        if not open_columns:
            break
    return {i: tuple(words) for i, words in enumerate(found) if words and len(words) <= limit}


def _no_progress(_done: int, _total: int) -> None:
    return None


def _no_check() -> None:
    return None


def read_rows(
    source: ImportSource[T],
    table: Table,
    mapping: ColumnMapping,
    progress: Progress = _no_progress,
    check: Callable[[], None] = _no_check,
    scale: int = 2,
) -> tuple[list[T], list[RowProblem]]:
    """Every row through the source's rule: the items and every problem found."""
    fields = source.fields
    labels = {f.name: f.label for f in fields}
    limits = {
        f.name: f.max_length
        for f in fields
        if f.max_length is not None and f.name in mapping.columns
    }
    columns = dict(mapping.columns)
    header = table.header
    problems: list[RowProblem] = []
    items: list[tuple[int, T]] = []
    total = len(table.rows)
    fast = source.fast_reader(mapping)
    for n, (line, cells) in enumerate(table.rows, start=1):
        if n % READ_STEP == 0:
            check()
            progress(n, scale * total)
        if fast is not None:
            taken = fast(line, cells)
            if taken is not None:
                items.append((line, taken))
                continue
        before = len(problems)
        row = SourceRow(line, cells, header, columns, labels, problems, mapping.values)
        if limits:
            check_lengths(row, limits)
        item = source.read_row(row)
        if item is not None and len(problems) == before:
            items.append((line, item))
    return source.check_rows(items, problems), problems


def run_import(
    ctx: AppContext,
    source: ImportSource[T],
    table: Table,
    mapping: ColumnMapping,
    *,
    remember: bool = True,
    on_progress: Progress | None = None,
    check: Callable[[], None] | None = None,
    chunk: int = CHUNK,
    columns: Sequence[ColumnStatus] | None = None,
) -> int:
    """Reads every row and writes them all in one transaction, or raises ImportRejected (every
    problem named) or whatever `check` raises, having changed nothing. The mapping is remembered
    (when `remember`) in the same transaction. Returns how many items were written. `columns`:
    the file's `statuses` under this mapping when the caller has them already (a pass over
    every cell of the file spared)."""
    check_mapping(source.fields, table.header, mapping.columns, table.file)
    found = statuses(source, table, mapping) if columns is None else columns
    check_columns(found, source.fields, table.file)
    progress = on_progress or _no_progress
    stop = check or _no_check
    total = len(table.rows)
    with ctx.db.session() as s:
        source.prepare(s)
        items, problems = read_rows(source, table, mapping, progress, stop)
        if problems:
            raise ImportRejected.of(table.file, problems)
        for start in range(0, len(items), chunk):
            stop()
            source.write(s, items[start : start + chunk])
            done = min(len(items), start + chunk)
            progress(total + done * total // max(1, len(items)), 2 * total)
        if remember:
            source.save_mapping(s, table.header, mapping)
        source.finish(s, table, mapping)
        progress(2 * total, 2 * total)
    return len(items)
