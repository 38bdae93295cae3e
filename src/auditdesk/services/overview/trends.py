"""The figures behind the overview's charts (issue 17): each indicator month by month per unit
(and for the office), the same grouped aggregates the overview reads, and the mystery client's
share of points per area (behaviour, manner of service, case handling, final outcome) per unit.
Plain data: the window draws it and shows the same numbers as a table."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select

from auditdesk.services.access import Permission, require
from auditdesk.services.context import AppContext
from auditdesk.services.overview.figures import (
    INDICATORS,
    OFFICE_RESEARCH,
    PROPORTIONS,
    Period,
    _figures,
    _total,
    period_of,
)
from auditdesk.services.overview.sources.common import day_start
from auditdesk.services.unit_scope import visible_unit_ids
from auditdesk.store.models import Audit, OrgUnit

# the mystery-client forms' four areas (section ids shared by the visit, phone and e-mail forms)
AREAS = ("zachowanie", "sposob_obslugi", "zalatwienie_sprawy", "rezultat")
MAX_MONTHS = 36


@dataclass(frozen=True)
class Series:
    unit_id: int | None  # None: the whole office
    unit_code: str
    values: list[float | None]  # one per month; None: nothing measured that month
    counts: list[int]  # the n behind each value


@dataclass(frozen=True)
class Trend:
    indicator: str
    months: list[Period]
    series: list[Series]  # the office first, then the units by code


@dataclass(frozen=True)
class AreaScores:
    unit_id: int | None
    unit_code: str
    percent: dict[str, float | None]  # area → points earned of possible, in percent
    audits: int


def months_up_to(end: date, months: int) -> list[Period]:
    """The `months` calendar months ending with the one holding `end`, oldest first."""
    if not 1 <= months <= MAX_MONTHS:
        raise ValueError(f"months must be 1 to {MAX_MONTHS}, not {months}")
    out = [period_of("month", end)]
    while len(out) < months:
        out.insert(0, period_of("month", out[0].start - timedelta(days=1)))
    return out


def _value(key: str, figure: tuple[float, float] | None) -> tuple[float | None, int]:
    if figure is None:
        return None, 0
    value, n = figure
    if not n:
        return None, 0
    if key in PROPORTIONS:
        return 100.0 * value / n, int(n)
    return float(value), int(n)


def trend(ctx: AppContext, indicator: str, end: date, months: int = 12) -> Trend:
    """The indicator month by month up to the month of `end`, per visible unit and the office."""
    require(ctx.actor, Permission.VIEW_CASES)
    if indicator not in INDICATORS:
        raise ValueError(f"unknown indicator {indicator!r}")
    periods = months_up_to(end, months)
    with ctx.db.session() as s:
        units = visible_unit_ids(s, ctx.actor)
        per_month = [_figures(s, p, units) for p in periods]
        codes = {uid: code for uid, code in s.execute(select(OrgUnit.id, OrgUnit.code))}
    ids = sorted(
        {
            uid
            for month in per_month
            for uid, f in month.items()
            if indicator in f and uid != OFFICE_RESEARCH
        },
        key=lambda uid: codes.get(uid, ""),
    )
    office = [_value(indicator, _total(month).get(indicator)) for month in per_month]
    series = [Series(None, "", [v for v, _n in office], [n for _v, n in office])]
    for uid in ids:
        points = [_value(indicator, month.get(uid, {}).get(indicator)) for month in per_month]
        series.append(
            Series(uid, codes.get(uid, ""), [v for v, _n in points], [n for _v, n in points])
        )
    return Trend(indicator, periods, series)


def mystery_areas(ctx: AppContext, period: Period) -> list[AreaScores]:
    """Per unit (the office first) the share of points earned in each area over the completed
    audits of the period: the sums of each audit's section points, so a bigger form weighs as
    it scored."""
    require(ctx.actor, Permission.VIEW_CASES)
    sums: dict[int | None, dict[str, list[float]]] = {}
    counts: dict[int | None, int] = {}
    with ctx.db.session() as s:
        units = visible_unit_ids(s, ctx.actor)
        stmt = select(Audit.unit_id, Audit.section_scores_json).where(
            Audit.status.in_(("completed", "signed")),
            Audit.superseded.is_(False),
            Audit.visited_at >= day_start(period.start),
            Audit.visited_at < day_start(period.end + timedelta(days=1)),
        )
        if units is not None:
            stmt = stmt.where(Audit.unit_id.in_(units))
        for unit_id, text in s.execute(stmt):
            for key in (None, int(unit_id)):
                counts[key] = counts.get(key, 0) + 1
                bucket = sums.setdefault(key, {})
                for section, earned, possible, _zeroed in json.loads(text or "[]"):
                    if section in AREAS:
                        got = bucket.setdefault(section, [0.0, 0.0])
                        got[0] += float(earned)
                        got[1] += float(possible)
        codes = {uid: code for uid, code in s.execute(select(OrgUnit.id, OrgUnit.code))}
    out: list[AreaScores] = []
    keys: list[int | None] = [
        None,
        *sorted((k for k in sums if k is not None), key=lambda k: codes.get(k, "")),
    ]
    for key in keys:
        if key not in sums:
            continue
        bucket = sums[key]
        percent = {
            area: (100.0 * bucket[area][0] / bucket[area][1])
            if area in bucket and bucket[area][1]
            else None
            for area in AREAS
        }
        out.append(AreaScores(key, codes.get(key, "") if key else "", percent, counts[key]))
    return out
