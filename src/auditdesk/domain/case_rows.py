"""Reading one row of an EZD case register: the fields AuditDesk knows (declared for the import
framework, domain/importing.py), how Polish column names map to them, and how each value is
read (dates dd.mm.yyyy or ISO by domain/dates.py, categories in Polish words). Pure Python: the
file itself is read by reports/tabular.py."""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from operator import itemgetter
from typing import Generic, TypeVar

from auditdesk.domain.case_deadlines import (
    DEFAULT_WITHOUT_DELAY_DAYS,
    CaseCategory,
    CaseTerms,
    DeadlineError,
    effective_deadline,
    statutory_deadline,
)
from auditdesk.domain.dates import NotADate
from auditdesk.domain.dates import parse_date as parse_date
from auditdesk.domain.errors import ValidationFailed
from auditdesk.domain.importing import (
    Field,
    RowProblem,
    SourceRow,
    guess_mapping,
    normalise_header,
)
from auditdesk.domain.importing import header_key as header_key

# the fields of the register, in the mapping dialog's order; `synonyms` are Polish column names
# (compared normalised), `max_length` what the case table keeps: a longer value is a problem of
# its row, never cut (issue 11: a 100,000-character title was cut to 500 without a word)
CASE_FIELDS: tuple[Field, ...] = (
    Field(
        "sign",
        "Case sign",
        True,
        ("znak sprawy", "znak", "sygnatura", "case sign", "sygnatura sprawy", "oznaczenie sprawy"),
        80,
    ),
    Field(
        "unit",
        "Unit",
        False,
        (
            "komorka",
            "komorka organizacyjna",
            "wydzial",
            "jednostka",
            "komorka prowadzaca",
            "nazwa komorki",
            "komorka merytoryczna",
            "referat",
            "jednostka organizacyjna",
        ),
    ),
    Field(
        "jrwa",
        "JRWA class",
        False,
        ("jrwa", "symbol jrwa", "klasa jrwa", "symbol klasyfikacyjny", "kategoria archiwalna jrwa"),
        10,
    ),
    Field(
        "title",
        "Title",
        False,
        ("tytul", "tytul sprawy", "opis sprawy", "przedmiot sprawy", "dotyczy"),
        500,
    ),
    Field(
        "started_on",
        "Start date",
        True,
        (
            "data wszczecia",
            "data wszczecia sprawy",
            "data rozpoczecia",
            "data rozpoczecia sprawy",
            "data zalozenia sprawy",
        ),
    ),
    Field(
        "settled_on",
        "Settlement date",
        False,
        (
            "data zakonczenia",
            "data ostatecznego zalatwienia",
            "data zalatwienia",
            "data zakonczenia sprawy",
            "data zalatwienia sprawy",
            "data ostatecznego zalatwienia sprawy",
        ),
    ),
    Field(
        "category", "Category", False, ("kategoria", "rodzaj sprawy", "tryb", "kategoria sprawy")
    ),
    Field(
        "due_on",
        "Due date (EZD)",
        False,
        ("termin", "termin zalatwienia", "termin zalatwienia sprawy", "termin realizacji"),
    ),
    Field("suspension_days", "Days not counted", False, ("dni zawieszenia", "dni niewliczane")),
    Field("suspended", "Suspended (yes/no)", False, ("zawieszona", "zawieszenie")),
    Field("suspended_from", "Suspended from", False, ("zawieszona od", "zawieszenie od")),
    Field("suspended_to", "Suspended until", False, ("zawieszona do", "zawieszenie do")),
    Field(
        "handler",
        "Handler",
        False,
        (
            "prowadzacy",
            "referent",
            "osoba prowadzaca",
            "prowadzacy sprawe",
            "osoba prowadzaca sprawe",
        ),
        200,
    ),
    Field("remarks", "Remarks", False, ("uwagi", "sposob zalatwienia")),
)
FIELDS: dict[str, str] = {f.name: f.label for f in CASE_FIELDS}  # field → English label
# columns of usual EZD registers left out on purpose: the row number, the initiating letter's
# sender, reference and date (the case's dates are its start and settlement), the last change
IGNORED_HEADERS = frozenset(
    {
        "lp",
        "l p",
        "nadawca",
        "od kogo wplynela",
        "znak pisma",
        "data pisma",
        "data ostatniej zmiany",
    }
)
REQUIRED = tuple(f.name for f in CASE_FIELDS if f.required)

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
    """A category or yes/no word without diacritics (ł too), lower case, single spaces; '/' and
    '-' kept ('1 m-c', 'skarga/wniosek')."""
    text = text.replace("ł", "l").replace("Ł", "L")
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.lower().replace("_", " ").split()).strip(" :")


