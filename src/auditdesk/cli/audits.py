"""`auditdesk audits export|import`: audits out to JSON/CSV/XLSX, and in from another database."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from auditdesk.cli.common import open_context, out


def register(sub: Any) -> None:
    audits = sub.add_parser("audits", help="mystery-client audits: export and import")
    audits_sub = audits.add_subparsers(dest="audits_command", metavar="ACTION", required=True)
    p = audits_sub.add_parser(
        "export",
        help="every audit with answers, comments, section scores, total, verdict, form version",
    )
    p.add_argument("--format", choices=["json", "csv", "xlsx"], required=True)
    p.add_argument("--out", required=True, type=Path, metavar="FILE")
    p.set_defaults(func=cmd_export)
    p = audits_sub.add_parser(
        "import",
        help="audits exported (as JSON) from another AuditDesk database, with their evidence; "
        "idempotent; a newer state of a draft here replaces it, a conflict is listed (exit 1)",
    )
    p.add_argument("file", type=Path, metavar="FILE.json")
    p.set_defaults(func=cmd_import)
    p = audits_sub.add_parser(
        "recount", help="rebuild the running totals behind the per-standard report"
    )
    p.set_defaults(func=cmd_recount)


def cmd_export(args: argparse.Namespace) -> int:
    from auditdesk.services.audits import transfer as audit_transfer

    ctx = open_context(args)
    result = audit_transfer.export_audits(ctx, args.out, args.format)
    extra = f" and {result.evidence} evidence file(s)" if args.format == "json" else ""
    out(f"Exported {result.audits} audit(s){extra} to {result.path}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from auditdesk.services.audits import transfer as audit_transfer

    ctx = open_context(args)
    report = audit_transfer.import_audits(ctx, args.file)
    for line in report.imported:
        out(f"imported  {line}")
    for line in report.replaced:
        out(f"replaced  {line}")
    for line in report.skipped:
        out(f"skipped   {line} (identical to the copy here)")
    for line in report.kept:
        out(f"kept      {line}")
    for line in report.conflicts:
        out(f"CONFLICT  {line}")
    for line in report.refused:
        out(f"REFUSED   {line}")
    out(
        f"{args.file}: {len(report.imported)} imported, {len(report.skipped)} skipped, "
        f"{len(report.refused)} refused; {len(report.replaced)} replaced, "
        f"{len(report.kept)} kept, {len(report.conflicts)} in conflict"
    )
    return 1 if report.refused or report.conflicts else 0


def cmd_recount(args: argparse.Namespace) -> int:
    from auditdesk.services.audits import counts as audit_counts

    ctx = open_context(args)
    rows = audit_counts.recount_all(ctx)
    out(f"Rebuilt the per-standard totals: {rows} row(s) in {ctx.db.describe()}")
    return 0
