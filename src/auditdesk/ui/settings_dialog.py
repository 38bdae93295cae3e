"""The settings dialog: language and the options that matter to an office."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from auditdesk.settings import Settings


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Settings"))
        form = QFormLayout(self)
        self.language = QComboBox()
        self.language.setObjectName("language")
        self.language.addItem("Polski", "pl")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(self.language.findData(settings.language), 0))
        form.addRow(self.tr("&Language:"), self.language)
        self.evidence_max = QSpinBox()
        self.evidence_max.setRange(1, 2048)
        self.evidence_max.setSuffix(" MB")
        self.evidence_max.setValue(settings.evidence_max_mb)
        form.addRow(self.tr("Largest &evidence file:"), self.evidence_max)
        self.backup_keep = QSpinBox()
        self.backup_keep.setRange(1, 365)
        self.backup_keep.setValue(settings.backup_keep)
        form.addRow(self.tr("Automatic &backups kept:"), self.backup_keep)
        self.tsa_url = QLineEdit(settings.tsa_url)
        self.tsa_url.setPlaceholderText(self.tr("empty: signatures without a time-stamp (B-B)"))
        form.addRow(self.tr("&Time-stamp server (TSA) URL:"), self.tsa_url)
        self.pkcs11_module = QLineEdit(settings.pkcs11_module)
        form.addRow(self.tr("PKCS#11 &module (smart card):"), self.pkcs11_module)
        self.pkcs11_token = QLineEdit(settings.pkcs11_token_label)
        form.addRow(self.tr("PKCS#11 t&oken label:"), self.pkcs11_token)
        self.pkcs11_key = QLineEdit(settings.pkcs11_key_label)
        form.addRow(self.tr("PKCS#11 &key label:"), self.pkcs11_key)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def apply(self) -> None:
        s = self.settings
        s.language = str(self.language.currentData())
        s.evidence_max_mb = self.evidence_max.value()
        s.backup_keep = self.backup_keep.value()
        s.tsa_url = self.tsa_url.text().strip()
        s.pkcs11_module = self.pkcs11_module.text().strip()
        s.pkcs11_token_label = self.pkcs11_token.text().strip()
        s.pkcs11_key_label = self.pkcs11_key.text().strip()
