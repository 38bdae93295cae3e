"""HR bulk export: every matching protocol as PDF with index.csv/index.xlsx, optionally signed
and zipped, in the background with progress and cancel."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from auditdesk.reports.batch import Pkcs11Source, Pkcs12Source, SignOptions
from auditdesk.services.protocols.export import BulkResult, ExportFilter, export_all, unit_choices
from auditdesk.ui.errors import error_text
from auditdesk.ui.panels import PanelDeps
from auditdesk.ui.qdates import to_date, to_qdate
from auditdesk.ui.tasks import Cancelled, Progress


class BulkExportDialog(QDialog):
    def __init__(self, deps: PanelDeps, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.deps = deps
        self.outcome: BulkResult | None = None
        self.setWindowTitle(self.tr("Export protocols for HR"))
        form = QFormLayout(self)
        row = QHBoxLayout()
        self.out_dir = QLineEdit()
        self.out_dir.setObjectName("out_dir")
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self._browse)
        row.addWidget(self.out_dir, 1)
        row.addWidget(browse)
        folder_label = QLabel(self.tr("&Folder:"))
        folder_label.setBuddy(self.out_dir)  # a row holding a layout gets no buddy by itself
        form.addRow(folder_label, row)
        today = to_qdate(deps.context().clock.today())
        self.use_from = QCheckBox(self.tr("&From:"))
        self.date_from = QDateEdit(today.addMonths(-12))
        self.date_from.setCalendarPopup(True)
        self.use_to = QCheckBox(self.tr("&To:"))
        self.date_to = QDateEdit(today)
        self.date_to.setCalendarPopup(True)
        self.date_from.setAccessibleName(self.tr("&From:").replace("&", ""))
        self.date_to.setAccessibleName(self.tr("&To:").replace("&", ""))
        for check, edit in ((self.use_from, self.date_from), (self.use_to, self.date_to)):
            edit.setDisplayFormat("dd.MM.yyyy")
            edit.setEnabled(False)
            check.toggled.connect(edit.setEnabled)
            form.addRow(check, edit)
        self.unit = QComboBox()
        self.unit.setObjectName("unit")
        self.unit.addItem(self.tr("All units"), "")
        try:
            for code, name in unit_choices(deps.context()):
                self.unit.addItem(f"{code} — {name}", code)
        except Exception as exc:  # no permission: the export itself will say so
            self.unit.setToolTip(error_text(exc))
        form.addRow(self.tr("&Unit (with sub-units):"), self.unit)
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        self.kind.addItem(self.tr("Audits and appraisals"), "")
        self.kind.addItem(self.tr("Mystery-client audits"), "audit")
        self.kind.addItem(self.tr("Appraisals"), "appraisal")
        form.addRow(self.tr("&Records:"), self.kind)
        self.sign = QCheckBox(self.tr("&Sign unsigned protocols (locks the records)"))
        form.addRow(self.sign)
        self.sign_with = QComboBox()
        self.sign_with.setObjectName("signWith")
        self.sign_with.addItem(self.tr("Certificate file (PKCS#12)"), "p12")
        token = deps.settings.pkcs11_token_label
        if deps.settings.pkcs11_module and token:
            self.sign_with.addItem(
                self.tr("Card or token “%1” (settings)").replace("%1", token), "token"
            )
        form.addRow(self.tr("Sign &with:"), self.sign_with)
        p12_row = QHBoxLayout()
        self.p12 = QLineEdit()
        self.p12.setObjectName("p12")
        self.p12.setAccessibleName(self.tr("Certificate file:"))
        self.p12_browse = QPushButton(self.tr("B&rowse…"))
        self.p12_browse.clicked.connect(self._browse_p12)
        p12_row.addWidget(self.p12, 1)
        p12_row.addWidget(self.p12_browse)
        form.addRow(self.tr("Certificate file:"), p12_row)
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("&Password or PIN:"), self.password)
        self.sign.toggled.connect(self._signing_changed)
        self.sign_with.currentIndexChanged.connect(self._signing_changed)
        self._signing_changed()
        self.zip = QCheckBox(self.tr("One &ZIP file instead of separate files"))
        form.addRow(self.zip)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        form.addRow(self.summary)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Close
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Export"))
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export folder"))
        if folder:
            self.out_dir.setText(folder)

    def _signing_changed(self) -> None:
        on = self.sign.isChecked()
        with_file = self.sign_with.currentData() == "p12"
        self.sign_with.setEnabled(on)
        self.password.setEnabled(on)
        self.p12.setEnabled(on and with_file)
        self.p12_browse.setEnabled(on and with_file)

    def _browse_p12(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Certificate file"), "", self.tr("PKCS#12 (*.p12 *.pfx)")
        )
        if name:
            self.p12.setText(name)

    def _filter(self) -> ExportFilter:
        return ExportFilter(
            to_date(self.date_from.date()) if self.use_from.isChecked() else None,
            to_date(self.date_to.date()) if self.use_to.isChecked() else None,
            str(self.unit.currentData()) or None,
            str(self.kind.currentData()) or None,
        )

    def start(self) -> None:
        if not self.out_dir.text().strip():
            QMessageBox.warning(self, self.windowTitle(), self.tr("Choose the export folder."))
            return
        sign = None
        if self.sign.isChecked():
            settings = self.deps.settings
            source: Pkcs12Source | Pkcs11Source
            if self.sign_with.currentData() == "token":
                source = Pkcs11Source(
                    settings.pkcs11_module,
                    settings.pkcs11_token_label,
                    settings.pkcs11_key_label,
                    self.password.text(),
                )
            elif not self.p12.text().strip():
                QMessageBox.warning(
                    self, self.windowTitle(), self.tr("Choose the certificate file to sign with.")
                )
                return
            else:
                source = Pkcs12Source(Path(self.p12.text().strip()), self.password.text().encode())
            sign = SignOptions(source, "Zatwierdzenie protokołu", "", settings.tsa_url)
        ctx, out, flt, make_zip = (
            self.deps.context(),
            Path(self.out_dir.text().strip()),
            self._filter(),
            self.zip.isChecked(),
        )

        def task(progress: Progress) -> BulkResult:
            result = export_all(
                ctx,
                out,
                flt,
                sign=sign,
                make_zip=make_zip,
                on_progress=progress.update,
                is_cancelled=lambda: progress.cancelled,
            )
            if result.cancelled:
                raise Cancelled()
            return result

        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.deps.runner.submit(
            task,
            self._done,
            self._failed,
            on_cancel=self._cancelled,
            title=self.tr("Exporting protocols…"),
            parent=self,
        )

    def _done(self, result: BulkResult) -> None:
        self.outcome = result
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
        where = str(result.zip_path or result.out_dir)
        text = (
            self.tr("Exported %1 of %2 protocols to %3 (%4 signed now).")
            .replace("%1", str(len(result.files)))
            .replace("%2", str(result.total))
            .replace("%3", where)
            .replace("%4", str(result.signed_now))
        )
        if result.problems:
            text += "\n" + "\n".join(result.problems[:10])
        self.summary.setText(text)

    def _failed(self, exc: BaseException, _tb: str) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
        QMessageBox.warning(self, self.windowTitle(), error_text(exc))

    def _cancelled(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
        self.summary.setText(
            self.tr(
                "Cancelled. Files already finished were kept whole; nothing half-written was left."
            )
        )
