"""Exports hold personal data: protocols (folder, PDFs, index.csv/xlsx, zip) and audit exports
(json, csv, xlsx) are created owner-only on POSIX (files 0600, created folders 0700)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from auditdesk.services.audits import transfer
from auditdesk.services.context import Actor, AppContext
from auditdesk.services.demo import create_demo
from auditdesk.services.protocols.export import ExportFilter, export_all
from auditdesk.store.migrate import open_database
from protocol_helpers import completed_audit

pytestmark = pytest.mark.skipif(os.name != "posix", reason="mode bits exist on POSIX only")


def mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppContext]:
    db = open_database(str(tmp_path_factory.mktemp("db") / "office.sqlite"))
    ctx = AppContext(db, Actor.system())
    create_demo(ctx)
    completed_audit(ctx, unit="USC", day=10, year=2032)
    completed_audit(ctx, unit="USC", day=11, year=2032)
    yield ctx
    db.dispose()


@pytest.fixture(autouse=True)
def _usual_umask() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


@pytest.mark.parametrize("make_zip", [False, True], ids=["folder", "zip"])
def test_protocol_export_is_owner_only(office: AppContext, tmp_path: Path, make_zip: bool) -> None:
    flt = ExportFilter(date(2032, 3, 10), date(2032, 3, 11), unit="USC", kind="audit")
    out = tmp_path / "exports" / "protocols"
    result = export_all(office, out, flt, make_zip=make_zip, workers=1)
    assert not result.problems and result.total == 2
    assert mode(out) == mode(out.parent) == 0o700
    written = [p for p in out.iterdir()]
    assert written
    for path in written:
        assert mode(path) == 0o600, path.name
    if make_zip:
        assert result.zip_path is not None and mode(result.zip_path) == 0o600
    else:
        assert result.index_csv is not None and result.index_xlsx is not None
        assert mode(result.index_csv) == mode(result.index_xlsx) == 0o600
        assert len([p for p in written if p.suffix == ".pdf"]) == 2


@pytest.mark.parametrize("fmt", ["json", "csv", "xlsx"])
def test_audit_export_is_owner_only(office: AppContext, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"audits.{fmt}"
    transfer.export_audits(office, out, fmt)
    assert mode(out) == 0o600
