"""Benchmark of the command line's start (issue 14): whole processes, side by side in one run.

    python benchmarks/bench_startup.py [--runs 10] [--slow-runs 3] [--keep DIR] [--json FILE]

Times, as whole processes started the way a user starts them (the `auditdesk` script of the
environment, else `python -m auditdesk`), interleaved round by round so that the machine's load
falls on every line alike, the median of `--runs`:
- `python -c pass` (the floor: the interpreter and site-packages alone);
- `auditdesk --version`, `auditdesk --help` and `auditdesk <sub-command> --help` for every
  sub-command of the parser (and a few actions' `--help`);
- `auditdesk cases report` on the demo office, and the same report's query time measured inside
  one warm process (median of `--runs` calls): the difference is the sub-command's fixed cost
  (start, opening and checking the database, signing in, printing);
- the export of the demo office's unit USC protocols (`protocols export --unit USC`: 22 on
  the issue's day, 28 on the demo office of 6 December 2026) against LibreOffice converting
  the same number of Word files to PDF, the files themselves made by LibreOffice from text
  (`--slow-runs` runs each). Without `soffice` on the PATH that line is skipped, saying so.
Targets: --version and every --help ≤ 5× `python -c pass`; fixed cost ≤ 0.5 s; the export
≤ 0.6× LibreOffice's conversion.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

DEMO_USER = "kadry"  # HR: sees every unit and may export protocols
DEMO_PASSWORD = "kadry-demo"


def auditdesk_command() -> list[str]:
    script = Path(sys.executable).with_name("auditdesk")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "auditdesk"]


def run_once(cmd: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(cmd, env=env, capture_output=True, check=False)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(
            f"{' '.join(cmd)} failed ({done.returncode}): {done.stderr.decode(errors='replace')}"
        )
    return elapsed


def interleaved(lines: dict[str, list[str]], runs: int, env: dict[str, str]) -> dict[str, float]:
    """Median seconds per line, each round running every line once (side by side)."""
    times: dict[str, list[float]] = {name: [] for name in lines}
    for cmd in lines.values():  # warm-up: the page cache, .pyc files
        run_once(cmd, env)
    for _ in range(runs):
        for name, cmd in lines.items():
            times[name].append(run_once(cmd, env))
    return {name: statistics.median(t) for name, t in times.items()}


def sub_commands() -> list[list[str]]:
    """Every sub-command and every action under it, from the parser itself."""
    from auditdesk.cli import build_parser

    found: list[list[str]] = []

    def walk(parser: argparse.ArgumentParser, path: list[str]) -> None:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, child in action.choices.items():
                    found.append([*path, name])
                    walk(child, [*path, name])

    walk(build_parser(), [])
    return found


def build_demo(folder: Path, env: dict[str, str]) -> Path:
    db = folder / "demo.sqlite"
    subprocess.run(
        [*auditdesk_command(), "--db", str(db), "demo"], env=env, check=True, capture_output=True
    )
    return db


def query_time(db: Path, runs: int) -> float:
    """The `cases report` query alone, in this (warm) process: median seconds."""
    from auditdesk.services.context import Actor, AppContext
    from auditdesk.services.monitoring.cases import reports as cases_reports
    from auditdesk.store.migrate import open_database

    database = open_database(str(db))
    try:
        ctx = AppContext(database, Actor.system())
        cases_reports.timeliness(ctx, date_from=None, date_to=None, unit=None, by="unit_month")
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            cases_reports.timeliness(ctx, date_from=None, date_to=None, unit=None, by="unit_month")
            times.append(time.perf_counter() - started)
    finally:
        database.dispose()
    return statistics.median(times)


def libreoffice_docs(folder: Path, count: int, soffice: str) -> Path:
    """`count` Word files made by LibreOffice from text files of a protocol's length."""
    text_dir = folder / "text"
    docx_dir = folder / "docx"
    text_dir.mkdir()
    docx_dir.mkdir()
    body = "\n".join(
        f"{i}. Urzędnik przedstawił się i zachował uprzejmość wobec klienta: tak. "
        "Komentarz audytora: obsługa sprawna, informacja pełna, sprawa załatwiona od ręki."
        for i in range(1, 46)
    )
    for n in range(count):
        (text_dir / f"protokol_{n:03}.txt").write_text(
            f"Protokół z audytu nr TK/2026/{n:04}\n\n{body}\n", encoding="utf-8"
        )
    subprocess.run(
        [
            soffice,
            "--headless",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(docx_dir),
            *sorted(str(p) for p in text_dir.iterdir()),
        ],
        check=True,
        capture_output=True,
    )
    return docx_dir


