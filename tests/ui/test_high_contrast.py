"""The audit editor in a high-contrast theme (issue 19): white on black, as Windows' and GNOME's
high-contrast themes are. Every text of a question row must stay readable: WCAG's contrast ratio
of at least 4.5:1 between the text and what is behind it, measured on the pixels Qt draws (a
colour fixed for a light theme — a light blue behind the current question, a dark red for
"critical" — is unreadable on black)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from auditdesk.services.context import Actor, AppContext
from auditdesk.store.migrate import open_database
from auditdesk.store.models import User
from auditdesk.ui.i18n import install_language

MINIMUM = 4.5  # WCAG 2.1, 1.4.3, normal text


def luminance(colour: QColor) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.red())
        + 0.7152 * channel(colour.green())
        + 0.0722 * channel(colour.blue())
    )


def contrast(a: QColor, b: QColor) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def text_contrast(label: QLabel) -> float:
    """The label as drawn inside its window: the commonest colour is the background, the text's
    core pixels the ones that differ most from it."""
    window = label.window()
    image: QImage = window.grab().toImage()
    origin = label.mapTo(window, label.rect().topLeft())
    colours: Counter[int] = Counter()
    for y in range(origin.y(), origin.y() + label.height()):
        for x in range(origin.x(), origin.x() + label.width()):
            colours[image.pixel(x, y)] += 1
    background = QColor.fromRgb(colours.most_common(1)[0][0])
    return max(contrast(background, QColor.fromRgb(rgb)) for rgb in colours)


def high_contrast_palette() -> QPalette:
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#000000"),
        (QPalette.ColorRole.WindowText, "#ffffff"),
        (QPalette.ColorRole.Base, "#000000"),
        (QPalette.ColorRole.AlternateBase, "#1a1a1a"),
        (QPalette.ColorRole.Text, "#ffffff"),
        (QPalette.ColorRole.Button, "#000000"),
        (QPalette.ColorRole.ButtonText, "#ffffff"),
        (QPalette.ColorRole.Highlight, "#ffff00"),
        (QPalette.ColorRole.HighlightedText, "#000000"),
        (QPalette.ColorRole.PlaceholderText, "#c0c0c0"),
    ):
        palette.setColor(role, QColor(colour))
    return palette


@pytest.fixture
def dark(qapp: QApplication) -> Iterator[None]:
    old = qapp.palette()
    qapp.setPalette(high_contrast_palette())
    install_language(qapp, "en")
    yield
    qapp.setPalette(old)


@pytest.fixture
def auditor(copy_demo: Callable[[Path], Path], tmp_path: Path) -> Iterator[AppContext]:
    db = open_database(str(copy_demo(tmp_path / "demo.sqlite")))
    with db.session() as s:
        user = s.scalar(select(User).where(User.login == "audytor1"))
        assert user is not None
        actor = Actor.of(user)
    yield AppContext(db, actor)
    db.dispose()


def row_labels(row: QWidget) -> list[QLabel]:
    return [
        label
        for label in row.findChildren(QLabel)
        if label.isVisible() and label.text().strip() and label.width() > 4
    ]


def test_the_measure_can_fail(qtbot: QtBot, dark: None) -> None:
    """White text on a light blue, the current question's old colours, measures below 4.5."""
    box = QWidget()
    qtbot.addWidget(box)
    box.setStyleSheet("background: #eef4fd;")
    label = QLabel("1.1 The official greeted the client", box)
    label.resize(300, 30)
    box.resize(320, 40)
    box.show()
    qtbot.waitExposed(box)
    assert text_contrast(label) < MINIMUM


def test_every_text_of_a_question_row_is_readable_in_high_contrast(
    qtbot: QtBot, dark: None, auditor: AppContext
) -> None:
    from test_accessibility_names import _new_visit

    from auditdesk.ui.audits.editor import AuditEditor

    editor = AuditEditor(lambda: auditor, _new_visit(auditor), lambda: None, language="en")
    qtbot.addWidget(editor)
    editor.resize(1200, 700)
    editor.show()
    qtbot.waitExposed(editor)
    critical = next(i for i, r in editor.rows.items() if r.item.critical)
    rows = [editor.order[0], critical]
    weak: set[str] = set()
    for current in rows:  # each row measured as the current one (its own frame) and not
        editor.focus_item(current)
        QCoreApplication.processEvents()
        for item_id in rows:
            for label in row_labels(editor.rows[item_id]):
                ratio = text_contrast(label)
                if ratio < MINIMUM:
                    weak.add(f"{item_id}: {label.text()!r} {ratio:.1f}:1")
    assert not weak, "\n".join(sorted(weak))
