"""The Audits panel: the list (filters, search, sort, paged from the database), the audit being
filled in, and the per-standard results.

Keys: Ctrl+N new audit, Enter opens the selected audit, Ctrl+F search, Ctrl+R results,
Ctrl+Shift+S export, F5 refresh.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from auditdesk.domain.errors import AuditDeskError
from auditdesk.services import audits as svc
from auditdesk.services.context import AppContext
from auditdesk.settings import Settings
from auditdesk.ui.audits.dialogs import (
    ActionPlanDialog,
    DisputeDialog,
    EvidencePreview,
    NewAuditDialog,
)
from auditdesk.ui.audits.editor import AuditEditor
from auditdesk.ui.audits.list_model import COLUMNS, PAGE, AuditListModel
from auditdesk.ui.audits.results import ResultsView
from auditdesk.ui.crash import show_error
from auditdesk.ui.errors import error_text
from auditdesk.ui.labels import channel_name
from auditdesk.ui.panels import PanelDeps
from auditdesk.ui.protocols.actions import protocol_button
from auditdesk.ui.table_view import TableView
from auditdesk.ui.tasks import Progress, TaskRunner

SEARCH_DELAY_MS = 250


class AuditsPanel(QWidget):
    list_loaded = Signal()  # the list's rows of the latest request are shown
    editor_opened = Signal(object)  # the AuditEditor just shown

    def __init__(
        self,
        context: Callable[[], AppContext],
        runner: TaskRunner,
        settings: Settings | None = None,
        choose_file: Callable[[], Path | None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.runner = runner
        self.settings = settings or Settings()
        self.language = self.settings.language
        self.choose_file = choose_file or self._ask_file
        self.editor: AuditEditor | None = None
        self.results: ResultsView | None = None
        self.dialog: Any = None
        self.sort_key = "visited_at"
        self.descending = True
        self.period_range: tuple[date, date] = (date.min, date.max)
        self._generation = 0  # of the list's requests: only the latest one's rows are shown
        self._opening = 0  # of the audits asked to open: only the latest one opens

        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setAccessibleName(self.tr("Search audits"))
        self.search.setPlaceholderText(self.tr("Search: record, unit, employee, scenario (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.unit = QComboBox()
        self.unit.setObjectName("unitFilter")
        self.period = QComboBox()
        self.period.setObjectName("periodFilter")
        self.channel = QComboBox()
        self.channel.setObjectName("channelFilter")
        self.auditor = QComboBox()
        self.auditor.setObjectName("auditorFilter")
        self.status = QComboBox()
        self.status.setObjectName("statusFilter")
        self.verdict = QComboBox()
        self.verdict.setObjectName("verdictFilter")
        self._fill_filters()
        self.count = QLabel()
        self.count.setObjectName("count")
        self.model = AuditListModel(self._fetch, request=self._request_page)
        self.table = TableView()
        self.table.setObjectName("audits")
        self.table.setAccessibleName(self.tr("Audits"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(1, Qt.SortOrder.DescendingOrder)
        header.sectionClicked.connect(self._sort_clicked)
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        for col, width in enumerate((110, 130, 110, 70, 180, 150, 100, 80)):
            self.table.setColumnWidth(col, width)

        self.new_button = QPushButton(self.tr("New audit (Ctrl+N)"))
        self.open_button = QPushButton(self.tr("Open (Enter)"))
        self.results_button = QPushButton(self.tr("Results per standard (Ctrl+R)"))
        self.export_button = QPushButton(self.tr("Export… (Ctrl+Shift+S)"))
        self.new_button.clicked.connect(self.new_audit)
        self.open_button.clicked.connect(self.open_selected)
        self.results_button.clicked.connect(self.show_results)
        self.export_button.clicked.connect(lambda: self.export())

        filters = QHBoxLayout()
        # issue 19: the search opens the filter line and the buttons have a line of their own,
        # so that with a 150 % font the list still fits a 1366 px screen
        filters.addWidget(self.search, 2)
        for label, w in (
            (self.tr("Unit"), self.unit),
            (self.tr("Period"), self.period),
            (self.tr("Channel"), self.channel),
            (self.tr("Auditor"), self.auditor),
            (self.tr("Status"), self.status),
            (self.tr("Verdict"), self.verdict),
        ):
            filters.addWidget(QLabel(label))
            # issue 19: with a large font the six filters still fit a 1366 px screen: a combo
            # shares the row and shows as much of its choice as there is room for
            w.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            w.setMinimumContentsLength(4)
            filters.addWidget(w, 1)
        buttons = QHBoxLayout()
        for b in (self.new_button, self.open_button, self.results_button, self.export_button):
            buttons.addWidget(b)
        # issue 5: the protocol of the selected audit (Ctrl+P)
        deps = PanelDeps(context, runner, self.settings)
        protocol = protocol_button(self, deps, "audit", self.selected_id, self.refresh)
        buttons.addWidget(protocol)
        buttons.addStretch(1)
        self.list_page = QWidget()
        list_layout = QVBoxLayout(self.list_page)
        list_layout.addLayout(filters)
        list_layout.addLayout(buttons)
        list_layout.addWidget(self.table, 1)
        list_layout.addWidget(self.count)
        # Tab in reading order: the search and filters, the buttons, then the list
        chain = [
            self.search,
            self.unit,
            self.period,
            self.channel,
            self.auditor,
            self.status,
            self.verdict,
            self.new_button,
            self.open_button,
            self.results_button,
            self.export_button,
            protocol,
            self.table,
        ]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.list_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        for combo in (
            self.unit,
            self.period,
            self.channel,
            self.auditor,
            self.status,
            self.verdict,
        ):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        for keys, slot in (
            ("Ctrl+N", self.new_audit),
            ("Ctrl+F", self._focus_search),
            ("Ctrl+R", self.show_results),
            ("Ctrl+Shift+S", self.export),
            ("F5", self.refresh),
        ):
            sc = QShortcut(QKeySequence(keys), self.list_page)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(slot)
        for keys in ("Return", "Enter"):
            sc = QShortcut(QKeySequence(keys), self.table)
            sc.setContext(Qt.ShortcutContext.WidgetShortcut)
            sc.activated.connect(self.open_selected)
        self.message = ""
        self.refresh()

    # --- filters ------------------------------------------------------------------------------

    def _fill_filters(self) -> None:
        choices = svc.audit_choices(self.context())
        self.unit.addItem(self.tr("All units"), None)
        for uid, code, name in choices.units:
            self.unit.addItem(code, uid)
            self.unit.setItemData(self.unit.count() - 1, name, Qt.ItemDataRole.ToolTipRole)
        for label, key in (
            (self.tr("All time"), "all"),
            (self.tr("This month"), "month"),
            (self.tr("Last 3 months"), "quarter"),
            (self.tr("This year"), "year"),
            (self.tr("Last year"), "last_year"),
        ):
            self.period.addItem(label, key)
        self.channel.addItem(self.tr("All"), None)
        for ch in ("visit", "phone", "email", "eservice"):
            self.channel.addItem(channel_name(ch), ch)
        self.auditor.addItem(self.tr("All"), None)
        for uid, name in choices.auditors:
            self.auditor.addItem(name, uid)
        self.status.addItem(self.tr("All"), None)
        for key, label in (
            ("draft", self.tr("Draft")),
            ("completed", self.tr("Completed")),
            ("signed", self.tr("Signed")),
        ):
            self.status.addItem(label, key)
        self.verdict.addItem(self.tr("All"), None)
        seen: dict[str, str] = {}
        with self.context().db.session() as s:
            for f in svc.checklist_forms(self.context()):
                for band in svc.checklist_of(s, f.version_id).sorted_bands():
                    seen.setdefault(band.verdict, band.label.get(self.language))
        for key, label in seen.items():
            self.verdict.addItem(label, key)

    def current_filter(self) -> svc.AuditFilter:
        today = self.context().clock.today()
        start: date | None = None
        end: date | None = None
        period = self.period.currentData()
        if period == "month":
            start = today.replace(day=1)
        elif period == "quarter":
            start = today - timedelta(days=91)
        elif period == "year":
            start = date(today.year, 1, 1)
        elif period == "last_year":
            start, end = date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)
        elif period == "range":  # set by the overview's drill-down (show_records)
            start, end = self.period_range
        unit = self.unit.currentData()
        return svc.AuditFilter(
            unit_ids=(unit,) if unit is not None else (),
            start=start,
            end=end,
            channel=self.channel.currentData(),
            auditor_id=self.auditor.currentData(),
            status=self.status.currentData(),
            verdict=self.verdict.currentData(),
            text=self.search.text(),
        )

    def show_records(
        self, *, unit_id: int | None, start: date, end: date, **_other: object
    ) -> None:
        """The overview's drill-down (issue 17): the audits of one unit (None: every unit) and
        of the dates start–end, with the other filters cleared; read once."""
        self.period_range = (start, end)
        label = f"{start:%d.%m.%Y} – {end:%d.%m.%Y}"
        found = self.period.findData("range")
        combos = (self.unit, self.period, self.channel, self.auditor, self.status, self.verdict)
        for combo in combos:
            combo.blockSignals(True)
        if found < 0:
            self.period.addItem(label, "range")
            found = self.period.count() - 1
        self.period.setItemText(found, label)
        self.period.setCurrentIndex(found)
        self.unit.setCurrentIndex(max(0, self.unit.findData(unit_id)))
        for combo in (self.channel, self.auditor, self.status, self.verdict):
            combo.setCurrentIndex(0)
        for combo in combos:
            combo.blockSignals(False)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        if self.editor is None:  # an audit being filled in stays open
            self.stack.setCurrentWidget(self.list_page)
        self.refresh()

    def _fetch(self, offset: int, limit: int) -> svc.AuditPage:
        return svc.list_audits(
            self.context(),
            self.current_filter(),
            sort=self.sort_key,
            descending=self.descending,
            offset=offset,
            limit=limit,
        )

    def _request_page(
        self, offset: int, limit: int, deliver: Callable[[svc.AuditPage | None], None]
    ) -> None:
        """The next page when the list is scrolled to its end, read on a worker (issue 14);
        the count line says more is being read; a page of an earlier filter is dropped."""
        generation, ctx, where = self._generation, self.context(), self.current_filter()
        sort, descending = self.sort_key, self.descending
        shown = self.count.text()
        self.count.setText(shown + " · " + self.tr("reading more…"))

        def work(_progress: Progress) -> svc.AuditPage:
            return svc.list_audits(
                ctx, where, sort=sort, descending=descending, offset=offset, limit=limit
            )

        def done(page: svc.AuditPage) -> None:
            if generation != self._generation:
                deliver(None)
                return
            self.count.setText(shown)
            deliver(page)

        def failed(exc: BaseException, tb: str) -> None:
            deliver(None)
            if generation != self._generation:
                return
            if isinstance(exc, AuditDeskError):
                self.count.setText(error_text(exc))
            else:
                self.count.setText(shown)
                show_error(self, exc, tb)

        self.runner.submit(work, done, failed)

    def refresh(self, keep: int | None = None) -> None:
        """Reads the first page on a worker (issue 14: a text search on 100,000 audits takes
        ~0.2 s) and shows it when it comes; the latest request wins, an earlier one's rows are
        dropped. The selected audit (or `keep`) stays selected if it is still in the list."""
        self._generation += 1
        generation = self._generation
        ctx, where = self.context(), self.current_filter()
        sort, descending = self.sort_key, self.descending

        def work(_progress: Progress) -> svc.AuditPage:
            return svc.list_audits(
                ctx, where, sort=sort, descending=descending, offset=0, limit=PAGE
            )

        def done(page: svc.AuditPage) -> None:
            if generation != self._generation:
                return  # a later filter's rows are on their way
            selected = keep if keep is not None else self.selected_id()
            self.model.set_rows(page.rows, page.total)
            total = f"{page.total:,}".replace(",", " ")
            self.count.setText(self.tr("Audits: %1").replace("%1", total))
            if selected is not None:
                self.select(selected)
            self.list_loaded.emit()

        def failed(exc: BaseException, tb: str) -> None:
            if generation != self._generation:
                return
            if isinstance(exc, AuditDeskError):
                self.count.setText(error_text(exc))
            else:
                show_error(self, exc, tb)

        self.runner.submit(work, done, failed)

    def _sort_clicked(self, column: int) -> None:
        key = COLUMNS[column][0]
        if key == self.sort_key:
            self.descending = not self.descending
        else:
            self.sort_key, self.descending = key, key in ("visited_at", "score", "record_no")
        self.table.horizontalHeader().setSortIndicator(
            column, Qt.SortOrder.DescendingOrder if self.descending else Qt.SortOrder.AscendingOrder
        )
        self.refresh()

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def selected_id(self) -> int | None:
        index = self.table.currentIndex()
        row = self.model.row_at(index.row()) if index.isValid() else None
        return row.id if row else None

    def select(self, audit_id: int) -> None:
        for r, row in enumerate(self.model.rows):
            if row.id == audit_id:
                self.table.selectRow(r)
                return

    # --- actions ------------------------------------------------------------------------------

    def new_audit(self) -> None:
        dialog = NewAuditDialog(self.context, self.language, parent=self)
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._started(dialog))
        dialog.open()

    def _started(self, dialog: NewAuditDialog) -> None:
        if dialog.result_id is not None:
            self.refresh()
            self.request_audit(dialog.result_id)

    def open_selected(self) -> None:
        audit_id = self.selected_id()
        if audit_id is not None:
            self.request_audit(audit_id)

    def request_audit(self, audit_id: int) -> None:
        """Opens an audit as a person does (Enter, a double click, a new audit): the audit is
        read on a worker and the editor built when it comes (issue 14); the latest wins."""
        self._opening += 1
        opening, ctx = self._opening, self.context()

        def done(detail: svc.AuditDetail) -> None:
            if opening == self._opening:
                self.open_audit(audit_id, detail)

        def failed(exc: BaseException, tb: str) -> None:
            if opening == self._opening:
                show_error(self, exc, tb)

        self.runner.submit(lambda _p: svc.load_audit(ctx, audit_id), done, failed)

    def open_audit(self, audit_id: int, detail: svc.AuditDetail | None = None) -> AuditEditor:
        self._close_editor()
        editor = AuditEditor(
            self.context,
            audit_id,
            self.choose_file,
            self.settings.evidence_max_mb,
            self.language,
            detail=detail,
            sections_later=self.runner.background,
        )
        editor.closed.connect(self._editor_closed)
        editor.changed.connect(lambda _id: self._search_timer.start())
        editor.dispute_requested.connect(self.open_dispute)
        editor.plan_requested.connect(self.open_plan)
        editor.preview_requested.connect(self.preview)
        self.editor = editor
        self.stack.addWidget(editor)
        self.stack.setCurrentWidget(editor)
        editor.show_section(0)
        self.editor_opened.emit(editor)
        return editor

    def _close_editor(self) -> None:
        if self.editor is not None:
            self.stack.removeWidget(self.editor)
            self.editor.deleteLater()
            self.editor = None

    def _editor_closed(self) -> None:
        audit_id = self.editor.audit_id if self.editor else None
        self._close_editor()
        self.stack.setCurrentWidget(self.list_page)
        self.refresh(keep=audit_id)
        self.table.setFocus()

    def open_dispute(self, audit_id: int) -> None:
        dialog = DisputeDialog(self.context, audit_id, parent=self)
        self.dialog = dialog
        dialog.finished.connect(lambda _r: self._after_dispute(dialog))
        dialog.open()

    def _after_dispute(self, dialog: DisputeDialog) -> None:
        self.refresh()
        if dialog.follow_up_id is not None:
            self.open_audit(dialog.follow_up_id)

    def open_plan(self, audit_id: int) -> None:
        dialog = ActionPlanDialog(self.context, audit_id, parent=self)
        self.dialog = dialog
        dialog.open()

    def preview(self, evidence_id: int) -> None:
        try:
            dialog = EvidencePreview(self.context, evidence_id, parent=self)
        except AuditDeskError as exc:
            if self.editor:
                self.editor.show_message(error_text(exc), error=True)
            return
        self.dialog = dialog
        dialog.open()

    def show_results(self) -> None:
        if self.results is None:
            self.results = ResultsView(self.context, self.runner, self.language)
            self.results.closed.connect(lambda: self.stack.setCurrentWidget(self.list_page))
            self.stack.addWidget(self.results)
        self.stack.setCurrentWidget(self.results)
        self.results.run()

    def _ask_file(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Attach evidence"))
        return Path(name) if name else None

    def export(self, target: Path | None = None, fmt: str | None = None) -> None:
        if target is None:
            name, _chosen = QFileDialog.getSaveFileName(
                self,
                self.tr("Export audits"),
                "audyty.xlsx",
                self.tr("Excel (*.xlsx);;CSV (*.csv);;JSON with evidence (*.json)"),
            )
            if not name:
                return
            target = Path(name)
            fmt = target.suffix.lstrip(".").lower() or "xlsx"
        fmt = fmt or target.suffix.lstrip(".").lower()
        ctx = self.context()
        out = target

        def work(progress: Progress) -> Any:
            def step(done: int, total: int) -> None:
                progress.check()
                progress.update(done, total)

            from auditdesk.services.audits import transfer as audit_transfer  # openpyxl: on use

            return audit_transfer.export_audits(ctx, out, fmt or "xlsx", step)

        def done(result: Any) -> None:
            self.count.setText(
                self.tr("Exported %1 audit(s) to %2")
                .replace("%1", str(result.audits))
                .replace("%2", str(result.path))
            )

        def failed(exc: BaseException, _tb: str) -> None:
            self.count.setText(error_text(exc))

        self.runner.submit(work, done, failed, title=self.tr("Exporting audits…"), parent=self)
