"""Who draws a bulk export's protocols (issue 14): a small batch is drawn in the exporting
process, since starting a worker (an interpreter importing reportlab) costs more than it
saves; a large one by `spawn` workers that import the drawing code only (pyHanko only when
they sign, never the store)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from auditdesk.reports.batch import Pkcs12Source, SignOptions
from auditdesk.reports.verify import verify_pdf
from auditdesk.services.context import Actor, AppContext
from auditdesk.services.protocols import export
from auditdesk.store.migrate import open_database
from demo_office import DemoTemplates
from protocol_helpers import SignerCert, completed_audit

LOADED = (
    "sorted({m.split('.')[0] for m in __import__('sys').modules}"
    " & {'pyhanko', 'sqlalchemy', 'PySide6', 'openpyxl', 'reportlab'})"
)


def test_a_small_batch_is_drawn_here_a_large_one_by_workers() -> None:
    assert export._start_pool(export.IN_PROCESS_BELOW - 1, 2) is None
    assert export._start_pool(export.IN_PROCESS_BELOW, 1) is None  # one core: no pool
    pool = export._start_pool(export.IN_PROCESS_BELOW, 2)
    assert pool is not None
    pool.shutdown(wait=True)
    assert export.IN_PROCESS_BELOW > 28  # the demo office's unit USC: drawn here


def test_a_drawing_worker_loads_the_drawing_code_only() -> None:
    pool = export._pool(1)
    try:
        loaded = pool.submit(eval, LOADED).result(timeout=120)
    finally:
        pool.shutdown(wait=True)
    assert loaded == ["reportlab"]


@pytest.fixture(scope="module")
def office(
    demo_template: DemoTemplates, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[AppContext]:
    path = demo_template.copy_to(tmp_path_factory.mktemp("db") / "workers.sqlite")
    db = open_database(str(path))
    yield AppContext(db, Actor.system())
    db.dispose()


def test_spawn_workers_draw_and_sign_a_batch(
    office: AppContext, cert: SignerCert, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(export, "IN_PROCESS_BELOW", 2)  # the pool for a test-sized batch
    for day in (10, 11, 12):
        completed_audit(office, unit="USC", day=day)
    flt = export.ExportFilter(date(2031, 3, 10), date(2031, 3, 12), unit="USC", kind="audit")
    sign = SignOptions(Pkcs12Source(cert.p12, cert.password), "Zatwierdzenie", "Łódź")
    result = export.export_all(office, tmp_path / "out", flt, sign=sign, workers=2)
    assert not result.problems and result.signed_now == 3 and len(result.files) == 3
    assert all(verify_pdf(f.read_bytes()).intact for f in result.files)