def export_vs_libreoffice(db: Path, folder: Path, runs: int, env: dict[str, str]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    exports = []
    for n in range(runs + 1):
        out_dir = folder / f"export{n}"
        cmd = [
            *auditdesk_command(),
            "--db",
            str(db),
            "--user",
            DEMO_USER,
            "protocols",
            "export",
            "--unit",
            "USC",
            "--out",
            str(out_dir),
        ]
        exports.append(run_once(cmd, env))
        count = len(list(out_dir.glob("*.pdf")))
        if n:
            shutil.rmtree(out_dir)
    result["export_files"] = count
    result["export_s"] = statistics.median(exports[1:])
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        result["libreoffice"] = "skipped: soffice is not on the PATH (install libreoffice-writer)"
        return result
    docx = libreoffice_docs(folder, count, soffice)
    if not any(docx.glob("*.docx")):  # soffice without Writer converts nothing, says nothing,
        # and then waits for ever when asked to convert no files
        result["libreoffice"] = "skipped: soffice made no Word files (install libreoffice-writer)"
        return result
    times = []
    for n in range(runs + 1):
        pdf_dir = folder / f"pdf{n}"
        cmd = [
            soffice,
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(pdf_dir),
            *sorted(str(p) for p in docx.glob("*.docx")),
        ]
        times.append(run_once(cmd, env))  # the first run starts a new profile: the warm-up
    result["libreoffice_s"] = statistics.median(times[1:])
    result["ratio"] = result["export_s"] / result["libreoffice_s"]
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--slow-runs", type=int, default=3, help="runs of the export lines")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="work here and keep the files")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the figures here")
    parser.add_argument("--no-export", action="store_true", help="skip the export lines")
    opts = parser.parse_args()

    folder = opts.keep or Path(tempfile.mkdtemp(prefix="auditdesk-bench-startup-"))
    folder.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    env.pop("AUDITDESK_DB", None)
    # An installed AuditDesk has its bytecode (pip compiles it at install, the frozen build
    # carries it): the warm-up runs write it here too. With PYTHONDONTWRITEBYTECODE set, as on
    # our build machines, every module changed since .pyc files were last written would be
    # compiled again in every run (~40 ms of the export's start in December 2026).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["AUDITDESK_PASSWORD"] = DEMO_PASSWORD
    env["HOME"] = str(folder / "home")  # settings, caches and logs of a fresh user
    env["XDG_CACHE_HOME"] = str(folder / "home" / ".cache")
    env["XDG_DATA_HOME"] = str(folder / "home" / ".local" / "share")
    env["XDG_CONFIG_HOME"] = str(folder / "home" / ".config")

    ad = auditdesk_command()
    db = folder / "demo.sqlite"
    if not db.exists():
        print("building the demo office…", file=sys.stderr)
        db = build_demo(folder, env)

    lines: dict[str, list[str]] = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "auditdesk --version": [*ad, "--version"],
        "auditdesk --help": [*ad, "--help"],
    }
    for path in sub_commands():
        if len(path) == 1 or path == ["cases", "report"]:
            lines[f"auditdesk {' '.join(path)} --help"] = [*ad, *path, "--help"]
    report_cmd = [*ad, "--db", str(db), "--user", DEMO_USER, "cases", "report"]
    lines["auditdesk cases report (demo)"] = report_cmd

    print(f"timing {len(lines)} lines, {opts.runs} rounds…", file=sys.stderr)
    medians = interleaved(lines, opts.runs, env)
    floor = medians["python -c pass"]
    figures: dict[str, Any] = {"runs": opts.runs, "lines": {}}
    print(f"{'line':44} {'median s':>9} {'× floor':>8}")
    for name, seconds in medians.items():
        ratio = seconds / floor
        figures["lines"][name] = {"median_s": round(seconds, 4), "x_floor": round(ratio, 1)}
        print(f"{name:44} {seconds:9.3f} {ratio:8.1f}")
    helps = [v for k, v in medians.items() if k.endswith("--help") or k.endswith("--version")]
    worst = max(helps) / floor
    print(f"worst --version/--help: {worst:.1f}× python -c pass (target ≤ 5×)")
    query = query_time(db, opts.runs)
    fixed = medians["auditdesk cases report (demo)"] - query
    figures["cases_report_query_s"] = round(query, 4)
    figures["cases_report_fixed_s"] = round(fixed, 4)
    figures["worst_help_x_floor"] = round(worst, 1)
    print(f"cases report: query {query:.3f} s, fixed cost {fixed:.3f} s (target ≤ 0.5 s)")

    if not opts.no_export:
        print(
            f"export vs LibreOffice, {opts.slow_runs} runs each after a warm-up…", file=sys.stderr
        )
        exp = export_vs_libreoffice(db, folder, opts.slow_runs, env)
        figures["export"] = exp
        print(
            f"protocols export --unit USC: {exp['export_files']} PDFs in "
            f"{exp['export_s']:.2f} s (median of {opts.slow_runs})"
        )
        if "libreoffice_s" in exp:
            print(
                f"LibreOffice, {exp['export_files']} .docx → PDF: {exp['libreoffice_s']:.2f} s;"
                f" ratio {exp['ratio']:.2f} (target ≤ 0.6)"
            )
        else:
            print(f"LibreOffice line {exp['libreoffice']}")
    if opts.json:
        opts.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    if opts.keep is None:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
