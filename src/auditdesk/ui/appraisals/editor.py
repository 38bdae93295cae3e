"""One appraisal, step by step, from the keyboard.

Ctrl+PgDown / Ctrl+PgUp move between the five steps (Alt+1 … Alt+5 jump); Ctrl+S does the
step's main action (save criteria, save the rating and go to the next criterion, add the
development area or save the selected one, add the note being typed or record the
conversation). Step 5 has Ctrl+R (the employee read it), Ctrl+J (objection) and Ctrl+D
(decision). A rating chosen is saved at once (the overall result so far follows it in the
header); a justification autosaves when you move to another criterion and a moment after you
stop typing, so a crash loses at most the last words typed. F1 opens the guide's page.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from auditdesk.domain.errors import AuditDeskError
from auditdesk.services import appraisals as svc
from auditdesk.services.context import AppContext
from auditdesk.ui.appraisals.editor_pages import EditorPages
from auditdesk.ui.appraisals.editor_steps import VERSION_ROLE
from auditdesk.ui.appraisals.evidence import evidence_detail
from auditdesk.ui.appraisals.widgets import MessageLine, fmt_date
from auditdesk.ui.errors import error_text
from auditdesk.ui.help import open_help
from auditdesk.ui.labels import appraisal_kind_name, appraisal_status_name, number

AUTOSAVE_MS = 1500


class AppraisalEditor(EditorPages):
    """One appraisal, step by step: the pages are built by `EditorPages`, the steps' actions are
    in `EditorSteps`; here the window, loading and navigation."""

    def __init__(
        self,
        context: Callable[[], AppContext],
        appraisal_id: int,
        language: str = "pl",
        today: Callable[[], date] | None = None,
        parent: QWidget | None = None,
        *,
        view: svc.AppraisalView | None = None,
    ) -> None:
        """`view`: the appraisal already read (on a worker, by the panel: issue 14)."""
        super().__init__(parent)
        self.context = context
        self.appraisal_id = appraisal_id
        self.language = language
        self.today = today or (lambda: self.context().clock.today())  # time is an input
        self.view: svc.AppraisalView | None = None
        self.version: int | None = None  # the version read, passed back with each change
        self._header_base = ""
        self._rating_code: str | None = None
        self._loading = False
        self.resize(1000, 680)

        self.header = QLabel()
        self.header.setWordWrap(True)
        self.steps = QListWidget()
        self.steps.setMaximumWidth(210)
        self.steps.setAccessibleName(self.tr("Steps of the appraisal"))
        for text in (
            self.tr("1. Criteria and expectations"),
            self.tr("2. Ratings"),
            self.tr("3. Development (IPRZ)"),
            self.tr("4. Conversation"),
            self.tr("5. Reading or objection"),
        ):
            self.steps.addItem(text)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._criteria_page())
        self.pages.addWidget(self._ratings_page())
        self.pages.addWidget(self._development_page())
        self.pages.addWidget(self._conversation_page())
        self.pages.addWidget(self._reading_page())
        self.steps.currentRowChanged.connect(self._go)
        self.message = MessageLine()
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("closeAppraisal")
        self.close_button.setToolTip(self.tr("Saves what is typed and closes (Esc)"))
        self.close_button.clicked.connect(self.close)

        body = QHBoxLayout()
        body.addWidget(self.steps)
        body.addWidget(self.pages, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addLayout(body, 1)
        layout.addLayout(bottom)

        self.autosave = QTimer(self)
        self.autosave.setSingleShot(True)
        self.autosave.setInterval(AUTOSAVE_MS)
        self.autosave.timeout.connect(self._autosave_rating)

        self._shortcut("Ctrl+PgDown", lambda: self.step(self.steps.currentRow() + 1))
        self._shortcut("Ctrl+PgUp", lambda: self.step(self.steps.currentRow() - 1))
        for n in range(5):
            self._shortcut(f"Alt+{n + 1}", partial(self.step, n))
        self._shortcut("Ctrl+S", self._main_action)
        self._shortcut("Ctrl+R", self.record_reading)
        self._shortcut("Ctrl+J", self.file_objection)
        self._shortcut("Ctrl+D", self.record_decision)
        self._shortcut("Escape", self.close)
        self._shortcut("F1", lambda: open_help(self, "appraisals", self.language))
        if view is not None:
            self.show_view(view, choose_step=True)
        else:
            self.reload(choose_step=True)

    def _shortcut(self, keys: str, slot: Callable[[], object]) -> None:
        QShortcut(QKeySequence(keys), self).activated.connect(slot)

    # --- loading -------------------------------------------------------------------------------

    def reload(self, choose_step: bool = False) -> None:
        try:
            view = svc.appraisal_detail(self.context(), self.appraisal_id, self.language)
        except AuditDeskError as exc:
            self.message.error(error_text(exc))
            return
        self.show_view(view, choose_step)

    def show_view(self, view: svc.AppraisalView, choose_step: bool = False) -> None:
        """Fills every page from `view`; `choose_step`: goes to the step the appraisal is at."""
        self.view = view
        self.version = view.version
        self._loading = True
        try:
            self._fill(view)
        finally:
            self._loading = False
        if choose_step:
            rated = any(c.level_code for c in view.criteria if c.selected)
            if view.status == "draft":
                self.step(1 if rated else 0)
            else:
                self.step(4)

    def _fill(self, v: svc.AppraisalView) -> None:
        status = appraisal_status_name(v.status)
        kind = appraisal_kind_name(v.kind)
        title = self.tr("Appraisal %1").replace("%1", v.record_number)
        self.setWindowTitle(f"{title} – {v.employee}")
        extra = ""
        if v.supersedes_record:
            extra = "<br>" + self.tr(
                "Replaces %1 after an upheld objection (kept unchanged)."
            ).replace("%1", v.supersedes_record)
        appraiser = self.tr("appraiser")
        self._header_base = (
            f"<b>{v.record_number}</b> · {v.employee}, {v.position} ({v.unit}) · "
            f"{kind} · {fmt_date(v.period_start)}–{fmt_date(v.period_end)} · <i>{status}</i>"
            f"<br>{v.sheet_title} · {appraiser}: {v.appraiser}{extra}"
        )
        self.header.setText(self._header_base)
        draft = v.status == "draft"
        # step 1
        self.criteria_help.setText(
            self.tr("Mandatory criteria are ticked and fixed; choose %1–%2 additional ones.")
            .replace("%1", str(v.additional_min))
            .replace("%2", str(v.additional_max))
        )
        self.criteria_table.setRowCount(len(v.criteria))
        for i, c in enumerate(v.criteria):
            cell = QTableWidgetItem(c.name + (" *" if c.required else ""))
            cell.setData(Qt.ItemDataRole.UserRole, c.code)
            cell.setToolTip(c.description)
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            if draft and not c.required:
                flags |= Qt.ItemFlag.ItemIsUserCheckable
            cell.setFlags(flags)
            cell.setCheckState(Qt.CheckState.Checked if c.selected else Qt.CheckState.Unchecked)
            self.criteria_table.setItem(i, 0, cell)
            exp = QTableWidgetItem(c.expectations)
            if not draft:
                exp.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            self.criteria_table.setItem(i, 1, exp)
        self.save_criteria_button.setEnabled(draft)
        # step 2
        current = self.rating_list.currentRow()
        self.rating_list.clear()
        for c in v.criteria:
            if c.selected:
                mark = "✓" if c.level_code and c.justification else "○"
                item = QListWidgetItem(f"{mark} {c.name}")
                item.setData(Qt.ItemDataRole.UserRole, c.code)
                self.rating_list.addItem(item)
        self.level.clear()
        self.level.addItem(self.tr("(not rated)"), None)
        for code, label, points in v.scale:
            self.level.addItem(f"{label} ({number(points, 2, trim=True)})", code)
        self.level.setEnabled(draft)
        self.justification.setReadOnly(not draft)
        self.evidence.clear()
        for e in v.evidence:
            prefix = self.tr("Audit") if e.kind == "audit" else self.tr("Feedback")
            self.evidence.addItem(f"{prefix} {fmt_date(e.on)}: {e.title} — {evidence_detail(e)}")
        if not v.evidence:
            self.evidence.addItem(self.tr("(no audits or feedback notes in the period)"))
        if self.rating_list.count():
            self.rating_list.setCurrentRow(max(0, min(current, self.rating_list.count() - 1)))
            self._show_rating(self.rating_list.currentRow())
        self._fill_result(v)
        # step 3
        selected = self.selected_area()
        selected_id = selected.id if selected else None
        self.area_list.clear()
        for a in v.areas:
            actions = "; ".join(f"{x.kind}: {x.description}" for x in a.actions)
            due = f" ({fmt_date(a.deadline)})" if a.deadline else ""
            item = QListWidgetItem(
                f"{a.area} → {a.expected_change}{due}" + (f" [{actions}]" if actions else "")
            )
            item.setData(Qt.ItemDataRole.UserRole, a.id)
            self.area_list.addItem(item)
            if a.id == selected_id:
                self.area_list.setCurrentItem(item)  # and selects it, as before the reload
        # issue 15: areas and notes change until the employee has read it or it is signed
        editable = v.status in ("draft", "discussed") and not v.signed
        for w in (
            self.add_area_button,
            self.new_area_button,
            self.area_name,
            self.area_change,
            self.area_support,
            self.area_deadline,
            self.area_actions,
        ):
            w.setEnabled(editable)
        self._area_selected()
        self.open_actions.clear()
        for act in v.open_actions:
            item = QListWidgetItem(
                f"{act.record_number} · {act.area}: {act.kind} – {act.description} "
                f"({fmt_date(act.deadline)})"
            )
            item.setData(Qt.ItemDataRole.UserRole, act.id)
            item.setData(VERSION_ROLE, act.appraisal_version)  # its appraisal's, as read
            self.open_actions.addItem(item)
        # step 4
        self.conversation_on.set_date(v.conversation_on or self.today())
        self.conversation_button.setEnabled(draft)
        self.conversation_on.setEnabled(draft)
        self.notes.clear()
        for n in v.conversation_notes:
            item = QListWidgetItem(f"{fmt_date(n.noted_on)} – {n.text} ({n.author})")
            item.setData(Qt.ItemDataRole.UserRole, n.id)
            item.setToolTip(n.text)
            self.notes.addItem(item)
        notes_open = v.status in ("draft", "discussed") and not v.signed
        for w in (self.note_on, self.note_text, self.add_note_button, self.remove_note_button):
            w.setEnabled(notes_open)
        if not self.note_on.text():
            self.note_on.set_date(v.conversation_on or self.today())
        # step 5
        self.read_on.set_date(v.read_on or self.today())
        self.read_comment.setText(v.read_comment)
        self.read_button.setEnabled(v.status == "discussed")
        self.objection_button.setEnabled(v.status == "acknowledged")
        self.decision_button.setEnabled(v.status == "objected")
        if v.objection:
            self.objection_on.set_date(v.objection.filed_on)
            self.objection_reason.setText(v.objection.reason)
            if v.objection.decided_on:
                self.decided_on.set_date(v.objection.decided_on)
            if v.objection.decision:
                self.decision.setCurrentIndex(max(0, self.decision.findData(v.objection.decision)))
                self.decision_reason.setText(v.objection.decision_reason)
            if v.objection.resolution:
                self.resolution.setCurrentIndex(
                    max(0, self.resolution.findData(v.objection.resolution))
                )
        else:
            self.objection_on.set_date(self.today())
        if not self.decided_on.text():
            self.decided_on.set_date(self.today())
        names = {
            "objection": self.tr("Objection until"),
            "decision": self.tr("Decision until"),
            "follow_up": self.tr("Follow-up appraisal due"),
            "follow_up_earliest": self.tr("Follow-up no sooner than"),
        }
        self.deadlines.setText(
            "<br>".join(
                f"<b>{names.get(d.what, d.what)} {fmt_date(d.value)}</b>: "
                f"{d.rule_en if self.language == 'en' else d.rule_pl}"
                for d in v.deadlines
            )
        )

    def _fill_result(self, v: svc.AppraisalView) -> None:
        """The overall result in the header and on steps 2 and 4: the recorded one, or while
        ratings are given the one they make so far (issue 15: it follows each rating)."""
        p = v.provisional
        if v.overall_score is not None:
            verdict = self.tr("positive") if v.positive else self.tr("negative")
            text = (
                self.tr("Overall result: %1 – %2 (%3)")
                .replace("%1", number(v.overall_score, 2))
                .replace("%2", v.overall_level or "")
                .replace("%3", verdict)
            )
        elif p is not None:
            verdict = self.tr("positive") if p.positive else self.tr("negative")
            text = (
                self.tr(
                    "Overall result so far: %1 – %2 (%3), %4 of %5 criteria rated; "
                    "final when the conversation is recorded."
                )
                .replace("%1", number(p.score, 2))
                .replace("%2", p.level)
                .replace("%3", verdict)
                .replace("%4", str(p.rated))
                .replace("%5", str(p.chosen))
            )
        else:
            text = self.tr(
                "Overall result: shown as criteria are rated; final when the conversation is "
                "recorded."
            )
        self.overall_label.setText(text)
        self.result_label.setText(text)
        # issue 15: the result belongs to the appraisal, not only to steps 2 and 4
        self.header.setText(f"{self._header_base}<br><b>{text}</b>")

    # --- navigation ----------------------------------------------------------------------------

    def step(self, n: int) -> None:
        n = max(0, min(4, n))
        if self.steps.currentRow() != n:
            self.steps.setCurrentRow(n)
        self._go(n)

    def _go(self, n: int) -> None:
        if n < 0:
            return
        self._autosave_rating()
        self.pages.setCurrentIndex(n)
        first = {
            0: self.criteria_table,
            1: self.level,
            2: self.area_name,
            3: self.conversation_on,
            4: self.read_on,
        }[n]
        first.setFocus()

    def _main_action(self) -> None:
        page = self.pages.currentIndex()
        if page == 0:
            self.save_criteria()
        elif page == 1:
            self.save_rating_and_next()
        elif page == 2:
            if self.selected_area() is not None:
                self.save_area()
            else:
                self.add_area()
        elif page == 3:
            if self.note_text.toPlainText().strip():
                self.add_note()  # typing a note: Ctrl+S adds it
            else:
                self.record_conversation()

    def closeEvent(self, event: object) -> None:
        self._autosave_rating()
        super().closeEvent(event)  # type: ignore[arg-type]
