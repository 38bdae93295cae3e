"""Planning a mystery-client programme (issue 18): how many visits each unit needs, when, and
by whom. Pure functions; every choice carries a reason a person can read.

- **Sample size for a proportion** (Cochran): n0 = z² p(1−p) / e², rounded up; with the
  finite-population correction n = n0 / (1 + (n0 − 1) / N) where the unit's client traffic N is
  known (the same formula as Krejcie & Morgan's table: N = 1000 gives 278 at ±5 points, 95 %).
  The planning value p is last period's share of visits meeting the standard, held within
  [0.1, 0.9] (a perfect result from few visits says little); without one, p = 0.5 (the most
  visits).
- **Allocation of a budget**: proportional to traffic, or Neyman (n_h ∝ N_h·S_h with
  S_h = √(p_h(1−p_h)) from last period); whole visits by the largest-remainder method, so the
  total is exactly the budget, each unit at least one visit while the budget allows.
- **Precision each unit gets**: the half-width z·√(p(1−p)/n · (N−n)/(N−1)).
- **Schedule**, seeded: each unit's visits of one channel fall in different weeks ("no two
  visits to one desk in a week"), spread over the period (one visit per stratum of weeks),
  on the unit's least-visited open weekday of that week, at a time inside its opening hours,
  never on a Saturday, Sunday or Polish public holiday (`domain.periods`, the KPA calendar).
- **Assignment** to auditors: weekly capacity, never their own unit or one they worked in,
  an auditor new to the unit first (so no official meets the same auditor twice in a period),
  the least loaded next; scenarios rotated so a unit never hears the same case twice running.
"""

from __future__ import annotations

import math
import random
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from statistics import NormalDist

from auditdesk.domain.errors import ValidationFailed
from auditdesk.domain.periods import fmt, holiday_name

P_LOW, P_HIGH = 0.1, 0.9
"""The planning value is held within these bounds (a result of 100 % from last period's handful
of visits would otherwise call for no visits at all)."""

VISIT_MINUTES = 30
"""How long a visit (or call) is planned to take: it must end inside the opening hours."""

SLOT_MINUTES = 15
"""Visit times are on a quarter-hour grid."""

AUDITOR_GAP = timedelta(minutes=90)
"""An auditor's two visits are at least this far apart (travel, notes)."""

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAY_NAMES_PL = ("poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela")


class Said(str):
    """A reason in English (the string itself: the command line, the log, the tests) with its
    Polish (`pl`, the window's default language), as `domain.periods.ComputedDate` says its
    rule in both."""

    pl: str

    def __new__(cls, en: str, pl: str) -> Said:
        obj = super().__new__(cls, en)
        obj.pl = pl
        return obj

    def then(self, other: Said) -> Said:
        """This sentence followed by another, in both languages."""
        return Said(str(self) + str(other), self.pl + other.pl)


def as_said(text: str) -> Said:
    """A reason as Said (a plain string stands for itself in both languages)."""
    return text if isinstance(text, Said) else Said(text, text)


def polish(text: str) -> str:
    """The Polish of a reason (the English when it has none)."""
    return text.pl if isinstance(text, Said) else text


def _dec(text: str) -> str:
    """A number written the Polish way: a decimal comma."""
    return text.replace(".", ",")


# --- sample size and precision -------------------------------------------------------------


def z_value(confidence: float) -> float:
    """The two-sided normal quantile for a confidence level (0.95 gives 1.95996…)."""
    if not 0.5 <= confidence < 1:
        raise ValidationFailed(
            "confidence {confidence} is outside 0.5–0.999; give it as a fraction, e.g. 0.95",
            confidence=confidence,
        )
    return NormalDist().inv_cdf(0.5 + confidence / 2)


def planning_value(last: float | None) -> tuple[float, Said]:
    """The planning proportion and why: last period's result held within [0.1, 0.9], or 0.5."""
    if last is None:
        return 0.5, Said(
            "no result from last period: p = 0.5 (the most visits)",
            "brak wyniku z poprzedniego okresu: p = 0,5 (najwięcej wizyt)",
        )
    if not 0 <= last <= 1:
        raise ValidationFailed(
            "last period's result {value} is not a fraction between 0 and 1", value=last
        )
    held = min(P_HIGH, max(P_LOW, last))
    if held != last:
        return held, Said(
            f"last period {last:.0%}, held at {held:.0%} (a planning value stays 10–90 %)",
            f"poprzedni okres {last:.0%}, przyjęto {held:.0%} "
            f"(wartość planistyczna mieści się w 10–90 %)",
        )
    return held, Said(
        f"last period's result: p = {held:.2f}",
        f"wynik poprzedniego okresu: p = {_dec(f'{held:.2f}')}",
    )


