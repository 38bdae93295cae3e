"""Hard indicators of client contentment: complaints (skargi), grievances (zażalenia), negative
opinions and praise, with the statutory deadline of each and its timeliness.

- A complaint (skarga) is decided within 1 month of receipt, 14 days when a member of parliament,
  a senator or a councillor filed it (KPA art. 237 §1–2).
- A grievance (zażalenie) is decided like an appeal: within 1 month of receipt (KPA art. 35 §4
  with art. 144).
- A complaint the office is not competent to decide is passed on to the competent authority
  within 7 days (KPA art. 231): once its outcome is "passed on", that is its deadline.
- A request (wniosek, KPA art. 241) is decided within 1 month (art. 244 § 1 with art. 237 § 1),
  14 days when a member of parliament, a senator or a councillor filed it (art. 247 with
  art. 237 § 2); passed on to the competent authority, within 7 days (art. 243). A request
  filed by such a representative counts as one, like a complaint.
- An entry left without examination (pozostawiona bez rozpatrzenia, e.g. anonymous: art. 231a)
  keeps the deadline of its kind and counts in neither share.
- Negative opinions and praise have no statutory deadline.
- A complaint cannot be extended, but art. 237 §4 applies art. 36: when the office cannot
  settle it in time it notifies the complainant of the reason and names a new date. Given the
  notice (made by the statutory deadline), timeliness is judged against the new date
  (`notified_deadline`); a notice made after the deadline does not cure the delay.
- A grievance (zażalenie) is filed within 7 days of the order being served (art. 141 §2,
  counted under art. 57 §1): `filed_late` names the ones filed after that; the deciding body's
  month runs from its receipt of the grievance (art. 35 §4 with art. 144), which is `received`.

Periods are counted by `domain.periods` (KPA art. 57: months by the matching day, days without the
day of receipt, a period ending on a Saturday or a public holiday moves to the next working day).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date

from auditdesk.domain.periods import ComputedDate, days_after, months_after
from auditdesk.domain.statistics import Proportion

NEARING_DAYS = 7  # an open entry this close to its deadline is listed as nearing it


class IndicatorKind(enum.StrEnum):
    COMPLAINT = "complaint"  # skarga
    GRIEVANCE = "grievance"  # zażalenie
    NEGATIVE_OPINION = "negative_opinion"  # opinia negatywna
    PRAISE = "praise"  # pochwała
    REQUEST = "request"  # wniosek (KPA art. 241)


class Channel(enum.StrEnum):
    LETTER = "letter"
    EMAIL = "email"
    EPUAP = "epuap"
    IN_PERSON = "in_person"
    PHONE = "phone"


class Outcome(enum.StrEnum):
    JUSTIFIED = "justified"  # zasadna
    PARTLY = "partly"  # częściowo zasadna
    UNJUSTIFIED = "unjustified"  # bezzasadna
    PASSED_ON = "passed_on"  # przekazana do organu właściwego (art. 231)
    LEFT_UNEXAMINED = "left_unexamined"  # pozostawiona bez rozpatrzenia


class Timeliness(enum.StrEnum):
    ON_TIME = "on_time"
    LATE = "late"
    OPEN_OVERDUE = "open_overdue"
    OPEN = "open"
    NO_DEADLINE = "no_deadline"


class ResearchMethod(enum.StrEnum):
    QUESTIONNAIRE = "questionnaire"  # badanie ankietowe
    QUESTIONNAIRE_INTERVIEW = "questionnaire_interview"  # wywiad kwestionariuszowy
    FOCUS_GROUP = "focus_group"  # zogniskowany wywiad grupowy (FGI)
    IN_DEPTH_INTERVIEW = "in_depth_interview"  # indywidualny wywiad pogłębiony (IDI)


def deadline(
    kind: IndicatorKind,
    received: date,
    from_representative: bool,
    outcome: Outcome | str | None = None,
) -> ComputedDate | None:
    """The last day to decide the entry, with the rule it followed; None when no law sets one."""
    if kind == IndicatorKind.COMPLAINT and outcome == Outcome.PASSED_ON:
        return days_after(
            received,
            7,
            "Skarga przekazana organowi właściwemu (art. 231 k.p.a.)",
            "A complaint passed on to the competent authority (KPA art. 231)",
        )
    if kind == IndicatorKind.COMPLAINT:
        if from_representative:
            return days_after(
                received,
                14,
                "Skarga posła, senatora lub radnego (art. 237 § 2 k.p.a.)",
                "A complaint from an MP, senator or councillor (KPA art. 237 §2)",
            )
        return months_after(
            received,
            1,
            "Skarga (art. 237 § 1 k.p.a.)",
            "A complaint (KPA art. 237 §1)",
        )
    if kind == IndicatorKind.REQUEST and outcome == Outcome.PASSED_ON:
        return days_after(
            received,
            7,
            "Wniosek przekazany organowi właściwemu (art. 243 k.p.a.)",
            "A request passed on to the competent authority (KPA art. 243)",
        )
    if kind == IndicatorKind.REQUEST:
        if from_representative:
            return days_after(
                received,
                14,
                "Wniosek posła, senatora lub radnego (art. 247 w zw. z art. 237 § 2 k.p.a.)",
                "A request from an MP, senator or councillor (KPA art. 247 with art. 237 §2)",
            )
        return months_after(
            received,
            1,
            "Wniosek (art. 244 § 1 w zw. z art. 237 § 1 k.p.a.)",
            "A request (KPA art. 244 §1 with art. 237 §1)",
        )
    if kind == IndicatorKind.GRIEVANCE:
        return months_after(
            received,
            1,
            "Zażalenie, miesiąc od jego otrzymania (art. 35 § 4 w zw. z art. 144 k.p.a.)",
            "A grievance, one month from receiving it (KPA art. 35 §4 with art. 144)",
        )
    return None


GRIEVANCE_FILING_DAYS = 7  # art. 141 §2
# art. 36 with art. 237 §4; for a request art. 245
NEW_DATE_KINDS = frozenset({"complaint", "request"})


def notified_deadline(
    statutory: ComputedDate | None, new_due: date | None, notified_on: date | None
) -> ComputedDate | None:
    """The deadline that counts for a complaint given a new date notified under art. 36 (with
    art. 237 §4): the new date when the notice was made by the statutory deadline."""
    if statutory is None or new_due is None or notified_on is None:
        return statutory
    if notified_on > statutory.value or new_due <= statutory.value:
        return statutory.then(
            statutory.value,
            f"Zawiadomienie o nowym terminie z {notified_on:%d.%m.%Y} nie zmienia terminu "
            "(złożone po terminie albo nowy termin nie jest późniejszy; art. 36 k.p.a.).",
            f"The notice of a new date of {notified_on:%d.%m.%Y} does not change the deadline "
            "(made after the deadline, or the new date is not later; KPA art. 36).",
        )
    return statutory.then(
        new_due,
        f"Zawiadomiono {notified_on:%d.%m.%Y} o nowym terminie {new_due:%d.%m.%Y} "
        "(art. 36 w zw. z art. 237 § 4 k.p.a.).",
        f"Notified on {notified_on:%d.%m.%Y} of the new date {new_due:%d.%m.%Y} "
        "(KPA art. 36 with art. 237 §4).",
    )


def filing_deadline(served_on: date) -> ComputedDate:
    """The last day to file a grievance against an order served on `served_on`."""
    return days_after(
        served_on,
        GRIEVANCE_FILING_DAYS,
        "Zażalenie wnosi się w terminie 7 dni od doręczenia postanowienia (art. 141 § 2 k.p.a.)",
        "A grievance is filed within 7 days of the order being served (KPA art. 141 §2)",
    )


def filed_late(kind: IndicatorKind | str, served_on: date | None, received: date) -> bool:
    """A grievance received after its 7-day filing limit (unknown without the service date)."""
    if kind != IndicatorKind.GRIEVANCE or served_on is None:
        return False
    return received > filing_deadline(served_on).value


def timeliness(due: date | None, settled: date | None, today: date) -> Timeliness:
    """On time / late for a settled entry, open-overdue / open for one still open."""
    if due is None:
        return Timeliness.NO_DEADLINE
    if settled is not None:
        return Timeliness.ON_TIME if settled <= due else Timeliness.LATE
    return Timeliness.OPEN_OVERDUE if today > due else Timeliness.OPEN


def nearing(due: date | None, settled: date | None, today: date, days: int = NEARING_DAYS) -> bool:
    """Open, not yet overdue, and due within `days` days."""
    return settled is None and due is not None and today <= due and (due - today).days <= days


def days_late(due: date | None, settled: date | None, today: date) -> int:
    """How many days past the deadline (settled late, or still open past it); 0 otherwise."""
    if due is None:
        return 0
    end = settled if settled is not None else today
    return max(0, (end - due).days)


@dataclass(frozen=True)
class ShareSummary:
    """Settled on time among settled entries that had a deadline, and the justified share among
    decided ones (passed on to another authority counts in neither part)."""

    on_time: Proportion
    justified: Proportion

    @property
    def on_time_interval(self) -> tuple[float, float] | None:
        return self.on_time.wilson()

    @property
    def justified_interval(self) -> tuple[float, float] | None:
        return self.justified.wilson()


def shares(
    settled_with_deadline: int, settled_on_time: int, outcomes: dict[Outcome, int]
) -> ShareSummary:
    """The two shares a report shows. Justified counts a partly justified entry as justified
    (the office acknowledged a fault), among justified + partly + unjustified."""
    justified = outcomes.get(Outcome.JUSTIFIED, 0) + outcomes.get(Outcome.PARTLY, 0)
    decided = justified + outcomes.get(Outcome.UNJUSTIFIED, 0)
    return ShareSummary(
        Proportion(settled_on_time, settled_with_deadline), Proportion(justified, decided)
    )
