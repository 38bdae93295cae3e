"""The visit plan panel (issue 18), by role. HR, quality staff and administrators: the
programmes (a new one from the form; Plan computes the visits each unit needs, schedules and
assigns them), each unit's visits, precision and progress, the schedule with the reason of every
choice, the sheet out and in, an auditor's PDF schedule, a visit marked missed or cancelled and
replaced. An auditor: "My planned visits", the scenario's brief and answer key, Start audit.
A supervisor: nothing of the plan (the services refuse it too)."""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from auditdesk.domain.dates import format_date
from auditdesk.domain.errors import AuditDeskError
from auditdesk.domain.planning import polish
from auditdesk.services import plan as plan_svc
from auditdesk.services.context import AppContext
from auditdesk.services.plan import (
    Briefing,
    PlanChoices,
    ProgrammeSpec,
    ProgrammeView,
    ProgressRow,
    UnitPlanRow,
    VisitRow,
)
from auditdesk.ui.crash import show_error
from auditdesk.ui.errors import error_text
from auditdesk.ui.labels import channel_name, language, number, role_name
from auditdesk.ui.panels import PanelDeps
from auditdesk.ui.plan.dialogs import ExclusionsDialog, MissedDialog, ProgrammeDialog
from auditdesk.ui.rows_model import ColumnsModel
from auditdesk.ui.table_view import TableView
from auditdesk.ui.tasks import Progress

AskProgramme = Callable[[QWidget, PlanChoices, date], ProgrammeSpec | None]
AskPath = Callable[[QWidget, str, str], Path | None]
AskMissed = Callable[[QWidget], tuple[str, str, bool] | None]
AskExclusions = Callable[[QWidget, AppContext, PlanChoices], tuple[int, list[int], str] | None]


def visit_status_name(value: str) -> str:
    names = {
        "planned": QCoreApplication.translate("Plan", "Planned"),
        "done": QCoreApplication.translate("Plan", "Done"),
        "missed": QCoreApplication.translate("Plan", "Missed"),
        "cancelled": QCoreApplication.translate("Plan", "Cancelled"),
    }
    return names.get(value, value)


def said_text(text: str) -> str:
    """A plan's reason in the window's language (domain.planning.Said carries both)."""
    return polish(text) if language() == "pl" else str(text)


def precision_text(margin: float | None) -> str:
    if margin is None:
        return "–"
    return QCoreApplication.translate("Plan", "± {0} points").format(number(margin * 100, 1))


def ask_programme(parent: QWidget, choices: PlanChoices, today: date) -> ProgrammeSpec | None:
    dialog = ProgrammeDialog(choices, today, parent)
    dialog.add_scenario(
        "A", "visit", QCoreApplication.translate("Plan", "Replacing an ID card"), "", 1
    )
    dialog.add_scenario(
        "B", "phone", QCoreApplication.translate("Plan", "Documents for a case"), "", 1
    )
    return dialog.spec() if dialog.exec() == QDialog.DialogCode.Accepted else None


def ask_save(parent: QWidget, title: str, filter_: str) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(parent, title, "", filter_)
    return Path(name) if name else None


def ask_open(parent: QWidget, title: str, filter_: str) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, title, "", filter_)
    return Path(name) if name else None


