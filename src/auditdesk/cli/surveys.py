"""`auditdesk surveys list|import|report`: satisfaction-survey campaigns, importing responses
from CSV/XLSX (all or nothing, idempotent) and the results per question."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from auditdesk.cli.common import open_context, out
from auditdesk.cli.import_options import add_mapping_options, layout_lines, mapping_spec
from auditdesk.cli.lang import add_dialect_option, print_csv

if TYPE_CHECKING:  # the services are imported by the commands that use them (issue 14)
    from auditdesk.domain.survey_results import SurveyResults


def register(sub: Any) -> None:
    p = sub.add_parser("surveys", help="customer satisfaction surveys")
    s = p.add_subparsers(dest="surveys_command", metavar="ACTION", required=True)
    p = s.add_parser("list", help="survey campaigns with their number of responses")
    p.set_defaults(func=cmd_list)
    p = s.add_parser(
        "import",
        help="responses from a CSV or XLSX file into a campaign: every row or none; "
        "importing the same file again adds nothing",
    )
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--campaign", type=int, required=True, metavar="ID")
    p.add_argument(
        "--mapping",
        action="append",
        metavar="FILE.json|COLUMN=QUESTION",
        help="a mapping file (columns, columns left out, answer labels), or which column holds "
        "which question id (or @no, @date, @unit), added to the mapping remembered for this "
        "header row, else to columns named like the questions; repeat it",
    )
    add_mapping_options(p, "a question id of the campaign's form, @no, @date, @unit")
    p.set_defaults(func=cmd_import)
    p = s.add_parser("report", help="results per question, with 95%% intervals")
    p.add_argument("--campaign", type=int, required=True, metavar="ID")
    p.add_argument("--unit", metavar="CODE", help="only the responses from this unit")
    p.add_argument("--from", dest="date_from", metavar="DATE", help="dd.mm.yyyy or YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", metavar="DATE")
    p.add_argument("--format", choices=["table", "csv"], default="table")
    add_dialect_option(p)
    p.set_defaults(func=cmd_report)


def cmd_list(args: argparse.Namespace) -> int:
    from auditdesk.services.monitoring import surveys

    ctx = open_context(args)
    rows = surveys.list_campaigns(ctx)
    out(f"{'ID':>4}  {'from':10}  {'to':10}  {'unit':8}  {'responses':>9}  title")
    for r in rows:
        out(
            f"{r.id:>4}  {r.period_from.isoformat()}  {r.period_to.isoformat()}  "
            f"{r.unit_code or '(all)':8}  {r.responses:>9}  {r.title}"
        )
    return 0


def parse_mapping(values: list[str] | None) -> dict[str, str] | None:
    from auditdesk.domain.errors import ValidationFailed

    if not values:
        return None
    mapping: dict[str, str] = {}
    for value in values:
        if "=" not in value and Path(value).is_file():
            try:
                loaded = json.loads(Path(value).read_text(encoding="utf-8"))
            except ValueError as exc:
                raise ValidationFailed(
                    "{file}: not a JSON mapping ({reason})", file=value, reason=str(exc)
                ) from exc
            mapping.update({str(k): str(v) for k, v in dict(loaded).items()})
            continue
        column, sep, target = value.partition("=")
        if not sep:
            raise ValidationFailed(
                "--mapping {value!r}: write COLUMN=QUESTION or name a JSON file", value=value
            )
        mapping[column.strip()] = target.strip()
    return mapping


def cmd_import(args: argparse.Namespace) -> int:
    from auditdesk.services.monitoring.surveys import imports as survey_import

    ctx = open_context(args)
    files = [v for v in args.mapping or [] if "=" not in v]
    maps = [v for v in args.mapping or [] if "=" in v] + list(args.map)
    try:
        report = survey_import.import_responses(
            ctx,
            args.campaign,
            args.file,
            None,
            spec=mapping_spec(files, maps),
            mapping_out=args.save_mapping,
        )
    except survey_import.ImportRejected as exc:
        print(f"auditdesk: {exc.report()}", file=sys.stderr)
        return 1
    out(
        f"{report.file}: {report.rows} row(s): {report.added} imported, "
        f"{report.already} already imported before; of those imported, {report.dated} dated "
        f"from the file (the others: the campaign's first day), {report.linked} linked to a unit"
    )
    for line in layout_lines(report.header_line, report.skipped, report.not_imported):
        out(line)
    return 0


def _pct(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}"


def result_rows(res: SurveyResults) -> list[list[str]]:
    rows = []
    for block in res.blocks:
        for q in block.questions:
            share = q.positive
            interval = share.wilson() if share is not None else None
            dist = " ".join(f"{k}:{v}" for k, v in q.distribution.items())
            if q.question.type == "text":
                dist = f"{len(q.texts)} answer(s)"
            rows.append(
                [
                    block.block_id,
                    q.question.id,
                    q.question.type,
                    str(q.n),
                    "" if q.mean is None else f"{q.mean:.2f}",
                    _pct(share.percent if share else None),
                    "" if interval is None else f"{100 * interval[0]:.1f}",
                    "" if interval is None else f"{100 * interval[1]:.1f}",
                    _pct(q.index),
                    dist,
                ]
            )
    return rows


HEADER = [
    "block",
    "question",
    "type",
    "n",
    "mean",
    "positive_%",
    "ci_low_%",
    "ci_high_%",
    "index",
    "distribution",
]


def cmd_report(args: argparse.Namespace) -> int:
    from auditdesk.domain.errors import ValidationFailed
    from auditdesk.services.monitoring import surveys
    from auditdesk.services.monitoring.surveys.imports import parse_date

    ctx = open_context(args)
    unit_id = None
    if args.unit:
        found = [u.id for u in surveys.units(ctx) if u.code.lower() == args.unit.lower()]
        if not found:
            raise ValidationFailed("{value!r} is not the code of a unit", value=args.unit)
        unit_id = found[0]
    query = surveys.ResultsQuery(
        campaign_id=args.campaign,
        unit_id=unit_id,
        date_from=parse_date(args.date_from) if args.date_from else None,
        date_to=parse_date(args.date_to) if args.date_to else None,
    )
    res = surveys.results(ctx, query)
    rows = result_rows(res)
    if args.format == "csv":
        print_csv(args, HEADER, rows)
        return 0
    campaign, _form = surveys.get_campaign(ctx, args.campaign)
    out(
        f"{campaign.title}: {res.responses} response(s); "
        f"satisfaction index {_pct(res.index) or '-'}"
    )
    for block in res.blocks:
        if not block.profile:
            out(f"  {block.block_id}: index {_pct(block.index) or '-'}")
    widths = [max(len(str(r[i])) for r in [HEADER, *rows]) for i in range(len(HEADER))]
    for r in [HEADER, *rows]:
        out("  ".join(str(c).ljust(w) for c, w in zip(r, widths, strict=True)).rstrip())
    return 0
