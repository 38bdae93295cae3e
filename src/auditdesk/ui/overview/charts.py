"""The overview's charts (issue 17): an indicator's trend per unit month by month, the mystery
client's share of points per area and unit, and the office's share of cases settled on time
month by month. Each chart has a table of the same numbers one key away (Ctrl+T), for a screen
reader and for whoever would rather read.

Why QtCharts (PySide6-Addons) and not pyqtgraph or hand-drawn widgets:
- size: QtCharts is one Qt library of about 3 MB beside the Qt the window already loads (its
  package, PySide6-Addons, installs every Qt add-on, 59 MB as a wheel, but a frozen build carries
  only QtCharts); pyqtgraph needs numpy (some 40 MB installed) for a few dozen points a chart;
- start time: this module, and with it QtCharts (about 0.1 s to import), is imported only when
  the Charts page is first opened (ui.overview.panel builds it lazily; issue 14), so the window's
  start does not pay for it;
- looks: native Qt rendering with antialiasing, legends, axis titles and the application's
  palette and fonts, matching the rest of the window; pyqtgraph looks like a lab instrument.
reportlab.graphics draws the same kinds of chart in the PDF report."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QLegend,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QLocale, QPointF, Qt
from PySide6.QtGui import QKeySequence, QPainter, QPen, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from auditdesk.domain.errors import AuditDeskError
from auditdesk.services.overview import INDICATORS, Period
from auditdesk.services.overview.trends import AREAS, AreaScores, Trend, mystery_areas, trend
from auditdesk.ui.errors import error_text
from auditdesk.ui.overview.actions import target_names
from auditdesk.ui.panels import PanelDeps
from auditdesk.ui.rows_model import RowsModel
from auditdesk.ui.table_view import TableView

MONTHS = 12
LINE_STYLES = (
    Qt.PenStyle.SolidLine,
    Qt.PenStyle.DashLine,
    Qt.PenStyle.DotLine,
    Qt.PenStyle.DashDotLine,
    Qt.PenStyle.DashDotDotLine,
)
KINDS = ("trend", "areas", "on_time")


def kind_names() -> dict[str, str]:
    return {
        "trend": QCoreApplication.translate("Charts", "Trend per unit, month by month"),
        "areas": QCoreApplication.translate("Charts", "Mystery client: points per area"),
        "on_time": QCoreApplication.translate("Charts", "Cases settled on time, month by month"),
    }


def area_names() -> dict[str, str]:
    return {
        "zachowanie": QCoreApplication.translate("Charts", "Behaviour"),
        "sposob_obslugi": QCoreApplication.translate("Charts", "Manner of service"),
        "zalatwienie_sprawy": QCoreApplication.translate("Charts", "Case handling"),
        "rezultat": QCoreApplication.translate("Charts", "Final outcome"),
    }


def indicator_names() -> dict[str, str]:
    """The overview's indicators in its column order."""
    names = {
        **target_names(),
        "complaints_count": QCoreApplication.translate("Charts", "Complaints and grievances"),
        "research_studies": QCoreApplication.translate("Charts", "Research: studies held"),
    }
    return {key: names[key] for key in INDICATORS}


def indicator_title(key: str) -> str:
    return indicator_names().get(key, key)


def month_label(period: Period) -> str:
    return f"{period.start:%m.%Y}"


def number(value: float | None) -> str:
    return "–" if value is None else QLocale().toString(value, "f", 1)


def unit_label(code: str) -> str:
    return code or QCoreApplication.translate("Charts", "Whole office")


