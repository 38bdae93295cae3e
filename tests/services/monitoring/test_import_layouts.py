"""Issue 13: the files other systems really export import out of the box (or with one saved
mapping) with exactly the rows, dates, units and scores they were written from
(tests/data/import_layouts.py), and no import reports success while it dropped a column that
held data."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from auditdesk.domain.errors import ValidationFailed
from auditdesk.domain.import_plan import MappingSpec, parse_map
from auditdesk.domain.indicators import IndicatorKind, deadline
from auditdesk.services.context import AppContext
from auditdesk.services.forms import register_forms
from auditdesk.services.monitoring import surveys as svc
from auditdesk.services.monitoring.cases import imports as cases_import
from auditdesk.services.monitoring.importing.files import read_mapping_file
from auditdesk.services.monitoring.indicators import imports as register_import
from auditdesk.services.monitoring.surveys import imports as survey_import
from auditdesk.store.models import (
    CaseRecord,
    IndicatorEntry,
    Office,
    OrgUnit,
    SurveyAnswer,
    SurveyResponse,
)
from data import import_layouts as layouts

TODAY = date(2026, 12, 1)
FLAVOURS = {f"{f.encoding}-{f.delimiter}": f for f in layouts.FLAVOURS}


@pytest.fixture
def office(ctx: AppContext) -> dict[str, int]:
    register_forms(ctx)
    with ctx.db.session() as s:
        found = Office(name="Urząd Miejski w Zielonej Łące", short_name="UM")
        s.add(found)
        s.flush()
        units = {}
        for code, name in layouts.UNITS:
            unit = OrgUnit(office_id=found.id, code=code, name=name)
            s.add(unit)
            s.flush()
            units[code] = unit.id
    return units


@pytest.fixture
def campaign(ctx: AppContext, office: dict[str, int]) -> int:
    form = next(f for f in svc.survey_forms(ctx) if f.form_id == "satysfakcja-klienta")
    return svc.create_campaign(
        ctx, svc.NewCampaign(form.version_id, "Ankieta online", *layouts.CAMPAIGN)
    )


def _responses(ctx: AppContext, campaign: int) -> list[tuple[date, dict[str, str]]]:
    with ctx.db.session() as s:
        rows = s.scalars(
            select(SurveyResponse)
            .where(SurveyResponse.campaign_id == campaign)
            .order_by(SurveyResponse.answered_on)
        ).all()
        out = []
        for r in rows:
            answers = {
                a.question_id: a.value
                for a in s.scalars(select(SurveyAnswer).where(SurveyAnswer.response_id == r.id))
            }
            out.append((r.answered_on, answers))
        return out


def _expected_responses() -> list[tuple[date, dict[str, str]]]:
    return [(r.at.date(), r.answers) for r in layouts.RESPONDENTS]


def _survey(
    ctx: AppContext, campaign: int, tmp_path: Path, name: str, data: bytes, **kw: object
) -> survey_import.ImportReport:
    path = tmp_path / name
    path.write_bytes(data)
    report = survey_import.import_responses(ctx, campaign, path, None, **kw)  # type: ignore[arg-type]
    assert _responses(ctx, campaign) == _expected_responses()
    assert report.added == len(layouts.RESPONDENTS)
    assert report.dated == len(layouts.RESPONDENTS)  # every date from the file
    return report


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_google_forms_csv_download_and_sheets(
    ctx: AppContext, campaign: int, tmp_path: Path, flavour: str
) -> None:
    """Likert labels, a grid question, '46-65 lat' with a hyphen, '2026/10/05 5:33:00 PM
    GMT+2' time stamps (the campaign's start date for every row before)."""
    report = _survey(
        ctx, campaign, tmp_path, "forms.csv", layouts.google_forms_csv(FLAVOURS[flavour])
    )
    assert report.not_imported == []


def test_google_sheets_csv_in_the_polish_locale(
    ctx: AppContext, campaign: int, tmp_path: Path
) -> None:
    _survey(ctx, campaign, tmp_path, "sheets.csv", layouts.google_sheets_csv(layouts.FLAVOURS[1]))


def test_google_forms_xlsx(ctx: AppContext, campaign: int, tmp_path: Path) -> None:
    _survey(ctx, campaign, tmp_path, "forms.xlsx", layouts.google_forms_xlsx())


def test_microsoft_forms_xlsx(ctx: AppContext, campaign: int, tmp_path: Path) -> None:
    """'Godzina ukończenia' is the date; the start time, e-mail and name are left out on
    purpose (shown as ignored, not lost)."""
    report = _survey(ctx, campaign, tmp_path, "ms.xlsx", layouts.microsoft_forms_xlsx())
    assert report.not_imported == []


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_limesurvey_full_texts_with_a_grid(
    ctx: AppContext, campaign: int, tmp_path: Path, flavour: str
) -> None:
    _survey(ctx, campaign, tmp_path, "lime.csv", layouts.limesurvey_text_csv(FLAVOURS[flavour]))


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_limesurvey_codes_with_one_saved_mapping(
    ctx: AppContext, campaign: int, tmp_path: Path, flavour: str
) -> None:
    """Question codes need one mapping file; the answer codes A1… are read by their order."""
    path = tmp_path / "lime.csv"
    path.write_bytes(layouts.limesurvey_codes_csv(FLAVOURS[flavour]))
    with pytest.raises(ValidationFailed):
        survey_import.import_responses(ctx, campaign, path)
    mapping = tmp_path / "lime.json"
    mapping.write_text(json.dumps(layouts.limesurvey_mapping()), encoding="utf-8")
    _survey(ctx, campaign, tmp_path, "lime.csv", path.read_bytes(), spec=read_mapping_file(mapping))


def _entries(ctx: AppContext) -> list[tuple[object, ...]]:
    with ctx.db.session() as s:
        codes = {u.id: u.code for u in s.scalars(select(OrgUnit))}
        return [
            (
                e.reference,
                e.kind,
                e.received_on,
                e.channel,
                codes[e.unit_id],
                e.settled_on,
                e.outcome,
                e.summary,
                e.due_on,
            )
            for e in s.scalars(select(IndicatorEntry).order_by(IndicatorEntry.reference))
        ]


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_the_classic_13_column_register(
    ctx: AppContext, office: dict[str, int], tmp_path: Path, flavour: str
) -> None:
    """A title line, 'Nr sprawy', unit names, wnioski, 'pisemnie', 'przekazana zgodnie z
    właściwością' (7 days) and 'pozostawiona bez rozpatrzenia'."""
    path = tmp_path / "rejestr.csv"
    path.write_bytes(layouts.bip_register_csv(FLAVOURS[flavour]))
    report = register_import.import_register(ctx, path, today=TODAY)
    expected = [
        (
            e.reference,
            e.kind,
            e.received,
            e.channel,
            e.unit,
            e.settled,
            e.outcome,
            e.summary,
            deadline(IndicatorKind(e.kind), e.received, False, e.outcome).value,
        )  # type: ignore[union-attr]
        for e in layouts.ENTRIES
    ]
    assert _entries(ctx) == expected
    assert report.header_line == 2 and report.skipped[0].startswith("Rejestr skarg")
    assert report.not_imported == ["Uwagi"]  # said, not dropped silently
    assert report.settled_from_file == 5


