"""One checklist item as a row the keyboard drives: digits choose an answer, N marks N/A,
K asks for the comment (the editor opens the one of the item just answered; Enter there comes
back to an unanswered row or moves on from an answered one), Tab/Enter move on, Shift+Tab goes
back. The current item carries a marker (▶ and a coloured border)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRegularExpression, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QPalette, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from auditdesk.domain.forms.checklist import ChecklistItem
from auditdesk.domain.numbers import format_number
from auditdesk.domain.scoring import Answer

COMMENT_DEBOUNCE_MS = 600
# colours from the palette, so that a high-contrast theme keeps them readable (issue 19)
ROW_STYLE = (
    "QPushButton:checked { background: palette(highlight); color: palette(highlighted-text);"
    " font-weight: bold; }"
)
CURRENT_STYLE = (
    ROW_STYLE + " ItemRow { border: 2px solid palette(highlight); background: palette(base); }"
)


def tone(light: str, dark: str) -> str:
    """A colour for text on the window's background: `light` for a light theme, `dark` for a
    dark or high-contrast one (a dark red on black cannot be read)."""
    window = QApplication.palette().color(QPalette.ColorRole.Window)
    return dark if window.lightness() < 128 else light


MARKER = "▶"


def num(value: float, language: str) -> str:
    """Points as people write them: 0,5 in Polish, 0.5 in English; no trailing zeros."""
    return format_number(value, 3, language, trim=True)


class NotesEdit(QPlainTextEdit):
    """A text answer ("Uwagi i cytaty z rozmowy"): several lines, as wide as the row. Enter
    starts a new line, Tab moves on; it speaks QLineEdit's few words the row uses."""

    editingFinished = Signal()
    LINES = 4

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        lines = self.fontMetrics().lineSpacing() * self.LINES
        self.setMinimumHeight(lines + 2 * self.frameWidth() + 8)
        self.setMinimumWidth(320)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:
        self.setPlainText(text)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.editingFinished.emit()


class _Keys(QObject):
    """Event filter for the row's line edits: Tab/Enter move on, and in a number field N
    marks N/A (letters mean nothing there)."""

    def __init__(self, row: ItemRow, number_field: bool) -> None:
        super().__init__(row)
        self.row = row
        self.number_field = number_field

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn:
            self.row.focused.emit(self.row.item.id)
            return False
        if event.type() != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        key = event.key()
        if watched is self.row.comment and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.row.commit_fields()
            if self.row.is_answered():
                self.row.advance.emit(1)  # the comment was about an answer: on to the next
            else:
                self.row.setFocus()  # back to the row, so that a digit now answers it
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and isinstance(watched, NotesEdit):
            return False  # a new line in a text answer
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                return False
            self.row.commit_fields()
            self.row.advance.emit(1)
            return True
        if key == Qt.Key.Key_Backtab:
            self.row.commit_fields()
            self.row.advance.emit(-1)
            return True
        if self.number_field and watched is self.row.value_edit and key == Qt.Key.Key_N:
            self.row.toggle_na()
            return True
        if key == Qt.Key.Key_Escape and watched is self.row.comment:
            self.row.commit_fields()
            self.row.setFocus()
            return True
        return False


