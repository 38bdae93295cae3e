"""Issue 13 in the window: the surveys, complaint and case tabs show every column of a file in
a real export layout (tests/data/import_layouts.py) as mapped, left out on purpose or unknown,
say the lines skipped above the header, keep Import disabled with a hint while a column named
like a field is neither mapped nor set to (skip), and say after the import how many rows were
read, linked to units and dated from the file. Driven by keyboard."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QLabel
from pytestqt.qtbot import QtBot

from auditdesk.services.context import AppContext
from auditdesk.services.forms import register_forms
from auditdesk.services.monitoring import surveys as svc
from auditdesk.settings import Settings
from auditdesk.store.models import Office, OrgUnit
from auditdesk.ui.i18n import install_language
from auditdesk.ui.monitoring.cases import CasesTab
from auditdesk.ui.monitoring.import_mapping import ImportMappingDialog
from auditdesk.ui.monitoring.indicators import IndicatorsTab
from auditdesk.ui.monitoring.surveys import SurveysTab
from auditdesk.ui.panels import PanelDeps
from auditdesk.ui.tasks import SyncTaskRunner
from data import import_layouts as layouts

TODAY = date(2026, 12, 1)
# the combo's list opened by F4 is a popup, which the offscreen platform cannot raise or grab
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")
FLAVOUR = layouts.FLAVOURS[1]  # Windows-1250 with semicolons


@pytest.fixture(autouse=True)
def _english(qapp: QApplication) -> None:
    app = QCoreApplication.instance()
    assert app is not None
    install_language(app, "en")


@pytest.fixture
def office(ctx: AppContext) -> AppContext:
    register_forms(ctx)
    with ctx.db.session() as s:
        found = Office(name="Urząd Miejski w Zielonej Łące", short_name="UM")
        s.add(found)
        s.flush()
        for code, name in layouts.UNITS:
            s.add(OrgUnit(office_id=found.id, code=code, name=name))
    return ctx


def deps(ctx: AppContext) -> PanelDeps:
    return PanelDeps(context=lambda: ctx, runner=SyncTaskRunner(), settings=Settings(language="en"))


def renamed(data: bytes, old: str, new: str) -> bytes:
    """The layout file with one header renamed as another system writes it."""
    text = data.decode(FLAVOUR.encoding)
    assert old in text
    return text.replace(old, new, 1).encode(FLAVOUR.encoding)


def states(dialog: ImportMappingDialog) -> dict[str, str]:
    return {
        column: dialog.table.item(row, 2).text()  # type: ignore[union-attr]
        for row, column in enumerate(dialog.header)
    }


def combo_of(dialog: ImportMappingDialog, column: str) -> QComboBox:
    return dialog.combos[dialog.header.index(column)]


def type_field(qtbot: QtBot, dialog: ImportMappingDialog, column: str, field: str) -> None:
    """Types the first letters of the field's name in the column's combo, as a person does."""
    combo = combo_of(dialog, column)
    combo.setFocus()
    qtbot.keyClicks(combo, combo.itemText(combo.findData(field))[:6])
    assert combo.currentData() == field


def skip_by_keyboard(qtbot: QtBot, dialog: ImportMappingDialog, column: str) -> None:
    """Opens the column's list (F4) and takes (skip) with Return, as a person does."""
    combo = combo_of(dialog, column)
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_F4)
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    qtbot.keyClick(view, Qt.Key.Key_Home)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not view.isVisible())
    assert combo.currentData() == ""


def check_the_stop(
    qtbot: QtBot,
    dialog: ImportMappingDialog,
    column: str,
    field: str,
    mapped: list[str],
    ignored: list[str],
) -> None:
    """The preview names every column; the look-alike one holds Import until a person decides
    (mapped, or (skip) chosen); then it is mapped again for the import."""
    shown = states(dialog)
    assert {c: shown[c] for c in mapped} == {c: "mapped" for c in mapped}
    assert {c: shown[c] for c in ignored} == {c: "left out on purpose" for c in ignored}
    assert shown[column].startswith("unknown: named like "), shown
    assert not dialog.ok_button.isEnabled()
    assert column in dialog.hint.text() and "(skip)" in dialog.hint.text()
    skip_by_keyboard(qtbot, dialog, column)  # already at (skip): chosen again on purpose
    assert states(dialog)[column] == "left out on purpose"
    assert dialog.ok_button.isEnabled() and dialog.hint.text() == ""
    type_field(qtbot, dialog, column, field)
    assert states(dialog)[column] == "mapped"
    assert dialog.ok_button.isEnabled()


