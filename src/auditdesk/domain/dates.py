"""Dates as imported registers and people write them: dd.mm.yyyy (d.m.yyyy too), YYYY-MM-DD,
dd-mm-yyyy or dd/mm/yyyy, a time after the date ignored. Pure Python, so that both the row rules
in domain/ and the file reader in reports/tabular.py use the one parser."""

from __future__ import annotations

import re
from datetime import date, datetime

from auditdesk.domain.errors import ValidationFailed

_DMY = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_OTHER_FORMS = ("%d.%m.%Y", "%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y")


class NotADate(ValidationFailed, ValueError):
    """A text that is neither empty nor a date in one of the accepted forms."""


def parse_date(text: str) -> date | None:
    """The date in `text`; None when it is empty; NotADate (a ValueError too) otherwise.

    An XLSX date cell arrives as ISO (reports/tabular.py writes it so), with its time after a
    space when it has one; '2025-03-05T10:30:00' is read too."""
    text = text.strip()
    if not text:
        return None
    head = text.split(" ")[0].split("T")[0]
    quick = _DMY.match(head) or _ISO.match(head)
    if quick:  # the two forms registers write, without strptime's cost on 50,000 rows
        a, b, c = (int(g) for g in quick.groups())
        try:
            return date(c, b, a) if quick.re is _DMY else date(a, b, c)
        except ValueError:
            raise NotADate(
                "{value!r} is not a date (dd.mm.yyyy or YYYY-MM-DD)", value=text
            ) from None
    for pattern in _OTHER_FORMS:
        try:
            return datetime.strptime(head, pattern).date()
        except ValueError:
            continue
    raise NotADate("{value!r} is not a date (dd.mm.yyyy or YYYY-MM-DD)", value=text)
