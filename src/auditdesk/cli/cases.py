"""`auditdesk cases import|report|overdue`: the EZD case register and the timeliness of cases."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from auditdesk.cli.common import open_context, out
from auditdesk.cli.import_options import (
    add_mapping_options,
    is_mapping_file,
    layout_lines,
    mapping_spec,
)
from auditdesk.cli.lang import add_dialect_option, print_csv

CASE_FIELD_NAMES = (
    "sign, unit, jrwa, title, started_on, settled_on, category, due_on, suspension_days, "
    "suspended, suspended_from, suspended_to, handler, remarks"
)


def _day(text: str) -> date:
    from auditdesk.domain.case_rows import parse_date

    try:
        found = parse_date(text)
    except ValueError:
        found = None
    if found is None:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD or dd.mm.yyyy)")
    return found


def register(sub: Any) -> None:
    cases = sub.add_parser("cases", help="timeliness of case handling from the EZD case register")
    cases_sub = cases.add_subparsers(dest="cases_command", metavar="ACTION", required=True)
    p = cases_sub.add_parser(
        "import",
        help="import an EZD register export (CSV or XLSX); the whole file or nothing; cases "
        "are updated by their sign",
    )
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument(
        "--mapping",
        default="auto",
        metavar="NAME|auto|FILE.json",
        help="a column mapping saved in the window, a mapping file (FILE.json), or auto: the "
        "one remembered for this header row, else guessed from the Polish column names "
        "(default)",
    )
    add_mapping_options(p, CASE_FIELD_NAMES)
    p.add_argument(
        "--encoding",
        default="auto",
        metavar="auto|utf-8|cp1250",
        help="the text encoding of a CSV file (default: detected)",
    )
    p.add_argument("--remember", metavar="NAME", help="save the mapping used under NAME")
    p.set_defaults(func=cmd_import)
    p = cases_sub.add_parser(
        "report", help="on-time share of settled cases per unit and month (dates of settlement)"
    )
    p.add_argument("--from", dest="date_from", type=_day, metavar="DATE")
    p.add_argument("--to", dest="date_to", type=_day, metavar="DATE")
    p.add_argument("--unit", metavar="CODE", help="one unit's code, as in the case sign")
    p.add_argument("--by", choices=["unit_month", "unit", "month", "jrwa"], default="unit_month")
    p.add_argument("--format", choices=["table", "csv"], default="table")
    add_dialect_option(p)
    p.set_defaults(func=cmd_report)
    p = cases_sub.add_parser("overdue", help="open cases past their due date, longest first")
    p.add_argument("--unit", metavar="CODE")
    p.add_argument("--as-of", dest="as_of", type=_day, metavar="DATE", help="default: today")
    p.add_argument("--format", choices=["table", "csv"], default="table")
    add_dialect_option(p)
    p.set_defaults(func=cmd_overdue)


def cmd_import(args: argparse.Namespace) -> int:
    from auditdesk.services.monitoring.cases import imports as cases_import

    ctx = open_context(args)
    files = [args.mapping] if is_mapping_file(args.mapping) else []
    result = cases_import.import_cases(
        ctx,
        args.file,
        "auto" if files else args.mapping,
        encoding=args.encoding,
        remember_as=args.remember,
        spec=mapping_spec(files, args.map),
        mapping_out=args.save_mapping,
    )
    if result.already_imported:
        out(f"{args.file.name}: this file was imported before; nothing changed.")
        return 0
    out(
        f"{args.file.name} ({result.encoding}): {result.rows} case(s): {result.created} new, "
        f"{result.updated} updated, {result.unchanged} unchanged; {result.linked} linked to "
        f"a unit, {result.settled_from_file} with a settlement date from the file"
    )
    for line in layout_lines(result.header_line, result.skipped, result.not_imported):
        out(line)
    if result.unmatched_units:
        out(
            "units not in the organisation (kept by code, not shown to supervisors): "
            + ", ".join(result.unmatched_units)
        )
    return 0


def _pct(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}"


def cmd_report(args: argparse.Namespace) -> int:
    from auditdesk.domain.case_deadlines import WITHOUT_DELAY_RULE_EN
    from auditdesk.services.monitoring.cases import reports as cases_reports

    ctx = open_context(args)
    rows = cases_reports.timeliness(
        ctx, date_from=args.date_from, date_to=args.date_to, unit=args.unit, by=args.by
    )
    header = [
        "unit",
        "month",
        "jrwa",
        "settled",
        "on_time",
        "late",
        "on_time_pct",
        "ci95_low",
        "ci95_high",
        "avg_days_to_settle",
        "avg_days_late",
    ]
    table = []
    for r in rows:
        low, high = r.interval or (None, None)
        table.append(
            [
                r.unit_code,
                r.period,
                r.jrwa,
                str(r.settled),
                str(r.on_time),
                str(r.late),
                _pct(r.on_time_percent),
                _pct(low),
                _pct(high),
                _pct(r.avg_days_to_settle),
                _pct(r.avg_days_late),
            ]
        )
    _print(header, table, args)
    if args.format == "table":
        out()
        out(WITHOUT_DELAY_RULE_EN)
        out("Due dates: KPA art. 35 (1 month, 2 months, appeal 1 month), art. 237 (complaints),")
        out("extended by periods not counted (art. 35 §5); EZD's due date wins when given.")
    return 0


def cmd_overdue(args: argparse.Namespace) -> int:
    from auditdesk.services.monitoring.cases import reports as cases_reports

    ctx = open_context(args)
    rows = cases_reports.overdue(ctx, as_of=args.as_of, unit=args.unit)
    header = ["sign", "unit", "started", "due", "days_overdue", "handler", "title"]
    table = [
        [
            r.sign,
            r.unit_code,
            r.started_on.isoformat(),
            r.due_on.isoformat() if r.due_on else "",
            str(r.days_overdue),
            r.handler,
            r.title,
        ]
        for r in rows
    ]
    _print(header, table, args)
    if args.format == "table":
        out(f"{len(rows)} open case(s) past their due date")
    return 0


def _print(header: list[str], rows: list[list[str]], args: argparse.Namespace) -> None:
    if args.format == "csv":
        print_csv(args, header, rows)
        return
    widths = [len(h) for h in header]
    for row in rows:
        widths = [max(w, min(len(c), 50)) for w, c in zip(widths, row, strict=True)]
    out("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip())
    for row in rows:
        out("  ".join(c[:50].ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
