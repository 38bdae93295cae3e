"""Issue 13 in the window: the mapping dialog maps values as well as columns (the words a survey
tool, a register or EZD writes, each read as a value of its field), and loads and saves the same
mapping file the command line reads with --mapping and writes with --save-mapping. A survey file
whose answers the import cannot read on its own is refused, then imported from the window once its
words are mapped, with exactly the values written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from auditdesk.domain.import_plan import MappingSpec, spec_from_json
from auditdesk.services.context import AppContext
from auditdesk.services.forms import register_forms
from auditdesk.services.monitoring import importing
from auditdesk.services.monitoring import surveys as svc
from auditdesk.services.monitoring.importing import ImportRejected
from auditdesk.services.monitoring.surveys import imports as survey_import
from auditdesk.settings import Settings
from auditdesk.store.models import SurveyAnswer, SurveyResponse
from auditdesk.ui.i18n import install_language
from auditdesk.ui.monitoring.import_mapping import ImportMappingDialog, ValueWordsDialog
from auditdesk.ui.monitoring.surveys import SurveysTab
from auditdesk.ui.panels import PanelDeps
from auditdesk.ui.tasks import SyncTaskRunner
from data import import_layouts as layouts

TARGETS = [("@date", "Date", False), ("ogolna_ocena", "Overall rating", False)]
HEADER = ["Sygnatura czasowa", "Ocena ogólna"]
OVERALL = layouts.TEXTS["ogolna_ocena"]
# how a home-made survey sheet writes the 1–5 overall rating: words the import cannot read
WORDS = {"Świetnie": "5", "Dobrze": "4", "Średnio": "3", "Źle": "1"}
ROWS = [
    ("2026-10-05 10:15", "Świetnie"),
    ("2026-10-06 11:00", "Dobrze"),
    ("2026-10-07 12:30", "Świetnie"),
    ("2026-10-08 09:05", "Źle"),
    ("2026-10-09 14:45", "Średnio"),
]


@pytest.fixture(autouse=True)
def _english(qapp: QApplication) -> None:
    app = QCoreApplication.instance()
    assert app is not None
    install_language(app, "en")


def mapping_dialog(qtbot: QtBot, **extra: object) -> ImportMappingDialog:
    shown = ImportMappingDialog(
        "ankieta.csv",
        HEADER,
        TARGETS,
        {},
        2,
        [["2026-10-05 10:15", "Świetnie"]],
        columns={"@date": 0, "ogolna_ocena": 1},
        distinct={0: ["2026-10-05 10:15", "2026-10-06 11:00"], 1: ["Świetnie", "Źle"]},
        choices={"ogolna_ocena": ["1", "2", "3", "4", "5"]},
        source="surveys",
        **extra,  # type: ignore[arg-type]
    )
    qtbot.addWidget(shown)
    shown.show()
    return shown


def choose(dialog: ValueWordsDialog, word: str, value: str) -> None:
    combo = dialog.combos[dialog.words_in_file.index(word)]
    combo.setCurrentIndex(combo.findData(value))


def test_the_values_of_a_column_are_mapped_word_by_word(qtbot: QtBot) -> None:
    dialog = mapping_dialog(qtbot)
    words = dialog.value_words_dialog(1)
    assert words is not None
    qtbot.addWidget(words)
    assert words.words_in_file == ["Świetnie", "Źle"]
    combo = words.combos[0]
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "(as written)",
        "1",
        "2",
        "3",
        "4",
        "5",
    ]
    assert words.words() == {}  # "(as written)" leaves a word to the import's own matching
    choose(words, "Świetnie", "5")
    choose(words, "Źle", "1")
    dialog.apply_value_words(1, words)
    assert dialog.values() == {"ogolna_ocena": {"swietnie": "5", "zle": "1"}}
    # a column set to (skip) takes its value words with it
    dialog.combos[1].setCurrentIndex(0)
    assert dialog.values() == {}


def test_remembered_words_are_shown_and_a_typed_value_is_kept(qtbot: QtBot) -> None:
    dialog = mapping_dialog(qtbot, values={"ogolna_ocena": {"Świetnie": "5"}})
    assert dialog.values() == {"ogolna_ocena": {"swietnie": "5"}}
    words = dialog.value_words_dialog(1)
    assert words is not None
    qtbot.addWidget(words)
    assert words.combos[0].currentText() == "5"
    words.combos[1].setEditText("2")  # typed, as a person may
    assert words.words() == {"swietnie": "5", "zle": "2"}


def test_no_values_for_a_skipped_or_free_text_column(qtbot: QtBot) -> None:
    dialog = mapping_dialog(qtbot)
    dialog.combos[1].setCurrentIndex(0)
    assert dialog.value_words_dialog(1) is None
    assert "Choose the field column Ocena ogólna holds first" in dialog.hint.text()
    dialog.distinct.pop(0)
    assert dialog.value_words_dialog(0) is None
    assert "too many different words" in dialog.hint.text()


def test_a_mapping_saved_in_the_window_is_the_command_line_s_mapping_file(
    qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = mapping_dialog(qtbot)
    words = dialog.value_words_dialog(1)
    assert words is not None
    qtbot.addWidget(words)
    choose(words, "Świetnie", "5")
    dialog.apply_value_words(1, words)
    path = tmp_path / "ankieta.mapping.json"
    dialog.save_mapping(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["source"] == "surveys"
    assert data["columns"] == {"Sygnatura czasowa": "@date", "Ocena ogólna": "ogolna_ocena"}
    assert data["values"] == {"ogolna_ocena": {"swietnie": "5"}}
    assert spec_from_json(path.read_text(encoding="utf-8"), path.name) == MappingSpec(
        {"Sygnatura czasowa": "@date", "Ocena ogólna": "ogolna_ocena"},
        {"ogolna_ocena": {"swietnie": "5"}},
    )
    assert "Mapping saved to" in dialog.hint.text()


def test_a_mapping_file_sets_columns_and_values(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = mapping_dialog(qtbot)
    dialog.combos[0].setCurrentIndex(0)
    dialog.combos[1].setCurrentIndex(0)
    path = tmp_path / "shared.json"
    path.write_text(
        json.dumps(
            {
                "columns": {"sygnatura  CZASOWA": "@date", "Ocena ogólna": "ogolna_ocena"},
                "values": {"ogolna_ocena": {"ŹLE": "1"}},
            }
        ),
        encoding="utf-8",
    )
    dialog.load_mapping(path)
    assert dialog.columns() == {"@date": 0, "ogolna_ocena": 1}
    assert dialog.values() == {"ogolna_ocena": {"zle": "1"}}
    assert dialog.ok_button.isEnabled()
    assert "Mapping loaded from shared.json" in dialog.hint.text()


def test_a_mapping_file_for_another_file_names_what_does_not_fit(
    qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = mapping_dialog(qtbot)
    path = tmp_path / "other.json"
    path.write_text(
        json.dumps({"columns": {"Kolumna X": "@date", "Ocena ogólna": "no_such_field"}}),
        encoding="utf-8",
    )
    dialog.load_mapping(path)
    hint = dialog.hint.text()
    assert "other.json: this file has no column Kolumna X" in hint
    assert "other.json: no_such_field is not a field of this import (column Ocena ogólna)" in hint
    assert dialog.columns() == {"@date": 0, "ogolna_ocena": 1}  # nothing else changed


def test_a_damaged_mapping_file_is_named_and_changes_nothing(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        "auditdesk.ui.monitoring.import_mapping.show_error",
        lambda _parent, exc, _tb="": shown.append(str(exc)),
    )
    dialog = mapping_dialog(qtbot)
    path = tmp_path / "broken.json"
    path.write_text("{not json", encoding="utf-8")
    dialog.load_mapping(path)
    assert len(shown) == 1 and "broken.json" in shown[0] and "not a JSON mapping file" in shown[0]
    assert dialog.columns() == {"@date": 0, "ogolna_ocena": 1}


def test_the_distinct_words_of_a_column_are_bounded(tmp_path: Path) -> None:
    path = tmp_path / "many.csv"
    lines = ["Imię;Ocena"] + [f"Osoba {n};{'Dobrze' if n % 2 else 'Źle'}" for n in range(500)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    table = survey_import.read_table(path)
    found = importing.distinct_words(table, limit=40)
    assert found == {1: ("Źle", "Dobrze")}  # the names are free text: not offered


@pytest.fixture
def campaign(ctx: AppContext) -> AppContext:
    register_forms(ctx)
    form = next(f for f in svc.survey_forms(ctx) if f.form_id == "satysfakcja-klienta")
    svc.create_campaign(
        ctx, svc.NewCampaign(form.version_id, "Ankieta papierowa", *layouts.CAMPAIGN)
    )
    return ctx


def test_a_file_refused_for_its_words_imports_once_they_are_mapped_in_the_window(
    qtbot: QtBot, campaign: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "ankieta-papierowa.csv"
    # the other questions answered as a survey tool writes them (the first demo respondent's)
    others = [q for q in layouts.QUESTIONS if q != "ogolna_ocena"]
    answers = layouts.RESPONDENTS[0].answers
    header = ["Sygnatura czasowa", OVERALL, *(layouts.TEXTS[q] for q in others)]
    lines = [";".join(header)] + [
        ";".join([at, word, *(layouts._label(q, answers.get(q)) for q in others)])
        for at, word in ROWS
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    campaign_id = svc.list_campaigns(campaign)[0].id
    with pytest.raises(ImportRejected) as refused:  # the words alone: no value to read
        survey_import.import_responses(campaign, campaign_id, path)
    assert "Świetnie" in str(refused.value.problems[0])

    tab = SurveysTab(
        PanelDeps(
            context=lambda: campaign, runner=SyncTaskRunner(), settings=Settings(language="en")
        )
    )
    qtbot.addWidget(tab)
    tab.show()
    tab.list.selectRow(0)

    def person(dialog: ImportMappingDialog) -> int:
        """Maps the words of the rating column, as a person does in Values…, then imports."""
        qtbot.addWidget(dialog)
        dialog.show()
        row = dialog.header.index(OVERALL)
        assert dialog.combos[row].currentData() == "ogolna_ocena"
        dialog.table.setCurrentCell(row, 1)  # the column in focus
        words = dialog.value_words_dialog(dialog.current_column())
        assert words is not None
        qtbot.addWidget(words)
        assert sorted(words.words_in_file) == sorted(WORDS)
        for word, value in WORDS.items():
            choose(words, word, value)
        dialog.apply_value_words(row, words)
        qtbot.keyClick(dialog, Qt.Key.Key_Return)
        return dialog.result()

    monkeypatch.setattr(ImportMappingDialog, "exec", person)
    tab.import_file(path)
    assert f"{len(ROWS)} questionnaire(s) imported" in tab.message.text()
    with campaign.db.session() as s:
        got = s.execute(
            select(SurveyResponse.answered_on, SurveyAnswer.value)
            .join(SurveyAnswer.response)
            .where(SurveyAnswer.question_id == "ogolna_ocena")
            .order_by(SurveyResponse.answered_on)
        ).all()
    assert [(str(day), value) for day, value in got] == [
        (at[:10], WORDS[word]) for at, word in ROWS
    ]  # every word read as mapped, every row dated from the file