@dataclass(frozen=True)
class SampleSize:
    n: int  # visits needed
    n0: float  # before the finite-population correction
    reason: str


def sample_size(
    margin: float,
    confidence: float = 0.95,
    p: float = 0.5,
    population: int | None = None,
) -> SampleSize:
    """Visits needed for a proportion within ±`margin` (a fraction: 0.05 is ±5 points) at the
    confidence level, planning value `p`, with the finite-population correction when the
    unit's traffic `population` is known. At least 1 and never more than the population."""
    if not 0 < margin < 1:
        raise ValidationFailed(
            "margin {margin} is outside 0–1; give it as a fraction, e.g. 0.1 for ±10 points",
            margin=margin,
        )
    if not 0 < p < 1:
        raise ValidationFailed("planning value {p} must lie strictly between 0 and 1", p=p)
    z = z_value(confidence)
    n0 = z * z * p * (1 - p) / (margin * margin)
    formula = f"n0 = z²·p(1−p)/e² = {z:.3f}²·{p:.2f}·{1 - p:.2f}/{margin:.3f}² = {n0:.1f}"
    if population is None:
        n = max(1, math.ceil(n0 - 1e-9))
        return SampleSize(
            n,
            n0,
            Said(
                f"{formula}, rounded up to {n} (traffic unknown: no correction)",
                f"{_dec(formula)}, w górę do {n} (liczba klientów nieznana: bez poprawki)",
            ),
        )
    if population < 1:
        raise ValidationFailed("traffic {population} must be at least 1", population=population)
    corrected = n0 / (1 + (n0 - 1) / population)
    n = min(population, max(1, math.ceil(corrected - 1e-9)))
    return SampleSize(
        n,
        n0,
        Said(
            f"{formula}; finite-population correction for {population} clients: "
            f"n0/(1+(n0−1)/N) = {corrected:.1f}, rounded up to {n}",
            f"{_dec(formula)}; poprawka na skończoną populację {population} klientów: "
            f"n0/(1+(n0−1)/N) = {_dec(f'{corrected:.1f}')}, w górę do {n}",
        ),
    )


def achieved_margin(
    n: int, confidence: float = 0.95, p: float = 0.5, population: int | None = None
) -> float | None:
    """The half-width (a fraction) a result from `n` visits will have; None for no visits."""
    if n <= 0:
        return None
    z = z_value(confidence)
    fpc = 1.0
    if population is not None and n >= population:
        return 0.0  # every client of the period: no sampling error
    if population is not None and population > 1:
        fpc = max(0.0, (population - n) / (population - 1))
    return z * math.sqrt(p * (1 - p) / n * fpc)


# --- allocation ----------------------------------------------------------------------------


@dataclass(frozen=True)
class UnitBasis:
    """What the plan knows of a unit: its client traffic in the period (from the EZD register)
    and last period's share of visits meeting the standard."""

    unit_id: int
    traffic: int | None = None
    last_result: float | None = None


@dataclass(frozen=True)
class Allocation:
    unit_id: int
    visits: int
    p: float
    margin: float | None  # the precision the unit's result will have (fraction)
    reason: str


def _largest_remainder(
    total: int, weights: Sequence[float], minimum: int = 0
) -> tuple[list[int], bool]:
    """Whole numbers summing exactly to `total`, proportional to `weights` (Hamilton's
    largest-remainder method); then each at least `minimum` when the total allows, the visits
    taken one by one from the largest share (the flag says whether any was moved)."""
    k = len(weights)
    wsum = sum(weights)
    shares = [total * w / wsum if wsum > 0 else total / k for w in weights]
    out = [math.floor(s) for s in shares]
    left = total - sum(out)
    order = sorted(range(k), key=lambda i: (-(shares[i] - math.floor(shares[i])), i))
    for i in order[:left]:
        out[i] += 1
    moved = False
    if minimum > 0 and total >= minimum * k:
        for i in range(k):
            while out[i] < minimum:
                donor = max(range(k), key=lambda j: (out[j] - minimum, -j))
                out[donor] -= 1
                out[i] += 1
                moved = True
    return out, moved


