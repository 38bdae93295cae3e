"""The periodic monitoring report, "Raport z monitorowania standardów obsługi klienta" (issue 17):
a PDF (summary page with the overview table and its lights, a section per method with what was
measured, how, the sample sizes, results with intervals, a chart, the changes since the previous
period and HR's conclusions) and the same figures as an XLSX workbook (a sheet per method, real
numbers and dates). Given plain data (no session, no Qt).

The anonymised edition is for publication or the staff: the report never carries names of
officials or case signatures, and there every figure from fewer than 5 records is suppressed.

Charts are drawn with reportlab.graphics, part of reportlab already used for protocols: no
further library, vector output, the DejaVu font embedded like the text."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from auditdesk.domain.numbers import format_number
from auditdesk.reports.formatting import number, percent
from auditdesk.reports.table_export import Cell, column_widths

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

SUPPRESS_BELOW = 5  # the anonymised edition hides figures from fewer records

Check = Callable[[], None]  # raises to cancel


@dataclass(frozen=True)
class ReportCell:
    value: float | None  # percent, or a count / mean score
    n: int
    interval: tuple[float, float] | None = None
    previous: float | None = None
    change: int = 0  # +1 / -1 significant after the correction
    target: str = ""  # "≥ 90"
    met: bool | None = None
    percent: bool = True


@dataclass(frozen=True)
class ReportRow:
    unit: str  # unit code, or the office
    unit_name: str
    cells: dict[str, ReportCell]
    overdue_cases: int = 0


@dataclass(frozen=True)
class Method:
    key: str
    title: str  # "Terminowość załatwiania spraw"
    how: str  # what was measured and how
    indicators: list[tuple[str, str]]  # (indicator key, column name)


@dataclass(frozen=True)
class ActionLine:
    """One improvement action of the register, for the annex."""

    unit: str  # unit code, "" office-wide
    method: str  # a key of ACTION_METHODS
    title: str
    reason: str
    source: str  # "audit #12"; left out of the anonymised edition
    owner: str  # left out of the anonymised edition
    due_on: date
    status: str  # a key of ACTION_STATUSES
    closed_on: date | None = None
    closing_note: str = ""
    overdue: bool = False
    value_before: float | None = None
    value_after: float | None = None


ACTION_METHODS = {
    "surveys": "badania satysfakcji",
    "complaints": "skargi i wnioski",
    "mystery": "tajemniczy klient",
    "appraisals": "oceny okresowe",
    "research": "badania dodatkowe",
    "cases": "terminowość spraw",
}
ACTION_STATUSES = {
    "open": "otwarte",
    "in_progress": "w toku",
    "done": "wykonane",
    "dropped": "zaniechane",
}


@dataclass
class ReportData:
    office: str
    period_from: date
    period_to: date
    previous_from: date
    previous_to: date
    made_on: date
    rows: list[ReportRow]
    methods: list[Method]
    correction: str  # "Holm"
    comparisons: int
    rules: list[str] = field(default_factory=list)  # the office's choices, named
    conclusions: dict[str, str] = field(default_factory=dict)  # method → HR's text
    anonymised: bool = False
    actions: list[ActionLine] = field(default_factory=list)  # the annex


def _fmt_day(day: date) -> str:
    return f"{day:%d.%m.%Y}"


def suppressed(cell: ReportCell, anonymised: bool) -> bool:
    return anonymised and 0 < cell.n < SUPPRESS_BELOW


def action_status_text(line: ActionLine) -> str:
    text = ACTION_STATUSES.get(line.status, line.status)
    if line.closed_on is not None:
        text += f" {_fmt_day(line.closed_on)}"
    if line.overdue:
        text += " — po terminie"
    return text


def action_effect_text(line: ActionLine) -> str:
    if line.value_before is None:
        return ""
    if line.value_after is None:
        return f"{one_decimal(line.value_before)} → ?"
    return f"{one_decimal(line.value_before)} → {one_decimal(line.value_after)}"


def one_decimal(value: float) -> str:
    """87.4 → "87,4": one decimal kept, as the report's figures are printed."""
    return format_number(value, 1, "pl")


