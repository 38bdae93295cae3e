"""The settings dialog's PKCS#11 module (issue 20): it lists the modules found on this computer
(a fake finder here), keeps the one chosen before even when it is not found now, takes another
file through "Choose file…" or as typed, and the choice is saved and offered again next time."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from auditdesk.services.protocols.tokens import Pkcs11Module
from auditdesk.settings import Settings
from auditdesk.ui.settings_dialog import SettingsDialog

CERTUM = Pkcs11Module(
    Path(r"C:\Program Files\Certum\proCertum CardManager\cryptoCertum3PKCS.dll"),
    "Certum (proCertum CardManager)",
)
OPENSC = Pkcs11Module(Path("/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so"), "OpenSC")


def dialog_for(qtbot: QtBot, settings: Settings, found: list[Pkcs11Module]) -> SettingsDialog:
    dialog = SettingsDialog(
        settings, find_modules=lambda: found, choose_file=lambda _parent, _start: ""
    )
    qtbot.addWidget(dialog)
    return dialog


def test_found_modules_are_listed_and_the_choice_is_kept(qtbot: QtBot) -> None:
    settings = Settings.load()
    dialog = dialog_for(qtbot, settings, [CERTUM, OPENSC])
    combo = dialog.pkcs11_module
    assert [combo.itemData(i) for i in range(combo.count())] == [
        str(CERTUM.path),
        str(OPENSC.path),
    ]
    assert "Certum (proCertum CardManager)" in combo.itemText(0)
    assert dialog.module_path() == ""  # nothing chosen yet
    combo.setCurrentIndex(0)
    dialog.apply()
    settings.save()
    again = Settings.load()
    assert again.pkcs11_module == str(CERTUM.path)
    reopened = dialog_for(qtbot, again, [CERTUM, OPENSC])
    assert reopened.module_path() == str(CERTUM.path)
    assert reopened.pkcs11_module.currentIndex() == 0


def test_a_remembered_module_not_found_now_stays_chosen(qtbot: QtBot) -> None:
    settings = Settings()
    settings.pkcs11_module = r"D:\Karty\vendor-pkcs11.dll"  # e.g. a removed drive
    dialog = dialog_for(qtbot, settings, [OPENSC])
    assert dialog.module_path() == r"D:\Karty\vendor-pkcs11.dll"
    assert dialog.pkcs11_module.count() == 2
    dialog.apply()
    assert settings.pkcs11_module == r"D:\Karty\vendor-pkcs11.dll"


def test_browse_and_typing_choose_another_file(qtbot: QtBot, tmp_path: Path) -> None:
    chosen = tmp_path / "Łukasz" / "libcard-p11.so"
    settings = Settings()
    dialog = SettingsDialog(
        settings, find_modules=lambda: [OPENSC], choose_file=lambda _parent, _start: str(chosen)
    )
    qtbot.addWidget(dialog)
    dialog._browse_module()
    assert dialog.module_path() == str(chosen)
    dialog.apply()
    assert settings.pkcs11_module == str(chosen)
    dialog.pkcs11_module.setEditText("  /opt/typed/libtyped.so ")
    dialog.apply()
    assert settings.pkcs11_module == "/opt/typed/libtyped.so"


def test_with_nothing_found_the_field_is_empty(qtbot: QtBot) -> None:
    settings = Settings()
    dialog = dialog_for(qtbot, settings, [])
    assert dialog.pkcs11_module.count() == 0 and dialog.module_path() == ""
    dialog.apply()
    assert settings.pkcs11_module == ""
