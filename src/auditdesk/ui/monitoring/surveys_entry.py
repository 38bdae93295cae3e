"""Typing paper questionnaires quickly: one row per question, driven by the keyboard. A digit
answers the current question (scale: the value; tak/raczej tak/raczej nie/nie and choices: their
number on the form) and moves on; 0 or Space leaves it blank and moves on; Backspace clears;
Up/Down or Shift+Tab/Tab move; a text question takes typing, Enter moves on. Ctrl+S (or Enter
after the last question) saves the questionnaire and starts the next one."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from auditdesk.domain.errors import AuditDeskError
from auditdesk.domain.forms.survey import SurveyForm, SurveyQuestion
from auditdesk.domain.survey_results import AGREE4_LABELS, allowed_values
from auditdesk.files import private_dir, write_private_text
from auditdesk.services.context import AppContext
from auditdesk.services.monitoring import surveys as svc
from auditdesk.settings import config_dir
from auditdesk.ui.errors import error_text
from auditdesk.ui.qdates import to_date, to_qdate
from auditdesk.ui.rows_model import ColumnsModel
from auditdesk.ui.table_view import TableView

ROW_STYLE = "QPushButton:checked { background: #2a6fdb; color: white; font-weight: bold; }"
CURRENT_STYLE = ROW_STYLE + " QuestionRow { border: 2px solid #2a6fdb; }"


def option_labels(question: SurveyQuestion, language: str) -> list[tuple[str, str]]:
    """(stored value, label) in the order of the paper form."""
    if question.type == "agree4":
        return [
            (v, AGREE4_LABELS[v][0 if language == "pl" else 1]) for v in allowed_values(question)
        ]
    if question.type == "choice":
        return [(o.value, o.label.get(language)) for o in question.options]
    return [(v, v) for v in allowed_values(question)]


class _TextKeys(QObject):
    def __init__(self, row: QuestionRow) -> None:
        super().__init__(row)
        self.row = row

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            return False
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Down):
            self.row.advance.emit(1)
            return True
        if event.key() in (Qt.Key.Key_Backtab, Qt.Key.Key_Up):
            self.row.advance.emit(-1)
            return True
        return False


class QuestionRow(QFrame):
    advance = Signal(int)
    changed = Signal()

    def __init__(
        self, number: int, question: SurveyQuestion, language: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.question = question
        self.value: str | None = None
        self.setObjectName(f"q_{question.id}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setStyleSheet(ROW_STYLE)
        mark = " *" if question.required else ""
        label = QLabel(f"<b>{number}.</b> {question.text.get(language)}{mark}")
        spoken = f"{number}. {question.text.get(language)}"
        self.setAccessibleName(spoken)  # what a screen reader says on the focused row
        label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 3, 6, 3)
        layout.addWidget(label)
        answers = QHBoxLayout()
        self.buttons: list[QPushButton] = []
        self.group = QButtonGroup(self)
        self.group.setExclusive(False)
        self.text_edit: QLineEdit | None = None
        if question.type == "text":
            self.text_edit = QLineEdit()
            self.text_edit.setObjectName("text")
            self.text_edit.setAccessibleName(spoken)
            self.text_edit.setPlaceholderText(self.tr("Type the answer, Enter moves on"))
            self.text_edit.installEventFilter(_TextKeys(self))
            self.text_edit.textEdited.connect(lambda _t: self.changed.emit())
            self.setFocusProxy(self.text_edit)
            answers.addWidget(self.text_edit)
        else:
            for n, (value, text) in enumerate(option_labels(question, language), start=1):
                shown = text if question.type == "scale" else f"{n} {text}"
                button = QPushButton(shown)
                button.setAccessibleName(f"{spoken}: {text}")
                button.setCheckable(True)
                button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
                button.setProperty("answer", value)
                button.clicked.connect(lambda _c=False, v=value: self._clicked(v))
                self.group.addButton(button)
                self.buttons.append(button)
                answers.addWidget(button)
            answers.addStretch(1)
        layout.addLayout(answers)

    def _clicked(self, value: str) -> None:
        self.set_value(None if self.value == value else value)

    def set_value(self, value: str | None) -> None:
        self.value = value
        if self.text_edit is not None:
            self.text_edit.setText(value or "")
        for button in self.buttons:
            button.setChecked(button.property("answer") == value)
        self.changed.emit()

    def answer(self) -> str | None:
        if self.text_edit is not None:
            return self.text_edit.text().strip() or None
        return self.value

    def set_current(self, current: bool) -> None:
        self.setStyleSheet(CURRENT_STYLE if current else ROW_STYLE)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        text = event.text()
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            super().keyPressEvent(event)
            return
        values = [b.property("answer") for b in self.buttons]
        if text.isdigit() and text != "0":
            n = int(text)
            if self.question.type == "scale":
                chosen = text if text in values else None
            else:
                chosen = values[n - 1] if n <= len(values) else None
            if chosen is not None:
                self.set_value(chosen)
                self.advance.emit(1)
            return
        if key in (Qt.Key.Key_0, Qt.Key.Key_Space):
            self.advance.emit(1)  # left blank on the paper
            return
        if key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
            self.set_value(None)
            return
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Tab, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.advance.emit(1)
            return
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Backtab):
            self.advance.emit(-1)
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        parent = self.parent()
        while parent is not None and not isinstance(parent, SurveyEntry):
            parent = parent.parent()
        if isinstance(parent, SurveyEntry):
            parent.row_focused(self)


class SurveyEntry(QWidget):
    """The entry form of one campaign, and the last questionnaires entered (Enter edits one,
    Delete removes it after asking)."""

    saved = Signal(int)  # response id

    def __init__(
        self,
        context: Callable[[], AppContext],
        campaign: svc.CampaignRow,
        form: SurveyForm,
        unit_choices: list[svc.UnitChoice],
        language: str = "pl",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("surveyEntry")
        self.context = context
        self.campaign = campaign
        self.form = form
        self.editing: int | None = None  # response id being corrected
        self.number = QLineEdit()
        self.number.setObjectName("responseNo")
        self.number.setPlaceholderText(self.tr("optional, printed on the questionnaire"))
        self.number.returnPressed.connect(self.start)  # Enter: on to the first question
        self.day = QDateEdit()
        self.day.setObjectName("answeredOn")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("dd.MM.yyyy")
        self.day.setDateRange(
            to_qdate(campaign.period_from),
            to_qdate(campaign.period_to),
        )
        today = min(max(context().clock.today(), campaign.period_from), campaign.period_to)
        self.day.setDate(to_qdate(today))
        self.unit = QComboBox()
        self.unit.setObjectName("unit")
        self.unit.addItem(self.tr("(not given)"), None)
        for u in unit_choices:
            self.unit.addItem(f"{u.code}  {u.name}", u.id)
        if campaign.unit_id is not None:
            self.unit.setCurrentIndex(max(0, self.unit.findData(campaign.unit_id)))
        head = QFormLayout()
        head.addRow(self.tr("Questionnaire no."), self.number)
        head.addRow(self.tr("Date"), self.day)
        head.addRow(self.tr("Unit"), self.unit)
        self.rows: list[QuestionRow] = []
        body = QWidget()
        body_layout = QVBoxLayout(body)
        n = 0
        for block in form.blocks:
            title = QLabel(f"<b>{block.title.get(language)}</b>")
            body_layout.addWidget(title)
            for q in block.questions:
                n += 1
                row = QuestionRow(n, q, language)
                row.advance.connect(lambda step, r=row: self.step_from(r, step))
                row.changed.connect(self._autosave)
                self.rows.append(row)
                body_layout.addWidget(row)
        body_layout.addStretch(1)
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self.scroller.setWidget(body)
        self.save_button = QPushButton(self.tr("Save questionnaire (Ctrl+S)"))
        self.save_button.setObjectName("save")
        self.save_button.clicked.connect(self.save)
        self.save_button.installEventFilter(self)
        self.clear_button = QPushButton(self.tr("Clear"))
        self.clear_button.clicked.connect(lambda: self.clear())
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        hint = QLabel(
            self.tr(
                "Digits answer and move on, 0 or Space skips, Backspace clears, "
                "Up/Down move, Ctrl+S saves."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.status, 1)
        self.recent_model: ColumnsModel[svc.ResponseRow] = ColumnsModel(
            [
                (self.tr("No."), lambda r: r.response_no or r.seq),
                (self.tr("Date"), lambda r: r.answered_on.strftime("%d.%m.%Y")),
                (self.tr("Answers"), lambda r: len(r.answers)),
                (self.tr("Entered by"), lambda r: r.entered_by),
            ]
        )
        self.recent = TableView()
        self.recent.setObjectName("recentResponses")
        self.recent.setAccessibleName(self.tr("Questionnaires entered last"))
        self.recent.setModel(self.recent_model)
        self.recent.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.recent.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.recent.setMaximumHeight(160)
        self.recent.doubleClicked.connect(lambda _i: self.edit_selected())
        self.recent.installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(hint)
        layout.addWidget(self.scroller, 1)
        layout.addLayout(buttons)
        layout.addWidget(QLabel(self.tr("Last questionnaires (Enter corrects, Delete removes)")))
        layout.addWidget(self.recent)
        QShortcut(QKeySequence("Ctrl+S"), self, self.save)
        self.current: QuestionRow | None = None
        self._restoring = False
        self.refresh_recent()
        self._restore_draft()

    # --- moving -----------------------------------------------------------------------------

    def row_focused(self, row: QuestionRow) -> None:
        if self.current is not None and self.current is not row:
            self.current.set_current(False)
        self.current = row
        row.set_current(True)
        self.scroller.ensureWidgetVisible(row)

    def step_from(self, row: QuestionRow, step: int) -> None:
        i = self.rows.index(row) + step
        if i >= len(self.rows):
            self.save_button.setFocus()
        elif i >= 0:
            self.rows[i].setFocus()

    def start(self) -> None:
        """Focus on the first question, ready for digits."""
        if self.rows:
            self.rows[0].setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if watched is self.save_button and event.key() in (
                Qt.Key.Key_Up,
                Qt.Key.Key_Backtab,
            ):
                self.rows[-1].setFocus()
                return True
            if watched is self.save_button and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.save()
                return True
            if watched is self.recent and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.edit_selected()
                return True
            if watched is self.recent and event.key() == Qt.Key.Key_Delete:
                self.delete_selected()
                return True
        return super().eventFilter(watched, event)

    # --- storing ----------------------------------------------------------------------------

    def answers(self) -> dict[str, object]:
        return {r.question.id: r.answer() for r in self.rows if r.answer() is not None}

    def save(self) -> None:
        day = to_date(self.day.date())
        unit = self.unit.currentData()
        try:
            if self.editing is None:
                rid = svc.add_response(
                    self.context(),
                    self.campaign.id,
                    self.answers(),
                    answered_on=day,
                    response_no=self.number.text(),
                    unit_id=unit,
                    source="paper",
                )
                self.status.setText(
                    self.tr("Questionnaire saved; answers given: %1.").replace(
                        "%1", str(len(self.answers()))
                    )
                )
            else:
                rid = self.editing
                svc.update_response(
                    self.context(), rid, self.answers(), answered_on=day, unit_id=unit
                )
                self.status.setText(self.tr("Correction saved."))
        except AuditDeskError as exc:
            self.status.setText(error_text(exc))
            self.status.setStyleSheet("color: #b00020;")
            return
        self.status.setStyleSheet("color: #1b5e20;")
        self._next_number()
        self.clear(keep_status=True)
        self.refresh_recent()
        self.saved.emit(rid)

    def _next_number(self) -> None:
        text = self.number.text().strip()
        if self.editing is None and text.isdigit():
            self.number.setText(str(int(text) + 1).zfill(len(text)))
        elif self.editing is not None:
            self.number.clear()

    def clear(self, keep_status: bool = False) -> None:
        self.editing = None
        self.number.setEnabled(True)
        self._restoring = True  # blank rows are not a draft
        for row in self.rows:
            row.set_value(None)
        self._restoring = False
        self.draft_path().unlink(missing_ok=True)
        if not keep_status:
            self.status.clear()
        self.start()

    def refresh_recent(self) -> None:
        try:
            self.recent_model.set_rows(svc.list_responses(self.context(), self.campaign.id, 0, 50))
        except AuditDeskError as exc:
            self.status.setText(error_text(exc))

    def _selected(self) -> svc.ResponseRow | None:
        index = self.recent.currentIndex()
        return self.recent_model.row_at(index.row()) if index.isValid() else None

    def edit_selected(self) -> None:
        row = self._selected()
        if row is None:
            return
        self.editing = row.id
        self.number.setText(row.response_no or "")
        self.number.setEnabled(False)
        d = row.answered_on
        self.day.setDate(to_qdate(d))
        self.unit.setCurrentIndex(max(0, self.unit.findData(row.unit_id)))
        self._restoring = True
        for r in self.rows:
            r.set_value(row.answers.get(r.question.id))
        self._restoring = False
        self.status.setStyleSheet("")
        self.status.setText(
            self.tr("Correcting questionnaire no. %1.").replace(
                "%1", str(row.response_no or row.seq)
            )
        )
        self.start()

    def delete_selected(self) -> None:
        row = self._selected()
        if row is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete questionnaire"),
            self.tr("Delete questionnaire no. %1? The audit trail keeps its answers.").replace(
                "%1", str(row.response_no or row.seq)
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            svc.delete_response(self.context(), row.id)
        except AuditDeskError as exc:
            self.status.setText(error_text(exc))
            return
        self.status.setText(self.tr("Questionnaire deleted."))
        self.refresh_recent()
        self.saved.emit(row.id)

    # --- nothing lost on a crash --------------------------------------------------------------

    def draft_path(self) -> Path:
        """The questionnaire being typed, kept beside the settings until it is saved."""
        ctx = self.context()
        where = hashlib.sha256(ctx.db.describe().encode()).hexdigest()[:12]
        return config_dir() / "survey-drafts" / f"{where}-{self.campaign.id}.json"

    def _autosave(self) -> None:
        if self._restoring or self.editing is not None:
            return
        answers = {q: str(v) for q, v in self.answers().items()}
        path = self.draft_path()
        if not answers:
            path.unlink(missing_ok=True)
            return
        draft = {
            "number": self.number.text(),
            "day": to_date(self.day.date()).isoformat(),
            "unit": self.unit.currentData(),
            "answers": answers,
        }
        private_dir(path.parent)  # the answers typed are personal data: owner-only
        tmp = path.with_suffix(".tmp")
        write_private_text(tmp, json.dumps(draft, ensure_ascii=False))
        tmp.replace(path)

    def _restore_draft(self) -> None:
        path = self.draft_path()
        try:
            draft = json.loads(path.read_text(encoding="utf-8"))
            answers = dict(draft["answers"])
            day = date.fromisoformat(str(draft["day"]))
        except (OSError, ValueError, KeyError, TypeError):
            return
        self._restoring = True
        self.number.setText(str(draft.get("number", "")))
        self.day.setDate(to_qdate(day))
        self.unit.setCurrentIndex(max(0, self.unit.findData(draft.get("unit"))))
        for row in self.rows:
            row.set_value(answers.get(row.question.id))
        self._restoring = False
        self.status.setText(
            self.tr(
                "The questionnaire being typed when the window closed is back; save or clear it."
            )
        )
