"""Two people attach the same file at the same moment (issue 16): the bytes are stored once by
their SHA-256, and neither gets a duplicate-key error (benchmarks/bench_office.py found one on
PostgreSQL: both looked, found no row, and both inserted)."""

from __future__ import annotations

import threading
import time

from sqlalchemy import func, select

from auditdesk.services.audits import store_blob
from auditdesk.store.db import Database
from auditdesk.store.models import EvidenceBlob

PHOTO = b"\xff\xd8\xff\xe0 the same photo taken twice \xff\xd9"


def test_the_same_bytes_stored_by_two_writers_at_once(db: Database) -> None:
    other = Database(db.url)  # another computer's connection
    failures: list[BaseException] = []
    second_done = threading.Event()

    def second_writer() -> None:
        try:
            with other.session() as s:
                store_blob(s, PHOTO)  # waits for the first writer's transaction, then nothing
        except BaseException as exc:
            failures.append(exc)
        finally:
            second_done.set()

    try:
        with db.session() as s:
            store_blob(s, PHOTO)
            s.flush()
            thread = threading.Thread(target=second_writer)
            thread.start()
            time.sleep(0.5)  # the second writer is now waiting on the first's row (or lock)
        thread.join(timeout=30)
        assert second_done.is_set() and failures == []
        with db.session() as s:
            assert s.scalar(select(func.count()).select_from(EvidenceBlob)) == 1
    finally:
        other.dispose()
