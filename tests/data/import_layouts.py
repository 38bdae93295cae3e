"""Register files in the layouts other systems really export (issue 13), written from one set of
data so that a test can compare what was imported with what was written.

- surveys: Google Forms (the CSV download, a CSV saved from Sheets, XLSX), Microsoft Forms
  (XLSX), LimeSurvey (question codes with answer codes A1…, and full texts with a grid question
  written 'Question [row]');
- the complaint register: the classic 13-column "rejestr skarg i wniosków" of BIP pages, with a
  title line above the header, unit names and Polish kind, channel and outcome words;
- the EZD case register with its usual Polish headers, a title line, unit names in the unit
  column and the unit code in the case sign.

CSV files are written in UTF-8 with a BOM and comma, or in Windows-1250 with semicolons
(`Flavour`). Run `python tests/data/import_layouts.py DIR` to write every file into DIR."""

from __future__ import annotations

import csv
import io
import sys
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook


@dataclass(frozen=True)
class Flavour:
    encoding: str
    delimiter: str


FLAVOURS = (Flavour("utf-8-sig", ","), Flavour("cp1250", ";"))

# --- surveys (the form satysfakcja-klienta) ----------------------------------------------------

CAMPAIGN = (date(2026, 10, 1), date(2026, 10, 31))


@dataclass(frozen=True)
class Respondent:
    no: int
    at: datetime  # local time of the office
    answers: dict[str, str]  # question id → stored value


RESPONDENTS = [
    Respondent(
        101,
        datetime(2026, 10, 5, 17, 33, 12),
        {
            "oznakowanie": "tak",
            "warunki": "4",
            "wiedza": "5",
            "informacja": "4",
            "uprzejmosc": "5",
            "ogolna_ocena": "5",
            "uwagi": "Więcej miejsc siedzących, proszę",
            "wiek": "46-65",
        },
    ),
    Respondent(
        102,
        datetime(2026, 10, 6, 9, 5, 0),
        {
            "oznakowanie": "raczej_nie",
            "warunki": "2",
            "wiedza": "3",
            "informacja": "2",
            "uprzejmosc": "4",
            "ogolna_ocena": "3",
            "wiek": "do-25",
        },
    ),
    Respondent(
        103,
        datetime(2026, 10, 14, 12, 0, 59),
        {
            "oznakowanie": "nie",
            "warunki": "1",
            "wiedza": "1",
            "informacja": "1",
            "uprzejmosc": "2",
            "ogolna_ocena": "1",
            "uwagi": "Kolejka; za długo, „niegrzecznie”",
            "wiek": "pow-65",
        },
    ),
    Respondent(
        104,
        datetime(2026, 10, 31, 23, 15, 0),
        {
            "oznakowanie": "raczej_tak",
            "warunki": "5",
            "wiedza": "4",
            "informacja": "5",
            "uprzejmosc": "3",
            "ogolna_ocena": "4",
            "wiek": "26-45",
        },
    ),
]

TEXTS = {
    "oznakowanie": "Łatwo było znaleźć właściwe stanowisko obsługi",
    "warunki": "Warunki w miejscu obsługi (czystość, miejsca siedzące, dostępność)",
    "wiedza": "Pracownik znał przepisy i procedury",
    "informacja": "Otrzymałem(-am) pełną i zrozumiałą informację",
    "uprzejmosc": "Pracownik był uprzejmy i życzliwy",
    "ogolna_ocena": "Jak ogólnie ocenia Pan/Pani dzisiejszą obsługę?",
    "uwagi": "Co powinniśmy poprawić?",
    "wiek": "Wiek",
}
GRID = ("wiedza", "informacja", "uprzejmosc")
GRID_TITLE = "Jak ocenia Pan/Pani pracownika, który Pana/Panią obsługiwał?"
AGREE = {
    "tak": "Zdecydowanie tak",
    "raczej_tak": "Raczej tak",
    "raczej_nie": "Raczej nie",
    "nie": "Zdecydowanie nie",
}
LIKERT = {
    "1": "Zdecydowanie nie",
    "2": "Raczej nie",
    "3": "Ani tak, ani nie",
    "4": "Raczej tak",
    "5": "Zdecydowanie tak",
}
AGE = {  # as the tools write the labels: a hyphen where the form has an en dash
    "do-25": "do 25 lat",
    "26-45": "26-45 lat",
    "46-65": "46-65 lat",
    "pow-65": "powyżej 65 lat",
}
AGREE_ORDER = ("tak", "raczej_tak", "raczej_nie", "nie")
AGE_ORDER = ("do-25", "26-45", "46-65", "pow-65")
QUESTIONS = ("oznakowanie", "warunki", *GRID, "ogolna_ocena", "uwagi", "wiek")


