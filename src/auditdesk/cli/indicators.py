"""`auditdesk indicators import|report|overdue`: the complaint register in, the monthly summary
and the entries nearing or past their deadline out."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from auditdesk.cli.choices import INDICATOR_FIELDS
from auditdesk.cli.common import open_context, out
from auditdesk.cli.import_options import (
    add_mapping_options,
    is_mapping_file,
    layout_lines,
    mapping_spec,
)
from auditdesk.cli.lang import add_dialect_option, print_csv


def _date(text: str) -> date:
    from auditdesk.reports.tabular import parse_date

    try:
        parsed = parse_date(text)
    except ValueError:
        parsed = None
    if parsed is None:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (dd.mm.yyyy or YYYY-MM-DD)")
    return parsed


def register(sub: Any) -> None:
    ind = sub.add_parser(
        "indicators", help="complaints, grievances, opinions and praise: import and reports"
    )
    ind_sub = ind.add_subparsers(dest="indicators_command", metavar="ACTION", required=True)
    p = ind_sub.add_parser(
        "import",
        help="a complaint register (CSV or XLSX): all rows or none; rows already present "
        "(same reference number) are skipped",
    )
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument(
        "--mapping",
        metavar="FILE.json|COLUMN=FIELD,...",
        help="a mapping file, or which column holds which field (the whole mapping; "
        "remembered for files with the same header); "
        f"fields: {', '.join(INDICATOR_FIELDS)}",
    )
    add_mapping_options(p, ", ".join(INDICATOR_FIELDS))
    p.set_defaults(func=cmd_import)
    p = ind_sub.add_parser("report", help="monthly summary per unit and kind")
    p.add_argument("--from", dest="date_from", type=_date, metavar="DATE")
    p.add_argument("--to", dest="date_to", type=_date, metavar="DATE")
    p.add_argument("--unit", metavar="CODE", help="a unit's code, e.g. WKS")
    p.add_argument("--format", choices=["table", "csv"], default="table")
    add_dialect_option(p)
    p.set_defaults(func=cmd_report)
    p = ind_sub.add_parser("overdue", help="open entries past their deadline or due within 7 days")
    p.set_defaults(func=cmd_overdue)


def cmd_import(args: argparse.Namespace) -> int:
    from auditdesk.services.monitoring.indicators import imports as indicator_import

    ctx = open_context(args)
    files = [args.mapping] if is_mapping_file(args.mapping) else []
    mapping = indicator_import.parse_mapping(args.mapping) if args.mapping and not files else None
    try:
        report = indicator_import.import_register(
            ctx,
            args.file,
            mapping,
            spec=mapping_spec(files, args.map),
            mapping_out=args.save_mapping,
        )
    except indicator_import.ImportRejected as exc:
        print(f"auditdesk: {exc.report()}", file=sys.stderr)
        return 1
    out(
        f"{report.file}: {report.rows} row(s) read ({report.encoding}), {report.added} added, "
        f"{report.already_present} already in the register; {report.rows} linked to a unit, "
        f"{report.settled_from_file} added with a settlement date from the file"
    )
    for line in layout_lines(report.header_line, report.skipped, report.not_imported):
        out(line)
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from auditdesk.domain.errors import ValidationFailed
    from auditdesk.services.monitoring import indicators

    ctx = open_context(args)
    unit_id = None
    if args.unit:
        units = {code.lower(): i for i, code, _n in indicators.unit_choices(ctx)}
        unit_id = units.get(args.unit.lower())
        if unit_id is None:
            raise ValidationFailed(
                "--unit {unit}: no such unit; codes: {codes}",
                unit=args.unit,
                codes=", ".join(sorted(c.upper() for c in units)),
            )
    summary = indicators.monthly_summary(ctx, args.date_from, args.date_to, unit_id)
    header = [
        "month",
        "unit",
        "kind",
        "received",
        "settled",
        "on_time",
        "late",
        "open_overdue",
        "justified",
        "partly",
        "unjustified",
        "passed_on",
    ]
    rows = [
        [
            r.month_label,
            r.unit_code,
            r.kind,
            r.received,
            r.settled,
            r.on_time,
            r.late,
            r.open_overdue,
            r.justified,
            r.partly,
            r.unjustified,
            r.passed_on,
        ]
        for r in summary.rows
    ]
    if args.format == "csv":
        print_csv(args, header, rows)
        return 0
    table: list[list[object]] = [list(header), *rows]
    widths = [max(len(str(line[i])) for line in table) for i in range(len(header))]
    for line in table:
        out("  ".join(str(x).ljust(w) for x, w in zip(line, widths, strict=True)).rstrip())
    out()
    out(f"received: {summary.received}; open past the deadline: {summary.open_overdue}")
    shares = summary.shares
    out(f"settled on time: {_share(shares.on_time.successes, shares.on_time.n)}")
    out(f"justified (incl. partly): {_share(shares.justified.successes, shares.justified.n)}")
    return 0


def _share(k: int, n: int) -> str:
    from auditdesk.domain.statistics import wilson_interval

    interval = wilson_interval(k, n)
    if interval is None:
        return "no data"
    return (
        f"{k} of {n} = {100 * k / n:.1f}% (95% CI {100 * interval[0]:.1f}–{100 * interval[1]:.1f}%)"
    )


def cmd_overdue(args: argparse.Namespace) -> int:
    from auditdesk.services.monitoring import indicators

    ctx = open_context(args)
    rows = indicators.deadline_watch(ctx)
    if not rows:
        out("No open entry is past or near its deadline.")
        return 0
    for r in rows:
        state = f"{r.days_late} day(s) overdue" if r.days_late else "due soon"
        due = r.due_on.strftime("%d.%m.%Y") if r.due_on else ""
        out(f"{r.reference:<24} {r.kind:<17} {r.unit_code:<7} due {due}  {state}")
    return 0
