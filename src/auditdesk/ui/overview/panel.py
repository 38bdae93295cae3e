"""The overview: a period (month, quarter, half-year, year or dates), a row per unit and the
office, a column per indicator with its figure, n and 95 % interval, the target's light in words
and a symbol (never colour alone), and ▲/▼ only where a change stays significant after the
correction for the number of comparisons (Holm). Double-click (or Enter) opens the panel that
owns the figure."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from auditdesk.domain.errors import PermissionDenied
from auditdesk.services.access import Permission, allowed
from auditdesk.services.overview import (
    INDICATORS,
    Cell,
    Overview,
    OverviewRow,
    Period,
    PlanProgress,
    overview,
    period_of,
)
from auditdesk.services.overview.report import (
    METHODS,
    conclusions,
    save_conclusions,
    write_report,
)
from auditdesk.ui.errors import error_text
from auditdesk.ui.labels import language, number, percent
from auditdesk.ui.overview.actions import ActionsView
from auditdesk.ui.overview.targets import TargetsDialog
from auditdesk.ui.panels import PanelDeps
from auditdesk.ui.qdates import to_date, to_qdate
from auditdesk.ui.rows_model import RowsModel
from auditdesk.ui.table_view import TableView
from auditdesk.ui.tasks import Progress

if TYPE_CHECKING:
    from auditdesk.ui.overview.charts import ChartsView

# the panel that owns each method's records (drill-down); "actions" is the overview's own tab
OWNER_PANEL = {
    "cases": "monitoring",
    "complaints": "monitoring",
    "surveys": "monitoring",
    "research": "monitoring",
    "mystery": "audits",
    "appraisals": "appraisals",
    "plan": "plan",
}
# the columns after the indicators: overdue cases, cases with no deadline known, overdue actions,
# and (for those who may see the visit plan) the planned visits done
EXTRA_COLUMNS = ("cases", "cases", "actions", "plan")


def indicator_names() -> dict[str, str]:
    return {
        "timeliness": QCoreApplication.translate("Overview", "Cases on time"),
        "complaints_count": QCoreApplication.translate("Overview", "Complaints and grievances"),
        "complaints_on_time": QCoreApplication.translate("Overview", "Complaints settled on time"),
        "complaints_justified": QCoreApplication.translate("Overview", "Complaints justified"),
        "mystery_passed": QCoreApplication.translate("Overview", "Mystery client: audits passed"),
        "mystery_score": QCoreApplication.translate("Overview", "Mystery client: mean score"),
        "appraisals_current": QCoreApplication.translate(
            "Overview", "Staff with a current appraisal"
        ),
        "surveys_index": QCoreApplication.translate("Overview", "Satisfaction index (0–100)"),
        "surveys_positive": QCoreApplication.translate("Overview", "Positive survey answers"),
        "research_studies": QCoreApplication.translate("Overview", "Research: studies held"),
        "research_actions_done": QCoreApplication.translate(
            "Overview", "Research: recommended actions done"
        ),
    }


def cell_text(cell: Cell) -> str:
    """'87.5 % (n=48; 75.3–94.2) ▲ · target ≥ 90: missed' — every part in words or symbols."""
    if cell.value is None or cell.n == 0:
        return QCoreApplication.translate("Overview", "no data")
    if cell.indicator in ("complaints_count", "research_studies"):
        text = number(cell.value, 0)
    elif cell.indicator == "surveys_index":
        text = f"{number(cell.value)} (n={cell.n})"
    elif cell.interval is not None:
        low, high = cell.interval
        text = f"{percent(cell.value)} (n={cell.n}; {number(low)}–{number(high)})"
    else:
        text = f"{percent(cell.value)} (n={cell.n})"
    if cell.change > 0:
        text += " ▲"
    elif cell.change < 0:
        text += " ▼"
    met = cell.target_met
    if met is not None and cell.target is not None:
        verdict = (
            QCoreApplication.translate("Overview", "met")
            if met
            else QCoreApplication.translate("Overview", "missed")
        )
        word = QCoreApplication.translate("Overview", "target")
        text += f" · {word} {cell.target.text_in(language())}: {verdict} {'●' if met else '○'}"
    return text


def plan_text(plan: PlanProgress | None) -> str:
    """'7 of 10 (70 %)'; 'no visits planned' when none is dated in the period."""
    if plan is None:
        return ""
    if plan.due == 0:
        return QCoreApplication.translate("Overview", "no visits planned")
    return (
        QCoreApplication.translate("Overview", "{done} of {due} ({share})")
        .replace("{done}", number(plan.done, 0))
        .replace("{due}", number(plan.due, 0))
        .replace("{share}", percent(100.0 * plan.done / plan.due, 0))
    )


class OverviewModel(RowsModel[OverviewRow]):
    with_plan = False  # the plan's column: only for those the service gave it to (issue 18)

    def set_rows(self, rows: Iterable[OverviewRow]) -> None:
        rows = list(rows)
        # shown when the plan has visits in the period (a column of "none" tells nothing)
        self.with_plan = any(r.plan is not None and r.plan.due > 0 for r in rows)
        super().set_rows(rows)  # a reset: the column count is read again

    def headers(self) -> list[str]:
        names = indicator_names()
        plan = [QCoreApplication.translate("Overview", "Planned visits done")]
        return [
            QCoreApplication.translate("Overview", "Unit"),
            *(names[k] for k in INDICATORS),
            QCoreApplication.translate("Overview", "Overdue cases now"),
            QCoreApplication.translate("Overview", "Cases with no deadline known"),
            QCoreApplication.translate("Overview", "Improvement actions overdue"),
            *(plan if self.with_plan else []),
        ]

    def cell(self, row: OverviewRow, column: int, role: int) -> Any:
        keys = list(INDICATORS)
        if role == Qt.ItemDataRole.DisplayRole:
            # each row's texts built once (issue 14: a cell's text, asked again for each
            # measure and paint, held the GUI thread ~0.1 s when the window opened on it)
            return self.shown(row, self._texts)[column]
        return self._other(row, column, role, keys)

    def _texts(self, row: OverviewRow) -> list[str]:
        return [self._text(row, column) for column in range(self._column_total())]

    def _text(self, row: OverviewRow, column: int) -> str:
        keys = list(INDICATORS)
        if column == 0:
            return (
                QCoreApplication.translate("Overview", "Whole office")
                if row.unit_id is None
                else row.unit_code
            )
        if column <= len(keys):
            return cell_text(row.cells[keys[column - 1]])
        if column == len(keys) + 1:
            return str(row.overdue_cases)
        if column == len(keys) + 2:
            return str(row.no_deadline_cases)
        if column == len(keys) + 3:
            return str(row.overdue_actions)
        return plan_text(row.plan)

    def _other(self, row: OverviewRow, column: int, role: int, keys: list[str]) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return row.unit_name
        if role == Qt.ItemDataRole.ToolTipRole and column == len(keys) + 4:
            return QCoreApplication.translate(
                "Overview",
                "Visits of the plan dated in the period: done of those due (a missed or "
                "cancelled visit counts through its replacement)",
            )
        if role == Qt.ItemDataRole.BackgroundRole and 0 < column <= len(keys):
            met = row.cells[keys[column - 1]].target_met
            if met is not None:  # colour repeats what the text says
                return QBrush(QColor("#d9f2d9" if met else "#f8d7d7"))
        return None


class OverviewPanel(QWidget):
    def __init__(self, deps: PanelDeps, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.deps = deps
        self.result: Overview | None = None
        self.kind = QComboBox()
        for key, label in (
            ("month", QCoreApplication.translate("Overview", "Month")),
            ("quarter", QCoreApplication.translate("Overview", "Quarter")),
            ("half", QCoreApplication.translate("Overview", "Half-year")),
            ("year", QCoreApplication.translate("Overview", "Year")),
            ("dates", QCoreApplication.translate("Overview", "Dates")),
        ):
            self.kind.addItem(label, key)
        self.kind.setCurrentIndex(3)
        today = deps.context().clock.today()
        self.start = QDateEdit(to_qdate(today.replace(month=1, day=1)))
        self.end = QDateEdit(to_qdate(today))
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd.MM.yyyy")
        self.day = QDateEdit(to_qdate(today))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("dd.MM.yyyy")
        self.kind.setAccessibleName(QCoreApplication.translate("Overview", "Period:"))
        self.day.setAccessibleName(QCoreApplication.translate("Overview", "Day"))
        self.start.setAccessibleName(QCoreApplication.translate("Overview", "From"))
        self.end.setAccessibleName(QCoreApplication.translate("Overview", "To"))
        self.refresh_button = QPushButton(QCoreApplication.translate("Overview", "Show"))
        self.refresh_button.clicked.connect(lambda: self.refresh())
        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        bar = QHBoxLayout()
        bar.addWidget(QLabel(QCoreApplication.translate("Overview", "Period:")))
        bar.addWidget(self.kind)
        bar.addWidget(self.day)
        bar.addWidget(self.start)
        bar.addWidget(self.end)
        bar.addWidget(self.refresh_button)
        bar.addStretch(1)
        self.anonymised = QCheckBox(QCoreApplication.translate("Overview", "Anonymised edition"))
        self.report_button = QPushButton(QCoreApplication.translate("Overview", "Report…"))
        self.report_button.setToolTip(
            QCoreApplication.translate(
                "Overview", "The monitoring report of this period as a PDF or an XLSX workbook"
            )
        )
        self.report_button.clicked.connect(lambda: self.ask_report())
        bar.addWidget(self.anonymised)
        bar.addWidget(self.report_button)
        self.targets_button = QPushButton(QCoreApplication.translate("Overview", "&Targets…"))
        self.targets_button.setToolTip(
            QCoreApplication.translate("Overview", "Targets per indicator and unit (HR)")
        )
        self.targets_button.clicked.connect(lambda: self.edit_targets())
        self.targets_button.setVisible(allowed(deps.context().actor, Permission.MANAGE_CASES))
        bar.addWidget(self.targets_button)
        self.targets_dialog: TargetsDialog | None = None
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.model = OverviewModel(self)
        self.table = TableView()
        self.table.setModel(self.model)
        self.table.setObjectName("overview_table")
        self.table.setAccessibleName(
            QCoreApplication.translate("Overview", "Standards per unit: targets met or not")
        )
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setVisible(False)
        self.table.doubleClicked.connect(self.drill_down)
        self.table.activated.connect(self.drill_down)
        self.note = QLabel()
        self.note.setWordWrap(True)
        # three pages: the figures, the register of actions and the charts; the last two are
        # built when first shown (start time, issue 14)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("overview_tabs")
        self.tabs.setDocumentMode(True)
        figures = QWidget()
        self.tabs.addTab(figures, QCoreApplication.translate("Overview", "&Figures"))
        self.actions_page = QWidget()
        QVBoxLayout(self.actions_page).setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(
            self.actions_page, QCoreApplication.translate("Overview", "Improvement &actions")
        )
        self.charts_page = QWidget()
        QVBoxLayout(self.charts_page).setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(self.charts_page, QCoreApplication.translate("Overview", "&Charts"))
        self.actions_view: ActionsView | None = None
        self.charts_view: ChartsView | None = None
        self.tabs.currentChanged.connect(lambda _i: self._page_shown())
        readable = allowed(deps.context().actor, Permission.VIEW_CASES)
        for page in (self.actions_page, self.charts_page):  # an auditor reads neither
            self.tabs.setTabEnabled(self.tabs.indexOf(page), readable)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.tabs)
        layout = QVBoxLayout(figures)
        layout.addLayout(bar)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        # HR's conclusions and recommendations per method, printed in the report
        self.method = QComboBox()
        self.method.setAccessibleName(QCoreApplication.translate("Overview", "Method"))
        for key, title, _how, _indicators in METHODS:
            self.method.addItem(title, key)
        self.conclusions = QPlainTextEdit()
        self.conclusions.setPlaceholderText(
            QCoreApplication.translate("Overview", "Conclusions and recommendations for the report")
        )
        self.conclusions.setMaximumHeight(70)
        self.conclusions.setAccessibleName(
            QCoreApplication.translate("Overview", "Conclusions and recommendations for the report")
        )
        self.save_conclusions_button = QPushButton(
            QCoreApplication.translate("Overview", "Save conclusions")
        )
        self.save_conclusions_button.clicked.connect(lambda: self.store_conclusions())
        self.method.currentIndexChanged.connect(lambda _i: self.load_conclusions())
        notes = QHBoxLayout()
        notes.addWidget(self.method)
        notes.addWidget(self.conclusions, 1)
        notes.addWidget(self.save_conclusions_button)
        layout.addLayout(notes)
        can_write = allowed(deps.context().actor, Permission.MANAGE_CASES)
        for widget in (self.method, self.conclusions, self.save_conclusions_button):
            widget.setVisible(can_write)
        self.last_report: Path | None = None
        self._kind_changed(load=False)
        if allowed(deps.context().actor, Permission.VIEW_CASES):
            self.refresh()
        else:
            self.heading.setText(
                QCoreApplication.translate(
                    "Overview", "The overview is for supervisors, HR and management."
                )
            )

    def _page_shown(self) -> None:
        page = self.tabs.currentWidget()
        if page is self.actions_page:
            self.actions_tab()
        elif page is self.charts_page:
            self.charts_tab()

    def actions_tab(self) -> ActionsView:
        """The register's page, built on first use."""
        if self.actions_view is None:
            self.actions_view = ActionsView(self.deps.context)
            layout = self.actions_page.layout()
            assert layout is not None
            layout.addWidget(self.actions_view)
        return self.actions_view

    def charts_tab(self) -> ChartsView:
        """The charts' page, built on first use: QtCharts is loaded only then."""
        if self.charts_view is None:
            from auditdesk.ui.overview.charts import ChartsView

            self.charts_view = ChartsView(self.deps, self.period)
            layout = self.charts_page.layout()
            assert layout is not None
            layout.addWidget(self.charts_view)
        elif self.result is not None:
            self.charts_view.reload()
        return self.charts_view

    def edit_targets(self) -> TargetsDialog:
        dialog = TargetsDialog(self.deps.context, self)
        self.targets_dialog = dialog

        def closed() -> None:
            if dialog.changed:
                self.refresh()

        dialog.finished.connect(lambda _r: closed())
        dialog.open()
        return dialog

    def _kind_changed(self, load: bool = True) -> None:
        dates = self.kind.currentData() == "dates"
        self.start.setVisible(dates)
        self.end.setVisible(dates)
        self.day.setVisible(not dates)
        if load and allowed(self.deps.context().actor, Permission.VIEW_CASES):
            self.refresh()

    def period(self) -> Period:
        kind = str(self.kind.currentData())
        if kind == "dates":
            start, end = to_date(self.start.date()), to_date(self.end.date())
            return Period(min(start, end), max(start, end))
        day: date = to_date(self.day.date())
        return period_of(kind, day)

    def refresh(self) -> None:
        ctx = self.deps.context()
        period = self.period()

        def work(_progress: Progress) -> Overview:
            return overview(ctx, period)

        self.deps.runner.submit(work, self.show_result, self.show_error)

    def show_result(self, result: Overview) -> None:
        self.result = result
        if hasattr(self, "conclusions"):
            self.load_conclusions()
        self.model.set_rows(result.rows)
        self.heading.setText(
            QCoreApplication.translate("Overview", "Period {period}, compared with {previous}.")
            .replace("{period}", result.period.label)
            .replace("{previous}", result.previous.label)
        )
        self.note.setText(
            QCoreApplication.translate(
                "Overview",
                "Percentages with their sample size n and 95 % interval. ▲/▼: a change from the "
                "previous period that stays significant after the Holm correction for all "
                "{count} comparisons. ● target met, ○ target missed. Enter or double-click "
                "opens the records.",
            ).replace("{count}", str(result.comparisons))
        )

    def load_conclusions(self) -> None:
        if not self.conclusions.isVisible() and not self.conclusions.isVisibleTo(self):
            return
        found = conclusions(self.deps.context(), self.period())
        self.conclusions.setPlainText(found.get(str(self.method.currentData()), ""))

    def store_conclusions(self) -> None:
        save_conclusions(
            self.deps.context(),
            self.period(),
            str(self.method.currentData()),
            self.conclusions.toPlainText(),
        )

    def ask_report(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("Overview", "Save the monitoring report"),
            "raport-monitorowania.pdf",
            QCoreApplication.translate("Overview", "PDF (*.pdf);;Excel workbook (*.xlsx)"),
        )
        if path:
            self.make_report(Path(path))

    def make_report(self, path: Path) -> None:
        """Writes the report in the background, with progress and Cancel."""
        ctx = self.deps.context()
        period = self.period()
        anonymised = self.anonymised.isChecked()

        def work(progress: Progress) -> Path:
            progress.update(0, 2, QCoreApplication.translate("Overview", "Reading the figures…"))
            return write_report(ctx, period, path, anonymised=anonymised, check=progress.check)

        def done(written: Path) -> None:
            self.last_report = written
            self.note.setText(
                QCoreApplication.translate("Overview", "The report is saved: {path}").replace(
                    "{path}", str(written)
                )
            )

        def failed(exc: BaseException, trace: str) -> None:
            QMessageBox.warning(
                self, QCoreApplication.translate("Overview", "Report"), error_text(exc)
            )

        self.deps.runner.submit(
            work,
            done,
            failed,
            title=QCoreApplication.translate("Overview", "Monitoring report"),
            parent=self,
        )

    def show_error(self, exc: BaseException, _trace: str) -> None:
        if isinstance(exc, PermissionDenied):
            self.heading.setText(error_text(exc))
            return
        raise exc

    def drill_down(self, index: QModelIndex) -> None:
        """Opens the panel that owns the figure's records with its filters set to the row's
        unit and the period: the audits of that unit and period, its complaints, its cases,
        its survey responses; the overdue actions on the register's page."""
        keys = list(INDICATORS)
        column = index.column()
        if 0 < column <= len(keys):
            method = INDICATORS[keys[column - 1]][0]
        elif column > len(keys):
            method = EXTRA_COLUMNS[min(column - len(keys) - 1, len(EXTRA_COLUMNS) - 1)]
        else:
            method = "cases"
        row = self.model.row_at(index.row())
        unit_id = row.unit_id if row is not None else None
        unit_code = row.unit_code if row is not None else ""
        if method == "actions":
            self.tabs.setCurrentWidget(self.actions_page)
            self.actions_tab().show_filtered(unit_id=unit_id, overdue=True)
            return
        period = self.result.period if self.result is not None else self.period()
        window = self.window()
        show = getattr(window, "show_panel", None)
        if not callable(show):
            return
        panel = show(OWNER_PANEL[method])
        show_records = getattr(panel, "show_records", None)
        if callable(show_records):
            show_records(
                method=method,
                unit_id=unit_id,
                unit_code=unit_code,
                start=period.start,
                end=period.end,
            )
