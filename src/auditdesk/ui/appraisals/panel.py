"""The Appraisals panel: the team with due dates and statuses, the start-up reminder, and the
way into an appraisal, a feedback note or an absence.

Keys: Ctrl+N new appraisal, Return opens the selected employee's appraisal (the one in
progress, else the latest), Ctrl+Shift+F feedback note, Ctrl+Shift+B absence, F5 refresh,
Ctrl+F find an employee.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from auditdesk.domain.errors import AuditDeskError
from auditdesk.services import appraisals as svc
from auditdesk.services.appraisals.access import has_access
from auditdesk.services.appraisals.overview import Reminder, TeamRow, summarize, team_view
from auditdesk.services.context import AppContext
from auditdesk.settings import Settings
from auditdesk.ui.appraisals.dialogs import AbsenceDialog, FeedbackDialog, NewAppraisalDialog
from auditdesk.ui.appraisals.editor import AppraisalEditor
from auditdesk.ui.appraisals.evidence import evidence_detail
from auditdesk.ui.appraisals.team_model import SORT_ROLE, TeamModel
from auditdesk.ui.appraisals.widgets import MessageLine, fmt_date
from auditdesk.ui.crash import show_error
from auditdesk.ui.errors import error_text
from auditdesk.ui.labels import feedback_kind_name
from auditdesk.ui.panels import PanelDeps
from auditdesk.ui.protocols.actions import protocol_button
from auditdesk.ui.table_view import TableView
from auditdesk.ui.tasks import Progress, TaskRunner

# the team table's columns kept in view, in this order: employee, status, next due, result
REQUIRED_TEAM_COLUMNS = (0, 7, 5, 4)


class AppraisalsPanel(QWidget):
    def __init__(
        self,
        context: Callable[[], AppContext],
        runner: TaskRunner,
        language: str = "pl",
        today: Callable[[], date] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.runner = runner
        self.language = language
        self.today = today or (lambda: self.context().clock.today())  # time is an input
        self.editor: AppraisalEditor | None = None
        self._opening = 0  # requests to open an appraisal: only the latest one opens
        self.dialog: QDialog | None = None

        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setObjectName("appraisalReminder")
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Find an employee (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Find an employee (Ctrl+F)"))
        self.new_button = QPushButton(self.tr("New appraisal (Ctrl+N)"))
        self.open_button = QPushButton(self.tr("Open (Enter)"))
        self.feedback_button = QPushButton(self.tr("Feedback note (Ctrl+Shift+F)"))
        self.absence_button = QPushButton(self.tr("Absence (Ctrl+Shift+B)"))
        self.new_button.clicked.connect(self.new_appraisal)
        self.open_button.clicked.connect(self.open_selected)
        self.feedback_button.clicked.connect(self.new_feedback)
        self.absence_button.clicked.connect(self.new_absence)

        self.model = TeamModel(language)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(0)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = TableView()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("Team and their appraisals"))
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(7, Qt.SortOrder.AscendingOrder)  # most urgent first
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        # issue 15: on a 1366×768 screen the status and due date stay in view; unit, position
        # and reason (also in the details beside the table) come last and may scroll
        for visual, column in enumerate(REQUIRED_TEAM_COLUMNS):
            header = self.table.horizontalHeader()
            header.moveSection(header.visualIndex(column), visual)
        self.table.setProperty("requiredColumns", list(REQUIRED_TEAM_COLUMNS))
        self.table.verticalHeader().hide()
        self.table.activated.connect(lambda _i: self.open_selected())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_details())

        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notes = QListWidget()
        self.notes.setAccessibleName(self.tr("Feedback notes"))
        side = QWidget()
        side_lay = QVBoxLayout(side)
        side_lay.addWidget(self.details)
        side_lay.addWidget(QLabel(self.tr("Feedback notes")))
        side_lay.addWidget(self.notes, 1)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)

        self.message = MessageLine()
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        for b in (self.new_button, self.open_button, self.feedback_button, self.absence_button):
            bar.addWidget(b)
        # issue 5: the protocol of the selected employee's current or last appraisal (Ctrl+P)
        deps = PanelDeps(context, runner, Settings.load())
        bar.addWidget(protocol_button(self, deps, "appraisal", self._protocol_id))
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)

        for keys, slot in (
            ("Ctrl+N", self.new_appraisal),
            ("Ctrl+Shift+F", self.new_feedback),
            ("Ctrl+Shift+B", self.new_absence),
            ("F5", self.refresh),
            ("Ctrl+F", self.search.setFocus),
        ):
            sc = QShortcut(QKeySequence(keys), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(slot)
        self.refresh()

    # --- data ----------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Loads the team and the reminder in the background (one bulk query per table)."""
        allowed = has_access(self.context().actor)
        for w in (self.new_button, self.open_button, self.feedback_button, self.absence_button):
            w.setEnabled(allowed)
        if not allowed:
            self.model.set_rows([])
            self.banner.setText(
                self.tr(
                    "Appraisals are personal data: only supervisors (for their staff) and HR "
                    "see them."
                )
            )
            return
        day = self.today()
        language = self.language
        context = self.context

        def load(_progress: Progress) -> tuple[list[TeamRow], Reminder]:
            rows = team_view(context(), day, language)
            return rows, summarize(rows)

        self.runner.submit(load, self._loaded, self._failed)

    def _loaded(self, result: Any) -> None:
        rows, rem = result
        self.message.clear_error()  # issue 15: a red error stayed after the appraisal was done
        selected = self.selected_row()
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        self._show_reminder(rem)
        if selected is not None:
            self.select_employee(selected.employee_id)
        elif self.proxy.rowCount():
            self.table.setCurrentIndex(self.proxy.index(0, 0))

    def _failed(self, exc: BaseException, _tb: str) -> None:
        if isinstance(exc, AuditDeskError):
            self.message.error(error_text(exc))
            self.model.set_rows([])
            self.banner.clear()
            return
        raise exc

    def _show_reminder(self, rem: Reminder) -> None:
        if rem.empty:
            self.banner.setText(self.tr("No appraisal is due in the next 60 days."))
            return
        parts = []
        if rem.overdue:
            names = ", ".join(r.employee for r in rem.overdue[:5])
            more = "…" if len(rem.overdue) > 5 else ""
            parts.append(
                self.tr("<b>Overdue: %1</b> (%2%3)")
                .replace("%1", str(len(rem.overdue)))
                .replace("%2", names)
                .replace("%3", more)
            )
        if rem.due_30:
            parts.append(
                self.tr("due within 30 days: %1 (%2)")
                .replace("%1", str(len(rem.due_30)))
                .replace("%2", ", ".join(r.employee for r in rem.due_30[:5]))
            )
        if rem.due_60:
            parts.append(self.tr("within 60 days: %1").replace("%1", str(len(rem.due_60))))
        if rem.in_progress:
            parts.append(self.tr("in progress: %1").replace("%1", str(len(rem.in_progress))))
        if rem.warnings:
            parts.append(
                self.tr("two negative appraisals in a row: %1").replace(
                    "%1", ", ".join(r.employee for r in rem.warnings)
                )
            )
        self.banner.setText(self.tr("Appraisals — ") + "; ".join(parts))

    def selected_row(self) -> TeamRow | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        source = self.proxy.mapToSource(index)
        if not 0 <= source.row() < len(self.model.rows):
            return None
        return self.model.rows[source.row()]

    def _protocol_id(self) -> int | None:
        r = self.selected_row()
        return None if r is None else (r.in_progress_id or r.last_id)

    def select_employee(self, employee_id: int) -> bool:
        for i, r in enumerate(self.model.rows):
            if r.employee_id == employee_id:
                index = self.proxy.mapFromSource(self.model.index(i, 0))
                self.table.setCurrentIndex(index)
                self.table.scrollTo(index)
                return True
        return False

    def _show_details(self) -> None:
        r = self.selected_row()
        self.notes.clear()
        if r is None:
            self.details.clear()
            return
        en = self.language == "en"
        lines = [f"<b>{r.employee}</b>, {r.position}", r.unit]
        if r.due:
            label = self.tr("Next due")
            lines.append(
                f"<b>{label}: {fmt_date(r.due)}</b><br>" + (r.due_rule_en if en else r.due_rule_pl)
            )
        streak = r.streak_en if en else r.streak_pl
        if streak:
            lines.append(f"<b>{streak}</b>")
        self.details.setText("<br>".join(lines))
        try:
            notes = svc.feedback_of(self.context(), r.employee_id)
        except AuditDeskError as exc:
            self.message.error(error_text(exc))
            return
        for n in notes:
            kind = feedback_kind_name(n.kind)
            used = f" → {n.appraisal_record}" if n.appraisal_record else ""
            self.notes.addItem(f"{fmt_date(n.noted_on)} [{kind}] {n.topic}{used}")

    # --- actions -------------------------------------------------------------------------------

    def _need_row(self) -> TeamRow | None:
        r = self.selected_row()
        if r is None:
            self.message.error(self.tr("Select an employee first."))
        return r

    def new_appraisal(self) -> None:
        r = self._need_row()
        if r is None:
            return
        if r.in_progress_id is not None:
            self.open_appraisal(r.in_progress_id)
            return
        try:
            sheets = svc.sheet_choices(self.context())
        except AuditDeskError as exc:
            self.message.error(error_text(exc))
            return
        dialog = NewAppraisalDialog(r, sheets, self.today(), self)
        self.dialog = dialog

        def accepted() -> None:
            try:
                new_id = svc.start_appraisal(
                    self.context(),
                    r.employee_id,
                    int(dialog.sheet.currentData()),
                    str(dialog.kind.currentData()),
                    dialog.start.date(),
                    dialog.end.date(),
                    today=self.today(),
                )
            except AuditDeskError as exc:
                self.message.error(error_text(exc))
                return
            self.refresh()
            self.open_appraisal(new_id)

        dialog.accepted.connect(accepted)
        dialog.open()

    def open_selected(self) -> None:
        r = self._need_row()
        if r is None:
            return
        target = r.in_progress_id or r.last_id
        if target is None:
            self.new_appraisal()
            return
        self.open_appraisal(target)

    def open_appraisal(self, appraisal_id: int) -> None:
        """Reads the appraisal on a worker and opens its editor when it comes (issue 14: its
        reading, the employee's audits among them, held the GUI thread 30-60 ms on 100,000
        audits); the latest request wins; a failure is said in the message line."""
        self._opening += 1
        opening, ctx, language = self._opening, self.context(), self.language
        self.setCursor(Qt.CursorShape.BusyCursor)  # until the editor opens

        def done(view: svc.AppraisalView) -> None:
            if opening == self._opening:
                self.unsetCursor()
                self._open_editor(appraisal_id, view)

        def failed(exc: BaseException, tb: str) -> None:
            if opening != self._opening:
                return
            self.unsetCursor()
            if isinstance(exc, AuditDeskError):
                self.message.error(error_text(exc))
            else:
                show_error(self, exc, tb)

        self.runner.submit(
            lambda _p: svc.appraisal_detail(ctx, appraisal_id, language), done, failed
        )

    def _open_editor(self, appraisal_id: int, view: svc.AppraisalView) -> None:
        if self.editor is not None:
            self.editor.close()
        editor = AppraisalEditor(
            self.context, appraisal_id, self.language, self.today, self, view=view
        )
        editor.setWindowModality(Qt.WindowModality.NonModal)
        editor.changed.connect(self.refresh)
        self.editor = editor
        editor.show()

    def new_feedback(self) -> None:
        r = self._need_row()
        if r is None:
            return
        audits = [
            (e.ref_id, f"{fmt_date(e.on)} {e.title} {evidence_detail(e)}")
            for e in svc.employee_audit_evidence(
                self.context(), r.employee_id, date(self.today().year - 2, 1, 1), self.today()
            )
            if e.ref_id is not None
        ]
        dialog = FeedbackDialog(r.employee, self.today(), audits, self)
        self.dialog = dialog

        def accepted() -> None:
            noted = dialog.noted_on.date()
            assert noted is not None
            try:
                svc.add_feedback(
                    self.context(),
                    r.employee_id,
                    noted,
                    dialog.topic.text(),
                    str(dialog.kind.currentData()),
                    dialog.text.toPlainText(),
                    dialog.audit.currentData(),
                )
            except AuditDeskError as exc:
                self.message.error(error_text(exc))
                return
            self.message.info(self.tr("Feedback note saved."))
            self._show_details()

        dialog.accepted.connect(accepted)
        dialog.open()

    def new_absence(self) -> None:
        r = self._need_row()
        if r is None:
            return
        dialog = AbsenceDialog(r.employee, self)
        self.dialog = dialog

        def accepted() -> None:
            start, end = dialog.start.date(), dialog.end.date()
            assert start is not None and end is not None
            try:
                svc.add_absence(self.context(), r.employee_id, start, end, dialog.reason.text())
            except AuditDeskError as exc:
                self.message.error(error_text(exc))
                return
            self.message.info(self.tr("Absence recorded; the due date is recomputed."))
            self.refresh()

        dialog.accepted.connect(accepted)
        dialog.open()