def cell_text(cell: ReportCell, anonymised: bool) -> str:
    if cell.value is None or cell.n == 0:
        return "—"
    if suppressed(cell, anonymised):
        return f"n < {SUPPRESS_BELOW}"
    if not cell.percent:
        text = (
            number(cell.value, 0)
            if cell.interval is None and cell.value == cell.n
            else (f"{one_decimal(cell.value)} (n={cell.n})")
        )
    elif cell.interval is not None:
        low, high = cell.interval
        text = f"{percent(cell.value)} (n={cell.n}; {one_decimal(low)}–{one_decimal(high)})"
    else:
        text = f"{percent(cell.value)} (n={cell.n})"
    if cell.change:
        text += " ▲" if cell.change > 0 else " ▼"
    if cell.met is not None:
        text += f" · cel {cell.target}: {'osiągnięty ●' if cell.met else 'nieosiągnięty ○'}"
    return text


# --- PDF -----------------------------------------------------------------------------------------


def render_pdf(data: ReportData, check: Check | None = None) -> bytes:
    from reportlab.graphics.charts.barcharts import HorizontalBarChart
    from reportlab.graphics.shapes import Drawing, String
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import (
        PageBreak,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        Table,
        TableStyle,
    )

    from auditdesk.reports.fonts import register_fonts

    regular, bold = register_fonts()
    base = ParagraphStyle("base", fontName=regular, fontSize=9, leading=11.5)
    styles = {
        "title": ParagraphStyle("title", parent=base, fontName=bold, fontSize=16, leading=20),
        "h2": ParagraphStyle(
            "h2", parent=base, fontName=bold, fontSize=12, leading=15, spaceBefore=8, spaceAfter=4
        ),
        "cell": ParagraphStyle("cell", parent=base, fontSize=7.5, leading=9.5),
        "th": ParagraphStyle("th", parent=base, fontName=bold, fontSize=7.5, leading=9.5),
        "small": ParagraphStyle(
            "small", parent=base, fontSize=7.5, leading=9.5, textColor=colors.HexColor("#555555")
        ),
        "centre": ParagraphStyle("centre", parent=base, alignment=TA_CENTER),
    }
    story: list[object] = []
    edition = " — wydanie zanonimizowane" if data.anonymised else ""
    story.append(
        Paragraph("Raport z monitorowania standardów obsługi klienta" + edition, styles["title"])
    )
    story.append(
        Paragraph(
            f"{data.office}. Okres {_fmt_day(data.period_from)} – {_fmt_day(data.period_to)}, "
            f"porównany z okresem {_fmt_day(data.previous_from)} – {_fmt_day(data.previous_to)}. "
            f"Sporządzono {_fmt_day(data.made_on)}.",
            base,
        )
    )
    story.append(Spacer(1, 4 * mm))

    def table(columns: list[tuple[str, str]]) -> Table:
        head = [Paragraph("Komórka", styles["th"])] + [
            Paragraph(name, styles["th"]) for _key, name in columns
        ]
        body = []
        lights = []
        for r, row in enumerate(data.rows, start=1):
            line = [Paragraph(row.unit, styles["cell"])]
            for c, (key, _name) in enumerate(columns, start=1):
                cell = row.cells.get(key, ReportCell(None, 0))
                line.append(Paragraph(escape(cell_text(cell, data.anonymised)), styles["cell"]))
                if cell.met is not None and not suppressed(cell, data.anonymised):
                    lights.append((c, r, cell.met))
            body.append(line)
        width = (landscape(A4)[0] - 30 * mm - 22 * mm) / max(1, len(columns))
        t = Table([head, *body], colWidths=[22 * mm] + [width] * len(columns), repeatRows=1)
        style = [
            ("GRID", (0, 0), (-1, -1), 0.3, colors.HexColor("#999999")),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ]
        for c, r, met in lights:  # colour repeats the words ●/○
            style.append(
                ("BACKGROUND", (c, r), (c, r), colors.HexColor("#d9f2d9" if met else "#f8d7d7"))
            )
        t.setStyle(TableStyle(style))
        return t

    every = [pair for method in data.methods for pair in method.indicators]
    story.append(Paragraph("Podsumowanie", styles["h2"]))
    story.append(table(every))
    story.append(Spacer(1, 2 * mm))
    story.append(
        Paragraph(
            f"Odsetki z liczebnością próby n i 95-procentowym przedziałem ufności (Wilson). ▲/▼: "
            f"zmiana względem poprzedniego okresu istotna po poprawce {data.correction} na "
            f"wszystkie porównania ({data.comparisons}). ● cel osiągnięty, ○ cel nieosiągnięty."
            + (f" Liczby z mniej niż {SUPPRESS_BELOW} spraw ukryto." if data.anonymised else ""),
            styles["small"],
        )
    )
    for rule in data.rules:
        story.append(Paragraph(rule, styles["small"]))
    for method in data.methods:
        if check is not None:
            check()
        story.append(PageBreak())
        story.append(Paragraph(method.title, styles["h2"]))
        story.append(Paragraph(method.how, base))
        story.append(Spacer(1, 3 * mm))
        story.append(table(method.indicators))
        key = next(
            (
                k
                for k, _n in method.indicators
                if data.rows and data.rows[0].cells.get(k, ReportCell(None, 0)).percent
            ),
            None,
        )
        if key is not None:
            units = [
                r
                for r in data.rows[1:]
                if r.cells.get(key) is not None
                and r.cells[key].value is not None
                and not suppressed(r.cells[key], data.anonymised)
            ]
            if units:
                drawing = Drawing(170 * mm, 12 * mm + 7 * mm * len(units))
                chart = HorizontalBarChart()
                chart.x, chart.y = 30 * mm, 6 * mm
                chart.width, chart.height = 130 * mm, 7 * mm * len(units)
                chart.data = [[r.cells[key].value or 0.0 for r in units]]
                chart.categoryAxis.categoryNames = [r.unit for r in units]
                chart.categoryAxis.labels.fontName = regular
                chart.valueAxis.labels.fontName = regular
                chart.valueAxis.valueMin, chart.valueAxis.valueMax = 0, 100
                chart.bars[0].fillColor = colors.HexColor("#4a7ab5")
                drawing.add(chart)
                name = dict(method.indicators)[key]
                drawing.add(String(0, 0, f"{name} (%)", fontName=regular, fontSize=7))
                story.append(Spacer(1, 3 * mm))
                story.append(drawing)
        text = data.conclusions.get(method.key, "").strip()
        story.append(Paragraph("Wnioski i rekomendacje", styles["h2"]))
        story.append(Paragraph(text or "Nie wpisano wniosków.", base))
    story.append(PageBreak())
    story.append(Paragraph("Załącznik: działania doskonalące", styles["h2"]))
    if not data.actions:
        story.append(Paragraph("W rejestrze nie ma działań z tego okresu.", base))
    else:
        head = ["Komórka", "Metoda", "Działanie (przyczyna)", "Termin", "Status", "Efekt"]
        if not data.anonymised:
            head[3:3] = ["Odpowiedzialny", "Źródło"]
        rows: list[list[object]] = [[Paragraph(h, styles["th"]) for h in head]]
        for line in data.actions:
            what = escape(line.title) + (
                f" <i>({escape(line.reason)})</i>" if line.reason.strip() else ""
            )
            if line.closing_note:
                what += "<br/>Zamknięcie: " + escape(line.closing_note)
            values = [
                escape(line.unit or "cały urząd"),
                escape(ACTION_METHODS.get(line.method, line.method)),
                what,
                _fmt_day(line.due_on),
                escape(action_status_text(line)),
                escape(action_effect_text(line)),
            ]
            if not data.anonymised:
                values[3:3] = [escape(line.owner), escape(line.source)]
            rows.append([Paragraph(v, styles["cell"]) for v in values])
        widths = [20, 28, 95, 20, 30, 24] if data.anonymised else [18, 25, 80, 32, 25, 18, 26, 20]
        annex = Table(rows, colWidths=[w * mm for w in widths], repeatRows=1)
        annex.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.3, colors.HexColor("#999999")),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        story.append(annex)
        late = sum(1 for line in data.actions if line.overdue)
        story.append(Spacer(1, 2 * mm))
        story.append(
            Paragraph(
                f"Działań: {len(data.actions)}, w tym po terminie: {late}. Efekt: wartość "
                "wskaźnika przed działaniem i po nim."
                + (" Bez nazwisk odpowiedzialnych i oznaczeń spraw." if data.anonymised else ""),
                styles["small"],
            )
        )
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=landscape(A4),
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=15 * mm,
        bottomMargin=15 * mm,
        title="Raport z monitorowania standardów obsługi klienta",
        author=data.office,
    )
    doc.build(story)
    return buffer.getvalue()


