"""The protocol dialog (preview, drawn signatures, signing, saving) and its sign and pad dialogs."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from auditdesk.files import write_private_bytes
from auditdesk.services import protocols
from auditdesk.ui.errors import error_text
from auditdesk.ui.help import open_help
from auditdesk.ui.panels import PanelDeps
from auditdesk.ui.protocols.preview import PdfPreview, render_pages
from auditdesk.ui.protocols.signature_pad import SignaturePad
from auditdesk.ui.tasks import Progress


def role_label(role: str) -> str:
    labels = {
        "auditor": QCoreApplication.translate("Protocols", "Auditor"),
        "appraiser": QCoreApplication.translate("Protocols", "Appraiser"),
        "employee": QCoreApplication.translate("Protocols", "Employee"),
    }
    return labels.get(role, role)


class SignatureDialog(QDialog):
    """Draw a handwritten signature; Ctrl+Z undoes the last stroke."""

    def __init__(self, who: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Signature: %1").replace("%1", who))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Sign in the box with the mouse, a pen or a finger.")))
        self.pad = SignaturePad()
        layout.addWidget(self.pad, 1)
        row = QHBoxLayout()
        self.undo_button = QPushButton(self.tr("&Undo stroke"))
        self.undo_button.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_button.clicked.connect(self.pad.undo_stroke)
        self.clear_button = QPushButton(self.tr("C&lear"))
        self.clear_button.clicked.connect(self.pad.clear)
        row.addWidget(self.undo_button)
        row.addWidget(self.clear_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.pad.changed.connect(self._update)
        self._update()

    def _update(self) -> None:
        empty = self.pad.is_empty()
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not empty)
        self.undo_button.setEnabled(bool(self.pad.strokes))
        self.clear_button.setEnabled(bool(self.pad.strokes))

    def png(self) -> bytes:
        return self.pad.to_png()


@dataclass(frozen=True)
class SignParams:
    use_token: bool
    p12: Path | None
    secret: str  # password or PIN: used once, never stored
    reason: str
    location: str


class SignDialog(QDialog):
    """Choose the key (PKCS#12 file or the PKCS#11 token from the settings) and sign."""

    def __init__(self, deps: PanelDeps, reason: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.deps = deps
        settings = deps.settings
        self.setWindowTitle(self.tr("Sign electronically"))
        form = QFormLayout(self)
        self.file_choice = QRadioButton(self.tr("Certificate &file (PKCS#12)"))
        self.token_choice = QRadioButton(self.tr("Smart &card or token (PKCS#11)"))
        group = QButtonGroup(self)
        group.addButton(self.file_choice)
        group.addButton(self.token_choice)
        token_ready = bool(settings.pkcs11_module and settings.pkcs11_token_label)
        self.token_choice.setEnabled(token_ready)
        if token_ready:
            self.token_choice.setToolTip(
                self.tr("Token %1, key %2")
                .replace("%1", settings.pkcs11_token_label)
                .replace("%2", settings.pkcs11_key_label)
            )
        else:
            self.token_choice.setToolTip(self.tr("Set the PKCS#11 module and token in Settings"))
        self.file_choice.setChecked(True)
        form.addRow(self.file_choice)
        file_row = QHBoxLayout()
        self.p12 = QLineEdit()
        self.p12.setObjectName("p12")
        self.p12.setAccessibleName(self.tr("Certificate file:"))
        self.p12.setPlaceholderText(self.tr("signer.p12"))
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self._browse)
        file_row.addWidget(self.p12, 1)
        file_row.addWidget(browse)
        form.addRow(self.tr("Certificate file:"), file_row)
        form.addRow(self.token_choice)
        self.secret = QLineEdit()
        self.secret.setObjectName("secret")
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("&Password or PIN:"), self.secret)
        self.reason = QLineEdit(reason)
        form.addRow(self.tr("&Reason:"), self.reason)
        self.location = QLineEdit()
        form.addRow(self.tr("&Place:"), self.location)
        # what the level means to an office user, with the technical name in brackets
        level = (
            self.tr(
                "Signature with a time stamp (PAdES B-T): the time of signing is confirmed "
                "by the time-stamp server"
            )
            if settings.tsa_url
            else self.tr(
                "Basic signature (PAdES B-B), without a time stamp: the time of signing is "
                "taken from this computer (set a time-stamp server in Settings to add one)"
            )
        )
        self.level = QLabel(level)
        self.level.setWordWrap(True)
        form.addRow(self.tr("Signature type:"), self.level)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Sign"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Certificate file"), "", self.tr("PKCS#12 (*.p12 *.pfx)")
        )
        if name:
            self.p12.setText(name)

    def _accept(self) -> None:
        if self.file_choice.isChecked() and not self.p12.text().strip():
            QMessageBox.warning(self, self.windowTitle(), self.tr("Choose the certificate file."))
            return
        self.accept()

    def params(self) -> SignParams:
        return SignParams(
            use_token=self.token_choice.isChecked(),
            p12=Path(self.p12.text().strip()) if self.file_choice.isChecked() else None,
            secret=self.secret.text(),
            reason=self.reason.text().strip(),
            location=self.location.text().strip(),
        )


