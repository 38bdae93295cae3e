"""The Indicators tab of the Monitoring panel: the register of complaints, grievances, negative
opinions and praise (filters, paged list, add/settle dialog, import with progress and cancel),
the monthly summary per unit and kind, the entries nearing or past their deadline, and the notes
of additional research."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from auditdesk.domain.errors import AuditDeskError
from auditdesk.domain.import_plan import MappingSpec
from auditdesk.domain.indicators import IndicatorKind, Timeliness
from auditdesk.domain.periods import add_months
from auditdesk.services.access import Permission, allowed
from auditdesk.services.monitoring import indicators as svc
from auditdesk.services.monitoring.indicators import imports as indicator_import
from auditdesk.ui.crash import show_error
from auditdesk.ui.errors import error_text
from auditdesk.ui.labels import indicator_kind_name
from auditdesk.ui.monitoring.import_mapping import ImportMappingDialog
from auditdesk.ui.monitoring.import_problems import ImportProblemsDialog
from auditdesk.ui.monitoring.indicators_dialogs import (
    EntryDialog,
    date_edit,
    field_name,
)
from auditdesk.ui.monitoring.indicators_models import (
    EntriesModel,
    SummaryModel,
    make_table,
    share_text,
)
from auditdesk.ui.monitoring.indicators_research import ResearchPage
from auditdesk.ui.monitoring.panel import TabSpec
from auditdesk.ui.panels import PanelDeps
from auditdesk.ui.qdates import to_date
from auditdesk.ui.states import EmptyState, show_no_access
from auditdesk.ui.tasks import Cancelled, LatestReads, Progress, busy_bar

PAGE = 500
T = TypeVar("T")

# the register's columns kept in view, in this order: reference, kind, received, unit,
# deadline, settled, timeliness (EntriesModel)
REQUIRED_ENTRY_COLUMNS = (0, 1, 2, 4, 6, 7, 9)


class IndicatorsTab(QWidget):
    def __init__(
        self,
        deps: PanelDeps,
        today: Callable[[], date] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("indicatorsTab")
        self.deps = deps
        self.today = today or (lambda: deps.context().clock.today())  # time is an input
        self.language = deps.settings.language
        ctx = deps.context()
        self.can_manage = allowed(ctx.actor, Permission.MANAGE_INDICATORS)
        self.can_view = allowed(ctx.actor, Permission.VIEW_INDICATORS)
        self.units = svc.unit_choices(ctx) if self.can_view else []
        self.dialog: EntryDialog | None = None
        self.problems: ImportProblemsDialog | None = None
        self.mapping_dialog: ImportMappingDialog | None = None
        # the lists' reads on a worker (issue 14): only the latest request's rows are shown
        self._reads = LatestReads(
            deps.runner, lambda on: self.busy.setVisible(on), self._read_failed
        )
        # an indeterminate bar while a list is being read
        self.busy = busy_bar("busy", self.tr("Reading the register"))
        self.pages = QTabWidget()
        self.pages.setObjectName("indicatorPages")
        self.pages.addTab(self._register_page(), self.tr("Register"))
        self.pages.addTab(self._summary_page(), self.tr("Monthly summary"))
        self.pages.addTab(self._deadline_page(), self.tr("Deadlines"))
        self.research = ResearchPage(deps.context, self.units, self.can_manage, self.today)
        self.pages.addTab(self.research, self.tr("Research"))
        self.empty = EmptyState()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.empty)
        layout.addWidget(self.busy)
        layout.addWidget(self.pages)
        if not self.can_view:  # one way to say it in every tab (ui.states)
            self.pages.setEnabled(False)
            show_no_access(
                self,
                self.tr("the complaints, opinions and research notes"),
                Permission.VIEW_INDICATORS,
            )
        QShortcut(QKeySequence("Ctrl+N"), self, self.new_entry)
        QShortcut(QKeySequence("Ctrl+I"), self, lambda: self.import_file())
        QShortcut(QKeySequence("F5"), self, self.reload)
        if self.can_view:
            self.reload()

    # --- pages ---------------------------------------------------------------------------------

    def _unit_combo(self, name: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.addItem(self.tr("All units"), None)
        for unit_id, code, unit_name in self.units:
            combo.addItem(f"{code}  {unit_name}", unit_id)
        return combo

    def _register_page(self) -> QWidget:
        page = QWidget()
        self.kind = QComboBox()
        self.kind.setObjectName("filterKind")
        self.kind.addItem(self.tr("All kinds"), None)
        for k in IndicatorKind:
            self.kind.addItem(indicator_kind_name(k), k.value)
        self.unit = self._unit_combo("filterUnit")
        self.state = QComboBox()
        self.state.setObjectName("filterState")
        for label, value in (
            (self.tr("All"), "all"),
            (self.tr("Open"), "open"),
            (self.tr("Overdue"), "overdue"),
            (self.tr("Settled"), "settled"),
        ):
            self.state.addItem(label, value)
        self.use_period = QCheckBox(self.tr("Received from"))
        self.use_period.setObjectName("usePeriod")
        self.date_from = date_edit(self.today().replace(day=1), "filterFrom")
        self.date_to = date_edit(self.today(), "filterTo")
        self.date_from.setAccessibleName(self.tr("Received from"))
        self.date_to.setAccessibleName(self.tr("Received to"))
        for combo in (self.kind, self.unit, self.state):
            combo.currentIndexChanged.connect(self.reload_register)
        self.use_period.toggled.connect(self.reload_register)
        self.date_from.dateChanged.connect(self._period_changed)
        self.date_to.dateChanged.connect(self._period_changed)
        filters = QHBoxLayout()
        for w in (self.kind, self.unit, self.state, self.use_period, self.date_from):
            filters.addWidget(w)
        filters.addWidget(QLabel(self.tr("to")))
        filters.addWidget(self.date_to)
        filters.addStretch(1)
        self.model = EntriesModel(self.today)
        self.table = make_table("entries", self.model)
        self.table.setAccessibleName(self.tr("Register of complaints and opinions"))
        # issue 15: on a 1366×768 screen the reference, kind, dates, unit and timeliness stay in
        # view; channel, employee, outcome and the summary (in the entry itself) may scroll
        header = self.table.horizontalHeader()
        for visual, column in enumerate(REQUIRED_ENTRY_COLUMNS):
            header.moveSection(header.visualIndex(column), visual)
        self.table.setProperty("requiredColumns", list(REQUIRED_ENTRY_COLUMNS))
        self.table.activated.connect(lambda _i: self.edit_selected())
        self.count_label = QLabel()
        self.count_label.setObjectName("count")
        self.more = QPushButton(self.tr("Show &more"))
        self.more.setObjectName("more")
        self.more.clicked.connect(self.load_more)
        self.new_button = QPushButton(self.tr("&New entry…"))
        self.new_button.setObjectName("newEntry")
        self.new_button.setToolTip("Ctrl+N")
        self.new_button.clicked.connect(self.new_entry)
        self.edit_button = QPushButton(self.tr("&Edit / settle…"))
        self.edit_button.setObjectName("editEntry")
        self.edit_button.clicked.connect(lambda: self.edit_selected())
        self.import_button = QPushButton(self.tr("&Import register…"))
        self.import_button.setObjectName("importRegister")
        self.import_button.setToolTip("Ctrl+I")
        self.import_button.clicked.connect(lambda: self.import_file())
        for button in (self.new_button, self.edit_button, self.import_button):
            button.setEnabled(self.can_manage)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.import_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.count_label)
        buttons.addWidget(self.more)
        layout = QVBoxLayout(page)
        layout.addLayout(filters)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        return page

    def _summary_page(self) -> QWidget:
        page = QWidget()
        six_months = add_months(self.today().replace(day=1), -5)  # calendar months, this one too
        self.sum_from = date_edit(six_months, "sumFrom")
        self.sum_from.setDate(self.sum_from.date().addDays(1 - self.sum_from.date().day()))
        self.sum_to = date_edit(self.today(), "sumTo")
        self.sum_from.setAccessibleName(self.tr("Received from"))
        self.sum_to.setAccessibleName(self.tr("Received to"))
        self.sum_unit = self._unit_combo("sumUnit")
        for signal in (
            self.sum_from.dateChanged,
            self.sum_to.dateChanged,
            self.sum_unit.currentIndexChanged,
        ):
            signal.connect(self.reload_summary)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Received from")))
        bar.addWidget(self.sum_from)
        bar.addWidget(QLabel(self.tr("to")))
        bar.addWidget(self.sum_to)
        bar.addWidget(self.sum_unit)
        bar.addStretch(1)
        self.summary_model = SummaryModel()
        self.summary_table = make_table("summary", self.summary_model)
        self.summary_table.setAccessibleName(self.tr("Monthly summary"))
        self.shares = QLabel()
        self.shares.setObjectName("shares")
        self.shares.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addLayout(bar)
        layout.addWidget(self.summary_table)
        layout.addWidget(self.shares)
        return page

    def _deadline_page(self) -> QWidget:
        page = self.deadline_page = QWidget()
        self.watch_model = EntriesModel(self.today)
        self.watch_table = make_table("deadlines", self.watch_model)
        self.watch_table.setAccessibleName(
            self.tr("Open entries past their deadline (red) or due within 7 days (amber).")
        )
        self.watch_table.activated.connect(lambda _i: self.edit_selected(self.watch_table))
        self.watch_label = QLabel()
        self.watch_label.setObjectName("watchLabel")
        layout = QVBoxLayout(page)
        layout.addWidget(
            QLabel(self.tr("Open entries past their deadline (red) or due within 7 days (amber).")),
        )
        layout.addWidget(self.watch_table)
        layout.addWidget(self.watch_label)
        return page

    # --- loading -------------------------------------------------------------------------------

    def filter(self) -> svc.EntryFilter:
        period = self.use_period.isChecked()
        return svc.EntryFilter(
            kind=self.kind.currentData(),
            unit_id=self.unit.currentData(),
            date_from=to_date(self.date_from.date()) if period else None,
            date_to=to_date(self.date_to.date()) if period else None,
            state=str(self.state.currentData()),
        )

    def _period_changed(self) -> None:
        if self.use_period.isChecked():
            self.reload_register()
        else:
            self.use_period.setChecked(True)  # touching a date means: filter by it

    def reload(self) -> None:
        self.reload_register()
        self.reload_summary()
        self.reload_watch()
        # the research notes on a worker too (issue 14: list_notes held the GUI thread when
        # the tab was first shown)
        self._read("notes", self.research.notes_reader(), self.research.show_notes)

    def _read(self, key: str, work: Callable[[], T], show: Callable[[T], None]) -> None:
        """Runs a list's queries on a worker (issue 14: the register and the summary held the
        GUI thread ~0.1 s each when the tab opened) with the busy bar shown; the latest
        request of each list wins."""
        self._reads.read(key, work, show)

    def _read_failed(self, exc: BaseException, tb: str) -> None:
        """An error a user can cause is said in the message line, anything else goes to the
        crash handler."""
        if isinstance(exc, AuditDeskError):
            self.message.setText(error_text(exc))
        else:
            show_error(self, exc, tb)

    def reload_register(self) -> None:
        ctx, f, today = self.deps.context(), self.filter(), self.today()

        def work() -> tuple[int, list[svc.EntryRow], bool]:
            total = svc.count_entries(ctx, f, today)
            rows = svc.list_entries(ctx, f, today=today, limit=PAGE)
            # nothing registered at all (not merely nothing matching the filters): how to begin
            empty = total == 0 and svc.count_entries(ctx, svc.EntryFilter(), today) == 0
            return total, rows, empty

        self._read("register", work, self._show_register)

    def _show_register(self, read: tuple[int, list[svc.EntryRow], bool]) -> None:
        self.total, rows, empty = read
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        self._update_count()
        self.empty.show_if(
            empty,
            self.tr("add a complaint or an opinion (Ctrl+N) or import a register (Ctrl+I).")
            if self.can_manage
            else self.tr("HR registers the complaints and opinions or imports their register."),
        )

    def load_more(self) -> None:
        ctx = self.deps.context()
        rows = svc.list_entries(
            ctx, self.filter(), today=self.today(), limit=PAGE, offset=len(self.model.rows)
        )
        self.model.set_rows([*self.model.rows, *rows])
        self._update_count()

    def _update_count(self) -> None:
        shown = len(self.model.rows)
        self.count_label.setText(
            self.tr("%1 of %2").replace("%1", str(shown)).replace("%2", str(self.total))
        )
        self.more.setEnabled(shown < self.total)

    def reload_summary(self) -> None:
        ctx, today = self.deps.context(), self.today()
        start, end = to_date(self.sum_from.date()), to_date(self.sum_to.date())
        unit = self.sum_unit.currentData()
        self._read(
            "summary",
            lambda: svc.monthly_summary(ctx, start, end, unit, today),
            self._show_summary,
        )

    def _show_summary(self, summary: svc.Summary) -> None:
        self.summary_model.set_rows(summary.rows)
        self.summary_table.resizeColumnsToContents()
        s = summary.shares
        self.shares.setText(
            self.tr(
                "Received: %1. Open past the deadline: %2. Settled on time: %3. "
                "Justified (incl. partly): %4."
            )
            .replace("%1", str(summary.received))
            .replace("%2", str(summary.open_overdue))
            .replace(
                "%3",
                share_text(s.on_time.successes, s.on_time.n, s.on_time_interval, self.language),
            )
            .replace(
                "%4",
                share_text(
                    s.justified.successes, s.justified.n, s.justified_interval, self.language
                ),
            )
        )

    def reload_watch(self) -> None:
        ctx, today = self.deps.context(), self.today()
        self._read("watch", lambda: svc.deadline_watch(ctx, today), self._show_watch)

    def _show_watch(self, rows: list[svc.EntryRow]) -> None:
        self.watch_model.set_rows(rows)
        self.watch_table.resizeColumnsToContents()
        overdue = sum(1 for r in rows if r.timeliness == Timeliness.OPEN_OVERDUE)
        self.watch_label.setText(
            self.tr("%1 overdue, %2 due within 7 days.")
            .replace("%1", str(overdue))
            .replace("%2", str(len(rows) - overdue))
        )
        index = self.pages.indexOf(self.deadline_page)
        title = self.tr("Deadlines")
        self.pages.setTabText(index, f"{title} ({overdue})" if overdue else title)

    # --- entries -------------------------------------------------------------------------------

    def selected(self, view: QTableView | None = None) -> svc.EntryRow | None:
        view = view or self.table
        model = view.model()
        index = view.currentIndex()
        if not index.isValid() or not isinstance(model, EntriesModel):
            return None
        return model.row_at(index.row())

    def new_entry(self) -> EntryDialog | None:
        if not self.can_manage:
            return None
        self.pages.setCurrentIndex(0)
        return self._open_dialog(None)

    def edit_selected(self, view: QTableView | None = None) -> EntryDialog | None:
        row = self.selected(view)
        if row is None or not self.can_manage:
            return None
        return self._open_dialog(row)

    def _open_dialog(self, row: svc.EntryRow | None) -> EntryDialog:
        self.dialog = EntryDialog(
            self.deps.context, self.units, row, self.today(), self.language, self
        )
        self.dialog.accepted.connect(self._saved)
        self.dialog.open()
        return self.dialog

    def _saved(self) -> None:
        self.message.setText(self.tr("Saved."))
        self.reload()

    # --- import --------------------------------------------------------------------------------

    def import_file(self, path: Path | None = None) -> None:
        if not self.can_manage:
            return
        if path is None:
            name, _ = QFileDialog.getOpenFileName(
                self,
                self.tr("Import a complaint register"),
                "",
                self.tr("Registers (*.csv *.txt *.xlsx)"),
            )
            if not name:
                return
            path = Path(name)
        try:
            preview = indicator_import.preview(self.deps.context(), path)
        except AuditDeskError as exc:
            self.message.setText(error_text(exc))
            return
        mapped = set(preview.mapping.values())
        if (
            preview.remembered
            and not preview.stops
            and all(f in mapped for f in indicator_import.REQUIRED)
        ):
            self.run_import(path, preview.mapping)
            return
        targets = [
            (f, field_name(f), f in indicator_import.REQUIRED) for f in indicator_import.FIELDS
        ]
        self.mapping_dialog = ImportMappingDialog(
            path.name,
            preview.header,
            targets,
            preview.mapping,
            preview.rows,
            preview.sample,
            self,
            columns=preview.columns,
            encoding=preview.encoding if preview.encoding != "xlsx" else "XLSX",
            ignored=preview.ignored,
            looks_like=preview.looks_like,
            skipped=preview.skipped,
            distinct=preview.distinct,
            values=preview.values,
            choices=preview.choices,
            source="indicators",
        )
        chosen = path
        self.mapping_dialog.accepted.connect(
            lambda: self.run_import(
                chosen,
                self.mapping_dialog.mapping() if self.mapping_dialog else {},
                self.mapping_dialog.values() if self.mapping_dialog else None,
            )
        )
        self.mapping_dialog.open()

    def run_import(
        self,
        path: Path,
        mapping: dict[str, str],
        values: dict[str, dict[str, str]] | None = None,
    ) -> None:
        """Imports the file with the columns chosen in the dialog and the value words given
        there (on top of the remembered ones)."""
        spec = MappingSpec(values=values) if values else None
        ctx = self.deps.context()
        today = self.today()

        def work(progress: Progress) -> indicator_import.ImportReport:
            try:
                return indicator_import.import_register(
                    ctx,
                    path,
                    mapping,
                    on_progress=lambda d, t: progress.update(d, t, path.name),
                    cancelled=lambda: progress.cancelled,
                    today=today,
                    spec=spec,
                )
            except indicator_import.ImportCancelled as exc:
                raise Cancelled() from exc

        self.deps.runner.submit(
            work,
            self._imported,
            self._import_failed,
            title=self.tr("Importing the complaint register…"),
            parent=self,
            on_cancel=lambda: self.message.setText(
                self.tr("Import cancelled; nothing was imported.")
            ),
        )

    def _imported(self, report: indicator_import.ImportReport) -> None:
        self.message.setText(
            self.tr("%1: %2 row(s) read, %3 added, %4 already in the register.")
            .replace("%1", Path(report.file).name)
            .replace("%2", str(report.rows))
            .replace("%3", str(report.added))
            .replace("%4", str(report.already_present))
            + " "
            + self.tr("%1 linked to units, %2 with a date of settlement from the file.")
            .replace("%1", str(report.linked))
            .replace("%2", str(report.settled_from_file))
        )
        self.reload()

    def _import_failed(self, exc: BaseException, tb: str) -> None:
        if isinstance(exc, indicator_import.ImportRejected):
            self.message.setText(error_text(exc.headline))
            self.problems = ImportProblemsDialog(
                error_text(exc.headline),
                [(p.line, p.column, p.value, error_text(p.message)) for p in exc.problems],
                self,
            )
            self.problems.open()
            return
        if isinstance(exc, AuditDeskError):
            self.message.setText(error_text(exc))
            return
        show_error(self, exc, tb)


def tab(deps: PanelDeps) -> TabSpec:
    return TabSpec(
        order=20,
        title=lambda: QCoreApplication.translate("Indicators", "Complaints and research"),
        build=lambda: IndicatorsTab(deps),
    )
