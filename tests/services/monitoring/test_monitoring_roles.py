"""Every monitoring service (surveys, complaints and other indicators, case timeliness, research
notes) called as every role: an auditor, the supervisor of the unit (BOK), the supervisor of
another unit (WKS), HR and an administrator. Lists show only the units the role may see, a record
of another unit is refused on reading, and writing is for HR and administrators only; the unit
rule itself lives in services.unit_scope."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from auditdesk.domain.errors import PermissionDenied
from auditdesk.services import demo, unit_scope
from auditdesk.services.context import Actor, AppContext
from auditdesk.services.monitoring import indicators, research, surveys
from auditdesk.services.monitoring.cases import imports as case_imports
from auditdesk.services.monitoring.cases import reports as case_reports
from auditdesk.store.migrate import open_database
from auditdesk.store.models import IndicatorEntry, OrgUnit, ResearchNote, User

TODAY = date(2026, 6, 1)
ROLES = ["auditor", "own_supervisor", "other_supervisor", "hr", "admin"]
LOGIN = {
    "auditor": "audytor1",
    "own_supervisor": "kierownik.bok",  # the records below are BOK's
    "other_supervisor": "kierownik.wks",
    "hr": "kadry",
    "admin": "admin",
}
READS = {"own_supervisor", "hr", "admin"}  # who may read a BOK record
WRITES = {"hr", "admin"}


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("monitoring-roles") / "demo.sqlite"
    db = open_database(str(path))
    ctx = AppContext(db, Actor.system())
    demo.create_demo(ctx)
    # a WKS-only and an office-wide research note beside the demo's BOK and WKS ones
    with db.session() as s:
        wks = s.scalar(select(OrgUnit.id).where(OrgUnit.code == "WKS"))
    assert wks is not None
    research.save_note(ctx, research.NoteData("focus_group", TODAY, "Office-wide", 5))
    form = surveys.survey_forms(ctx)[0].version_id
    surveys.create_campaign(
        ctx, surveys.NewCampaign(form, "WKS campaign", TODAY, TODAY, unit_id=wks)
    )
    db.dispose()
    return path


@pytest.fixture
def office(template: Path, tmp_path: Path) -> Iterator[AppContext]:
    path = tmp_path / "demo.sqlite"
    src, dest = sqlite3.connect(template), sqlite3.connect(path)
    src.backup(dest)
    dest.close()
    src.close()
    db = open_database(str(path))
    yield AppContext(db, Actor.system())
    db.dispose()


def _as(office: AppContext, role: str) -> AppContext:
    with office.db.session() as s:
        user = s.scalar(select(User).where(User.login == LOGIN[role]))
        assert user is not None
        return AppContext(office.db, Actor.of(user))


def _unit_ids(office: AppContext, *codes: str) -> set[int]:
    with office.db.session() as s:
        return set(s.scalars(select(OrgUnit.id).where(OrgUnit.code.in_(codes))))


def _check_list(role: str, call: Callable[[], set[str]], all_codes: set[str]) -> None:
    if role == "auditor":
        with pytest.raises(PermissionDenied):
            call()
        return
    seen = call()
    expected = {"own_supervisor": {"BOK"}, "other_supervisor": {"WKS", "WKS-DO"}}.get(role)
    if expected is None:
        assert seen == all_codes
    else:
        assert seen and seen <= expected


def _check_read(role: str, call: Callable[[], object]) -> None:
    if role in READS:
        call()
    else:
        with pytest.raises(PermissionDenied):
            call()


def _check_write(role: str, call: Callable[[], object]) -> None:
    if role in WRITES:
        call()
    else:
        with pytest.raises(PermissionDenied):
            call()


# --- the shared rule -----------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_unit_scope_per_role(office: AppContext, role: str) -> None:
    ctx = _as(office, role)
    with office.db.session() as s:
        visible = unit_scope.visible_unit_ids(s, ctx.actor)
        bok = _unit_ids(office, "BOK").pop()
        expected = {
            "auditor": set(),
            "own_supervisor": _unit_ids(office, "BOK"),
            "other_supervisor": _unit_ids(office, "WKS", "WKS-DO"),
        }
        if role in ("hr", "admin"):
            assert visible is None
        else:
            assert visible == expected[role]
        assert unit_scope.may_see_unit(s, ctx.actor, bok) is (role in READS)
        assert unit_scope.may_see_unit(s, ctx.actor, None)  # office-wide


# --- surveys -------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_surveys_as_role(office: AppContext, role: str) -> None:
    ctx = _as(office, role)
    campaigns = surveys.list_campaigns(office)
    bok_campaign = next(c for c in campaigns if c.unit_code == "BOK")

    def listed() -> set[str]:
        return {c.unit_code for c in surveys.list_campaigns(ctx) if c.unit_id is not None}

    _check_list(role, listed, {c.unit_code for c in campaigns if c.unit_id is not None})
    if role != "auditor":  # the office-wide campaign is everyone's
        assert any(c.unit_id is None for c in surveys.list_campaigns(ctx))
    _check_read(role, lambda: surveys.get_campaign(ctx, bok_campaign.id))
    _check_read(
        role, lambda: surveys.results(ctx, surveys.ResultsQuery(campaign_id=bok_campaign.id))
    )
    form = surveys.survey_forms(office)[0].version_id
    _check_write(
        role,
        lambda: surveys.create_campaign(ctx, surveys.NewCampaign(form, f"by {role}", TODAY, TODAY)),
    )
    if role in WRITES:
        surveys.list_responses(ctx, bok_campaign.id)
    else:
        with pytest.raises(PermissionDenied):
            surveys.list_responses(ctx, bok_campaign.id)


# --- complaints and other indicators -------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_indicators_as_role(office: AppContext, role: str) -> None:
    ctx = _as(office, role)
    bok = _unit_ids(office, "BOK").pop()
    with office.db.session() as s:
        bok_entry = s.scalar(select(IndicatorEntry.id).where(IndicatorEntry.unit_id == bok))
        all_codes = set(
            s.scalars(
                select(OrgUnit.code).join(IndicatorEntry, IndicatorEntry.unit_id == OrgUnit.id)
            )
        )
    assert bok_entry is not None

    def listed() -> set[str]:
        return {e.unit_code for e in indicators.list_entries(ctx, today=TODAY, limit=10_000)}

    _check_list(role, listed, all_codes)
    _check_read(role, lambda: indicators.get_entry(ctx, bok_entry, today=TODAY))
    _check_write(
        role,
        lambda: indicators.register_entry(
            ctx,
            indicators.EntryInput(f"SKG.{role}", "complaint", TODAY, "letter", bok),
            today=TODAY,
        ),
    )


# --- case timeliness -----------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_cases_as_role(office: AppContext, role: str, tmp_path: Path) -> None:
    ctx = _as(office, role)
    all_codes = set(case_reports.unit_codes(office))

    def listed() -> set[str]:
        rows = case_reports.timeliness(ctx, by="unit")
        overdue = case_reports.overdue(ctx, as_of=TODAY)
        return {r.unit_code for r in rows} | {r.unit_code for r in overdue}

    _check_list(role, listed, all_codes)
    # reading BOK's figures: refused or empty for whoever may not see BOK
    if role == "auditor":
        with pytest.raises(PermissionDenied):
            case_reports.summary(ctx, as_of=TODAY)
    else:
        rows = case_reports.timeliness(ctx, unit="BOK", by="unit")
        assert bool(rows) is (role in READS)
    register = tmp_path / "ezd.csv"
    register.write_text("znak;data wszczęcia;data załatwienia\nBOK.1.2026;2026-01-02;\n")
    _check_write(role, lambda: case_imports.preview(ctx, register))


# --- research notes ------------------------------------------------------------------------------


def _notes(office: AppContext) -> dict[str, int]:
    """Note ids by the units they are about ('' for office-wide)."""
    out: dict[str, int] = {}
    with office.db.session() as s:
        for note in s.scalars(select(ResearchNote)):
            out[",".join(sorted(u.code for u in note.units))] = note.id
    return out


@pytest.mark.parametrize("role", ROLES)
def test_research_notes_as_role(office: AppContext, role: str) -> None:
    ctx = _as(office, role)
    notes = _notes(office)
    assert set(notes) == {"BOK", "WKS,WKS-DO", ""}
    expected = {
        "auditor": None,
        "own_supervisor": {"BOK", ""},
        "other_supervisor": {"WKS,WKS-DO", ""},
        "hr": set(notes),
        "admin": set(notes),
    }[role]
    if expected is None:
        with pytest.raises(PermissionDenied):
            research.list_notes(ctx, today=TODAY)
    else:
        listed = {row.unit_codes.replace(", ", ",") for row in research.list_notes(ctx, TODAY)}
        assert listed == expected
    _check_read(role, lambda: research.get_note(ctx, notes["BOK"]))
    bok = _unit_ids(office, "BOK").pop()
    data = research.NoteData("questionnaire", TODAY, f"by {role}", 3, unit_ids=(bok,))
    _check_write(role, lambda: research.save_note(ctx, data))
    _check_write(role, lambda: research.save_note(ctx, data, notes["BOK"]))
    with office.db.session() as s:
        action = (
            s.scalar(select(ResearchNote).where(ResearchNote.id == notes["WKS,WKS-DO"]))
            .actions[0]
            .id
        )  # type: ignore[union-attr]
    _check_write(role, lambda: research.mark_action_done(ctx, action, TODAY))


def test_supervisor_reads_no_research_note_of_another_unit(office: AppContext) -> None:
    """The hole this file was written for: before, any supervisor read every note."""
    notes = _notes(office)
    bok_boss = _as(office, "own_supervisor")
    wks_boss = _as(office, "other_supervisor")
    with pytest.raises(PermissionDenied, match="research note"):
        research.get_note(bok_boss, notes["WKS,WKS-DO"])
    with pytest.raises(PermissionDenied, match="research note"):
        research.get_note(wks_boss, notes["BOK"])
    assert research.get_note(bok_boss, notes[""]).topic == "Office-wide"
    assert research.get_note(wks_boss, notes["WKS,WKS-DO"]).unit_ids