# --- XLSX ----------------------------------------------------------------------------------------


def fit_columns(sheet: Worksheet, rows: list[tuple[Cell, ...]]) -> None:
    """Each column of `sheet` as wide as its longest text in `rows` (the first one the header),
    with room for a date: at openpyxl's default width LibreOffice printed the report's dates as
    "###" and cut the indicators' names."""
    from openpyxl.utils import get_column_letter

    if not rows:
        return
    width = max(len(r) for r in rows)
    header = [v if isinstance(v, str) else "" for v in rows[0]]
    header += [""] * (width - len(header))
    for i, size in enumerate(column_widths(header, rows[1:]), 1):
        sheet.column_dimensions[get_column_letter(i)].width = size


def write_xlsx(data: ReportData, path: Path) -> None:
    """A sheet per method: a row per unit, per indicator its value (a number: a fraction shown
    as a percentage), n, the interval's ends and the previous period; dates are dates."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    info = book.active
    assert info is not None
    info.title = "Raport"
    info.append(["Raport z monitorowania standardów obsługi klienta"])
    info.append(["Urząd", data.office])
    info.append(["Okres od", data.period_from])
    info.append(["Okres do", data.period_to])
    info.append(["Poprzedni okres od", data.previous_from])
    info.append(["Poprzedni okres do", data.previous_to])
    info.append(["Sporządzono", data.made_on])
    info.append(["Wydanie", "zanonimizowane" if data.anonymised else "pełne"])
    for row in info.iter_rows(min_row=3, max_row=7, min_col=2, max_col=2):
        row[0].number_format = "DD.MM.YYYY"
    info["A1"].font = Font(bold=True)
    fit_columns(info, list(info.iter_rows(min_row=2, values_only=True)))
    for rule in data.rules:  # long lines: they run on over the empty cells to their right
        info.append([rule])
    for method in data.methods:
        sheet = book.create_sheet(method.title[:31])
        head = ["Komórka", "Nazwa"]
        for _key, name in method.indicators:
            head += [name, "n", "przedział od", "przedział do", "poprzedni okres", "zmiana"]
        sheet.append(head)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in data.rows:
            line: list[object] = [row.unit, "" if data.anonymised else row.unit_name]
            for key, _name in method.indicators:
                c = row.cells.get(key, ReportCell(None, 0))
                if c.value is None or suppressed(c, data.anonymised):
                    line += [
                        None,
                        None if suppressed(c, data.anonymised) else c.n,
                        None,
                        None,
                        None,
                        None,
                    ]
                    continue
                scale = 100.0 if c.percent else 1.0
                line += [
                    c.value / scale,
                    c.n,
                    None if c.interval is None else c.interval[0] / scale,
                    None if c.interval is None else c.interval[1] / scale,
                    None if c.previous is None else c.previous / scale,
                    c.change,
                ]
            sheet.append(line)
        fit_columns(sheet, list(sheet.iter_rows(values_only=True)))
        for col, (key, _name) in enumerate(method.indicators):
            percent = bool(data.rows) and data.rows[0].cells.get(key, ReportCell(None, 0)).percent
            for offset in (0, 2, 3, 4):
                letter_index = 3 + 6 * col + offset
                for (cell,) in sheet.iter_rows(
                    min_row=2, min_col=letter_index, max_col=letter_index
                ):
                    cell.number_format = "0.0%" if percent else "0.0"
    sheet = book.create_sheet("Działania")
    head = ["Komórka", "Metoda", "Działanie", "Przyczyna"]
    if not data.anonymised:
        head += ["Odpowiedzialny", "Źródło"]
    head += ["Termin", "Status", "Zamknięto", "Po terminie", "Przed", "Po", "Notatka zamknięcia"]
    sheet.append(head)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for action in data.actions:
        cells: list[object] = [
            action.unit,
            ACTION_METHODS.get(action.method, action.method),
            action.title,
            action.reason,
        ]
        if not data.anonymised:
            cells += [action.owner, action.source]
        cells += [
            action.due_on,
            ACTION_STATUSES.get(action.status, action.status),
            action.closed_on,
            action.overdue,
            action.value_before,
            action.value_after,
            action.closing_note,
        ]
        sheet.append(cells)
    fit_columns(sheet, list(sheet.iter_rows(values_only=True)))
    due_col = 5 if data.anonymised else 7
    for column in (due_col, due_col + 2):
        for (cell,) in sheet.iter_rows(min_row=2, min_col=column, max_col=column):
            cell.number_format = "DD.MM.YYYY"
    book.save(path)
