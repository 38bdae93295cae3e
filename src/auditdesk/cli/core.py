"""Sub-commands of the foundation: demo data, form checks, backup and integrity check."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from auditdesk.cli.common import open_context, out


def register(sub: Any) -> None:
    p = sub.add_parser("demo", help="create the demo office (idempotent)")
    p.set_defaults(func=cmd_demo)

    forms = sub.add_parser("forms", help="form definitions")
    forms_sub = forms.add_subparsers(dest="forms_command", metavar="ACTION", required=True)
    p = forms_sub.add_parser("check", help="validate form files (default: the shipped forms)")
    p.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="files or folders")
    p.set_defaults(func=cmd_forms_check)

    p = sub.add_parser("backup", help="consistent copy of the database (SQLite online backup)")
    p.add_argument("--out", required=True, type=Path, metavar="FILE")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("check", help="integrity check of the database and stored form versions")
    p.set_defaults(func=cmd_check)


def cmd_demo(args: argparse.Namespace) -> int:
    from auditdesk.services import demo

    ctx = open_context(args)
    report = demo.create_demo(ctx)
    if report.created:
        out(f"Created the demo office in {ctx.db.describe()}.")
        out("Demo accounts (login, role):")
        for login, role, note in report.accounts:
            out(f"  {login:16} {role:11} {note}")
    else:
        out(f"The demo office already exists in {ctx.db.describe()}.")
    added = {k: v for k, v in report.counts.items() if v}
    if added:
        out("Added: " + ", ".join(f"{v} {k}" for k, v in added.items()))
    else:
        out("Nothing added.")
    return 0


def cmd_forms_check(args: argparse.Namespace) -> int:
    from auditdesk.services.forms import check_forms

    paths: list[Path] = args.paths
    missing = [p for p in paths if not p.exists()]
    for p in missing:
        out(f"{p}: no such file or folder")
    result = check_forms([p for p in paths if p.exists()] if paths else [])
    for form in result.loaded:
        out(f"ok     {form.source}  ({form.kind} {form.form_id}, {form.content_hash[:12]})")
    for error in result.errors:
        out(f"ERROR  {error}")
    out(f"{len(result.loaded)} valid, {len(result.errors) + len(missing)} with errors")
    return 1 if result.errors or missing else 0


def cmd_backup(args: argparse.Namespace) -> int:
    from auditdesk.services.admin import maintenance

    ctx = open_context(args)
    target = maintenance.backup(ctx, args.out)
    out(f"Backed up {ctx.db.describe()} to {target}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from auditdesk.services import integrity

    ctx = open_context(args)
    report = integrity.check(ctx)
    for what, n in report.checked.items():
        out(f"checked {what}: {n}")
    for part in report.skipped:
        out(f"skipped {part}")
    for problem in report.problems:
        out(f"PROBLEM {problem}")
    out("OK: no problems found" if report.ok else f"{len(report.problems)} problem(s) found")
    return 0 if report.ok else 1