def legacy_header_key(header: Sequence[str]) -> str:
    """How mappings saved before the import framework were found (kept so they still are)."""
    return "|".join(normalise(h) for h in header)


def auto_mapping(header: Sequence[str]) -> dict[str, int]:
    """Field → column index, guessed from the column names (first match wins)."""
    return guess_mapping(CASE_FIELDS, header)


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
    computed_due: date | None  # None: no deadline known (category unknown)
    due_on: date | None
    due_rule: str


NO_DEADLINE_RULE = (
    "Brak kategorii sprawy i terminu w EZD: termin nieznany, sprawa liczona osobno "
    "(przypisz kategorię w rejestrze lub w ustawieniach urzędu)."
)


@dataclass(frozen=True)
class CaseRules:
    """The office's own settings for reading its register (docs/monitoring.md): its category
    words and JRWA classes mapped to a category, and the days counted for "without delay"."""

    # normalised word → category; JRWA class → category
    words: Mapping[str, CaseCategory] = dataclasses.field(default_factory=dict)
    jrwa: Mapping[str, CaseCategory] = dataclasses.field(default_factory=dict)
    without_delay_days: int = DEFAULT_WITHOUT_DELAY_DAYS


DEFAULT_RULES = CaseRules()


class _Bad(ValueError):
    def __init__(self, problem: ValidationFailed) -> None:
        super().__init__(str(problem))
        self.problem = problem


def _date(text: str) -> date | None:
    try:
        return parse_date(text)
    except NotADate:
        raise _Bad(ValidationFailed("not a date (dd.mm.yyyy or YYYY-MM-DD)")) from None


def _category(text: str, has_due: bool, jrwa: str, rules: CaseRules) -> CaseCategory:
    word = normalise(text)
    if not word:
        # no category: the office's map of JRWA classes, then a due date from EZD means a
        # special period, else no deadline is known (never the general KPA month)
        mapped = rules.jrwa.get(jrwa.strip())
        if mapped is not None:
            return mapped
        return CaseCategory.SPECIAL if has_due else CaseCategory.UNKNOWN
    found = rules.words.get(word) or CATEGORY_WORDS.get(word)
    if found is None:
        raise _Bad(
            ValidationFailed(
                "unknown category (bez zwłoki, 1 miesiąc, 2 miesiące, odwołanie, skarga, "
                "szczególny)"
            )
        )
    return found


def _int(text: str) -> int:
    text = text.strip()
    if not text:
        return 0
    try:
        value = int(float(text.replace(",", ".")))
    except ValueError:
        raise _Bad(ValidationFailed("not a whole number of days")) from None
    if value < 0:
        raise _Bad(ValidationFailed("cannot be negative"))
    return value


def _flag(text: str) -> bool:
    word = normalise(text)
    if word in YES:
        return True
    if word in NO:
        return False
    raise _Bad(ValidationFailed("not yes/no (tak/nie)"))


def parse_row(
    line: int,
    cells: Sequence[str],
    mapping: Mapping[str, int],
    header: Sequence[str],
    as_of: date,
    rules: CaseRules = DEFAULT_RULES,
) -> tuple[ParsedCase | None, list[RowProblem]]:
    """Reads one row; every unreadable value is a problem (the row is then None)."""
    problems: list[RowProblem] = []
    row = SourceRow(line, cells, header, mapping, FIELDS, problems)
    return read_case(row, as_of, rules), problems


