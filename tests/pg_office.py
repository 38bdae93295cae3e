"""The PostgreSQL half of the service tests (issue 16): a server named by AUDITDESK_TEST_PG (a libpq
URL, e.g. the one scripts/test-postgres.sh exports), else none and that half is not run (one line
in the summary says so; under CI=true the session fails instead).

The demo office is built once per session (per xdist worker) and reference day as a database of
its own, then each test gets `CREATE DATABASE … TEMPLATE` of it (a file copy on the server, some
tens of milliseconds), dropped after the test. Names carry the process id, so parallel workers
and parallel runs on one server never meet; databases left by a killed run are dropped by the next.
"""

from __future__ import annotations

import itertools
import os
import re
from datetime import date

import time_machine
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine, make_url

from auditdesk.services.clock import FixedClock
from auditdesk.services.context import Actor, AppContext
from auditdesk.store.migrate import open_database

PG_VAR = "AUDITDESK_TEST_PG"
PREFIX = "adt_"


def server_url() -> str | None:
    """AUDITDESK_TEST_PG as a SQLAlchemy URL for psycopg 3, or None when it is not set."""
    value = os.environ.get(PG_VAR, "").strip()
    if not value:
        return None
    return re.sub(r"^postgres(ql)?(\+\w+)?://", "postgresql+psycopg://", value)


def url_for(base: str, database: str) -> str:
    return make_url(base).set(database=database).render_as_string(hide_password=False)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class PgTemplates:
    """Template databases (empty, demo office per day) and per-test copies on one server."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.tag = f"{PREFIX}{os.getpid()}_"
        self.admin: Engine = create_engine(base_url, isolation_level="AUTOCOMMIT")
        self.built: dict[str, str] = {}
        self.counter = itertools.count()
        self._drop_leftovers()

    def _drop_leftovers(self) -> None:
        with self.admin.connect() as conn:
            names = conn.execute(
                text("SELECT datname FROM pg_database WHERE datname LIKE :p"), {"p": PREFIX + "%"}
            ).scalars()
            for name in list(names):
                match = re.match(rf"{PREFIX}(\d+)_", name)
                if match and not _alive(int(match.group(1))):
                    conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))

    def _create(self, name: str, template: str | None = None) -> str:
        with self.admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            suffix = f' TEMPLATE "{template}"' if template else ""
            conn.execute(text(f'CREATE DATABASE "{name}"{suffix}'))
        return url_for(self.base_url, name)

    def empty(self) -> str:
        """The name of a database migrated to the current schema and holding nothing."""
        name = self.tag + "empty"
        if name not in self.built:
            open_database(self._create(name)).dispose()
            self.built[name] = name
        return name

    def demo(self, day: date) -> str:
        """The name of the demo office's database for `day` (built now if it is the first time)."""
        from auditdesk.services.demo import create_demo
        from demo_office import moment

        name = f"{self.tag}demo_{day:%Y%m%d}"
        if name not in self.built:
            url = self._create(name, self.empty())
            with time_machine.travel(moment(day), tick=True):
                database = open_database(url)
                try:
                    create_demo(AppContext(database, Actor.system(), FixedClock(day)))
                finally:
                    database.dispose()
            self.built[name] = name
        return name

    def copy(self, template: str) -> tuple[str, str]:
        """A new database copied from `template`: (name, SQLAlchemy URL)."""
        name = f"{self.tag}t{next(self.counter)}"
        return name, self._create(name, template)

    def drop(self, name: str) -> None:
        with self.admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))

    def close(self) -> None:
        for name in list(self.built):
            self.drop(name)
        self.admin.dispose()
