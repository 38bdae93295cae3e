"""The one column-mapping dialog of the monitoring imports (survey responses, the complaint
register, the EZD case register, and any later source): a row per column of the file with the
field it holds (or skipped), the remembered mapping or a guess preselected, the first rows of the
file, and OK only once every required field has a column and no field has two.

A source that remembers its mappings under a name (the case register) gives `name`: the dialog
then also asks what to remember the mapping as, prefilled with the name of the remembered one,
and OK needs a name. Keyboard: Tab and Shift+Tab go from column to column (the table follows),
typing the first letters of a field chooses it, Alt+R goes to the name, Return imports, Esc
cancels. The tab gives the fields (value, translated label, required); the dialog knows nothing
of any one source.

Values (issue 13): for the column in focus, "Values…" (Alt+V) lists the different words the
file writes in it and what each is read as (an answer label such as "Zdecydowanie tak" or a
LimeSurvey code "A2" as a scale value, a register's kind and outcome words, unit names); words
left as written go to the import's own matching. "Load mapping…" and "Save mapping…" read and
write the same mapping file as the command line's --mapping FILE.json and --save-mapping, so a
mapping made once is shared with colleagues."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from auditdesk.domain.errors import AuditDeskError
from auditdesk.domain.import_plan import IGNORE, MappingSpec
from auditdesk.domain.importing import normalise_header
from auditdesk.services.monitoring.importing.files import read_mapping_file, save_chosen_mapping
from auditdesk.ui.crash import show_error

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
        distinct: Mapping[int, Sequence[str]] | None = None,
        values: Mapping[str, Mapping[str, str]] | None = None,
        choices: Mapping[str, Sequence[str]] | None = None,
        source: str = "",
    ) -> None:
        super().__init__(parent)
        # value words (issue 13): column → its words in the file; field → {normalised word:
        # value}; field → the values it stores; the source's name for a mapping file
        self.distinct = {i: list(words) for i, words in (distinct or {}).items()}
        self._values: dict[str, dict[str, str]] = {
            f: {normalise_header(k): v for k, v in w.items()} for f, w in (values or {}).items()
        }
        self.choices = {f: list(c) for f, c in (choices or {}).items()}
        self.source = source
        self.file_name = file_name
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
        # issue 19: Tab leaves the preview (arrows move in it), else it traps the keyboard
        self.preview.setTabKeyNavigation(False)
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
        self.values_button = QPushButton(self.tr("&Values…"))
        self.values_button.setObjectName("valuesButton")
        self.values_button.setToolTip(
            self.tr("The words the file writes in the column in focus, and what each is read as")
        )
        self.values_button.clicked.connect(lambda: self.edit_values())
        self.load_button = QPushButton(self.tr("&Load mapping…"))
        self.load_button.setObjectName("loadMapping")
        self.load_button.clicked.connect(lambda: self.load_mapping())
        self.save_button = QPushButton(self.tr("Sa&ve mapping…"))
        self.save_button.setObjectName("saveMapping")
        self.save_button.clicked.connect(lambda: self.save_mapping())
        for button in (self.values_button, self.load_button, self.save_button):
            button.setAutoDefault(False)  # Return still imports
        for button in (self.load_button, self.save_button):
            button.setVisible(bool(source))
        tools = QHBoxLayout()
        tools.addWidget(self.values_button)
        tools.addStretch(1)
        tools.addWidget(self.load_button)
        tools.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(info)
        layout.addWidget(self.table, 1)
        layout.addLayout(tools)
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

    # value words (issue 13)

    def current_column(self) -> int:
        """The column whose field combo has the focus (else the table's current row)."""
        for row, combo in enumerate(self.combos):
            if combo.hasFocus():
                return row
        return max(0, self.table.currentRow())

    def values(self) -> dict[str, dict[str, str]]:
        """field → {word as the file writes it (normalised): value} for the mapped fields."""
        mapped = set(self.columns())
        return {f: dict(w) for f, w in self._values.items() if f in mapped and w}

    def value_words_dialog(self, row: int) -> ValueWordsDialog | None:
        """The words of column `row` with what each is read as; None (and a hint) when the
        column is not mapped or holds free text."""
        field_name = str(self.combos[row].currentData() or "") if self.combos else ""
        column = self._shown(row, self.header[row]) if self.header else ""
        if not field_name:
            self.hint.setText(
                self.tr("Choose the field column %1 holds first; then map its values.").replace(
                    "%1", column
                )
            )
            return None
        words = self.distinct.get(row, [])
        if not words:
            self.hint.setText(
                self.tr(
                    "Column %1 holds too many different words to map one by one (free text, "
                    "names or dates): nothing to map."
                ).replace("%1", column)
            )
            return None
        return ValueWordsDialog(
            column,
            self.labels.get(field_name, field_name),
            words,
            self._values.get(field_name, {}),
            self.choices.get(field_name, []),
            self,
        )

    def apply_value_words(self, row: int, dialog: ValueWordsDialog) -> None:
        field_name = str(self.combos[row].currentData() or "")
        if field_name:
            self._values[field_name] = dialog.words()
        self._check()

    def edit_values(self) -> None:
        row = self.current_column()
        dialog = self.value_words_dialog(row)
        if dialog is not None and dialog.exec() == QDialog.DialogCode.Accepted:
            self.apply_value_words(row, dialog)

    def apply_spec(self, spec: MappingSpec, file: str) -> list[str]:
        """A mapping file's columns and values on the dialog; the problems found (a column the
        file does not have, a field this import does not know), each naming the file."""
        problems: list[str] = []
        known = {value for value, _label, _required in self.targets}
        keys = [normalise_header(h) for h in self.header]
        for column, fld in spec.columns.items():
            row = self.header.index(column) if column in self.header else -1
            if row < 0 and keys.count(normalise_header(column)) == 1:
                row = keys.index(normalise_header(column))
            if row < 0:
                problems.append(
                    self.tr("%1: this file has no column %2")
                    .replace("%1", file)
                    .replace("%2", column)
                )
                continue
            if fld == IGNORE or not fld:
                self.combos[row].setCurrentIndex(0)
                self.ignored.add(row)
            elif fld in known:
                self.combos[row].setCurrentIndex(self.combos[row].findData(fld))
            else:
                problems.append(
                    self.tr("%1: %2 is not a field of this import (column %3)")
                    .replace("%1", file)
                    .replace("%2", fld)
                    .replace("%3", column)
                )
            self._show_state(row)
        for fld, words in spec.values.items():
            if fld not in known:
                problems.append(
                    self.tr("%1: %2 is not a field of this import (values)")
                    .replace("%1", file)
                    .replace("%2", fld)
                )
                continue
            self._values.setdefault(fld, {}).update(
                {normalise_header(k): v for k, v in words.items()}
            )
        self._check()
        return problems

    def load_mapping(self, path: Path | None = None) -> None:
        if path is None:
            name, _ = QFileDialog.getOpenFileName(
                self, self.tr("Load mapping"), "", self.tr("Mapping files (*.json);;All files (*)")
            )
            if not name:
                return
            path = Path(name)
        try:
            spec = read_mapping_file(path)
        except AuditDeskError as exc:
            show_error(self, exc)
            return
        problems = self.apply_spec(spec, path.name)
        if problems:
            self.hint.setText("\n".join(problems))
        else:
            self.hint.setText(self.tr("Mapping loaded from %1.").replace("%1", path.name))
            self.ok_button.setEnabled(
                not (self.missing() or self.twice() or self.unresolved())
                and not (self.naming and not self.remember_as())
            )

    def save_mapping(self, path: Path | None = None) -> None:
        if path is None:
            name, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Save mapping"),
                Path(self.file_name).stem + ".mapping.json",
                self.tr("Mapping files (*.json)"),
            )
            if not name:
                return
            path = Path(name)
        try:
            save_chosen_mapping(
                path,
                self.header,
                self.columns(),
                self.ignored_columns(),
                self.values(),
                self.source,
            )
        except AuditDeskError as exc:
            show_error(self, exc)
            return
        self.hint.setText(self.tr("Mapping saved to %1.").replace("%1", str(path)))