def _label(qid: str, value: str | None) -> str:
    if value is None:
        return ""
    if qid == "oznakowanie":
        return AGREE[value]
    if qid in GRID:
        return LIKERT[value]
    if qid == "wiek":
        return AGE[value]
    return value  # scale numbers and free text as they are


def _csv(rows: list[list[object]], flavour: Flavour, title: str | None = None) -> bytes:
    buffer = io.StringIO()
    if title is not None:
        buffer.write(title + "\r\n")
    writer = csv.writer(buffer, delimiter=flavour.delimiter, lineterminator="\r\n")
    writer.writerows(rows)
    return buffer.getvalue().encode(flavour.encoding)


def _xlsx(rows: list[list[object]]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _google_rows(stamp: str) -> list[list[object]]:
    header = ["Sygnatura czasowa", TEXTS["oznakowanie"], TEXTS["warunki"]]
    header += [f"{GRID_TITLE} [{TEXTS[q]}]" for q in GRID]
    header += [TEXTS["ogolna_ocena"], TEXTS["uwagi"], TEXTS["wiek"]]
    rows: list[list[object]] = [header]
    for r in RESPONDENTS:
        when: object = r.at if stamp == "xlsx" else _stamp(r.at, stamp)
        rows.append([when, *(_label(q, r.answers.get(q)) for q in QUESTIONS)])
    return rows


def _stamp(at: datetime, form: str) -> str:
    if form == "forms":  # the CSV Google Forms downloads: 12-hour, with the time zone
        hour = at.hour % 12 or 12
        half = "AM" if at.hour < 12 else "PM"
        return f"{at:%Y/%m/%d} {hour}:{at:%M:%S} {half} GMT+2"
    return f"{at.day}.{at:%m.%Y %H:%M:%S}"  # a sheet in the Polish locale saved as CSV


def google_forms_csv(flavour: Flavour) -> bytes:
    return _csv(_google_rows("forms"), flavour)


def google_sheets_csv(flavour: Flavour) -> bytes:
    return _csv(_google_rows("sheets"), flavour)


def google_forms_xlsx() -> bytes:
    return _xlsx(_google_rows("xlsx"))


def microsoft_forms_xlsx() -> bytes:
    header = [
        "Identyfikator",
        "Godzina rozpoczęcia",
        "Godzina ukończenia",
        "Adres e-mail",
        "Nazwa",
        *(TEXTS[q] for q in QUESTIONS),
    ]
    rows: list[list[object]] = [header]
    for r in RESPONDENTS:
        started = r.at.replace(minute=max(0, r.at.minute - 3))
        rows.append(
            [
                r.no - 100,
                started,
                r.at,
                "anonymous",
                "",
                *(_label(q, r.answers.get(q)) for q in QUESTIONS),
            ]
        )
    return _xlsx(rows)


LIME_CODES = {
    "oznakowanie": "Q1",
    "warunki": "Q2",
    "wiedza": "G2Q1[SQ001]",
    "informacja": "G2Q1[SQ002]",
    "uprzejmosc": "G2Q1[SQ003]",
    "ogolna_ocena": "Q5",
    "uwagi": "Q6",
    "wiek": "Q7",
}


def _lime_code(qid: str, value: str | None) -> str:
    if value is None:
        return ""
    if qid == "oznakowanie":
        return f"A{AGREE_ORDER.index(value) + 1}"
    if qid == "wiek":
        return f"A{AGE_ORDER.index(value) + 1}"
    if qid == "uwagi":
        return value
    return f"A{value}"


def limesurvey_codes_csv(flavour: Flavour) -> bytes:
    header = ["id", "submitdate", "lastpage", "startlanguage", "seed"]
    header += [LIME_CODES[q] for q in QUESTIONS]
    rows: list[list[object]] = [header]
    for r in RESPONDENTS:
        rows.append(
            [
                r.no,
                f"{r.at:%Y-%m-%d %H:%M:%S}",
                3,
                "pl",
                1234567 + r.no,
                *(_lime_code(q, r.answers.get(q)) for q in QUESTIONS),
            ]
        )
    return _csv(rows, flavour)


def limesurvey_mapping() -> dict[str, object]:
    """The one mapping file the codes export needs: codes are no question texts."""
    return {"columns": {code: qid for qid, code in LIME_CODES.items()}}


def limesurvey_text_csv(flavour: Flavour) -> bytes:
    header = ["ID odpowiedzi", "Data wysłania", "Ostatnia strona", "Język początkowy", "Ziarno"]
    header += [f"{GRID_TITLE} [{TEXTS[q]}]" if q in GRID else TEXTS[q] for q in QUESTIONS]
    rows: list[list[object]] = [header]
    for r in RESPONDENTS:
        rows.append(
            [
                r.no,
                f"{r.at:%Y-%m-%d %H:%M:%S}",
                3,
                "pl",
                1234567 + r.no,
                *(_label(q, r.answers.get(q)) for q in QUESTIONS),
            ]
        )
    return _csv(rows, flavour)


# --- the complaint register ----------------------------------------------------------------------

UNITS = [  # code, name (as the demo office has them)
    ("BOK", "Biuro Obsługi Klienta"),
    ("USC", "Urząd Stanu Cywilnego"),
    ("WKS", "Wydział Komunikacji i Spraw Obywatelskich"),
    ("WKS-DO", "Referat Dowodów Osobistych"),
    ("WPN", "Wydział Podatków i Opłat Lokalnych"),
]


@dataclass(frozen=True)
class Entry:
    reference: str
    kind: str  # IndicatorKind value
    received: date
    channel: str  # Channel value
    unit: str  # code
    settled: date | None
    outcome: str | None  # Outcome value
    summary: str


ENTRIES = [
    Entry(
        "SKW.1510.1.2026",
        "complaint",
        date(2026, 3, 2),
        "letter",
        "BOK",
        date(2026, 3, 20),
        "justified",
        "Skarga na opieszałość, kolejka",
    ),
    Entry(
        "SKW.1510.2.2026",
        "request",
        date(2026, 3, 9),
        "email",
        "WKS",
        date(2026, 3, 12),
        "passed_on",
        "Wniosek o wydłużenie godzin pracy",
    ),
    Entry(
        "SKW.1510.3.2026",
        "complaint",
        date(2026, 4, 1),
        "epuap",
        "USC",
        date(2026, 4, 28),
        "unjustified",
        "Skarga na pracownika USC",
    ),
    Entry(
        "SKW.1510.4.2026",
        "complaint",
        date(2026, 11, 20),
        "in_person",
        "WKS-DO",
        None,
        None,
        "Skarga ustna do protokołu",
    ),
    Entry(
        "SKW.1510.5.2026",
        "request",
        date(2026, 5, 4),
        "letter",
        "BOK",
        date(2026, 5, 25),
        "left_unexamined",
        "Wniosek anonimowy",
    ),
    Entry(
        "SKW.1510.6.2026",
        "complaint",
        date(2026, 6, 1),
        "letter",
        "WPN",
        date(2026, 6, 5),
        "passed_on",
        "Skarga na decyzję podatkową",
    ),
]
KIND_WORDS = {"complaint": "skarga", "request": "wniosek"}
CHANNEL_WORDS = {
    "letter": "pisemnie",
    "email": "e-mail",
    "epuap": "ePUAP",
    "in_person": "ustnie do protokołu",
}
OUTCOME_WORDS = {
    "justified": "zasadna",
    "unjustified": "bezzasadna",
    "passed_on": "przekazana zgodnie z właściwością",
    "left_unexamined": "pozostawiona bez rozpatrzenia",
}
BIP_HEADER = [
    "Lp.",
    "Data wpływu",
    "Nr sprawy",
    "Od kogo wpłynęła",
    "Przedmiot skargi/wniosku",
    "Rodzaj (skarga/wniosek)",
    "Forma wniesienia",
    "Komu zlecono załatwienie",
    "Termin załatwienia",
    "Data załatwienia",
    "Sposób załatwienia",
    "Data wysłania odpowiedzi",
    "Uwagi",
]
BIP_TITLE = "Rejestr skarg i wniosków Urzędu Miejskiego w Zielonej Łące – 2026 r."


def bip_register_csv(flavour: Flavour) -> bytes:
    names = dict(UNITS)
    rows: list[list[object]] = [BIP_HEADER]
    for n, e in enumerate(ENTRIES, start=1):
        rows.append(
            [
                f"{n}.",
                f"{e.received:%d.%m.%Y}",
                e.reference,
                "Jan Kowalski, ul. Polna 1",
                e.summary,
                KIND_WORDS[e.kind],
                CHANNEL_WORDS[e.channel],
                names[e.unit],
                "",
                f"{e.settled:%d.%m.%Y}" if e.settled else "",
                OUTCOME_WORDS[e.outcome] if e.outcome else "",
                f"{e.settled:%d.%m.%Y}" if e.settled else "",
                "uwaga do sprawy" if n == 3 else "",
            ]
        )
    return _csv(rows, flavour, title=flavour.delimiter.join([BIP_TITLE, "", ""]))


# --- the EZD case register ---------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    sign: str
    unit_text: str  # what the unit column says
    unit: str  # the unit's code it must be linked to
    title: str
    started: date
    settled: date | None


CASES = [
    Case(
        "WKS-DO.5340.1.2026",
        "Referat Dowodów Osobistych",
        "WKS-DO",
        "Dowód osobisty",
        date(2026, 2, 2),
        date(2026, 2, 20),
    ),
    Case(
        "WKS-DO.5340.2.2026",
        "",
        "WKS-DO",
        "Dowód osobisty – utrata",
        date(2026, 2, 3),
        date(2026, 3, 30),
    ),
    Case(
        "USC.5360.7.2026",
        "Urząd Stanu Cywilnego",
        "USC",
        "Akt małżeństwa, odpis",
        date(2026, 3, 1),
        None,
    ),
    Case(
        "WPN.3110.5.2026",
        "Referat Spraw Różnych",
        "WPN",
        "Podatek od nieruchomości",
        date(2026, 3, 10),
        date(2026, 4, 2),
    ),
    Case(
        "WKS.5410.3.2026", "WKS", "WKS", "Rejestracja pojazdu", date(2026, 4, 1), date(2026, 4, 3)
    ),
]
EZD_HEADER = [
    "Lp.",
    "Znak sprawy",
    "Tytuł sprawy",
    "Komórka organizacyjna",
    "Data wszczęcia sprawy",
    "Data zakończenia sprawy",
    "Prowadzący sprawę",
    "Znak pisma",
    "Data pisma",
]
EZD_TITLE = "Spis spraw – eksport z EZD RP, stan na 01.12.2026"


def ezd_register_csv(flavour: Flavour) -> bytes:
    rows: list[list[object]] = [EZD_HEADER]
    for n, c in enumerate(CASES, start=1):
        rows.append(
            [
                n,
                c.sign,
                c.title,
                c.unit_text,
                f"{c.started:%d.%m.%Y}",
                f"{c.settled:%d.%m.%Y}" if c.settled else "",
                "Anna Nowak",
                f"PISMO/{n}/2026",
                f"{c.started:%d.%m.%Y}",
            ]
        )
    return _csv(rows, flavour, title=EZD_TITLE)


def write_all(folder: Path) -> list[Path]:
    """Every layout in every flavour into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    files: dict[str, bytes] = {
        "google-forms.xlsx": google_forms_xlsx(),
        "microsoft-forms.xlsx": microsoft_forms_xlsx(),
    }
    for f in FLAVOURS:
        tag = "utf8-comma" if f.delimiter == "," else "cp1250-semicolon"
        files[f"google-forms-{tag}.csv"] = google_forms_csv(f)
        files[f"google-sheets-{tag}.csv"] = google_sheets_csv(f)
        files[f"limesurvey-codes-{tag}.csv"] = limesurvey_codes_csv(f)
        files[f"limesurvey-text-{tag}.csv"] = limesurvey_text_csv(f)
        files[f"rejestr-skarg-bip-{tag}.csv"] = bip_register_csv(f)
        files[f"ezd-spis-spraw-{tag}.csv"] = ezd_register_csv(f)
    out = []
    for name, data in files.items():
        path = folder / name
        path.write_bytes(data)
        out.append(path)
    return out


if __name__ == "__main__":
    for written in write_all(Path(sys.argv[1] if len(sys.argv) > 1 else "layouts")):
        print(written)
