"""Panels of feature areas not built yet: each says in one sentence what will be there."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from auditdesk.ui.panels import PanelSpec


def _tr(text: str) -> str:
    return QCoreApplication.translate("Panels", text)


class PlaceholderPanel(QWidget):
    def __init__(self, title: str, sentence: str) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        heading = QLabel(f"<h2>{title}</h2>")
        text = QLabel(sentence)
        text.setWordWrap(True)
        text.setObjectName("placeholderText")
        layout.addWidget(heading)
        layout.addWidget(text)
        layout.addStretch(1)
        layout.setAlignment(Qt.AlignmentFlag.AlignTop)


def _make(title: str, sentence: str) -> PlaceholderPanel:
    return PlaceholderPanel(_tr(title), _tr(sentence))


def panels() -> list[PanelSpec]:
    return [
        PanelSpec(
            "audits", 10, lambda: _tr("Audits"),
            lambda _d: _make(
                "Audits",
                "Mystery-client audits will be planned, filled in, scored and compared here.",
            ),
            "Ctrl+1",
        ),
        PanelSpec(
            "appraisals", 20, lambda: _tr("Appraisals"),
            lambda _d: _make(
                "Appraisals",
                "Periodic appraisals, ongoing feedback and development plans of your team "
                "will be kept here.",
            ),
            "Ctrl+2",
        ),
        PanelSpec(
            "monitoring", 30, lambda: _tr("Monitoring"),
            lambda _d: _make(
                "Monitoring",
                "The office-wide picture will be here: audit results, satisfaction surveys, "
                "complaints, research and cases settled on time.",
            ),
            "Ctrl+3",
        ),
        PanelSpec(
            "admin", 40, lambda: _tr("Administration"),
            lambda _d: _make(
                "Administration",
                "Users and roles, the audit trail, backups and integrity checks will be "
                "managed here.",
            ),
            "Ctrl+4",
        ),
    ]
