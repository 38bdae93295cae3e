"""Smoke test of the frozen AuditDesk (issue 20), run from its executable with no virtualenv.

    python scripts/smoke-frozen.py [BUNDLE] [--keep DIR] [--bench N]

BUNDLE is the folder scripts/build-app.py made (default dist/app/auditdesk). Each step runs the
bundle's `auditdesk` in a clean environment: PATH of the system only (no virtualenv, no
PYTHONPATH), a home folder named `Łukasz` (the profile path of a user with a non-ASCII name:
settings, logs and the user-data folder all live below it), a working folder outside the
checkout, and checks what it printed:

  --version; forms check; demo; check; a message in Polish (`--lang pl`, read from the
  bundled errors_pl.ts); cert create (a test certificate, by the app's own command);
  protocols export of every protocol of the demo office signed with it on 2 `spawn` workers
  (the frozen executable started again as a worker: packaging/auditdesk_entry.py's
  freeze_support); verify of one exported PDF (exit 0) and of a tampered copy (exit 1);
  the window started offscreen, signed into as HR and closed after 2 s (AUDITDESK_USER,
  AUDITDESK_PASSWORD, AUDITDESK_QUIT_AFTER), its log saying Qt's Polish was loaded.

It also checks the folder against packaging/bundle_contents.py first. Exit status 0 when every
step passed. `--bench N` then times, N rounds interleaved, the frozen and the source install's
`--version`, `check` and window start-to-close, and prints the medians (benchmarks/README.md).
The whole run takes 1-3 minutes; CI does not run it (it needs the build, about 2 minutes more):
it is run before a release and after a change to packaging/ (docs/install.md).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "packaging"))

import bundle_contents  # noqa: E402  (packaging/ is not a package)

HR_USER, HR_PASSWORD = "kadry", "kadry-demo"  # the demo office's HR account
P12_PASSWORD = "smoke-test-only"
STEP_TIMEOUT = 600  # seconds: the signed export of ~190 protocols on a loaded machine


class SmokeFailed(Exception):
    pass


class Runner:
    """Runs the executable in a clean environment below a temporary home folder."""

    def __init__(self, exe: list[str], home: Path, work: Path) -> None:
        self.exe = exe
        self.home = home
        self.work = work
        self.db = work / "demo.sqlite"
        self.env = {
            "PATH": "/usr/bin:/bin" if os.name == "posix" else os.environ.get("PATH", ""),
            "HOME": str(home),
            "USERPROFILE": str(home),
            "XDG_CONFIG_HOME": str(home / ".config"),
            "XDG_DATA_HOME": str(home / ".local" / "share"),
            "XDG_STATE_HOME": str(home / ".local" / "state"),
            "XDG_CACHE_HOME": str(home / ".cache"),
            "XDG_RUNTIME_DIR": str(home / "run"),
            "LANG": "C.UTF-8",
            "QT_QPA_PLATFORM": "offscreen",
            "AUDITDESK_DB": str(self.db),
        }
        if os.name == "nt":
            self.env["SYSTEMROOT"] = os.environ.get("SYSTEMROOT", r"C:\Windows")
        (home / "run").mkdir(parents=True, mode=0o700, exist_ok=True)

    def run(
        self,
        *args: str,
        extra: dict[str, str] | None = None,
        expect: int = 0,
        quiet: bool = False,
    ) -> subprocess.CompletedProcess[str]:
        started = time.monotonic()
        done = subprocess.run(
            [*self.exe, *args],
            cwd=self.work,
            env={**self.env, **(extra or {})},
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=STEP_TIMEOUT,
            check=False,
        )
        took = time.monotonic() - started
        shown = " ".join(args)
        if done.returncode != expect:
            raise SmokeFailed(
                f"`auditdesk {shown}` exited {done.returncode}, expected {expect}\n"
                f"--- stdout\n{done.stdout[-3000:]}\n--- stderr\n{done.stderr[-3000:]}"
            )
        if not quiet:
            print(f"  ok  {took:6.1f} s  auditdesk {shown}")
        return done


def expect_in(text: str, *wanted: str) -> None:
    for piece in wanted:
        if piece not in text:
            raise SmokeFailed(f"expected {piece!r} in:\n{text[-3000:]}")


def smoke(bundle: Path, keep: Path | None) -> None:
    problems = bundle_contents.check_bundle(ROOT, bundle, sys.platform)
    if problems:
        raise SmokeFailed("the bundle is incomplete:\n  " + "\n  ".join(problems))
    print(f"  ok  bundle complete: {bundle_contents.folder_size(bundle) / 2**20:.0f} MiB")
    exe = bundle / ("auditdesk.exe" if sys.platform == "win32" else "auditdesk")
    base = Path(tempfile.mkdtemp(prefix="auditdesk-smoke-")) if keep is None else keep
    home = base / "Łukasz"  # a profile folder named as C:\Users\Łukasz
    work = base / "work"
    work.mkdir(parents=True, exist_ok=True)
    r = Runner([str(exe)], home, work)
    try:
        steps(r)
    finally:
        if keep is None:
            shutil.rmtree(base, ignore_errors=True)
        else:
            print(f"files kept in {base}")


def steps(r: Runner) -> None:
    import tomllib

    version = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]
    expect_in(r.run("--version").stdout, version)
    r.run("forms", "check")
    expect_in(r.run("demo").stdout, "Demo accounts", HR_USER)
    r.run("check")
    # the command line's Polish (errors_pl.ts, read without Qt): an unreadable file's message
    missing = str(r.work / "brak.pdf")
    english = r.run("--lang", "en", "verify", missing, expect=2).stderr
    polish = r.run("--lang", "pl", "verify", missing, expect=2).stderr
    if not english.strip() or polish == english:
        raise SmokeFailed(f"`--lang pl verify` printed no Polish:\n{polish}")
    secrets = {"P12_PASSWORD": P12_PASSWORD, "AUDITDESK_PASSWORD": HR_PASSWORD}
    p12 = r.work / "signer.p12"
    r.run(
        "cert", "create", "--name", "Test Signer", "--out", str(p12),
        "--password-env", "P12_PASSWORD", extra=secrets,
    )  # fmt: skip
    out = r.work / "protocols"
    done = r.run(
        "--user", HR_USER, "protocols", "export", "--out", str(out), "--jobs", "2",
        "--sign", str(p12), "--password-env", "P12_PASSWORD", extra=secrets,
    )  # fmt: skip
    pdfs = sorted(out.glob("*.pdf"))
    if len(pdfs) < 60:  # services.protocols.export.IN_PROCESS_BELOW: the workers drew them
        raise SmokeFailed(f"only {len(pdfs)} protocols exported:\n{done.stdout}")
    expect_in(done.stdout, f"Exported {len(pdfs)} of {len(pdfs)}")
    trust = str(p12.with_suffix(".pem"))
    expect_in(r.run("verify", "--trust", trust, str(pdfs[0])).stdout, pdfs[0].name)
    tampered = r.work / "tampered.pdf"
    data = bytearray(pdfs[0].read_bytes())
    at = data.index(b"/Contents <") - 200  # a byte inside the signed range
    data[at] = data[at] ^ 0x01
    tampered.write_bytes(bytes(data))
    r.run("verify", "--trust", trust, str(tampered), expect=1)
    window(r)
    logs = list(r.home.rglob("*.log"))
    if not logs:
        raise SmokeFailed(f"no log file below {r.home}")
    found = "\n".join(p.read_text("utf-8", errors="replace") for p in logs)
    expect_in(found, "Qt's own translation qtbase_pl loaded")


def window(r: Runner) -> None:
    """The window: signed into by the sign-in dialog, shown, closed after 2 s."""
    env = {
        "AUDITDESK_USER": HR_USER,
        "AUDITDESK_PASSWORD": HR_PASSWORD,
        "AUDITDESK_QUIT_AFTER": "2",
    }
    done = r.run("--lang", "pl", extra=env)
    expect_in(done.stderr, "closing the window in 2000 ms")


def bench(bundle: Path, rounds: int) -> None:
    """Start times of the frozen build against the source install (its virtualenv's script),
    interleaved round by round, medians."""
    exe = bundle / ("auditdesk.exe" if sys.platform == "win32" else "auditdesk")
    source = ROOT / ".venv" / ("Scripts" if os.name == "nt" else "bin") / "auditdesk"
    base = Path(tempfile.mkdtemp(prefix="auditdesk-bench-"))
    try:
        runners = {
            "frozen": Runner([str(exe)], base / "Łukasz", base),
            "source": Runner([str(source)], base / "Łukasz", base),
        }
        runners["frozen"].run("demo")
        window_env = {
            "AUDITDESK_USER": HR_USER,
            "AUDITDESK_PASSWORD": HR_PASSWORD,
            "AUDITDESK_QUIT_AFTER": "0",
        }
        cases: dict[str, tuple[str, ...]] = {
            "--version": ("--version",),
            "check": ("check",),
            "window (sign in, show, close)": (),
        }
        times: dict[tuple[str, str], list[float]] = {}
        for _ in range(rounds):
            for case, args in cases.items():
                for name, runner in runners.items():
                    extra = window_env if not args else None
                    started = time.perf_counter()
                    runner.run(*args, extra=extra, quiet=True)
                    times.setdefault((case, name), []).append(time.perf_counter() - started)
        print(f"\nmedians of {rounds} runs (s):  frozen   source")
        for case in cases:
            frozen = statistics.median(times[(case, "frozen")])
            src = statistics.median(times[(case, "source")])
            print(f"  {case:32s} {frozen:7.2f}  {src:7.2f}")
    finally:
        shutil.rmtree(base, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("bundle", nargs="?", type=Path, default=ROOT / "dist/app/auditdesk")
    parser.add_argument("--keep", type=Path, help="keep the test's files in this folder")
    parser.add_argument("--bench", type=int, default=0, metavar="N", help="time N rounds")
    args = parser.parse_args(argv)
    started = time.monotonic()
    try:
        smoke(args.bundle.resolve(), args.keep)
    except (SmokeFailed, subprocess.TimeoutExpired) as exc:
        print(f"SMOKE FAILED: {exc}", file=sys.stderr)
        return 1
    print(f"frozen smoke test passed in {time.monotonic() - started:.0f} s")
    if args.bench:
        bench(args.bundle.resolve(), args.bench)
    return 0


if __name__ == "__main__":
    sys.exit(main())
