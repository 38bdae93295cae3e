"""Shared fixtures: an isolated config folder, offscreen Qt, a temporary database per test, the
demo office built once per session (per reference day) and copied for each test, and the day a
test runs on (`today`).

Time is an input: `AUDITDESK_TEST_TODAY=2026-12-24 ./scripts/test.sh` runs the whole session as
if it were that day (time-machine, the clock ticking from 10:00), to check that the suite passes
on any day of the year; a test parametrized over `today` (tests/dates.py) runs on each of those
days instead.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
import time_machine

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from auditdesk.services.context import Actor, AppContext
from auditdesk.store.db import Database
from auditdesk.store.migrate import open_database
from demo_office import DemoTemplates, copy_database, moment
from pg_office import PG_VAR, PgTemplates, server_url
from protocol_helpers import PASSWORD, SignerCert
from softhsm import softhsm_token  # noqa: F401  (a shared fixture: a SoftHSM2 token)

TEST_TODAY_VAR = "AUDITDESK_TEST_TODAY"


def _session_day() -> date | None:
    value = os.environ.get(TEST_TODAY_VAR, "").strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise pytest.UsageError(
            f"{TEST_TODAY_VAR}={value!r}: not a date; give it as YYYY-MM-DD, e.g. 2026-12-24"
        ) from None


_SESSION_TRAVEL: time_machine.travel | None = None


def pytest_configure(config: pytest.Config) -> None:
    """With AUDITDESK_TEST_TODAY the whole session (each xdist worker too) runs on that day."""
    global _SESSION_TRAVEL
    day = _session_day()
    if day is not None and _SESSION_TRAVEL is None:
        # ticking: Qt waits (qtbot.waitUntil) and timeouts measure time.time()
        _SESSION_TRAVEL = time_machine.travel(moment(day), tick=True)
        _SESSION_TRAVEL.start()


def pytest_unconfigure(config: pytest.Config) -> None:
    global _SESSION_TRAVEL
    if _SESSION_TRAVEL is not None:
        _SESSION_TRAVEL.stop()
        _SESSION_TRAVEL = None


# Tests in these folders that use the database (`db`, `ctx`, `demo_ctx`) run on SQLite and, when
# AUDITDESK_TEST_PG names a server, on PostgreSQL too (issue 16); the window's tests stay on SQLite.
SERVICE_TEST_DIRS = frozenset({"store", "services", "cli", "reports", "domain", "project"})
TESTS_DIR = Path(__file__).parent


def _pg_required() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def pytest_sessionstart(session: pytest.Session) -> None:
    if server_url() is None and _pg_required():
        raise pytest.UsageError(
            f"CI=true but {PG_VAR} is not set: the service tests must run on PostgreSQL too "
            "(scripts/test-postgres.sh starts a throwaway server and sets it)"
        )


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "db" not in metafunc.fixturenames or server_url() is None:
        return
    if metafunc.definition.get_closest_marker("sqlite_only") is not None:
        return
    try:
        area = Path(metafunc.definition.path).relative_to(TESTS_DIR).parts[0]
    except ValueError:
        return
    if area in SERVICE_TEST_DIRS:
        metafunc.parametrize("backend", ["sqlite", "postgresql"], indirect=True)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if server_url() is None and not hasattr(terminalreporter.config, "workerinput"):
        terminalreporter.write_line(
            f"postgresql: not tested ({PG_VAR} is not set; scripts/test-postgres.sh starts a "
            "throwaway server and runs the suite on both stores)"
        )


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    """The store under test: "sqlite", or "postgresql" for the second run of a service test."""
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture(scope="session")
def pg_templates() -> Iterator[PgTemplates]:
    url = server_url()
    if url is None:
        pytest.skip(f"{PG_VAR} is not set")
    templates = PgTemplates(url)
    yield templates
    templates.close()


def pytest_report_header(config: pytest.Config) -> str:
    day = _session_day()
    if day is None:
        return f"today: {date.today()} (the real date; set {TEST_TODAY_VAR} to run on another)"
    return f"today: {day} ({TEST_TODAY_VAR}: the whole session travels to that day)"


@pytest.fixture
def today() -> date:
    """The day the test runs on: the session's, unless the test parametrizes `today`
    (tests/dates.py), in which case `_travel_to_today` moves the clock there."""
    return date.today()


@pytest.fixture(autouse=True)
def _travel_to_today(request: pytest.FixtureRequest) -> Iterator[None]:
    """A test parametrized over `today` runs on that day, its fixtures (the demo) included:
    autouse fixtures are set up before the others. The clock ticks from 10:00 (Qt waits
    measure time.time()), so the day is pinned while durations still pass."""
    callspec = getattr(request.node, "callspec", None)
    day = callspec.params.get("today") if callspec is not None else None
    if not isinstance(day, date):
        yield
        return
    with time_machine.travel(moment(day), tick=True):
        yield


@pytest.fixture(autouse=True)
def _isolated_config(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Settings and logs of every test go to a fresh folder, never the user's real ones."""
    folder = tmp_path_factory.mktemp("config")
    monkeypatch.setenv("AUDITDESK_CONFIG_DIR", str(folder))
    # the data folder too (platformdirs reads XDG_DATA_HOME): server-store backups go there
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("data")))
    monkeypatch.delenv("AUDITDESK_DB", raising=False)
    return folder


