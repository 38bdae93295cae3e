"""LibreOffice Calc, headless, as an office user with Polish (or English) settings opens a file
(issue 15): a fresh profile per locale whose registrymodifications.xcu sets the locale
(ooSetupSystemLocale, ooLocale; the environment's LANG/LC_* are left out so that the profile
decides), a file converted with `--convert-to` and read back with openpyxl. Tests that use it
skip where `soffice` is not installed (`SKIP_WITHOUT_LIBREOFFICE`)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
SKIP_WITHOUT_LIBREOFFICE = pytest.mark.skipif(
    SOFFICE is None,
    reason="LibreOffice (soffice) is not installed: the exports are checked with openpyxl only "
    "(tests/reports/test_exports_issue15.py); apt-get install libreoffice-calc to run these",
)

# LibreOffice's CSV import options (the filter's "FilterOptions"): separator (59 = ;, 44 = ,),
# quote (34 = "), charset (76 = UTF-8), from line 1, column types (none: "standard", as the
# dialog), language (empty: the locale's), quoted field as text (false, the dialog's default),
# detect special numbers (true: without it Calc reads no date at all)
POLISH_CSV = "CSV:59,34,76,1,,,false,true"
INTERNATIONAL_CSV = "CSV:44,34,76,1,,,false,true"
PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse">
<value>{locale}</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooLocale" oor:op="fuse">
<value>{locale}</value></prop></item>
</oor:items>
"""
ISO_DATE = re.compile(r"\b\d{4}-\d\d-\d\d\b")
POLISH_DATE = re.compile(r"\b\d\d\.\d\d\.\d{4}\b")

Rows = list[tuple[Any, ...]]


@dataclass(frozen=True)
class Calc:
    """LibreOffice Calc, headless, with its own profile in `locale` (pl-PL, en-US)."""

    profile: Path
    locale: str

    @classmethod
    def start(cls, folder: Path, locale: str) -> Calc:
        user = folder / "user"
        user.mkdir(parents=True)
        (user / "registrymodifications.xcu").write_text(
            PROFILE.format(locale=locale), encoding="utf-8"
        )
        return cls(folder, locale)

    def convert(self, source: Path, to: str, infilter: str | None = None) -> Path:
        """`source` converted to the format `to` (xlsx, pdf) into a folder beside it."""
        assert SOFFICE is not None
        out = source.parent / f"lo-{self.locale}-{to}"
        out.mkdir(exist_ok=True)
        command = [SOFFICE, f"-env:UserInstallation={self.profile.as_uri()}", "--headless"]
        if infilter:
            command.append(f"--infilter={infilter}")
        command += ["--convert-to", to, "--outdir", str(out), str(source)]
        env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
        done = subprocess.run(command, capture_output=True, text=True, timeout=300, env=env)
        result = out / f"{source.stem}.{to}"
        assert result.exists(), f"LibreOffice did not convert {source.name}: {done.stderr}"
        return result

    def sheets(self, source: Path, infilter: str | None = None) -> dict[str, Rows]:
        """Every sheet's values as Calc reads `source` (a CSV with `infilter`)."""
        # data_only: Calc saves a boolean as the formula =TRUE() with its value
        book = openpyxl.load_workbook(self.convert(source, "xlsx", infilter), data_only=True)
        return {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in book}

    def csv_rows(self, source: Path, infilter: str) -> Rows:
        return next(iter(self.sheets(source, infilter).values()))

    def pdf_text(self, source: Path) -> str:
        """The text of `source` printed by Calc to PDF (what a user prints or sees)."""
        pdf = self.convert(source, "pdf")
        done = subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
        )
        return done.stdout


def same(shown: Any, meant: Any) -> bool:
    """Whether Calc's value is the one written: text the same text, a number the same number
    (not text, not a date), a date or moment the same one (not text)."""
    if meant in (None, "") or shown in (None, ""):
        return meant in (None, "") and shown in (None, "")
    if isinstance(meant, bool):
        return shown is meant or (type(shown) is int and shown == int(meant))
    if isinstance(meant, int | float):
        return type(shown) in (int, float) and abs(shown - meant) < 1e-9
    if isinstance(meant, datetime):
        return isinstance(shown, datetime) and shown == meant
    if isinstance(meant, date):
        return isinstance(shown, datetime) and shown == datetime.combine(meant, datetime.min.time())
    return bool(shown == meant)


def differences(shown: Rows, meant: Rows, limit: int = 10) -> list[str]:
    """The cells where Calc's rows differ from the ones written (the first `limit`), each
    named by row and column (1 = the first)."""
    found = []
    for r, (got, want) in enumerate(zip(shown, meant, strict=False), 1):
        width = max(len(got), len(want))
        got = (*got, *[None] * (width - len(got)))
        want = (*want, *[None] * (width - len(want)))
        for c, (a, b) in enumerate(zip(got, want, strict=True), 1):
            if not same(a, b):
                found.append(f"row {r}, column {c}: written {b!r}, Calc read {a!r}")
    if len(shown) != len(meant):
        found.append(f"{len(meant)} rows written, Calc read {len(shown)}")
    return found[:limit]
