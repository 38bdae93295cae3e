"""The one column-mapping dialog of the monitoring imports (survey responses, the complaint
register, the EZD case register, and any later source): a row per column of the file with the
field it holds (or skipped), the remembered mapping or a guess preselected, the first rows of the
file, and OK only once every required field has a column and no field has two.

A source that remembers its mappings under a name (the case register) gives `name`: the dialog
then also asks what to remember the mapping as, prefilled with the name of the remembered one,
and OK needs a name. Keyboard: Tab and Shift+Tab go from column to column (the table follows),
typing the first letters of a field chooses it, Alt+R goes to the name, Return imports, Esc
cancels. The tab gives the fields (value, translated label, required); the dialog knows nothing
of any one source."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Mapping, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

Target = tuple[str, str, bool]  # field, its label as shown, required

PREVIEW_HEIGHT = 200  # pixels of the first rows; the columns get the rest
PREVIEW_COLUMN = 320  # widest a preview column starts (a long title would push the others out)
SIZE = (780, 600)  # the dialog's size, never more than the screen (1366×768 included)


class ImportMappingDialog(QDialog):
    """Which field each column of the file holds: `mapping()` is {column: field}, `columns()`
    {field: column index} (safe for unnamed or repeated column names), `remember_as()` the name
    to remember the mapping under ("" unless the source names its mappings)."""

    def __init__(
        self,
        file_name: str,
        header: Sequence[str],
        targets: Sequence[Target],
        mapping: Mapping[str, str],
        row_count: int,
        rows: Sequence[Sequence[str]] = (),
        parent: QWidget | None = None,
        *,
        columns: Mapping[str, int] | None = None,
        name: str | None = None,
        encoding: str = "",
        ignored: Collection[int] = (),
        looks_like: Mapping[int, str] | None = None,
        skipped: Sequence[str] = (),
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importMappingDialog")
        self.setWindowTitle(self.tr("Columns of %1").replace("%1", file_name))
        self.header = list(header)
        self.targets = list(targets)
        self.naming = name is not None
        text = (
            self.tr("%1: %2 row(s). Say which field each column holds; * marks a required one.")
            .replace("%1", file_name)
            .replace("%2", str(row_count))
        )
        if encoding:
            text += " " + self.tr("Encoding: %1.").replace("%1", encoding)
        if skipped:
            text += " " + self.tr("Lines above the header skipped: %1.").replace(
                "%1", "; ".join(skipped)
            )
        # issue 13: every column is shown as mapped, left out on purpose, or unknown; an
        # unknown one named like a field says so
        self.ignored = set(ignored)
        self.looks_like = dict(looks_like or {})
        self.labels = {value: label for value, label, _required in targets}
        info = QLabel(text)
        info.setObjectName("info")
        info.setWordWrap(True)
        if columns is not None:  # {field: index} wins over {column name: field}
            chosen = {index: field for field, index in columns.items()}
        else:
            chosen = {i: mapping.get(column, "") for i, column in enumerate(self.header)}
        self.table = QTableWidget(len(self.header), 3)
        self.table.setObjectName("mapping")
        self.table.setAccessibleName(self.tr("Columns of the file and the fields they hold"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Column"), self.tr("Field"), self.tr("Status")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Tab goes from combo to combo, not from cell to cell behind them; the view makes the
        # row of the combo with the focus its current one and scrolls to it
        self.table.setTabKeyNavigation(False)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.combos: list[QComboBox] = []
        for row, column in enumerate(self.header):
            self.table.setItem(row, 0, QTableWidgetItem(self._shown(row, column)))
            combo = QComboBox()
            combo.setObjectName(f"map:{column}")
            combo.addItem(self.tr("(skip)"), "")
            for value, label, required in self.targets:
                combo.addItem(label + (" *" if required else ""), value)
            combo.setCurrentIndex(max(0, combo.findData(chosen.get(row, ""))))
            combo.currentIndexChanged.connect(lambda _i, r=row: self._chosen(r))
            # choosing (skip) again on a column already at (skip) leaves it out on purpose
            combo.activated.connect(lambda _i, r=row: self._chosen(r))
            self.table.setCellWidget(row, 1, combo)
            self.table.setItem(row, 2, QTableWidgetItem())
            self.combos.append(combo)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for row in range(len(self.header)):
            self._show_state(row)
        self.table.resizeColumnToContents(0)
        self.preview = QTableWidget(len(rows), len(self.header))
        self.preview.setObjectName("preview")
        self.preview.setAccessibleName(self.tr("First rows of the file"))
        self.preview.setHorizontalHeaderLabels(
            [self._shown(i, column) for i, column in enumerate(self.header)]
        )
        for r, cells in enumerate(rows):
            for c, value in enumerate(list(cells)[: len(self.header)]):
                self.preview.setItem(r, c, QTableWidgetItem(value))
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.setWordWrap(False)  # a row of the file is a line (a long value is cut: …)
        self.preview.setMaximumHeight(PREVIEW_HEIGHT)
        self.preview.resizeColumnsToContents()
        for c in range(len(self.header)):
            if self.preview.columnWidth(c) > PREVIEW_COLUMN:
                self.preview.setColumnWidth(c, PREVIEW_COLUMN)
        self.preview.setVisible(bool(rows))
        self.remember = QLineEdit(name or "")
        self.remember.setObjectName("rememberAs")
        self.remember.setToolTip(
            self.tr(
                "The mapping is remembered under this name and chosen again for files with "
                "the same header row."
            )
        )
        self.remember.textChanged.connect(self._check)
        naming = QFormLayout()
        naming.addRow(self.tr("&Remember as"), self.remember)
        self.remember.setVisible(self.naming)
        remember_label = naming.labelForField(self.remember)
        if remember_label is not None:
            remember_label.setVisible(self.naming)
        self.hint = QLabel()
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert isinstance(ok, QPushButton)
        ok.setText(self.tr("Import"))
        self.ok_button = ok
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(info)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.preview)
        layout.addLayout(naming)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        screen = self.screen().availableGeometry()
        self.resize(min(SIZE[0], screen.width()), min(SIZE[1], screen.height()))
        if self.combos:
            self.combos[0].setFocus()
        self._check()

    def _shown(self, index: int, column: str) -> str:
        """A column as the dialog names it: its header, or its number when the header is empty."""
        return column.strip() or self.tr("column %1").replace("%1", str(index + 1))

    def _chosen(self, row: int) -> None:
        """A column set to (skip) by the person is left out on purpose."""
        if not self.combos[row].currentData():
            self.ignored.add(row)
        self._show_state(row)
        self._check()

    def state(self, row: int) -> str:
        """'mapped', 'ignored' or 'unknown': what becomes of the column on import."""
        if self.combos[row].currentData():
            return "mapped"
        return "ignored" if row in self.ignored else "unknown"

    def _show_state(self, row: int) -> None:
        item = self.table.item(row, 2)
        if item is None:
            return
        state = self.state(row)
        if state == "mapped":
            text = self.tr("mapped")
        elif state == "ignored":
            text = self.tr("left out on purpose")
        elif row in self.looks_like:
            text = self.tr("unknown: named like %1; map it or choose (skip)").replace(
                "%1", self.labels.get(self.looks_like[row], self.looks_like[row])
            )
        else:
            text = self.tr("unknown: not imported")
        item.setText(text)

    def ignored_columns(self) -> list[int]:
        """The columns left out on purpose (and not mapped since)."""
        return [row for row in sorted(self.ignored) if not self.combos[row].currentData()]

    def mapping(self) -> dict[str, str]:
        """{column: field} for the columns not skipped."""
        return {
            column: str(combo.currentData())
            for column, combo in zip(self.header, self.combos, strict=True)
            if combo.currentData()
        }

    def columns(self) -> dict[str, int]:
        """{field: column index} for the columns not skipped."""
        return {
            str(combo.currentData()): index
            for index, combo in enumerate(self.combos)
            if combo.currentData()
        }

    def remember_as(self) -> str:
        """The name to remember the mapping under; "" when the source does not name them."""
        return self.remember.text().strip() if self.naming else ""

    def missing(self) -> list[str]:
        """The labels of the required fields no column holds."""
        chosen = {str(combo.currentData()) for combo in self.combos}
        return [
            label for value, label, required in self.targets if required and value not in chosen
        ]

    def twice(self) -> list[str]:
        """The labels of the fields chosen for more than one column."""
        counts = Counter(str(c.currentData()) for c in self.combos if c.currentData())
        return [label for value, label, _required in self.targets if counts[value] > 1]

    def unresolved(self) -> list[str]:
        """The columns named like a field that are neither mapped nor left out on purpose:
        the import waits for a person to decide (nothing is dropped silently)."""
        return [
            self._shown(row, self.header[row])
            for row in sorted(self.looks_like)
            if row < len(self.combos) and self.state(row) == "unknown"
        ]

    def _check(self) -> None:
        missing, twice, unresolved = self.missing(), self.twice(), self.unresolved()
        if missing:
            hint = self.tr("Choose a column for: %1").replace("%1", ", ".join(missing))
        elif twice:
            hint = self.tr("Choose each field for one column only: %1").replace(
                "%1", ", ".join(twice)
            )
        elif unresolved:
            hint = self.tr(
                "Columns named like a field: %1. Choose the field each holds, or (skip) to "
                "leave it out on purpose."
            ).replace("%1", ", ".join(unresolved))
        elif self.naming and not self.remember_as():
            hint = self.tr("Give the mapping a name to remember it by.")
        else:
            hint = ""
        self.hint.setText(hint)
        self.ok_button.setEnabled(not hint)
