"""`auditdesk report`: the periodic monitoring report (issue 17) as a PDF or an XLSX workbook,
full or anonymised, for the office or one unit. Services and reportlab are imported in the
handler (the command line stays fast to start)."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from auditdesk.cli.common import open_context, out


def _day(text: str) -> date:
    from auditdesk.domain.dates import NotADate, parse_date

    try:
        found = parse_date(text)
    except NotADate:
        found = None
    if found is None:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (dd.mm.yyyy or YYYY-MM-DD)")
    return found


def register(sub: Any) -> None:
    p = sub.add_parser(
        "report", help="the periodic monitoring report of the six methods (PDF or XLSX)"
    )
    p.add_argument("--from", dest="date_from", type=_day, required=True, metavar="DATE")
    p.add_argument("--to", dest="date_to", type=_day, required=True, metavar="DATE")
    p.add_argument("--unit", metavar="CODE", help="one unit's row only")
    p.add_argument(
        "--anonymised",
        action="store_true",
        help="for publication: no names, no case signs, figures from fewer than 5 records hidden",
    )
    p.add_argument("--out", type=Path, required=True, metavar="FILE.pdf|FILE.xlsx")
    p.set_defaults(func=cmd_report)


def cmd_report(args: argparse.Namespace) -> int:
    from auditdesk.services.overview import Period
    from auditdesk.services.overview.report import write_report

    ctx = open_context(args)
    path = write_report(
        ctx,
        Period(args.date_from, args.date_to),
        args.out,
        unit=args.unit,
        anonymised=args.anonymised,
    )
    out(f"{path}: the monitoring report, {args.date_from:%d.%m.%Y} – {args.date_to:%d.%m.%Y}")
    return 0
