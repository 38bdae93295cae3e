"""The retention run on the demo office (issue 19): the register's defaults and an
administrator's changes, the dry run listing what is due and changing nothing, a real run
deleting or anonymising each record type with a trail entry while the aggregates stay and
`auditdesk check` stays clean, restricted people and open disputes left alone, the archive
hand-over, and the roles that may do each."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from auditdesk.domain.errors import PermissionDenied, ValidationFailed
from auditdesk.domain.retention import DEFAULTS, EndAction, RecordType
from auditdesk.services import integrity, privacy
from auditdesk.services.appraisals import add_feedback, appraisal_detail
from auditdesk.services.clock import FixedClock
from auditdesk.services.context import AppContext
from auditdesk.services.overview import Period, overview
from auditdesk.services.trail import erased_hash
from auditdesk.store.models import (
    Appraisal,
    Audit,
    AuditDispute,
    AuditLogEntry,
    Employee,
    Evidence,
    FeedbackNote,
    IndicatorEntry,
    RecordRead,
)
from protocol_helpers import as_user, completed_audit

DAY = date(2026, 12, 4)  # the demo's reference day (one demo build for every test here)
pytestmark = pytest.mark.parametrize("today", [DAY], ids=str)


def at(ctx: AppContext, login: str, day: date) -> AppContext:
    """`login` acting on `day` (the context's clock)."""
    user = as_user(ctx, login)
    return AppContext(user.db, user.actor, FixedClock(day))


def later(years: int) -> date:
    return date(DAY.year + years, DAY.month, DAY.day)


def _count(ctx: AppContext, stmt: object) -> int:
    with ctx.db.session() as s:
        return int(s.scalar(stmt) or 0)  # type: ignore[call-overload]


def _trail(ctx: AppContext) -> int:
    return _count(ctx, select(func.count()).select_from(AuditLogEntry))


def _aggregates(ctx: AppContext) -> dict[tuple[str, str], tuple[float | None, int]]:
    """The overview's audit and complaint figures over the demo's years, per unit."""
    admin = at(ctx, "admin", DAY)
    grid = overview(admin, Period(date(DAY.year - 2, 1, 1), date(DAY.year + 1, 12, 31)))
    # rounded: PostgreSQL may add the same scores up in another order after rows are rewritten,
    # which moves the last binary digit of an average (85.51907577591929 vs ...193)
    return {
        (row.unit_code, key): (None if cell.value is None else round(cell.value, 9), cell.n)
        for row in grid.rows
        for key, cell in row.cells.items()
        if key.startswith(("mystery", "complaints"))
    }


def _one_appraised(ctx: AppContext) -> tuple[int, list[int]]:
    """An employee with a made appraisal and the ids of their appraisals."""
    with ctx.db.session() as s:
        eid = s.scalar(select(Appraisal.employee_id).where(Appraisal.made_on.is_not(None)).limit(1))
        assert eid is not None
        ids = list(s.scalars(select(Appraisal.id).where(Appraisal.employee_id == eid)))
    return int(eid), ids


def test_the_register_lists_every_type_and_an_administrator_changes_it(
    demo_ctx: AppContext, today: date
) -> None:
    hr = at(demo_ctx, "kadry", DAY)
    register = privacy.retention_register(hr)
    assert [r.record_type for r in register] == list(RecordType)
    assert all(r == DEFAULTS[r.record_type] for r in register)

    admin = at(demo_ctx, "admin", DAY)
    before = _trail(demo_ctx)
    rule = privacy.set_retention(admin, "complaint", 120, "delete")
    assert (rule.months, rule.action, rule.changed_by) == (120, EndAction.DELETE, "admin")
    changed = {r.record_type: r for r in privacy.retention_register(hr)}
    assert changed[RecordType.COMPLAINT].months == 120
    assert changed[RecordType.COMPLAINT].changed_by == "admin"
    assert changed[RecordType.APPRAISAL] == DEFAULTS[RecordType.APPRAISAL]
    with demo_ctx.db.session() as s:
        entry = s.scalars(select(AuditLogEntry).order_by(AuditLogEntry.id.desc())).first()
        assert entry is not None
        assert (entry.entity, entry.entity_id, entry.actor) == (
            "retention_rule",
            "complaint",
            "admin",
        )
    assert _trail(demo_ctx) == before + 1

    with pytest.raises(ValidationFailed, match="not allowed"):
        privacy.set_retention(admin, "audit_evidence", 3, "archive")
    with pytest.raises(PermissionDenied, match="kadry"):
        privacy.set_retention(hr, "complaint", 12, "delete")
    with pytest.raises(PermissionDenied):
        privacy.retention_register(at(demo_ctx, "audytor1", DAY))


def test_roles_for_the_run(demo_ctx: AppContext, today: date) -> None:
    for login in ("kadry", "audytor1", "kierownik.bok"):
        with pytest.raises(
            PermissionDenied, match="may not change the retention of personal data or run it"
        ):
            privacy.run_retention(at(demo_ctx, login, later(6)), dry_run=True)
        with pytest.raises(PermissionDenied):
            privacy.due_for_retention(at(demo_ctx, login, later(6)))


def test_nothing_is_due_on_the_demo_day(demo_ctx: AppContext, today: date) -> None:
    assert privacy.due_for_retention(at(demo_ctx, "admin", DAY)) == []


def test_the_dry_run_lists_what_is_due_and_changes_nothing(
    demo_ctx: AppContext, today: date
) -> None:
    admin = at(demo_ctx, "admin", later(6))
    trail_before = _trail(demo_ctx)
    officials_before = _count(
        demo_ctx, select(func.count()).select_from(Audit).where(Audit.employee_id.is_not(None))
    )
    seen: list[tuple[int, int]] = []
    result = privacy.run_retention(
        admin, dry_run=True, progress=lambda d, t: seen.append((d, t)) or True
    )
    kinds = Counter(i.record_type for i in result.items)
    # the demo's audits are over two years old, its complaints settled over five, some of
    # its feedback notes over three
    assert kinds[RecordType.AUDIT_OFFICIAL] > 0 and kinds[RecordType.COMPLAINT] > 0
    assert kinds[RecordType.FEEDBACK_NOTE] > 0
    assert result.dry_run and result.done == [] and result.held == []
    assert seen[-1] == (len(result.items), len(result.items))
    assert all(i.due_on <= later(6) and i.label for i in result.items)
    assert _trail(demo_ctx) == trail_before
    assert (
        _count(
            demo_ctx,
            select(func.count()).select_from(Audit).where(Audit.employee_id.is_not(None)),
        )
        == officials_before
    )
    # three years on only the audits and the feedback notes are due
    soon = Counter(
        i.record_type for i in privacy.due_for_retention(at(demo_ctx, "admin", later(3)))
    )
    assert set(soon) == {RecordType.AUDIT_OFFICIAL, RecordType.FEEDBACK_NOTE}


def test_a_real_run_erases_and_anonymises_and_the_check_stays_clean(
    demo_ctx: AppContext, today: date, photo: Path
) -> None:
    hr = at(demo_ctx, "kadry", DAY)
    employee_id, appraisal_ids = _one_appraised(demo_ctx)
    appraisal_detail(hr, appraisal_ids[0])  # a read, logged
    privacy.set_employment_end(hr, employee_id, DAY)
    with_evidence = completed_audit(demo_ctx, year=DAY.year, evidence=photo)
    note = add_feedback(demo_ctx, employee_id, DAY, "Spóźnienie — Źdźbłowska", "corrective")
    aggregates = _aggregates(demo_ctx)
    with demo_ctx.db.session() as s:
        names = {e.id: e.full_name.lower() for e in s.scalars(select(Employee))}
        officials = {
            a.id: [w for w in (a.observed_note.lower(), names.get(a.employee_id or 0, "")) if w]
            for a in s.scalars(
                select(Audit).where(Audit.employee_id.is_not(None) | (Audit.observed_note != ""))
            )
        }
    assert any(officials.values())
    with demo_ctx.db.session() as s:
        disputed = set(
            s.scalars(select(AuditDispute.audit_id).where(AuditDispute.status == "open"))
        )
    assert integrity.check(demo_ctx).problems == []

    admin = at(demo_ctx, "admin", later(11))
    trail_before = _trail(demo_ctx)
    dry = privacy.run_retention(admin, dry_run=True)
    result = privacy.run_retention(admin, dry_run=False)
    assert [i.record_id for i in result.items] == [i.record_id for i in dry.items]
    kinds = Counter(i.record_type for i in result.done)
    assert set(kinds) == set(RecordType), kinds
    assert result.held == [] and not result.cancelled
    assert result.trail_erased > 0 and result.trail_kept == 0
    # one trail entry per record, naming it and what was done, never its content
    assert _trail(demo_ctx) == trail_before + len(result.done)
    with demo_ctx.db.session() as s:
        entries = list(
            s.scalars(select(AuditLogEntry).where(AuditLogEntry.action.like("retention_%")))
        )
        assert Counter(e.action for e in entries) == Counter(
            f"retention_{i.action.value}" for i in result.done
        )
        for e in entries:
            assert "content_sha256" in (e.before_json or "")
        assert (
            s.scalar(
                select(func.count())
                .select_from(Appraisal)
                .where(Appraisal.employee_id == employee_id)
            )
            == 0
        )
        assert s.scalar(select(func.count()).select_from(RecordRead)) == 0
        assert (
            s.scalar(
                select(func.count()).select_from(Evidence).where(Evidence.audit_id == with_evidence)
            )
            == 0
        )
        # every audit's official removed but those of an open dispute
        named = set(
            s.scalars(
                select(Audit.id).where(Audit.employee_id.is_not(None) | (Audit.observed_note != ""))
            )
        )
        assert named == disputed
        # nor does the audit list's search find them by the official
        for audit_id, words in officials.items():
            if audit_id not in disputed:
                found = s.get(Audit, audit_id)
                assert found is not None
                assert not any(w in found.search_text for w in words), (words, found.search_text)
        assert (
            s.scalar(
                select(func.count())
                .select_from(FeedbackNote)
                .where(FeedbackNote.appraisal_id.is_(None))
            )
            == 0
        )
        settled = list(
            s.scalars(select(IndicatorEntry).where(IndicatorEntry.settled_on.is_not(None)))
        )
        assert settled and all(c.employee_id is None and c.summary == "" for c in settled)
        # the entries about removed or anonymised records keep only the hashes of what they
        # said (the notes' entries among them)
        erased = [
            e
            for e in s.scalars(select(AuditLogEntry))
            if erased_hash(e.after_json) or erased_hash(e.before_json)
        ]
        assert len(erased) == result.trail_erased
        assert {e.entity for e in erased} >= {"audit", "feedback_note", "indicator_entry"}
        assert not any(
            "Źdźbłowska" in (e.after_json or "") for e in s.scalars(select(AuditLogEntry))
        )
        assert s.get(FeedbackNote, note) is None
    # the counts and percentages stay as they were, the trail still verifies
    assert _aggregates(demo_ctx) == aggregates
    report = integrity.check(demo_ctx)
    assert report.problems == [], report.problems
    assert report.checked["sealed audits"] > 0
    # a second run finds nothing left to do
    assert privacy.due_for_retention(admin) == []


def test_restricted_people_and_open_disputes_are_left(demo_ctx: AppContext, today: date) -> None:
    hr = at(demo_ctx, "kadry", DAY)
    with demo_ctx.db.session() as s:
        eid = s.scalar(select(Audit.employee_id).where(Audit.employee_id.is_not(None)).limit(1))
    assert eid is not None
    privacy.record_request(hr, eid, "restriction", "contests the accuracy of an audit")
    admin = at(demo_ctx, "admin", later(3))
    result = privacy.run_retention(admin, dry_run=False)
    assert result.held and all(i.held == "processing restricted" for i in result.held)
    with demo_ctx.db.session() as s:
        assert s.scalar(select(func.count()).select_from(Audit).where(Audit.employee_id == eid))
        assert (
            s.scalar(
                select(func.count())
                .select_from(Audit)
                .where(Audit.employee_id.is_not(None), Audit.employee_id != eid)
            )
            == 0
        )
    privacy.record_request(hr, eid, "restriction_lifted", "the accuracy was confirmed")
    again = privacy.run_retention(admin, dry_run=False)
    assert again.held == [] and len(again.done) == len(result.held)


def test_an_appraisal_handed_to_the_archive(
    demo_ctx: AppContext, today: date, tmp_path: Path
) -> None:
    hr = at(demo_ctx, "kadry", DAY)
    employee_id, appraisal_ids = _one_appraised(demo_ctx)
    privacy.set_employment_end(hr, employee_id, DAY)
    admin = at(demo_ctx, "admin", later(11))
    privacy.set_retention(admin, "appraisal", 120, "archive")
    without = privacy.run_retention(admin, dry_run=False)
    held = [i for i in without.held if i.record_type is RecordType.APPRAISAL]
    assert {i.record_id for i in held} == set(appraisal_ids)
    assert all(i.held == "no archive folder given" for i in held)
    with pytest.raises(ValidationFailed, match="does not exist"):
        privacy.run_retention(admin, dry_run=False, archive_dir=tmp_path / "missing")
    result = privacy.run_retention(admin, dry_run=False, archive_dir=tmp_path)
    assert len(result.archive_files) == len(appraisal_ids)
    content = json.loads(result.archive_files[0].read_text(encoding="utf-8"))
    assert content["appraisal"]["employee_id"] == employee_id and content["ratings"]
    assert integrity.check(demo_ctx).problems == []


def test_the_run_can_be_cancelled(demo_ctx: AppContext, today: date) -> None:
    admin = at(demo_ctx, "admin", later(3))
    result = privacy.run_retention(admin, dry_run=False, progress=lambda done, total: done < 2)
    assert result.cancelled and len(result.done) == 2
    assert len(privacy.due_for_retention(admin)) == len(result.items) - 2


def test_the_end_of_employment_is_not_in_the_future(demo_ctx: AppContext, today: date) -> None:
    hr = at(demo_ctx, "kadry", DAY)
    employee_id, _ids = _one_appraised(demo_ctx)
    with pytest.raises(ValidationFailed, match="in the future"):
        privacy.set_employment_end(hr, employee_id, later(1))
    with pytest.raises(PermissionDenied):
        privacy.set_employment_end(at(demo_ctx, "kierownik.bok", DAY), employee_id, DAY)
