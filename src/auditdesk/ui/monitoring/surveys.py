"""The Surveys tab of the Monitoring panel: campaigns, typing in paper questionnaires,
importing responses (progress, cancel, the report of rows it could not read) and the results
per question with 95 % intervals, optionally compared with another period."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from auditdesk.domain.errors import AuditDeskError
from auditdesk.domain.forms.survey import SurveyForm
from auditdesk.domain.import_plan import MappingSpec
from auditdesk.domain.numbers import format_number
from auditdesk.domain.survey_results import (
    AGREE4_LABELS,
    QuestionComparison,
    QuestionResult,
    SurveyResults,
)
from auditdesk.services.access import Permission, allowed
from auditdesk.services.monitoring import surveys as svc
from auditdesk.services.monitoring.surveys import imports as survey_import
from auditdesk.ui.crash import show_error
from auditdesk.ui.errors import error_text
from auditdesk.ui.monitoring.import_mapping import ImportMappingDialog
from auditdesk.ui.monitoring.import_problems import ImportProblemsDialog
from auditdesk.ui.monitoring.panel import TabSpec
from auditdesk.ui.monitoring.surveys_dialogs import NewCampaignDialog, survey_targets
from auditdesk.ui.monitoring.surveys_entry import SurveyEntry
from auditdesk.ui.panels import PanelDeps
from auditdesk.ui.qdates import to_date, to_qdate
from auditdesk.ui.rows_model import ColumnsModel, RowsModel
from auditdesk.ui.states import EmptyState, show_no_access
from auditdesk.ui.table_view import TableView
from auditdesk.ui.tasks import Progress, busy_bar

# what the results page reads: the results, those of the compared period, the comparisons
Read = tuple[SurveyResults, SurveyResults | None, list[QuestionComparison]]


def _pct(value: float | None, language: str) -> str:
    if value is None:
        return "–"
    return format_number(value, 1, language)


@dataclass(frozen=True)
class ResultLine:
    block: str
    result: QuestionResult
    comparison: QuestionComparison | None = None


class ResultsModel(RowsModel[ResultLine]):
    def __init__(self, language: str = "pl") -> None:
        super().__init__()
        self.language = language
        self.compared = False

    def keys(self) -> list[str]:
        keys = ["block", "question", "n", "mean", "positive", "interval"]
        if self.compared:
            keys += ["positive_b", "difference"]
        return [*keys, "index", "answers"]

    def headers(self) -> list[str]:
        names = {
            "block": QCoreApplication.translate("SurveysTab", "Block"),
            "question": QCoreApplication.translate("SurveysTab", "Question"),
            "n": QCoreApplication.translate("SurveysTab", "n"),
            "mean": QCoreApplication.translate("SurveysTab", "Mean"),
            "positive": QCoreApplication.translate("SurveysTab", "Positive %"),
            "interval": QCoreApplication.translate("SurveysTab", "95% interval"),
            "positive_b": QCoreApplication.translate("SurveysTab", "Positive % (compared)"),
            "difference": QCoreApplication.translate("SurveysTab", "Difference"),
            "index": QCoreApplication.translate("SurveysTab", "Index"),
            "answers": QCoreApplication.translate("SurveysTab", "Answers"),
        }
        return [names[k] for k in self.keys()]

    def cell(self, row: ResultLine, column: int, role: int) -> Any:
        q = row.result
        lang = self.language
        key = self.keys()[column]
        if role == Qt.ItemDataRole.ForegroundRole and key == "difference" and row.comparison:
            if row.comparison.significant and row.comparison.test is not None:
                better = row.comparison.test.difference > 0
                return QBrush(QColor("#1b5e20" if better else "#b00020"))
            return None
        if role == Qt.ItemDataRole.ToolTipRole and key in ("question", "answers"):
            return q.question.text.get(lang) if key == "question" else self._answers(q)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        share = q.positive
        if key == "block":
            return row.block
        if key == "question":
            return q.question.text.get(lang)
        if key == "n":
            return str(q.n)
        if key == "mean":
            if q.mean is None:
                return ""
            return format_number(q.mean, 2, lang)
        if key == "positive":
            return "" if share is None else _pct(share.percent, lang)
        if key == "interval":
            interval = share.wilson() if share is not None else None
            if interval is None:
                return ""
            return f"{_pct(100 * interval[0], lang)} – {_pct(100 * interval[1], lang)}"
        if key == "index":
            return "" if q.index is None else _pct(q.index, lang)
        if key == "answers":
            return self._answers(q)
        if key == "positive_b" and row.comparison:
            other = row.comparison.b.positive
            return "" if other is None else _pct(other.percent, lang)
        if key == "difference" and row.comparison and row.comparison.test:
            diff = 100 * row.comparison.test.difference
            sign = "+" if diff > 0 else ""
            mark = " *" if row.comparison.significant else ""
            return f"{sign}{_pct(diff, lang)}{mark}"
        return None

    def _answers(self, q: QuestionResult) -> str:
        if q.question.type == "text":
            return " | ".join(q.texts[:5])
        if q.question.type == "agree4":
            idx = 0 if self.language == "pl" else 1
            return ", ".join(f"{AGREE4_LABELS[v][idx]}: {n}" for v, n in q.distribution.items())
        if q.question.type == "choice":
            labels = {o.value: o.label.get(self.language) for o in q.question.options}
            return ", ".join(f"{labels[v]}: {n}" for v, n in q.distribution.items())
        return "  ".join(f"{v}: {n}" for v, n in q.distribution.items())


class ResultsView(QWidget):
    """Filters (unit, period, an optional period to compare with) and the table per question."""

    def __init__(self, deps: PanelDeps, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.deps = deps
        self.language = deps.settings.language
        self.campaign: svc.CampaignRow | None = None
        self._asked = 0  # requests for results: only the latest one's are shown (issue 14)
        # an indeterminate bar while the results are being read
        self.busy = busy_bar("resultsBusy", self.tr("Reading the results"))
        self.unit = QComboBox()
        self.unit.setObjectName("resultsUnit")
        self.unit.setAccessibleName(self.tr("Unit"))
        self.start = QDateEdit()
        self.end = QDateEdit()
        self.compare = QCheckBox(self.tr("Compare with"))
        self.compare.setObjectName("compare")
        self.compare.toggled.connect(self._compare_toggled)
        self.b_start = QDateEdit()
        self.b_end = QDateEdit()
        self.start.setAccessibleName(self.tr("Period from"))
        self.end.setAccessibleName(self.tr("Period to"))
        self.b_start.setAccessibleName(self.tr("Compared period from"))
        self.b_end.setAccessibleName(self.tr("Compared period to"))
        for edit in (self.start, self.end, self.b_start, self.b_end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd.MM.yyyy")
        self.show_button = QPushButton(self.tr("Show (F5)"))
        self.show_button.clicked.connect(self.refresh)
        QShortcut(QKeySequence("F5"), self, self.refresh)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Unit")))
        filters.addWidget(self.unit)
        filters.addWidget(QLabel(self.tr("Period")))
        filters.addWidget(self.start)
        filters.addWidget(self.end)
        filters.addWidget(self.compare)
        filters.addWidget(self.b_start)
        filters.addWidget(self.b_end)
        filters.addWidget(self.show_button)
        filters.addStretch(1)
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.model = ResultsModel(self.language)
        self.table = TableView()
        self.table.setObjectName("results")
        self.table.setAccessibleName(self.tr("Results per question"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        note = QLabel(
            self.tr(
                "Positive: 4–5 on a 1–5 scale, tak or raczej tak on the four-point scale. "
                "Index: the mean mapped to 0–100. * marks a difference the two-proportion "
                "test finds significant (95%)."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.busy)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(note)

    def set_campaign(self, campaign: svc.CampaignRow, units: list[svc.UnitChoice]) -> None:
        self.campaign = campaign
        self.unit.clear()
        self.unit.addItem(self.tr("All units"), None)
        for u in units:
            self.unit.addItem(f"{u.code}  {u.name}", u.id)
        # the whole campaign; to compare, its first half is offered as the other period
        self.start.setDate(to_qdate(campaign.period_from))
        self.end.setDate(to_qdate(campaign.period_to))
        middle = campaign.period_from + (campaign.period_to - campaign.period_from) / 2
        self.b_start.setDate(to_qdate(campaign.period_from))
        self.b_end.setDate(to_qdate(middle))
        self.refresh()

    def _compare_toggled(self, on: bool) -> None:
        """Comparing the whole campaign with its first half says little: the period shown
        becomes the second half (unless the person chose other dates already)."""
        c = self.campaign
        if c is None or not on:
            return
        if to_date(self.start.date()) == c.period_from and to_date(self.end.date()) == c.period_to:
            self.start.setDate(self.b_end.date().addDays(1))

    def refresh(self) -> None:
        """Reads the results on a worker (issue 14: `results` held the GUI thread when the tab
        was first shown), the busy bar meanwhile; the latest request's results are shown, an
        earlier one's dropped; a failure is said in the summary line."""
        if self.campaign is None:
            return
        ctx = self.deps.context()
        query = svc.ResultsQuery(
            campaign_id=self.campaign.id,
            unit_id=self.unit.currentData(),
            date_from=to_date(self.start.date()),
            date_to=to_date(self.end.date()),
        )
        period = (to_date(self.start.date()), to_date(self.end.date()))
        other_period = (to_date(self.b_start.date()), to_date(self.b_end.date()))
        compare = self.compare.isChecked()
        self._asked += 1
        asked = self._asked
        self.busy.show()

        def work(_p: Progress) -> Read:
            if compare:
                return svc.compare_periods(ctx, query, period, other_period)
            return svc.results(ctx, query), None, []

        def done(read: Read) -> None:
            if asked == self._asked:
                self.busy.hide()
                self.show_results(*read)

        def failed(exc: BaseException, tb: str) -> None:
            if asked != self._asked:
                return
            self.busy.hide()
            if isinstance(exc, AuditDeskError):
                self.summary.setText(error_text(exc))
            else:
                show_error(self, exc, tb)

        self.deps.runner.submit(work, done, failed)

    def show_results(
        self,
        res: SurveyResults,
        other: SurveyResults | None,
        comparisons: list[QuestionComparison],
    ) -> None:
        by_id = {c.question_id: c for c in comparisons}
        lines = [
            ResultLine(block.title_in(self.language), q, by_id.get(q.question.id))
            for block in res.blocks
            for q in block.questions
        ]
        self.model.compared = other is not None
        self.model.set_rows(lines)
        text = self.tr("Responses: %1. Satisfaction index: %2.")
        text = text.replace("%1", str(res.responses)).replace("%2", _pct(res.index, self.language))
        blocks = [
            f"{b.title_in(self.language)} {_pct(b.index, self.language)}"
            for b in res.blocks
            if not b.profile
        ]
        text += " " + "; ".join(blocks) + "."
        if other is not None:
            text += " " + self.tr("Compared period: %1 responses, index %2.").replace(
                "%1", str(other.responses)
            ).replace("%2", _pct(other.index, self.language))
        self.summary.setText(text)
        self.table.resizeColumnsToContents()
        # the block is in the summary too, the question's full text in its tooltip
        self.table.setColumnWidth(0, min(self.table.columnWidth(0), 150))
        self.table.setColumnWidth(1, min(self.table.columnWidth(1), 340))


