"""The settings dialog: language and the options that matter to an office."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from auditdesk.services.protocols.tokens import Pkcs11Module, find_pkcs11_modules
from auditdesk.settings import Settings

ModuleFinder = Callable[[], list[Pkcs11Module]]


def _choose_module_file(parent: QWidget, start: str) -> str:
    """The file dialog for a PKCS#11 library not found by the finder ("" when cancelled)."""
    name, _filter = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("SettingsDialog", "PKCS#11 module"),
        start,
        QCoreApplication.translate(
            "SettingsDialog", "PKCS#11 libraries (*.dll *.so *.so.* *.dylib);;All files (*)"
        ),
    )
    return name


class SettingsDialog(QDialog):
    def __init__(
        self,
        settings: Settings,
        parent: QWidget | None = None,
        find_modules: ModuleFinder = find_pkcs11_modules,
        choose_file: Callable[[QWidget, str], str] = _choose_module_file,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self._choose_file = choose_file
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
        # the modules found on this computer (the card middleware's library), the one chosen
        # before kept first even when it is not found now; any other file through Browse…
        self.pkcs11_module = QComboBox()
        self.pkcs11_module.setObjectName("pkcs11_module")
        self.pkcs11_module.setEditable(True)
        self.pkcs11_module.setAccessibleName(self.tr("PKCS#11 module (smart card)"))
        edit = self.pkcs11_module.lineEdit()
        if edit is not None:
            edit.setPlaceholderText(
                self.tr("none found: choose the card software's PKCS#11 library")
            )
        self._fill_modules(settings.pkcs11_module, find_modules())
        browse = QPushButton(self.tr("Choose &file…"))
        browse.setAccessibleName(self.tr("Browse for a PKCS#11 module"))
        browse.clicked.connect(self._browse_module)
        module_row = QWidget()
        row = QHBoxLayout(module_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.pkcs11_module, 1)
        row.addWidget(browse)
        form.addRow(self.tr("PKCS#11 &module (smart card):"), module_row)
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

    def _fill_modules(self, chosen: str, found: list[Pkcs11Module]) -> None:
        combo = self.pkcs11_module
        combo.clear()
        paths = [str(module.path) for module in found]
        if chosen and chosen not in paths:
            combo.addItem(chosen, chosen)  # remembered, even if not found on this computer now
        for module in found:
            vendor = module.vendor
            if "softhsm" in module.path.name.lower():
                vendor += " " + self.tr("(software token, for tests)")
            combo.addItem(
                self.tr("%1 — %2").replace("%1", vendor).replace("%2", str(module.path)),
                str(module.path),
            )
        if chosen:
            combo.setCurrentIndex(combo.findData(chosen))
        else:
            combo.setCurrentIndex(-1)
            combo.setEditText("")

    def _browse_module(self) -> None:
        start = self.module_path() or ""
        name = self._choose_file(self, str(Path(start).parent) if start else "")
        if name:
            index = self.pkcs11_module.findData(name)
            if index < 0:
                self.pkcs11_module.addItem(name, name)
                index = self.pkcs11_module.count() - 1
            self.pkcs11_module.setCurrentIndex(index)

    def module_path(self) -> str:
        """The chosen module's path: an entry's path, or what was typed."""
        combo = self.pkcs11_module
        text = combo.currentText().strip()
        index = combo.currentIndex()
        if index >= 0 and text == combo.itemText(index):
            return str(combo.itemData(index))
        return text

    def apply(self) -> None:
        s = self.settings
        s.language = str(self.language.currentData())
        s.evidence_max_mb = self.evidence_max.value()
        s.backup_keep = self.backup_keep.value()
        s.tsa_url = self.tsa_url.text().strip()
        s.pkcs11_module = self.module_path()
        s.pkcs11_token_label = self.pkcs11_token.text().strip()
        s.pkcs11_key_label = self.pkcs11_key.text().strip()
