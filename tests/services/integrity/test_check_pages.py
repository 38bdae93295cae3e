"""`auditdesk check` says how many SQLite pages PRAGMA integrity_check read: the database's page
count, not a constant (it printed "checked sqlite pages: 1" for a demo office of hundreds)."""

from __future__ import annotations

import sqlite3

import pytest

from auditdesk.services import integrity
from auditdesk.services.context import AppContext


@pytest.mark.sqlite_only  # pages of the SQLite file
def test_check_counts_the_pages_it_read(demo_ctx: AppContext) -> None:
    path = demo_ctx.db.path
    assert path is not None
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        pages = con.execute("PRAGMA page_count").fetchone()[0]
    finally:
        con.close()
    assert pages > 100  # the demo office
    report = integrity.check(demo_ctx)
    assert report.ok, report.problems
    assert report.checked["sqlite pages"] == pages