_READERS: dict[str, Callable[[str], object]] = {
    "started_on": _date,
    "settled_on": _date,
    "due_on": _date,
    "suspended_from": _date,
    "suspended_to": _date,
    "suspension_days": _int,
    "suspended": _flag,
}


def read_case(row: SourceRow, as_of: date, rules: CaseRules = DEFAULT_RULES) -> ParsedCase | None:
    """The row rule of the case register: the case, or None with its problems on the row."""
    return _case(row.line, {f: row.text(f) for f in TEXT_FIELDS}, as_of, rules, row.problem)


# the fields a case is read from, in the order CaseRowReader hands them to _case
TEXT_FIELDS = (
    "sign",
    "unit",
    "jrwa",
    "title",
    "handler",
    "remarks",
    "category",
    *_READERS,
)
_LIMITS = {f.name: f.max_length for f in CASE_FIELDS if f.max_length is not None}

Problem = Callable[[str, ValidationFailed, "str | None"], None]


def _case(
    line: int, text: Mapping[str, str], as_of: date, rules: CaseRules, problem: Problem
) -> ParsedCase | None:
    """The one rule of a case row, on its texts (trimmed, value words applied): every problem
    goes to `problem(field, message, value or None for the field's text)`."""
    found = False

    def report(field: str, message: ValidationFailed, value: str | None = None) -> None:
        nonlocal found
        found = True
        problem(field, message, value)

    values: dict[str, object] = {}
    for field, reader in _READERS.items():
        try:
            values[field] = reader(text[field])
        except _Bad as bad:
            report(field, bad.problem)
    sign = text["sign"]
    match = SIGN.match(sign)
    if not sign:
        report("sign", ValidationFailed("the case sign is empty"))
    elif match is None and not text["unit"]:
        report("sign", ValidationFailed("not a case sign like WO-I.5310.12.2025 (and no unit)"))
    if "started_on" in values and values["started_on"] is None:
        report("started_on", ValidationFailed("the start date is empty"), "")
    jrwa = text["jrwa"] or (match.group("jrwa") if match else "")
    try:
        category = _category(text["category"], values.get("due_on") is not None, jrwa, rules)
    except _Bad as bad:
        report("category", bad.problem)
        category = CaseCategory.ONE_MONTH
    if found:
        return None
    started = values["started_on"]
    settled = values["settled_on"]
    assert isinstance(started, date)
    if isinstance(settled, date) and settled < started:
        problem("settled_on", ValidationFailed("earlier than the start date"), None)
        return None
    terms = CaseTerms(
        started_on=started,
        category=category,
        ezd_due=values["due_on"],  # type: ignore[arg-type]
        suspension_days=values["suspension_days"],  # type: ignore[arg-type]
        suspended_from=values["suspended_from"],  # type: ignore[arg-type]
        suspended_to=values["suspended_to"],  # type: ignore[arg-type]
        without_delay_days=rules.without_delay_days,
    )
    computed_due: date | None = None
    due_on: date | None = None
    due_rule = NO_DEADLINE_RULE
    if category != CaseCategory.UNKNOWN:
        try:
            counted_to = settled if isinstance(settled, date) else as_of
            computed = statutory_deadline(terms, counted_to)
            due = effective_deadline(terms, counted_to, computed)
        except DeadlineError:
            problem("due_on", ValidationFailed("a special period needs a due date"), None)
            return None
        computed_due, due_on, due_rule = computed.value, due.value, due.rule("pl")
    unit_code = text["unit"] or (match.group("unit") if match else "")
    suspended = bool(values["suspended"]) or terms.suspended_from is not None
    return ParsedCase(
        line=line,
        sign=sign,
        unit_code=unit_code,
        jrwa=jrwa,
        title=text["title"],
        started_on=started,
        settled_on=settled if isinstance(settled, date) else None,
        category=category,
        ezd_due=terms.ezd_due,
        suspension_days=terms.suspension_days,
        suspended=suspended,
        suspended_from=terms.suspended_from,
        suspended_to=terms.suspended_to,
        handler=text["handler"],
        remarks=text["remarks"],
        computed_due=computed_due,
        due_on=due_on,
        due_rule=due_rule,
    )


