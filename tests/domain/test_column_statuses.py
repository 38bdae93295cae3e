"""column_statuses with count_known=False (issue 17: the case import's pass over every cell of a
million rows): the same columns, states and guesses, and the same counts wherever an import
reads them (the unknown columns), whatever the file."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from auditdesk.domain.case_rows import CASE_FIELDS
from auditdesk.domain.import_plan import ColumnState, column_statuses, not_imported
from auditdesk.domain.importing import ColumnMapping

HEADER = ["Znak sprawy", "Tytuł", "Data wszczęcia", "Uwagi", "Data zakończenia", "Prowadzący"]
CELL = st.sampled_from(["", " ", "x", " y ", "01.02.2025"])


@settings(max_examples=200, deadline=None)
@given(
    width=st.integers(1, len(HEADER)),
    rows=st.lists(st.lists(CELL, min_size=0, max_size=len(HEADER) + 3), max_size=12),
    mapped=st.sets(st.integers(0, len(HEADER) - 1)),
    ignored=st.sets(st.integers(0, len(HEADER) + 2)),
)
def test_known_columns_not_counted_change_nothing_an_import_reads(
    width: int, rows: list[list[str]], mapped: set[int], ignored: set[int]
) -> None:
    header = HEADER[:width]
    names = [f.name for f in CASE_FIELDS]
    mapping = ColumnMapping(
        {names[i]: i for i in mapped if i < width}, None, frozenset(ignored - mapped)
    )
    full = column_statuses(CASE_FIELDS, header, rows, mapping)
    fast = column_statuses(CASE_FIELDS, header, rows, mapping, count_known=False)
    assert [(s.index, s.name, s.state, s.field, s.looks_like) for s in fast] == [
        (s.index, s.name, s.state, s.field, s.looks_like) for s in full
    ]
    for a, b in zip(full, fast, strict=True):
        assert b.filled == (a.filled if a.state is ColumnState.UNKNOWN else 0)
        assert a.stops == b.stops
    assert not_imported(full) == not_imported(fast)


def test_a_value_past_the_header_is_a_column_counted_either_way() -> None:
    rows = [["S/1", "a"], ["S/2", "b", "", " ", "extra"], ["S/3", "", "", "", "more"]]
    mapping = ColumnMapping({"sign": 0, "title": 1})
    for count_known in (True, False):
        found = column_statuses(
            CASE_FIELDS, ["Znak", "Tytuł"], rows, mapping, count_known=count_known
        )
        assert [s.filled for s in found][2:] == [0, 0, 2]
        assert [s.filled for s in found][:2] == ([3, 2] if count_known else [0, 0])
