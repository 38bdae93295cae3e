"""`auditdesk check` names what was changed behind the services' back, by number: the newest
trail entries deleted (also when the head record is rewritten too, through the head sealed in
this computer's settings), answers of a completed audit and ratings of a made appraisal edited
in the file, a completed audit that its form's rules do not allow, and a stored protocol whose
bytes no longer match their SHA-256. A clean demo office passes.

Only public entry points are used (the check, the trail, raw SQL), so that every test here also
runs against the code before these checks existed, and fails there."""

from __future__ import annotations

import contextlib
import hashlib

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from auditdesk.services import integrity, trail
from auditdesk.services.context import AppContext
from auditdesk.store.db import Database


def _problems(ctx: AppContext) -> list[str]:
    return integrity.check(ctx).problems


def _sql(db: Database, sql: str, **params: object) -> list[tuple[object, ...]]:
    with db.engine.begin() as conn:
        result = conn.execute(text(sql), params)
        return [tuple(r) for r in result] if result.returns_rows else []


def _newest(db: Database) -> int:
    return int(_sql(db, "SELECT max(id) FROM audit_log")[0][0])  # type: ignore[arg-type]


def test_a_clean_demo_office_has_no_problems(demo_ctx: AppContext) -> None:
    report = integrity.check(demo_ctx)
    assert report.problems == []
    assert report.checked["sealed audits"] > 0 and report.checked["sealed appraisals"] > 0


@pytest.mark.parametrize("deleted", [1, 50])
def test_deleting_the_newest_trail_entries_is_reported_with_their_numbers(
    demo_ctx: AppContext, deleted: int
) -> None:
    db = demo_ctx.db
    newest = _newest(db)
    assert newest > deleted
    _sql(db, "DELETE FROM audit_log WHERE id > :keep", keep=newest - deleted)
    first = newest - deleted + 1
    missing = f"entry #{newest} is missing" if deleted == 1 else f"entries #{first}…#{newest}"
    problems = _problems(demo_ctx)
    assert any(missing in p and f"the head records #{newest}" in p for p in problems), problems

    # the next write does not chain onto the shortened tail: it follows the head, numbered
    # after it, so the gap stays visible
    with db.session() as s:
        entry = trail.record(s, demo_ctx.actor, "export", "protocol", "after")
        entry_id, prev_hash = entry.id, entry.prev_hash
    assert entry_id == newest + 1
    shortened_tail = _sql(db, "SELECT entry_hash FROM audit_log WHERE id = :i", i=first - 1)
    assert prev_hash != shortened_tail[0][0]
    problems = _problems(demo_ctx)
    assert any(missing in p and f"the next present is #{newest + 1}" in p for p in problems), (
        problems
    )


def test_deleting_entries_and_rewriting_the_head_is_caught_by_the_seal_in_the_settings(
    demo_ctx: AppContext,
) -> None:
    db = demo_ctx.db
    assert _problems(demo_ctx) == []  # the check seals the head it saw in the settings
    newest = _newest(db)
    keep = newest - 5
    _sql(db, "DELETE FROM audit_log WHERE id > :keep", keep=keep)
    # the head record rewritten by hand to the shortened tail (none before this change)
    with contextlib.suppress(OperationalError):
        _sql(
            db,
            "UPDATE trail_head SET last_id = :keep, "
            "last_hash = (SELECT entry_hash FROM audit_log WHERE id = :keep)",
            keep=keep,
        )
    problems = _problems(demo_ctx)
    assert any(f"went back from entry #{newest}" in p and f"to #{keep}" in p for p in problems), (
        problems
    )


def test_answers_of_a_completed_audit_changed_in_the_file_name_the_audit(
    demo_ctx: AppContext,
) -> None:
    db = demo_ctx.db
    (audit_id, number), *_ = _sql(
        db,
        "SELECT a.id, a.record_no FROM audit a WHERE a.status = 'completed' AND "
        "(SELECT count(*) FROM audit_answer x WHERE x.audit_id = a.id) >= 19 ORDER BY a.id",
    )
    _sql(
        db,
        "UPDATE audit_answer SET comment = 'poprawione w pliku', "
        "value = CASE WHEN value = 'yes' THEN 'no' ELSE value END "
        "WHERE id IN (SELECT id FROM audit_answer WHERE audit_id = :a ORDER BY id LIMIT 19)",
        a=audit_id,
    )
    problems = _problems(demo_ctx)
    assert f"audit {number}: content differs from its hash sealed at completion" in problems


