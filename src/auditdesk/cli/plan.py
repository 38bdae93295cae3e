"""`auditdesk plan create|show|export|import`: the mystery-client programme plan (issue 18)
through the same services as the window. The plan is confidential: HR, quality staff and
administrators see all of it, an auditor their own visits, a supervisor nothing."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from auditdesk.cli.common import open_context, out
from auditdesk.cli.lang import current_language, t

if TYPE_CHECKING:
    from auditdesk.services.context import AppContext


def _day(text: str) -> date:
    from auditdesk.domain.dates import NotADate, parse_date

    try:
        found = parse_date(text)
    except NotADate:
        found = None
    if found is None:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (dd.mm.yyyy or YYYY-MM-DD)")
    return found


def _points(text: str) -> float:
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of points") from None
    if not 0 < value < 100:
        raise argparse.ArgumentTypeError(f"{text!r} must lie between 0 and 100")
    return value


def register(sub: Any) -> None:
    p = sub.add_parser("plan", help="the mystery-client programme plan (HR and quality staff)")
    ps = p.add_subparsers(dest="plan_command", metavar="ACTION", required=True)

    c = ps.add_parser("create", help="create a programme and plan it (visits, dates, auditors)")
    c.add_argument("--name", required=True)
    c.add_argument("--from", dest="date_from", type=_day, required=True, metavar="DATE")
    c.add_argument("--to", dest="date_to", type=_day, required=True, metavar="DATE")
    target = c.add_mutually_exclusive_group(required=True)
    target.add_argument(
        "--margin", type=_points, metavar="POINTS", help="each unit's result within ±POINTS"
    )
    target.add_argument("--budget", type=int, metavar="VISITS", help="share this many visits")
    c.add_argument("--confidence", type=_points, default=95.0, metavar="PERCENT")
    c.add_argument("--allocation", choices=("proportional", "neyman"), default="proportional")
    c.add_argument(
        "--channel",
        action="append",
        default=[],
        metavar="CHANNEL[=WEIGHT]",
        help="visit, phone, email, eservice (repeat; default: visit)",
    )
    c.add_argument(
        "--unit",
        action="append",
        default=[],
        metavar="CODE[=HOURS]",
        help="a unit and its opening hours, e.g. 'BOK=mon-fri 08:00-16:00' (repeat; default: "
        "the customer-facing units, Monday to Friday 8-16)",
    )
    c.add_argument(
        "--scenario",
        action="append",
        default=[],
        metavar="CODE:CHANNEL:TITLE[:WEIGHT]",
        help="a case the client presents (repeat)",
    )
    c.add_argument(
        "--auditor",
        action="append",
        default=[],
        metavar="LOGIN[=PER_WEEK]",
        help="an auditor and their visits per week (repeat; default: every auditor, 3)",
    )
    c.add_argument("--seed", type=int, default=1, help="the same seed gives the same plan")
    c.set_defaults(func=cmd_create)

    c = ps.add_parser("show", help="the programmes, one programme, or an auditor's own visits")
    c.add_argument("programme", nargs="?", type=int, metavar="ID")
    c.add_argument("--visits", action="store_true", help="list the planned visits too")
    c.set_defaults(func=cmd_show)

    c = ps.add_parser("export", help="the plan as XLSX, or an auditor's schedule as PDF")
    c.add_argument("programme", type=int, metavar="ID")
    c.add_argument("--out", type=Path, required=True, metavar="FILE.xlsx|FILE.pdf")
    c.add_argument("--auditor", metavar="LOGIN", help="whose schedule (PDF; default: yours)")
    c.set_defaults(func=cmd_export)

    c = ps.add_parser(
        "exclude", help="the units an auditor worked in and may not audit (replaces the list)"
    )
    c.add_argument("login", metavar="LOGIN")
    c.add_argument("units", nargs="*", metavar="CODE", help="none: the list is emptied")
    c.add_argument("--note", default="")
    c.set_defaults(func=cmd_exclude)

    c = ps.add_parser("import", help="read the plan's visits back from an XLSX or CSV sheet")
    c.add_argument("programme", type=int, metavar="ID")
    c.add_argument("file", type=Path, metavar="FILE")
    c.set_defaults(func=cmd_import)


def _pair(text: str, what: str) -> tuple[str, str | None]:
    name, sep, value = text.partition("=")
    if not name.strip():
        from auditdesk.domain.errors import ValidationFailed

        raise ValidationFailed("--{option} {value!r}: the name is missing", option=what, value=text)
    return name.strip(), value.strip() if sep else None


def _number(text: str, what: str) -> float:
    from auditdesk.domain.errors import ValidationFailed

    try:
        return float(text.replace(",", "."))
    except ValueError:
        raise ValidationFailed(
            "--{option}: {value!r} is not a number", option=what, value=text
        ) from None


def cmd_create(args: argparse.Namespace) -> int:
    from auditdesk.domain.errors import ValidationFailed
    from auditdesk.domain.planning import DEFAULT_HOURS
    from auditdesk.services import plan

    ctx = open_context(args)
    choices = plan.plan_choices(ctx)
    channels: dict[str, float] = {}
    for text in args.channel or ["visit"]:
        name, weight = _pair(text, "channel")
        channels[name] = _number(weight, "channel") if weight else 1.0
    by_code = {u.code: u for u in choices.units}
    units = []
    for text in args.unit:
        code, hours = _pair(text, "unit")
        if code not in by_code:
            raise ValidationFailed("--unit {code}: no such unit", code=code)
        units.append(plan.UnitSpec(by_code[code].id, hours or DEFAULT_HOURS))
    if not args.unit:
        units = [plan.UnitSpec(u.id) for u in choices.units if u.customer_facing]
    scenarios = []
    for text in args.scenario:
        parts = text.split(":")
        if len(parts) not in (3, 4):
            raise ValidationFailed(
                "--scenario {value!r}: write CODE:CHANNEL:TITLE or CODE:CHANNEL:TITLE:WEIGHT",
                value=text,
            )
        scenario_weight = _number(parts[3], "scenario") if len(parts) == 4 else 1.0
        scenarios.append(plan.ScenarioSpec(parts[0], parts[1], parts[2], weight=scenario_weight))
    logins = {a.login: a for a in choices.auditors}
    auditors = []
    for text in args.auditor:
        login, per_week = _pair(text, "auditor")
        if login not in logins:
            raise ValidationFailed(
                "--auditor {login}: no active auditor of that login", login=login
            )
        auditors.append(
            plan.AuditorSpec(logins[login].id, int(_number(per_week or "3", "auditor")))
        )
    if not args.auditor:
        auditors = [plan.AuditorSpec(a.id) for a in choices.auditors]
    spec = plan.ProgrammeSpec(
        name=args.name,
        period_from=args.date_from,
        period_to=args.date_to,
        channels=channels,
        units=units,
        scenarios=scenarios,
        auditors=auditors,
        margin=args.margin / 100 if args.margin is not None else None,
        budget=args.budget,
        confidence=args.confidence / 100,
        allocation=args.allocation,
        seed=args.seed,
    )
    pid = plan.create_programme(ctx, spec)
    view = plan.plan_programme(ctx, pid)
    out(
        t(
            "programme #{id}: {name}, {visits} visits planned",
            id=pid,
            name=view.programme.name,
            visits=view.programme.visits,
        )
    )
    _print_units(ctx, pid)
    _print_problems(view.problems)
    return 0


def _print_problems(problems: list[Any]) -> None:
    from auditdesk.domain.planning import polish

    for problem in problems:
        out(f"  ! {polish(problem) if current_language() == 'pl' else problem}")


def _margin(value: float | None) -> str:
    return "-" if value is None else f"±{value * 100:.1f}"


def _print_units(ctx: AppContext, programme_id: int) -> None:
    from auditdesk.services import plan

    view = plan.programme_view(ctx, programme_id)
    done = {p.unit_id: p for p in plan.progress(ctx, programme_id)}
    out(
        f"{t('unit'):<8} {t('traffic'):>7} {t('last'):>5} {t('visits'):>6} "
        f"{t('precision'):>9} {t('done'):>5}"
    )
    for u in view.units:
        last = "-" if u.last_result is None else f"{u.last_result:.0%}"
        traffic = "-" if u.traffic is None else str(u.traffic)
        out(
            f"{u.unit_code:<8} {traffic:>7} {last:>5} {u.visits:>6} {_margin(u.margin):>9} "
            f"{done[u.unit_id].done:>5}"
        )


def _print_visits(rows: list[Any]) -> None:
    for r in rows:
        out(
            f"#{r.id:<5} {r.planned_at:%d.%m.%Y %H:%M}  {r.unit_code:<6} {r.channel:<8} "
            f"{r.scenario_code or '-':<6} {r.auditor_name or '-':<22} {r.status}"
        )


def cmd_show(args: argparse.Namespace) -> int:
    from auditdesk.services import plan

    ctx = open_context(args)
    if not plan.is_planner(ctx.actor):
        _print_visits(plan.visits(ctx, args.programme))  # an auditor: their own (else refused)
        return 0
    if args.programme is None:
        for p in plan.programmes(ctx):
            target = (
                t("±{points} points", points=f"{p.margin * 100:g}")
                if p.margin is not None
                else t("{budget} visits", budget=p.budget)
            )
            out(
                f"#{p.id:<4} {p.period_from:%d.%m.%Y}–{p.period_to:%d.%m.%Y}  {p.name}  "
                + t(
                    "({target}, {visits} visits, {stage})",
                    target=target,
                    visits=p.visits,
                    stage=p.stage,
                )
            )
        return 0
    view = plan.programme_view(ctx, args.programme)
    out(
        t(
            "programme #{id}: {name} ({stage})",
            id=view.programme.id,
            name=view.programme.name,
            stage=view.programme.stage,
        )
    )
    _print_units(ctx, args.programme)
    _print_problems(view.problems)
    if args.visits:
        _print_visits(plan.visits(ctx, args.programme))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from auditdesk.domain.errors import ValidationFailed
    from auditdesk.services import plan

    ctx = open_context(args)
    suffix = args.out.suffix.lower()
    if suffix == ".xlsx":
        n = plan.export_plan(ctx, args.programme, args.out)
        out(t("{path}: {count} planned visits", path=args.out, count=n))
        return 0
    if suffix != ".pdf":
        raise ValidationFailed("{file}: write .xlsx (the plan) or .pdf (a schedule)", file=args.out)
    auditor_id = ctx.actor.user_id
    if args.auditor:
        found = [a for a in plan.plan_choices(ctx).auditors if a.login == args.auditor]
        if not found:
            raise ValidationFailed("--auditor {login}: no such auditor", login=args.auditor)
        auditor_id = found[0].id
    if auditor_id is None:
        raise ValidationFailed("name the auditor whose schedule to print: --auditor LOGIN")
    n = plan.auditor_schedule(ctx, args.programme, auditor_id, args.out)
    out(t("{path}: the schedule of {count} planned visits", path=args.out, count=n))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from auditdesk.services import plan

    ctx = open_context(args)
    result = plan.import_plan(ctx, args.programme, args.file)
    out(
        t(
            "{path}: {created} visits added, {updated} changed",
            path=args.file,
            created=result.created,
            updated=result.updated,
        )
    )
    return 0


def cmd_exclude(args: argparse.Namespace) -> int:
    from auditdesk.domain.errors import ValidationFailed
    from auditdesk.services import plan

    ctx = open_context(args)
    choices = plan.plan_choices(ctx)
    auditor = next((a for a in choices.auditors if a.login == args.login), None)
    if auditor is None:
        raise ValidationFailed("--auditor {login}: no such auditor", login=args.login)
    by_code = {u.code: u.id for u in choices.units}
    unknown = [c for c in args.units if c not in by_code]
    if unknown:
        raise ValidationFailed("--unit {code}: no such unit", code=", ".join(unknown))
    plan.set_exclusions(ctx, auditor.id, [by_code[c] for c in args.units], args.note)
    out(t("{login} may not audit: {units}", login=args.login, units=", ".join(args.units) or "-"))
    return 0
