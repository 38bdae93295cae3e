"""The "Case timeliness" tab of the Monitoring panel: importing the EZD case register (column
mapping, progress and cancel, the list of unreadable rows), the on-time share per unit and
month with its 95 % interval, and the open cases past their due date."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from auditdesk.domain.case_rows import CASE_FIELDS, FIELDS
from auditdesk.domain.dates import format_date
from auditdesk.domain.errors import AuditDeskError
from auditdesk.domain.import_plan import MappingSpec
from auditdesk.domain.periods import add_months
from auditdesk.services.access import Permission, allowed
from auditdesk.services.monitoring.cases import imports as cases_import
from auditdesk.services.monitoring.cases import reports as cases_reports
from auditdesk.services.monitoring.cases.imports import ImportRejected, ImportResult, Preview
from auditdesk.services.monitoring.cases.reports import CaseSummary, OverdueRow, TimelinessRow
from auditdesk.ui.crash import show_error
from auditdesk.ui.errors import error_text
from auditdesk.ui.labels import number
from auditdesk.ui.monitoring.import_mapping import ImportMappingDialog
from auditdesk.ui.monitoring.import_problems import ImportProblemsDialog
from auditdesk.ui.monitoring.panel import TabSpec
from auditdesk.ui.panels import PanelDeps
from auditdesk.ui.qdates import to_date, to_qdate
from auditdesk.ui.rows_model import RowsModel
from auditdesk.ui.states import EmptyState, show_no_access
from auditdesk.ui.table_view import TableView
from auditdesk.ui.tasks import LatestReads, Progress, busy_bar

T = TypeVar("T")
Figures = tuple[list[TimelinessRow], list[OverdueRow], CaseSummary]
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LOW_SHARE = 80.0  # below this on-time share a row is shown in red


def _num(value: float | None, digits: int = 1) -> str:
    return "" if value is None else number(value, digits)


_day = format_date  # dd.mm.yyyy (domain.dates)


def field_label(field: str) -> str:
    """The translated name of a register field."""
    labels = {
        "sign": QCoreApplication.translate("CaseFields", "Case sign"),
        "unit": QCoreApplication.translate("CaseFields", "Unit"),
        "jrwa": QCoreApplication.translate("CaseFields", "JRWA class"),
        "title": QCoreApplication.translate("CaseFields", "Title"),
        "started_on": QCoreApplication.translate("CaseFields", "Start date"),
        "settled_on": QCoreApplication.translate("CaseFields", "Settlement date"),
        "category": QCoreApplication.translate("CaseFields", "Category"),
        "due_on": QCoreApplication.translate("CaseFields", "Due date (EZD)"),
        "suspension_days": QCoreApplication.translate("CaseFields", "Days not counted"),
        "suspended": QCoreApplication.translate("CaseFields", "Suspended (yes/no)"),
        "suspended_from": QCoreApplication.translate("CaseFields", "Suspended from"),
        "suspended_to": QCoreApplication.translate("CaseFields", "Suspended until"),
        "handler": QCoreApplication.translate("CaseFields", "Handler"),
        "remarks": QCoreApplication.translate("CaseFields", "Remarks"),
    }
    return labels.get(field, FIELDS.get(field, field))


DEFAULT_MAPPING_NAME = "EZD"  # what a new mapping is remembered as unless renamed


class TimelinessModel(RowsModel[TimelinessRow]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)

    def headers(self) -> list[str]:
        return [
            self.tr("Unit"),
            self.tr("Month"),
            self.tr("JRWA class"),
            self.tr("Settled"),
            self.tr("On time"),
            self.tr("Late"),
            self.tr("% on time"),
            self.tr("95% interval"),
            self.tr("Avg. days to settle"),
            self.tr("Avg. days late"),
        ]

    def cell(self, row: TimelinessRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 3:
            return int(RIGHT)
        if role == Qt.ItemDataRole.ForegroundRole and column == 6:
            share = row.on_time_percent
            return QBrush(QColor("#b00020")) if share is not None and share < LOW_SHARE else None
        if role == Qt.ItemDataRole.ToolTipRole and column == 6:
            share = row.on_time_percent
            if share is not None and share < LOW_SHARE:  # the red said in words
                return self.tr("Below %1 % on time").replace("%1", number(LOW_SHARE, 1, trim=True))
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return row.unit_name or None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.shown(row, self._texts)[column]  # built once per row (issue 14)

    def _texts(self, row: TimelinessRow) -> list[str]:
        interval = row.interval
        return [
            row.unit_code,
            row.period,
            row.jrwa,
            str(row.settled),
            str(row.on_time),
            str(row.late),
            _num(row.on_time_percent),
            "" if interval is None else f"{_num(interval[0])}–{_num(interval[1])}",
            _num(row.avg_days_to_settle),
            _num(row.avg_days_late),
        ]


class OverdueModel(RowsModel[OverdueRow]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)

    def headers(self) -> list[str]:
        return [
            self.tr("Case sign"),
            self.tr("Unit"),
            self.tr("Started"),
            self.tr("Due"),
            self.tr("Days overdue"),
            self.tr("Handler"),
            self.tr("Title"),
        ]

    def cell(self, row: OverdueRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 4:
            return int(RIGHT)
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.due_rule or None  # how the due date was reached (KPA articles)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.shown(row, self._texts)[column]  # built once per row (issue 14)

    def _texts(self, row: OverdueRow) -> list[str]:
        return [
            row.sign,
            row.unit_code,
            _day(row.started_on),
            _day(row.due_on),
            str(row.days_overdue),
            row.handler,
            row.title,
        ]


class CasesTab(QWidget):
    """Import of the register and the two views of timeliness."""

    def __init__(self, deps: PanelDeps, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("casesTab")
        self.deps = deps
        self.mapping_dialog: ImportMappingDialog | None = None
        self.problems_dialog: ImportProblemsDialog | None = None
        self._pending: Path | None = None
        # the register's reads on a worker (issue 14): only the latest request's rows are shown
        self._reads = LatestReads(
            deps.runner, lambda on: self.busy.setVisible(on), self._read_failed
        )
        actor = deps.context().actor
        self.can_import = allowed(actor, Permission.MANAGE_CASES)
        self.can_view = allowed(actor, Permission.VIEW_CASES)

        self.import_button = QPushButton(self.tr("&Import register…"))
        self.import_button.setObjectName("importCases")
        self.import_button.setToolTip(
            self.tr("A CSV or XLSX export of the EZD case register (Ctrl+I)")
        )
        self.import_button.setVisible(self.can_import)
        self.import_button.clicked.connect(self.choose_file)
        today = deps.context().clock.today()
        start = add_months(today.replace(day=1), -5)
        self.date_from = QDateEdit(to_qdate(start))
        self.date_to = QDateEdit(to_qdate(today))
        for edit, name in ((self.date_from, "casesFrom"), (self.date_to, "casesTo")):
            edit.setObjectName(name)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd.MM.yyyy")
            edit.dateChanged.connect(self.refresh)
        self.group = QComboBox()
        self.group.setObjectName("casesGroup")
        for label, key in (
            (self.tr("Unit and month"), "unit_month"),
            (self.tr("Unit"), "unit"),
            (self.tr("Month"), "month"),
            (self.tr("JRWA class"), "jrwa"),
        ):
            self.group.addItem(label, key)
        self.group.currentIndexChanged.connect(self.refresh)
        self.unit = QComboBox()
        self.unit.setObjectName("casesUnit")
        self.unit.setAccessibleName(self.tr("Unit"))
        self.group.setAccessibleName(self.tr("Group by"))
        self.date_from.setAccessibleName(self.tr("Settled from"))
        self.date_to.setAccessibleName(self.tr("Settled to"))
        self.unit.currentIndexChanged.connect(self.refresh)
        refresh = QPushButton(self.tr("Refresh"))
        refresh.setToolTip(self.tr("Read the figures again (F5)"))
        refresh.clicked.connect(self.reload)

        bar = QHBoxLayout()
        bar.addWidget(self.import_button)
        bar.addSpacing(16)
        bar.addWidget(QLabel(self.tr("Settled from")))
        bar.addWidget(self.date_from)
        bar.addWidget(QLabel(self.tr("to")))
        bar.addWidget(self.date_to)
        bar.addWidget(QLabel(self.tr("Unit")))
        bar.addWidget(self.unit)
        bar.addWidget(QLabel(self.tr("Group by")))
        bar.addWidget(self.group)
        bar.addStretch(1)
        bar.addWidget(refresh)

        self.summary = QLabel()
        self.summary.setObjectName("casesSummary")
        self.status = QLabel()
        self.status.setObjectName("casesStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.timeliness_model = TimelinessModel(self)
        self.timeliness_view = self._view(self.timeliness_model, "casesTimeliness")
        self.overdue_model = OverdueModel(self)
        self.overdue_view = self._view(self.overdue_model, "casesOverdue")
        self.timeliness_view.setAccessibleName(
            self.tr("Cases settled on time (dates of settlement)")
        )
        self.overdue_view.setAccessibleName(self.tr("Overdue cases"))
        self.overdue_view.horizontalHeader().setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)

        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(QLabel(self.tr("Cases settled on time (dates of settlement)")))
        upper_layout.addWidget(self.timeliness_view)
        rule = QLabel(
            self.tr(
                "A case to be settled without delay counts as on time when settled by the first "
                "working day after it started (KPA art. 35 §2, art. 57). Due dates: 1 or 2 months "
                "(art. 35 §3), appeals 1 month (art. 35 §4), complaints 1 month (art. 237), "
                "extended by periods not counted (art. 35 §5); a due date from EZD prevails. "
                "Hover over an overdue case to see how its due date was reached."
            )
        )
        rule.setObjectName("casesRule")
        rule.setWordWrap(True)
        upper_layout.addWidget(rule)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        self.overdue_title = QLabel()
        lower_layout.addWidget(self.overdue_title)
        lower_layout.addWidget(self.overdue_view)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(upper)
        splitter.addWidget(lower)

        # an indeterminate bar while the figures are being read
        self.busy = busy_bar("casesBusy", self.tr("Reading the case register"))

        self.empty = EmptyState()
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addLayout(bar)
        layout.addWidget(self.busy)
        layout.addWidget(self.summary)
        layout.addWidget(self.status)
        layout.addWidget(splitter, 1)
        if self.can_import:
            QShortcut(QKeySequence("Ctrl+I"), self, self.choose_file)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, self.reload)
        if not self.can_view:  # one way to say it in every tab (ui.states)
            show_no_access(self, self.tr("the timeliness of cases"), Permission.VIEW_CASES)
            return
        self.reload()

    def _view(self, model: RowsModel[Any], name: str) -> QTableView:
        view = TableView()
        view.setObjectName(name)
        view.setModel(model)
        view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        view.setAlternatingRowColors(True)
        view.verticalHeader().setVisible(False)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        return view

    # ----- the figures

    def _read(self, key: str, work: Callable[[], T], show: Callable[[T], None]) -> None:
        """Runs a read on a worker (issue 14: the register's figures, overdue list and summary
        held the GUI thread when the tab was first shown) with the busy bar shown; the latest
        request of each kind wins."""
        self._reads.read(key, work, show)

    def _read_failed(self, exc: BaseException, tb: str) -> None:
        """An error a user can cause is said in the status line, anything else goes to the
        crash handler."""
        if isinstance(exc, AuditDeskError):
            self._show_error(exc)
        else:
            show_error(self, exc, tb)

    def reload(self) -> None:
        """Units list and figures again (after an import, or on F5)."""
        if not self.can_view:
            return
        ctx = self.deps.context()
        self._read("units", lambda: cases_reports.unit_codes(ctx), self._show_units)

    def _show_units(self, codes: list[str]) -> None:
        current = self.unit.currentData()
        self.unit.blockSignals(True)
        self.unit.clear()
        self.unit.addItem(self.tr("All units"), "")
        for code in codes:
            self.unit.addItem(code, code)
        found = self.unit.findData(current) if current else 0
        self.unit.setCurrentIndex(max(0, found))
        self.unit.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        if not self.can_view:
            return
        ctx = self.deps.context()
        unit = str(self.unit.currentData() or "") or None
        date_from, date_to = to_date(self.date_from.date()), to_date(self.date_to.date())
        by = str(self.group.currentData())

        def work() -> Figures:
            rows = cases_reports.timeliness(
                ctx, date_from=date_from, date_to=date_to, unit=unit, by=by
            )
            return rows, cases_reports.overdue(ctx, unit=unit), cases_reports.summary(ctx)

        self._read("figures", work, lambda figures: self._show_figures(figures, by))

    def _show_figures(self, figures: Figures, by: str) -> None:
        rows, overdue, s = figures
        self.timeliness_model.set_rows(rows)
        self.timeliness_view.setColumnHidden(0, by not in ("unit_month", "unit"))
        self.timeliness_view.setColumnHidden(1, by not in ("unit_month", "month"))
        self.timeliness_view.setColumnHidden(2, by != "jrwa")
        self.overdue_model.set_rows(overdue)
        self.overdue_title.setText(
            self.tr("Open cases past their due date: %1").replace("%1", str(len(overdue)))
        )
        self.empty.show_if(
            s.total == 0,
            self.tr("import the EZD case register (Ctrl+I).")
            if self.can_import
            else self.tr("HR imports the EZD case register."),
        )
        share = "" if s.settled == 0 else _num(100.0 * s.on_time / s.settled)
        self.summary.setText(
            self.tr("%1 cases in the register: %2 settled (%3% on time), %4 open, %5 overdue.")
            .replace("%1", str(s.total))
            .replace("%2", str(s.settled))
            .replace("%3", share or "–")
            .replace("%4", str(s.open))
            .replace("%5", str(s.overdue))
        )

    # ----- the import

    def choose_file(self) -> None:
        if not self.can_import:
            return
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import the EZD case register"),
            "",
            self.tr("Register exports (*.csv *.txt *.xlsx);;All files (*)"),
        )
        if name:
            self.open_import(Path(name))

    def open_import(self, path: Path) -> None:
        """Reads the first rows and asks which column is which (the remembered mapping chosen)."""
        context = self.deps.context

        def read(_progress: Progress) -> Preview:
            return cases_import.preview(context(), path)  # reads the whole file: off the GUI

        def show(preview: Preview) -> None:
            self._pending = path
            self.mapping_dialog = ImportMappingDialog(
                path.name,
                preview.header,
                [(f.name, field_label(f.name), f.required) for f in CASE_FIELDS],
                {},
                preview.row_count,
                preview.rows,
                self,
                columns=preview.mapping,
                name=preview.mapping_name or DEFAULT_MAPPING_NAME,
                encoding=preview.encoding if preview.encoding != "xlsx" else "XLSX",
                ignored=preview.ignored,
                looks_like=preview.looks_like,
                skipped=preview.skipped,
                distinct=preview.distinct,
                values=preview.values,
                choices=preview.choices,
                source="cases",
            )
            self.mapping_dialog.accepted.connect(self._start_import)
            self.mapping_dialog.open()

        self.deps.runner.submit(read, show, lambda exc, _trace: self._show_error(exc))

    def _start_import(self) -> None:
        dialog, path = self.mapping_dialog, self._pending
        if dialog is None or path is None:
            return
        mapping, name = dialog.columns(), dialog.remember_as()
        values = dialog.values()  # value words given in the dialog (issue 13)
        spec = MappingSpec(values=values) if values else None
        context = self.deps.context

        def task(progress: Progress) -> ImportResult:
            return cases_import.import_cases(
                context(),
                path,
                mapping,
                remember_as=name,
                on_progress=lambda done, total: progress.update(done, total, path.name),
                check=progress.check,
                spec=spec,
            )

        self.status.setText(self.tr("Importing %1…").replace("%1", path.name))
        self.deps.runner.submit(
            task,
            self._imported,
            self._import_failed,
            title=self.tr("Importing the case register"),
            parent=self,
            on_cancel=lambda: self.status.setText(
                self.tr("Import cancelled; nothing was imported.")
            ),
        )

    def _imported(self, result: ImportResult) -> None:
        if result.already_imported:
            text = self.tr("%1 was imported before; nothing changed.").replace(
                "%1", result.file_name
            )
        else:
            text = (
                self.tr("%1: %2 cases read: %3 new, %4 updated, %5 unchanged.")
                .replace("%1", result.file_name)
                .replace("%2", str(result.rows))
                .replace("%3", str(result.created))
                .replace("%4", str(result.updated))
                .replace("%5", str(result.unchanged))
            )
            text += " " + (
                self.tr("%1 linked to units, %2 with a date of settlement from the file.")
                .replace("%1", str(result.linked))
                .replace("%2", str(result.settled_from_file))
            )
            if result.unmatched_units:
                text += " " + self.tr(
                    "Units not in the organisation (kept by their code): %1"
                ).replace("%1", ", ".join(result.unmatched_units))
        self.status.setStyleSheet("")
        self.status.setText(text)
        self.reload()

    def _import_failed(self, exc: BaseException, _trace: str) -> None:
        if isinstance(exc, ImportRejected) and self._pending is not None:
            self.status.setStyleSheet("color: #b00020")
            self.status.setText(
                self.tr("Nothing was imported: %1 value(s) could not be read.").replace(
                    "%1", str(len(exc.problems))
                )
            )
            message = (
                self.tr(
                    "%1: %2 value(s) could not be read, so nothing was imported. Correct them "
                    "in the file (or in EZD) and import it again."
                )
                .replace("%1", self._pending.name)
                .replace("%2", str(len(exc.problems)))
            )
            rows = [(p.line, p.column, p.value, error_text(p.message)) for p in exc.problems]
            self.problems_dialog = ImportProblemsDialog(message, rows, self)
            self.problems_dialog.open()
            return
        self._show_error(exc)

    def _show_error(self, exc: BaseException) -> None:
        self.status.setStyleSheet("color: #b00020")
        self.status.setText(error_text(exc))


def tab(deps: PanelDeps) -> TabSpec:
    return TabSpec(
        order=30,
        title=lambda: QCoreApplication.translate("CasesTab", "Case timeliness"),
        build=lambda: CasesTab(deps),
    )
