"""The exchange as a file package both ways (issue 16): office → laptop → office round trip
through the direct exchange's write path, idempotent, an altered or crafted package refused
with nothing applied."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from auditdesk.domain.limits import InputRefused
from auditdesk.services import audits as svc
from auditdesk.services.context import AppContext
from auditdesk.services.sync import (
    PackageRefused,
    export_laptop_package,
    export_office_package,
    import_package,
)
from auditdesk.services.sync import package as pkg
from auditdesk.store.db import Database
from auditdesk.store.models import Audit, AuditLogEntry, User
from demo_office import DemoTemplates
from sync_helpers import actor_of, new_laptop, phone_audit


@pytest.fixture
def laptop(tmp_path: Path, demo_template: DemoTemplates) -> Iterator[Database]:
    db = new_laptop(demo_template.empty(), tmp_path / "laptop.sqlite")
    yield db
    db.dispose()


def _audits(db: Database) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(Audit)) or 0


def _trail(db: Database) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(AuditLogEntry)) or 0


def _answer(db: Database, uid: str, item: str) -> object:
    with db.session() as s:
        audit = s.scalar(select(Audit).where(Audit.uid == uid))
        assert audit is not None
        return next((a.value for a in audit.answers if a.item_id == item), None)


def _office_to_laptop(
    office: AppContext, laptop: Database, tmp: Path, name: str
) -> pkg.PackageReport:
    path = export_office_package(office, tmp / name, "audytor1")
    return import_package(AppContext(laptop, office.actor.system()), path)


def test_round_trip_laptop_package_office_and_back(
    laptop: Database, demo_ctx: AppContext, tmp_path: Path
) -> None:
    office = actor_of(demo_ctx.db, "audytor1")
    first = _office_to_laptop(office, laptop, tmp_path, "o1.zip")
    assert first.sync is not None and first.sync.reference.account == 1
    with laptop.session() as s:
        assert s.scalar(select(User).where(User.login == "audytor1")) is not None
    lap = actor_of(laptop, "audytor1")
    draft = phone_audit(lap, answers={"przedstawienie": "yes"})
    with laptop.session() as s:
        uid = s.get(Audit, draft).uid  # type: ignore[union-attr]
    before = _audits(demo_ctx.db)
    report = import_package(demo_ctx, export_laptop_package(lap, tmp_path / "l1.zip"))
    assert report.kind == "laptop" and len(report.sent) == 1 and not report.conflicts
    assert _audits(demo_ctx.db) == before + 1
    # twice imported = once
    again = import_package(demo_ctx, tmp_path / "l1.zip")
    assert (
        not again.sent
        and again.in_step == len(report.sent) + report.in_step
        and _audits(demo_ctx.db) == before + 1
    )
    # the laptop edits again before hearing back: the office's own note keeps it no conflict
    svc.save_answer(lap, draft, "uprzejmosc", "no")
    newer = import_package(demo_ctx, export_laptop_package(lap, tmp_path / "l2.zip"))
    assert newer.sent and not newer.conflicts
    assert _answer(demo_ctx.db, uid, "uprzejmosc") == "no"
    # back to the laptop: in step, nothing waiting; a second import of it adds nothing
    back = _office_to_laptop(office, laptop, tmp_path, "o2.zip")
    assert back.sync is not None and back.sync.in_step == _audits(laptop)
    assert not back.sync.waiting and not back.sync.conflicts
    trail, count = _trail(laptop), _audits(laptop)
    twice = import_package(AppContext(laptop, lap.actor), tmp_path / "o2.zip")
    assert twice.sync is not None and not twice.sync.received and _audits(laptop) == count
    assert _trail(laptop) == trail + 1  # the run's own entry only
    # the office changes the draft: the next office package brings it
    with demo_ctx.db.session() as s:
        office_id = s.scalar(select(Audit.id).where(Audit.uid == uid))
    assert office_id is not None
    svc.save_answer(office, office_id, "pozegnanie", "yes")
    received = _office_to_laptop(office, laptop, tmp_path, "o3.zip")
    assert received.sync is not None and len(received.sync.received) == 1
    assert _answer(laptop, uid, "pozegnanie") == "yes"
    # an older office package than the last one applied is refused
    with pytest.raises(PackageRefused, match="older"):
        import_package(AppContext(laptop, lap.actor), tmp_path / "o1.zip")


def _rewrite(src: Path, dest: Path, change: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(src) as z, zipfile.ZipFile(dest, "w") as w:
        for info in z.infolist():
            w.writestr(info.filename, change.get(info.filename, z.read(info.filename)))
    return dest


def test_an_altered_package_is_refused_naming_the_member_and_nothing_applied(
    laptop: Database, demo_ctx: AppContext, tmp_path: Path
) -> None:
    office = actor_of(demo_ctx.db, "audytor1")
    _office_to_laptop(office, laptop, tmp_path, "o1.zip")
    lap = actor_of(laptop, "audytor1")
    phone_audit(lap, answers={"przedstawienie": "yes"})
    good = export_laptop_package(lap, tmp_path / "l1.zip")
    with zipfile.ZipFile(good) as z:
        member = next(n for n in z.namelist() if n.startswith("audits/"))
        data = z.read(member)
    altered = data.replace(b'"yes"', b'"no"', 1)
    assert altered != data
    bad = _rewrite(good, tmp_path / "bad.zip", {member: altered})
    before, trail = _audits(demo_ctx.db), _trail(demo_ctx.db)
    with pytest.raises(PackageRefused) as refused:
        import_package(demo_ctx, bad)
    assert member in str(refused.value)
    assert _audits(demo_ctx.db) == before and _trail(demo_ctx.db) == trail


def test_a_zip_bomb_and_a_path_in_a_member_name_are_refused(
    demo_ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    traversal = tmp_path / "traversal.zip"
    with zipfile.ZipFile(traversal, "w") as z:
        z.writestr("manifest.json", "{}")
        z.writestr("../x", "boo")
    with pytest.raises(PackageRefused, match=r"\.\./x"):
        import_package(demo_ctx, traversal)
    assert not (tmp_path.parent / "x").exists()
    monkeypatch.setattr(pkg, "MAX_IMPORT_BYTES", 1024 * 1024)
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("manifest.json", "{}")
        z.writestr("audits/x.json", b"0" * (2 * 1024 * 1024))
    assert bomb.stat().st_size < 100_000
    with pytest.raises(InputRefused, match="zip bomb"):
        import_package(demo_ctx, bomb)