def test_the_result_of_a_completed_audit_changed_in_the_file_names_the_audit(
    demo_ctx: AppContext,
) -> None:
    db = demo_ctx.db
    (audit_id, number), *_ = _sql(
        db, "SELECT id, record_no FROM audit WHERE status = 'completed' ORDER BY id DESC"
    )
    _sql(db, "UPDATE audit SET score = 100.0, passed = true WHERE id = :a", a=audit_id)
    assert f"audit {number}: content differs from its hash sealed at completion" in _problems(
        demo_ctx
    )


def test_ratings_of_a_made_appraisal_changed_in_the_file_name_the_appraisal(
    demo_ctx: AppContext,
) -> None:
    db = demo_ctx.db
    (appraisal_id, number), *_ = _sql(
        db, "SELECT id, record_number FROM appraisal WHERE status = 'final' ORDER BY id"
    )
    _sql(
        db,
        "UPDATE appraisal_rating SET justification = 'inne uzasadnienie' WHERE appraisal_id = :a",
        a=appraisal_id,
    )
    problems = _problems(demo_ctx)
    assert (
        f"appraisal {number}: content differs from its hash sealed at the conversation" in problems
    )


def _required_and_no_na_items(demo_ctx: AppContext, audit_id: int) -> tuple[str, str, str]:
    """A required item answered in the audit, and an item that does not allow N/A."""
    from auditdesk.services.audits.scoring import checklist_of
    from auditdesk.store.models import Audit

    with demo_ctx.db.session() as s:
        audit = s.get(Audit, audit_id)
        assert audit is not None
        form = checklist_of(s, audit.form_version_id)
        answered = {a.item_id for a in audit.answers}
    items = [i for i in form.items() if i.id in answered]
    required = next(i for i in items if i.required)
    no_na = next(i for i in items if not i.na_allowed and i.id != required.id)
    return required.id, no_na.id, audit.record_no


def test_a_completed_audit_its_form_does_not_allow_is_named(demo_ctx: AppContext) -> None:
    """As an import that did not apply the editor's rules left it: a required item unanswered
    and N/A where the item does not allow it, sealed as it stands."""
    db = demo_ctx.db
    (audit_id,), *_ = _sql(db, "SELECT id FROM audit WHERE status = 'completed' ORDER BY id")
    required, no_na, number = _required_and_no_na_items(demo_ctx, audit_id)
    _sql(
        db,
        "DELETE FROM audit_answer WHERE audit_id = :a AND item_id = :i",
        a=audit_id,
        i=required,
    )
    _sql(
        db,
        "UPDATE audit_answer SET na = true, value = NULL WHERE audit_id = :a AND item_id = :i",
        a=audit_id,
        i=no_na,
    )
    try:  # sealed as it stands, as the import would have sealed it
        from auditdesk.store.seals import audit_seal

        with db.engine.begin() as conn:
            conn.execute(
                text("UPDATE audit SET content_sha256 = :h WHERE id = :a"),
                {"h": audit_seal(conn, audit_id), "a": audit_id},
            )
    except ImportError:  # before content seals existed
        pass
    problems = [p for p in _problems(demo_ctx) if p.startswith(f"audit {number}:")]
    assert len(problems) == 1, problems
    assert "not valid under its form version" in problems[0]
    assert f"required item {required!r}" in problems[0] and "unanswered" in problems[0]
    assert f"item {no_na!r}" in problems[0] and "does not allow N/A" in problems[0]


def test_a_completed_audit_written_into_the_file_without_a_seal_is_named(
    demo_ctx: AppContext,
) -> None:
    db = demo_ctx.db
    (audit_id, number), *_ = _sql(
        db, "SELECT id, record_no FROM audit WHERE status = 'draft' ORDER BY id"
    )
    _sql(db, "UPDATE audit SET status = 'completed' WHERE id = :a", a=audit_id)
    problems = [p for p in _problems(demo_ctx) if p.startswith(f"audit {number}:")]
    assert problems and "carries no content seal" in problems[0], problems


