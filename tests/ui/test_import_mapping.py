"""The one column-mapping dialog of the monitoring imports on its own: a name to remember the
mapping by only for a source that names its mappings, a field chosen for two columns refused
before the import, columns known by their place (unnamed or repeated headers), the keyboard
(Tab from column to column with the table following, Alt+R to the name, Return, Esc), Polish,
and a size that fits a 1366×768 screen with many columns and long values."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from auditdesk.ui.i18n import install_language
from auditdesk.ui.monitoring.import_mapping import ImportMappingDialog

TARGETS = [
    ("sign", "Case sign", True),
    ("started_on", "Start date", True),
    ("title", "Title", False),
]


ROW = ["WKS.5430.1.2025", "03.03.2025", "Rejestracja"]


def dialog(
    qtbot: QtBot,
    header: list[str],
    *,
    mapping: dict[str, str] | None = None,
    columns: dict[str, int] | None = None,
    name: str | None = None,
    rows: list[list[str]] | None = None,
    encoding: str = "",
) -> ImportMappingDialog:
    shown = ImportMappingDialog(
        "spis.csv",
        header,
        TARGETS,
        mapping or {},
        1,
        [ROW] if rows is None else rows,
        columns=columns,
        name=name,
        encoding=encoding,
    )
    qtbot.addWidget(shown)
    with qtbot.waitActive(shown):  # focus moves only in the active window
        shown.show()
        shown.activateWindow()
    return shown


def test_a_source_without_names_asks_for_none(qtbot: QtBot) -> None:
    shown = dialog(qtbot, ["Znak", "Wszczęto", "Opis"], mapping={"Znak": "sign"})
    assert not shown.remember.isVisible()
    assert shown.remember_as() == ""
    assert not shown.ok_button.isEnabled() and "Start date" in shown.hint.text()
    shown.combos[1].setCurrentIndex(shown.combos[1].findData("started_on"))
    assert shown.ok_button.isEnabled() and shown.hint.text() == ""
    assert shown.mapping() == {"Znak": "sign", "Wszczęto": "started_on"}


def test_a_named_mapping_needs_its_name(qtbot: QtBot) -> None:
    shown = dialog(
        qtbot, ["Znak", "Wszczęto"], columns={"sign": 0, "started_on": 1}, name="EZD PUW"
    )
    assert shown.remember.isVisible() and shown.remember_as() == "EZD PUW"
    assert shown.ok_button.isEnabled()
    shown.remember.setText("   ")
    assert not shown.ok_button.isEnabled() and "name" in shown.hint.text()
    shown.remember.setText(" Rejestr 2025 ")
    assert shown.ok_button.isEnabled() and shown.remember_as() == "Rejestr 2025"


def test_a_field_for_two_columns_is_refused_before_the_import(qtbot: QtBot) -> None:
    shown = dialog(qtbot, ["Znak", "Wszczęto", "Znak 2"], columns={"sign": 0, "started_on": 1})
    assert shown.ok_button.isEnabled()
    shown.combos[2].setCurrentIndex(shown.combos[2].findData("sign"))
    assert not shown.ok_button.isEnabled()
    assert "Case sign" in shown.hint.text() and "one column" in shown.hint.text()
    shown.combos[0].setCurrentIndex(0)  # skipped: the sign is in the third column only
    assert shown.ok_button.isEnabled()
    assert shown.columns() == {"sign": 2, "started_on": 1}


def test_columns_are_known_by_their_place(qtbot: QtBot) -> None:
    header = ["Data", "", "Data"]  # an unnamed column and a repeated name, as exports have
    shown = dialog(qtbot, header, columns={"sign": 1, "started_on": 2})
    assert shown.table.item(1, 0).text() == "column 2"
    assert shown.preview.horizontalHeaderItem(1).text() == "column 2"
    assert [c.currentData() for c in shown.combos] == ["", "sign", "started_on"]
    assert shown.columns() == {"sign": 1, "started_on": 2}
    assert shown.ok_button.isEnabled()


def test_the_keyboard_alone_maps_names_and_imports(qtbot: QtBot) -> None:
    header = [f"Kolumna {n}" for n in range(1, 41)]
    shown = dialog(qtbot, header, name="EZD", rows=[])
    assert not shown.preview.isVisible()  # no rows given, no empty table
    assert shown.focusWidget() is shown.combos[0]
    qtbot.keyClicks(shown.combos[0], "Case")
    for _ in range(38):
        qtbot.keyClick(shown.focusWidget(), Qt.Key.Key_Tab)
    assert shown.focusWidget() is shown.combos[38]
    assert shown.table.currentRow() == 38  # the table scrolled along
    assert shown.table.visualItemRect(shown.table.item(38, 0)).intersects(
        shown.table.viewport().rect()
    )
    qtbot.keyClicks(shown.combos[38], "Start")
    qtbot.keyClick(shown.focusWidget(), Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert shown.focusWidget() is shown.combos[37]
    assert shown.columns() == {"sign": 0, "started_on": 38}
    qtbot.keyClick(shown, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    assert shown.focusWidget() is shown.remember
    qtbot.keyClick(shown.remember, Qt.Key.Key_Return)
    assert shown.result() == ImportMappingDialog.DialogCode.Accepted


def test_escape_cancels(qtbot: QtBot) -> None:
    shown = dialog(qtbot, ["Znak", "Wszczęto"], columns={"sign": 0, "started_on": 1})
    qtbot.keyClick(shown.combos[0], Qt.Key.Key_Escape)
    assert shown.result() == ImportMappingDialog.DialogCode.Rejected and not shown.isVisible()


def test_fits_a_small_screen_with_many_long_columns(qtbot: QtBot) -> None:
    header = [f"Bardzo długa nazwa kolumny rejestru numer {n}" for n in range(1, 61)]
    rows = [["x" * 400] * 60 for _ in range(10)]
    shown = dialog(qtbot, header, name="EZD", rows=rows, encoding="windows-1250")
    frame = shown.frameGeometry()
    assert frame.width() <= 1366 and frame.height() <= 768 - 40  # a taskbar left
    assert shown.preview.height() <= 200 and shown.table.height() >= 150
    assert "windows-1250" in shown.findChild(QLabel, "info").text()


@pytest.fixture
def polish() -> Iterator[None]:
    app = QCoreApplication.instance()
    assert app is not None
    install_language(app, "pl")
    yield
    install_language(app, "en")


def test_polish(qtbot: QtBot, polish: None) -> None:
    shown = dialog(qtbot, ["Znak", ""], name="", encoding="utf-8")
    assert shown.windowTitle() == "Kolumny pliku spis.csv"
    assert shown.table.item(1, 0).text() == "kolumna 2"
    assert "Kodowanie: utf-8." in shown.findChild(QLabel, "info").text()
    shown.combos[0].setCurrentIndex(shown.combos[0].findData("sign"))
    shown.combos[1].setCurrentIndex(shown.combos[1].findData("started_on"))
    assert shown.hint.text() == "Nadaj przyporządkowaniu nazwę, pod którą zostanie zapamiętane."
    labels = [w.text() for w in shown.findChildren(QLabel)]
    assert "&Zapamiętaj jako" in labels