class SurveysTab(QWidget):
    def __init__(self, deps: PanelDeps, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("surveysTab")
        self.deps = deps
        self.language = deps.settings.language
        self.unit_choices: list[svc.UnitChoice] = []
        self.campaigns: ColumnsModel[svc.CampaignRow] = ColumnsModel(
            [
                (self.tr("Title"), lambda r: r.title),
                (self.tr("Unit"), lambda r: r.unit_code or self.tr("whole office")),
                (
                    self.tr("Period"),
                    lambda r: f"{r.period_from:%d.%m.%Y} – {r.period_to:%d.%m.%Y}",
                ),
                (self.tr("Responses"), lambda r: r.responses),
            ]
        )
        self.list = TableView()
        self.list.setObjectName("campaigns")
        self.list.setAccessibleName(self.tr("Survey campaigns"))
        self.list.setModel(self.campaigns)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.selectionModel().currentRowChanged.connect(lambda _c, _p: self.open_selected())
        self.new_button = QPushButton(self.tr("New campaign… (Ctrl+N)"))
        self.new_button.setObjectName("newCampaign")
        self.new_button.clicked.connect(self.new_campaign)
        self.import_button = QPushButton(self.tr("Import responses… (Ctrl+I)"))
        self.import_button.setObjectName("importResponses")
        self.import_button.clicked.connect(lambda: self.import_file())
        self.enter_button = QPushButton(self.tr("Type in questionnaires (Ctrl+E)"))
        self.enter_button.setObjectName("enter")
        self.enter_button.clicked.connect(self.start_entry)
        QShortcut(QKeySequence("Ctrl+N"), self, self.new_campaign)
        QShortcut(QKeySequence("Ctrl+I"), self, lambda: self.import_file())
        QShortcut(QKeySequence("Ctrl+E"), self, self.start_entry)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        # issue 15: the campaigns above the results, each as wide as the panel, so that on a
        # 1366×768 screen no column of either lies off-screen
        left = QWidget()
        left_layout = QHBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list, 1)
        buttons = QVBoxLayout()
        for button in (self.new_button, self.enter_button, self.import_button):
            buttons.addWidget(button)
        buttons.addWidget(self.message)
        buttons.addStretch(1)
        left_layout.addLayout(buttons)
        self.pages = QTabWidget()
        self.pages.setObjectName("surveyPages")
        self.results = ResultsView(deps)
        self.pages.addTab(self.results, self.tr("Results"))
        self.entry_holder = QWidget()
        QVBoxLayout(self.entry_holder).setContentsMargins(0, 0, 0, 0)
        self.pages.addTab(self.entry_holder, self.tr("Entry"))
        self.entry: SurveyEntry | None = None
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(left)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([160, 480])
        self.empty = EmptyState()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty)
        layout.addWidget(splitter)
        if not allowed(deps.context().actor, Permission.VIEW_SURVEYS):
            # one way to say it in every tab (ui.states), not an error under an empty list
            show_no_access(self, self.tr("the satisfaction surveys"), Permission.VIEW_SURVEYS)
            return
        self.reload()

    # --- campaigns --------------------------------------------------------------------------

    def can_manage(self) -> bool:
        return allowed(self.deps.context().actor, Permission.MANAGE_SURVEYS)

    def reload(self, select_id: int | None = None) -> None:
        ctx = self.deps.context()
        try:
            rows = svc.list_campaigns(ctx)
            self.unit_choices = svc.units(ctx)
        except AuditDeskError as exc:
            self.message.setText(error_text(exc))
            self.campaigns.set_rows([])
            for b in (self.new_button, self.enter_button, self.import_button):
                b.setEnabled(False)
            return
        manage = self.can_manage()
        for b in (self.new_button, self.enter_button, self.import_button):
            b.setEnabled(manage)
        current = select_id if select_id is not None else self.current_id()
        self.campaigns.set_rows(rows)
        # no campaign: say how to begin; the results and entry pages have nothing to show yet
        # (their period fields would show Qt's placeholder date)
        self.empty.show_if(
            not rows,
            self.tr(
                "create a survey campaign with New campaign (Ctrl+N), then import the "
                "responses (Ctrl+I) or type in the questionnaires (Ctrl+E)."
            )
            if manage
            else self.tr("HR creates the survey campaigns and adds their responses."),
        )
        self.pages.setVisible(bool(rows))
        self.list.resizeColumnsToContents()
        ids = [r.id for r in rows]
        if rows:
            self.list.selectRow(ids.index(current) if current in ids else 0)

    def current(self) -> svc.CampaignRow | None:
        index = self.list.currentIndex()
        return self.campaigns.row_at(index.row()) if index.isValid() else None

    def current_id(self) -> int | None:
        row = self.current()
        return row.id if row else None

    def open_selected(self) -> None:
        row = self.current()
        if row is None:
            return
        self.results.set_campaign(row, self.unit_choices)
        if self.entry is not None and self.entry.campaign.id != row.id:
            self.entry.deleteLater()
            self.entry = None

    def new_campaign(self) -> None:
        if not self.can_manage():
            return
        ctx = self.deps.context()
        dialog = NewCampaignDialog(
            svc.survey_forms(ctx), self.unit_choices, ctx.clock.today(), parent=self
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.create_campaign(dialog.value())

    def create_campaign(self, new: svc.NewCampaign) -> int | None:
        try:
            campaign_id = svc.create_campaign(self.deps.context(), new)
        except AuditDeskError as exc:
            show_error(self, exc)
            return None
        self.reload(campaign_id)
        return campaign_id

    # --- entry ------------------------------------------------------------------------------

    def start_entry(self) -> SurveyEntry | None:
        row = self.current()
        if row is None or not self.can_manage():
            return None
        if self.entry is None:
            try:
                _row, form = svc.get_campaign(self.deps.context(), row.id)
            except AuditDeskError as exc:
                show_error(self, exc)
                return None
            self.entry = SurveyEntry(self.deps.context, row, form, self.unit_choices, self.language)
            self.entry.saved.connect(lambda _id: self._after_save())
            layout = self.entry_holder.layout()
            assert layout is not None
            layout.addWidget(self.entry)
        self.pages.setCurrentWidget(self.entry_holder)
        self.entry.start()
        return self.entry

    def _after_save(self) -> None:
        row = self.current()
        if row is not None:
            self.results.set_campaign(row, self.unit_choices)

    # --- import -----------------------------------------------------------------------------

    def import_file(self, path: Path | None = None, mapping: dict[str, str] | None = None) -> None:
        """Asks for the file (unless given), shows the column mapping (unless given), then
        imports in the background with progress and Cancel."""
        row = self.current()
        if row is None or not self.can_manage():
            return
        if path is None:
            name, _filter = QFileDialog.getOpenFileName(
                self,
                self.tr("Import survey responses"),
                "",
                self.tr("Spreadsheets (*.csv *.xlsx);;All files (*)"),
            )
            if not name:
                return
            path = Path(name)
        ctx = self.deps.context()
        values: dict[str, dict[str, str]] = {}  # value words given in the dialog (issue 13)
        if mapping is None:
            try:
                shown = survey_import.preview(ctx, row.id, path)
                _row, form = svc.get_campaign(ctx, row.id)
            except AuditDeskError as exc:
                show_error(self, exc)
                return
            dialog = self.mapping_dialog(path, shown, form)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            mapping = dialog.mapping()
            values = dialog.values()
        chosen = mapping
        campaign_id = row.id
        spec = MappingSpec(values=values) if values else None

        def work(progress: Progress) -> survey_import.ImportReport:
            return survey_import.import_responses(
                ctx,
                campaign_id,
                path,
                chosen,
                progress=lambda d, t: progress.update(d, t),
                check=progress.check,
                spec=spec,
            )

        self.deps.runner.submit(
            work,
            self._imported,
            self._import_failed,
            title=self.tr("Importing survey responses…"),
            parent=self,
            on_cancel=lambda: self.message.setText(
                self.tr("Import cancelled; nothing was imported.")
            ),
        )

    def mapping_dialog(
        self, path: Path, shown: survey_import.Preview, form: SurveyForm
    ) -> ImportMappingDialog:
        """Every column of the file as mapped, left out on purpose or unknown; one named like
        a field keeps Import disabled until it is mapped or set to (skip) (issue 13)."""
        return ImportMappingDialog(
            path.name,
            shown.header,
            survey_targets(form, self.language),
            {},
            shown.row_count,
            shown.rows,
            self,
            columns=shown.mapping,
            encoding=shown.encoding if shown.encoding != "xlsx" else "XLSX",
            ignored=shown.ignored,
            looks_like=shown.looks_like,
            skipped=shown.skipped,
            distinct=shown.distinct,
            values=shown.values,
            choices=shown.choices,
            source="surveys",
        )

    def _imported(self, report: survey_import.ImportReport) -> None:
        text = self.tr("%1: %2 questionnaire(s) imported, %3 imported before.")
        self.message.setText(
            text.replace("%1", report.file)
            .replace("%2", str(report.added))
            .replace("%3", str(report.already))
            + " "
            + self.tr("%1 row(s) read: %2 linked to units, %3 dated from the file.")
            .replace("%1", str(report.rows))
            .replace("%2", str(report.linked))
            .replace("%3", str(report.dated))
        )
        self.reload()
        self.open_selected()

    def _import_failed(self, exc: BaseException, tb: str) -> None:
        if isinstance(exc, survey_import.ImportRejected):
            self.message.setText(error_text(exc.headline))
            self.problems = ImportProblemsDialog(
                error_text(exc.headline),
                [(p.line, p.column, p.value, error_text(p.message)) for p in exc.problems],
                self,
            )
            self.problems.open()
            return
        show_error(self, exc, tb)


def tab(deps: PanelDeps) -> TabSpec:
    return TabSpec(
        order=10,
        title=lambda: QCoreApplication.translate("SurveysTab", "Satisfaction surveys"),
        build=lambda: SurveysTab(deps),
    )
