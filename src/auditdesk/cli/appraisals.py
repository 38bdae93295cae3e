"""`auditdesk appraisals due|export`: who is due for an appraisal, and exports of appraisals."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from auditdesk.cli.common import open_context, out
from auditdesk.cli.lang import add_dialect_option, csv_dialect, document_language, print_csv, t

# The command line speaks English without Qt (its start, issue 14): the window's English names
# of domain.appraisal.DueStatus and domain.values.AppraisalKind (ui.labels due_status_name and
# appraisal_kind_name), which tests/ui/test_labels.py checks these equal.
STATUS_EN = {
    "overdue": "overdue",
    "due_30": "due within 30 days",
    "due_60": "due within 60 days",
    "in_progress": "in progress",
    "not_due": "not due",
    "unknown": "no start date",
}
REASON_EN = {"periodic": "periodic", "follow_up": "follow-up after a negative appraisal"}


def register(sub: Any) -> None:
    p = sub.add_parser("appraisals", help="periodic appraisals: due dates and exports")
    act = p.add_subparsers(dest="appraisals_command", metavar="ACTION", required=True)

    due = act.add_parser("due", help="who is due or overdue, with the due date and the reason")
    due.add_argument(
        "--within",
        type=int,
        default=60,
        metavar="DAYS",
        help="include appraisals due within this many days (default 60)",
    )
    due.add_argument("--format", choices=["table", "csv"], default="table")
    add_dialect_option(due)
    due.add_argument(
        "--today", type=date.fromisoformat, metavar="YYYY-MM-DD", help=argparse.SUPPRESS
    )  # for tests and what-if checks
    due.set_defaults(func=cmd_due)

    exp = act.add_parser("export", help="export the appraisals you may read")
    exp.add_argument("--format", choices=["json", "csv", "xlsx"], required=True)
    exp.add_argument("--out", type=Path, required=True, metavar="FILE")
    add_dialect_option(exp)
    exp.set_defaults(func=cmd_export)


def cmd_due(args: argparse.Namespace) -> int:
    from auditdesk.domain.errors import ValidationFailed
    from auditdesk.services.appraisals.overview import due_list

    if args.within < 0:
        raise ValidationFailed("--within: give a number of days, 0 or more")
    ctx = open_context(args)
    rows = due_list(ctx, args.within, args.today, language="en")
    header = ["due", "employee", "unit", "reason", "status", "last appraisal", "rule"]
    lines = [
        [
            r.due.isoformat() if r.due else "",
            r.employee,
            r.unit,
            REASON_EN.get(r.due_reason, r.due_reason),
            STATUS_EN.get(r.status, r.status),
            f"{r.last_record} ({r.last_level})" if r.last_record else "none",
            r.due_rule_en,
        ]
        for r in rows
    ]
    if args.format == "csv":
        print_csv(args, header, lines)
        return 0
    if not lines:
        out(t("No appraisal is due within {days} days.", days=args.within))
        return 0
    widths = [max(len(h), *(len(row[i]) for row in lines)) for i, h in enumerate(header[:-1])]
    out("  ".join(h.ljust(w) for h, w in zip(header[:-1], widths, strict=True)))
    for row in lines:
        out("  ".join(c.ljust(w) for c, w in zip(row[:-1], widths, strict=True)))
        out(f"    {row[-1]}")
    out(
        t(
            "{count} employee(s) due within {days} days or overdue",
            count=len(lines),
            days=args.within,
        )
    )
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from auditdesk.services.appraisals.overview import export_appraisals

    ctx = open_context(args)
    n = export_appraisals(
        ctx, args.format, args.out, dialect=csv_dialect(args), language=document_language(args)
    )
    out(t("Exported {count} appraisal(s) to {path}", count=n, path=args.out))
    return 0
