"""One appraisal, step by step, from the keyboard.

Ctrl+PgDown / Ctrl+PgUp move between the five steps (Alt+1 … Alt+5 jump); Ctrl+S does the
step's main action (save criteria, save the rating and go to the next criterion, add the
development area, record the conversation). Step 5 has Ctrl+R (the employee read it),
Ctrl+J (objection) and Ctrl+D (decision). Ratings autosave when you move to another criterion
and a moment after you stop typing, so a crash loses at most the last words typed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from auditdesk.domain.errors import AuditDeskError
from auditdesk.services import appraisals as svc
from auditdesk.services.context import AppContext
from auditdesk.ui.appraisals.widgets import DateField, MessageLine, fmt_date

AUTOSAVE_MS = 1500


class AppraisalEditor(QDialog):
    changed = Signal()  # something was saved: the team view refreshes

    def __init__(
        self,
        context: Callable[[], AppContext],
        appraisal_id: int,
        language: str = "pl",
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.appraisal_id = appraisal_id
        self.language = language
        self.today = today
        self.view: svc.AppraisalView | None = None
        self._rating_code: str | None = None
        self._loading = False
        self.resize(1000, 680)

        self.header = QLabel()
        self.header.setWordWrap(True)
        self.steps = QListWidget()
        self.steps.setMaximumWidth(210)
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

        body = QHBoxLayout()
        body.addWidget(self.steps)
        body.addWidget(self.pages, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addLayout(body, 1)
        layout.addWidget(self.message)

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
        self.reload(choose_step=True)

    def _shortcut(self, keys: str, slot: Callable[[], object]) -> None:
        QShortcut(QKeySequence(keys), self).activated.connect(slot)

    # --- pages ---------------------------------------------------------------------------------

    def _criteria_page(self) -> QWidget:
        page = QWidget()
        self.criteria_help = QLabel()
        self.criteria_help.setWordWrap(True)
        self.criteria_table = QTableWidget(0, 2)
        self.criteria_table.setHorizontalHeaderLabels(
            [self.tr("Criterion"), self.tr("Expectations agreed with the employee")]
        )
        self.criteria_table.horizontalHeader().setStretchLastSection(True)
        self.criteria_table.setColumnWidth(0, 330)
        self.save_criteria_button = QPushButton(self.tr("Save criteria (Ctrl+S)"))
        self.save_criteria_button.clicked.connect(self.save_criteria)
        lay = QVBoxLayout(page)
        lay.addWidget(self.criteria_help)
        lay.addWidget(self.criteria_table, 1)
        lay.addWidget(self.save_criteria_button)
        return page

    def _ratings_page(self) -> QWidget:
        page = QWidget()
        self.rating_list = QListWidget()
        self.rating_list.setMaximumWidth(260)
        self.rating_list.currentRowChanged.connect(self._show_rating)
        self.criterion_text = QLabel()
        self.criterion_text.setWordWrap(True)
        self.level = QComboBox()
        self.level.currentIndexChanged.connect(self._rating_edited)
        self.justification = QPlainTextEdit()
        self.justification.setTabChangesFocus(True)
        self.justification.setPlaceholderText(
            self.tr("Justification (required): facts and examples from the period")
        )
        self.justification.textChanged.connect(self._rating_edited)
        self.evidence = QListWidget()
        self.overall_label = QLabel()
        form = QFormLayout()
        form.addRow(self.tr("&Rating:"), self.level)
        form.addRow(self.tr("&Justification:"), self.justification)
        right = QVBoxLayout()
        right.addWidget(self.criterion_text)
        right.addLayout(form, 2)
        right.addWidget(
            QLabel(self.tr("Evidence of the period: mystery-client audits and feedback"))
        )
        right.addWidget(self.evidence, 1)
        right.addWidget(self.overall_label)
        lay = QHBoxLayout(page)
        lay.addWidget(self.rating_list)
        lay.addLayout(right, 1)
        return page

    def _development_page(self) -> QWidget:
        page = QWidget()
        self.area_list = QListWidget()
        self.area_name = QLineEdit()
        self.area_change = QLineEdit()
        self.area_support = QLineEdit()
        self.area_deadline = DateField()
        self.area_actions = QPlainTextEdit()
        self.area_actions.setTabChangesFocus(True)
        self.area_actions.setPlaceholderText(
            self.tr("One action a line: kind: description, e.g. 'training: plain language'")
        )
        self.add_area_button = QPushButton(self.tr("Add area (Ctrl+S)"))
        self.add_area_button.clicked.connect(self.add_area)
        self.open_actions = QListWidget()
        self.done_button = QPushButton(self.tr("Mark the selected action done"))
        self.done_button.clicked.connect(self.mark_done)
        form = QFormLayout()
        form.addRow(self.tr("&Area:"), self.area_name)
        form.addRow(self.tr("Expected &change:"), self.area_change)
        form.addRow(self.tr("&Support from the office:"), self.area_support)
        form.addRow(self.tr("&Deadline:"), self.area_deadline)
        form.addRow(self.tr("A&ctions:"), self.area_actions)
        lay = QVBoxLayout(page)
        lay.addWidget(QLabel(self.tr("Development areas of this appraisal")))
        lay.addWidget(self.area_list, 1)
        lay.addLayout(form)
        lay.addWidget(self.add_area_button)
        lay.addWidget(QLabel(self.tr("Open actions from earlier appraisals")))
        lay.addWidget(self.open_actions, 1)
        lay.addWidget(self.done_button)
        return page

    def _conversation_page(self) -> QWidget:
        page = QWidget()
        self.conversation_on = DateField()
        self.conversation_button = QPushButton(self.tr("Record the conversation (Ctrl+S)"))
        self.conversation_button.clicked.connect(self.record_conversation)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Date of the appraisal &conversation:"), self.conversation_on)
        lay = QVBoxLayout(page)
        lay.addLayout(form)
        lay.addWidget(self.conversation_button)
        lay.addWidget(self.result_label)
        lay.addStretch(1)
        return page

    def _reading_page(self) -> QWidget:
        page = QWidget()
        self.read_on = DateField()
        self.read_comment = QLineEdit()
        self.read_button = QPushButton(self.tr("Record reading (Ctrl+R)"))
        self.read_button.clicked.connect(self.record_reading)
        read_box = QGroupBox(self.tr("The employee read the appraisal"))
        f1 = QFormLayout(read_box)
        f1.addRow(self.tr("Date &read:"), self.read_on)
        f1.addRow(self.tr("Co&mment:"), self.read_comment)
        f1.addRow(self.read_button)

        self.objection_on = DateField()
        self.objection_reason = QLineEdit()
        self.objection_button = QPushButton(self.tr("File objection (Ctrl+J)"))
        self.objection_button.clicked.connect(self.file_objection)
        obj_box = QGroupBox(self.tr("Objection"))
        f2 = QFormLayout(obj_box)
        f2.addRow(self.tr("Date &filed:"), self.objection_on)
        f2.addRow(self.tr("Reas&on:"), self.objection_reason)
        f2.addRow(self.objection_button)

        self.decision = QComboBox()
        self.decision.addItem(self.tr("Rejected"), "rejected")
        self.decision.addItem(self.tr("Upheld"), "upheld")
        self.resolution = QComboBox()
        self.resolution.addItem(self.tr("Changed"), "changed")
        self.resolution.addItem(self.tr("Redone"), "redone")
        self.decided_on = DateField()
        self.decision_reason = QLineEdit()
        self.decision_button = QPushButton(self.tr("Record decision (Ctrl+D)"))
        self.decision_button.clicked.connect(self.record_decision)
        dec_box = QGroupBox(self.tr("Decision on the objection"))
        f3 = QFormLayout(dec_box)
        f3.addRow(self.tr("D&ecision:"), self.decision)
        f3.addRow(self.tr("If upheld, the appraisal is:"), self.resolution)
        f3.addRow(self.tr("Decided &on:"), self.decided_on)
        f3.addRow(self.tr("Gro&unds:"), self.decision_reason)
        f3.addRow(self.decision_button)

        self.deadlines = QLabel()
        self.deadlines.setWordWrap(True)
        self.deadlines.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay = QVBoxLayout(page)
        lay.addWidget(read_box)
        lay.addWidget(obj_box)
        lay.addWidget(dec_box)
        lay.addWidget(self.deadlines)
        lay.addStretch(1)
        return page

    # --- loading -------------------------------------------------------------------------------

    def reload(self, choose_step: bool = False) -> None:
        try:
            view = svc.appraisal_detail(self.context(), self.appraisal_id, self.language)
        except AuditDeskError as exc:
            self.message.error(str(exc))
            return
        self.view = view
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
        status = {
            "draft": self.tr("draft"),
            "discussed": self.tr("after the conversation"),
            "acknowledged": self.tr("read by the employee"),
            "objected": self.tr("objection pending"),
            "final": self.tr("final"),
            "superseded": self.tr("superseded after an objection"),
        }.get(v.status, v.status)
        kind = self.tr("follow-up") if v.kind == "follow_up" else self.tr("periodic")
        title = self.tr("Appraisal %1").replace("%1", v.record_number)
        self.setWindowTitle(f"{title} – {v.employee}")
        extra = ""
        if v.supersedes_record:
            extra = "<br>" + self.tr(
                "Replaces %1 after an upheld objection (kept unchanged)."
            ).replace("%1", v.supersedes_record)
        appraiser = self.tr("appraiser")
        self.header.setText(
            f"<b>{v.record_number}</b> · {v.employee}, {v.position} ({v.unit}) · "
            f"{kind} · {fmt_date(v.period_start)}–{fmt_date(v.period_end)} · <i>{status}</i>"
            f"<br>{v.sheet_title} · {appraiser}: {v.appraiser}{extra}"
        )
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
            self.level.addItem(f"{label} ({points:g})", code)
        self.level.setEnabled(draft)
        self.justification.setReadOnly(not draft)
        self.evidence.clear()
        for e in v.evidence:
            prefix = self.tr("Audit") if e.kind == "audit" else self.tr("Feedback")
            self.evidence.addItem(f"{prefix} {fmt_date(e.on)}: {e.title} — {e.detail}")
        if not v.evidence:
            self.evidence.addItem(self.tr("(no audits or feedback notes in the period)"))
        if self.rating_list.count():
            self.rating_list.setCurrentRow(max(0, min(current, self.rating_list.count() - 1)))
            self._show_rating(self.rating_list.currentRow())
        self._fill_result(v)
        # step 3
        self.area_list.clear()
        for a in v.areas:
            actions = "; ".join(f"{x.kind}: {x.description}" for x in a.actions)
            self.area_list.addItem(
                f"{a.area} → {a.expected_change} ({fmt_date(a.deadline)}) [{actions}]"
            )
        editable = v.status in ("draft", "discussed")
        for w in (
            self.add_area_button,
            self.area_name,
            self.area_change,
            self.area_support,
            self.area_deadline,
            self.area_actions,
        ):
            w.setEnabled(editable)
        self.open_actions.clear()
        for act in v.open_actions:
            item = QListWidgetItem(
                f"{act.record_number} · {act.area}: {act.kind} – {act.description} "
                f"({fmt_date(act.deadline)})"
            )
            item.setData(Qt.ItemDataRole.UserRole, act.id)
            self.open_actions.addItem(item)
        # step 4
        self.conversation_on.set_date(v.conversation_on or self.today())
        self.conversation_button.setEnabled(draft)
        self.conversation_on.setEnabled(draft)
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
        if v.overall_score is None:
            text = self.tr("Overall result: computed when the conversation is recorded.")
        else:
            verdict = self.tr("positive") if v.positive else self.tr("negative")
            text = (
                self.tr("Overall result: %1 – %2 (%3)")
                .replace("%1", f"{v.overall_score:.2f}")
                .replace("%2", v.overall_level or "")
                .replace("%3", verdict)
            )
        self.overall_label.setText(text)
        self.result_label.setText(text)

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
            self.add_area()
        elif page == 3:
            self.record_conversation()

    def _run(self, action: Callable[[], object], done: str) -> bool:
        try:
            action()
        except AuditDeskError as exc:
            self.message.error(str(exc))
            return False
        self.message.info(done)
        self.changed.emit()
        return True

    # --- step actions --------------------------------------------------------------------------

    def _commit_open_cell(self) -> None:
        """Ctrl+S while still typing in an expectations cell keeps what was typed."""
        table = self.criteria_table
        editor = QApplication.focusWidget()
        if table.state() == QAbstractItemView.State.EditingState and editor is not None:
            table.commitData(editor)
            table.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def save_criteria(self) -> None:
        self._commit_open_cell()
        additional: list[str] = []
        expectations: dict[str, str] = {}
        for i in range(self.criteria_table.rowCount()):
            item = self.criteria_table.item(i, 0)
            if item is None:
                continue
            code = str(item.data(Qt.ItemDataRole.UserRole))
            exp = self.criteria_table.item(i, 1)
            expectations[code] = exp.text() if exp else ""
            if (
                item.flags() & Qt.ItemFlag.ItemIsUserCheckable
                and item.checkState() == Qt.CheckState.Checked
            ):
                additional.append(code)
        if self._run(
            lambda: svc.set_criteria(self.context(), self.appraisal_id, additional, expectations),
            self.tr("Criteria saved."),
        ):
            self.reload()
            self.step(1)

    def _show_rating(self, row: int) -> None:
        if row < 0 or self.view is None:
            return
        if not self._loading:
            self._autosave_rating()
        item = self.rating_list.item(row)
        if item is None:
            return
        code = item.data(Qt.ItemDataRole.UserRole)
        c = next((x for x in self.view.criteria if x.code == code), None)
        if c is None:
            return
        was_loading = self._loading
        self._loading = True
        try:
            self._rating_code = c.code
            indicators = "".join(f"<br>• <i>{lv}</i>: {text}" for lv, text in c.indicators)
            label = self.tr("Expectations")
            expected = f"<br><b>{label}:</b> {c.expectations}" if c.expectations else ""
            self.criterion_text.setText(f"<b>{c.name}</b><br>{c.description}{indicators}{expected}")
            self.level.setCurrentIndex(max(0, self.level.findData(c.level_code)))
            self.justification.setPlainText(c.justification)
        finally:
            self._loading = was_loading

    def _rating_edited(self) -> None:
        if not self._loading and self.view is not None and self.view.status == "draft":
            self.autosave.start()

    def _autosave_rating(self) -> bool:
        """Saves the rating on screen if it differs from the stored one."""
        self.autosave.stop()
        if self.view is None or self.view.status != "draft" or self._rating_code is None:
            return True
        stored = next((x for x in self.view.criteria if x.code == self._rating_code), None)
        level = self.level.currentData()
        text = self.justification.toPlainText()
        if stored is None or (stored.level_code == level and stored.justification == text.strip()):
            return True
        code = self._rating_code
        ok = self._run(
            lambda: svc.rate(self.context(), self.appraisal_id, code, level, text),
            self.tr("Rating saved."),
        )
        if ok:
            self._refresh_view_only()
        return ok

    def _refresh_view_only(self) -> None:
        """Re-reads the appraisal without disturbing the fields being edited."""
        try:
            self.view = svc.appraisal_detail(self.context(), self.appraisal_id, self.language)
        except AuditDeskError as exc:
            self.message.error(str(exc))
            return
        for i in range(self.rating_list.count()):
            item = self.rating_list.item(i)
            code = item.data(Qt.ItemDataRole.UserRole)
            c = next((x for x in self.view.criteria if x.code == code), None)
            if c is not None:
                mark = "✓" if c.level_code and c.justification else "○"
                item.setText(f"{mark} {c.name}")

    def save_rating_and_next(self) -> None:
        if not self._autosave_rating():
            return
        row = self.rating_list.currentRow()
        if row + 1 < self.rating_list.count():
            self.rating_list.setCurrentRow(row + 1)
            self.level.setFocus()
        else:
            self.step(2)

    def add_area(self) -> None:
        actions = []
        for line in self.area_actions.toPlainText().splitlines():
            if not line.strip():
                continue
            kind, _, description = line.partition(":")
            actions.append(svc.ActionInput(kind.strip(), description.strip()))
        deadline = self.area_deadline.date()
        if self.area_deadline.text().strip() and deadline is None:
            self.message.error(self.tr("Type the deadline as dd.mm.yyyy."))
            return
        if self._run(
            lambda: svc.add_development_area(
                self.context(),
                self.appraisal_id,
                self.area_name.text(),
                self.area_change.text(),
                self.area_support.text(),
                deadline,
                actions,
            ),
            self.tr("Development area added."),
        ):
            for w in (self.area_name, self.area_change, self.area_support, self.area_deadline):
                w.clear()
            self.area_actions.clear()
            self.reload()
            self.area_name.setFocus()

    def mark_done(self) -> None:
        item = self.open_actions.currentItem()
        if item is None:
            self.message.error(self.tr("Select an action first."))
            return
        action_id = int(item.data(Qt.ItemDataRole.UserRole))
        if self._run(
            lambda: svc.mark_action_done(self.context(), action_id, self.today()),
            self.tr("Action marked done."),
        ):
            self.reload()

    def _need_date(self, field: DateField) -> date | None:
        value = field.date()
        if value is None:
            self.message.error(self.tr("Type the date as dd.mm.yyyy."))
            field.setFocus()
        return value

    def record_conversation(self) -> None:
        if not self._autosave_rating():
            return
        on = self._need_date(self.conversation_on)
        if on is None:
            return
        if self._run(
            lambda: svc.record_conversation(self.context(), self.appraisal_id, on),
            self.tr("Conversation recorded; the overall result is computed."),
        ):
            self.reload()
            self.step(4)

    def record_reading(self) -> None:
        on = self._need_date(self.read_on)
        if on is None:
            return
        if self._run(
            lambda: svc.acknowledge(
                self.context(), self.appraisal_id, on, self.read_comment.text()
            ),
            self.tr("Reading recorded."),
        ):
            self.reload()

    def file_objection(self) -> None:
        on = self._need_date(self.objection_on)
        if on is None:
            return
        if self._run(
            lambda: svc.file_objection(
                self.context(), self.appraisal_id, on, self.objection_reason.text()
            ),
            self.tr("Objection recorded."),
        ):
            self.reload()
            self.decision.setFocus()

    def record_decision(self) -> None:
        on = self._need_date(self.decided_on)
        if on is None:
            return
        decision = str(self.decision.currentData())
        resolution = str(self.resolution.currentData()) if decision == "upheld" else None
        result: list[int | None] = []
        if not self._run(
            lambda: result.append(
                svc.decide_objection(
                    self.context(),
                    self.appraisal_id,
                    decision,
                    on,
                    self.decision_reason.text(),
                    resolution,
                )
            ),
            self.tr("Decision recorded."),
        ):
            return
        new_id = result[0] if result else None
        if new_id is None:
            self.reload()
            return
        original = self.view.record_number if self.view else ""
        self.appraisal_id = new_id
        self.reload(choose_step=False)
        self.step(1)  # the ratings to correct (changed) or to give again (redone)
        self.message.info(
            self.tr("Objection upheld: %1 is kept unchanged; correct the new appraisal %2.")
            .replace("%1", original)
            .replace("%2", self.view.record_number if self.view else "")
        )

    def closeEvent(self, event: object) -> None:
        self._autosave_rating()
        super().closeEvent(event)  # type: ignore[arg-type]