def test_request_and_passed_on_deadlines() -> None:
    request = deadline(IndicatorKind.REQUEST, date(2026, 3, 9), False)
    assert request is not None and request.value == date(2026, 4, 9)
    passed = deadline(IndicatorKind.REQUEST, date(2026, 3, 9), False, "passed_on")
    assert passed is not None and passed.value == date(2026, 3, 16)
    mp = deadline(IndicatorKind.REQUEST, date(2026, 3, 9), True)
    assert mp is not None and mp.value == date(2026, 3, 23)


def test_a_settled_complaint_without_outcome_names_the_outcome_column(
    ctx: AppContext, office: dict[str, int], tmp_path: Path
) -> None:
    path = tmp_path / "r.csv"
    path.write_text(
        "Znak;Data wpływu;Jednostka;Data załatwienia;Sposób załatwienia\n"
        "S/1;02.03.2026;BOK;10.03.2026;\n",
        encoding="utf-8",
    )
    with pytest.raises(register_import.ImportRejected) as caught:
        register_import.import_register(ctx, path, today=TODAY)
    (problem,) = caught.value.problems
    assert problem.column == "Sposób załatwienia" and "needs an outcome" in str(problem.message)
    assert "S/1" not in str(problem.message)


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_an_ezd_register_with_its_usual_headers(
    ctx: AppContext, office: dict[str, int], tmp_path: Path, flavour: str
) -> None:
    """Unit names in the unit column and the unit code in the case sign link every case to a
    unit; 'Data zakończenia sprawy' is the settlement date; the title line is skipped."""
    path = tmp_path / "ezd.csv"
    path.write_bytes(layouts.ezd_register_csv(FLAVOURS[flavour]))
    result = cases_import.import_cases(ctx, path, as_of=TODAY)
    with ctx.db.session() as s:
        stored = [
            (c.sign, c.unit_id, c.started_on, c.settled_on, c.title)
            for c in s.scalars(select(CaseRecord).order_by(CaseRecord.id))
        ]
    assert stored == [
        (c.sign, office[c.unit], c.started, c.settled, c.title) for c in layouts.CASES
    ]
    assert result.linked == len(layouts.CASES)
    assert result.settled_from_file == sum(1 for c in layouts.CASES if c.settled)
    assert result.header_line == 2 and result.not_imported == []


