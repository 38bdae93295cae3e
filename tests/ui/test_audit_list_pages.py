"""The audit list's next page is read elsewhere and appended when it comes (issue 14): one
request at a time, a page asked for before the list was read again is dropped, and a dropped
or failed page lets the list ask again."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from pytestqt.qtbot import QtBot

from auditdesk.services import audits as svc
from auditdesk.services.context import AppContext
from auditdesk.ui.audits.list_model import PAGE, AuditListModel
from auditdesk.ui.audits.panel import AuditsPanel
from auditdesk.ui.tasks import Progress, TaskHandle, TaskRunner


def summaries(first: int, n: int) -> list[svc.AuditSummary]:
    return [
        svc.AuditSummary(
            *(i, f"TK/2026/{i:04d}", datetime(2026, 1, 1), "f", "visit", 1, "BOK", "BOK"),
            *(None, "", "", "a", "draft", "original", None, "", "", False, False, ""),
        )
        for i in range(first, first + n)
    ]


Deliver = Callable[[svc.AuditPage | None], None]


def held_model() -> tuple[AuditListModel, list[tuple[int, int, Deliver]]]:
    asked: list[tuple[int, int, Deliver]] = []
    model = AuditListModel(
        request=lambda offset, limit, deliver: asked.append((offset, limit, deliver))
    )
    model.set_rows(summaries(0, PAGE), PAGE * 3)
    return model, asked


def test_the_next_page_is_appended_when_it_comes(qtbot: QtBot) -> None:
    model, asked = held_model()
    model.fetchMore()
    model.fetchMore()  # scrolled again while the page is on its way: not asked twice
    assert [(o, n) for o, n, _ in asked] == [(PAGE, PAGE)]
    assert model.reading and model.rowCount() == PAGE
    asked[0][2](svc.AuditPage(summaries(PAGE, PAGE), PAGE * 3))
    assert model.rowCount() == 2 * PAGE and not model.reading
    assert model.rows[PAGE].id == PAGE
    model.fetchMore()
    assert [o for o, _, _ in asked] == [PAGE, 2 * PAGE]


def test_a_page_of_an_earlier_list_is_dropped(qtbot: QtBot) -> None:
    model, asked = held_model()
    model.fetchMore()
    model.set_rows(summaries(5000, PAGE), PAGE * 2)  # a new filter's first page came first
    asked[0][2](svc.AuditPage(summaries(PAGE, PAGE), PAGE * 3))  # the old page, late
    assert model.rowCount() == PAGE and model.rows[0].id == 5000 and not model.reading
    model.fetchMore()
    assert len(asked) == 2  # the new list asks for its own next page


def test_a_failed_page_lets_the_list_ask_again(qtbot: QtBot) -> None:
    model, asked = held_model()
    model.fetchMore()
    asked[0][2](None)  # failed (the panel said why) or dropped
    assert model.rowCount() == PAGE and not model.reading and model.canFetchMore()
    model.fetchMore()
    assert len(asked) == 2


class HeldRunner(TaskRunner):
    """Keeps each submitted task until the test runs it (a worker's timing)."""

    def __init__(self) -> None:
        super().__init__()
        self.held: list[tuple[Callable[[Progress], Any], Callable[[Any], None]]] = []

    def submit(  # type: ignore[override]
        self,
        fn: Callable[[Progress], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException, str], None],
        **_options: object,
    ) -> TaskHandle:
        self.held.append((fn, on_done))
        return TaskHandle(None, Progress())  # type: ignore[arg-type]

    def run(self, index: int) -> None:
        fn, on_done = self.held[index]
        on_done(fn(Progress()))


def test_the_panel_reads_the_next_page_on_a_worker(qtbot: QtBot, demo_ctx: AppContext) -> None:
    runner = HeldRunner()
    panel = AuditsPanel(lambda: demo_ctx, runner)
    qtbot.addWidget(panel)
    runner.run(0)  # the first page
    every = list(panel.model.rows)
    assert len(every) > 4
    panel.model.set_rows(every[:2], len(every))  # as if the page had been 2 rows long
    panel.model.fetchMore()
    assert panel.count.text().endswith("reading more…") and panel.model.rowCount() == 2
    runner.run(1)
    assert [r.id for r in panel.model.rows] == [r.id for r in every]
    assert not panel.count.text().endswith("reading more…")
    # a page asked for before the list is read again (a new filter) is dropped
    panel.model.set_rows(every[:2], len(every))
    panel.model.fetchMore()
    panel.refresh()
    runner.run(3)  # the list read again comes first…
    runner.run(2)  # …the page of the earlier list comes late and is not appended
    assert [r.id for r in panel.model.rows] == [r.id for r in every]