class ItemRow(QFrame):
    answered = Signal(str, object, bool)  # item id, value (str | None), N/A
    commented = Signal(str, str)  # item id, comment
    advance = Signal(int)  # +1 next item, -1 previous
    focused = Signal(str)
    key_answered = Signal(str)  # item id: a digit or N answered it (before advance)
    comment_requested = Signal(str)  # item id: K pressed on this row

    def __init__(
        self,
        number: str,
        item: ChecklistItem,
        answer: Answer | None,
        language: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.item = item
        self.number = number  # "1.4": how the auditor sees the item on screen and on paper
        self.value: str | None = answer.value if answer else None
        self.na = bool(answer and answer.na)
        self.setObjectName(f"item_{item.id}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(ROW_STYLE)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.language = language
        self.question = f"{number} {item.text.get(language)}"
        # a screen reader on the focused row reads the question, then its state (`_show`)
        self.setAccessibleName(self.question)
        text = QLabel(f"<b>{number}</b> {item.text.get(language)}")
        text.setWordWrap(True)
        self.marker = QLabel(MARKER)
        self.marker.setObjectName("currentMarker")
        self.marker.setStyleSheet("color: palette(highlight); font-weight: bold;")
        self.marker.setToolTip(self.tr("Current question"))
        size_policy = self.marker.sizePolicy()
        size_policy.setRetainSizeWhenHidden(True)  # the text does not jump when it moves
        self.marker.setSizePolicy(size_policy)
        self.marker.hide()
        self.current = False
        marks = []
        if item.critical:
            marks.append(self.tr("critical"))
        if item.weight != 1:
            marks.append(self.tr("weight ×%s") % num(item.weight, language))
        if item.integrity:
            marks.append(self.tr("integrity, not scored"))
        if not item.required:
            marks.append(self.tr("optional"))
        self.marks = QLabel(" · ".join(marks))
        colour = tone("#8a1c1c", "#ff9c9c") if item.critical else tone("#666666", "#d8d8d8")
        self.marks.setStyleSheet(f"color: {colour};")
        self.guidance = QLabel(item.guidance.get(language) if item.guidance else "")
        self.guidance.setWordWrap(True)
        self.guidance.setStyleSheet(f"color: {tone('#555555', '#d8d8d8')}; font-size: small;")
        self.guidance.setVisible(bool(item.guidance))
        self.buttons: list[QPushButton] = []
        self.group = QButtonGroup(self)
        self.group.setExclusive(False)
        answers = QHBoxLayout()
        self.value_edit: QLineEdit | NotesEdit | None = None
        options = item.answer_options()
        for n, option in enumerate(options, 1):
            label = option.label.get(language)
            shown = f"{n} {label}" if n < 10 else label
            if item.scored:
                shown += f"  ({num(option.points * item.weight, language)})"
            button = QPushButton(shown)
            button.setAccessibleName(self._answer_name(label, option.points * item.weight))
            button.setAccessibleDescription(self.tr("Key %1").replace("%1", str(n)))
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setProperty("answer", option.value)
            button.clicked.connect(lambda _c=False, v=option.value: self.choose(v))
            self.group.addButton(button)
            self.buttons.append(button)
            answers.addWidget(button)
        if not options:
            self.value_edit = line = NotesEdit() if item.type == "text" else QLineEdit()
            self.value_edit.setObjectName("value")
            self.value_edit.setAccessibleName(self.question)
            if item.type == "number":
                unit = item.unit.get(language) if item.unit else ""
                low, high = item.number_range()
                shown = f"{num(low, language)}–{num(high, language)} {unit}".strip()
                self.value_edit.setPlaceholderText(self.tr("number %s") % shown)
                self.value_edit.setToolTip(self.tr("A number from %s") % shown)
                digits = len(str(int(high)))
                assert isinstance(line, QLineEdit)
                line.setValidator(
                    QRegularExpressionValidator(
                        QRegularExpression(rf"^\d{{0,{digits}}}([.,]\d{{0,2}})?$"),
                        line,
                    )
                )
                line.setMaxLength(digits + 3)
                self.value_edit.setMaximumWidth(160)
            elif item.type == "datetime":
                self.value_edit.setPlaceholderText(self.tr("YYYY-MM-DD HH:MM"))
                self.value_edit.setMaximumWidth(200)
            else:
                self.value_edit.setPlaceholderText(self.tr("text"))
            self.value_edit.setText(self.value or "")
            self.value_edit.editingFinished.connect(self.commit_fields)
            self.value_edit.installEventFilter(_Keys(self, item.type == "number"))
            self.setFocusProxy(self.value_edit)
            answers.addWidget(self.value_edit, 1 if item.type == "text" else 0)
        self.na_button = QPushButton(self.tr("N N/A") if options else self.tr("N/A"))
        self.na_button.setAccessibleName(self.tr("%1: not applicable").replace("%1", self.question))
        self.na_button.setCheckable(True)
        self.na_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.na_button.setVisible(item.na_allowed)
        self.na_button.clicked.connect(self.toggle_na)
        answers.addWidget(self.na_button)
        if item.type != "text":
            answers.addStretch(1)
        self.comment = QLineEdit(answer.comment if answer else "")
        self.comment.setObjectName("comment")
        self.comment.setAccessibleName(self.tr("Comment on %1").replace("%1", self.question))
        self.comment.setPlaceholderText(self.tr("Comment (K)"))
        self.comment.installEventFilter(_Keys(self, False))
        self._comment_timer = QTimer(self)
        self._comment_timer.setSingleShot(True)
        self._comment_timer.setInterval(COMMENT_DEBOUNCE_MS)
        self._comment_timer.timeout.connect(self._send_comment)
        self.comment.textEdited.connect(lambda _t: self._comment_timer.start())
        self.comment.editingFinished.connect(self._send_comment)
        self._sent_comment = self.comment.text()
        self.points = QLabel()
        self.points.setObjectName("points")
        head = QHBoxLayout()
        head.addWidget(self.marker)
        head.addWidget(text, 1)
        head.addWidget(self.marks)
        head.addWidget(self.points)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.guidance)
        layout.addLayout(answers)
        layout.addWidget(self.comment)
        self._show()

    # --- state ------------------------------------------------------------------------------

    def _show(self) -> None:
        for button in self.buttons:
            button.setChecked(not self.na and button.property("answer") == self.value)
        self.na_button.setChecked(self.na)
        if self.value_edit is not None:
            self.value_edit.setEnabled(not self.na)
        self.setProperty("answered", self.is_answered())
        self.setAccessibleDescription(self.state_text())

    def _answer_name(self, label: str, points: float) -> str:
        """What a screen reader says for an answer button: its question, answer and points."""
        if not self.item.scored:
            return self.tr("%1: %2").replace("%1", self.question).replace("%2", label)
        return (
            self.tr("%1: %2, %3 points")
            .replace("%1", self.question)
            .replace("%2", label)
            .replace("%3", num(points, self.language))
        )

    def state_text(self) -> str:
        """The row's state in words (its accessible description): the answer chosen, the marks
        (critical, weight, optional) and the points, so that nothing is told by colour alone."""
        if self.na:
            answer = self.tr("Answer: not applicable")
        elif self.value:
            chosen = next((b for b in self.buttons if b.property("answer") == self.value), None)
            shown = chosen.accessibleName() if chosen is not None else self.value
            answer = self.tr("Answer: %1").replace("%1", shown.removeprefix(self.question + ": "))
        else:
            answer = self.tr("Not answered")
        parts = [answer]
        if self.marks.text():
            parts.append(self.marks.text())
        if self.points.text():
            parts.append(self.points.accessibleName() or self.points.text())
        if self.buttons:
            parts.append(
                self.tr("Keys 1–%1 answer, N not applicable, K comment").replace(
                    "%1", str(min(len(self.buttons), 9))
                )
            )
        return ". ".join(parts)

    def is_answered(self) -> bool:
        return self.na or bool(self.value)

    def set_current(self, current: bool) -> None:
        """The marker of the question being filled in: ▶ and a coloured frame."""
        self.current = current
        self.setProperty("current", current)
        self.marker.setVisible(current)
        self.setStyleSheet(CURRENT_STYLE if current else ROW_STYLE)

    def set_points(self, text: str, failed: bool) -> None:
        self.points.setText(text)
        failed_style = f"color: {tone('#b00020', '#ff9c9c')}; font-weight: bold;"
        self.points.setStyleSheet(failed_style if failed else "")
        # the red colour of a critical failure is said in words too
        name = self.tr("Points for %1: %2").replace("%1", self.number).replace("%2", text)
        if failed:
            name += " " + self.tr("(critical failure)")
        self.points.setAccessibleName(name if text else "")
        self.setAccessibleDescription(self.state_text())

    def set_editable(self, editable: bool) -> None:
        for w in [*self.buttons, self.na_button, self.comment]:
            w.setEnabled(editable)
        if self.value_edit is not None:
            self.value_edit.setReadOnly(not editable)
        self.comment.setReadOnly(not editable)

    def choose(self, value: str) -> None:
        if not self.na_button.isEnabled() and not any(b.isEnabled() for b in self.buttons):
            return
        self.value, self.na = value, False
        self._show()
        self.answered.emit(self.item.id, value, False)

    def toggle_na(self) -> None:
        if not self.item.na_allowed or not self.na_button.isEnabled():
            self._show()
            return
        self.na = not self.na
        if self.na:
            self.value = None
            if self.value_edit is not None:
                self.value_edit.clear()
        self._show()
        self.answered.emit(self.item.id, self.value, self.na)

    def commit_fields(self) -> None:
        if self.value_edit is not None and not self.value_edit.isReadOnly():
            text = self.value_edit.text().strip() or None
            if text != self.value and not self.na:
                self.value = text
                self._show()
                self.answered.emit(self.item.id, text, False)
        self._send_comment()

    def _send_comment(self) -> None:
        self._comment_timer.stop()
        text = self.comment.text()
        if text != self._sent_comment and not self.comment.isReadOnly():
            self._sent_comment = text
            self.commented.emit(self.item.id, text)

    # --- keyboard ---------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Tab and not event.modifiers():
                self.advance.emit(1)
                return True
            if event.key() == Qt.Key.Key_Backtab:
                self.advance.emit(-1)
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        ):
            super().keyPressEvent(event)
            return
        if Qt.Key.Key_1 <= key <= Qt.Key.Key_9:
            n = key - Qt.Key.Key_1
            if n < len(self.buttons) and self.buttons[n].isEnabled():
                self.choose(str(self.buttons[n].property("answer")))
                self.key_answered.emit(self.item.id)
                self.advance.emit(1)
            return
        if key == Qt.Key.Key_N:
            if self.item.na_allowed:
                self.toggle_na()
                if self.na:
                    self.key_answered.emit(self.item.id)
                    self.advance.emit(1)
            return
        if key == Qt.Key.Key_K:
            self.comment_requested.emit(self.item.id)
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Down):
            self.advance.emit(1)
            return
        if key == Qt.Key.Key_Up:
            self.advance.emit(-1)
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.focused.emit(self.item.id)