def allocate_budget(
    units: Sequence[UnitBasis],
    budget: int,
    method: str = "proportional",
    confidence: float = 0.95,
) -> list[Allocation]:
    """Shares `budget` visits among the units: `proportional` to traffic, or `neyman`
    (traffic × last period's standard deviation). Units without a known traffic count as the
    average of those with one (all equal when none is known). The total is the budget."""
    if not units:
        raise ValidationFailed("the programme has no units; add at least one")
    if budget < 1:
        raise ValidationFailed("budget {budget} must be at least one visit", budget=budget)
    if method not in ("proportional", "neyman"):
        raise ValidationFailed(
            "allocation {method!r} is unknown; use proportional or neyman", method=method
        )
    known = [u.traffic for u in units if u.traffic is not None and u.traffic > 0]
    mean_traffic = sum(known) / len(known) if known else 1.0
    sizes = [
        float(u.traffic) if u.traffic is not None and u.traffic > 0 else mean_traffic for u in units
    ]
    ps = [planning_value(u.last_result) for u in units]
    if method == "neyman":
        weights = [n * math.sqrt(p * (1 - p)) for n, (p, _) in zip(sizes, ps, strict=True)]
    else:
        weights = sizes
    counts, moved = _largest_remainder(budget, weights, minimum=1)
    wsum = sum(weights)
    out = []
    for u, n, w, (p, why_p) in zip(units, counts, weights, ps, strict=True):
        share = w / wsum if wsum else 1 / len(units)
        basis, basis_pl = (
            (f"traffic {u.traffic}", f"liczba klientów {u.traffic}")
            if u.traffic is not None
            else ("traffic unknown (the average)", "liczba klientów nieznana (przyjęto średnią)")
        )
        if method == "proportional":
            how = f"proportional to traffic ({basis}): {share:.1%} of {budget}"
            how_pl = (
                f"proporcjonalnie do liczby klientów ({basis_pl}): "
                f"{_dec(f'{share:.1%}')} z {budget}"
            )
        else:
            how = f"Neyman: traffic × √(p(1−p)) ({basis}, {why_p}): {share:.1%} of {budget}"
            how_pl = (
                f"Neyman: liczba klientów × √(p(1−p)) ({basis_pl}, {why_p.pl}): "
                f"{_dec(f'{share:.1%}')} z {budget}"
            )
        floor_note = "; at least one visit per unit (taken from the largest)" if moved else ""
        floor_pl = "; co najmniej jedna wizyta na komórkę (odjęta największej)" if moved else ""
        margin = achieved_margin(n, confidence, p, u.traffic)
        why = Said(f"{how}{floor_note} → {n} visit(s)", f"{how_pl}{floor_pl} → wizyt: {n}")
        out.append(Allocation(u.unit_id, n, p, margin, why))
    return out


def allocate_precision(
    units: Sequence[UnitBasis], margin: float, confidence: float = 0.95
) -> list[Allocation]:
    """The visits each unit needs for its result within ±`margin` at the confidence level."""
    if not units:
        raise ValidationFailed("the programme has no units; add at least one")
    out = []
    for u in units:
        p, why_p = planning_value(u.last_result)
        size = sample_size(margin, confidence, p, u.traffic)
        achieved = achieved_margin(size.n, confidence, p, u.traffic)
        reason = size.reason
        why = Said(f"{why_p}; {reason}", f"{why_p.pl}; {polish(reason)}")
        out.append(Allocation(u.unit_id, size.n, p, achieved, why))
    return out


def split_channels(visits: int, channels: Mapping[str, float]) -> dict[str, int]:
    """A unit's visits split over the programme's channels by their weights (exact total)."""
    if not channels or any(w < 0 for w in channels.values()) or sum(channels.values()) <= 0:
        raise ValidationFailed("give the programme at least one channel with a positive weight")
    names = sorted(channels)
    counts, _ = _largest_remainder(visits, [channels[c] for c in names])
    return dict(zip(names, counts, strict=True))


# --- opening hours -------------------------------------------------------------------------

DEFAULT_HOURS = "mon-fri 08:00-16:00"