@pytest.fixture(autouse=True)
def _no_forgotten_modal(request: pytest.FixtureRequest) -> Iterator[None]:
    """A window test whose modal dialog nobody answers fails after 10 s instead of hanging the
    run (tests/modal_guard.py)."""
    if "qtbot" not in request.fixturenames:
        yield
        return
    from modal_guard import ModalGuard

    request.getfixturevalue("qtbot")  # the QApplication exists before the timer
    from PySide6.QtWidgets import QApplication

    from auditdesk.ui import date_typing

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    date_typing.install(app)  # dates are typed as in the application (ui/app.py installs it)
    guard = ModalGuard()
    guard.start()
    yield
    guard.stop()
    if guard.stuck:
        pytest.fail("a modal dialog was left open, nobody answered it: " + "; ".join(guard.stuck))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.sqlite"


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> DemoTemplates:
    """The demo office built once per session for each reference day asked for; a module or
    session fixture copies it with `demo_template.copy_to(path)`, a test with `copy_demo`."""
    return DemoTemplates(tmp_path_factory.mktemp("demo-templates"))


@pytest.fixture
def copy_demo(demo_template: DemoTemplates, today: date) -> Callable[[Path], Path]:
    """Writes a copy of the demo office for the test's day to a file (to open with
    open_database): for tests that make their own database file."""
    return lambda dest: demo_template.copy_to(dest, today)


@pytest.fixture
def db(db_path: Path, request: pytest.FixtureRequest, backend: str) -> Iterator[Database]:
    """An empty database; the demo office's copy when the test also asks for `demo_ctx`
    (whatever the order of the fixtures). On PostgreSQL a database of its own per test."""
    if backend == "postgresql":
        pg: PgTemplates = request.getfixturevalue("pg_templates")
        if "demo_ctx" in request.fixturenames:
            template = pg.demo(request.getfixturevalue("today"))
        else:
            template = pg.empty()
        name, url = pg.copy(template)
        database = open_database(url)
        yield database
        database.dispose()
        pg.drop(name)
        return
    if "demo_ctx" in request.fixturenames:
        request.getfixturevalue("copy_demo")(db_path)
    elif not db_path.exists():  # a copy of the empty database migrated once per session
        copy_database(request.getfixturevalue("demo_template").empty(), db_path)
    database = open_database(str(db_path))
    yield database
    database.dispose()


@pytest.fixture
def ctx(db: Database) -> AppContext:
    """The database acting as the application itself (admin rights)."""
    return AppContext(db, Actor.system())


@pytest.fixture
def demo_ctx(ctx: AppContext) -> AppContext:
    """A database holding the demo office (and whatever the feature areas seed) for the test's
    day: a copy of the one built once per session (see `db`)."""
    return ctx


# Protocol tests (reports, services/protocols, cli, ui): a self-issued certificate made once per
# session, and a photo to attach as evidence.


@pytest.fixture(scope="session")
def cert(tmp_path_factory: pytest.TempPathFactory) -> SignerCert:
    from auditdesk.reports.certs import create_certificate

    folder = tmp_path_factory.mktemp("cert")
    name = "Józefa Ćwiąkała-Żółtowska"
    made = create_certificate(name, folder / "signer.p12", PASSWORD.encode())
    return SignerCert(made.p12, made.pem, PASSWORD.encode(), name)


@pytest.fixture(scope="session")
def photo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import io

    from PIL import Image

    img = Image.new("RGB", (640, 480), (170, 190, 210))
    buf = io.BytesIO()
    img.save(buf, format="JPEG")
    path = tmp_path_factory.mktemp("photo") / "zdjęcie.jpg"
    path.write_bytes(buf.getvalue())
    return path
