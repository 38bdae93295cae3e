"""The demo office for tests: built once per session for each reference day, then copied.

Building it takes about 5 s (forms, 47 staff, half a year of audits, appraisals, surveys,
complaints and cases), migrating even an empty database over a second; copying the closed file
takes milliseconds. tests/conftest.py holds one
`DemoTemplates` per session (per xdist worker) as the `demo_template` fixture.
"""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, time
from pathlib import Path

import time_machine

from auditdesk.services.clock import FixedClock
from auditdesk.services.context import Actor, AppContext
from auditdesk.store.migrate import open_database


def moment(day: date) -> datetime:
    """10:00 on `day`: a test started then cannot run into the next day."""
    return datetime.combine(day, time(10, 0))


class DemoTemplates:
    """The demo office as closed database files, one per reference day, each built once (per
    session and xdist worker: about 5 s) and then only copied (a few milliseconds)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.built: dict[date, Path] = {}

    def __call__(self, day: date) -> Path:
        """The template for `day` (built now if it is the first time)."""
        from auditdesk.services.demo import create_demo

        if day not in self.built:
            path = self.folder / f"demo-{day.isoformat()}.sqlite"
            # the stored timestamps (created_at, the trail) match the reference day too
            with time_machine.travel(moment(day), tick=True):
                database = open_database(str(path))
                try:
                    create_demo(AppContext(database, Actor.system(), FixedClock(day)))
                finally:
                    database.dispose()
            self.built[day] = path
        return self.built[day]

    def copy_to(self, dest: Path, day: date | None = None) -> Path:
        """Writes the demo office for `day` (default: today) to `dest`, to open with
        open_database; the copy is one self-contained file (no WAL beside it)."""
        return copy_database(self(day or date.today()), dest)

    def empty(self) -> Path:
        """An empty database at the current schema: migrating a new file takes over a second,
        copying this one a few milliseconds."""
        path = self.folder / "empty.sqlite"
        if not path.exists():
            open_database(str(path)).dispose()
        return path


def copy_database(source_path: Path, dest: Path) -> Path:
    """A consistent copy of a closed SQLite file (the online backup API)."""
    source = sqlite3.connect(f"file:{source_path}?mode=ro", uri=True)
    target = sqlite3.connect(dest)
    try:
        source.backup(target)
    finally:
        target.close()
        source.close()
    return dest
