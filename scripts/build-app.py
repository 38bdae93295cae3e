"""Builds the frozen AuditDesk (issue 20): one folder, `dist/app/auditdesk/`, with the executable.

    python scripts/build-app.py [--archive] [--keep-work]

The same command on Linux and on Windows (in the project's virtualenv with the `build` extra:
`pip install -e ".[build]"`): PyInstaller runs packaging/auditdesk.spec, then the folder is
checked against packaging/bundle_contents.py (every form, font, translation and Qt plugin there,
none of what is left out) and its size printed. `--archive` also packs it: a .tar.gz on Linux, a
.zip on Windows (the Windows installer is made from the folder by Inno Setup:
packaging/windows/auditdesk.iss, docs/install.md). Exit status 0 when the bundle is complete.
"""

from __future__ import annotations

import argparse
import importlib.util
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "packaging"))

import bundle_contents  # noqa: E402  (packaging/ is not a package)

DIST = ROOT / "dist" / "app"
WORK = ROOT / "build" / "pyinstaller"


def version() -> str:
    import tomllib

    with (ROOT / "pyproject.toml").open("rb") as f:
        return str(tomllib.load(f)["project"]["version"])


def archive_name() -> str:
    system = {"Linux": "linux", "Windows": "windows", "Darwin": "macos"}.get(
        platform.system(), platform.system().lower()
    )
    return f"auditdesk-{version()}-{system}-{platform.machine().lower()}"


def build(keep_work: bool) -> Path:
    if importlib.util.find_spec("PyInstaller") is None:
        raise SystemExit(
            'PyInstaller is not installed in this environment: pip install -e ".[build]"'
        )
    shutil.rmtree(DIST / "auditdesk", ignore_errors=True)
    cmd = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level=WARN",
        f"--distpath={DIST}",
        f"--workpath={WORK}",
        str(ROOT / "packaging" / "auditdesk.spec"),
    ]
    if not keep_work:
        cmd.insert(3, "--clean")
    started = time.monotonic()
    subprocess.run(cmd, check=True, cwd=ROOT)
    print(f"built in {time.monotonic() - started:.0f} s")
    return DIST / "auditdesk"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--archive", action="store_true", help="pack the folder for download")
    parser.add_argument(
        "--keep-work", action="store_true", help="reuse PyInstaller's cache in build/ (faster)"
    )
    parser.add_argument(
        "--check-only", action="store_true", help="check an already built dist/app/auditdesk"
    )
    args = parser.parse_args(argv)
    bundle = DIST / "auditdesk" if args.check_only else build(args.keep_work)
    problems = bundle_contents.check_bundle(ROOT, bundle, sys.platform)
    for problem in problems:
        print(f"bundle: {problem}", file=sys.stderr)
    size = bundle_contents.folder_size(bundle)
    print(f"{bundle}: {size / 2**20:.1f} MiB in {sum(1 for _ in bundle.rglob('*'))} files")
    if problems:
        return 1
    if args.archive:
        fmt = "zip" if sys.platform == "win32" else "gztar"
        packed = shutil.make_archive(str(DIST / archive_name()), fmt, DIST, "auditdesk")
        print(f"{packed}: {Path(packed).stat().st_size / 2**20:.1f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
