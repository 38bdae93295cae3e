"""The services of audits, appraisals and protocols called as every role (auditor, supervisor,
HR, admin) on the demo office: what each may see and do, and that the rest is refused in the
service. Rules from the issue: auditor – own audits, no appraisals; supervisor – appraisals of
their own team, audits of their units; HR – everything, bulk export; admin – users, forms,
settings, backups (appraisals are personal data: not for the administrator)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from auditdesk.domain.errors import PermissionDenied
from auditdesk.services import appraisals, audits, protocols, unit_scope
from auditdesk.services.admin import trail_view
from auditdesk.services.appraisals import overview as appraisal_overview
from auditdesk.services.audits import transfer as audit_transfer
from auditdesk.services.context import Actor, AppContext
from auditdesk.services.protocols import export as protocol_export
from auditdesk.store.migrate import open_database
from auditdesk.store.models import Appraisal, Audit, Employee, OrgUnit, User
from demo_office import DemoTemplates


@pytest.fixture(scope="module")
def template(demo_template: DemoTemplates, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return demo_template.copy_to(tmp_path_factory.mktemp("roles-features") / "demo.sqlite")


@pytest.fixture
def db_ctx(template: Path, tmp_path: Path) -> Iterator[AppContext]:
    path = tmp_path / "demo.sqlite"
    src, dest = sqlite3.connect(template), sqlite3.connect(path)
    src.backup(dest)
    dest.close()
    src.close()
    db = open_database(str(path))
    yield AppContext(db, Actor.system())
    db.dispose()


def _as(ctx: AppContext, login: str) -> AppContext:
    with ctx.db.session() as s:
        user = s.scalar(select(User).where(User.login == login))
        assert user is not None
        return AppContext(ctx.db, Actor.of(user))


def _all_ids(page: audits.AuditPage) -> set[int]:
    return {r.id for r in page.rows}


# --- audits ------------------------------------------------------------------------------------


def test_auditor_sees_and_opens_only_own_audits(db_ctx: AppContext) -> None:
    me = _as(db_ctx, "audytor1")
    with db_ctx.db.session() as s:
        mine = set(s.scalars(select(Audit.id).where(Audit.auditor_id == me.actor.user_id)))
        others = list(s.scalars(select(Audit.id).where(Audit.auditor_id != me.actor.user_id)))
    assert mine and others
    assert _all_ids(audits.list_audits(me, limit=None)) == mine
    with pytest.raises(PermissionDenied):
        audits.load_audit(me, others[0])
    exported = audit_transfer.export_audits(me, db_ctx.db.path.parent / "mine.json", "json")  # type: ignore[union-attr]
    assert exported.audits == len(mine)


def test_supervisor_sees_the_audits_of_their_units_only(db_ctx: AppContext) -> None:
    boss = _as(db_ctx, "kierownik.bok")
    with db_ctx.db.session() as s:
        units = unit_scope.supervised_unit_ids(s, boss.actor)
        codes = set(s.scalars(select(OrgUnit.code).where(OrgUnit.id.in_(units))))
        inside = set(s.scalars(select(Audit.id).where(Audit.unit_id.in_(units))))
        outside = list(s.scalars(select(Audit.id).where(Audit.unit_id.not_in(units))))
    assert codes == {"BOK"} and inside and outside
    assert _all_ids(audits.list_audits(boss, limit=None)) == inside
    with pytest.raises(PermissionDenied):
        audits.load_audit(boss, outside[0])


@pytest.mark.parametrize("login", ["kadry", "admin"])
def test_hr_and_admin_see_every_audit(db_ctx: AppContext, login: str) -> None:
    with db_ctx.db.session() as s:
        every = set(s.scalars(select(Audit.id)))
    assert _all_ids(audits.list_audits(_as(db_ctx, login), limit=None)) == every


@pytest.mark.parametrize("login", ["audytor1", "kierownik.bok"])
def test_only_hr_and_admin_import_audits(db_ctx: AppContext, login: str, tmp_path: Path) -> None:
    file = tmp_path / "x.json"
    file.write_text('{"format": "auditdesk-audits", "format_version": 1, "audits": []}')
    with pytest.raises(PermissionDenied):
        audit_transfer.import_audits(_as(db_ctx, login), file)
    audit_transfer.import_audits(_as(db_ctx, "kadry"), file)


# --- appraisals ------------------------------------------------------------------------------


def _appraisal_in(ctx: AppContext, unit_code: str) -> int:
    with ctx.db.session() as s:
        found = s.scalar(
            select(Appraisal.id)
            .join(Employee, Employee.id == Appraisal.employee_id)
            .join(OrgUnit, OrgUnit.id == Employee.unit_id)
            .where(OrgUnit.code == unit_code, Employee.is_manager.is_(False))
            .limit(1)
        )
    assert found is not None, f"the demo has no appraisal in {unit_code}"
    return found


@pytest.mark.parametrize("login", ["audytor1", "admin"])
def test_auditor_and_admin_read_no_appraisal(
    db_ctx: AppContext, login: str, tmp_path: Path
) -> None:
    ctx = _as(db_ctx, login)
    with pytest.raises(PermissionDenied, match="personal data"):
        appraisals.appraisal_detail(ctx, _appraisal_in(db_ctx, "BOK"))
    with pytest.raises(PermissionDenied):
        appraisals.appraisal_protocol_data(ctx, _appraisal_in(db_ctx, "BOK"))
    assert appraisal_overview.team_view(ctx) == []
    assert appraisal_overview.export_appraisals(ctx, "json", tmp_path / "a.json") == 0


def test_supervisor_reads_own_team_not_another(db_ctx: AppContext) -> None:
    boss = _as(db_ctx, "kierownik.bok")
    view = appraisals.appraisal_detail(boss, _appraisal_in(db_ctx, "BOK"))
    assert view.employee_id
    with pytest.raises(PermissionDenied):
        appraisals.appraisal_detail(boss, _appraisal_in(db_ctx, "WPN"))
    team = appraisal_overview.team_view(boss)
    with db_ctx.db.session() as s:
        units = {
            s.scalar(select(OrgUnit.code).join(Employee).where(Employee.id == row.employee_id))
            for row in team
        }
    assert units == {"BOK"}


def test_hr_reads_every_appraisal_and_exports_them(db_ctx: AppContext, tmp_path: Path) -> None:
    hr = _as(db_ctx, "kadry")
    with db_ctx.db.session() as s:
        total = len(s.scalars(select(Appraisal.id)).all())
    for code in ("BOK", "WPN"):
        appraisals.appraisal_detail(hr, _appraisal_in(db_ctx, code))
    assert appraisal_overview.export_appraisals(hr, "json", tmp_path / "all.json") == total


# --- protocols and bulk export ---------------------------------------------------------------


@pytest.mark.parametrize("login", ["audytor1", "kierownik.bok"])
def test_bulk_protocol_export_is_for_hr_and_admin(db_ctx: AppContext, login: str) -> None:
    with pytest.raises(PermissionDenied):
        protocol_export.find_records(_as(db_ctx, login), protocol_export.ExportFilter())
    assert protocol_export.find_records(_as(db_ctx, "kadry"), protocol_export.ExportFilter())


def test_admin_cannot_build_an_appraisal_protocol(db_ctx: AppContext) -> None:
    admin = _as(db_ctx, "admin")
    with pytest.raises(PermissionDenied):
        protocols.build_document(admin, "appraisal", _appraisal_in(db_ctx, "BOK"))
    hr = _as(db_ctx, "kadry")
    assert protocols.build_document(hr, "appraisal", _appraisal_in(db_ctx, "BOK"))


def test_admin_bulk_export_does_not_list_appraisals(db_ctx: AppContext) -> None:
    refs = protocol_export.find_records(_as(db_ctx, "admin"), protocol_export.ExportFilter())
    assert refs and all(r.kind != "appraisal" for r in refs)
    hr_refs = protocol_export.find_records(_as(db_ctx, "kadry"), protocol_export.ExportFilter())
    assert any(r.kind == "appraisal" for r in hr_refs)


# --- the audit trail of personal data --------------------------------------------------------


def test_trail_hides_appraisal_values_from_admin_not_from_hr(db_ctx: AppContext) -> None:
    flt = trail_view.TrailFilter(entity="appraisal")
    admin_rows = trail_view.search_trail(_as(db_ctx, "admin"), flt).rows
    hr_rows = trail_view.search_trail(_as(db_ctx, "kadry"), flt).rows
    assert admin_rows and len(admin_rows) == len(hr_rows)
    assert all(r.after in ("", trail_view.REDACTED) for r in admin_rows)
    assert any(r.after not in ("", trail_view.REDACTED) for r in hr_rows)
    assert [r.actor for r in admin_rows] == [r.actor for r in hr_rows]  # who/when stay visible
