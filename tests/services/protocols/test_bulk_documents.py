"""Protocols read in bulk (issue 14): a bulk export reads its records a chunk at a time, a few
statements for the whole chunk, and builds the same documents as reading them one by one
(`build_document` is the bulk code with one record): every demo record — audits of every form
and channel, the amendment and the audit it superseded, appraisals with their objection — plus
an audit with a photo and drawn signatures on an audit and an appraisal; records the actor may
not read keep their own error while the others are built."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import event, select

from auditdesk.domain.errors import AuditDeskError
from auditdesk.reports.specimen import specimen_signature
from auditdesk.services import protocols
from auditdesk.services.context import Actor, AppContext
from auditdesk.store.migrate import open_database
from auditdesk.store.models import Appraisal, Audit
from demo_office import DemoTemplates
from protocol_helpers import as_user, completed_audit


@pytest.fixture(scope="module")
def office(
    demo_template: DemoTemplates, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[AppContext]:
    path = demo_template.copy_to(tmp_path_factory.mktemp("db") / "bulk.sqlite")
    db = open_database(str(path))
    yield AppContext(db, Actor.system())
    db.dispose()


def _every_record(ctx: AppContext) -> list[tuple[str, int]]:
    with ctx.db.session() as s:
        audits = list(s.scalars(select(Audit.id).order_by(Audit.id)))
        appraisals = list(s.scalars(select(Appraisal.id).order_by(Appraisal.id)))
    return [("audit", i) for i in audits] + [("appraisal", i) for i in appraisals]


def _one_by_one(ctx: AppContext, refs: list[tuple[str, int]]) -> dict[tuple[str, int], object]:
    found: dict[tuple[str, int], object] = {}
    for kind, record_id in refs:
        try:
            found[(kind, record_id)] = protocols.build_document(ctx, kind, record_id)
        except AuditDeskError as exc:
            found[(kind, record_id)] = exc
    return found


def _same(bulk: object, alone: object) -> bool:
    if isinstance(alone, AuditDeskError):
        return type(bulk) is type(alone) and str(bulk) == str(alone)
    return bulk == alone


class _Statements:
    """Counts the statements sent to the database while active."""

    def __init__(self, ctx: AppContext) -> None:
        self.engine = ctx.db.engine
        self.count = 0

    def _seen(self, *_args: object) -> None:
        self.count += 1

    def __enter__(self) -> _Statements:
        event.listen(self.engine, "before_cursor_execute", self._seen)
        return self

    def __exit__(self, *_exc: object) -> None:
        event.remove(self.engine, "before_cursor_execute", self._seen)


def test_bulk_documents_equal_one_by_one_for_every_demo_record(
    office: AppContext, photo: Path
) -> None:
    with_photo = completed_audit(office, unit="USC", day=7, evidence=photo)
    protocols.save_drawn_signature(office, "audit", with_photo, "auditor", specimen_signature(1))
    with office.db.session() as s:
        appraisal = s.scalars(
            select(Appraisal).where(Appraisal.status != "draft").order_by(Appraisal.id)
        ).first()
        assert appraisal is not None
        appraisal_id = appraisal.id
        kinds = {(a.kind, a.superseded) for a in s.scalars(select(Audit))}
        objected = s.scalar(select(Appraisal.id).where(Appraisal.objection.has()))
    for role in ("appraiser", "employee"):
        protocols.save_drawn_signature(
            office, "appraisal", appraisal_id, role, specimen_signature(2)
        )
    # the demo office holds what the protocols print in their less usual shapes
    assert {("amendment", False), ("original", True)} <= kinds and objected is not None
    refs = _every_record(office)
    assert len(refs) > 150
    alone = _one_by_one(office, refs)
    with _Statements(office) as statements:
        bulk = protocols.build_documents(office, refs)
    assert list(bulk) == refs
    for ref in refs:
        assert _same(bulk[ref], alone[ref]), ref
    photo_doc = bulk[("audit", with_photo)]
    assert not isinstance(photo_doc, AuditDeskError)
    assert any(e.image for e in photo_doc.evidence)  # the photo itself, read in the bulk pass
    # a few statements per table for all the records, not about ten per record
    assert statements.count <= 30, statements.count


def test_records_the_actor_may_not_read_keep_their_error(office: AppContext) -> None:
    supervisor = as_user(office, "kierownik.bok")
    refs = _every_record(office)
    alone = _one_by_one(supervisor, refs)
    errors = [ref for ref, found in alone.items() if isinstance(found, AuditDeskError)]
    readable = [ref for ref, found in alone.items() if not isinstance(found, AuditDeskError)]
    assert errors and readable  # the supervisor reads some records, not all
    bulk = protocols.build_documents(supervisor, refs)
    for ref in refs:
        assert _same(bulk[ref], alone[ref]), ref


def test_a_missing_record_is_named_and_the_others_are_built(office: AppContext) -> None:
    refs = [*_every_record(office)[:3], ("audit", 999_999), ("appraisal", 999_999)]
    bulk = protocols.build_documents(office, refs)
    assert not any(isinstance(bulk[r], AuditDeskError) for r in refs[:3])
    assert "999999" in str(bulk[("audit", 999_999)])
    assert "999999" in str(bulk[("appraisal", 999_999)])
    with pytest.raises(AuditDeskError, match="999999"):
        protocols.build_document(office, "audit", 999_999)