def test_the_case_tab_previews_every_column_and_stops_on_a_look_alike(
    qtbot: QtBot, office: AppContext, tmp_path: Path
) -> None:
    tab = CasesTab(deps(office))
    qtbot.addWidget(tab)
    tab.show()
    path = tmp_path / "ezd-spis-spraw.csv"
    path.write_bytes(
        renamed(
            layouts.ezd_register_csv(FLAVOUR), "Data zakończenia sprawy", "Data zamknięcia sprawy"
        )
    )
    tab.open_import(path)
    dialog = tab.mapping_dialog
    assert dialog is not None and dialog.isVisible()
    info = dialog.findChild(QLabel, "info")
    assert info is not None and layouts.EZD_TITLE in info.text()  # the title line, said
    check_the_stop(
        qtbot,
        dialog,
        "Data zamknięcia sprawy",
        "settled_on",
        ["Znak sprawy", "Tytuł sprawy", "Komórka organizacyjna", "Data wszczęcia sprawy"],
        ["Lp.", "Znak pisma", "Data pisma"],
    )
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    settled = sum(1 for c in layouts.CASES if c.settled)
    text = tab.status.text()
    assert f"{len(layouts.CASES)} cases read" in text
    assert f"{len(layouts.CASES)} linked to units, {settled} with a date of settlement" in text


def test_the_complaint_tab_previews_every_column_and_stops_on_a_look_alike(
    qtbot: QtBot, office: AppContext, tmp_path: Path
) -> None:
    tab = IndicatorsTab(deps(office), today=lambda: TODAY)
    qtbot.addWidget(tab)
    tab.show()
    path = tmp_path / "rejestr-skarg-bip.csv"
    path.write_bytes(
        renamed(layouts.bip_register_csv(FLAVOUR), "Data załatwienia", "Dzień załatwienia")
    )
    tab.import_file(path)
    dialog = tab.mapping_dialog
    assert dialog is not None and dialog.isVisible()
    info = dialog.findChild(QLabel, "info")
    assert info is not None and layouts.BIP_TITLE in info.text()
    check_the_stop(
        qtbot,
        dialog,
        "Dzień załatwienia",
        "settled_on",
        ["Data wpływu", "Nr sprawy", "Komu zlecono załatwienie", "Sposób załatwienia"],
        ["Lp.", "Od kogo wpłynęła", "Termin załatwienia", "Data wysłania odpowiedzi"],
    )
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    settled = sum(1 for e in layouts.ENTRIES if e.settled)
    text = tab.message.text()
    assert f"{len(layouts.ENTRIES)} row(s) read, {len(layouts.ENTRIES)} added" in text
    assert f"{len(layouts.ENTRIES)} linked to units, {settled} with a date of settlement" in text


def test_the_survey_tab_previews_every_column_and_stops_on_a_look_alike(
    qtbot: QtBot, office: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    form = next(f for f in svc.survey_forms(office) if f.form_id == "satysfakcja-klienta")
    svc.create_campaign(
        office, svc.NewCampaign(form.version_id, "Ankieta online", *layouts.CAMPAIGN)
    )
    tab = SurveysTab(deps(office))
    qtbot.addWidget(tab)
    tab.show()
    tab.list.selectRow(0)
    path = tmp_path / "google-forms.csv"
    path.write_bytes(
        renamed(layouts.google_forms_csv(FLAVOUR), ";Wiek\r\n", ";Wiek klienta w latach\r\n")
    )
    seen: list[ImportMappingDialog] = []

    def drive(dialog: ImportMappingDialog) -> int:
        """The person at the dialog (exec would wait for them)."""
        seen.append(dialog)
        qtbot.addWidget(dialog)
        dialog.show()
        questions = [c for c in dialog.header if c != "Wiek klienta w latach"]
        check_the_stop(qtbot, dialog, "Wiek klienta w latach", "wiek", questions, [])
        qtbot.keyClick(dialog, Qt.Key.Key_Return)
        return dialog.result()

    monkeypatch.setattr(ImportMappingDialog, "exec", drive)
    tab.import_file(path)
    assert len(seen) == 1 and seen[0].result() == QDialog.DialogCode.Accepted.value
    count = len(layouts.RESPONDENTS)
    text = tab.message.text()
    assert f"{count} questionnaire(s) imported" in text
    assert f"{count} row(s) read: 0 linked to units, {count} dated from the file" in text
