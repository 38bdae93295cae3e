"""The periodic monitoring report from the overview's figures (issue 17): the PDF and the XLSX
workbook, full or anonymised, for the office or one unit, with HR's conclusions per method and
the office's own choices (what "without delay" counts as) named."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from sqlalchemy import select

from auditdesk.domain.errors import ValidationFailed
from auditdesk.reports.monitoring_report import (
    ActionLine,
    Method,
    ReportCell,
    ReportData,
    ReportRow,
)
from auditdesk.services import trail
from auditdesk.services.access import Permission, require
from auditdesk.services.context import AppContext
from auditdesk.services.monitoring.cases.rules import load_rules
from auditdesk.services.overview.actions import ActionRow, actions
from auditdesk.services.overview.figures import INDICATORS, Overview, Period, overview
from auditdesk.store.base import utcnow
from auditdesk.store.models import Office, OfficeSetting

METHODS: list[tuple[str, str, str, list[tuple[str, str]]]] = [
    (
        "cases",
        "Terminowość załatwiania spraw",
        "Sprawy z rejestru EZD zakończone w okresie; termin według art. 35–37 i 57 k.p.a. "
        "Sprawy bez kategorii i terminu oraz zawieszone bez dat liczone osobno (bez oceny).",
        [("timeliness", "Sprawy w terminie")],
    ),
    (
        "complaints",
        "Skargi, wnioski i zażalenia",
        "Wpływy w okresie; terminy art. 237, 244 i 35 § 4 w zw. z art. 144 k.p.a., nowy termin "
        "zawiadomiony według art. 36. Zasadne: zasadne i częściowo zasadne wśród rozpatrzonych.",
        [
            ("complaints_count", "Liczba"),
            ("complaints_on_time", "Załatwione w terminie"),
            ("complaints_justified", "Zasadne"),
        ],
    ),
    (
        "mystery",
        "Tajemniczy klient",
        "Zakończone audyty (wizyta, telefon, e-mail) w okresie, bez zastąpionych korektą: "
        "odsetek audytów zaliczonych i średni wynik punktowy.",
        [("mystery_passed", "Audyty zaliczone"), ("mystery_score", "Średni wynik (%)")],
    ),
    (
        "appraisals",
        "Oceny okresowe",
        "Aktywni pracownicy z oceną sporządzoną w ciągu 24 miesięcy przed końcem okresu.",
        [("appraisals_current", "Z aktualną oceną")],
    ),
    (
        "surveys",
        "Badania satysfakcji",
        "Ankiety wypełnione w okresie (wszystkie kampanie): indeks satysfakcji 0–100 (średnia "
        "odpowiedzi na pytania oceniane, przeliczona na 0–100) i odsetek odpowiedzi pozytywnych "
        "(powyżej środka skali, najwyżej dwie najlepsze).",
        [
            ("surveys_index", "Indeks (0–100)"),
            ("surveys_positive", "Odpowiedzi pozytywne"),
        ],
    ),
    (
        "research",
        "Badania dodatkowe",
        "Badania (wywiady, grupy fokusowe, obserwacje) przeprowadzone w okresie i działania z "
        "ich rekomendacji: odsetek wykonanych do końca okresu.",
        [
            ("research_studies", "Badania"),
            ("research_actions_done", "Działania wykonane"),
        ],
    ),
]
NOT_PERCENT = ("complaints_count", "surveys_index", "research_studies")
CONCLUSIONS_KEY = "report.conclusions:{start}:{end}"
Check = Callable[[], None]


def _key(period: Period) -> str:
    return CONCLUSIONS_KEY.format(start=period.start.isoformat(), end=period.end.isoformat())


def conclusions(ctx: AppContext, period: Period) -> dict[str, str]:
    require(ctx.actor, Permission.VIEW_CASES)
    with ctx.db.session() as s:
        row = s.get(OfficeSetting, _key(period))
        return {} if row is None else {str(k): str(v) for k, v in row.value.items()}


def save_conclusions(ctx: AppContext, period: Period, method: str, text: str) -> None:
    """HR's conclusions and recommendations for one method of the period's report."""
    require(ctx.actor, Permission.MANAGE_CASES)
    if method not in {m[0] for m in METHODS}:
        raise ValidationFailed("no method {method!r} in the report", method=method)
    with ctx.db.session() as s:
        row = s.get(OfficeSetting, _key(period))
        before = None if row is None else dict(row.value)
        value = dict(before or {})
        value[method] = text.strip()
        if row is None:
            row = OfficeSetting(key=_key(period), value=value)
            s.add(row)
        row.value, row.updated_by, row.updated_at = value, ctx.actor.login, utcnow()
        trail.record(s, ctx.actor, "update", "office_setting", _key(period), before, value)


def _row(row_unit: str, name: str, cells: dict[str, ReportCell], overdue: int) -> ReportRow:
    return ReportRow(row_unit, name, cells, overdue)


def period_actions(ctx: AppContext, period: Period, unit: str | None = None) -> list[ActionRow]:
    """The register's actions that concern the period: not closed before it started, and not
    born from a later period; one unit's (with the office-wide ones) when a unit is given."""
    found = []
    for row in actions(ctx):
        if row.closed_on is not None and row.closed_on < period.start:
            continue
        if row.period_from is not None and row.period_from > period.end:
            continue
        if unit and row.unit_code and row.unit_code.upper() != unit.upper():
            continue
        found.append(row)
    return found


