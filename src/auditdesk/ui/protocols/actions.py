"""Entry points the audits and appraisals panels call: open a record's protocol dialog, export
for HR, verify a signed file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton, QWidget

from auditdesk.ui.errors import error_text
from auditdesk.ui.panels import PanelDeps

if TYPE_CHECKING:  # signing, PDF and XLSX are imported when a protocol is used (issue 14)
    from auditdesk.services import protocols
    from auditdesk.ui.protocols.dialogs import ProtocolDialog
    from auditdesk.ui.protocols.export_dialog import BulkExportDialog


def open_protocol_dialog(
    parent: QWidget | None, deps: PanelDeps, kind: str, record_id: int
) -> ProtocolDialog:
    """Shows the protocol of an audit ("audit") or appraisal ("appraisal"); modal."""
    from auditdesk.ui.protocols.dialogs import ProtocolDialog

    dialog = ProtocolDialog(deps, kind, record_id, parent)
    dialog.exec()
    return dialog


def open_bulk_export_dialog(parent: QWidget | None, deps: PanelDeps) -> BulkExportDialog:
    from auditdesk.ui.protocols.export_dialog import BulkExportDialog

    dialog = BulkExportDialog(deps, parent)
    dialog.exec()
    return dialog


def verify_report_text(parent: QWidget, report: protocols.VerifyReport) -> str:
    res = report.result
    if not res.signed:
        return QCoreApplication.translate("Protocols", "This file carries no electronic signature.")
    lines = []
    for sig in res.signatures:
        when = sig.signing_time.strftime("%d.%m.%Y %H:%M:%S %Z") if sig.signing_time else "?"
        lines.append(
            QCoreApplication.translate("Protocols", "Signer: %1").replace("%1", sig.signer)
        )
        lines.append(
            QCoreApplication.translate("Protocols", "Signing time: %1").replace("%1", when)
        )
        lines.append(
            QCoreApplication.translate("Protocols", "Intact: yes")
            if sig.intact
            else QCoreApplication.translate(
                "Protocols", "Intact: NO — the file was changed after signing"
            )
        )
        lines.append(
            QCoreApplication.translate("Protocols", "Qualified certificate: yes")
            if sig.qualified
            else QCoreApplication.translate("Protocols", "Qualified certificate: no")
        )
    if report.stored_as:
        lines.append(
            QCoreApplication.translate("Protocols", "Matches the stored protocol of %1").replace(
                "%1", report.stored_as
            )
        )
    else:
        lines.append(
            QCoreApplication.translate(
                "Protocols", "No protocol stored in the database has this SHA-256."
            )
        )
    lines.append(f"SHA-256: {res.sha256}")
    return "\n".join(lines)


def verify_file_dialog(parent: QWidget, deps: PanelDeps, path: Path | None = None) -> str:
    """Asks for a PDF (unless given), checks it and shows the result; returns the text."""
    if path is None:
        name, _ = QFileDialog.getOpenFileName(
            parent,
            QCoreApplication.translate("Protocols", "Verify a signed protocol"),
            "",
            "PDF (*.pdf)",
        )
        if not name:
            return ""
        path = Path(name)
    try:
        from auditdesk.services import protocols

        report = protocols.verify_protocol_file(deps.context(), path)
    except Exception as exc:
        QMessageBox.warning(
            parent, QCoreApplication.translate("Protocols", "Verify"), error_text(exc)
        )
        return error_text(exc)
    text = verify_report_text(parent, report)
    box = QMessageBox.information if report.exit_code == 0 else QMessageBox.warning
    box(parent, QCoreApplication.translate("Protocols", "Verify"), text)
    return text


def protocol_button(
    owner: QWidget,
    deps: PanelDeps,
    kind: str,
    current_id: Callable[[], int | None],
    after: Callable[[], None] | None = None,
) -> QPushButton:
    """A "Protocol… (Ctrl+P)" button for a list of audits or appraisals: opens the protocol
    dialog of the selected record. Ctrl+P works anywhere inside `owner`."""
    button = QPushButton(QCoreApplication.translate("Protocols", "Protocol… (Ctrl+P)"))
    button.setObjectName("protocol_button")

    def open_current() -> None:
        record_id = current_id()
        if record_id is None:
            return
        open_protocol_dialog(owner, deps, kind, record_id)
        if after is not None:
            after()

    button.clicked.connect(open_current)
    shortcut = QShortcut(QKeySequence("Ctrl+P"), owner)
    shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    shortcut.activated.connect(open_current)
    return button
