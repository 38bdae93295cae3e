"""Per-standard results: the share of audits meeting each item, per section and overall, with
sample size and 95 % interval, two units side by side and the trend by month. A difference is
marked only when it is statistically significant."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from auditdesk.domain.statistics import Proportion
from auditdesk.services import audits as svc
from auditdesk.services.audits import results as results
from auditdesk.services.context import AppContext
from auditdesk.ui.errors import error_text
from auditdesk.ui.labels import number, percent, percent_range, signed
from auditdesk.ui.qdates import to_date
from auditdesk.ui.table_view import enable_table_actions
from auditdesk.ui.tasks import Progress, TaskRunner


def pct(p: Proportion) -> str:
    if p.n == 0:
        return "—"
    return percent(100 * p.successes / p.n, 0)


def ci(p: Proportion) -> str:
    interval = p.wilson()
    if interval is None:
        return ""
    return percent_range(100 * interval[0], 100 * interval[1], 0)


class ResultsView(QWidget):
    closed = Signal()

    def __init__(
        self,
        context: Callable[[], AppContext],
        runner: TaskRunner,
        language: str = "pl",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.runner = runner
        self.language = language
        self.report: results.ResultsReport | None = None
        self.form = QComboBox()
        self.form.setObjectName("form")
        for f in svc.checklist_forms(context()):
            self.form.addItem(f.title, f.form_id)
        today = context().clock.today()
        self.start = QDateEdit(QDate(today.year, 1, 1))
        month_end = QDate(today.year, today.month, 1).addMonths(1).addDays(-1)
        self.end = QDateEdit(month_end)  # whole months are summed from running totals
        for d in (self.start, self.end):
            d.setCalendarPopup(True)
            d.setDisplayFormat("yyyy-MM-dd")
        self.unit_a = QComboBox()
        self.unit_b = QComboBox()
        self.unit_a.setObjectName("unit_a")
        self.unit_b.setObjectName("unit_b")
        self.run_button = QPushButton(self.tr("Show (F5)"))
        self.run_button.setShortcut("F5")
        self.run_button.clicked.connect(self.run)
        back = QPushButton(self.tr("Back to the list (Esc)"))
        back.setShortcut("Esc")
        back.clicked.connect(self.closed.emit)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 0)
        self.table.setObjectName("standards")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.trend = QTableWidget(0, 0)
        self.trend.setObjectName("trend")
        self.trend.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        enable_table_actions(self.table, self.tr("Standards"))
        enable_table_actions(self.trend, self.tr("Trend by month"))
        tabs = QTabWidget()
        tabs.addTab(self.table, self.tr("Standards"))
        tabs.addTab(self.trend, self.tr("Trend by month"))
        controls = QHBoxLayout()
        for label, w in (
            (self.tr("Form"), self.form),
            (self.tr("From"), self.start),
            (self.tr("to"), self.end),
            (self.tr("Compare"), self.unit_a),
            (self.tr("with"), self.unit_b),
        ):
            controls.addWidget(QLabel(label))
            controls.addWidget(w)
        controls.addWidget(self.run_button)
        controls.addStretch(1)
        controls.addWidget(back)
        note = QLabel(
            self.tr(
                "n = number of audits in which the standard applied (for a section: item checks); "
                "95 % CI = Wilson interval. "
                "▲/▼ mark a difference that stays statistically significant (p < 0.05) after the "
                "Holm correction for all the differences shown at once; other differences may "
                "be chance."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.summary)
        layout.addWidget(tabs, 1)
        layout.addWidget(note)
        self.unit_a.currentIndexChanged.connect(self._fill)
        self.unit_b.currentIndexChanged.connect(self._fill)

    def query(self) -> results.ResultsQuery:
        return results.ResultsQuery(
            form_id=str(self.form.currentData()),
            start=to_date(self.start.date()),
            end=to_date(self.end.date()),
            language=self.language,
        )

    def run(self) -> None:
        if self.form.currentIndex() < 0:
            return
        q = self.query()
        ctx = self.context()

        def work(_p: Progress) -> results.ResultsReport:
            return results.standard_results(ctx, q)

        self.runner.submit(
            work, self.show_report, self._failed, title=self.tr("Computing results…"), parent=self
        )

    def _failed(self, exc: BaseException, _tb: str) -> None:
        self.summary.setText(error_text(exc))

    def show_report(self, report: results.ResultsReport) -> None:
        self.report = report
        for combo in (self.unit_a, self.unit_b):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("—"), None)
            for uid, code, _name in report.units:
                combo.addItem(code, uid)
            combo.blockSignals(False)
        if len(report.units) >= 2:
            self.unit_a.setCurrentIndex(1)
            self.unit_b.setCurrentIndex(2)
        mean = percent(report.mean_score)
        self.summary.setText(
            self.tr("%1: %2 completed audits, mean score %3")
            .replace("%1", report.form_title)
            .replace("%2", str(report.audits))
            .replace("%3", mean)
        )
        self._fill()

    def _fill(self) -> None:
        report = self.report
        if report is None:
            return
        a, b = self.unit_a.currentData(), self.unit_b.currentData()
        names = {uid: code for uid, code, _n in report.units}
        headers = [self.tr("Standard"), "%", "n", self.tr("95 % CI")]
        if a is not None and b is not None:
            headers += [names[a], names[b], self.tr("Difference")]
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(report.rows))
        # every row's comparison corrected together (Holm; issue 17)
        unit_tests = report.unit_comparisons(a, b) if a is not None and b is not None else {}
        for r, row in enumerate(report.rows):
            indent = {"overall": "", "section": "", "item": "    "}[row.level]
            name = QTableWidgetItem(indent + row.text + (" ⚑" if row.critical else ""))
            if row.level != "item":
                font = QFont()
                font.setBold(True)
                name.setFont(font)
            cells = [
                name,
                QTableWidgetItem(pct(row.total)),
                QTableWidgetItem(str(row.total.n)),
                QTableWidgetItem(ci(row.total)),
            ]
            if a is not None and b is not None:
                pa = row.by_unit.get(a, Proportion(0, 0))
                pb = row.by_unit.get(b, Proportion(0, 0))
                cells += [
                    QTableWidgetItem(f"{pct(pa)} (n={pa.n})"),
                    QTableWidgetItem(f"{pct(pb)} (n={pb.n})"),
                    self._diff(unit_tests[row.key]),
                ]
            for c, cell in enumerate(cells):
                self.table.setItem(r, c, cell)
        self.table.resizeColumnsToContents()
        self._fill_trend(report)

    def _diff(self, comparison: Any) -> QTableWidgetItem:
        if comparison is None:
            return QTableWidgetItem("—")
        points = 100 * comparison.difference
        if comparison.significant:
            mark = "▲" if points > 0 else "▼"
            item = QTableWidgetItem(
                f"{mark} {signed(points)} pp (p={number(comparison.p_value, 3)})"
            )
            item.setForeground(QBrush(QColor("#1b5e20" if points > 0 else "#b00020")))
        else:
            item = QTableWidgetItem(self.tr("%1 pp, not significant").replace("%1", signed(points)))
            item.setForeground(QBrush(QColor("#777777")))
        item.setData(Qt.ItemDataRole.UserRole, bool(comparison.significant))
        return item

    def _fill_trend(self, report: results.ResultsReport) -> None:
        rows = [r for r in report.rows if r.level in ("overall", "section")]
        self.trend.clear()
        self.trend.setColumnCount(len(report.months) + 1)
        self.trend.setHorizontalHeaderLabels([self.tr("Standard"), *report.months])
        self.trend.setRowCount(len(rows))
        changes = report.month_changes()  # corrected together (Holm; issue 17)
        for r, row in enumerate(rows):
            self.trend.setItem(r, 0, QTableWidgetItem(row.text))
            for c, month in enumerate(report.months, 1):
                p = row.by_month.get(month, Proportion(0, 0))
                change = changes[(row.key, month)]
                mark = ""
                if change is not None and change.significant:
                    mark = " ▲" if change.difference > 0 else " ▼"
                item = QTableWidgetItem(f"{pct(p)} (n={p.n}){mark}")
                item.setToolTip(ci(p))
                item.setData(Qt.ItemDataRole.UserRole, bool(mark))
                self.trend.setItem(r, c, item)
        self.trend.resizeColumnsToContents()
