"""Numbers in the chosen language everywhere in the window (issue 15): "87.4 %" beside "93,2 %"
was the complaint. Every panel of the HR and admin windows is walked in Polish and in English:
the tables' cells, the labels and the audit results; a per cent or an interval written the other
language's way fails, and each language must show some of its own."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QTableView, QWidget
from pytestqt.qtbot import QtBot
from test_fits_small_screen import as_user, demo_file  # noqa: F401  (shared fixtures)

from auditdesk.services.context import AppContext
from auditdesk.settings import Settings
from auditdesk.ui.i18n import install_language
from auditdesk.ui.main_window import MainWindow
from auditdesk.ui.tasks import SyncTaskRunner

# a per cent, an interval of a per cent, or a mean with its n, in each language's way
POINT = re.compile(r"\d\.\d+\s?%|\d\.\d+–\d+\.\d|\d\.\d+ \(n=")
COMMA = re.compile(r"\d,\d+\s?%|\d,\d+–\d+,\d|\d,\d+ \(n=")


@pytest.fixture(params=["pl", "en"])
def language(request: pytest.FixtureRequest, qtbot: QtBot) -> Iterator[str]:
    app = QCoreApplication.instance()
    assert app is not None
    install_language(app, request.param)
    yield request.param
    install_language(app, "en")


def shown_texts(root: QWidget, rows: int = 200) -> list[str]:
    texts = [w.text() for w in root.findChildren(QLabel) if w.text()]
    for view in root.findChildren(QTableView):
        model = view.model()
        if model is None:
            continue
        for r in range(min(rows, model.rowCount())):
            for c in range(model.columnCount()):
                value = model.index(r, c).data(Qt.ItemDataRole.DisplayRole)
                if isinstance(value, str) and value:
                    texts.append(value)
    return texts


@pytest.mark.parametrize("login", ["kadry", "admin"])
def test_every_panel_writes_numbers_in_the_chosen_language(
    qtbot: QtBot,
    as_user: Callable[[str], AppContext],  # noqa: F811  (the fixture)
    login: str,
    language: str,
) -> None:
    ctx = as_user(login)
    win = MainWindow(ctx, Settings(language=language), SyncTaskRunner())
    qtbot.addWidget(win)
    win.show()
    wrong_way, right_way = (POINT, COMMA) if language == "pl" else (COMMA, POINT)
    wrong: list[str] = []
    right: set[str] = set()
    for spec in win.specs:
        panel = win.show_panel(spec.key)
        qtbot.wait(5)
        for text in shown_texts(panel):
            if wrong_way.search(text):
                wrong.append(f"{spec.key}: {text!r}")
            if right_way.search(text):
                right.add(spec.key)
        if spec.key == "audits":
            panel.show_results()
            for text in shown_texts(panel.results):
                if wrong_way.search(text):
                    wrong.append(f"audit results: {text!r}")
                if right_way.search(text):
                    right.add("audit results")
    assert not wrong, "\n".join(wrong[:20])
    assert {"audits", "audit results", "overview"} <= right, right


def test_a_target_is_written_in_the_chosen_language(language: str) -> None:
    from auditdesk.services.overview import Target
    from auditdesk.ui.labels import language as window_language

    target = Target("timeliness", None, True, 87.5)
    assert target.text == "≥ 87,5"  # the report is Polish
    assert target.text_in(window_language()) == ("≥ 87,5" if language == "pl" else "≥ 87.5")
    assert Target("complaints_count", None, False, 12.0).text_in("en") == "≤ 12"
