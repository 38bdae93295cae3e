"""Issue 13: answers, dates and header rows as the survey tools and registers write them, and
the --map option."""

from __future__ import annotations

from datetime import date

import pytest

from auditdesk.domain.dates import NotADate, parse_date
from auditdesk.domain.errors import ValidationFailed
from auditdesk.domain.forms.survey import SurveyForm
from auditdesk.domain.import_plan import IGNORE, parse_map
from auditdesk.domain.survey_results import parse_answer
from auditdesk.reports.tabular import Row, Table, find_header

FORM = SurveyForm.model_validate(
    {
        "kind": "survey",
        "id": "t",
        "edition": "1",
        "title": {"pl": "T"},
        "blocks": [
            {
                "id": "b",
                "title": {"pl": "B"},
                "questions": [
                    {"id": "s", "text": {"pl": "S"}, "type": "scale"},
                    {"id": "s10", "text": {"pl": "S"}, "type": "scale", "scale_max": 10},
                    {"id": "g", "text": {"pl": "G"}, "type": "agree4"},
                    {
                        "id": "wiek",
                        "text": {"pl": "Wiek"},
                        "type": "choice",
                        "options": [
                            {"value": "do-25", "label": {"pl": "do 25 lat"}},
                            {"value": "46-65", "label": {"pl": "46–65 lat"}},
                        ],
                    },
                ],
            }
        ],
    }
)
Q = {q.id: q for block in FORM.blocks for q in block.questions}


@pytest.mark.parametrize(
    ("qid", "raw", "stored"),
    [
        ("s", "Zdecydowanie tak", "5"),
        ("s", "raczej nie", "2"),
        ("s", "Ani tak, ani nie", "3"),
        ("s", "BARDZO ŹLE", "1"),
        ("s", "5 – bardzo dobrze", "5"),
        ("s", "A4", "4"),
        ("s10", "A10", "10"),
        ("g", "Zdecydowanie tak", "tak"),
        ("g", "Zdecydowanie nie", "nie"),
        ("g", "A2", "raczej_tak"),
        ("wiek", "46-65 lat", "46-65"),  # a hyphen where the form has an en dash
        ("wiek", "46 — 65 LAT", "46-65"),
        ("wiek", "A1", "do-25"),
    ],
)
def test_answers_as_the_tools_write_them(qid: str, raw: str, stored: str) -> None:
    assert parse_answer(Q[qid], raw) == stored


@pytest.mark.parametrize(("qid", "raw"), [("s10", "zdecydowanie tak"), ("wiek", "A3")])
def test_what_is_not_an_answer_is_still_refused(qid: str, raw: str) -> None:
    """Likert words are a 1–5 scale's only; a code past the options is no answer."""
    with pytest.raises(ValidationFailed):
        parse_answer(Q[qid], raw)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2026/10/05 5:33:00 PM GMT+2", date(2026, 10, 5)),
        ("2026/10/05", date(2026, 10, 5)),
        ("10/5/2026 5:33:00 PM", date(2026, 10, 5)),  # 12-hour: the month first
        ("5/10/2026 17:33", date(2026, 10, 5)),  # 24-hour: the day first, as before
        ("05.10.2026, 17:33:12", date(2026, 10, 5)),
        ("2026-10-05T17:33:00+02:00", date(2026, 10, 5)),
        ("46300", date(2026, 10, 5)),  # an Excel serial
        ("46300.7312", date(2026, 10, 5)),
    ],
)
def test_time_stamps_as_the_tools_write_them(text: str, day: date) -> None:
    assert parse_date(text) == day


@pytest.mark.parametrize("text", ["12345", "2026/13/05", "13/5/2026 1:00 PM"])
def test_what_is_not_a_date(text: str) -> None:
    with pytest.raises(NotADate):
        parse_date(text)


def _table(lines: list[list[str]]) -> Table:
    rows = [Row(n, cells) for n, cells in enumerate(lines[1:], 2)]
    return Table("f.csv", "utf-8", ";", lines[0], rows, "")


def test_a_title_line_above_the_header_is_found_and_said() -> None:
    found = find_header(
        _table([["Rejestr skarg 2026", "", ""], ["Znak", "Data", "Komórka"], ["A", "1", "B"]])
    )
    assert found.header == ["Znak", "Data", "Komórka"]
    assert found.header_line == 2 and found.skipped == ("Rejestr skarg 2026",)
    assert [r.cells for r in found.rows] == [["A", "1", "B"]]


def test_a_header_without_a_title_stays() -> None:
    table = _table([["Znak", "Data"], ["A", ""], ["B", "1"]])
    assert find_header(table) is table


def test_map_takes_any_header_text() -> None:
    spec = parse_map(["Data wpływu, godzina=received_on", "a=b=c", "Uwagi="])
    assert spec.columns == {"Data wpływu, godzina": "received_on", "a=b": "c", "Uwagi": IGNORE}
    with pytest.raises(ValidationFailed, match="HEADER=FIELD"):
        parse_map(["no equals sign"])
