"""`auditdesk sync`: an auditor's laptop (the --db database) exchanging with the office store.

`auditdesk --db laptop.sqlite sync --office URL --user LOGIN` signs in at the office (the
password is asked for, or taken from AUDITDESK_PASSWORD) and exchanges; `sync conflicts` lists
the records changed on both sides, `sync resolve ID --keep office|laptop` chooses one (applied
by the next exchange). The services are imported inside the handlers (a cheap start)."""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from auditdesk.cli.common import open_context, out, release_collector

if TYPE_CHECKING:  # the services are imported when a command runs, not to build the parser
    from auditdesk.services.sync.visits import PlanCounts


def register(sub: Any) -> None:
    p = sub.add_parser(
        "sync",
        help="exchange this laptop's audits with the office store (or list/resolve conflicts)",
    )
    p.add_argument("--office", metavar="URL", help="the office store: a file or a database URL")
    p.set_defaults(func=cmd_sync)
    actions = p.add_subparsers(dest="sync_command", metavar="ACTION")
    c = actions.add_parser("conflicts", help="records changed on both sides, with both versions")
    c.add_argument("--all", action="store_true", help="resolved ones too")
    c.set_defaults(func=cmd_conflicts)
    r = actions.add_parser("resolve", help="keep the office's or the laptop's version")
    r.add_argument("conflict_id", type=int, metavar="ID")
    r.add_argument("--keep", choices=["office", "laptop"], required=True)
    r.set_defaults(func=cmd_resolve)
    e = actions.add_parser(
        "export",
        help="a file package for an office with no network path: on the laptop its records "
        "for the office; at the office (--for LOGIN) what that auditor's laptop takes",
    )
    e.add_argument("--out", required=True, metavar="FILE.zip")
    e.add_argument("--for", dest="for_login", metavar="LOGIN", help="at the office: the auditor")
    e.set_defaults(func=cmd_export)
    i = actions.add_parser("import", help="apply a file package (from the office or a laptop)")
    i.add_argument("package", metavar="FILE.zip")
    i.set_defaults(func=cmd_import)


def cmd_sync(args: argparse.Namespace) -> int:
    from auditdesk.cli.common import cli_passphrase, server_prompt
    from auditdesk.cli.users import PASSWORD_ENV, USER_ENV, prompt_password
    from auditdesk.domain.errors import ValidationFailed
    from auditdesk.services.admin.encryption import open_any
    from auditdesk.services.sync import check_office_address, synchronise_with_office

    if not args.office:
        raise ValidationFailed("sync: name the office store with --office URL")
    login = getattr(args, "user", None) or os.environ.get(USER_ENV)
    if not login:
        raise ValidationFailed(
            "sync: sign in at the office with --user LOGIN (the password is asked for, or "
            "taken from {variable})",
            variable=PASSWORD_ENV,
        )
    office = check_office_address(args.office)
    laptop = open_any(getattr(args, "db", None), cli_passphrase)
    release_collector()  # the store is open: the collector runs for the synchronisation
    try:
        password = prompt_password(f"Password for {login} at the office: ")
        report = synchronise_with_office(
            laptop, office, login, password, server_password=server_prompt()
        )
    finally:
        laptop.dispose()
    out(
        f"synchronised with {report.office}: {len(report.sent)} sent, "
        f"{len(report.received)} received, {len(report.deleted)} deleted, "
        f"{report.in_step} already in step, {report.disputes} dispute decision(s), "
        f"{len(report.conflicts)} conflict(s), {len(report.refused)} refused"
    )
    for line in report.conflicts:
        out(f"  conflict: {line}")
    for line in report.refused:
        out(f"  refused: {line}")
    _print_visits(report.visits, report.linked, [*report.unlinked, *report.visits.skipped])
    if report.conflicts:
        out("list them with `auditdesk sync conflicts`, resolve with `sync resolve ID --keep …`")
    return 1 if report.conflicts or report.refused else 0


def cmd_conflicts(args: argparse.Namespace) -> int:
    from auditdesk.services.sync import list_conflicts

    rows = list_conflicts(open_context(args), include_resolved=args.all)
    if not rows:
        out("no conflicts")
        return 0
    for c in rows:
        state = f"keep {c.resolution} (next sync)" if c.resolution else "unresolved"
        if c.applied:
            state = f"{c.resolution} kept"
        out(
            f"#{c.id} {c.record_no} (uid {c.uid}): {c.reason}; laptop: "
            f"{c.laptop_status or 'deleted'} v{c.laptop_version or '-'}, office: "
            f"{c.office_status or 'deleted'} v{c.office_version or '-'}; {state}"
        )
    return 0


def cmd_resolve(args: argparse.Namespace) -> int:
    from auditdesk.services.sync import resolve_conflict

    resolve_conflict(open_context(args), args.conflict_id, args.keep)
    out(f"conflict #{args.conflict_id}: the {args.keep}'s version is kept at the next sync")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from pathlib import Path

    from auditdesk.services.sync import export_laptop_package, export_office_package

    ctx = open_context(args)
    if args.for_login:
        path = export_office_package(ctx, Path(args.out), args.for_login)
        out(f"office package for {args.for_login}: {path}")
    else:
        path = export_laptop_package(ctx, Path(args.out))
        out(f"laptop package for the office: {path}")
    return 0


def _print_visits(counts: PlanCounts | None, linked: list[str], notes: Sequence[object]) -> None:
    """What the exchange did to the auditor's planned visits: copied from the office, linked to
    the audits started from them, and each one that could not be linked or copied (and why)."""
    if counts is not None and (counts.any or counts.kept):
        out(
            f"planned visits from the office: {counts.added} new, {counts.changed} changed, "
            f"{counts.removed} removed, {counts.kept} withdrawn but kept with their audits"
        )
    if linked:
        out(f"audits linked to their planned visits: {', '.join(linked)}")
    for note in notes:
        out(f"  not linked: {note}")


def cmd_import(args: argparse.Namespace) -> int:
    from pathlib import Path

    from auditdesk.services.sync import import_package

    report = import_package(open_context(args), Path(args.package))
    if report.sync is not None:
        r = report.sync
        out(
            f"office package applied: {len(r.received)} received, {len(r.deleted)} deleted, "
            f"{r.in_step} already in step, {len(r.waiting)} waiting for the laptop's package, "
            f"{r.disputes} dispute decision(s), {len(r.conflicts)} conflict(s), "
            f"{len(r.refused)} refused"
        )
        conflicts, refused = r.conflicts, r.refused
        _print_visits(r.visits, r.linked, [*r.unlinked, *r.visits.skipped])
    else:
        out(
            f"laptop package applied: {len(report.sent)} written, {len(report.deleted)} deleted, "
            f"{report.in_step} already in step, {len(report.skipped)} newer here, "
            f"{len(report.conflicts)} conflict(s), {len(report.refused)} refused"
        )
        conflicts, refused = report.conflicts, report.refused
        _print_visits(None, report.linked, report.unlinked)
    for line in conflicts:
        out(f"  conflict: {line}")
    for line in refused:
        out(f"  refused: {line}")
    return 1 if conflicts or refused else 0