def ask_exclusions(
    parent: QWidget, ctx: AppContext, choices: PlanChoices
) -> tuple[int, list[int], str] | None:
    dialog = ExclusionsDialog(choices, lambda user: plan_svc.exclusions(ctx, user), parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    auditor = dialog.auditor_id()
    return None if auditor is None else (auditor, dialog.unit_ids(), dialog.note.text())


def ask_missed(parent: QWidget) -> tuple[str, str, bool] | None:
    dialog = MissedDialog(parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return str(dialog.status.currentData()), dialog.reason.text(), dialog.replace.isChecked()


@dataclass(frozen=True)
class UnitLine:
    plan: UnitPlanRow
    progress: ProgressRow | None


def table(model: object, name: str, object_name: str) -> TableView:
    view = TableView()
    view.setObjectName(object_name)
    view.setModel(model)  # type: ignore[arg-type]
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    view.verticalHeader().setVisible(False)
    return view


def units_model() -> ColumnsModel[UnitLine]:
    return ColumnsModel[UnitLine](
        [
            (
                QCoreApplication.translate("Plan", "Unit"),
                lambda r: f"{r.plan.unit_code} {r.plan.unit_name}",
            ),
            (
                QCoreApplication.translate("Plan", "Clients"),
                lambda r: "–" if r.plan.traffic is None else str(r.plan.traffic),
            ),
            (
                QCoreApplication.translate("Plan", "Last result"),
                lambda r: (
                    "–"
                    if r.plan.last_result is None
                    else f"{number(r.plan.last_result * 100, 0)} %"
                ),
            ),
            (QCoreApplication.translate("Plan", "Visits"), lambda r: str(r.plan.visits)),
            (
                QCoreApplication.translate("Plan", "Precision"),
                lambda r: precision_text(r.plan.margin),
            ),
            (
                QCoreApplication.translate("Plan", "Done"),
                lambda r: str(r.progress.done) if r.progress else "0",
            ),
            (
                QCoreApplication.translate("Plan", "To do"),
                lambda r: str(r.progress.planned) if r.progress else "0",
            ),
            (
                QCoreApplication.translate("Plan", "Missed or cancelled"),
                lambda r: str(r.progress.missed + r.progress.cancelled) if r.progress else "0",
            ),
            (
                QCoreApplication.translate("Plan", "Precision so far"),
                lambda r: precision_text(r.progress.margin if r.progress else None),
            ),
            (QCoreApplication.translate("Plan", "Why"), lambda r: said_text(r.plan.reason)),
        ]
    )


def visits_model(with_auditor: bool = True) -> ColumnsModel[VisitRow]:
    columns: list[tuple[str, Callable[[VisitRow], object]]] = [
        (QCoreApplication.translate("Plan", "Date"), lambda v: format_date(v.planned_at.date())),
        (QCoreApplication.translate("Plan", "Time"), lambda v: f"{v.planned_at:%H:%M}"),
        (QCoreApplication.translate("Plan", "Unit"), lambda v: f"{v.unit_code} {v.unit_name}"),
        (QCoreApplication.translate("Plan", "Channel"), lambda v: channel_name(v.channel)),
        (
            QCoreApplication.translate("Plan", "Scenario"),
            lambda v: v.scenario_title or v.scenario_code or "–",
        ),
    ]
    if with_auditor:
        columns.append(
            (QCoreApplication.translate("Plan", "Auditor"), lambda v: v.auditor_name or "–")
        )
    columns += [
        (QCoreApplication.translate("Plan", "Status"), lambda v: visit_status_name(v.status)),
        (
            QCoreApplication.translate("Plan", "Why"),
            lambda v: " — ".join(
                x for x in (v.status_reason, said_text(v.reason), said_text(v.assign_reason)) if x
            ),
        ),
    ]
    return ColumnsModel[VisitRow](columns)


class _Tab(QWidget):
    def __init__(self, deps: PanelDeps) -> None:
        super().__init__()
        self.deps = deps
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def ctx(self) -> AppContext:
        return self.deps.context()

    def say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #a00;" if error else "")
        self.message.setText(text)

    def fail(self, exc: BaseException, tb: str = "") -> None:
        if isinstance(exc, AuditDeskError):
            self.say(error_text(exc), error=True)
        else:
            show_error(self, exc, tb)


class ProgrammesTab(_Tab):
    """HR's programmes: the form, Plan, the table of units and the schedule."""

    def __init__(
        self,
        deps: PanelDeps,
        new_programme: AskProgramme = ask_programme,
        save_path: AskPath = ask_save,
        open_path: AskPath = ask_open,
        missed: AskMissed = ask_missed,
        exclusions: AskExclusions = ask_exclusions,
    ) -> None:
        super().__init__(deps)
        self.setObjectName("ProgrammesTab")
        self.ask_programme = new_programme
        self.save_path = save_path
        self.open_path = open_path
        self.ask_missed = missed
        self.ask_exclusions = exclusions
        self.view: ProgrammeView | None = None

        self.programme = QComboBox()
        self.programme.setObjectName("programme")
        self.programme.setAccessibleName(self.tr("Programme"))
        label = QLabel(self.tr("P&rogramme:"))
        label.setBuddy(self.programme)
        self.new_button = QPushButton(self.tr("&New programme…"))
        self.new_button.setObjectName("newProgramme")
        self.plan_button = QPushButton(self.tr("&Plan: visits, dates, auditors"))
        self.plan_button.setObjectName("planProgramme")
        self.export_button = QPushButton(self.tr("E&xport XLSX…"))
        self.export_button.setObjectName("exportPlan")
        self.import_button = QPushButton(self.tr("&Import XLSX…"))
        self.import_button.setObjectName("importPlan")
        self.auditor = QComboBox()
        self.auditor.setObjectName("auditor")
        self.auditor.setAccessibleName(self.tr("Auditor whose schedule to print"))
        self.schedule_button = QPushButton(self.tr("&Schedule PDF…"))
        self.schedule_button.setObjectName("schedulePdf")
        self.missed_button = QPushButton(self.tr("&Missed or cancelled…"))
        self.missed_button.setObjectName("markMissed")
        self.exclusions_button = QPushButton(self.tr("&Units auditors worked in…"))
        self.exclusions_button.setObjectName("exclusions")

        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.units = units_model()
        self.units_view = table(self.units, self.tr("Units: visits and precision"), "unitsTable")
        self.visits = visits_model()
        self.visits_view = table(self.visits, self.tr("Planned visits"), "visitsTable")
        self.problems = QLabel()
        self.problems.setObjectName("problems")
        self.problems.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(label)
        top.addWidget(self.programme, 1)
        top.addWidget(self.new_button)
        top.addWidget(self.plan_button)
        top.addWidget(self.exclusions_button)
        files = QHBoxLayout()
        files.addWidget(self.export_button)
        files.addWidget(self.import_button)
        files.addStretch(1)
        files.addWidget(self.auditor)
        files.addWidget(self.schedule_button)
        files.addWidget(self.missed_button)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("planSplitter")
        splitter.addWidget(self.units_view)
        splitter.addWidget(self.visits_view)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.problems)
        layout.addLayout(files)
        layout.addWidget(self.message)

        self.programme.currentIndexChanged.connect(lambda _i: self.show_programme())
        self.new_button.clicked.connect(self.new)
        self.plan_button.clicked.connect(self.plan)
        self.export_button.clicked.connect(self.export)
        self.import_button.clicked.connect(self.import_sheet)
        self.schedule_button.clicked.connect(self.print_schedule)
        self.missed_button.clicked.connect(self.mark_missed)
        self.exclusions_button.clicked.connect(self.edit_exclusions)
        self.refresh()

    def programme_id(self) -> int | None:
        data = self.programme.currentData()
        return int(data) if data is not None else None

    def refresh(self, select_id: int | None = None) -> None:
        keep = select_id if select_id is not None else self.programme_id()
        try:
            rows = plan_svc.programmes(self.ctx())
        except AuditDeskError as exc:
            self.fail(exc)
            rows = []
        self.programme.blockSignals(True)
        self.programme.clear()
        for p in rows:
            self.programme.addItem(
                f"{p.name} ({format_date(p.period_from)} – {format_date(p.period_to)})", p.id
            )
        index = self.programme.findData(keep) if keep is not None else 0
        self.programme.setCurrentIndex(max(index, 0))
        self.programme.blockSignals(False)
        self.show_programme()

    def show_programme(self) -> None:
        pid = self.programme_id()
        for widget in (
            self.plan_button,
            self.export_button,
            self.import_button,
            self.schedule_button,
            self.missed_button,
        ):
            widget.setEnabled(pid is not None)
        self.auditor.clear()
        if pid is None:
            self.view = None
            self.units.set_rows([])
            self.visits.set_rows([])
            self.summary.setText(self.tr("No programme yet: start with New programme."))
            self.problems.clear()
            return
        try:
            view = plan_svc.programme_view(self.ctx(), pid)
            progress = {p.unit_id: p for p in plan_svc.progress(self.ctx(), pid)}
            visits = plan_svc.visits(self.ctx(), pid)
        except AuditDeskError as exc:
            self.fail(exc)
            return
        self.view = view
        p = view.programme
        target = (
            self.tr("each unit's result within ± {0} points at {1} %").format(
                number((p.margin or 0) * 100, 1), number(p.confidence * 100, 0)
            )
            if p.mode == "precision"
            else self.tr("a budget of {0} visits").format(p.budget)
        )
        self.summary.setText(
            self.tr("{0}: {1}; {2} visits planned; channels: {3}.").format(
                p.name,
                target,
                p.visits,
                ", ".join(channel_name(c) for c in sorted(p.channels)),
            )
        )
        self.units.set_rows(UnitLine(u, progress.get(u.unit_id)) for u in view.units)
        self.visits.set_rows(visits)
        for a in view.auditors:
            self.auditor.addItem(a.name, a.user_id)
        self.problems.setText("\n".join(said_text(p) for p in view.problems))

    def new(self) -> None:
        try:
            choices = plan_svc.plan_choices(self.ctx())
        except AuditDeskError as exc:
            self.fail(exc)
            return
        spec = self.ask_programme(self, choices, self.ctx().clock.today())
        if spec is None:
            return
        try:
            pid = plan_svc.create_programme(self.ctx(), spec)
        except AuditDeskError as exc:
            self.fail(exc)
            return
        self.say(self.tr("Programme created; press Plan to compute and schedule it."))
        self.refresh(pid)

    def edit_exclusions(self) -> None:
        try:
            choices = plan_svc.plan_choices(self.ctx())
        except AuditDeskError as exc:
            self.fail(exc)
            return
        answer = self.ask_exclusions(self, self.ctx(), choices)
        if answer is None:
            return
        auditor, units, note = answer
        try:
            plan_svc.set_exclusions(self.ctx(), auditor, units, note)
        except AuditDeskError as exc:
            self.fail(exc)
            return
        self.say(
            self.tr("Saved: {0} unit(s) barred; press Plan to assign again.").format(len(units))
        )
        self.show_programme()

    def plan(self) -> None:
        pid = self.programme_id()
        if pid is None:
            return
        ctx = self.ctx()

        def work(_progress: Progress) -> ProgrammeView:
            return plan_svc.plan_programme(ctx, pid)

        def done(view: ProgrammeView) -> None:
            self.say(
                self.tr("Planned: {0} visits, {1} problem(s).").format(
                    view.programme.visits, len(view.problems)
                )
            )
            self.refresh(pid)

        self.deps.runner.submit(
            work, done, self.fail, title=self.tr("Planning the programme…"), parent=self
        )

    def export(self) -> None:
        pid = self.programme_id()
        path = self.save_path(self, self.tr("Export the plan"), "XLSX (*.xlsx)")
        if pid is None or path is None:
            return
        if path.suffix.lower() != ".xlsx":
            path = path.with_suffix(".xlsx")
        try:
            n = plan_svc.export_plan(self.ctx(), pid, path)
        except AuditDeskError as exc:
            self.fail(exc)
            return
        self.say(self.tr("{0}: {1} planned visits written.").format(path, n))

    def import_sheet(self) -> None:
        pid = self.programme_id()
        path = self.open_path(self, self.tr("Import the plan"), "XLSX, CSV (*.xlsx *.csv)")
        if pid is None or path is None:
            return
        try:
            result = plan_svc.import_plan(self.ctx(), pid, path)
        except AuditDeskError as exc:
            self.fail(exc)
            return
        self.refresh(pid)
        self.say(
            self.tr("{0}: {1} visits added, {2} changed.").format(
                path.name, result.created, result.updated
            )
        )

    def print_schedule(self) -> None:
        pid = self.programme_id()
        auditor = self.auditor.currentData()
        if pid is None or auditor is None:
            self.say(self.tr("Choose the auditor whose schedule to print."), error=True)
            return
        path = self.save_path(self, self.tr("Schedule of the auditor"), "PDF (*.pdf)")
        if path is None:
            return
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")
        try:
            n = plan_svc.auditor_schedule(self.ctx(), pid, int(auditor), path)
        except AuditDeskError as exc:
            self.fail(exc)
            return
        self.say(self.tr("{0}: the schedule of {1} visits written.").format(path, n))

    def selected_visit(self) -> VisitRow | None:
        rows = self.visits_view.selectionModel().selectedRows()
        return self.visits.row_at(rows[0].row()) if rows else None

    def mark_missed(self) -> None:
        visit = self.selected_visit()
        if visit is None:
            self.say(self.tr("Select the visit that was not made."), error=True)
            return
        answer = self.ask_missed(self)
        if answer is None:
            return
        status, reason, replace = answer
        try:
            new = plan_svc.mark_visit(self.ctx(), visit.id, status, reason, replace=replace)
        except AuditDeskError as exc:
            self.fail(exc)
            return
        self.refresh()
        if new is not None:
            self.say(
                self.tr("Replaced by a visit on {0} at {1}.").format(
                    format_date(new.planned_at.date()), f"{new.planned_at:%H:%M}"
                )
            )
        else:
            self.say(self.tr("The visit is marked; no replacement was planned."))


def briefing_html(b: Briefing) -> str:
    no_scenario = QCoreApplication.translate("Plan", "No scenario")
    brief = QCoreApplication.translate("Plan", "Brief")
    answer_key = QCoreApplication.translate("Plan", "Answer key")
    when = QCoreApplication.translate("Plan", "{0} at {1}, {2} {3}, form {4}").format(
        format_date(b.planned_at.date()),
        f"{b.planned_at:%H:%M}",
        channel_name(b.channel),
        f"{b.unit_code} {b.unit_name}",
        b.form_id,
    )
    parts = [f"<h3>{escape(b.title or no_scenario)}</h3>", f"<p>{escape(when)}</p>"]
    if b.brief:
        parts.append(f"<p><b>{escape(brief)}:</b> {escape(b.brief)}</p>")
    if b.answer_key:
        english = language() == "en"
        parts.append(f"<p><b>{escape(answer_key)}</b></p><ul>")
        for k in b.answer_key:
            label, text = (k.label_en, k.text_en) if english else (k.label_pl, k.text_pl)
            parts.append(f"<li><b>{escape(label)}:</b> {escape(text)}</li>")
        parts.append("</ul>")
    return "".join(parts)


def escape(text: str) -> str:
    return html.escape(text)


class MyVisitsTab(_Tab):
    """An auditor's own planned visits: the brief and answer key, then Start audit."""

    def __init__(self, deps: PanelDeps) -> None:
        super().__init__(deps)
        self.setObjectName("MyVisitsTab")
        self.started: int | None = None
        self.model = visits_model(with_auditor=False)
        self.view = table(self.model, self.tr("My planned visits"), "myVisitsTable")
        self.briefing = QTextBrowser()
        self.briefing.setObjectName("briefing")
        self.briefing.setAccessibleName(self.tr("Scenario and answer key"))
        self.start_button = QPushButton(self.tr("&Start audit"))
        self.start_button.setObjectName("startAudit")
        self.start_button.setEnabled(False)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("myVisitsSplitter")
        splitter.addWidget(self.view)
        splitter.addWidget(self.briefing)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.start_button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("<b>My planned visits</b> (confidential)")))
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.view.selectionModel().selectionChanged.connect(self._show)
        self.start_button.clicked.connect(self.start)
        self.refresh()

    def refresh(self) -> None:
        try:
            rows = plan_svc.my_visits(self.ctx())
        except AuditDeskError as exc:
            self.fail(exc)
            rows = []
        self.model.set_rows(rows)
        if rows:
            self.view.selectRow(0)
        self._show()

    def selected(self) -> VisitRow | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _show(self) -> None:
        visit = self.selected()
        self.start_button.setEnabled(visit is not None)
        if visit is None:
            self.briefing.setHtml(self.tr("<p>No visit planned for you.</p>"))
            return
        try:
            self.briefing.setHtml(briefing_html(plan_svc.briefing(self.ctx(), visit.id)))
        except AuditDeskError as exc:
            self.fail(exc)

    def start(self) -> None:
        visit = self.selected()
        if visit is None:
            return
        try:
            audit_id = plan_svc.start_planned_visit(self.ctx(), visit.id)
        except AuditDeskError as exc:
            self.fail(exc)
            return
        self.started = audit_id
        self.refresh()
        self.say(self.tr("The audit is started; fill it in in the Audits panel."))
        show = getattr(self.window(), "show_panel", None)
        if callable(show):
            panel = show("audits")
            open_audit = getattr(panel, "open_audit", None)
            if callable(open_audit):
                open_audit(audit_id)


class PlanPanel(QTabWidget):
    def __init__(self, deps: PanelDeps) -> None:
        super().__init__()
        self.setObjectName("PlanPanel")
        actor = deps.context().actor
        self.programmes_tab: ProgrammesTab | None = None
        self.my_tab: MyVisitsTab | None = None
        if plan_svc.is_planner(actor):
            self.programmes_tab = ProgrammesTab(deps)
            self.addTab(self.programmes_tab, self.tr("&Programmes"))
        elif actor.role.value == "auditor":
            self.my_tab = MyVisitsTab(deps)
            self.addTab(self.my_tab, self.tr("&My planned visits"))
        if self.count() == 0:
            note = QLabel(
                self.tr(
                    "The visit plan is confidential: it is for HR and quality staff, and each "
                    "auditor sees their own visits. Your role ({0}) does not include it."
                ).format(role_name(actor.role.value))
            )
            note.setObjectName("noAccess")
            note.setWordWrap(True)
            note.setAlignment(Qt.AlignmentFlag.AlignTop)
            self.addTab(note, self.tr("Visit plan"))