class ProtocolDialog(QDialog):
    """The protocol as it will print: preview, drawn signatures, electronic signature, save."""

    def __init__(
        self, deps: PanelDeps, kind: str, record_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.deps = deps
        self.kind = kind
        self.record_id = record_id
        self.exported: protocols.ExportedProtocol | None = None
        self.resize(1000, 760)
        layout = QHBoxLayout(self)
        self.preview = PdfPreview(runner=deps.runner)
        self._generation = 0  # of the reloads asked for: only the latest one is shown
        layout.addWidget(self.preview, 1)
        side = QVBoxLayout()
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.state.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        side.addWidget(self.state)
        self.draw_buttons: dict[str, QPushButton] = {}
        for n, role in enumerate(protocols.ROLES[kind], start=1):
            button = QPushButton(self.tr("Draw signature: %1…").replace("%1", role_label(role)))
            button.setShortcut(QKeySequence(f"Ctrl+{n}"))
            button.clicked.connect(lambda _=False, r=role: self.draw(r))
            side.addWidget(button)
            self.draw_buttons[role] = button
        self.sign_button = QPushButton(self.tr("Sign &electronically…"))
        self.sign_button.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.sign_button.clicked.connect(self.sign)
        side.addWidget(self.sign_button)
        self.save_button = QPushButton(self.tr("&Save PDF…"))
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.save_button.clicked.connect(self.save)
        side.addWidget(self.save_button)
        side.addStretch(1)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        side.addWidget(close)
        panel = QWidget()
        panel.setLayout(side)
        panel.setFixedWidth(300)
        layout.addWidget(panel)
        QShortcut(QKeySequence.StandardKey.Refresh, self, self.reload)
        # F1: the guide's page on protocols (issue 15), beside this dialog
        QShortcut(
            QKeySequence("F1"), self, lambda: open_help(self, "protocols", deps.settings.language)
        )
        self.reload()

    def context(self) -> Any:
        return self.deps.context()

    def reload(self) -> None:
        """Builds the protocol and renders its pages on a worker (issue 14), then shows them;
        until then the buttons that use the protocol wait."""
        self._generation += 1
        generation = self._generation
        ctx, kind, record_id, scale = self.context(), self.kind, self.record_id, self.preview.scale
        for button in (*self.draw_buttons.values(), self.sign_button, self.save_button):
            button.setEnabled(False)

        def work(_progress: Progress) -> tuple[protocols.ExportedProtocol, list[QImage]]:
            exported = protocols.export_protocol(ctx, kind, record_id, preview=True)
            return exported, render_pages(exported.pdf, scale)

        def done(result: tuple[protocols.ExportedProtocol, list[QImage]]) -> None:
            if generation == self._generation:
                self._loaded(*result)

        def failed(exc: BaseException, _tb: str) -> None:
            if generation != self._generation:
                return
            # shown to the user: the record may be gone or not readable
            QMessageBox.warning(self, self.tr("Protocol"), error_text(exc))
            self.exported = None

        self.deps.runner.submit(work, done, failed)

    def _loaded(self, exported: protocols.ExportedProtocol, images: list[QImage]) -> None:
        self.exported = exported
        self.setWindowTitle(self.tr("Protocol %1").replace("%1", exported.record_number))
        self.preview.set_pdf(exported.pdf, images)
        self.save_button.setEnabled(True)
        if exported.signed:
            when = exported.signed_at.strftime("%d.%m.%Y %H:%M") if exported.signed_at else ""
            text = self.tr(
                "Signed electronically by %1 on %2 (UTC). The record is locked; this "
                "is the stored signed file."
            ).replace("%1", exported.signer)
            text = text.replace("%2", when)
        else:
            text = self.tr(
                "Not signed yet. Check the preview, add the drawn signatures, then "
                "sign electronically."
            )
        pages = self.tr("Pages: %1").replace("%1", str(self.preview.page_count))
        digest = f"{exported.sha256[:32]}\n{exported.sha256[32:]}"
        self.state.setText(f"{text}\n\n{pages}\nSHA-256:\n{digest}")
        for button in self.draw_buttons.values():
            button.setEnabled(not exported.signed)
        self.sign_button.setEnabled(not exported.signed)

    def draw(self, role: str) -> None:
        dialog = SignatureDialog(role_label(role), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.store_drawing(role, dialog.png())

    def store_drawing(self, role: str, png: bytes) -> None:
        try:
            protocols.save_drawn_signature(self.context(), self.kind, self.record_id, role, png)
        except Exception as exc:
            QMessageBox.warning(self, self.tr("Signature"), error_text(exc))
            return
        self.reload()

    def sign(self) -> None:
        dialog = SignDialog(self.deps, protocols.DEFAULT_REASON[self.kind], self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.sign_with(dialog.params())

    def sign_with(self, params: SignParams) -> None:
        ctx, kind, record_id = self.context(), self.kind, self.record_id
        settings = self.deps.settings
        options = {
            "reason": params.reason,
            "location": params.location,
            "tsa_url": settings.tsa_url,
        }

        def task(_progress: Progress) -> protocols.ExportedProtocol:
            if params.use_token:
                return protocols.sign_with_pkcs11(
                    ctx,
                    kind,
                    record_id,
                    module=settings.pkcs11_module,
                    token=settings.pkcs11_token_label,
                    key=settings.pkcs11_key_label,
                    pin=params.secret,
                    **options,
                )
            assert params.p12 is not None
            return protocols.sign_with_pkcs12(
                ctx, kind, record_id, params.p12, params.secret.encode("utf-8"), **options
            )

        def failed(exc: BaseException, _tb: str) -> None:
            QMessageBox.warning(self, self.tr("Signing failed"), error_text(exc))

        self.deps.runner.submit(
            task, lambda _r: self.reload(), failed, title=self.tr("Signing…"), parent=self
        )

    def save(self) -> None:
        if self.exported is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save protocol"), f"{self.exported.file_stem}.pdf", "PDF (*.pdf)"
        )
        if name:
            self.save_to(Path(name))

    def save_to(self, path: Path) -> None:
        assert self.exported is not None
        tmp = path.with_name(f".{path.name}.part")
        try:
            write_private_bytes(tmp, self.exported.pdf)  # owner-only (auditdesk.files)
            tmp.replace(path)
            protocols.record_export(self.context(), self.exported)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            QMessageBox.warning(self, self.tr("Save protocol"), f"{path}: {exc.strerror}")
            return
        self.confirm_saved(path)

    def confirm_saved(self, path: Path) -> None:
        """Says where the file went and offers to open its folder."""
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Save protocol"),
            self.tr("The protocol was saved as:\n%1").replace("%1", str(path)),
            QMessageBox.StandardButton.Close,
            self,
        )
        open_folder = box.addButton(self.tr("&Open folder"), QMessageBox.ButtonRole.ActionRole)
        box.exec()
        if box.clickedButton() is open_folder:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))
