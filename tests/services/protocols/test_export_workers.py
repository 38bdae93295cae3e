"""Who draws a bulk export's protocols (issue 14): where workers can be forked (Linux, one
thread, no Qt) they are forked from a few protocols on, after the exporting process has loaded
the drawing code; elsewhere a small batch is drawn in the exporting process, since starting a
worker (an interpreter importing reportlab) costs more than it saves, and a large one by
`spawn` workers that import the drawing code only (pyHanko only when they sign, never the
store). Whoever draws, the files are the same bytes in the same order."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from auditdesk.reports import batch
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


def _python(code: str, *args: str, timeout: int = 120) -> subprocess.CompletedProcess[str]:
    """`code` run by a fresh interpreter with `args`; its output as text (a failure raises)."""
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=True,
    )


def test_a_small_batch_is_drawn_here_a_large_one_by_workers() -> None:
    # spawned workers (Windows, macOS, the window)
    assert export._start_pool(export.IN_PROCESS_BELOW - 1, 2, fork=False) is None
    assert export._start_pool(export.IN_PROCESS_BELOW, 1, fork=False) is None  # one core
    pool = export._start_pool(export.IN_PROCESS_BELOW, 2, fork=False)
    assert pool is not None
    pool.shutdown(wait=True)
    assert export.IN_PROCESS_BELOW > 28  # the demo office's unit USC: drawn here
    # forked workers (this test process may run threads: nothing is forked here)
    assert export._start_pool(export.FORKED_FROM - 1, 2, fork=True) is None
    assert export._start_pool(500, 1, fork=True) is None  # one core
    assert export.FORKED_FROM <= 28  # the demo office's unit USC: forked workers


FORK_CHECK = """
import sys, threading
from auditdesk.services.protocols.export import can_fork
if sys.argv[1] == "qt":
    import PySide6.QtCore
elif sys.argv[1] == "thread":
    threading.Thread(target=threading.Event().wait, args=(5,), daemon=True).start()
print(can_fork())
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers fork on Linux only")
def test_workers_are_forked_only_from_a_single_threaded_process_without_qt() -> None:
    def check(case: str) -> str:
        return _python(FORK_CHECK, case).stdout.strip()

    assert check("plain") == "True"
    assert check("qt") == "False"
    assert check("thread") == "False"


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


# Exports the demo office's unit USC in a fresh (single-threaded) interpreter, as the command
# line does, and says who drew the protocols.
FORKED_EXPORT = """
import sys
from pathlib import Path
from auditdesk.services.context import Actor, AppContext
from auditdesk.services.protocols.export import ExportFilter, export_all
from auditdesk.store.migrate import open_database
db = open_database(sys.argv[1])
result = export_all(
    AppContext(db, Actor.system()), Path(sys.argv[2]), ExportFilter(unit="USC"), workers=2
)
db.dispose()
print(result.drawing, len(result.files), len(result.problems), __import__("gc").isenabled())
"""


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.suffix != ".xlsx"}


