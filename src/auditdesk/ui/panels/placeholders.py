"""Panels of feature areas not built yet: each says in one sentence what will be there."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from auditdesk.ui.panels import PanelSpec

# key, order, title, sentence, shortcut — marked for lupdate, translated when shown
PLACEHOLDERS: list[tuple[str, int, object, object, str]] = [
    (
        "audits",
        10,
        QT_TRANSLATE_NOOP("Panels", "Audits"),
        QT_TRANSLATE_NOOP(
            "Panels", "Mystery-client audits will be planned, filled in, scored and compared here."
        ),
        "Ctrl+1",
    ),
    (
        "appraisals",
        20,
        QT_TRANSLATE_NOOP("Panels", "Appraisals"),
        QT_TRANSLATE_NOOP(
            "Panels",
            "Periodic appraisals, ongoing feedback and development plans "
            "of your team will be kept here.",
        ),
        "Ctrl+2",
    ),
    (
        "monitoring",
        30,
        QT_TRANSLATE_NOOP("Panels", "Monitoring"),
        QT_TRANSLATE_NOOP(
            "Panels",
            "The office-wide picture will be here: audit results, "
            "satisfaction surveys, complaints, research and cases settled "
            "on time.",
        ),
        "Ctrl+3",
    ),
    (
        "admin",
        40,
        QT_TRANSLATE_NOOP("Panels", "Administration"),
        QT_TRANSLATE_NOOP(
            "Panels",
            "Users and roles, the audit trail, backups and integrity checks will be managed here.",
        ),
        "Ctrl+5",
    ),
]


def _tr(text: str) -> str:
    return QCoreApplication.translate("Panels", text)


class PlaceholderPanel(QWidget):
    def __init__(self, title: str, sentence: str) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<h2>{title}</h2>"))
        text = QLabel(sentence)
        text.setWordWrap(True)
        text.setObjectName("placeholderText")
        layout.addWidget(text)
        layout.addStretch(1)
        layout.setAlignment(Qt.AlignmentFlag.AlignTop)


def _spec(key: str, order: int, title_: object, sentence_: object, shortcut: str) -> PanelSpec:
    title, sentence = str(title_), str(sentence_)  # QT_TRANSLATE_NOOP is typed as object
    return PanelSpec(
        key,
        order,
        lambda: _tr(title),
        lambda _deps: PlaceholderPanel(_tr(title), _tr(sentence)),
        shortcut,
    )


def panels() -> list[PanelSpec]:
    return [_spec(*row) for row in PLACEHOLDERS]