def _line(row: ActionRow) -> ActionLine:
    return ActionLine(
        row.unit_code,
        row.method,
        row.title,
        row.reason,
        row.source,
        row.owner,
        row.due_on,
        row.status,
        row.closed_on,
        row.closing_note,
        row.overdue,
        row.value_before,
        row.value_after,
    )


def report_data(
    ctx: AppContext,
    period: Period,
    *,
    unit: str | None = None,
    anonymised: bool = False,
    result: Overview | None = None,
) -> ReportData:
    result = result or overview(ctx, period)
    rows = []
    for r in result.rows:
        if unit and r.unit_code.upper() != unit.upper():
            continue
        cells = {
            key: ReportCell(
                c.value,
                c.n,
                c.interval,
                c.previous,
                c.change,
                c.target.text if c.target else "",
                c.target_met,
                key not in NOT_PERCENT,
            )
            for key, c in r.cells.items()
        }
        label = "Cały urząd" if r.unit_id is None else r.unit_code
        rows.append(_row(label, r.unit_name, cells, r.overdue_cases))
    if unit and not rows:
        raise ValidationFailed(
            "unit {unit} has no figures in the period or is not yours to see", unit=unit
        )
    with ctx.db.session() as s:
        office = s.scalar(select(Office.name).order_by(Office.id).limit(1)) or ""
        rules = load_rules(s)
    assert set(k for m in METHODS for k, _n in m[3]) == set(INDICATORS)
    return ReportData(
        office=office,
        period_from=period.start,
        period_to=period.end,
        previous_from=result.previous.start,
        previous_to=result.previous.end,
        made_on=ctx.clock.today(),
        rows=rows,
        methods=[Method(k, t, h, i) for k, t, h, i in METHODS],
        correction="Holma" if result.correction == "holm" else "Benjaminiego–Hochberga",
        comparisons=result.comparisons,
        rules=[
            "Ustawienie urzędu: sprawę „bez zwłoki” (art. 35 § 2 k.p.a.) uznaje się za "
            f"załatwioną w terminie, gdy załatwiono ją w ciągu {rules.without_delay_days} "
            "dnia (dni) od wszczęcia (ostatni dzień przypadający na sobotę lub święto "
            "przesuwa się na następny dzień roboczy, art. 57 § 5)."
        ],
        conclusions=conclusions(ctx, period),
        anonymised=anonymised,
        actions=[_line(row) for row in period_actions(ctx, period, unit)],
    )


def write_report(
    ctx: AppContext,
    period: Period,
    out: Path,
    *,
    unit: str | None = None,
    anonymised: bool = False,
    check: Check | None = None,
) -> Path:
    """Writes the PDF (.pdf) or the workbook (.xlsx) named by `out`'s suffix."""
    from auditdesk.reports.monitoring_report import render_pdf, write_xlsx

    suffix = out.suffix.lower()
    if suffix not in (".pdf", ".xlsx"):
        raise ValidationFailed("{path}: the report is a .pdf or an .xlsx file", path=str(out))
    if period.end < period.start:
        raise ValidationFailed(
            "the period ends ({end}) before it starts ({start})",
            end=f"{period.end:%d.%m.%Y}",
            start=f"{period.start:%d.%m.%Y}",
        )
    data = report_data(ctx, period, unit=unit, anonymised=anonymised)
    if check is not None:
        check()
    tmp = out.with_name(out.name + ".part")
    if suffix == ".pdf":
        tmp.write_bytes(render_pdf(data, check))
    else:
        write_xlsx(data, tmp)
    tmp.replace(out)
    return out


def period_between(start: date, end: date) -> Period:
    return Period(start, end)