class GridModel(RowsModel[list[str]]):
    """The chart's numbers as rows of text under the chart's own column titles."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.titles: list[str] = []

    def set_grid(self, titles: list[str], rows: Sequence[list[str]]) -> None:
        self.beginResetModel()
        self.titles = titles
        self.rows = list(rows)
        self.endResetModel()

    def headers(self) -> list[str]:
        return self.titles

    def cell(self, row: list[str], column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and column < len(row):
            return row[column]
        return None


class ChartsView(QWidget):
    """A choice of chart (and for the trend, of indicator), the chart, and its table behind
    Ctrl+T. The period is the overview's: the trend and on-time charts end with its month."""

    def __init__(
        self, deps: PanelDeps, period: Callable[[], Period], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("overview_charts")
        self.deps = deps
        self.period = period
        self.data: Trend | list[AreaScores] | None = None
        self.kind = QComboBox()
        self.kind.setAccessibleName(QCoreApplication.translate("Charts", "Chart"))
        for key in KINDS:
            self.kind.addItem(kind_names()[key], key)
        self.indicator = QComboBox()
        self.indicator.setAccessibleName(QCoreApplication.translate("Charts", "Indicator"))
        for key, name in indicator_names().items():
            self.indicator.addItem(name, key)
        self.table_button = QPushButton(
            QCoreApplication.translate("Charts", "Show as &table (Ctrl+T)")
        )
        self.table_button.setCheckable(True)
        self.table_button.toggled.connect(lambda on: self.show_table(on))
        self.kind.currentIndexChanged.connect(lambda _i: self.reload())
        self.indicator.currentIndexChanged.connect(lambda _i: self.reload())
        bar = QHBoxLayout()
        bar.addWidget(QLabel(QCoreApplication.translate("Charts", "Chart:")))
        bar.addWidget(self.kind)
        bar.addWidget(self.indicator)
        bar.addStretch(1)
        bar.addWidget(self.table_button)
        self.chart = QChart()
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        # the legend draws each line as it is drawn (its dashes), not a coloured square only
        self.chart.legend().setMarkerShape(QLegend.MarkerShape.MarkerShapeFromSeries)
        self.view = QChartView(self.chart)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setObjectName("overview_chart")
        self.grid = GridModel(self)
        self.table = TableView()
        self.table.setObjectName("overview_chart_table")
        self.table.setModel(self.grid)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.table)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.message)
        QShortcut(QKeySequence("Ctrl+T"), self, lambda: self.table_button.toggle())
        self.reload()

    def show_table(self, on: bool) -> None:
        self.stack.setCurrentWidget(self.table if on else self.view)
        (self.table if on else self.view).setFocus()

    def reload(self) -> None:
        kind = str(self.kind.currentData())
        self.indicator.setVisible(kind == "trend")
        ctx = self.deps.context()
        period = self.period()
        try:
            if kind == "areas":
                self.data = mystery_areas(ctx, period)
            else:
                key = "timeliness" if kind == "on_time" else str(self.indicator.currentData())
                self.data = trend(ctx, key, period.end, MONTHS)
        except AuditDeskError as exc:
            self.message.setText(error_text(exc))
            return
        self.message.setText("")
        self._clear()
        if isinstance(self.data, Trend):
            self._draw_trend(self.data, office_only=kind == "on_time")
        else:
            self._draw_areas(self.data, period)
        name = self.chart.title()
        self.view.setAccessibleName(name)
        self.table.setAccessibleName(
            QCoreApplication.translate("Charts", "{chart}: the numbers").replace("{chart}", name)
        )

    def _clear(self) -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)

    def _axes(self, categories: list[str], title: str, top: float | None) -> tuple[Any, Any]:
        x = QBarCategoryAxis()
        x.append(categories)
        y = QValueAxis()
        y.setLabelFormat("%.0f")
        y.setTitleText(title)
        if top is not None:
            y.setRange(0, top)
        self.chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        return x, y

    def _draw_trend(self, data: Trend, *, office_only: bool) -> None:
        months = [month_label(p) for p in data.months]
        percent = data.indicator not in ("complaints_count", "research_studies")
        self.chart.setTitle(
            QCoreApplication.translate("Charts", "{indicator}, {first} – {last}")
            .replace("{indicator}", indicator_title(data.indicator))
            .replace("{first}", months[0])
            .replace("{last}", months[-1])
        )
        series_list = data.series[:1] if office_only else data.series
        peak = max((v for s in series_list for v in s.values if v is not None), default=0.0)
        x, y = self._axes(
            months,
            "%" if percent else QCoreApplication.translate("Charts", "count"),
            100.0 if percent else max(1.0, peak * 1.1),
        )
        for n, item in enumerate(series_list):
            line = QLineSeries()
            line.setName(unit_label(item.unit_code))
            line.setPointsVisible(True)
            for i, value in enumerate(item.values):
                if value is not None:
                    line.append(QPointF(i, value))
            self.chart.addSeries(line)  # the theme gives it its colour here
            pen = QPen(line.pen())
            if item.unit_id is None:  # the office: thick and solid
                pen.setWidth(4)
            else:  # units told apart by the line's dashes too, not by colour alone
                pen.setWidth(2)
                pen.setStyle(LINE_STYLES[(n - 1) % len(LINE_STYLES)])
            line.setPen(pen)
            line.attachAxis(x)
            line.attachAxis(y)
        self.grid.set_grid(
            [QCoreApplication.translate("Charts", "Unit"), *months],
            [
                [
                    unit_label(s.unit_code),
                    *(
                        f"{number(v)} (n={n})" if v is not None else "–"
                        for v, n in zip(s.values, s.counts, strict=True)
                    ),
                ]
                for s in series_list
            ],
        )

    def _draw_areas(self, data: list[AreaScores], period: Period) -> None:
        self.chart.setTitle(
            QCoreApplication.translate(
                "Charts", "Mystery client: points per area, {period}"
            ).replace("{period}", period.label)
        )
        units = [unit_label(row.unit_code) for row in data]
        x, y = self._axes(units, "%", 100.0)
        bars = QBarSeries()
        names = area_names()
        for area in AREAS:
            bar_set = QBarSet(names[area])
            for row in data:
                value = row.percent.get(area)
                bar_set.append(0.0 if value is None else value)
            bars.append(bar_set)
        self.chart.addSeries(bars)
        bars.attachAxis(x)
        bars.attachAxis(y)
        self.grid.set_grid(
            [
                QCoreApplication.translate("Charts", "Unit"),
                *(names[a] + " (%)" for a in AREAS),
                QCoreApplication.translate("Charts", "Audits"),
            ],
            [
                [
                    unit_label(row.unit_code),
                    *(number(row.percent.get(a)) for a in AREAS),
                    str(row.audits),
                ]
                for row in data
            ],
        )
