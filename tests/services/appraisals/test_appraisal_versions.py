"""Appraisals refuse stale edits as audits do (issue 16): two windows or two computers editing
one appraisal no longer silently overwrite each other. Every service that changes an appraisal
checks the version its editor read (StaleRecord, the audits' message) and bumps it; one
window's consecutive edits pass with the version each change returns. On SQLite and on
PostgreSQL (the `db` fixture's two backends)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date

import pytest
from sqlalchemy import func, select
from test_appraisals_service import Org, boss, build_org, hr

from auditdesk.domain.errors import StaleRecord
from auditdesk.services import appraisals as svc
from auditdesk.services.appraisals.common import _change, changing
from auditdesk.services.context import AppContext
from auditdesk.store.db import Database
from auditdesk.store.models import Appraisal, AppraisalRating, AuditLogEntry, Role

START = date(2024, 3, 1)
DAY = date(2026, 3, 2)  # the conversation
STALE = r"appraisal #\d+ was changed by \S+ at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC .*reload it"


@pytest.fixture
def org(ctx: AppContext) -> Org:
    return build_org(ctx)


@pytest.fixture
def elsewhere(ctx: AppContext) -> Iterator[Database]:
    """The same store opened by another computer (its own engine and connections)."""
    other = Database(ctx.db.url)
    yield other
    other.dispose()


def _other(ctx: AppContext, org: Org, db: Database) -> AppContext:
    """The director (the supervisor's superior) at the office, on another computer."""
    return AppContext(db, org.as_(ctx, Role.SUPERVISOR, org.head, "a.glowna").actor)


def _draft(ctx: AppContext, org: Org) -> int:
    """A draft with its criteria chosen, every one rated, a development area with two actions
    and a note of the conversation."""
    c = boss(ctx, org)
    a = svc.start_appraisal(c, org.clerk, org.sheet, "periodic", START, DAY, today=DAY)
    svc.set_criteria(c, a, ["cele"], {"klient": "Pełna informacja przy pierwszej wizycie."})
    for crit in svc.appraisal_detail(c, a).criteria:
        if crit.selected:
            svc.rate(c, a, crit.code, "powyzej", f"Uzasadnienie {crit.code}")
    svc.add_development_area(
        c,
        a,
        "Prosty język",
        "Pisma zrozumiałe",
        "Szkolenie",
        date(2026, 12, 31),
        [
            svc.ActionInput("szkolenie", "prosty język"),
            svc.ActionInput("mentoring", "z kierownikiem"),
        ],
    )
    svc.add_conversation_note(c, a, START, "Omówiono cele na kolejny okres.")
    return a


def _discussed(ctx: AppContext, org: Org) -> int:
    a = _draft(ctx, org)
    svc.record_conversation(boss(ctx, org), a, DAY)
    return a


def _acknowledged(ctx: AppContext, org: Org) -> int:
    a = _discussed(ctx, org)
    svc.acknowledge(hr(ctx, org), a, date(2026, 3, 4))
    return a


def _objected(ctx: AppContext, org: Org) -> int:
    a = _acknowledged(ctx, org)
    svc.file_objection(hr(ctx, org), a, date(2026, 3, 10), "Nie uwzględniono zastępstw.")
    return a


@dataclass(frozen=True)
class Change:
    """A service that changes an appraisal: the state it needs and the call, given the context,
    the appraisal, its view as read and the version to expect."""

    prepare: Callable[[AppContext, Org], int]
    call: Callable[[AppContext, int, svc.AppraisalView, int], object]
    context: Callable[[AppContext, Org], AppContext] = boss


CHANGES = {
    "set_criteria": Change(
        _draft,
        lambda c, a, v, n: svc.set_criteria(c, a, ["rozwoj"], expected_version=n),
    ),
    "rate": Change(
        _draft,
        lambda c, a, v, n: svc.rate(c, a, "klient", "ponizej", "Skargi.", expected_version=n),
    ),
    "add_development_area": Change(
        _draft,
        lambda c, a, v, n: svc.add_development_area(
            c, a, "Excel", "Raporty", "", None, expected_version=n
        ),
    ),
    "update_development_area": Change(
        _draft,
        lambda c, a, v, n: svc.update_development_area(
            c, v.areas[0].id, "Prosty język", "Inaczej", "", None, expected_version=n
        ),
    ),
    "remove_development_area": Change(
        _draft,
        lambda c, a, v, n: svc.remove_development_area(c, v.areas[0].id, expected_version=n),
    ),
    "mark_action_done": Change(
        _discussed,
        lambda c, a, v, n: svc.mark_action_done(
            c, v.areas[0].actions[0].id, date(2026, 4, 1), expected_version=n
        ),
    ),
    "add_conversation_note": Change(
        _draft,
        lambda c, a, v, n: svc.add_conversation_note(c, a, START, "Druga.", expected_version=n),
    ),
    "remove_conversation_note": Change(
        _draft,
        lambda c, a, v, n: svc.remove_conversation_note(
            c, v.conversation_notes[0].id, expected_version=n
        ),
    ),
    "record_conversation": Change(
        _draft,
        lambda c, a, v, n: svc.record_conversation(c, a, DAY, expected_version=n),
    ),
    "acknowledge": Change(
        _discussed,
        lambda c, a, v, n: svc.acknowledge(c, a, date(2026, 3, 4), "Czytałam.", expected_version=n),
        hr,
    ),
    "file_objection": Change(
        _acknowledged,
        lambda c, a, v, n: svc.file_objection(
            c, a, date(2026, 3, 10), "Za nisko.", expected_version=n
        ),
        hr,
    ),
    "decide_objection": Change(
        _objected,
        lambda c, a, v, n: svc.decide_objection(
            c, a, "rejected", date(2026, 3, 20), "Bez zmian.", expected_version=n
        ),
        hr,
    ),
    "close_appraisal": Change(
        _acknowledged,
        lambda c, a, v, n: svc.close_appraisal(c, a, date(2026, 6, 1), expected_version=n),
        hr,
    ),
}


def _version(ctx: AppContext, a: int) -> int:
    with ctx.db.session() as s:
        v = s.scalar(select(Appraisal.version).where(Appraisal.id == a))
    assert v is not None
    return v


def _trail_length(ctx: AppContext) -> int:
    with ctx.db.session() as s:
        return s.scalar(select(func.count()).select_from(AuditLogEntry)) or 0


def _someone_else_changes(ctx: AppContext, org: Org, db: Database, a: int) -> None:
    """The director on another computer ticks off the area's second action: a change of the
    appraisal allowed in every state, made without reading it first (no check, the version
    still moves)."""
    other = _other(ctx, org, db)
    action = svc.appraisal_detail(other, a).areas[0].actions[1]
    svc.mark_action_done(other, action.id, date(2026, 3, 5))


@pytest.mark.parametrize("name", sorted(CHANGES))
def test_every_change_checks_and_bumps_the_version(
    ctx: AppContext, org: Org, elsewhere: Database, name: str
) -> None:
    change = CHANGES[name]
    a = change.prepare(ctx, org)
    c = change.context(ctx, org)
    seen = svc.appraisal_detail(c, a)  # the editor opens it
    assert seen.version == _version(ctx, a)
    _someone_else_changes(ctx, org, elsewhere, a)
    stored = svc.appraisal_detail(c, a)
    assert stored.version > seen.version
    trail = _trail_length(ctx)
    with pytest.raises(StaleRecord, match=STALE) as refused:
        change.call(c, a, stored, seen.version)
    assert "a.glowna" in str(refused.value)  # who changed it, as for audits
    assert svc.appraisal_detail(c, a) == stored  # nothing of the refused change is stored
    assert _trail_length(ctx) == trail
    change.call(c, a, stored, stored.version)  # with the version now read it passes
    assert _version(ctx, a) > stored.version


def test_a_stale_rating_from_another_computer_is_refused_and_changes_nothing(
    ctx: AppContext, org: Org, elsewhere: Database
) -> None:
    a = _draft(ctx, org)
    window = boss(ctx, org)  # the supervisor in the office
    laptop = AppContext(elsewhere, window.actor)  # the same supervisor on another computer
    here = svc.appraisal_detail(window, a)
    there = svc.appraisal_detail(laptop, a)
    assert here.version == there.version
    new = svc.rate(
        window, a, "klient", "znacznie-powyzej", "Pochwały.", expected_version=here.version
    )
    assert new == here.version + 1
    with pytest.raises(StaleRecord, match=STALE):
        svc.rate(laptop, a, "klient", "ponizej", "Skargi.", expected_version=there.version)
    with ctx.db.session() as s:
        row = s.scalar(
            select(AppraisalRating).where(
                AppraisalRating.appraisal_id == a, AppraisalRating.criterion_code == "klient"
            )
        )
        assert row is not None
        assert (row.level_code, row.justification) == ("znacznie-powyzej", "Pochwały.")
    assert _version(ctx, a) == new
    # the refused window re-reads and may then make its change on what it now sees
    again = svc.appraisal_detail(laptop, a)
    assert next(x.level_code for x in again.criteria if x.code == "klient") == "znacznie-powyzej"
    svc.rate(laptop, a, "klient", "ponizej", "Skargi.", expected_version=again.version)


def test_one_window_s_consecutive_edits_pass(ctx: AppContext, org: Org) -> None:
    c = boss(ctx, org)
    a = svc.start_appraisal(c, org.clerk, org.sheet, "periodic", START, DAY, today=DAY)
    version = svc.appraisal_detail(c, a).version
    assert version == 1
    svc.set_criteria(c, a, ["cele"], expected_version=version)
    version = svc.appraisal_detail(c, a).version  # the editor re-reads after saving criteria
    for crit in svc.appraisal_detail(c, a).criteria:
        if crit.selected:
            for text in ("Pierwsza wersja", "Poprawione uzasadnienie"):  # autosave, then more
                version = svc.rate(c, a, crit.code, "powyzej", text, expected_version=version)
    svc.add_conversation_note(c, a, START, "Notatka.", expected_version=version)
    version = svc.appraisal_detail(c, a).version
    version = svc.record_conversation(c, a, DAY, expected_version=version)
    assert version == _version(ctx, a)  # the seal written at the commit is counted
    version = svc.acknowledge(c, a, date(2026, 3, 4), expected_version=version)
    assert svc.appraisal_detail(c, a).status == "acknowledged"
    assert version == _version(ctx, a)


def test_no_version_given_is_not_checked_but_bumps(ctx: AppContext, org: Org) -> None:
    """The command line and the demo do not read first: no check, the version still moves, so
    a window that read before is refused."""
    a = _draft(ctx, org)
    c = boss(ctx, org)
    seen = svc.appraisal_detail(c, a).version
    assert svc.rate(c, a, "klient", "ponizej", "Skargi.") == seen + 1
    with pytest.raises(StaleRecord):
        svc.rate(c, a, "klient", "powyzej", "Pochwały.", expected_version=seen)


def test_a_change_racing_another_between_reading_and_writing_is_refused(
    ctx: AppContext, org: Org, elsewhere: Database
) -> None:
    """Both read version n and both pass the check; the one that writes second finds the row
    at n+1 (SQLAlchemy's version_id_col) and gets the same StaleRecord, not a StaleDataError."""
    a = _draft(ctx, org)
    c = boss(ctx, org)
    with pytest.raises(StaleRecord, match=STALE), changing(c) as s:
        row = s.get(Appraisal, a)
        assert row is not None
        _change(s, c.actor, row, row.version)  # checked: nobody changed it yet
        _someone_else_changes(ctx, org, elsewhere, a)
        row.read_comment = "lost"
        s.flush()
    assert svc.appraisal_detail(c, a).read_comment == ""


def test_new_appraisals_start_at_version_1(ctx: AppContext, org: Org) -> None:
    a = _objected(ctx, org)
    director = org.as_(ctx, Role.SUPERVISOR, org.head, "a.glowna")
    new = svc.decide_objection(director, a, "upheld", date(2026, 3, 20), "Zasadne.", "changed")
    assert new is not None and _version(ctx, new) == 1
