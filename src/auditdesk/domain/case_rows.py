"""Reading one row of an EZD case register: the fields AuditDesk knows, how Polish column names
map to them, and how each value is read (dates dd.mm.yyyy or ISO by domain/dates.py, categories
in Polish words). Pure Python: the file itself is read by reports/tabular.py."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from auditdesk.domain.case_deadlines import (
    CaseCategory,
    CaseTerms,
    DeadlineError,
    effective_deadline,
    statutory_deadline,
)
from auditdesk.domain.dates import NotADate
from auditdesk.domain.dates import parse_date as parse_date

# field → English label (the window translates it); the order is the mapping dialog's order
FIELDS: dict[str, str] = {
    "sign": "Case sign",
    "unit": "Unit",
    "jrwa": "JRWA class",
    "title": "Title",
    "started_on": "Start date",
    "settled_on": "Settlement date",
    "category": "Category",
    "due_on": "Due date (EZD)",
    "suspension_days": "Days not counted",
    "suspended": "Suspended (yes/no)",
    "suspended_from": "Suspended from",
    "suspended_to": "Suspended until",
    "handler": "Handler",
    "remarks": "Remarks",
}
REQUIRED = ("sign", "started_on")

# normalised header (no diacritics, lower case, single spaces) → field
SYNONYMS: dict[str, str] = {
    "znak sprawy": "sign",
    "znak": "sign",
    "sygnatura": "sign",
    "case sign": "sign",
    "komorka": "unit",
    "komorka organizacyjna": "unit",
    "wydzial": "unit",
    "jednostka": "unit",
    "jrwa": "jrwa",
    "symbol jrwa": "jrwa",
    "klasa jrwa": "jrwa",
    "tytul": "title",
    "tytul sprawy": "title",
    "opis sprawy": "title",
    "data wszczecia": "started_on",
    "data wszczecia sprawy": "started_on",
    "data rozpoczecia": "started_on",
    "data zakonczenia": "settled_on",
    "data ostatecznego zalatwienia": "settled_on",
    "data zalatwienia": "settled_on",
    "kategoria": "category",
    "rodzaj sprawy": "category",
    "tryb": "category",
    "termin": "due_on",
    "termin zalatwienia": "due_on",
    "dni zawieszenia": "suspension_days",
    "dni niewliczane": "suspension_days",
    "zawieszona": "suspended",
    "zawieszenie": "suspended",
    "zawieszona od": "suspended_from",
    "zawieszenie od": "suspended_from",
    "zawieszona do": "suspended_to",
    "zawieszenie do": "suspended_to",
    "prowadzacy": "handler",
    "referent": "handler",
    "osoba prowadzaca": "handler",
    "uwagi": "remarks",
    "sposob zalatwienia": "remarks",
}

CATEGORY_WORDS: dict[str, CaseCategory] = {
    "bez zwloki": CaseCategory.WITHOUT_DELAY,
    "niezwlocznie": CaseCategory.WITHOUT_DELAY,
    "without delay": CaseCategory.WITHOUT_DELAY,
    "1 miesiac": CaseCategory.ONE_MONTH,
    "miesiac": CaseCategory.ONE_MONTH,
    "1 m-c": CaseCategory.ONE_MONTH,
    "one month": CaseCategory.ONE_MONTH,
    "2 miesiace": CaseCategory.TWO_MONTHS,
    "dwa miesiace": CaseCategory.TWO_MONTHS,
    "2 m-ce": CaseCategory.TWO_MONTHS,
    "szczegolnie skomplikowana": CaseCategory.TWO_MONTHS,
    "two months": CaseCategory.TWO_MONTHS,
    "odwolanie": CaseCategory.APPEAL,
    "appeal": CaseCategory.APPEAL,
    "skarga": CaseCategory.COMPLAINT,
    "wniosek": CaseCategory.COMPLAINT,
    "skarga/wniosek": CaseCategory.COMPLAINT,
    "complaint": CaseCategory.COMPLAINT,
    "szczegolny": CaseCategory.SPECIAL,
    "termin szczegolny": CaseCategory.SPECIAL,
    "przepis szczegolny": CaseCategory.SPECIAL,
    "inny": CaseCategory.SPECIAL,
    "special": CaseCategory.SPECIAL,
}
CATEGORY_WORDS.update({c.value: c for c in CaseCategory})

YES = {"tak", "t", "1", "yes", "y", "x", "true"}
NO = {"nie", "n", "0", "no", "false", ""}

SIGN = re.compile(r"^(?P<unit>[^.\s]+)\.(?P<jrwa>\d{1,4})\.(?P<number>\d+)\.(?P<year>\d{4})$")


@lru_cache(maxsize=4096)
def normalise(text: str) -> str:
    """Header or word without diacritics (ł too), lower case, single spaces."""
    text = text.replace("ł", "l").replace("Ł", "L")
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.lower().replace("_", " ").split()).strip(" :")


def header_key(header: Sequence[str]) -> str:
    """The remembered mapping is found by this: the normalised header row."""
    return "|".join(normalise(h) for h in header)


def auto_mapping(header: Sequence[str]) -> dict[str, int]:
    """Field → column index, guessed from the column names (first match wins)."""
    mapping: dict[str, int] = {}
    for index, name in enumerate(header):
        field = SYNONYMS.get(normalise(name))
        if field and field not in mapping:
            mapping[field] = index
    return mapping


@dataclass(frozen=True)
class RowProblem:
    """One value the import could not read."""

    line: int
    column: str
    value: str
    problem: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.column}: {self.value!r}: {self.problem}"


@dataclass(frozen=True)
class ParsedCase:
    """One case read from a row, with its deadline worked out."""

    line: int
    sign: str
    unit_code: str
    jrwa: str
    title: str
    started_on: date
    settled_on: date | None
    category: CaseCategory
    ezd_due: date | None
    suspension_days: int
    suspended: bool
    suspended_from: date | None
    suspended_to: date | None
    handler: str
    remarks: str
    computed_due: date
    due_on: date
    due_rule: str


class _Bad(ValueError):
    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem


def _date(text: str) -> date | None:
    try:
        return parse_date(text)
    except NotADate:
        raise _Bad("not a date (dd.mm.yyyy or YYYY-MM-DD)") from None


def _category(text: str, has_due: bool) -> CaseCategory:
    word = normalise(text)
    if not word:
        # no category: a due date from EZD means a special period, else the general month
        return CaseCategory.SPECIAL if has_due else CaseCategory.ONE_MONTH
    found = CATEGORY_WORDS.get(word)
    if found is None:
        raise _Bad(
            "unknown category (bez zwłoki, 1 miesiąc, 2 miesiące, odwołanie, skarga, szczególny)"
        )
    return found


def _int(text: str) -> int:
    text = text.strip()
    if not text:
        return 0
    try:
        value = int(float(text.replace(",", ".")))
    except ValueError:
        raise _Bad("not a whole number of days") from None
    if value < 0:
        raise _Bad("cannot be negative")
    return value


def _flag(text: str) -> bool:
    word = normalise(text)
    if word in YES:
        return True
    if word in NO:
        return False
    raise _Bad("not yes/no (tak/nie)")


def parse_row(
    line: int,
    cells: Sequence[str],
    mapping: Mapping[str, int],
    header: Sequence[str],
    as_of: date,
) -> tuple[ParsedCase | None, list[RowProblem]]:
    """Reads one row; every unreadable value is a problem (the row is then None)."""
    problems: list[RowProblem] = []
    values: dict[str, object] = {}

    def raw(field: str) -> str:
        index = mapping.get(field)
        if index is None or index >= len(cells):
            return ""
        return str(cells[index] if cells[index] is not None else "").strip()

    def column(field: str) -> str:
        index = mapping.get(field)
        if index is not None and index < len(header):
            return header[index]
        return FIELDS[field]

    readers = {
        "started_on": _date,
        "settled_on": _date,
        "due_on": _date,
        "suspended_from": _date,
        "suspended_to": _date,
        "suspension_days": _int,
        "suspended": _flag,
    }
    for field, reader in readers.items():
        try:
            values[field] = reader(raw(field))
        except _Bad as bad:
            problems.append(RowProblem(line, column(field), raw(field), bad.problem))
    sign = raw("sign")
    match = SIGN.match(sign)
    if not sign:
        problems.append(RowProblem(line, column("sign"), sign, "the case sign is empty"))
    elif match is None and not raw("unit"):
        problems.append(
            RowProblem(
                line, column("sign"), sign, "not a case sign like WO-I.5310.12.2025 (and no unit)"
            )
        )
    if "started_on" in values and values["started_on"] is None:
        problems.append(RowProblem(line, column("started_on"), "", "the start date is empty"))
    try:
        category = _category(raw("category"), values.get("due_on") is not None)
    except _Bad as bad:
        problems.append(RowProblem(line, column("category"), raw("category"), bad.problem))
        category = CaseCategory.ONE_MONTH
    if problems:
        return None, problems
    started = values["started_on"]
    settled = values["settled_on"]
    assert isinstance(started, date)
    if isinstance(settled, date) and settled < started:
        return None, [
            RowProblem(line, column("settled_on"), raw("settled_on"), "earlier than the start date")
        ]
    terms = CaseTerms(
        started_on=started,
        category=category,
        ezd_due=values["due_on"],  # type: ignore[arg-type]
        suspension_days=values["suspension_days"],  # type: ignore[arg-type]
        suspended_from=values["suspended_from"],  # type: ignore[arg-type]
        suspended_to=values["suspended_to"],  # type: ignore[arg-type]
    )
    try:
        counted_to = settled if isinstance(settled, date) else as_of
        computed = statutory_deadline(terms, counted_to)
        due = effective_deadline(terms, counted_to, computed)
    except DeadlineError:
        return None, [
            RowProblem(line, column("due_on"), raw("due_on"), "a special period needs a due date")
        ]
    unit_code = raw("unit") or (match.group("unit") if match else "")
    jrwa = raw("jrwa") or (match.group("jrwa") if match else "")
    suspended = bool(values["suspended"]) or terms.suspended_from is not None
    return (
        ParsedCase(
            line=line,
            sign=sign,
            unit_code=unit_code,
            jrwa=jrwa,
            title=raw("title"),
            started_on=started,
            settled_on=settled if isinstance(settled, date) else None,
            category=category,
            ezd_due=terms.ezd_due,
            suspension_days=terms.suspension_days,
            suspended=suspended,
            suspended_from=terms.suspended_from,
            suspended_to=terms.suspended_to,
            handler=raw("handler"),
            remarks=raw("remarks"),
            computed_due=computed.value,
            due_on=due.value,
            due_rule=due.rule("pl"),
        ),
        [],
    )
