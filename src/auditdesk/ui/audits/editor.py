"""Filling in one audit, section by section, keyboard first, saving every answer at once.

Keys: digits choose an answer, N marks N/A, K the comment (of the item just answered, else of
the current one; a critical failure keeps the focus on its comment), Tab/Enter next item,
Shift+Tab back,
Ctrl+PgDown / Ctrl+PgUp next/previous section, Ctrl+E attach evidence to the current item,
Ctrl+Shift+E to the whole audit, Space on the evidence list previews, Ctrl+Return completes
(after a confirmation: completing locks),
Ctrl+D dispute, Ctrl+Shift+A action plan, Ctrl+H the header (unit, employee, date, scenario),
Esc back to the list.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from auditdesk.domain.errors import AuditDeskError, StaleRecord
from auditdesk.domain.scoring import ScoreResult
from auditdesk.domain.values import Role
from auditdesk.services import audits as svc
from auditdesk.services.context import AppContext
from auditdesk.ui.audits.header_dialog import HeaderDialog
from auditdesk.ui.audits.item_row import ItemRow, num, tone
from auditdesk.ui.errors import error_text
from auditdesk.ui.labels import audit_status_name, channel_name, percent, verdict_name

FileChooser = Callable[[], Path | None]


class AuditEditor(QWidget):
    closed = Signal()
    changed = Signal(int)  # audit id: the list should refresh this row
    dispute_requested = Signal(int)
    plan_requested = Signal(int)
    preview_requested = Signal(int)  # evidence id

    def __init__(
        self,
        context: Callable[[], AppContext],
        audit_id: int,
        choose_file: FileChooser,
        max_evidence_mb: int = 50,
        language: str = "pl",
        parent: QWidget | None = None,
        *,
        detail: svc.AuditDetail | None = None,
        sections_later: bool = False,
    ) -> None:
        """`detail`: the audit already loaded (on a worker); `sections_later`: only the first
        section's rows are built at once, the others one per turn of the event loop (issue
        14: building every row at once held the GUI thread ~0.2 s); a section is built at
        once when it is needed sooner."""
        super().__init__(parent)
        self.context = context
        self.audit_id = audit_id
        self.choose_file = choose_file
        self.max_bytes = max_evidence_mb * 1024 * 1024
        self.language = language
        self.rows: dict[str, ItemRow] = {}
        self.order: list[str] = []
        self.section_of: dict[str, int] = {}
        self.current_item: str | None = None
        self._hold_focus: str | None = None
        self._hold_comment: str | None = None  # a critical failure: its comment comes next
        self._just_answered: str | None = None  # answered by a key; K opens its comment
        self.confirm_box: QMessageBox | None = None
        self.dialog: HeaderDialog | None = None
        self.detail = detail if detail is not None else svc.load_audit(context(), audit_id)
        self.version = self.detail.version
        self.result = self.detail.result
        self._unbuilt: list[int] = []  # sections whose rows are not built yet

        self.header = QLabel()
        self.header.setWordWrap(True)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.total = QLabel()
        self.total.setObjectName("totalScore")
        self.total.setAccessibleName(self.tr("Total score of the audit"))
        self.critical = QLabel()
        self.critical.setObjectName("criticalBanner")
        self.critical.setWordWrap(True)
        self.critical.setStyleSheet(
            "background: #fde7e9; color: #8a0010; padding: 6px; font-weight: bold;"
        )
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.sections = QListWidget()
        self.sections.setObjectName("sections")
        self.sections.setAccessibleName(self.tr("Sections and their scores"))
        self.sections.setMaximumWidth(300)
        self.sections.setWordWrap(True)
        self.sections.currentRowChanged.connect(self._section_shown)
        self.pages = QStackedWidget()
        self._build_sections(sections_later)

        self.evidence = QListWidget()
        self.evidence.setObjectName("evidence")
        self.evidence.setAccessibleName(self.tr("Evidence files"))
        self.evidence.setMaximumHeight(110)
        self.evidence.itemActivated.connect(lambda it: self.preview_requested.emit(it.data(256)))
        self.attach_item_button = QPushButton(self.tr("Attach to item (Ctrl+E)"))
        self.attach_audit_button = QPushButton(self.tr("Attach to audit (Ctrl+Shift+E)"))
        self.preview_button = QPushButton(self.tr("Preview (Space)"))
        self.remove_button = QPushButton(self.tr("Remove file"))
        self.attach_item_button.clicked.connect(lambda: self.attach(True))
        self.attach_audit_button.clicked.connect(lambda: self.attach(False))
        self.preview_button.clicked.connect(self._preview_selected)
        self.remove_button.clicked.connect(self._remove_selected)

        self.complete_button = QPushButton(self.tr("Complete (Ctrl+Return)"))
        self.complete_button.setObjectName("complete")
        self.complete_button.clicked.connect(self.complete)
        self.dispute_button = QPushButton(self.tr("Dispute (Ctrl+D)"))
        self.dispute_button.clicked.connect(lambda: self.dispute_requested.emit(self.audit_id))
        self.plan_button = QPushButton(self.tr("Action plan (Ctrl+Shift+A)"))
        self.plan_button.clicked.connect(lambda: self.plan_requested.emit(self.audit_id))
        self.header_button = QPushButton(self.tr("Header (Ctrl+H)"))
        self.header_button.setObjectName("editHeader")
        self.header_button.clicked.connect(self.edit_header)
        self.back_button = QPushButton(self.tr("Back to the list (Esc)"))
        self.back_button.clicked.connect(self.close_editor)

        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(self.total)
        split = QSplitter()
        split.addWidget(self.sections)
        split.addWidget(self.pages)
        split.setStretchFactor(1, 1)
        ev_buttons = QVBoxLayout()
        for b in (
            self.attach_item_button,
            self.attach_audit_button,
            self.preview_button,
            self.remove_button,
        ):
            ev_buttons.addWidget(b)
        ev = QHBoxLayout()
        ev.addWidget(self.evidence, 1)
        ev.addLayout(ev_buttons)
        bottom = QHBoxLayout()
        bottom.addWidget(self.back_button)
        bottom.addStretch(1)
        bottom.addWidget(self.header_button)
        bottom.addWidget(self.plan_button)
        bottom.addWidget(self.dispute_button)
        bottom.addWidget(self.complete_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.critical)
        layout.addWidget(split, 1)
        layout.addLayout(ev)
        layout.addWidget(self.message)
        layout.addLayout(bottom)

        for keys, slot in (
            ("Ctrl+Return", self.complete),
            ("Ctrl+Enter", self.complete),
            ("Ctrl+E", lambda: self.attach(True)),
            ("Ctrl+Shift+E", lambda: self.attach(False)),
            ("Ctrl+PgDown", lambda: self.show_section(self.sections.currentRow() + 1)),
            ("Ctrl+PgUp", lambda: self.show_section(self.sections.currentRow() - 1)),
            ("Ctrl+D", lambda: self.dispute_requested.emit(self.audit_id)),
            ("Ctrl+Shift+A", lambda: self.plan_requested.emit(self.audit_id)),
            ("Ctrl+H", self.edit_header),
            ("Escape", self.close_editor),
        ):
            sc = QShortcut(QKeySequence(keys), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(slot)
        preview = QShortcut(QKeySequence("Space"), self.evidence)
        preview.setContext(Qt.ShortcutContext.WidgetShortcut)
        preview.activated.connect(self._preview_selected)
        self.result = self.detail.result
        self._refresh_state()
        self._show_result(self.detail.result)
        self._fill_evidence()
        self.show_section(0)

    # --- building -----------------------------------------------------------------------------

    def _build_sections(self, later: bool) -> None:
        form = self.detail.form
        for s_index, section in enumerate(form.sections):
            for item in section.items:
                self.order.append(item.id)
                self.section_of[item.id] = s_index
            page = QWidget()
            col = QVBoxLayout(page)
            title = QLabel(f"<h3>{s_index + 1}. {section.title.get(self.language)}</h3>")
            col.addWidget(title)
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setWidget(page)
            self.pages.addWidget(scroll)
            self.sections.addItem(QListWidgetItem(section.title.get(self.language)))
            self._unbuilt.append(s_index)
        if not later:
            for s_index in list(self._unbuilt):
                self._build_section(s_index)
            return
        self._build_section(0)
        QTimer.singleShot(0, self, self._build_next)

    def _build_next(self) -> None:
        """One more section's rows, then the next on the following turn of the event loop."""
        if self._unbuilt:
            self._build_section(self._unbuilt[0])
        if self._unbuilt:
            QTimer.singleShot(0, self, self._build_next)

    def _build_section(self, s_index: int) -> None:
        if s_index not in self._unbuilt:
            return
        self._unbuilt.remove(s_index)
        section = self.detail.form.sections[s_index]
        scroll = self.pages.widget(s_index)
        assert isinstance(scroll, QScrollArea)
        page = scroll.widget()
        col = page.layout() if page is not None else None
        assert isinstance(col, QVBoxLayout)
        for i_index, item in enumerate(section.items):
            row = ItemRow(
                f"{s_index + 1}.{i_index + 1}",
                item,
                self.detail.answers.get(item.id),
                self.language,
            )
            row.answered.connect(self._save_answer)
            row.commented.connect(self._save_comment)
            row.advance.connect(lambda step, i=item.id: self._advance(i, step))
            row.focused.connect(self._item_focused)
            row.key_answered.connect(self._key_answered)
            row.comment_requested.connect(self._comment_requested)
            row.set_editable(self.detail.editable)
            self.rows[item.id] = row
            col.addWidget(row)
            self._show_points(item.id)
        col.addStretch(1)

    def _refresh_state(self) -> None:
        d = self.detail
        who = d.employee_name or d.observed_note or self.tr("not identified")
        form_line = f"{d.form.title.get(self.language)} ({d.form.edition}, {d.form_hash[:12]})"
        auditor_word = self.tr("auditor")
        kind = {"reaudit": self.tr("re-audit"), "amendment": self.tr("amendment")}.get(d.kind, "")
        self.header.setText(
            f"<b>{d.record_no}</b> {('– ' + kind) if kind else ''} · {audit_status_name(d.status)}"
            f"<br>{form_line}<br>{channel_name(d.channel)} · {d.unit_name} · {who} · "
            f"{d.visited_at:%Y-%m-%d %H:%M} · {auditor_word}: {d.auditor_name}"
            + (f"<br><i>{d.scenario.get('sprawa', '')}</i>" if d.scenario.get("sprawa") else "")
        )
        editable = d.editable
        for row in self.rows.values():
            row.set_editable(editable)
        for b in (
            self.complete_button,
            self.attach_item_button,
            self.attach_audit_button,
            self.remove_button,
        ):
            b.setEnabled(editable)
        self.dispute_button.setEnabled(d.status != "draft")
        self.plan_button.setEnabled(d.has_action_plan)

    # --- navigation ---------------------------------------------------------------------------

    def show_section(self, index: int) -> None:
        if not 0 <= index < self.sections.count():
            return
        self.sections.setCurrentRow(index)
        first = next((i for i in self.order if self.section_of[i] == index), None)
        if first is not None:
            self.focus_item(first)

    def _section_shown(self, index: int) -> None:
        if index >= 0:
            self.pages.setCurrentIndex(index)

    def focus_item(self, item_id: str) -> None:
        section = self.section_of[item_id]
        self._build_section(section)
        if self.sections.currentRow() != section:
            self.sections.blockSignals(True)
            self.sections.setCurrentRow(section)
            self.sections.blockSignals(False)
            self.pages.setCurrentIndex(section)
        row = self.rows[item_id]
        row.setFocus(Qt.FocusReason.TabFocusReason)
        scroll = self.pages.currentWidget()
        if isinstance(scroll, QScrollArea):
            scroll.ensureWidgetVisible(row)
        self._item_focused(item_id)

    def _advance(self, item_id: str, step: int) -> None:
        if self._hold_focus is not None:
            held, self._hold_focus = self._hold_focus, None
            self.focus_item(held)
            return
        if self._hold_comment is not None:
            held, self._hold_comment = self._hold_comment, None
            self._just_answered = None
            self.open_comment(held)
            self.show_message(
                self.tr("Critical failure: say in the comment what happened (Enter goes on)."),
                error=True,
            )
            return
        i = self.order.index(item_id) + step
        if 0 <= i < len(self.order):
            self.focus_item(self.order[i])
        elif i >= len(self.order) and self.complete_button.isEnabled():
            self.complete_button.setFocus()

    def _item_focused(self, item_id: str) -> None:
        if self._just_answered is not None and item_id not in (
            self._just_answered,
            self._next_of(self._just_answered),
        ):
            self._just_answered = None  # moved elsewhere: K is about the current item again
        if self.current_item in self.rows and self.current_item != item_id:
            self.rows[self.current_item].set_current(False)
        self.current_item = item_id
        self.rows[item_id].set_current(True)

    def _next_of(self, item_id: str) -> str | None:
        i = self.order.index(item_id) + 1
        return self.order[i] if i < len(self.order) else None

    def _key_answered(self, item_id: str) -> None:
        """A digit or N answered the item (saved already); the row moves on next, unless the
        answer is a critical failure: then its comment takes the focus."""
        answered = self.result.items.get(item_id)
        if answered is not None and answered.critical_failed:
            self._hold_comment = item_id
        else:
            self._just_answered = item_id

    def _comment_requested(self, item_id: str) -> None:
        """K: the comment of the item a key has just answered (the focus has moved on to the
        next one), else of the item K was pressed on."""
        target = item_id
        if self._just_answered is not None and item_id == self._next_of(self._just_answered):
            target = self._just_answered
        self._just_answered = None
        self.open_comment(target)

    def open_comment(self, item_id: str) -> None:
        self._build_section(self.section_of[item_id])
        row = self.rows[item_id]
        if self.section_of[item_id] != self.sections.currentRow():
            self.focus_item(item_id)
        row.comment.setFocus(Qt.FocusReason.OtherFocusReason)
        scroll = self.pages.currentWidget()
        if isinstance(scroll, QScrollArea):
            scroll.ensureWidgetVisible(row)
        self._item_focused(item_id)

    # --- saving -------------------------------------------------------------------------------

    def _save_answer(self, item_id: str, value: object, na: bool) -> None:
        row = self.rows[item_id]
        self._save(item_id, value if isinstance(value, str) else None, na, row.comment.text())

    def _save_comment(self, item_id: str, comment: str) -> None:
        row = self.rows[item_id]
        self._save(item_id, row.value, row.na, comment)

    def _save(self, item_id: str, value: str | None, na: bool, comment: str) -> None:
        try:
            saved = svc.save_answer(
                self.context(),
                self.audit_id,
                item_id,
                value,
                na=na,
                comment=comment,
                expected_version=self.version,
            )
        except StaleRecord as exc:
            # another window or computer changed this audit: show its answers, not ours
            self._rebuild_rows()
            self._hold_focus = item_id  # stay on the item so the auditor sees what is stored
            self.show_message(error_text(exc), error=True)
            return
        except AuditDeskError as exc:
            self.show_message(error_text(exc), error=True)
            return
        self.version = saved.version
        self.result = saved.result
        self._show_result(saved.result)
        self.show_message(self.tr("Saved."))
        self.changed.emit(self.audit_id)

    def _show_result(self, result: ScoreResult) -> None:
        form = self.detail.form
        for index, section in enumerate(form.sections):
            sec = result.section(section.id)
            pct = percent(sec.percent if sec else None)
            zero = " ⚠" if sec and sec.zeroed else ""
            item = self.sections.item(index)
            item.setText(f"{section.title.get(self.language)} – {pct}{zero}")
            spoken = self.tr("%1: score %2").replace("%1", section.title.get(self.language))
            spoken = spoken.replace("%2", pct)
            if zero:  # ⚠ is a picture: say it in words
                spoken += ", " + self.tr("zeroed by a critical failure")
            item.setData(Qt.ItemDataRole.AccessibleTextRole, spoken)
            item.setToolTip(spoken)
        for item_id in result.items:
            self._show_points(item_id, result)
        verdict = result.verdict_label_pl if self.language == "pl" else result.verdict_label_en
        self.total.setAccessibleDescription(
            f"{percent(result.percent)}, {verdict}, {num(result.earned, self.language)} / "
            f"{num(result.possible, self.language)}"
        )
        self.total.setText(
            f"<span style='font-size: large'><b>{percent(result.percent)}</b></span>"
            f"<br>{verdict} · {num(result.earned, self.language)} / "
            f"{num(result.possible, self.language)}"
        )
        if result.critical_failure:
            items = [form.item(i) for i in result.critical_items]
            names = [i.text.get(self.language) for i in items if i is not None]
            self.critical.setText(self.tr("Critical failure: %s") % "; ".join(names))
            self.critical.show()
        else:
            self.critical.hide()

    def _show_points(self, item_id: str, result: ScoreResult | None = None) -> None:
        """An item's points, if its row is built (a row built later shows them then)."""
        row = self.rows.get(item_id)
        r = (result or self.result).items.get(item_id)
        if row is None or r is None:
            return
        if r.applicable:
            row.set_points(
                f"{num(r.earned, self.language)} / {num(r.possible, self.language)}",
                r.critical_failed,
            )
        else:
            row.set_points("", False)

    def show_message(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        colour = tone("#b00020", "#ff9c9c") if error else tone("#2e6b2e", "#9cff9c")
        self.message.setStyleSheet(f"color: {colour};")

    # --- evidence -----------------------------------------------------------------------------

    def _fill_evidence(self) -> None:
        self.evidence.clear()
        for e in self.detail.evidence:
            target = e.item_id or self.tr("whole audit")
            item = QListWidgetItem(
                f"{e.file_name} · {e.size / 1024:.0f} kB · {target} · SHA-256 {e.sha256[:12]}…"
            )
            item.setData(256, e.id)
            item.setToolTip(e.sha256)
            self.evidence.addItem(item)

    def attach(self, to_item: bool) -> None:
        if not self.detail.editable:
            return
        path = self.choose_file()
        if path is None:
            return
        item_id = self.current_item if to_item else None
        try:
            svc.add_evidence(
                self.context(), self.audit_id, path, item_id=item_id, max_bytes=self.max_bytes
            )
        except AuditDeskError as exc:
            self.show_message(error_text(exc), error=True)
            return
        self.reload()
        self.show_message(self.tr("Attached %s.") % path.name)
        if item_id:
            self.focus_item(item_id)

    def _selected_evidence(self) -> int | None:
        item = self.evidence.currentItem()
        return int(item.data(256)) if item is not None else None

    def _preview_selected(self) -> None:
        evidence_id = self._selected_evidence()
        if evidence_id is not None:
            self.preview_requested.emit(evidence_id)

    def _remove_selected(self) -> None:
        evidence_id = self._selected_evidence()
        if evidence_id is None:
            return
        try:
            svc.remove_evidence(self.context(), evidence_id)
        except AuditDeskError as exc:
            self.show_message(error_text(exc), error=True)
            return
        self.reload()

    # --- header -------------------------------------------------------------------------------

    def edit_header(self) -> None:
        """Opens the header dialog; a completed or signed audit (or one the actor may not
        change) is refused with the service's message instead."""
        try:
            svc.require_editable(self.context(), self.audit_id)
        except AuditDeskError as exc:
            self.show_message(error_text(exc), error=True)
            return
        self.flush()  # the answer being typed is saved before the version is taken
        dialog = HeaderDialog(self.context, self.detail, self.version, self.language, parent=self)
        self.dialog = dialog
        dialog.accepted.connect(self._header_saved)
        dialog.open()

    def _header_saved(self) -> None:
        self.reload()
        self.show_message(self.tr("Header saved."))
        self.changed.emit(self.audit_id)
        if self.current_item is not None:
            self.focus_item(self.current_item)

    # --- completing ---------------------------------------------------------------------------

    def flush(self) -> None:
        """Saves whatever field is being typed (before completing or leaving)."""
        for row in self.rows.values():
            if self.detail.editable:
                row.commit_fields()

    def complete(self) -> None:
        """Asks first (completing locks the audit), unless required items are unanswered:
        then the refusal lists them at once."""
        if not self.detail.editable:
            return
        self.flush()
        if self.result.missing_required:
            self._complete()
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Complete the audit"),
            self.tr(
                "Complete audit %1 now?\n\nCompleting locks it: answers, comments and "
                "evidence can no longer be changed. A later correction goes through a "
                "dispute or an amendment."
            ).replace("%1", self.detail.record_no),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Complete and lock"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Not yet"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setObjectName("confirmComplete")
        self.confirm_box = box
        yes = box.button(QMessageBox.StandardButton.Yes)
        box.finished.connect(lambda _r: self._complete() if box.clickedButton() is yes else None)
        box.open()

    def _complete(self) -> None:
        self.confirm_box = None
        try:
            done = svc.complete_audit(self.context(), self.audit_id, expected_version=self.version)
        except svc.IncompleteAudit as exc:
            first = exc.missing[0][0]
            self.show_message(
                self.tr("Cannot complete – required items without an answer (%1): ").replace(
                    "%1", str(len(exc.missing))
                )
                + ", ".join(self.rows[n].number if n in self.rows else n for n, _ in exc.missing),
                error=True,
            )
            self.focus_item(first)
            return
        except AuditDeskError as exc:
            self.show_message(error_text(exc), error=True)
            return
        self.reload()
        text = self.tr("Completed: %1 – %2. The audit is now locked.")
        text = text.replace("%1", percent(done.score)).replace(
            "%2", verdict_name(done.verdict, done.verdict_label)
        )
        self.changed.emit(self.audit_id)
        if done.action_plan_id is not None and self.context().actor.role == Role.AUDITOR:
            # the auditor may not write the plan: say who does, do not open a form they
            # could fill but never save
            text += " " + self.tr(
                "The result calls for an action plan: the audited unit's manager and HR "
                "prepare it (Ctrl+Shift+A shows it)."
            )
            self.show_message(text)
            return
        self.show_message(text)
        if done.action_plan_id is not None:
            self.plan_requested.emit(self.audit_id)

    def _rebuild_rows(self) -> None:
        """Reloads the audit and puts the stored answers back into every row."""
        self.reload()
        for item_id, row in self.rows.items():
            answer = self.detail.answers.get(item_id)
            row.value = answer.value if answer else None
            row.na = bool(answer and answer.na)
            row.comment.setText(answer.comment if answer else "")
            row._sent_comment = row.comment.text()
            if row.value_edit is not None:
                row.value_edit.setText(row.value or "")
            row._show()

    def reload(self) -> None:
        self.detail = svc.load_audit(self.context(), self.audit_id)
        self.version = self.detail.version
        self.result = self.detail.result
        self._refresh_state()
        self._show_result(self.detail.result)
        self._fill_evidence()

    def close_editor(self) -> None:
        if self.detail.editable:
            self.flush()
        self.closed.emit()