def test_a_column_named_like_a_field_stops_the_import_until_mapped_or_ignored(
    ctx: AppContext, office: dict[str, int], tmp_path: Path
) -> None:
    """Nothing is dropped silently: an unknown column holding data and named like a field
    stops the import; mapped, it is imported; left out on purpose, it is not."""
    path = tmp_path / "ezd.csv"
    path.write_text(
        "Znak sprawy;Data wszczęcia;Data zamknięcia\nWKS.5410.1.2026;02.03.2026;10.03.2026\n",
        encoding="utf-8",
    )
    with pytest.raises(ValidationFailed, match="Data zamknięcia"):
        cases_import.import_cases(ctx, path, as_of=TODAY)
    with ctx.db.session() as s:
        assert s.scalar(select(CaseRecord.id)) is None
    cases_import.import_cases(
        ctx, path, as_of=TODAY, spec=parse_map(["Data zamknięcia=settled_on"])
    )
    with ctx.db.session() as s:
        assert s.scalar(select(CaseRecord.settled_on)) == date(2026, 3, 10)


def test_ignoring_a_column_on_purpose_and_value_words(
    ctx: AppContext, office: dict[str, int], tmp_path: Path
) -> None:
    """'HEADER=' leaves a column out; a mapping file's values turn a unit's other name into
    its code; the mapping used is written as a file that imports the same way."""
    path = tmp_path / "r.csv"
    path.write_text(
        "Znak, nr rej.;Data wpływu;Wydział;Data przekazania\n"
        "S/1;02.03.2026;Komunikacja;03.03.2026\n",
        encoding="utf-8",
    )
    spec = parse_map(["Znak, nr rej.=reference", "Data przekazania="]).plus(
        MappingSpec(values={"unit": {"Komunikacja": "WKS"}})
    )
    out = tmp_path / "mapping.json"
    report = register_import.import_register(ctx, path, today=TODAY, spec=spec, mapping_out=out)
    assert report.added == 1 and _entries(ctx)[0][4] == "WKS"
    saved = json.loads(out.read_text(encoding="utf-8"))
    assert saved["columns"]["Znak, nr rej."] == "reference"
    assert saved["ignore"] == ["Data przekazania"]
    assert saved["values"] == {"unit": {"komunikacja": "WKS"}}
    assert read_mapping_file(out).columns["Data przekazania"] == ""


def test_the_windows_column_choice_keeps_the_remembered_value_words(
    ctx: AppContext, office: dict[str, int], tmp_path: Path
) -> None:
    """The window's dialog maps columns only ({column: field}); the value words remembered with
    the header row (here a unit's other name) still apply, as they do on the command line."""
    header = "Znak, nr rej.;Data wpływu;Wydział;Data przekazania\n"
    first = tmp_path / "marzec.csv"
    first.write_text(header + "S/1;02.03.2026;Komunikacja;03.03.2026\n", encoding="utf-8")
    spec = parse_map(["Znak, nr rej.=reference", "Data przekazania="]).plus(
        MappingSpec(values={"unit": {"Komunikacja": "WKS"}})
    )
    out = tmp_path / "mapping.json"
    register_import.import_register(ctx, first, today=TODAY, spec=spec, mapping_out=out)
    chosen = {c: f for c, f in json.loads(out.read_text(encoding="utf-8"))["columns"].items()}
    chosen["Data przekazania"] = ""  # (skip) in the dialog
    second = tmp_path / "kwiecien.csv"
    second.write_text(header + "S/2;01.04.2026;Komunikacja;02.04.2026\n", encoding="utf-8")
    report = register_import.import_register(ctx, second, chosen, today=TODAY)
    assert report.added == 1
    assert [(e[0], e[4]) for e in _entries(ctx)] == [("S/1", "WKS"), ("S/2", "WKS")]
