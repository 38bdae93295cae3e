"""`auditdesk retention rules|run` and `auditdesk person export|reads|request|employment-end`:
the register of personal data, the retention run and one person's data (issue 19)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from auditdesk.cli.common import open_context, out
from auditdesk.cli.lang import document_language, t

# domain.retention.RecordType, EndAction and RequestKind, written out so that building the parser
# imports nothing of the application (tests/cli/test_privacy_cli.py checks they stay equal)
RECORD_TYPES = (
    "appraisal",
    "feedback_note",
    "audit_evidence",
    "audit_official",
    "complaint",
    "read_log",
)
END_ACTIONS = ("delete", "anonymise", "archive")
REQUEST_KINDS = ("access", "rectification", "restriction", "restriction_lifted")


def register(sub: Any) -> None:
    r = sub.add_parser(
        "retention", help="the register of personal data and the retention run (administrators)"
    )
    act = r.add_subparsers(dest="retention_command", metavar="ACTION", required=True)
    rules = act.add_parser("rules", help="show or change how long each record type is kept")
    how = rules.add_subparsers(dest="rules_command", metavar="show|set")
    how.add_parser("show", help="each record type: period, end action, legal basis")
    setp = how.add_parser("set", help="change one record type's period and end action")
    setp.add_argument("record_type", choices=RECORD_TYPES, metavar="TYPE")
    setp.add_argument("--months", type=int, required=True, help="retention period, 1 to 1200")
    setp.add_argument(
        "--action", choices=END_ACTIONS, required=True, help="what happens at its end"
    )
    rules.set_defaults(func=cmd_rules)

    run = act.add_parser(
        "run", help="delete or anonymise what is due (one transaction and trail entry per record)"
    )
    run.add_argument("--dry-run", action="store_true", help="only list what is due")
    run.add_argument(
        "--archive",
        type=Path,
        metavar="DIR",
        help="folder for the hand-over files of records whose end action is archive",
    )
    run.set_defaults(func=cmd_run)

    p = sub.add_parser("person", help="one person's data: access export, requests, read log (HR)")
    pact = p.add_subparsers(dest="person_command", metavar="ACTION", required=True)
    exp = pact.add_parser("export", help="everything held about the person, as PDF and/or JSON")
    exp.add_argument("person", metavar="PERSON", help="employee number, badge, login or last name")
    exp.add_argument("--pdf", type=Path, metavar="FILE")
    exp.add_argument("--json", type=Path, metavar="FILE")
    exp.set_defaults(func=cmd_export)
    reads = pact.add_parser("reads", help="who read the person's appraisals, and when")
    reads.add_argument("person", metavar="PERSON")
    reads.set_defaults(func=cmd_reads)
    req = pact.add_parser(
        "request", help="record a request about the person's data (rectification, restriction)"
    )
    req.add_argument("person", metavar="PERSON")
    req.add_argument("kind", choices=REQUEST_KINDS, metavar="KIND", help=", ".join(REQUEST_KINDS))
    req.add_argument("--note", default="", help="what was asked and what was done")
    req.set_defaults(func=cmd_request)
    end = pact.add_parser(
        "employment-end", help="record the day the employment ended (the appraisals' period)"
    )
    end.add_argument("person", metavar="PERSON")
    end.add_argument("day", metavar="YYYY-MM-DD|none")
    end.set_defaults(func=cmd_employment_end)


def _table(header: list[str], rows: list[list[str]]) -> None:
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(header)]
    out("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip())
    for row in rows:
        out("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())


def cmd_rules(args: argparse.Namespace) -> int:
    from auditdesk.services.privacy import retention_register, set_retention

    ctx = open_context(args)
    if getattr(args, "rules_command", None) == "set":
        rule = set_retention(ctx, args.record_type, args.months, args.action)
        out(
            t(
                "{record_type}: kept {months} months, then {action}",
                record_type=rule.record_type.value,
                months=rule.months,
                action=rule.action.value,
            )
        )
        return 0
    rules = retention_register(ctx)
    _table(
        ["type", "months", "end action", "allowed", "counted from", "changed by"],
        [
            [
                r.record_type.value,
                str(r.months),
                r.action.value,
                "/".join(a.value for a in r.allowed),
                r.starts,
                r.changed_by or "default",
            ]
            for r in rules
        ],
    )
    for r in rules:
        out(f"{r.record_type.value}: {r.legal_basis}")
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    from auditdesk.services.privacy import run_retention

    ctx = open_context(args)
    result = run_retention(ctx, dry_run=args.dry_run, archive_dir=args.archive)
    if not result.items:
        out(t("Nothing is due for retention on {day}.", day=ctx.clock.today().isoformat()))
        return 0
    _table(
        ["type", "record", "due on", "action", "left because"],
        [
            [i.record_type.value, i.label, i.due_on.isoformat(), i.action.value, i.held]
            for i in result.items
        ],
    )
    held = {(i.record_type, i.record_id): i.held for i in result.held}
    if args.dry_run:
        out(
            t(
                "{count} record(s) due, {held} to be left; nothing was changed (dry run).",
                count=len(result.items),
                held=len(held),
            )
        )
        return 0
    for item in result.held:
        out(t("left: {label} ({why})", label=item.label, why=item.held))
    out(
        t(
            "{done} record(s) deleted or anonymised, {held} left; {erased} trail entries "
            "erased to their hashes.",
            done=len(result.done),
            held=len(held),
            erased=result.trail_erased,
        )
    )
    for path in result.archive_files:
        out(t("handed to the archive: {path}", path=path))
    return 0


def _person(args: argparse.Namespace) -> tuple[Any, int]:
    from auditdesk.services.privacy import find_employee

    ctx = open_context(args)
    return ctx, find_employee(ctx, args.person)


def cmd_export(args: argparse.Namespace) -> int:
    from auditdesk.domain.errors import ValidationFailed
    from auditdesk.services.privacy import export_person

    if args.pdf is None and args.json is None:
        raise ValidationFailed("give --pdf FILE, --json FILE or both")
    ctx, employee_id = _person(args)
    data = export_person(ctx, employee_id, args.pdf, args.json, document_language(args))
    for path in (args.pdf, args.json):
        if path is not None:
            out(t("Wrote the data held about {name} to {path}", name=data.name, path=path))
    return 0


def cmd_reads(args: argparse.Namespace) -> int:
    from auditdesk.services.privacy import reads_of_person

    ctx, employee_id = _person(args)
    reads = reads_of_person(ctx, employee_id)
    if not reads:
        out(t("Nobody has read this person's appraisals."))
        return 0
    _table(
        ["when", "who", "appraisal"],
        [[f"{r.local_at:%Y-%m-%d %H:%M}", r.reader, r.record or f"#{r.entity_id}"] for r in reads],
    )
    return 0


def cmd_request(args: argparse.Namespace) -> int:
    from auditdesk.services.privacy import record_request

    ctx, employee_id = _person(args)
    record_request(ctx, employee_id, args.kind, args.note)
    out(t("Recorded the {kind} request of employee #{number}.", kind=args.kind, number=employee_id))
    return 0


def cmd_employment_end(args: argparse.Namespace) -> int:
    from auditdesk.domain.dates import parse_date
    from auditdesk.domain.errors import ValidationFailed
    from auditdesk.services.privacy import set_employment_end

    day = None
    if args.day.lower() != "none":
        day = parse_date(args.day)
        if day is None:
            raise ValidationFailed(
                "{text} is not a date; give it as YYYY-MM-DD or none", text=args.day
            )
    ctx, employee_id = _person(args)
    set_employment_end(ctx, employee_id, day)
    out(
        t(
            "Employee #{number}: employment ended on {day}.",
            number=employee_id,
            day=day.isoformat() if day else "-",
        )
    )
    return 0