class ValueWordsDialog(QDialog):
    """The words one column of the file writes, each with what it is read as: "(as written)"
    leaves it to the import's own matching (labels, case, accents and dashes normalised); a
    value of the field's, or any text typed, replaces the word before the row is read."""

    def __init__(
        self,
        column: str,
        field_label: str,
        words: Sequence[str],
        chosen: Mapping[str, str],
        choices: Sequence[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("valueWordsDialog")
        self.setWindowTitle(self.tr("Values of %1").replace("%1", column))
        self.words_in_file = list(words)
        info = QLabel(
            self.tr(
                "Column %1 holds %2. Say what each word of the file is read as; leave "
                "“(as written)” where the import understands it."
            )
            .replace("%1", column)
            .replace("%2", field_label)
        )
        info.setWordWrap(True)
        self.table = QTableWidget(len(self.words_in_file), 2)
        self.table.setObjectName("valueWords")
        self.table.setAccessibleName(self.tr("Words of the file and what they are read as"))
        self.table.setHorizontalHeaderLabels([self.tr("In the file"), self.tr("Read as")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.combos: list[QComboBox] = []
        for row, word in enumerate(self.words_in_file):
            self.table.setItem(row, 0, QTableWidgetItem(word))
            combo = QComboBox()
            combo.setEditable(True)
            combo.setObjectName(f"value:{word}")
            combo.setAccessibleName(self.tr("%1 is read as").replace("%1", word))
            combo.addItem(self.tr("(as written)"), "")
            for value in choices:
                combo.addItem(value, value)
            current = chosen.get(normalise_header(word), "")
            if current:
                index = combo.findData(current)
                if index < 0:
                    combo.addItem(current, current)
                    index = combo.count() - 1
                combo.setCurrentIndex(index)
            self.table.setCellWidget(row, 1, combo)
            self.combos.append(combo)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.resizeColumnToContents(0)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(info)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        screen = self.screen().availableGeometry()
        self.resize(min(560, screen.width()), min(480, screen.height()))
        if self.combos:
            self.combos[0].setFocus()

    def words(self) -> dict[str, str]:
        """{normalised word: value} for the words given a value other than "(as written)"."""
        found: dict[str, str] = {}
        as_written = self.tr("(as written)")
        for word, combo in zip(self.words_in_file, self.combos, strict=True):
            text = combo.currentText().strip()
            data = combo.currentData()
            value = str(data) if data and combo.itemText(combo.currentIndex()) == text else text
            if value and value != as_written and value != word:
                found[normalise_header(word)] = value
        return found
