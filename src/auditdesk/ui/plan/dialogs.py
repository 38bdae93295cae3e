"""The new-programme dialog and the missed/cancelled dialog of the visit plan (issue 18)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from auditdesk.domain.planning import DEFAULT_HOURS
from auditdesk.services.plan import (
    AuditorSpec,
    PlanChoices,
    ProgrammeSpec,
    ScenarioSpec,
    UnitSpec,
)
from auditdesk.ui.labels import channel_name
from auditdesk.ui.qdates import to_date, to_qdate

CHANNEL_CODES = ("visit", "phone", "email", "eservice")
HOURS_ROLE = Qt.ItemDataRole.UserRole + 1  # a unit item's opening hours (ProgrammeDialog)


def next_quarter(today: date) -> tuple[date, date]:
    """The quarter after today's."""
    q = (today.month - 1) // 3 + 1
    year, q = (today.year + 1, 1) if q == 4 else (today.year, q + 1)
    start = date(year, 3 * q - 2, 1)
    end_month = 3 * q
    end = (date(year + 1, 1, 1) if end_month == 12 else date(year, end_month + 1, 1)) - timedelta(
        days=1
    )
    return start, end


class ProgrammeDialog(QDialog):
    """A new programme: period, a precision target or a budget, channels with weights, units
    (with their opening hours), scenarios and auditors with their weekly capacity."""

    def __init__(self, choices: PlanChoices, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ProgrammeDialog")
        self.setWindowTitle(self.tr("New programme"))
        self.choices = choices
        start, end = next_quarter(today)

        self.name = QLineEdit(self.tr("Mystery client {0}").format(f"{start:%m.%Y}"))
        self.name.setObjectName("name")
        self.date_from = QDateEdit(to_qdate(start))
        self.date_from.setObjectName("dateFrom")
        self.date_from.setCalendarPopup(True)
        self.date_from.setDisplayFormat("dd.MM.yyyy")
        self.date_to = QDateEdit(to_qdate(end))
        self.date_to.setObjectName("dateTo")
        self.date_to.setCalendarPopup(True)
        self.date_to.setDisplayFormat("dd.MM.yyyy")
        self.mode = QComboBox()
        self.mode.setObjectName("mode")
        self.mode.addItem(self.tr("Precision target"), "precision")
        self.mode.addItem(self.tr("Budget of visits"), "budget")
        self.margin = QDoubleSpinBox()
        self.margin.setObjectName("margin")
        self.margin.setRange(1, 50)
        self.margin.setDecimals(1)
        self.margin.setValue(10)
        self.margin.setPrefix("± ")
        self.margin.setSuffix(self.tr(" points"))
        self.budget = QSpinBox()
        self.budget.setObjectName("budget")
        self.budget.setRange(1, 100_000)
        self.budget.setValue(120)
        self.budget.setSuffix(self.tr(" visits"))
        self.confidence = QComboBox()
        self.confidence.setObjectName("confidence")
        for level in (90, 95, 99):
            self.confidence.addItem(f"{level} %", level / 100)
        self.confidence.setCurrentIndex(1)
        self.allocation = QComboBox()
        self.allocation.setObjectName("allocation")
        self.allocation.addItem(self.tr("Proportional to client traffic"), "proportional")
        self.allocation.addItem(self.tr("Neyman (traffic and last period's spread)"), "neyman")
        self.seed = QSpinBox()
        self.seed.setObjectName("seed")
        self.seed.setRange(1, 999_999)

        general = QGroupBox(self.tr("Programme"))
        form = QFormLayout(general)
        for text, widget in (
            (self.tr("&Name:"), self.name),
            (self.tr("&From:"), self.date_from),
            (self.tr("&To:"), self.date_to),
            (self.tr("&Plan by:"), self.mode),
            (self.tr("Each unit's result &within:"), self.margin),
            (self.tr("&Budget:"), self.budget),
            (self.tr("&Confidence:"), self.confidence),
            (self.tr("&Share the budget:"), self.allocation),
            (self.tr("&Seed (the same seed, the same plan):"), self.seed),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            widget.setAccessibleName(text.replace("&", "").rstrip(":"))
            form.addRow(label, widget)

        channels = QGroupBox(self.tr("Channels and their weights"))
        grid = QGridLayout(channels)
        self.channel_boxes: dict[str, QCheckBox] = {}
        self.channel_weights: dict[str, QSpinBox] = {}
        for row, code in enumerate(CHANNEL_CODES):
            box = QCheckBox(channel_name(code))
            box.setObjectName(f"channel_{code}")
            box.setChecked(code in ("visit", "phone"))
            weight = QSpinBox()
            weight.setObjectName(f"weight_{code}")
            weight.setRange(1, 10)
            weight.setValue(2 if code == "visit" else 1)
            weight.setAccessibleName(self.tr("Weight of {0}").format(channel_name(code)))
            grid.addWidget(box, row, 0)
            grid.addWidget(weight, row, 1)
            self.channel_boxes[code] = box
            self.channel_weights[code] = weight

        self.units = QListWidget()
        self.units.setObjectName("units")
        self.units.setAccessibleName(self.tr("Units in the programme"))
        # each unit keeps its own opening hours; the field below edits those of the units
        # selected in the list (all of them at first: one set of hours for every unit)
        self.units.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        for u in choices.units:
            item = QListWidgetItem(f"{u.code} {u.name}")
            item.setData(Qt.ItemDataRole.UserRole, u.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = Qt.CheckState.Checked if u.customer_facing else Qt.CheckState.Unchecked
            item.setCheckState(checked)
            self._set_unit_hours(item, DEFAULT_HOURS)
            self.units.addItem(item)
        self.units.selectAll()
        self.hours = QLineEdit(DEFAULT_HOURS)
        self.hours.setObjectName("hours")
        self.hours.setAccessibleName(self.tr("Opening hours of the selected units"))
        self.hours.setToolTip(
            self.tr(
                "For example: mon 08:00-17:00; tue-fri 08:00-15:30. Applies to the units "
                "selected in the list above (Ctrl+A: all of them)."
            )
        )
        self.hours.textEdited.connect(self._hours_edited)
        self.units.itemSelectionChanged.connect(self._show_selected_hours)
        units_box = QGroupBox(self.tr("Units"))
        units_layout = QVBoxLayout(units_box)
        units_layout.addWidget(self.units)
        hours_label = QLabel(self.tr("&Opening hours of the selected units:"))
        hours_label.setBuddy(self.hours)
        units_layout.addWidget(hours_label)
        units_layout.addWidget(self.hours)

        self.auditors = QListWidget()
        self.auditors.setObjectName("auditors")
        self.auditors.setAccessibleName(self.tr("Auditors of the programme"))
        for a in choices.auditors:
            item = QListWidgetItem(f"{a.name} ({a.login})")
            item.setData(Qt.ItemDataRole.UserRole, a.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.auditors.addItem(item)
        self.capacity = QSpinBox()
        self.capacity.setObjectName("capacity")
        self.capacity.setRange(1, 40)
        self.capacity.setValue(3)
        self.capacity.setAccessibleName(self.tr("Visits per auditor per week"))
        auditors_box = QGroupBox(self.tr("Auditors"))
        auditors_layout = QVBoxLayout(auditors_box)
        auditors_layout.addWidget(self.auditors)
        capacity_label = QLabel(self.tr("&Visits per week each:"))
        capacity_label.setBuddy(self.capacity)
        auditors_layout.addWidget(capacity_label)
        auditors_layout.addWidget(self.capacity)

        self.scenarios = QTableWidget(0, 5)
        self.scenarios.setObjectName("scenarios")
        self.scenarios.setAccessibleName(self.tr("Scenarios"))
        self.scenarios.setHorizontalHeaderLabels(
            [
                self.tr("Code"),
                self.tr("Channel"),
                self.tr("Case presented"),
                self.tr("Brief for the auditor"),
                self.tr("Weight"),
            ]
        )
        self.scenarios.horizontalHeader().setStretchLastSection(True)
        self.scenarios.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        add = QPushButton(self.tr("&Add scenario"))
        add.setObjectName("addScenario")
        remove = QPushButton(self.tr("&Remove scenario"))
        remove.setObjectName("removeScenario")
        add.clicked.connect(lambda: self.add_scenario("", "visit", "", "", 1))
        remove.clicked.connect(self._remove_scenario)
        scenarios_box = QGroupBox(self.tr("Scenarios (the cases the client presents)"))
        scenarios_layout = QVBoxLayout(scenarios_box)
        scenarios_layout.addWidget(self.scenarios)
        scenario_buttons = QHBoxLayout()
        scenario_buttons.addWidget(add)
        scenario_buttons.addWidget(remove)
        scenario_buttons.addStretch(1)
        scenarios_layout.addLayout(scenario_buttons)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        left = QVBoxLayout()
        left.addWidget(general)
        left.addWidget(channels)
        middle = QVBoxLayout()
        middle.addWidget(units_box)
        middle.addWidget(auditors_box)
        top = QHBoxLayout()
        top.addLayout(left)
        top.addLayout(middle)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scenarios_box)
        layout.addWidget(buttons)
        self.mode.currentIndexChanged.connect(self._mode_changed)
        self._mode_changed()

    def _mode_changed(self) -> None:
        precision = self.mode.currentData() == "precision"
        self.margin.setEnabled(precision)
        self.budget.setEnabled(not precision)
        self.allocation.setEnabled(not precision)

    def add_scenario(self, code: str, channel: str, title: str, brief: str, weight: float) -> None:
        row = self.scenarios.rowCount()
        self.scenarios.insertRow(row)
        for column, value in enumerate((code, channel, title, brief, f"{weight:g}")):
            self.scenarios.setItem(row, column, QTableWidgetItem(value))

    def _remove_scenario(self) -> None:
        rows = sorted({i.row() for i in self.scenarios.selectedIndexes()}, reverse=True)
        for row in rows:
            self.scenarios.removeRow(row)

    def _text(self, row: int, column: int) -> str:
        item = self.scenarios.item(row, column)
        return item.text().strip() if item is not None else ""

    def _set_unit_hours(self, item: QListWidgetItem, hours: str) -> None:
        item.setData(HOURS_ROLE, hours)
        item.setToolTip(self.tr("Opening hours: {0}").format(hours))

    def _hours_edited(self, text: str) -> None:
        for item in self.units.selectedItems():
            self._set_unit_hours(item, text)

    def _show_selected_hours(self) -> None:
        """The hours of the selected units; empty when they differ (typing sets them all)."""
        hours = {str(item.data(HOURS_ROLE)) for item in self.units.selectedItems()}
        self.hours.setText(hours.pop() if len(hours) == 1 else "")
        self.hours.setEnabled(bool(self.units.selectedItems()))

    def spec(self) -> ProgrammeSpec:
        """What the form says (the services check it)."""
        channels = {
            code: float(self.channel_weights[code].value())
            for code, box in self.channel_boxes.items()
            if box.isChecked()
        }
        units = []
        for i in range(self.units.count()):
            item = self.units.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                units.append(
                    UnitSpec(int(item.data(Qt.ItemDataRole.UserRole)), str(item.data(HOURS_ROLE)))
                )
        auditors = []
        for i in range(self.auditors.count()):
            item = self.auditors.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                auditors.append(
                    AuditorSpec(int(item.data(Qt.ItemDataRole.UserRole)), self.capacity.value())
                )
        scenarios = []
        for row in range(self.scenarios.rowCount()):
            if not any(self._text(row, c) for c in range(4)):
                continue
            try:
                weight = float(self._text(row, 4).replace(",", ".") or "1")
            except ValueError:
                weight = 0.0  # refused by the service with the scenario's code
            scenarios.append(
                ScenarioSpec(
                    self._text(row, 0),
                    self._text(row, 1),
                    self._text(row, 2),
                    self._text(row, 3),
                    weight,
                )
            )
        precision = self.mode.currentData() == "precision"
        return ProgrammeSpec(
            name=self.name.text(),
            period_from=to_date(self.date_from.date()),
            period_to=to_date(self.date_to.date()),
            channels=channels,
            units=units,
            scenarios=scenarios,
            auditors=auditors,
            margin=self.margin.value() / 100 if precision else None,
            budget=None if precision else self.budget.value(),
            confidence=float(self.confidence.currentData()),
            allocation=str(self.allocation.currentData()),
            seed=self.seed.value(),
        )


class MissedDialog(QDialog):
    """Why a planned visit did not take place: missed or cancelled, the reason, and whether
    to plan a replacement."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MissedDialog")
        self.setWindowTitle(self.tr("Visit not made"))
        self.status = QComboBox()
        self.status.setObjectName("status")
        self.status.setAccessibleName(self.tr("What happened"))
        self.status.addItem(self.tr("Missed"), "missed")
        self.status.addItem(self.tr("Cancelled"), "cancelled")
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        self.reason.setAccessibleName(self.tr("Reason"))
        self.replace = QCheckBox(self.tr("Plan a &replacement"))
        self.replace.setObjectName("replace")
        self.replace.setChecked(True)
        form = QFormLayout(self)
        status_label = QLabel(self.tr("&What happened:"))
        status_label.setBuddy(self.status)
        form.addRow(status_label, self.status)
        reason_label = QLabel(self.tr("&Reason:"))
        reason_label.setBuddy(self.reason)
        form.addRow(reason_label, self.reason)
        form.addRow(self.replace)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class ExclusionsDialog(QDialog):
    """The units an auditor worked in and may therefore not audit (their own unit is barred
    anyway, from their employee record)."""

    def __init__(
        self,
        choices: PlanChoices,
        excluded: Callable[[int], list[int]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ExclusionsDialog")
        self.setWindowTitle(self.tr("Units an auditor worked in"))
        self.excluded = excluded
        self.auditor = QComboBox()
        self.auditor.setObjectName("auditor")
        self.auditor.setAccessibleName(self.tr("Auditor"))
        for a in choices.auditors:
            self.auditor.addItem(f"{a.name} ({a.login})", a.id)
        self.units = QListWidget()
        self.units.setObjectName("units")
        self.units.setAccessibleName(self.tr("Units the auditor worked in"))
        for u in choices.units:
            item = QListWidgetItem(f"{u.code} {u.name}")
            item.setData(Qt.ItemDataRole.UserRole, u.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.units.addItem(item)
        self.note = QLineEdit()
        self.note.setObjectName("note")
        self.note.setAccessibleName(self.tr("Note"))
        form = QFormLayout(self)
        auditor_label = QLabel(self.tr("&Auditor:"))
        auditor_label.setBuddy(self.auditor)
        form.addRow(auditor_label, self.auditor)
        units_label = QLabel(self.tr("&Worked in:"))
        units_label.setBuddy(self.units)
        form.addRow(units_label, self.units)
        note_label = QLabel(self.tr("N&ote:"))
        note_label.setBuddy(self.note)
        form.addRow(note_label, self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.auditor.currentIndexChanged.connect(lambda _i: self._load())
        self._load()

    def auditor_id(self) -> int | None:
        data = self.auditor.currentData()
        return int(data) if data is not None else None

    def _load(self) -> None:
        auditor = self.auditor_id()
        chosen = set(self.excluded(auditor)) if auditor is not None else set()
        for i in range(self.units.count()):
            item = self.units.item(i)
            state = (
                Qt.CheckState.Checked
                if int(item.data(Qt.ItemDataRole.UserRole)) in chosen
                else Qt.CheckState.Unchecked
            )
            item.setCheckState(state)

    def unit_ids(self) -> list[int]:
        return [
            int(self.units.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.units.count())
            if self.units.item(i).checkState() == Qt.CheckState.Checked
        ]
