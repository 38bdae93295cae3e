"""The case register's fast row reader (issue 17) against the row rule it stands in for: for
any row, CaseRowReader either gives exactly what read_case (after the length checks every
import makes) gives, or leaves the row to it; and it leaves no clean row to it. Rows are drawn
from the values registers write and the ones they should not (dates in other forms or none,
unknown words, negative days, signs that are no signs, over-long texts, value words)."""

from __future__ import annotations

from datetime import date
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from auditdesk.domain.case_deadlines import CaseCategory
from auditdesk.domain.case_rows import (
    CASE_FIELDS,
    SIGN,
    CaseRowReader,
    CaseRules,
    ParsedCase,
    auto_mapping,
    read_case,
)
from auditdesk.domain.importing import RowProblem, SourceRow, check_lengths

HEADER = [
    "Znak sprawy",
    "Komórka",
    "JRWA",
    "Tytuł",
    "Data wszczęcia",
    "Data zakończenia",
    "Kategoria",
    "Termin",
    "Dni zawieszenia",
    "Zawieszona",
    "Zawieszona od",
    "Zawieszona do",
    "Prowadzący",
    "Uwagi",
]
MAPPING = auto_mapping(HEADER)
AS_OF = date(2025, 12, 31)
LABELS = {f.name: f.label for f in CASE_FIELDS}
LIMITS = {f.name: f.max_length for f in CASE_FIELDS if f.max_length is not None}
RULES = CaseRules(
    words={"decyzja": CaseCategory.ONE_MONTH},
    jrwa={"0012": CaseCategory.TWO_MONTHS},
    without_delay_days=3,
)
WORDS = {"unit": {"wydzial komunikacji": "WKS"}, "category": {"zwykla": "1 miesiąc"}}


def mostly(good: list[str], bad: list[str]) -> st.SearchStrategy[str]:
    """Mostly what registers write, so that most rows are clean and many share their terms."""
    return st.sampled_from(good * 6 + bad)


DATES = mostly(
    ["", "03.03.2025", "3.3.2025", "2025-03-31", "31.03.2025", "01.04.2025", "28.02.2025",
     "15.05.2025", "30.06.2025", "02.01.2025"],
    ["31.02.2025", "jutro", "46300", "2025/03/05"],
)  # fmt: skip
SIGNS = mostly(
    ["WKS.5430.1.2025", "WKS-I.0012.7.2025", "USC.1510.3.2025", "BOK.6730.12.2025"],
    ["", "zły", "X.12345.1.2025", "W" * 81],
)
# sign, unit, JRWA, title; the dates, category and suspension; handler, remarks
IDENTITY = st.tuples(
    SIGNS,
    mostly(["", "WKS", "Wydział Komunikacji", "wydzial komunikacji"], ["U" * 41]),
    mostly(["", "5430", "0012"], ["12345678901"]),
    mostly(["", "Sprawa – źrebię"], ["T" * 501]),
)
TERMS = st.tuples(
    mostly(["03.03.2025", "2025-03-31", "28.02.2025"], ["", "jutro"]),
    DATES,
    mostly(
        ["", ":", "bez zwłoki", "1 miesiąc", "2 miesiące", "odwołanie", "skarga", "szczególny",
         "decyzja", "zwykla", "Zwykła"],
        ["nieznana"],
    ),
    DATES,
    mostly(["", "0", "3", "2,0"], ["-1", "dużo"]),
    mostly(["", "tak", "nie", "x"], ["może"]),
    DATES,
    DATES,
)  # fmt: skip
REST = st.tuples(mostly(["", "Łucja Wiśniewska"], ["H" * 201]), st.sampled_from(["", "x"]))
# a few terms per example, shared by its rows (so that rows meet the kept answers)
ROWS = st.lists(TERMS, min_size=1, max_size=3).flatmap(
    lambda terms: st.lists(
        st.tuples(IDENTITY, st.sampled_from(terms), REST).map(lambda r: (*r[0], *r[1], *r[2])),
        min_size=1,
        max_size=30,
    )
)


def derived(case: ParsedCase) -> tuple[Any, ...]:
    """What the reader keeps per distinct dates, category and suspension."""
    return (
        case.started_on,
        case.settled_on,
        case.category,
        case.ezd_due,
        case.suspension_days,
        case.suspended,
        case.suspended_from,
        case.suspended_to,
        case.computed_due,
        case.due_on,
        case.due_rule,
    )


def slow(line: int, cells: list[str], words: dict[str, dict[str, str]]) -> Any:
    problems: list[RowProblem] = []
    row = SourceRow(line, cells, HEADER, MAPPING, LABELS, problems, words)
    check_lengths(row, LIMITS)
    before = len(problems)
    case = read_case(row, AS_OF, RULES)
    return case if case is not None and len(problems) == before == 0 else None


@settings(max_examples=600, deadline=None)
@given(ROWS, st.booleans(), st.integers(0, 3))
def test_the_fast_reader_gives_what_the_row_rule_gives(
    rows: list[tuple[str, ...]], worded: bool, cut: int
) -> None:
    words = WORDS if worded else {}
    reader = CaseRowReader(MAPPING, words, AS_OF, RULES, derived)
    for line, cells in enumerate(rows, start=2):
        row = list(cells[: len(cells) - cut])  # short rows read "" past their end
        fast = reader.read(line, row)
        case = slow(line, row, words)
        if case is None:
            assert fast is None, (row, fast)
            continue
        assert fast is not None, row  # every clean row is taken
        sign, unit, sign_unit, jrwa, title, handler, remarks, kept = fast
        assert (sign, unit, jrwa, title, handler, remarks) == (
            case.sign,
            case.unit_code,
            case.jrwa,
            case.title,
            case.handler,
            case.remarks,
        )
        assert kept == derived(case)
        match = SIGN.match(sign)
        assert sign_unit == (match.group("unit") if match else "")


def test_the_deadline_is_worked_out_once_per_distinct_dates_and_category() -> None:
    seen: list[ParsedCase] = []

    def keep(case: ParsedCase) -> tuple[Any, ...]:
        seen.append(case)
        return derived(case)

    reader = CaseRowReader(MAPPING, {}, AS_OF, RULES, keep)
    base = ["", "", "", "Tytuł", "03.03.2025", "20.03.2025", "1 miesiąc", "", "", "", "", "",
            "Łucja", ""]  # fmt: skip
    for n in range(1, 1001):
        cells = list(base)
        cells[0] = f"WKS.5430.{n}.2025"
        cells[5] = "20.03.2025" if n % 2 else "21.03.2025"
        got = reader.read(n + 1, cells)
        assert got is not None and got[0] == cells[0]
    assert len(seen) == 2
