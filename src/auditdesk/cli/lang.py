"""The command line's language and CSV dialect (issue 15), without Qt (its start, issue 14).

`--lang pl|en` chooses the language of the messages and of the documents written (headers of
CSV and XLSX exports); without it the environment decides (LC_ALL, LC_MESSAGES, LANG: a Polish
locale gives Polish, an English one English). With neither, messages stay English (the command
line's own language) while documents stay Polish (the office's).

`--dialect pl|intl` on every command writing CSV (domain.dialects); its default follows the
language: that of the documents for a file written (audits/appraisals/protocols export), that of
the messages for CSV printed to the standard output (reports with machine column names); Polish
gives "pl", English "intl".

Messages are translated from resources/i18n/cli_pl.ts (context "Cli", collected from the `t()`
calls in cli/ by tools/i18n.py) and errors from errors_pl.ts (context "Errors"): the .ts files
are read with the standard library's XML parser, so the command line needs no Qt.
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import sys
from collections.abc import Iterable, Sequence
from datetime import date
from functools import cache
from typing import Any

LANGUAGES = ("pl", "en")
DIALECTS = ("pl", "intl")  # domain.dialects.CSV_DIALECTS (checked by a test); no import to start
_chosen: list[str] = []  # the messages' language of this run, set by main()


def environment_language(environ: dict[str, str] | None = None) -> str | None:
    """ "pl" or "en" from the first locale variable set (LC_ALL, LC_MESSAGES, LANG, as POSIX
    reads them); None for C, POSIX or none."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            code = value.split("_")[0].split(".")[0].lower()
            return code if code in LANGUAGES else None
    return None


def messages_language(args: argparse.Namespace) -> str:
    """The language of the messages: --lang, else the environment's, else English."""
    return getattr(args, "lang", None) or environment_language() or "en"


def document_language(args: argparse.Namespace) -> str:
    """The language of what is written to files: --lang, else the environment's, else Polish."""
    return getattr(args, "lang", None) or environment_language() or "pl"


def csv_dialect(args: argparse.Namespace) -> str:
    """--dialect, else the one of the documents' language."""
    chosen: str | None = getattr(args, "dialect", None)
    if chosen:
        return chosen
    return "pl" if document_language(args) == "pl" else "intl"


def output_dialect(args: argparse.Namespace) -> str:
    """The dialect of CSV printed to the standard output (reports for scripts, whose columns
    have machine names): --dialect, else the one of the messages' language."""
    chosen: str | None = getattr(args, "dialect", None)
    if chosen:
        return chosen
    return "pl" if messages_language(args) == "pl" else "intl"


_DECIMAL = re.compile(r"-?\d+\.\d+")
_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def dialect_cell(value: object, dialect: str) -> object:
    """A cell as the dialect writes it: in "pl" a decimal comma and dates 15.07.2026 (numbers
    and dates already formatted as text included); "intl" leaves them as they are."""
    if dialect != "pl":
        return value
    if isinstance(value, float):
        return repr(value).replace(".", ",")
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, str):
        if _DECIMAL.fullmatch(value):
            return value.replace(".", ",")
        day = _ISO_DAY.fullmatch(value)
        if day:
            return f"{day[3]}.{day[2]}.{day[1]}"
    return value


def print_csv(
    args: argparse.Namespace, header: Sequence[object], rows: Iterable[Sequence[object]]
) -> None:
    """CSV to the standard output in the output dialect: semicolons and decimal commas in
    "pl", commas and points in "intl" (no BOM: it is not a file)."""
    dialect = output_dialect(args)
    writer = csv.writer(sys.stdout, delimiter=";" if dialect == "pl" else ",", lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([dialect_cell(c, dialect) for c in row])
    sys.stdout.flush()


def add_dialect_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--dialect",
        choices=DIALECTS,
        help="CSV dialect: pl (semicolons, decimal comma, 15.07.2026, UTF-8 with BOM) or intl "
        "(commas, decimal point, ISO dates); default: pl in Polish, intl in English",
    )


def set_language(language: str) -> None:
    _chosen[:] = [language]


def current_language() -> str:
    return _chosen[0] if _chosen else "en"


@cache
def _catalogue(area: str, language: str) -> dict[str, str]:
    """The finished translations of resources/i18n/<area>_<language>.ts."""
    import xml.etree.ElementTree as ET

    from auditdesk.resources import resource_path

    path = resource_path("i18n") / f"{area}_{language}.ts"
    if not path.exists():
        return {}
    found: dict[str, str] = {}
    for message in ET.parse(path).iter("message"):
        source, translation = message.find("source"), message.find("translation")
        if source is None or translation is None or not source.text or not translation.text:
            continue
        if translation.get("type") in ("unfinished", "obsolete", "vanished"):
            continue
        found[source.text] = translation.text
    return found


def t(text: str, **fields: Any) -> str:
    """A message of the command line in its language, `{fields}` filled in."""
    language = current_language()
    if language != "en":
        text = _catalogue("cli", language).get(text, text)
    return text.format(**fields) if fields else text


def number(value: float, decimals: int = 1) -> str:
    """A number in the language of the messages: 12,5 in Polish, 12.5 in English."""
    text = f"{value:.{decimals}f}"
    return text.replace(".", ",") if current_language() == "pl" else text


def error_message(exc: Any) -> str:
    """An AuditDeskError in the language of the messages: its template translated (errors_pl.ts),
    bilingual values in that language; the English sentence when no translation is known."""
    from auditdesk.domain.errors import Localized

    language = current_language()
    template = getattr(exc, "template", "")
    if language == "en" or not template:
        return str(exc)
    translated = _catalogue("errors", language).get(template)
    if translated is None:
        return str(exc)
    fields = {
        k: (v.pl if language == "pl" else v.en) if isinstance(v, Localized) else v
        for k, v in getattr(exc, "fields", {}).items()
    }
    try:
        return translated.format(**fields)
    except (KeyError, IndexError, ValueError):
        return str(exc)
