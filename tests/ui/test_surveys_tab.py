"""The Surveys tab driven like a person: a paper questionnaire typed with the keyboard, a
correction, a refused save, an import through the mapping dialog and a refused file's report,
and the results compared between two periods."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from auditdesk.services.context import Actor, AppContext
from auditdesk.services.monitoring import surveys as svc
from auditdesk.settings import Settings
from auditdesk.store.migrate import open_database
from auditdesk.store.models import SurveyResponse, User
from auditdesk.ui.monitoring import surveys as tab_module
from auditdesk.ui.monitoring.import_mapping import ImportMappingDialog as MappingDialog
from auditdesk.ui.monitoring.import_problems import ImportProblemsDialog
from auditdesk.ui.monitoring.surveys import SurveysTab
from auditdesk.ui.monitoring.surveys_entry import QuestionRow, SurveyEntry
from auditdesk.ui.panels import PanelDeps
from auditdesk.ui.states import NoAccessPage
from auditdesk.ui.tasks import Cancelled, Progress, SyncTaskRunner, TaskHandle, _Signals
from demo_office import DemoTemplates


@pytest.fixture(scope="session")
def survey_demo(demo_template: DemoTemplates, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo office (built once per session, tests/conftest.py); each test copies it."""
    return demo_template.copy_to(tmp_path_factory.mktemp("survey-demo") / "demo.sqlite")


def context_as(source: Path, tmp_path: Path, login: str) -> Iterator[AppContext]:
    target = tmp_path / "demo.sqlite"
    shutil.copy(source, target)
    db = open_database(str(target))
    with db.session() as s:
        user = s.scalar(select(User).where(User.login == login))
        assert user is not None
        actor = Actor.of(user)
    yield AppContext(db, actor)
    db.dispose()


@pytest.fixture
def hr(survey_demo: Path, tmp_path: Path) -> Iterator[AppContext]:
    yield from context_as(survey_demo, tmp_path, "kadry")


@pytest.fixture
def surveys_tab(qtbot: QtBot, hr: AppContext) -> SurveysTab:
    tab = SurveysTab(PanelDeps(lambda: hr, SyncTaskRunner(), Settings()))
    qtbot.addWidget(tab)
    tab.resize(1300, 850)
    tab.show()
    qtbot.waitExposed(tab)
    tab.activateWindow()
    return tab


def focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def select_campaign(tab: SurveysTab, title_part: str) -> svc.CampaignRow:
    row = next(i for i, r in enumerate(tab.campaigns.rows) if title_part in r.title)
    tab.list.selectRow(row)
    current = tab.current()
    assert current is not None
    return current


# how a clerk types one paper questionnaire: the keys for each question in form order
KEYS: list[tuple[str, list[str]]] = [
    ("oznakowanie", ["2"]),  # raczej tak
    ("warunki", ["0"]),  # left blank on the paper
    ("wiedza", ["5"]),
    ("informacja", ["4", "Up", "3"]),  # typo corrected: back up, 3
    ("uprzejmosc", ["9", "5"]),  # 9 is not on the scale: nothing happens
    ("indywidualne", ["1"]),  # tak
    ("oczekiwanie", ["3"]),
    ("termin_info", ["4"]),  # nie
    ("ogolna_ocena", ["4"]),
    ("uwagi", ["type:Za malo miejsc siedzacych", "Enter"]),
    ("wiek", ["3"]),  # 46–65
    ("czestotliwosc", ["1"]),  # pierwszy raz
]


def press(qtbot: QtBot, step: str) -> None:
    if step.startswith("type:"):
        qtbot.keyClicks(focus(), step[5:])
        return
    key = {"Enter": Qt.Key.Key_Return, "Up": Qt.Key.Key_Up}.get(step)
    qtbot.keyClick(focus(), key if key is not None else getattr(Qt.Key, f"Key_{step}"))


