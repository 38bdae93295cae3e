"""Benchmark of satisfaction surveys: importing typed-in questionnaires and the results.

    python benchmarks/bench_surveys.py [--responses 10000] [--db FILE]

Builds the demo office (with its two survey campaigns), creates a campaign over 2026 for the
shipped survey form, writes a Windows-1250 CSV of `--responses` questionnaires (numbered, dated
across the year, six units, every scored question answered, a remark on some) and times,
through the same services the Monitoring tab and `auditdesk surveys` use:
- the first import (read, check every answer against the form version, bulk insert);
- importing the same file again (every questionnaire number present: nothing added);
- the results of the campaign (per question, Wilson intervals, the 0–100 index), one unit's
  results, the comparison of two half-years, and one page of responses
  (each the median of 5 runs after one warm-up).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from auditdesk.services.context import Actor, AppContext
from auditdesk.services.demo import create_demo
from auditdesk.services.monitoring import surveys
from auditdesk.services.monitoring.surveys import imports as survey_import
from auditdesk.store.migrate import open_database

UNITS = ["WKS", "WKS-DO", "WPN", "WAB", "USC", "BOK"]
FORM_ID = "satysfakcja-klienta"
AGREE = ["tak", "raczej tak", "raczej nie", "nie"]
REMARKS = ["Kolejka przy okienku", "Więcej miejsc siedzących", "Dziękuję za pomoc", ""]


def _questions(ctx: AppContext, version_id: int) -> list[tuple[str, str]]:
    """(question id, type) of every scored question of the form version, in form order."""
    with ctx.db.session() as s:
        form = surveys.form_of(s, version_id)
    return [
        (q.id, q.type)
        for block in form.blocks
        if not block.profile
        for q in block.questions
        if q.type in ("scale", "agree4")
    ]


def write_csv(path: Path, n: int, questions: list[tuple[str, str]], seed: int = 11) -> None:
    rng = random.Random(seed)
    header = ["Nr ankiety", "Data", "Komórka", *[q for q, _ in questions], "Uwagi"]
    lines = [";".join(header)]
    start = date(2026, 1, 1)
    for i in range(n):
        answered = start + timedelta(days=rng.randrange(365))
        cells = [str(10_000 + i), answered.strftime("%d.%m.%Y"), rng.choice(UNITS)]
        for _q, kind in questions:
            if kind == "scale":
                cells.append(str(rng.choices([1, 2, 3, 4, 5], [1, 2, 4, 8, 7])[0]))
            else:
                cells.append(rng.choices(AGREE, [6, 5, 2, 1])[0])
        cells.append(rng.choice(REMARKS))
        lines.append(";".join(cells))
    path.write_bytes(("\n".join(lines) + "\n").encode("cp1250"))


def median_ms(fn: Callable[[], Any], runs: int = 5) -> float:
    fn()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return round(statistics.median(times) * 1000, 1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--responses", type=int, default=10_000)
    parser.add_argument("--db", type=Path, help="keep the database here (default: a temp dir)")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-surveys-"))
    db = open_database(str(args.db or folder / "bench.sqlite"))
    ctx = AppContext(db, Actor.system())
    create_demo(ctx)
    form = next(f for f in surveys.survey_forms(ctx) if f.form_id == FORM_ID)
    campaign = surveys.create_campaign(
        ctx,
        surveys.NewCampaign(
            form.version_id, "Badanie satysfakcji 2026", date(2026, 1, 1), date(2026, 12, 31)
        ),
    )
    questions = _questions(ctx, form.version_id)
    csv_path = folder / "ankiety.csv"
    write_csv(csv_path, args.responses, questions)
    mapping = {"Nr ankiety": "@no", "Data": "@date", "Komórka": "@unit", "Uwagi": "uwagi"}
    mapping.update({q: q for q, _ in questions})

    started = time.perf_counter()
    first = survey_import.import_responses(ctx, campaign, csv_path, mapping)
    import_s = time.perf_counter() - started
    started = time.perf_counter()
    again = survey_import.import_responses(ctx, campaign, csv_path)
    again_s = time.perf_counter() - started
    if first.added != args.responses or again.added != 0:
        print(f"unexpected import counts: {first.added} then {again.added}", file=sys.stderr)
        return 1

    whole = surveys.ResultsQuery(campaign_id=campaign)
    unit_id = next(u.id for u in surveys.units(ctx) if u.code == "BOK")
    one_unit = surveys.ResultsQuery(campaign_id=campaign, unit_id=unit_id)
    figures = {
        "responses": args.responses,
        "questions_per_response": len(questions),
        "csv_mb": round(csv_path.stat().st_size / 1e6, 2),
        "import_s": round(import_s, 2),
        "import_again_s": round(again_s, 2),
        "results_ms": median_ms(lambda: surveys.results(ctx, whole)),
        "results_one_unit_ms": median_ms(lambda: surveys.results(ctx, one_unit)),
        "compare_half_years_ms": median_ms(
            lambda: surveys.compare_periods(
                ctx,
                whole,
                (date(2026, 1, 1), date(2026, 6, 30)),
                (date(2026, 7, 1), date(2026, 12, 31)),
            )
        ),
        "page_of_responses_ms": median_ms(lambda: surveys.list_responses(ctx, campaign)),
    }
    print(json.dumps(figures, indent=2))
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