_HOURS_PART = re.compile(
    r"^\s*(?P<d1>[a-z]{3})(?:\s*-\s*(?P<d2>[a-z]{3}))?\s+"
    r"(?P<h1>\d{1,2}):(?P<m1>\d{2})\s*-\s*(?P<h2>\d{1,2}):(?P<m2>\d{2})\s*$"
)


@dataclass(frozen=True)
class OpeningHours:
    """Opening time and closing time per weekday (0 = Monday); a missing day is closed."""

    days: Mapping[int, tuple[time, time]]

    def text(self) -> str:
        return "; ".join(
            f"{WEEKDAYS[d]} {o:%H:%M}-{c:%H:%M}" for d, (o, c) in sorted(self.days.items())
        )


def parse_hours(text: str) -> OpeningHours:
    """Reads "mon-fri 08:00-16:00; mon 10:00-18:00" (a later part overrides an earlier one)."""
    days: dict[int, tuple[time, time]] = {}
    for part in [p for p in text.lower().split(";") if p.strip()]:
        m = _HOURS_PART.match(part)
        if not m:
            raise ValidationFailed(
                "opening hours {part!r} are not like 'mon-fri 08:00-16:00'; separate days with ';'",
                part=part.strip(),
            )
        try:
            first = WEEKDAYS.index(m["d1"])
            last = WEEKDAYS.index(m["d2"] or m["d1"])
            opens = time(int(m["h1"]), int(m["m1"]))
            closes = time(int(m["h2"]), int(m["m2"]))
        except ValueError:
            raise ValidationFailed(
                "opening hours {part!r}: unknown day or time; days are mon…sun, times hh:mm",
                part=part.strip(),
            ) from None
        if last < first or closes <= opens:
            raise ValidationFailed(
                "opening hours {part!r}: the days or the times run backwards", part=part.strip()
            )
        for d in range(first, last + 1):
            days[d] = (opens, closes)
    if not days:
        raise ValidationFailed("opening hours are empty; give e.g. 'mon-fri 08:00-16:00'")
    return OpeningHours(days)


