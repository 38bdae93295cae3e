"""The one column-mapping dialog of the monitoring imports: a row per column of the file with the
field it holds (or skipped), the remembered mapping or a guess preselected, the first rows of the
file, and OK only once every required field has a column. The tab gives the fields (value,
translated label, required); the dialog knows nothing of any one source."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

Target = tuple[str, str, bool]  # field, its label as shown, required


class ImportMappingDialog(QDialog):
    """Which field each column of the file holds; `mapping()` is {column: field}."""

    def __init__(
        self,
        file_name: str,
        header: Sequence[str],
        targets: Sequence[Target],
        mapping: dict[str, str],
        row_count: int,
        rows: Sequence[Sequence[str]] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importMappingDialog")
        self.setWindowTitle(self.tr("Columns of %1").replace("%1", file_name))
        self.header = list(header)
        self.targets = list(targets)
        info = QLabel(
            self.tr("%1: %2 row(s). Say which field each column holds; * marks a required one.")
            .replace("%1", file_name)
            .replace("%2", str(row_count))
        )
        info.setWordWrap(True)
        self.table = QTableWidget(len(self.header), 2)
        self.table.setObjectName("mapping")
        self.table.setHorizontalHeaderLabels([self.tr("Column"), self.tr("Field")])
        self.combos: list[QComboBox] = []
        for row, column in enumerate(self.header):
            self.table.setItem(row, 0, QTableWidgetItem(column))
            combo = QComboBox()
            combo.setObjectName(f"map:{column}")
            combo.addItem(self.tr("(skip)"), "")
            for value, label, required in self.targets:
                combo.addItem(label + (" *" if required else ""), value)
            combo.setCurrentIndex(max(0, combo.findData(mapping.get(column, ""))))
            combo.currentIndexChanged.connect(self._check)
            self.table.setCellWidget(row, 1, combo)
            self.combos.append(combo)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.resizeColumnToContents(0)
        self.preview = QTableWidget(len(rows), len(self.header))
        self.preview.setObjectName("preview")
        self.preview.setHorizontalHeaderLabels(self.header)
        for r, cells in enumerate(rows):
            for c, value in enumerate(list(cells)[: len(self.header)]):
                self.preview.setItem(r, c, QTableWidgetItem(value))
        self.preview.setVisible(bool(rows))
        self.hint = QLabel()
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert isinstance(ok, QPushButton)
        ok.setText(self.tr("Import"))
        self.ok_button = ok
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(info)
        layout.addWidget(self.table)
        layout.addWidget(self.preview)
        layout.addWidget(self.hint)
        layout.addWidget(buttons)
        self.resize(760, 520)
        self._check()

    def mapping(self) -> dict[str, str]:
        """{column: field} for the columns not skipped."""
        return {
            column: str(combo.currentData())
            for column, combo in zip(self.header, self.combos, strict=True)
            if combo.currentData()
        }

    def missing(self) -> list[str]:
        chosen = set(self.mapping().values())
        return [
            label for value, label, required in self.targets if required and value not in chosen
        ]

    def _check(self) -> None:
        missing = self.missing()
        self.hint.setText(
            self.tr("Choose a column for: %1").replace("%1", ", ".join(missing)) if missing else ""
        )
        self.ok_button.setEnabled(not missing)
