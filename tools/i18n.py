#!/usr/bin/env python3
"""Qt translations: one .ts per feature area and language, built into .qm files that ship.

  python tools/i18n.py update   # refresh every resources/i18n/<area>_pl.ts from its sources
  python tools/i18n.py build    # compile every .ts into .qm (committed, shipped in the wheel)
  python tools/i18n.py fill resources/i18n/shell_pl.ts pl.json   # {"English": "Polski", ...}
  python tools/i18n.py missing  # list unfinished translations (exit 1 if any)

AREAS maps an area to the source files whose tr()/translate() strings it holds. Source strings
are English; Polish is the default language, so every Polish message must be translated (a test
checks that none is left unfinished).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "resources" / "i18n"
UI = ROOT / "src" / "auditdesk" / "ui"
LANGUAGES = ["pl"]

# area -> glob patterns (relative to src/auditdesk/ui) of the files whose strings it holds
AREAS: dict[str, list[str]] = {
    "shell": ["*.py", "panels/__init__.py", "panels/placeholders.py"],
    "appraisals": ["appraisals/*.py"],
    "admin": ["admin/*.py", "auth/*.py"],
    "audits": ["audits/*.py"],
    "protocols": ["protocols/*.py"],
}


def _tool(name: str) -> str:
    exe = Path(sys.executable).with_name(f"pyside6-{name}")
    return str(exe) if exe.exists() else f"pyside6-{name}"


def sources(area: str) -> list[str]:
    found: list[str] = []
    for pattern in AREAS[area]:
        found += sorted(str(p) for p in UI.glob(pattern))
    return found


def update() -> None:
    for area in AREAS:
        for lang in LANGUAGES:
            ts = I18N / f"{area}_{lang}.ts"
            subprocess.run(
                [
                    _tool("lupdate"),
                    "-locations",
                    "none",
                    "-no-obsolete",
                    *sources(area),
                    "-ts",
                    str(ts),
                ],
                check=True,
            )


def build() -> None:
    for ts in sorted(I18N.glob("*.ts")):
        subprocess.run(
            [_tool("lrelease"), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True
        )


def fill(ts_path: str, json_path: str) -> None:
    """Fills unfinished messages of a .ts from a JSON map of source text → translation."""
    import json
    import xml.etree.ElementTree as ET

    mapping: dict[str, str] = json.loads(Path(json_path).read_text(encoding="utf-8"))
    tree = ET.parse(ts_path)
    filled = 0
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None or source not in mapping:
            continue
        translation.text = mapping[source]
        translation.attrib.pop("type", None)
        filled += 1
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    print(f"{ts_path}: filled {filled} message(s)")


def unfinished() -> list[str]:
    import xml.etree.ElementTree as ET

    missing: list[str] = []
    for ts in sorted(I18N.glob("*.ts")):
        for context in ET.parse(ts).iter("context"):
            name = context.findtext("name")
            for message in context.iter("message"):
                translation = message.find("translation")
                if (
                    translation is None
                    or translation.get("type") == "unfinished"
                    or not (translation.text or "").strip()
                ):
                    missing.append(f"{ts.name}: [{name}] {message.findtext('source')!r}")
    return missing


def missing() -> None:
    rows = unfinished()
    print("\n".join(rows) or "all translations finished")
    sys.exit(1 if rows else 0)


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "build"
    if command == "fill":
        fill(sys.argv[2], sys.argv[3])
    else:
        {"update": update, "build": build, "missing": missing}[command]()