def test_a_stored_protocol_whose_bytes_changed_is_named(demo_ctx: AppContext) -> None:
    db = demo_ctx.db
    (audit_id, number), *_ = _sql(
        db, "SELECT id, record_no FROM audit WHERE status = 'completed' ORDER BY id"
    )
    signed = b"%PDF-1.7 signed bytes"
    _sql(
        db,
        "INSERT INTO protocol (record_kind, record_id, record_number, pdf, sha256, signed, "
        "created_at) VALUES ('audit', :a, :n, :pdf, :sha, true, '2026-01-01 10:00:00')",
        a=audit_id,
        n=number,
        pdf=signed.replace(b"signed", b"edited"),
        sha=hashlib.sha256(signed).hexdigest(),
    )
    problems = _problems(demo_ctx)
    assert f"audit {number}: the stored signed protocol differs from its SHA-256" in problems


@pytest.mark.sqlite_only  # restores a SQLite file backup
def test_restoring_a_backup_moves_the_head_back_without_a_false_alarm(
    demo_ctx: AppContext,
) -> None:
    from auditdesk.services.admin import backups

    assert _problems(demo_ctx) == []  # seals the head in the settings
    info = backups.backup_now(demo_ctx)
    with demo_ctx.db.session() as s:
        for n in range(5):
            trail.record(s, demo_ctx.actor, "export", "protocol", f"later-{n}")
    assert _problems(demo_ctx) == []  # the seal moves forward
    backups.restore(demo_ctx, info.path)
    assert _problems(demo_ctx) == []


def test_an_older_database_gets_its_head_and_seals_from_the_migration(
    demo_ctx: AppContext,
) -> None:
    """Downgraded to before the seals, then opened again: the migration seals the completed
    audits and made appraisals as they stand, and the head from the newest entry."""
    from auditdesk.store.migrate import open_database
    from migration_steps import downgrade

    db = demo_ctx.db
    answers = _sql(db, "SELECT count(*) FROM audit_answer")
    newest = _newest(db)
    downgrade(db, "0002_audits")
    db.dispose()
    reopened = open_database(db.url)
    try:
        assert _sql(reopened, "SELECT count(*) FROM audit_answer") == answers
        assert _sql(reopened, "SELECT last_id FROM trail_head") == [(newest,)]
        unsealed = _sql(
            reopened,
            "SELECT count(*) FROM audit WHERE status != 'draft' AND content_sha256 IS NULL",
        )
        assert unsealed == [(0,)]
        report = integrity.check(AppContext(reopened, demo_ctx.actor))
        assert report.problems == [] and report.checked["sealed appraisals"] > 0
    finally:
        reopened.dispose()


def test_an_audit_completed_in_the_editor_is_sealed_and_checked(demo_ctx: AppContext) -> None:
    from auditdesk.services import audits as svc
    from auditdesk.services.audits.scoring import checklist_of
    from auditdesk.store.models import Audit

    db = demo_ctx.db
    (audit_id, number), *_ = _sql(
        db, "SELECT id, record_no FROM audit WHERE status = 'draft' ORDER BY id"
    )
    with db.session() as s:
        audit = s.get(Audit, audit_id)
        assert audit is not None
        form = checklist_of(s, audit.form_version_id)
        answered = {a.item_id for a in audit.answers}
    for item in form.items():
        if item.id in answered or not item.required:
            continue
        if item.type == "number":
            value = "1"
        elif item.type == "datetime":
            value = "2026-03-02 10:00"
        elif item.type == "text":
            value = "uwagi"
        else:
            value = max(item.answer_options(), key=lambda o: o.points).value
        svc.save_answer(demo_ctx, audit_id, item.id, value)
    svc.complete_audit(demo_ctx, audit_id)
    assert _sql(db, "SELECT content_sha256 IS NOT NULL FROM audit WHERE id = :a", a=audit_id) == [
        (1,)
    ]
    assert _problems(demo_ctx) == []
    _sql(db, "UPDATE audit_answer SET comment = 'dopisane' WHERE audit_id = :a", a=audit_id)
    assert f"audit {number}: content differs from its hash sealed at completion" in _problems(
        demo_ctx
    )