def slots(hours: OpeningHours, weekday: int) -> list[time]:
    """The quarter-hour start times on a weekday at which a visit ends before closing."""
    if weekday not in hours.days:
        return []
    opens, closes = hours.days[weekday]
    start = opens.hour * 60 + opens.minute
    end = closes.hour * 60 + closes.minute - VISIT_MINUTES
    first = -(-start // SLOT_MINUTES) * SLOT_MINUTES
    return [time(m // 60, m % 60) for m in range(first, end + 1, SLOT_MINUTES)]


# --- schedule ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Demand:
    """Visits one unit needs in one channel, with the unit's opening hours and, where known,
    the weight of each weekday (0 = Monday: the cases registered on it in the EZD register)
    and of each hour of the day (registration times, where the register has them)."""

    unit_id: int
    channel: str
    visits: int
    hours: OpeningHours
    hour_weights: Mapping[int, float] | None = None
    day_weights: Mapping[int, float] | None = None


@dataclass
class PlannedSlot:
    unit_id: int
    channel: str
    at: datetime
    reason: str
    scenario: str | None = None
    auditor_id: int | None = None
    assign_reason: str = ""


def iso_week(d: date) -> tuple[int, int]:
    iso = d.isocalendar()
    return iso[0], iso[1]


def _weeks(start: date, end: date) -> list[date]:
    """The Mondays of the weeks that touch the period."""
    monday = start - timedelta(days=start.weekday())
    out = []
    while monday <= end:
        out.append(monday)
        monday += timedelta(days=7)
    return out


def _open_days(week: date, start: date, end: date, hours: OpeningHours) -> tuple[list[date], str]:
    """The days of a week inside the period on which the unit is open and which are not public
    holidays; with the holidays skipped (for the reason)."""
    days, skipped = [], []
    for i in range(7):
        d = week + timedelta(days=i)
        if not start <= d <= end or d.weekday() >= 5 or not slots(hours, d.weekday()):
            continue
        name = holiday_name(d)
        if name:
            skipped.append(f"{fmt(d)} ({name})")
            continue
        days.append(d)
    return days, ", ".join(skipped)


def schedule(
    demands: Sequence[Demand], start: date, end: date, seed: int
) -> tuple[list[PlannedSlot], list[Said]]:
    """Dates and times for every visit demanded, seeded (the same inputs, the same plan).
    Returns the planned visits by time, and a sentence per demand that could not be met in full
    (more visits than the period has weeks in which the unit is open)."""
    if end < start:
        raise ValidationFailed(
            "the period ends ({end}) before it starts ({start})", start=fmt(start), end=fmt(end)
        )
    rng = random.Random(seed)
    weeks = _weeks(start, end)
    out: list[PlannedSlot] = []
    problems: list[Said] = []
    # units sharing opening hours share their open weeks and times (computed once per hours)
    usable_by_hours: dict[str, list[tuple[date, list[date], str]]] = {}
    times_by_hours: dict[tuple[str, int], list[time]] = {}
    for demand in sorted(demands, key=lambda d: (d.unit_id, d.channel)):
        if demand.visits <= 0:
            continue
        key = demand.hours.text()
        if key not in usable_by_hours:
            found = []
            for w in weeks:
                days, skipped = _open_days(w, start, end, demand.hours)
                if days:
                    found.append((w, days, skipped))
            usable_by_hours[key] = found
        usable = usable_by_hours[key]
        k = demand.visits
        if k > len(usable):
            problems.append(
                Said(
                    f"unit #{demand.unit_id}, {demand.channel}: {k} visits wanted but only "
                    f"{len(usable)} weeks with an open working day; {len(usable)} planned "
                    f"(no two visits to one desk in a week)",
                    f"komórka #{demand.unit_id}, {demand.channel}: potrzeba {k} wizyt, ale "
                    f"tylko {len(usable)} tygodni ma otwarty dzień roboczy; zaplanowano "
                    f"{len(usable)} (najwyżej jedna wizyta na stanowisku w tygodniu)",
                )
            )
            k = len(usable)
        weekday_use: dict[int, int] = defaultdict(int)
        hour_use: dict[int, int] = defaultdict(int)
        for i in range(k):
            lo = i * len(usable) // k
            hi = max(lo + 1, (i + 1) * len(usable) // k)
            index = rng.randrange(lo, hi)
            _week, days, skipped = usable[index]
            weights = demand.day_weights
            if weights and any(weights.get(d.weekday(), 0) > 0 for d in days):
                # the weekday furthest behind its share of the unit's clients
                pool = [d for d in days if weights.get(d.weekday(), 0) > 0]
                behind = min((weekday_use[d.weekday()] + 1) / weights[d.weekday()] for d in pool)
                candidates = [
                    d
                    for d in pool
                    if (weekday_use[d.weekday()] + 1) / weights[d.weekday()] == behind
                ]
                why_day = Said(
                    "the weekday furthest behind its share of the unit's clients (EZD register)",
                    "dzień tygodnia najbardziej zaległy wobec udziału klientów komórki "
                    "(rejestr EZD)",
                )
            else:
                least = min(weekday_use[d.weekday()] for d in days)
                candidates = [d for d in days if weekday_use[d.weekday()] == least]
                why_day = Said(
                    "the unit's least-visited open weekday of the week",
                    "najrzadziej odwiedzany dzień tygodnia tej komórki",
                )
            day = rng.choice(candidates)
            weekday_use[day.weekday()] += 1
            if (key, day.weekday()) not in times_by_hours:
                times_by_hours[(key, day.weekday())] = slots(demand.hours, day.weekday())
            times = times_by_hours[(key, day.weekday())]
            at, why_time = _pick_time(rng, times, hour_use, demand.hour_weights)
            hour_use[at.hour] += 1
            opens, closes = demand.hours.days[day.weekday()]
            reason = Said(
                f"week {index + 1} of {len(weeks)} (visit {i + 1} of {k}, one per "
                f"stratum of weeks {lo + 1}–{hi}); {WEEKDAY_NAMES[day.weekday()]} {fmt(day)}: "
                f"{why_day}"
                + (f", public holidays skipped: {skipped}" if skipped else "")
                + f"; {at:%H:%M} within {opens:%H:%M}–{closes:%H:%M} ({why_time})",
                f"tydzień {index + 1} z {len(weeks)} (wizyta {i + 1} z {k}, jedna na przedział "
                f"tygodni {lo + 1}–{hi}); {WEEKDAY_NAMES_PL[day.weekday()]} {fmt(day)}: "
                f"{why_day.pl}"
                + (f", pominięte święta: {skipped}" if skipped else "")
                + f"; {at:%H:%M} w godzinach {opens:%H:%M}–{closes:%H:%M} ({why_time.pl})",
            )
            out.append(
                PlannedSlot(demand.unit_id, demand.channel, datetime.combine(day, at), reason)
            )
    out.sort(key=lambda v: (v.at, v.unit_id, v.channel))
    return out, problems


def _pick_time(
    rng: random.Random,
    times: list[time],
    hour_use: Mapping[int, int],
    weights: Mapping[int, float] | None,
) -> tuple[time, Said]:
    if weights and any(weights.get(t.hour, 0) > 0 for t in times):
        pool = [t for t in times if weights.get(t.hour, 0) > 0]
        chosen = rng.choices(pool, [weights[t.hour] for t in pool])[0]
        return chosen, Said(
            "hours weighted as clients register", "godziny ważone tak, jak rejestrują się klienci"
        )
    least = min(hour_use.get(t.hour, 0) for t in times)
    pool = [t for t in times if hour_use.get(t.hour, 0) == least]
    return rng.choice(pool), Said(
        "the unit's least-visited hour; registration times unknown",
        "najrzadziej odwiedzana godzina komórki; godziny rejestracji nieznane",
    )


# --- scenarios -----------------------------------------------------------------------------


def rotate_scenarios(visits: Sequence[PlannedSlot], scenarios: Mapping[str, float]) -> None:
    """Gives each visit a scenario (a code) of the weights, in time order per unit and channel,
    by smooth weighted round robin: the shares follow the weights, and a unit never hears the
    same case twice running while there is another."""
    if not scenarios:
        return
    if any(w <= 0 for w in scenarios.values()):
        raise ValidationFailed("every scenario needs a positive weight")
    total = sum(scenarios.values())
    codes = sorted(scenarios)
    by_desk: dict[tuple[int, str], list[PlannedSlot]] = defaultdict(list)
    for v in visits:
        by_desk[(v.unit_id, v.channel)].append(v)
    for (_unit, _channel), items in sorted(by_desk.items()):
        current = dict.fromkeys(codes, 0.0)
        last: str | None = None
        for v in sorted(items, key=lambda x: x.at):
            for c in codes:
                current[c] += scenarios[c]
            order = sorted(codes, key=lambda c: (-current[c], c))
            pick = next((c for c in order if c != last), order[0])
            current[pick] -= total
            v.scenario = pick
            changed = last is not None and pick != last
            v.reason = as_said(v.reason).then(
                Said(
                    f"; scenario {pick} (weight {scenarios[pick]:g} of {total:g}"
                    + (", not the one heard last time" if changed else "")
                    + ")",
                    f"; scenariusz {pick} (waga {_dec(f'{scenarios[pick]:g}')} z "
                    f"{_dec(f'{total:g}')}" + (", inny niż poprzednio" if changed else "") + ")",
                )
            )
            last = pick


# --- assignment ----------------------------------------------------------------------------


@dataclass(frozen=True)
class AuditorBasis:
    """An auditor: how many visits a week, and the units they may not audit (their own unit and
    the units they worked in)."""

    auditor_id: int
    weekly_capacity: int
    excluded_units: frozenset[int] = field(default_factory=frozenset)
    own_unit: int | None = None

    def barred(self, unit_id: int) -> bool:
        return unit_id == self.own_unit or unit_id in self.excluded_units


def assign(
    visits: Sequence[PlannedSlot],
    auditors: Sequence[AuditorBasis],
    seed: int,
    existing: Sequence[PlannedSlot] = (),
) -> list[Said]:
    """Gives each visit an auditor, in time order: never one barred from the unit, never over a
    weekly capacity, never two visits closer than 90 minutes; among the rest an auditor who has
    not yet been to the unit (so no official meets the same auditor twice), then the least
    loaded, then by the seed. `existing` visits count as booked. Returns a sentence per visit
    left without an auditor."""
    rng = random.Random(seed)
    order = {a.auditor_id: rng.random() for a in auditors}
    week_load: dict[tuple[int, tuple[int, int]], int] = defaultdict(int)
    total_load: dict[int, int] = defaultdict(int)
    seen: dict[tuple[int, int], int] = defaultdict(int)  # (auditor, unit) -> visits there
    booked: dict[tuple[int, date], list[datetime]] = defaultdict(list)  # (auditor, day)
    for e in existing:  # visits already assigned (a replacement joins a plan)
        if e.auditor_id is not None:
            week_load[(e.auditor_id, iso_week(e.at.date()))] += 1
            total_load[e.auditor_id] += 1
            seen[(e.auditor_id, e.unit_id)] += 1
            booked[(e.auditor_id, e.at.date())].append(e.at)
    problems: list[Said] = []
    for v in sorted(visits, key=lambda x: (x.at, x.unit_id, x.channel)):
        week = iso_week(v.at.date())
        free = [
            a
            for a in auditors
            if not a.barred(v.unit_id)
            and week_load[(a.auditor_id, week)] < a.weekly_capacity
            and all(abs(v.at - t) >= AUDITOR_GAP for t in booked[(a.auditor_id, v.at.date())])
        ]
        if not free:
            v.auditor_id = None
            v.assign_reason = Said(
                "no auditor free: all barred from the unit, full that week or busy",
                "żaden audytor nie jest wolny: wszyscy wyłączeni z komórki, z pełnym tygodniem "
                "albo zajęci",
            )
            problems.append(
                Said(
                    f"unit #{v.unit_id}, {v.channel}, {v.at:%d.%m.%Y %H:%M}: {v.assign_reason}",
                    f"komórka #{v.unit_id}, {v.channel}, {v.at:%d.%m.%Y %H:%M}: "
                    f"{polish(v.assign_reason)}",
                )
            )
            continue
        best = min(
            free,
            key=lambda a: (
                seen[(a.auditor_id, v.unit_id)],
                total_load[a.auditor_id],
                order[a.auditor_id],
            ),
        )
        repeat = seen[(best.auditor_id, v.unit_id)]
        v.auditor_id = best.auditor_id
        before, that_week = total_load[best.auditor_id], week_load[(best.auditor_id, week)] + 1
        v.assign_reason = Said(
            f"auditor #{best.auditor_id}: not of this unit nor worked in it; "
            + (
                "first visit to this unit"
                if repeat == 0
                else f"visit {repeat + 1} to this unit (every free auditor had been there)"
            )
            + f"; {before} visit(s) before, {that_week} of {best.weekly_capacity} that week",
            f"audytor #{best.auditor_id}: nie pracuje ani nie pracował w tej komórce; "
            + (
                "pierwsza wizyta w tej komórce"
                if repeat == 0
                else f"wizyta {repeat + 1} w tej komórce (każdy wolny audytor już tam był)"
            )
            + f"; wcześniej wizyt: {before}, w tym tygodniu {that_week} z {best.weekly_capacity}",
        )
        week_load[(best.auditor_id, week)] += 1
        total_load[best.auditor_id] += 1
        seen[(best.auditor_id, v.unit_id)] += 1
        booked[(best.auditor_id, v.at.date())].append(v.at)
    return problems


def replacement_slot(
    demand: Demand, after: datetime, end: date, taken_weeks: set[tuple[int, int]], seed: int
) -> PlannedSlot | None:
    """A date and time for a visit replacing a missed or cancelled one: the first week from
    the day after `after` in the period with no other visit to the desk and an open working
    day; None when the period has no such week left."""
    rng = random.Random(seed)
    start = after.date() + timedelta(days=1)
    for week in _weeks(start, end):
        if iso_week(week) in taken_weeks:
            continue
        days, skipped = _open_days(week, start, end, demand.hours)
        if not days:
            continue
        day = rng.choice(days)
        at, _why = _pick_time(rng, slots(demand.hours, day.weekday()), {}, None)
        opens, closes = demand.hours.days[day.weekday()]
        reason = Said(
            f"replaces the visit of {fmt(after.date())}: the first week from the next day "
            f"without another visit to this desk; {WEEKDAY_NAMES[day.weekday()]} {fmt(day)}"
            + (f", public holidays skipped: {skipped}" if skipped else "")
            + f"; {at:%H:%M} within {opens:%H:%M}–{closes:%H:%M}",
            f"zastępuje wizytę z {fmt(after.date())}: pierwszy tydzień od następnego dnia bez "
            f"innej wizyty na tym stanowisku; {WEEKDAY_NAMES_PL[day.weekday()]} {fmt(day)}"
            + (f", pominięte święta: {skipped}" if skipped else "")
            + f"; {at:%H:%M} w godzinach {opens:%H:%M}–{closes:%H:%M}",
        )
        return PlannedSlot(demand.unit_id, demand.channel, datetime.combine(day, at), reason)
    return None