def test_questionnaire_typed_with_the_keyboard(
    qtbot: QtBot, surveys_tab: SurveysTab, hr: AppContext
) -> None:
    campaign = select_campaign(surveys_tab, "urzędu")
    qtbot.keyClick(surveys_tab.list, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    entry = surveys_tab.entry
    assert isinstance(entry, SurveyEntry)
    qtbot.mouseClick(entry.number, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(entry.number, "0500")
    qtbot.keyClick(entry.number, Qt.Key.Key_Return)
    for qid, steps in KEYS:
        current = focus()
        row = current if isinstance(current, QuestionRow) else current.parent()
        assert isinstance(row, QuestionRow) and row.question.id == qid, qid
        for step in steps:
            press(qtbot, step)
    assert focus() is entry.save_button
    qtbot.keyClick(entry.save_button, Qt.Key.Key_Return)
    with hr.db.session() as s:
        stored = s.scalar(
            select(SurveyResponse).where(
                SurveyResponse.campaign_id == campaign.id, SurveyResponse.response_no == "0500"
            )
        )
        assert stored is not None
        answers = {a.question_id: a.value for a in stored.answers}
        assert (stored.source, stored.entered_by) == ("paper", "kadry")
    assert answers == {
        "oznakowanie": "raczej_tak",
        "wiedza": "5",
        "informacja": "3",
        "uprzejmosc": "5",
        "indywidualne": "tak",
        "oczekiwanie": "3",
        "termin_info": "nie",
        "ogolna_ocena": "4",
        "uwagi": "Za malo miejsc siedzacych",
        "wiek": "46-65",
        "czestotliwosc": "pierwszy",
    }
    # ready for the next questionnaire: number + 1, blank rows, focus on the first question
    assert entry.number.text() == "0501"
    assert all(r.answer() is None for r in entry.rows)
    assert isinstance(focus(), QuestionRow) and focus() is entry.rows[0]
    # a questionnaire without the required answers is refused, and says which
    qtbot.keyClick(focus(), Qt.Key.Key_1)
    qtbot.keyClick(focus(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "wiedza" in entry.status.text()
    # the one just saved is listed first; Enter on it loads it for a correction
    assert entry.recent_model.rows[0].response_no == "0500"
    entry.recent.setFocus()
    entry.recent.selectRow(0)
    qtbot.keyClick(entry.recent, Qt.Key.Key_Return)
    assert entry.editing == stored.id and entry.rows[0].answer() == "raczej_tak"
    qtbot.keyClick(focus(), Qt.Key.Key_1)  # oznakowanie: tak
    qtbot.keyClick(focus(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert svc.get_response(hr, stored.id).answers["oznakowanie"] == "tak"
    rows = {r.id: r for r in svc.list_campaigns(hr)}
    assert rows[campaign.id].responses == campaign.responses + 1


def test_import_through_the_mapping_dialog_and_a_refused_file(
    qtbot: QtBot,
    surveys_tab: SurveysTab,
    hr: AppContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    campaign = select_campaign(surveys_tab, "kiosku")
    day = campaign.period_to.strftime("%d.%m.%Y")
    path = tmp_path / "kiosk.csv"
    path.write_bytes(
        f"Nr;Data;Wiedza pracownika;informacja;uprzejmosc;ogolna_ocena\n"
        f"K1;{day};5;4;5;5\nK2;{day};3;3;4;3\n".encode("cp1250")
    )
    dialogs: list[MappingDialog] = []

    def accept(self: MappingDialog) -> int:
        dialogs.append(self)
        combo = self.combos[self.header.index("Wiedza pracownika")]
        assert combo.currentData() == ""  # not recognised by name: the person picks it
        combo.setCurrentIndex(combo.findData("wiedza"))
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(MappingDialog, "exec", accept)
    surveys_tab.import_file(path)
    assert dialogs and isinstance(dialogs[0].findChild(QComboBox), QComboBox)
    assert "2" in surveys_tab.message.text()
    assert {r.id: r.responses for r in svc.list_campaigns(hr)}[
        campaign.id
    ] == campaign.responses + 2
    # the same header again: the mapping chosen before comes back
    dialogs.clear()
    monkeypatch.setattr(
        MappingDialog,
        "exec",
        lambda self: (dialogs.append(self), QDialog.DialogCode.Rejected.value)[1],
    )
    surveys_tab.import_file(path)
    combo = dialogs[0].combos[dialogs[0].header.index("Wiedza pracownika")]
    assert combo.currentData() == "wiedza"
    # a broken file: nothing imported, the rows named in the report
    broken = tmp_path / "broken.csv"
    broken.write_text(
        f"Nr;Data;Wiedza pracownika;informacja;uprzejmosc;ogolna_ocena\n"
        f"K3;{day};5;4;5;5\nK4;32.01.2026;7;4;5;5\n",
        encoding="utf-8",
    )
    surveys_tab.import_file(
        broken,
        {
            "Nr": "@no",
            "Data": "@date",
            "Wiedza pracownika": "wiedza",
            "informacja": "informacja",
            "uprzejmosc": "uprzejmosc",
            "ogolna_ocena": "ogolna_ocena",
        },
    )
    report = surveys_tab.problems
    assert isinstance(report, ImportProblemsDialog)
    qtbot.addWidget(report)
    cells = [
        [report.table.item(r, c).text() for c in range(3)]  # type: ignore[union-attr]
        for r in range(report.table.rowCount())
    ]
    assert cells == [["3", "Data", "32.01.2026"], ["3", "Wiedza pracownika", "7"]]
    assert {r.id: r.responses for r in svc.list_campaigns(hr)}[
        campaign.id
    ] == campaign.responses + 2


def test_results_compared_between_periods(qtbot: QtBot, surveys_tab: SurveysTab) -> None:
    select_campaign(surveys_tab, "urzędu")
    view = surveys_tab.results
    assert "360" in view.summary.text()
    ids = [line.result.question.id for line in view.model.rows]
    assert ids[:3] == ["oznakowanie", "warunki", "wiedza"]
    assert view.model.columnCount() == 8
    qtbot.mouseClick(view.compare, Qt.MouseButton.LeftButton)
    qtbot.keyClick(view, Qt.Key.Key_F5)
    assert view.model.columnCount() == 10
    overall = next(x for x in view.model.rows if x.result.question.id == "ogolna_ocena")
    assert overall.comparison is not None and overall.comparison.test is not None
    index = view.model.index(view.model.rows.index(overall), view.model.keys().index("difference"))
    text = view.model.data(index)
    assert text.endswith(" *") == overall.comparison.significant


def test_supervisor_reads_but_cannot_enter(qtbot: QtBot, survey_demo: Path, tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    for ctx in context_as(survey_demo, tmp_path / "a", "kierownik.bok"):
        tab = SurveysTab(PanelDeps(lambda c=ctx: c, SyncTaskRunner(), Settings()))
        qtbot.addWidget(tab)
        assert tab.campaigns.rows and not tab.enter_button.isEnabled()
        assert tab.start_entry() is None
        assert tab.results.model.rows  # their units' figures
    for ctx in context_as(survey_demo, tmp_path / "b", "audytor1"):
        tab = SurveysTab(PanelDeps(lambda c=ctx: c, SyncTaskRunner(), Settings()))
        qtbot.addWidget(tab)
        # the one no-access page of the monitoring tabs (ui.states, issue 15), nothing else
        page = tab.findChild(NoAccessPage)
        assert page is not None and page.isVisibleTo(tab)
        assert "no access to the satisfaction surveys" in page.text.text()
        assert not tab.campaigns.rows and not tab.import_button.isVisibleTo(tab)


def test_tab_is_listed_in_the_monitoring_panel() -> None:
    from auditdesk.ui.monitoring.panel import TAB_MODULES

    assert "auditdesk.ui.monitoring.surveys" in TAB_MODULES
    assert tab_module.tab.__name__ == "tab"


class CancellingRunner(SyncTaskRunner):
    """Runs the task at once, as if the person had pressed Cancel in the progress dialog."""

    def submit(self, fn, on_done, on_error, *, title="", parent=None, on_cancel=None):  # type: ignore[no-untyped-def, override]
        progress = Progress()
        progress.cancel()
        try:
            on_done(fn(progress))
        except Cancelled:
            if on_cancel is not None:
                on_cancel()
        return TaskHandle(_Signals(), progress)


def test_cancelled_import_keeps_nothing(qtbot: QtBot, hr: AppContext, tmp_path: Path) -> None:
    tab = SurveysTab(PanelDeps(lambda: hr, CancellingRunner(), Settings()))
    qtbot.addWidget(tab)
    campaign = select_campaign(tab, "kiosku")
    path = tmp_path / "kiosk.csv"
    path.write_text("wiedza;informacja;uprzejmosc;ogolna_ocena\n5;5;5;5\n4;4;4;4\n")
    tab.import_file(path, {c: c for c in ("wiedza", "informacja", "uprzejmosc", "ogolna_ocena")})
    assert tab.message.text() == "Import cancelled; nothing was imported."
    assert {r.id: r.responses for r in svc.list_campaigns(hr)}[campaign.id] == campaign.responses


def test_questionnaire_being_typed_survives_a_crash(
    qtbot: QtBot, surveys_tab: SurveysTab, hr: AppContext
) -> None:
    campaign = select_campaign(surveys_tab, "urzędu")
    entry = surveys_tab.start_entry()
    assert entry is not None
    for key in (Qt.Key.Key_1, Qt.Key.Key_4, Qt.Key.Key_5):  # tak, 4, 5
        qtbot.keyClick(focus(), key)
    assert entry.draft_path().exists()
    # the window goes away without saving; the next one finds the answers typed so far
    _row, form = svc.get_campaign(hr, campaign.id)
    again = SurveyEntry(lambda: hr, campaign, form, surveys_tab.unit_choices)
    qtbot.addWidget(again)
    assert [r.answer() for r in again.rows[:4]] == ["tak", "4", "5", None]
    assert again.status.text()
    required = [r for r in again.rows if r.answer() is None and r.question.required]
    for row, key in zip(required, (Qt.Key.Key_5, Qt.Key.Key_5, Qt.Key.Key_3), strict=True):
        qtbot.keyClick(row, key)
    again.save()
    assert not again.draft_path().exists()
    stored = svc.list_responses(hr, campaign.id, 0, 1)[0]
    assert stored.answers["oznakowanie"] == "tak" and stored.answers["ogolna_ocena"] == "3"
