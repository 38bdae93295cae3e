"""The step actions of the appraisal editor (see `editor`)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
)

from auditdesk.domain.errors import AuditDeskError, StaleRecord
from auditdesk.services import appraisals as svc
from auditdesk.services.context import AppContext
from auditdesk.ui.appraisals.widgets import DateField, MessageLine
from auditdesk.ui.errors import error_text

VERSION_ROLE = Qt.ItemDataRole.UserRole + 1  # an open action: its appraisal's version, as read


class EditorSteps(QDialog):
    """The steps' actions of `AppraisalEditor`: what Ctrl+S, Ctrl+R, Ctrl+J, Ctrl+D and the
    buttons do. The widgets are made by `EditorPages`; loading and navigation are the editor's."""

    changed = Signal()  # something was saved: the team view refreshes

    # set by AppraisalEditor.__init__
    context: Callable[[], AppContext]
    appraisal_id: int
    language: str
    today: Callable[[], date]
    view: svc.AppraisalView | None
    version: int | None  # the version read (issue 16): each change passes it back
    _rating_code: str | None
    _loading: bool
    message: MessageLine
    autosave: QTimer
    # made by EditorPages
    criteria_table: QTableWidget
    rating_list: QListWidget
    criterion_text: QLabel
    level: QComboBox
    justification: QPlainTextEdit
    area_name: QLineEdit
    area_change: QLineEdit
    area_support: QLineEdit
    area_deadline: DateField
    area_actions: QPlainTextEdit
    area_list: QListWidget
    add_area_button: QPushButton
    save_area_button: QPushButton
    remove_area_button: QPushButton
    open_actions: QListWidget
    conversation_on: DateField
    notes: QListWidget
    note_on: DateField
    note_text: QPlainTextEdit
    read_on: DateField
    read_comment: QLineEdit
    objection_on: DateField
    objection_reason: QLineEdit
    decision: QComboBox
    resolution: QComboBox
    decided_on: DateField
    decision_reason: QLineEdit

    # Declared for the step handlers below; AppraisalEditor (the only concrete class) defines
    # both. Mixins cannot be abstract here: Qt's metaclass does not combine with ABCMeta.
    reload: Callable[..., None]
    step: Callable[[int], None]
    _fill_result: Callable[[svc.AppraisalView], None]

    def _run(self, action: Callable[[], object], done: str, unsaved: str = "") -> bool:
        """Runs a change. Someone else changed the appraisal since it was read (StaleRecord,
        issue 16): what is stored is shown again and the message says so and what of ours was
        not saved (`unsaved`), as the audit editor does."""
        try:
            action()
        except StaleRecord as exc:
            self.reload()
            self.message.error(" ".join(x for x in (error_text(exc), unsaved) if x))
            return False
        except AuditDeskError as exc:
            self.message.error(error_text(exc))
            return False
        self.message.info(done)
        self.changed.emit()
        return True

    def _typed(self, text: str) -> str:
        """What the person typed, quoted in a refusal's message (the reload replaced it)."""
        text = " ".join(text.split())
        return self.tr("What you typed: “%1”").replace("%1", text) if text else ""

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
            lambda: svc.set_criteria(
                self.context(),
                self.appraisal_id,
                additional,
                expectations,
                expected_version=self.version,
            ),
            self.tr("Criteria saved."),
            self.tr(
                "The criteria and expectations you chose were not saved; the stored ones are shown."
            ),
        ):
            self.reload()
            self.step(1)

    def _show_rating(self, row: int) -> None:
        if row < 0 or self.view is None:
            return
        if not self._loading and self._rating_unfinished(row):
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

    def _rating_unfinished(self, row: int) -> bool:
        """The criterion on screen has a justification but no rating: stay on it and say why
        (issue 15: clicking another criterion seemed to do nothing)."""
        if self.view is None or self.view.status != "draft" or self._rating_code is None:
            return False
        if self.level.currentData() is not None or not self.justification.toPlainText().strip():
            return False
        code = self._rating_code
        back = next(
            (
                i
                for i in range(self.rating_list.count())
                if self.rating_list.item(i).data(Qt.ItemDataRole.UserRole) == code
            ),
            None,
        )
        if back is None or back == row:
            return False
        name = next((c.name for c in self.view.criteria if c.code == code), code)
        self.rating_list.blockSignals(True)
        self.rating_list.setCurrentRow(back)
        self.rating_list.blockSignals(False)
        self.message.error(
            self.tr(
                "Choose a rating for “%1” first: its justification is written but the rating "
                "is missing. (To leave it unrated, clear the justification.)"
            ).replace("%1", name)
        )
        self.level.setFocus()
        return True

    def _level_chosen(self) -> None:
        """A rating chosen is saved at once, so the overall result follows it (issue 15)."""
        if not self._loading and self.view is not None and self.view.status == "draft":
            self._autosave_rating()

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
        saved: list[int] = []
        unsaved = self.tr("Your rating of “%1” (%2) was not saved; the stored one is shown.")
        unsaved = unsaved.replace("%1", stored.name).replace("%2", self.level.currentText())
        ok = self._run(
            lambda: saved.append(
                svc.rate(
                    self.context(),
                    self.appraisal_id,
                    code,
                    level,
                    text,
                    expected_version=self.version,
                )
            ),
            self.tr("Rating saved."),
            " ".join(x for x in (unsaved, self._typed(text)) if x),
        )
        if ok:
            self._refresh_view_only(saved[0])
        return ok

    def _refresh_view_only(self, version: int) -> None:
        """Re-reads the appraisal without disturbing the fields being edited. `version`: the one
        our save returned; kept even if the re-read is newer (someone saved in between), so
        that our next save is refused rather than overwriting what we have not seen."""
        self.version = version
        try:
            self.view = svc.appraisal_detail(self.context(), self.appraisal_id, self.language)
        except AuditDeskError as exc:
            self.message.error(error_text(exc))
            return
        for i in range(self.rating_list.count()):
            item = self.rating_list.item(i)
            code = item.data(Qt.ItemDataRole.UserRole)
            c = next((x for x in self.view.criteria if x.code == code), None)
            if c is not None:
                mark = "✓" if c.level_code and c.justification else "○"
                item.setText(f"{mark} {c.name}")
        self._fill_result(self.view)

    def save_rating_and_next(self) -> None:
        if not self._autosave_rating():
            return
        row = self.rating_list.currentRow()
        if row + 1 < self.rating_list.count():
            self.rating_list.setCurrentRow(row + 1)
            self.level.setFocus()
        else:
            self.step(2)

    def _area_input(self) -> tuple[list[svc.ActionInput], date | None] | None:
        """The actions and deadline typed in the area form (None after saying what is wrong).
        An action kept from the selected area keeps its own deadline."""
        kept = {}
        area = self.selected_area()
        if area is not None:
            kept = {(x.kind, x.description): x.deadline for x in area.actions}
        actions = []
        for line in self.area_actions.toPlainText().splitlines():
            if not line.strip():
                continue
            kind, _, description = line.partition(":")
            key = (kind.strip(), description.strip())
            actions.append(svc.ActionInput(key[0], key[1], kept.get(key)))
        deadline = self.area_deadline.date()
        if self.area_deadline.text().strip() and deadline is None:
            self.message.error(self.tr("Type the deadline as dd.mm.yyyy."))
            self.area_deadline.setFocus()
            return None
        return actions, deadline

    def _clear_area_form(self) -> None:
        for w in (self.area_name, self.area_change, self.area_support, self.area_deadline):
            w.clear()
        self.area_actions.clear()

    def add_area(self) -> None:
        typed = self._area_input()
        if typed is None:
            return
        actions, deadline = typed
        if self._run(
            lambda: svc.add_development_area(
                self.context(),
                self.appraisal_id,
                self.area_name.text(),
                self.area_change.text(),
                self.area_support.text(),
                deadline,
                actions,
                expected_version=self.version,
            ),
            self.tr("Development area added."),
            self.tr("The development area was not saved; what you typed is still in the form."),
        ):
            self.area_list.clearSelection()
            self._clear_area_form()
            self.reload()
            self.area_name.setFocus()

    def selected_area(self) -> svc.AreaView | None:
        """The area selected by the person (a click or the arrow keys), not merely the list's
        current row, which Qt sets when the list gets the focus."""
        items = self.area_list.selectedItems()
        if not items or self.view is None:
            return None
        area_id = items[0].data(Qt.ItemDataRole.UserRole)
        return next((a for a in self.view.areas if a.id == area_id), None)

    def _area_selected(self) -> None:
        """Selecting an area fills the form with it, to change or remove it."""
        area = self.selected_area()
        editable = (
            self.view is not None
            and self.view.status in ("draft", "discussed")
            and not self.view.signed
        )
        self.save_area_button.setEnabled(editable and area is not None)
        self.remove_area_button.setEnabled(editable and area is not None)
        self.add_area_button.setText(
            self.tr("Add as a new area") if area is not None else self.tr("Add area (Ctrl+S)")
        )
        if area is None or self._loading:
            return
        self.area_name.setText(area.area)
        self.area_change.setText(area.expected_change)
        self.area_support.setText(area.support)
        self.area_deadline.set_date(area.deadline)
        self.area_actions.setPlainText(
            "\n".join(f"{x.kind}: {x.description}" for x in area.actions)
        )

    def new_area(self) -> None:
        self.area_list.clearSelection()
        self._clear_area_form()
        self.area_name.setFocus()

    def save_area(self) -> None:
        area = self.selected_area()
        if area is None:
            self.message.error(self.tr("Select the area to change first."))
            return
        typed = self._area_input()
        if typed is None:
            return
        actions, deadline = typed
        area_id = area.id
        if self._run(
            lambda: svc.update_development_area(
                self.context(),
                area_id,
                self.area_name.text(),
                self.area_change.text(),
                self.area_support.text(),
                deadline,
                actions,
                expected_version=self.version,
            ),
            self.tr("Development area changed."),
            self.tr("The development area was not saved; what you typed is still in the form."),
        ):
            self.reload()
            self._select_area(area_id)

    def _select_area(self, area_id: int) -> None:
        for i in range(self.area_list.count()):
            if self.area_list.item(i).data(Qt.ItemDataRole.UserRole) == area_id:
                self.area_list.setCurrentRow(i)
                return

    def _confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(
            self,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def remove_area(self) -> None:
        area = self.selected_area()
        if area is None:
            self.message.error(self.tr("Select the area to remove first."))
            return
        if not self._confirm(
            self.tr("Remove development area"),
            self.tr(
                "Remove the development area “%1” and its actions from this appraisal?"
            ).replace("%1", area.area),
        ):
            return
        area_id = area.id
        if self._run(
            lambda: svc.remove_development_area(
                self.context(), area_id, expected_version=self.version
            ),
            self.tr("Development area removed."),
            self.tr("The development area was not removed."),
        ):
            self.area_list.clearSelection()
            self._clear_area_form()
            self.reload()

    # --- notes of the conversation (issue 15) ---------------------------------------------------

    def add_note(self) -> None:
        on = self._need_date(self.note_on)
        if on is None:
            return
        text = self.note_text.toPlainText()
        if self._run(
            lambda: svc.add_conversation_note(
                self.context(), self.appraisal_id, on, text, expected_version=self.version
            ),
            self.tr("Note added."),
            self.tr("The note was not added; its text is still in the box."),
        ):
            self.note_text.clear()
            self.reload()
            self.note_text.setFocus()

    def remove_note(self) -> None:
        item = self.notes.currentItem()
        if item is None:
            self.message.error(self.tr("Select the note to remove first."))
            return
        note_id = int(item.data(Qt.ItemDataRole.UserRole))
        if not self._confirm(
            self.tr("Remove note"),
            self.tr("Remove this note of the conversation?") + "\n\n" + item.text(),
        ):
            return
        if self._run(
            lambda: svc.remove_conversation_note(
                self.context(), note_id, expected_version=self.version
            ),
            self.tr("Note removed."),
            self.tr("The note was not removed."),
        ):
            self.reload()

    def mark_done(self) -> None:
        item = self.open_actions.currentItem()
        if item is None:
            self.message.error(self.tr("Select an action first."))
            return
        action_id = int(item.data(Qt.ItemDataRole.UserRole))
        version = item.data(VERSION_ROLE)  # the action's appraisal (an earlier one), as read
        if self._run(
            lambda: svc.mark_action_done(
                self.context(),
                action_id,
                self.today(),
                expected_version=int(version) if version is not None else None,
            ),
            self.tr("Action marked done."),
            self.tr("The action was not marked done."),
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
            lambda: svc.record_conversation(
                self.context(), self.appraisal_id, on, expected_version=self.version
            ),
            self.tr("Conversation recorded; the overall result is computed."),
            self.tr("The conversation was not recorded."),
        ):
            self.reload()
            self.step(4)

    def record_reading(self) -> None:
        on = self._need_date(self.read_on)
        if on is None:
            return
        comment = self.read_comment.text()
        if self._run(
            lambda: svc.acknowledge(
                self.context(), self.appraisal_id, on, comment, expected_version=self.version
            ),
            self.tr("Reading recorded."),
            " ".join(
                x for x in (self.tr("The reading was not recorded."), self._typed(comment)) if x
            ),
        ):
            self.reload()

    def file_objection(self) -> None:
        on = self._need_date(self.objection_on)
        if on is None:
            return
        reason = self.objection_reason.text()
        if self._run(
            lambda: svc.file_objection(
                self.context(), self.appraisal_id, on, reason, expected_version=self.version
            ),
            self.tr("Objection recorded."),
            " ".join(
                x for x in (self.tr("The objection was not recorded."), self._typed(reason)) if x
            ),
        ):
            self.reload()
            self.decision.setFocus()

    def record_decision(self) -> None:
        on = self._need_date(self.decided_on)
        if on is None:
            return
        decision = str(self.decision.currentData())
        resolution = str(self.resolution.currentData()) if decision == "upheld" else None
        reason = self.decision_reason.text()
        result: list[int | None] = []
        if not self._run(
            lambda: result.append(
                svc.decide_objection(
                    self.context(),
                    self.appraisal_id,
                    decision,
                    on,
                    reason,
                    resolution,
                    expected_version=self.version,
                )
            ),
            self.tr("Decision recorded."),
            " ".join(
                x for x in (self.tr("The decision was not recorded."), self._typed(reason)) if x
            ),
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
