"""`auditdesk audits export|import`: audits out to JSON/CSV/XLSX, and in from another database."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from auditdesk.cli.common import open_context, out
from auditdesk.cli.lang import add_dialect_option, csv_dialect, document_language, t


def register(sub: Any) -> None:
    audits = sub.add_parser("audits", help="mystery-client audits: export and import")
    audits_sub = audits.add_subparsers(dest="audits_command", metavar="ACTION", required=True)
    p = audits_sub.add_parser(
        "export",
        help="every audit with answers, comments, section scores, total, verdict, form version",
    )
    p.add_argument("--format", choices=["json", "csv", "xlsx"], required=True)
    p.add_argument("--out", required=True, type=Path, metavar="FILE")
    add_dialect_option(p)
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
    result = audit_transfer.export_audits(
        ctx, args.out, args.format, dialect=csv_dialect(args), language=document_language(args)
    )
    if args.format == "json":
        out(
            t(
                "Exported {audits} audit(s) and {evidence} evidence file(s) to {path}",
                audits=result.audits,
                evidence=result.evidence,
                path=result.path,
            )
        )
    else:
        out(t("Exported {audits} audit(s) to {path}", audits=result.audits, path=result.path))
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
        t(
            "{file}: {imported} imported, {skipped} skipped, {refused} refused; {replaced} "
            "replaced, {kept} kept, {conflicts} in conflict",
            file=args.file,
            imported=len(report.imported),
            skipped=len(report.skipped),
            refused=len(report.refused),
            replaced=len(report.replaced),
            kept=len(report.kept),
            conflicts=len(report.conflicts),
        )
    )
    return 1 if report.refused or report.conflicts else 0


def cmd_recount(args: argparse.Namespace) -> int:
    from auditdesk.services.audits import counts as audit_counts

    ctx = open_context(args)
    rows = audit_counts.recount_all(ctx)
    out(
        t("Rebuilt the per-standard totals: {rows} row(s) in {db}", rows=rows, db=ctx.db.describe())
    )
    return 0
