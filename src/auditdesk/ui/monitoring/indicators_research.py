"""The research part of the Indicators tab: notes of questionnaire campaigns, interviews and
focus groups (list + editor), with follow-up actions (owner, due date) ticked off when done."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from auditdesk.domain.dates import format_date, typed_date
from auditdesk.domain.errors import AuditDeskError
from auditdesk.domain.indicators import ResearchMethod
from auditdesk.services.context import AppContext
from auditdesk.services.monitoring import research as research
from auditdesk.ui.errors import error_text
from auditdesk.ui.monitoring.indicators_dialogs import date_edit
from auditdesk.ui.qdates import to_date, to_qdate
from auditdesk.ui.rows_model import RowsModel
from auditdesk.ui.table_view import TableView

TOPIC_COLUMN = 2  # NotesModel: held on, method, topic, units, participants, open actions


def method_name(method: str) -> str:
    return {
        "questionnaire": QCoreApplication.translate("Indicators", "Questionnaire campaign"),
        "questionnaire_interview": QCoreApplication.translate(
            "Indicators", "Questionnaire interview"
        ),
        "focus_group": QCoreApplication.translate("Indicators", "Focus group"),
        "in_depth_interview": QCoreApplication.translate("Indicators", "In-depth interview"),
    }.get(method, method)


class NotesModel(RowsModel[research.NoteRow]):
    def headers(self) -> list[str]:
        return [
            QCoreApplication.translate("Indicators", "Held on"),
            QCoreApplication.translate("Indicators", "Method"),
            QCoreApplication.translate("Indicators", "Topic"),
            QCoreApplication.translate("Indicators", "Units"),
            QCoreApplication.translate("Indicators", "Participants"),
            QCoreApplication.translate("Indicators", "Open actions"),
        ]

    def cell(self, row: research.NoteRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and column == 5 and row.actions_overdue:
            return QBrush(QColor("#b00020"))
        if role == Qt.ItemDataRole.ToolTipRole and column == 5 and row.actions_overdue:
            return QCoreApplication.translate("Indicators", "Some actions are past their due date")
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        values = [
            format_date(row.held_on),
            method_name(row.method),
            row.topic,
            row.unit_codes,
            str(row.participants),
            f"{row.actions_open} ({row.actions_overdue}!)"
            if row.actions_overdue
            else str(row.actions_open),
        ]
        return values[column]


ACTION_COLUMNS = 4  # description, owner, due (dd.mm.yyyy), done (dd.mm.yyyy or empty)


class ResearchPage(QWidget):
    """List of notes on the left, the selected (or new) note on the right. Ctrl+S saves."""

    def __init__(
        self,
        context: Callable[[], AppContext],
        units: list[tuple[int, str, str]],
        can_manage: bool,
        today: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.today = today
        self.note_id: int | None = None
        self.loaded: research.NoteData | None = None  # as last loaded or saved
        self.model = NotesModel(self)
        self.list = TableView()
        self.list.setObjectName("notes")
        self.list.setAccessibleName(self.tr("Research notes"))
        self.list.setModel(self.model)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.horizontalHeader().setStretchLastSection(True)
        # issue 15: the date and the topic stay in view (the topic next to the date); method,
        # units, participants and open actions, all in the note beside the list, may scroll
        header = self.list.horizontalHeader()
        header.moveSection(header.visualIndex(TOPIC_COLUMN), 1)
        self.list.setProperty("requiredColumns", [0, TOPIC_COLUMN])
        self.list.verticalHeader().hide()
        self.list.setWordWrap(False)
        self.list.clicked.connect(lambda _i: self.open_selected())
        self.list.activated.connect(lambda _i: self.open_selected())
        self.new_button = QPushButton(self.tr("&New note"))
        self.new_button.setObjectName("newNote")
        self.new_button.clicked.connect(self._new_clicked)
        self.new_button.setEnabled(can_manage)

        self.method = QComboBox()
        self.method.setObjectName("method")
        for m in ResearchMethod:
            self.method.addItem(method_name(m), m.value)
        self.held_on = date_edit(today(), "heldOn")
        self.topic = QLineEdit()
        self.topic.setObjectName("topic")
        self.participants = QSpinBox()
        self.participants.setObjectName("participants")
        self.participants.setRange(0, 100_000)
        self.units = QListWidget()
        self.units.setObjectName("units")
        self.units.setMaximumHeight(90)
        for unit_id, code, name in units:
            item = QListWidgetItem(f"{code}  {name}")
            item.setData(Qt.ItemDataRole.UserRole, unit_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.units.addItem(item)
        self.findings = QPlainTextEdit()
        self.findings.setObjectName("findings")
        self.findings.setTabChangesFocus(True)
        self.findings.setMaximumHeight(110)
        self.recommendations = QPlainTextEdit()
        self.recommendations.setObjectName("recommendations")
        self.recommendations.setTabChangesFocus(True)
        self.recommendations.setMaximumHeight(110)
        self.action_table = QTableWidget(0, ACTION_COLUMNS)
        self.action_table.setObjectName("actions")
        self.action_table.setAccessibleName(self.tr("Follow-up actions"))
        self.action_table.setHorizontalHeaderLabels(
            [self.tr("Action"), self.tr("Owner"), self.tr("Due"), self.tr("Done on")]
        )
        header = self.action_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.action_table.setWordWrap(False)
        self.add_action = QPushButton(self.tr("&Add action"))
        self.add_action.setObjectName("addAction")
        self.add_action.clicked.connect(lambda: self.append_action())
        self.done_action = QPushButton(self.tr("Mark &done today"))
        self.done_action.setObjectName("doneAction")
        self.done_action.clicked.connect(self.mark_done)
        self.remove_action = QPushButton(self.tr("&Remove action"))
        self.remove_action.setObjectName("removeAction")
        self.remove_action.clicked.connect(self._remove_action)
        self.save_button = QPushButton(self.tr("&Save note"))
        self.save_button.setObjectName("saveNote")
        self.save_button.clicked.connect(self.save)
        self.delete_button = QPushButton(self.tr("&Delete note"))
        self.delete_button.setObjectName("deleteNote")
        self.delete_button.clicked.connect(self.delete)
        self.message = QLabel()
        self.message.setObjectName("noteMessage")
        self.message.setWordWrap(True)
        for w in (
            self.add_action,
            self.done_action,
            self.remove_action,
            self.save_button,
            self.delete_button,
        ):
            w.setEnabled(can_manage)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)

        form = QFormLayout()
        form.addRow(self.tr("Method"), self.method)
        form.addRow(self.tr("Held on"), self.held_on)
        form.addRow(self.tr("Topic"), self.topic)
        form.addRow(self.tr("Participants"), self.participants)
        form.addRow(self.tr("Units"), self.units)
        form.addRow(self.tr("Findings"), self.findings)
        form.addRow(self.tr("Recommendations"), self.recommendations)
        action_buttons = QHBoxLayout()
        for w in (self.add_action, self.done_action, self.remove_action):
            action_buttons.addWidget(w)
        action_buttons.addStretch(1)
        note_buttons = QHBoxLayout()
        note_buttons.addWidget(self.message, 1)
        note_buttons.addWidget(self.delete_button)
        note_buttons.addWidget(self.save_button)
        editor = QWidget()
        right = QVBoxLayout(editor)
        right.addLayout(form)
        right.addWidget(QLabel(self.tr("Follow-up actions")))
        right.addWidget(self.action_table)
        right.addLayout(action_buttons)
        right.addLayout(note_buttons)
        left_box = QWidget()
        left = QVBoxLayout(left_box)
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(self.list)
        left.addWidget(self.new_button)
        splitter = QSplitter()
        splitter.addWidget(left_box)
        splitter.addWidget(editor)
        splitter.setStretchFactor(0, 1)  # the list as wide as the note: its topics can be read
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.new_note()

    # --- list ----------------------------------------------------------------------------------

    def reload(self) -> None:
        self.show_notes(self.notes_reader()())

    def notes_reader(self) -> Callable[[], list[research.NoteRow]]:
        """What reads the list's rows, for the current database, user and day; callable on a
        worker (the Indicators tab reads them there)."""
        ctx, today = self.context(), self.today()
        return lambda: research.list_notes(ctx, today)

    def show_notes(self, rows: list[research.NoteRow]) -> None:
        self.model.set_rows(rows)
        self.list.resizeColumnsToContents()
        self.list.setColumnWidth(TOPIC_COLUMN, min(self.list.columnWidth(TOPIC_COLUMN), 320))

    def open_selected(self) -> None:
        index = self.list.currentIndex()
        row = self.model.row_at(index.row()) if index.isValid() else None
        if row is None or row.id == self.note_id:
            return
        if self._leave():
            self.load(row.id)

    # --- editor --------------------------------------------------------------------------------

    def _new_clicked(self) -> None:
        if self._leave():
            self.new_note()

    def new_note(self) -> None:
        self.note_id = None
        self.method.setCurrentIndex(0)
        self.held_on.setDate(to_qdate(self.today()))
        self.topic.clear()
        self.participants.setValue(0)
        for i in range(self.units.count()):
            item = self.units.item(i)
            if item is not None:
                item.setCheckState(Qt.CheckState.Unchecked)
        self.findings.clear()
        self.recommendations.clear()
        self.action_table.setRowCount(0)
        self.message.clear()
        self.loaded = self.data()
        self.topic.setFocus()

    def load(self, note_id: int) -> None:
        note = research.get_note(self.context(), note_id)
        self.note_id = note_id
        self.method.setCurrentIndex(max(0, self.method.findData(note.method)))
        self.held_on.setDate(to_qdate(note.held_on))
        self.topic.setText(note.topic)
        self.participants.setValue(note.participants)
        for i in range(self.units.count()):
            item = self.units.item(i)
            if item is not None:
                on = item.data(Qt.ItemDataRole.UserRole) in note.unit_ids
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.findings.setPlainText(note.findings)
        self.recommendations.setPlainText(note.recommendations)
        self.action_table.setRowCount(0)
        for a in note.actions:
            self.append_action(a)
        self.message.clear()
        self.loaded = self.data()

    def append_action(self, action: research.ActionData | None = None) -> None:
        r = self.action_table.rowCount()
        self.action_table.insertRow(r)
        values = ["", "", "", ""]
        if action is not None:
            values = [
                action.description,
                action.owner,
                format_date(action.due_on),
                format_date(action.done_on),
            ]
        for c, text in enumerate(values):
            item = QTableWidgetItem(text)
            if c == 0 and action is not None:
                item.setData(Qt.ItemDataRole.UserRole, action.id)
            self.action_table.setItem(r, c, item)
        if action is None:
            self.action_table.setCurrentCell(r, 0)
            self.action_table.setFocus()
            first = self.action_table.item(r, 0)
            if first is not None:
                self.action_table.editItem(first)

    def _remove_action(self) -> None:
        r = self.action_table.currentRow()
        if r >= 0:
            self.action_table.removeRow(r)

    def mark_done(self) -> None:
        r = self.action_table.currentRow()
        if r >= 0:
            self.action_table.setItem(r, 3, QTableWidgetItem(format_date(self.today())))

    def _text(self, r: int, c: int) -> str:
        item = self.action_table.item(r, c)
        return item.text() if item is not None else ""

    def data(self) -> research.NoteData:
        actions: list[research.ActionData] = []
        for r in range(self.action_table.rowCount()):
            first = self.action_table.item(r, 0)
            action_id = first.data(Qt.ItemDataRole.UserRole) if first is not None else None
            actions.append(
                research.ActionData(
                    self._text(r, 0),
                    self._text(r, 1),
                    typed_date(self._text(r, 2)),
                    typed_date(self._text(r, 3)),
                    int(action_id) if action_id is not None else None,
                )
            )
        units = []
        for i in range(self.units.count()):
            item = self.units.item(i)
            if item is not None and item.checkState() == Qt.CheckState.Checked:
                units.append(int(item.data(Qt.ItemDataRole.UserRole)))
        return research.NoteData(
            method=str(self.method.currentData()),
            held_on=to_date(self.held_on.date()),
            topic=self.topic.text(),
            participants=self.participants.value(),
            unit_ids=tuple(units),
            findings=self.findings.toPlainText(),
            recommendations=self.recommendations.toPlainText(),
            actions=tuple(actions),
        )

    def bad_date(self) -> str | None:
        """The message for the first action date that cannot be read, else None."""
        for r in range(self.action_table.rowCount()):
            for c in (2, 3):
                text = self._text(r, c)
                if text.strip() and typed_date(text) is None:
                    return (
                        self.tr("Action %1: %2 is not a date (dd.mm.yyyy).")
                        .replace("%1", str(r + 1))
                        .replace("%2", text)
                    )
        return None

    def save(self) -> bool:
        problem = self.bad_date()
        if problem:
            self.message.setText(problem)
            return False
        try:
            self.note_id = research.save_note(self.context(), self.data(), self.note_id)
        except AuditDeskError as exc:
            self.message.setText(error_text(exc))
            return False
        self.reload()
        self.load(self.note_id)
        self.message.setText(self.tr("Saved."))
        return True

    def dirty(self) -> bool:
        """Edited since it was loaded, created or saved (an untouched new note is not)."""
        if self.bad_date():
            return True
        return self.data() != self.loaded

    def _leave(self) -> bool:
        """Before another note is shown: unsaved edits are saved, so nothing typed is lost;
        when they cannot be saved, the editor stays on them and says why."""
        return not self.dirty() or self.save()

    def confirm_delete(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Delete note"),
            self.tr("Delete this research note and its actions?"),
        )
        return answer == QMessageBox.StandardButton.Yes

    def delete(self) -> None:
        if self.note_id is None or not self.confirm_delete():
            return
        try:
            research.delete_note(self.context(), self.note_id)
        except AuditDeskError as exc:
            self.message.setText(error_text(exc))
            return
        self.reload()
        self.new_note()
        self.message.setText(self.tr("Note deleted."))
