"""`auditdesk check` of stored protocols: their bytes against the SHA-256 stored with them."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from sqlalchemy import select

from auditdesk.store.db import Database
from auditdesk.store.integrity import CheckReport
from auditdesk.store.models import Protocol


def _protocol_rows(db: Database) -> Iterable[tuple[str, str, bool, bytes | None, str | None]]:
    with db.session() as s:
        stmt = select(
            Protocol.record_kind,
            Protocol.record_number,
            Protocol.signed,
            Protocol.pdf,
            Protocol.sha256,
        ).execution_options(yield_per=50)
        for row in s.execute(stmt):
            yield row[0], row[1], bool(row[2]), row[3], row[4]


def check_protocols(db: Database, report: CheckReport) -> None:
    """Every stored protocol's bytes against the SHA-256 stored with them."""
    problems: list[str] = []
    count = 0
    for kind, number, signed, pdf, sha in _protocol_rows(db):
        count += 1
        if signed and (pdf is None or sha is None):
            problems.append(f"{kind} {number}: signed, but its signed protocol is not stored")
        elif pdf is not None and sha is not None and hashlib.sha256(pdf).hexdigest() != sha:
            problems.append(
                f"{kind} {number}: the stored {'signed ' if signed else ''}protocol differs "
                "from its SHA-256"
            )
    report.checked["protocols"] = count
    report.add_listed(problems, "protocols altered")
