"""About: version, the libraries behind it, and the licences of the bundled fonts."""

from __future__ import annotations

import platform

from PySide6.QtCore import qVersion
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from auditdesk import __version__
from auditdesk.resources import resource_path


def font_licences() -> str:
    """Every bundled licence text (resources/fonts/LICENSE-*.txt), each under its file name."""
    parts = []
    for path in sorted(resource_path("fonts").glob("LICENSE-*.txt")):
        parts.append(f"== {path.name} ==\n{path.read_text(encoding='utf-8').strip()}")
    return "\n\n".join(parts)


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About AuditDesk"))
        layout = QVBoxLayout(self)
        heading = QLabel(
            "<h2>AuditDesk {}</h2><p>{}</p><p>{}</p>".format(
                __version__,
                self.tr(
                    "Monitoring and measuring customer-service standards in a public office: "
                    "mystery-client audits, appraisals, satisfaction surveys, complaints, "
                    "research and timeliness of cases."
                ),
                self.tr("Python {0}, Qt {1}").format(platform.python_version(), qVersion()),
            )
        )
        heading.setObjectName("aboutHeading")
        heading.setWordWrap(True)
        layout.addWidget(heading)
        layout.addWidget(QLabel(self.tr("Licences of the bundled fonts:")))
        self.licences = QPlainTextEdit(font_licences())
        self.licences.setObjectName("fontLicences")
        self.licences.setAccessibleName(self.tr("Font licences"))
        self.licences.setReadOnly(True)
        self.licences.setMinimumSize(600, 260)
        layout.addWidget(self.licences)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
