# ruff: noqa: F811  (the `world` fixture is imported from the appraisal window tests)
"""Two editors on one appraisal (issue 16): the second one's save, made on what it read before
the first saved, is refused with the audits' message in the window's language; it then shows
what is stored and says what of its own was not saved; its next change, on what it now shows,
passes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot
from test_appraisals_window import Session, _sheet, activate, world  # noqa: F401

from auditdesk.services import appraisals as svc
from auditdesk.ui.appraisals.editor import AppraisalEditor
from auditdesk.ui.i18n import install_language


def _chosen(world: Session) -> int:
    """A draft with its criteria chosen, nothing rated yet."""
    c = world.context()
    a = svc.start_appraisal(c, world.ids["clerk"], _sheet(c), today=world.today)
    svc.set_criteria(c, a, ["cele"])
    return a


def _open(qtbot: QtBot, world: Session, appraisal: int, language: str) -> AppraisalEditor:
    ed = AppraisalEditor(world.context, appraisal, language, lambda: world.today)
    qtbot.addWidget(ed)
    activate(qtbot, ed)
    ed.step(1)  # the ratings, on the first criterion
    return ed


def _rate(ed: AppraisalEditor, level: str, why: str) -> None:
    """Types the justification, then chooses the level (saved at once)."""
    ed.justification.setFocus()
    ed.justification.setPlainText(why)
    ed.level.setCurrentIndex(ed.level.findData(level))


def _stored(world: Session, a: int, code: str) -> tuple[str | None, str]:
    c = next(x for x in svc.appraisal_detail(world.context(), a).criteria if x.code == code)
    return c.level_code, c.justification


@pytest.fixture
def polish() -> Iterator[None]:
    app = QCoreApplication.instance()
    assert app is not None
    install_language(app, "pl")
    yield
    install_language(app, "en")


def _two_editors_one_rating(
    qtbot: QtBot, world: Session, language: str
) -> tuple[int, str, AppraisalEditor]:
    a = _chosen(world)
    first = _open(qtbot, world, a, language)
    second = _open(qtbot, world, a, language)  # another window, read before the first saves
    code = first._rating_code
    assert code is not None and second._rating_code == code
    _rate(first, "powyzej", "Terminowo i rzetelnie.")
    assert not first.message.is_error, first.message.text()
    assert _stored(world, a, code) == ("powyzej", "Terminowo i rzetelnie.")
    _rate(second, "ponizej", "Skargi klientów.")  # on the stale reading
    assert second.message.is_error
    # nothing of the refused save is stored; the window shows what is
    assert _stored(world, a, code) == ("powyzej", "Terminowo i rzetelnie.")
    assert second.level.currentData() == "powyzej"
    assert second.justification.toPlainText() == "Terminowo i rzetelnie."
    return a, code, second


def test_the_second_editor_s_stale_rating_is_refused_and_shows_the_stored_one(
    qtbot: QtBot, world: Session
) -> None:
    a, code, second = _two_editors_one_rating(qtbot, world, "en")
    message = second.message.text()
    assert "was changed by p.kierowniczy at" in message and "reload it" in message
    assert "was not saved; the stored one is shown" in message
    assert "What you typed: “Skargi klientów.”" in message  # nothing lost silently
    # its next change, made on what it now shows, passes
    second.justification.setPlainText("Terminowo, bez skarg.")
    second.save_rating_and_next()
    assert not second.message.is_error, second.message.text()
    assert _stored(world, a, code) == ("powyzej", "Terminowo, bez skarg.")


def test_one_editor_s_consecutive_saves_pass(qtbot: QtBot, world: Session) -> None:
    a = _chosen(world)
    ed = _open(qtbot, world, a, "en")
    for row in range(ed.rating_list.count()):
        ed.rating_list.setCurrentRow(row)
        _rate(ed, "powyzej", f"Uzasadnienie {row}")
        ed.justification.setPlainText(f"Uzasadnienie {row}, poprawione")
        ed.save_rating_and_next()
        assert not ed.message.is_error, ed.message.text()
    view = svc.appraisal_detail(world.context(), a)
    assert all(
        c.level_code == "powyzej" and c.justification.endswith("poprawione")
        for c in view.criteria
        if c.selected
    )
    ed.area_name.setText("Prosty język")
    ed.add_area()
    ed.note_text.setPlainText("Omówiono cele.")
    ed.add_note()
    assert not ed.message.is_error, ed.message.text()
    assert ed.version == svc.appraisal_detail(world.context(), a).version


def test_the_refusal_is_in_the_window_s_language(
    qtbot: QtBot, world: Session, polish: None
) -> None:
    _, _, second = _two_editors_one_rating(qtbot, world, "pl")
    message = second.message.text()
    assert "został zmieniony przez użytkownika p.kierowniczy" in message
    assert "Rekord „ocena okresowa” nr" in message  # the kind named in Polish, not "appraisal"
    assert "was changed" not in message and "not saved" not in message
    assert "Skargi klientów." in message
