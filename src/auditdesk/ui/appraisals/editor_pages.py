"""The step pages of the appraisal editor (see `editor`)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from auditdesk.domain.values import ObjectionDecision
from auditdesk.ui.appraisals.editor_steps import EditorSteps
from auditdesk.ui.appraisals.widgets import DateField
from auditdesk.ui.labels import objection_decision_name


class EditorPages(EditorSteps):
    """The five step pages of `AppraisalEditor`; their buttons call the actions of
    `EditorSteps`."""

    def _criteria_page(self) -> QWidget:
        page = QWidget()
        self.criteria_help = QLabel()
        self.criteria_help.setWordWrap(True)
        self.criteria_table = QTableWidget(0, 2)
        self.criteria_table.setHorizontalHeaderLabels(
            [self.tr("Criterion"), self.tr("Expectations agreed with the employee")]
        )
        self.criteria_table.horizontalHeader().setStretchLastSection(True)
        self.criteria_table.setAccessibleName(self.tr("Criteria and expectations"))
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
        self.rating_list.setAccessibleName(self.tr("Criteria to rate"))
        self.rating_list.currentRowChanged.connect(self._show_rating)
        self.criterion_text = QLabel()
        self.criterion_text.setWordWrap(True)
        self.level = QComboBox()
        self.level.currentIndexChanged.connect(self._level_chosen)
        self.justification = QPlainTextEdit()
        self.justification.setTabChangesFocus(True)
        self.justification.setPlaceholderText(
            self.tr("Justification (required): facts and examples from the period")
        )
        self.justification.textChanged.connect(self._rating_edited)
        self.evidence = QListWidget()
        self.evidence.setAccessibleName(
            self.tr("Evidence of the period: mystery-client audits and feedback")
        )
        self.overall_label = QLabel()
        self.overall_label.setObjectName("overallResult")
        self.overall_label.setWordWrap(True)
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
        self.area_list.setAccessibleName(self.tr("Development areas"))
        self.area_list.setWordWrap(True)
        self.area_list.itemSelectionChanged.connect(self._area_selected)
        self.area_name = QLineEdit()
        self.area_change = QLineEdit()
        self.area_support = QLineEdit()
        self.area_deadline = DateField()
        self.area_actions = QPlainTextEdit()
        self.area_actions.setTabChangesFocus(True)
        self.area_actions.setMaximumHeight(90)
        self.area_actions.setPlaceholderText(
            self.tr("One action a line: kind: description, e.g. 'training: plain language'")
        )
        self.add_area_button = QPushButton(self.tr("Add area (Ctrl+S)"))
        self.add_area_button.setObjectName("addArea")
        self.add_area_button.clicked.connect(self.add_area)
        # issue 15: an area is changed or removed until the appraisal is read or signed
        self.save_area_button = QPushButton(self.tr("Save changes (Ctrl+S)"))
        self.save_area_button.setObjectName("saveArea")
        self.save_area_button.setToolTip(self.tr("Saves the selected area as the form shows it"))
        self.save_area_button.clicked.connect(self.save_area)
        self.remove_area_button = QPushButton(self.tr("Remove area…"))
        self.remove_area_button.setObjectName("removeArea")
        self.remove_area_button.clicked.connect(self.remove_area)
        self.new_area_button = QPushButton(self.tr("New area"))
        self.new_area_button.setObjectName("newArea")
        self.new_area_button.setToolTip(self.tr("Clears the form to add another area"))
        self.new_area_button.clicked.connect(self.new_area)
        self.open_actions = QListWidget()
        self.open_actions.setAccessibleName(self.tr("Open development actions"))
        self.done_button = QPushButton(self.tr("Mark the selected action done"))
        self.done_button.clicked.connect(self.mark_done)
        form = QFormLayout()
        form.addRow(self.tr("&Area:"), self.area_name)
        form.addRow(self.tr("Expected &change:"), self.area_change)
        form.addRow(self.tr("&Support from the office:"), self.area_support)
        form.addRow(self.tr("&Deadline:"), self.area_deadline)
        form.addRow(self.tr("A&ctions:"), self.area_actions)
        buttons = QHBoxLayout()
        for button in (
            self.add_area_button,
            self.save_area_button,
            self.remove_area_button,
            self.new_area_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        lay = QVBoxLayout(page)
        lay.addWidget(
            QLabel(self.tr("Development areas of this appraisal (select one to change it)"))
        )
        lay.addWidget(self.area_list, 1)
        lay.addLayout(form)
        lay.addLayout(buttons)
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
        # issue 15: what was said, agreed or asked for, dated; printed in the protocol
        self.notes = QListWidget()
        self.notes.setObjectName("conversationNotes")
        self.notes.setAccessibleName(self.tr("Notes of the conversation"))
        self.notes.setWordWrap(True)
        self.note_on = DateField()
        self.note_on.setAccessibleName(self.tr("Date of the note"))
        self.note_text = QPlainTextEdit()
        self.note_text.setObjectName("noteText")
        self.note_text.setAccessibleName(self.tr("Text of the note"))
        self.note_text.setTabChangesFocus(True)
        self.note_text.setMaximumHeight(80)
        self.note_text.setPlaceholderText(
            self.tr("What was said, agreed or asked for (Ctrl+S adds the note)")
        )
        self.add_note_button = QPushButton(self.tr("Add &note"))
        self.add_note_button.setObjectName("addNote")
        self.add_note_button.clicked.connect(self.add_note)
        self.remove_note_button = QPushButton(self.tr("Remo&ve the selected note…"))
        self.remove_note_button.setObjectName("removeNote")
        self.remove_note_button.clicked.connect(self.remove_note)
        notes_box = QGroupBox(self.tr("Notes of the conversation"))
        notes_form = QFormLayout()
        notes_form.addRow(self.tr("Note &date:"), self.note_on)
        notes_form.addRow(self.tr("No&te:"), self.note_text)
        note_buttons = QHBoxLayout()
        note_buttons.addWidget(self.add_note_button)
        note_buttons.addWidget(self.remove_note_button)
        note_buttons.addStretch(1)
        notes_layout = QVBoxLayout(notes_box)
        notes_layout.addWidget(self.notes, 1)
        notes_layout.addLayout(notes_form)
        notes_layout.addLayout(note_buttons)
        lay = QVBoxLayout(page)
        lay.addLayout(form)
        lay.addWidget(self.conversation_button)
        lay.addWidget(self.result_label)
        lay.addWidget(notes_box, 1)
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
        for decision in (ObjectionDecision.REJECTED, ObjectionDecision.UPHELD):
            self.decision.addItem(objection_decision_name(decision), decision.value)
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