class _Fallback(Exception):
    """A row the fast reader leaves to read_case (which names its problems)."""


def _fallback(_field: str, _message: ValidationFailed, _value: str | None = None) -> None:
    raise _Fallback


D = TypeVar("D")
# what CaseRowReader.read gives: sign, unit code (the column's, else the sign's), the unit code
# in the sign ("" when the sign has none), JRWA class, title, handler, remarks, derived values
FastCase = tuple[str, str, str, str, str, str, str, D]


class CaseRowReader(Generic[D]):
    """The case row rule at a register's speed (issue 17: a million rows). The columns are
    looked up once; a row's deadline and every value computed from its dates, category and
    suspension are worked out by `_case` (the same rule as read_case) once per distinct
    combination of those texts and handed to `derive`, whose answer is kept: a year-long
    register repeats the same few hundred dates in a handful of categories. `read` gives None
    for any row it cannot take whole (a value with a problem, a value too long, a sign that
    is no case sign): the caller then reads that row with read_case, which names each problem.

    The cells must be trimmed, as reports/tabular.py gives them (read_case trims again)."""

    def __init__(
        self,
        columns: Mapping[str, int],
        words: Mapping[str, Mapping[str, str]],
        as_of: date,
        rules: CaseRules,
        derive: Callable[[ParsedCase], D],
    ) -> None:
        width = max(columns.values(), default=-1) + 1
        self._pad = [""] * (width + 1)  # a short row reads "" past its end; -1 is always ""
        self._get = itemgetter(*(columns.get(f, -1) for f in TEXT_FIELDS))
        # value words (issue 13) per field position, each text looked up once
        self._words: list[tuple[int, dict[str, str], dict[str, str]]] = [
            (n, dict(words[f]), {})
            for n, f in enumerate(TEXT_FIELDS)
            if f in columns and words.get(f)
        ]
        self._sign, self._jrwa, self._title, self._handler = (
            _LIMITS["sign"],
            _LIMITS["jrwa"],
            _LIMITS["title"],
            _LIMITS["handler"],
        )
        self._as_of = as_of
        self._rules = rules
        self._derive = derive
        self._known: dict[tuple[str, ...], D] = {}

    def _worded(self, texts: tuple[str, ...]) -> tuple[str, ...]:
        out = list(texts)
        for n, words, seen in self._words:
            text = out[n]
            if text:
                found = seen.get(text)
                if found is None:
                    found = seen[text] = words.get(normalise_header(text), text)
                out[n] = found
        return tuple(out)

    def read(self, line: int, cells: list[str]) -> FastCase[D] | None:
        texts: tuple[str, ...] = self._get(cells + self._pad)
        if self._words:
            texts = self._worded(texts)
        sign, unit, jrwa = texts[0], texts[1], texts[2]
        match = SIGN.match(sign)
        if match is not None:
            sign_unit, sign_jrwa = match.group(1, 2)
        elif not sign or not unit:
            return None
        else:
            sign_unit = sign_jrwa = ""
        title, handler = texts[3], texts[4]
        if (
            len(sign) > self._sign
            or len(jrwa) > self._jrwa
            or len(title) > self._title
            or len(handler) > self._handler
        ):
            return None
        jrwa = jrwa or sign_jrwa
        key = (*texts[6:], jrwa)
        derived = self._known.get(key)
        if derived is None:
            try:
                case = _case(
                    line,
                    dict(zip(TEXT_FIELDS, texts, strict=True)),
                    self._as_of,
                    self._rules,
                    _fallback,
                )
            except _Fallback:
                return None
            assert case is not None
            derived = self._known[key] = self._derive(case)
        return sign, unit or sign_unit, sign_unit, jrwa, title, handler, texts[5], derived
