"""The overview's charts (issue 17): built only when the Charts page is first opened; the trend
lines hold each unit's monthly figures, the mystery client's bars the points per area, the
on-time chart the office's months; Ctrl+T shows the same numbers as a table."""

from __future__ import annotations

import sys
from datetime import date

import pytest
from PySide6.QtCharts import QBarSeries, QLineSeries
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from auditdesk.services.context import AppContext
from auditdesk.services.overview.trends import AREAS, mystery_areas, trend
from auditdesk.settings import Settings
from auditdesk.ui.overview.panel import OverviewPanel
from auditdesk.ui.panels import PanelDeps
from auditdesk.ui.tasks import SyncTaskRunner
from protocol_helpers import as_user

WINDOWS: list[QWidget] = []


def make(qtbot: QtBot, ctx: AppContext) -> OverviewPanel:
    window = QWidget()
    deps = PanelDeps(context=lambda: ctx, runner=SyncTaskRunner(), settings=Settings())
    panel = OverviewPanel(deps, window)
    qtbot.addWidget(window)
    WINDOWS[:] = [window]
    return panel


def lines(panel: OverviewPanel) -> dict[str, list[tuple[float, float]]]:
    view = panel.charts_tab()
    out = {}
    for series in view.chart.series():
        assert isinstance(series, QLineSeries)
        out[series.name()] = [(p.x(), p.y()) for p in series.points()]
    return out


def expected(values: list[float | None]) -> list[tuple[float, float]]:
    return [(float(i), pytest.approx(v)) for i, v in enumerate(values) if v is not None]  # type: ignore[misc]


def test_the_charts_page_is_built_when_first_opened(qtbot: QtBot, demo_ctx: AppContext) -> None:
    sys.modules.pop("auditdesk.ui.overview.charts", None)
    panel = make(qtbot, as_user(demo_ctx, "kadry"))
    assert panel.charts_view is None and "auditdesk.ui.overview.charts" not in sys.modules
    panel.tabs.setCurrentWidget(panel.charts_page)
    assert panel.charts_view is not None


def test_trend_lines_hold_each_units_months(
    qtbot: QtBot, demo_ctx: AppContext, today: date
) -> None:
    hr = as_user(demo_ctx, "kadry")
    panel = make(qtbot, hr)
    panel.kind.setCurrentIndex(panel.kind.findData("month"))
    view = panel.charts_tab()
    view.kind.setCurrentIndex(view.kind.findData("trend"))
    view.indicator.setCurrentIndex(view.indicator.findData("mystery_passed"))
    data = trend(hr, "mystery_passed", panel.period().end, 12)
    shown = lines(panel)
    assert len(shown) == len(data.series) >= 2
    for series in data.series:
        name = series.unit_code or "Whole office"
        assert shown[name] == expected(series.values)
    assert "Mystery client: audits passed" in view.chart.title()
    assert view.view.accessibleName() == view.chart.title()
    # the same numbers one key away
    window = panel.window()
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    panel.tabs.setCurrentWidget(panel.charts_page)
    view.view.setFocus()
    qtbot.keyClick(view.view, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert view.stack.currentWidget() is view.table
    grid = view.grid
    assert grid.columnCount() == 13 and grid.rowCount() == len(data.series)
    office = data.series[0]
    last = office.values[-1]
    cell = grid.index(0, 12).data()
    assert cell == ("–" if last is None else f"{last:.1f} (n={office.counts[-1]})")
    qtbot.keyClick(view.table, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert view.stack.currentWidget() is view.view


def test_mystery_client_bars_per_area(qtbot: QtBot, demo_ctx: AppContext, today: date) -> None:
    hr = as_user(demo_ctx, "kadry")
    panel = make(qtbot, hr)
    view = panel.charts_tab()
    view.kind.setCurrentIndex(view.kind.findData("areas"))
    assert not view.indicator.isVisibleTo(view)
    data = mystery_areas(hr, panel.period())
    (bars,) = view.chart.series()
    assert isinstance(bars, QBarSeries)
    sets = bars.barSets()
    assert [s.label() for s in sets] == [
        "Behaviour",
        "Manner of service",
        "Case handling",
        "Final outcome",
    ]
    for bar_set, area in zip(sets, AREAS, strict=True):
        assert [bar_set.at(i) for i in range(bar_set.count())] == [
            pytest.approx(row.percent[area] or 0.0) for row in data
        ]
    assert view.grid.rowCount() == len(data)
    assert view.grid.index(0, 5).data() == str(data[0].audits)


def test_on_time_share_over_months(qtbot: QtBot, demo_ctx: AppContext, today: date) -> None:
    hr = as_user(demo_ctx, "kadry")
    panel = make(qtbot, hr)
    view = panel.charts_tab()
    view.kind.setCurrentIndex(view.kind.findData("on_time"))
    data = trend(hr, "timeliness", panel.period().end, 12)
    shown = lines(panel)
    assert list(shown) == ["Whole office"]
    assert shown["Whole office"] == expected(data.series[0].values)
    assert any(v is not None for v in data.series[0].values)
