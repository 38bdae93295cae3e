"""The two CSV dialects of every export (docs/exports.md) and which one a language gets.

- ``pl``: semicolons, a decimal comma, dates 15.07.2026, UTF-8 with a BOM: what Excel and
  LibreOffice with Polish settings read as numbers and dates;
- ``intl``: commas, a decimal point, ISO dates, UTF-8 without a BOM.

One option name everywhere: ``dialect`` in the services, ``--dialect`` on the command line, the
CSV choice in the window's export dialogs. Its default follows the chosen language.
"""

from __future__ import annotations

from auditdesk.domain.errors import ValidationFailed

CSV_DIALECTS = ("pl", "intl")


def default_dialect(language: str) -> str:
    """The dialect a user of `language` ("pl" or "en") expects: Polish for Polish."""
    return "pl" if language == "pl" else "intl"


def check_dialect(dialect: str) -> str:
    """The dialect, or a refusal naming the two there are."""
    if dialect not in CSV_DIALECTS:
        raise ValidationFailed("CSV dialect {dialect}: use pl or intl", dialect=dialect)
    return dialect