def test_forked_and_spawned_workers_write_the_bytes_drawn_here_in_the_same_order(
    office: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    flt = export.ExportFilter(unit="USC")
    here = export.export_all(office, tmp_path / "here", flt, workers=1)
    assert here.drawing == "here" and len(here.files) >= 20 and not here.problems
    monkeypatch.setattr(export, "can_fork", lambda: False)
    monkeypatch.setattr(export, "IN_PROCESS_BELOW", 2)
    spawned = export.export_all(office, tmp_path / "spawned", flt, workers=2)
    assert spawned.drawing == "spawned"
    expected = _files(tmp_path / "here")
    assert len(expected) == len(here.files) + 1  # and index.csv, whose rows keep their order
    assert _files(tmp_path / "spawned") == expected
    if sys.platform.startswith("linux"):
        url = office.db.engine.url.database
        assert url is not None
        done = _python(FORKED_EXPORT, url, str(tmp_path / "forked"), timeout=300)
        # the collector, held while the drawing code loaded before the fork, runs again
        assert done.stdout.split() == ["forked", str(len(here.files)), "0", "True"], done.stderr
        assert _files(tmp_path / "forked") == expected


def test_the_index_writer_loads_while_the_workers_draw_the_last_protocols(
    office: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # issue 14: openpyxl is imported once every record has gone to the workers and before the
    # last protocol is written, not after it; an export drawn here has no such wait
    monkeypatch.setattr(export, "can_fork", lambda: False)
    monkeypatch.setattr(export, "IN_PROCESS_BELOW", 2)
    written: list[int] = []
    loaded_at: list[int] = []
    monkeypatch.setattr(export, "load_xlsx_writer", lambda: loaded_at.append(written[-1]))

    def progress(done: int, _total: int, _text: str) -> None:
        written.append(done)

    flt = export.ExportFilter(unit="USC")
    result = export.export_all(office, tmp_path / "pool", flt, workers=2, on_progress=progress)
    assert result.drawing == "spawned" and not result.problems
    assert len(loaded_at) == 1 and loaded_at[0] < len(result.files) == written[-1]
    assert (tmp_path / "pool" / "index.xlsx").stat().st_size > 0
    loaded_at.clear()
    here = export.export_all(office, tmp_path / "here", flt, workers=1, on_progress=progress)
    assert here.drawing == "here" and loaded_at == []
    assert (tmp_path / "here" / "index.xlsx").stat().st_size > 0


# the drawing workers the command line forks first (issue 14), in a fresh interpreter
EARLY = """
import gc, sys
from auditdesk.reports.batch import early_pool
pool = early_pool(2)
import sqlalchemy  # the exporting process goes on to import its database code
print(pool.submit(eval, sys.argv[1]).result(timeout=120), pool.submit(gc.isenabled).result())
pool.shutdown(wait=True)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers fork on Linux only")
def test_workers_forked_first_hold_the_drawing_and_index_code_only_and_collect_garbage() -> None:
    done = _python(EARLY, LOADED)
    # and openpyxl: such a worker writes the index too
    assert done.stdout.strip() == "['openpyxl', 'reportlab'] True", done.stderr


# `auditdesk protocols export` in a fresh interpreter, saying whether the drawing workers were
# forked before the database code was imported
CLI_EXPORT = """
import sys
from auditdesk.reports import batch
made = []
real = batch.early_pool
def early_pool(workers):
    pool = real(workers)
    made.append(("sqlalchemy" in sys.modules, workers, pool is not None))
    return pool
batch.early_pool = early_pool
from auditdesk.cli import main
code = main(sys.argv[1:])
print(made)
sys.exit(code)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers fork on Linux only")
def test_the_command_line_forks_its_drawers_first_and_writes_the_same_bytes(
    office: AppContext, tmp_path: Path
) -> None:
    flt = export.ExportFilter(unit="USC")
    here = export.export_all(office, tmp_path / "here", flt, workers=1)
    assert here.drawing == "here" and not here.problems
    url = office.db.engine.url.database
    assert url is not None
    env = {**os.environ, "AUDITDESK_PASSWORD": "kadry-demo", "AUDITDESK_DB": ""}
    argv = ["--db", url, "--user", "kadry", "protocols", "export", "--unit", "USC"]
    done = subprocess.run(
        [sys.executable, "-c", CLI_EXPORT, *argv, "--jobs", "2", "--out", str(tmp_path / "cli")],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "[(False, 2, True)]"
    assert _files(tmp_path / "cli") == _files(tmp_path / "here")


# each worker forked first says when it loaded the drawing code (a stand-in taking 0.3 s)
TURNS = """
import sys, time
from auditdesk.reports import batch
def load_drawing():
    start = time.monotonic()
    time.sleep(0.3)
    with open(sys.argv[1], "a") as f:
        f.write(f"{start} {time.monotonic()}\\n")
batch.load_drawing = load_drawing
pool = batch.early_pool(2, at_once=int(sys.argv[2]))
pool.shutdown(wait=True)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers fork on Linux only")
def test_workers_forked_first_load_one_after_the_other_on_two_cores(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the exporting process keeps a core of its own while it imports (issue 14)
    def loads(at_once: int) -> list[tuple[float, ...]]:
        log = tmp_path / f"loads-{at_once}.txt"
        run = [sys.executable, "-c", TURNS, str(log), str(at_once)]
        subprocess.run(run, timeout=120, check=True)
        return sorted(tuple(map(float, line.split())) for line in log.read_text().splitlines())

    (a, b), (c, d) = loads(1)
    assert a < b <= c < d
    (a, b), (c, d) = loads(2)  # all cores but the exporting process's: both at once
    assert c < b
    for cores, at_once in ((1, 1), (2, 1), (4, 3), (16, 15), (None, 1)):
        monkeypatch.setattr(os, "cpu_count", lambda cores=cores: cores)
        assert batch.loading_at_once() == at_once


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers fork on Linux only")
def test_a_refused_sign_in_stops_the_drawers_forked_first(
    office: AppContext, tmp_path: Path
) -> None:
    # the workers forked before the sign-in end with the command, which says why it stopped
    url = office.db.engine.url.database
    assert url is not None
    env = {**os.environ, "AUDITDESK_PASSWORD": "not-the-password", "AUDITDESK_DB": ""}
    argv = ["--db", url, "--user", "kadry", "protocols", "export", "--out", str(tmp_path / "x")]
    done = subprocess.run(
        [sys.executable, "-c", CLI_EXPORT, *argv, "--jobs", "2"],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert done.returncode != 0
    assert done.stdout.splitlines()[-1] == "[(False, 2, True)]"
    assert "auditdesk:" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "x").exists()
