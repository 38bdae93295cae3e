#!/usr/bin/env python3
"""Qt translations: one .ts per feature area and language, built into .qm files that ship.

  python tools/i18n.py update   # refresh every resources/i18n/<area>_pl.ts from its sources
  python tools/i18n.py build    # compile every .ts into .qm (committed, shipped in the wheel)
  python tools/i18n.py fill resources/i18n/shell_pl.ts pl.json   # {"English": "Polski", ...}
  python tools/i18n.py missing  # list unfinished translations (exit 1 if any)
  python tools/i18n.py fields   # list translations whose {fields} differ from the English

The error messages of the services (domain/errors.py: an English template plus its fields) are
collected by reading the sources, not by lupdate: every literal first argument of a call to an
AuditDeskError class outside ui/ goes to errors_pl.ts, context "Errors". The command line's
messages (literal first arguments of `t()` in cli/) go to cli_pl.ts, context "Cli", the same way.

AREAS maps an area to the source files whose tr()/translate() strings it holds. Source strings
are English; Polish is the default language, so every Polish message must be translated (a test
checks that none is left unfinished).
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "resources" / "i18n"
UI = ROOT / "src" / "auditdesk" / "ui"
LANGUAGES = ["pl"]

# area -> glob patterns (relative to src/auditdesk/ui) of the files whose strings it holds
AREAS: dict[str, list[str]] = {
    "shell": ["*.py", "panels/__init__.py"],
    "appraisals": ["appraisals/*.py"],
    "admin": ["admin/*.py", "auth/*.py"],
    "audits": ["audits/*.py"],
    "protocols": ["protocols/*.py"],
    "monitoring": [
        "monitoring/panel.py",
        "monitoring/import_problems.py",
        "monitoring/import_mapping.py",
    ],
    "indicators": ["monitoring/indicators*.py"],
    "cases": ["monitoring/cases*.py"],
    "surveys": ["monitoring/surveys*.py"],
    "sync": ["sync/*.py"],
    "overview": ["overview/*.py"],
    "privacy": ["privacy/*.py"],
    "plan": ["plan/*.py"],
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
    update_errors()
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


SRC = ROOT / "src" / "auditdesk"
ERRORS_CONTEXT = "Errors"


def _error_classes(trees: list[ast.Module]) -> set[str]:
    """AuditDeskError and every class that derives from it, by name, across the sources."""
    bases: dict[str, set[str]] = {}
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                named = bases.setdefault(node.name, set())
                for base in node.bases:
                    named.add(base.id if isinstance(base, ast.Name) else getattr(base, "attr", ""))
    found = {"AuditDeskError"}
    grew = True
    while grew:
        grew = False
        for name, parents in bases.items():
            if name not in found and parents & found:
                found.add(name)
                grew = True
    return found


def error_templates() -> list[str]:
    """The message templates of every AuditDeskError raised (or made) outside the window code."""
    files = sorted(p for p in SRC.rglob("*.py") if UI not in p.parents)
    trees = [ast.parse(p.read_text(encoding="utf-8"), str(p)) for p in files]
    classes = _error_classes(trees)
    found: dict[str, None] = {}
    for tree in trees:
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            first = node.args[0]
            literal = isinstance(first, ast.Constant) and isinstance(first.value, str)
            if name in classes and literal and str(first.value).strip():  # type: ignore[attr-defined]
                found[str(first.value)] = None  # type: ignore[attr-defined]
    return sorted(found)


def _translations(ts: Path) -> dict[str, str]:
    import xml.etree.ElementTree as ET

    if not ts.exists():
        return {}
    out: dict[str, str] = {}
    for message in ET.parse(ts).iter("message"):
        node = message.find("translation")
        if node is not None and node.get("type") != "unfinished" and (node.text or "").strip():
            out[message.findtext("source") or ""] = node.text or ""
    return out


CLI_CONTEXT = "Cli"


def cli_messages() -> list[str]:
    """The messages of the command line: every literal first argument of a call to `t()` in
    cli/ (cli/lang.py translates them without Qt)."""
    found: dict[str, None] = {}
    for path in sorted((SRC / "cli").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            first = node.args[0]
            if (
                isinstance(func, ast.Name)
                and func.id == "t"
                and isinstance(first, ast.Constant)
                and isinstance(first.value, str)
                and first.value.strip()
            ):
                found[first.value] = None
    return sorted(found)


def update_errors() -> None:
    """Writes errors_<lang>.ts: every template, with the translations already made kept; and
    cli_<lang>.ts the same way with the command line's messages."""
    _update_collected("errors", ERRORS_CONTEXT, error_templates())
    _update_collected("cli", CLI_CONTEXT, cli_messages())


def _update_collected(area: str, context_name: str, templates: list[str]) -> None:
    import xml.etree.ElementTree as ET

    for lang in LANGUAGES:
        ts = I18N / f"{area}_{lang}.ts"
        known = _translations(ts)
        root = ET.Element("TS", version="2.1", language=f"{lang}_PL" if lang == "pl" else lang)
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = context_name
        for template in templates:
            message = ET.SubElement(context, "message")
            ET.SubElement(message, "source").text = template
            translation = ET.SubElement(message, "translation")
            if template in known:
                translation.text = known[template]
            else:
                translation.set("type", "unfinished")
        ET.indent(root)
        _write_ts(ts, root)
        done = sum(1 for t in templates if t in known)
        print(f"{ts}: {len(templates)} message(s), {len(templates) - done} to translate")


def _write_ts(ts: Path, root: Any) -> None:
    """Writes a .ts the way lupdate does (declaration, doctype, final newline), so that filling
    translations and refreshing them do not rewrite each other's header."""
    import xml.etree.ElementTree as ET

    # lupdate writes an apostrophe as &apos;; ElementTree leaves it bare. Writing it lupdate's way
    # keeps `fill` and `update` from rewriting each other's apostrophes in every area's file.
    body = ET.tostring(root, encoding="unicode").replace("'", "&apos;")
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )


def field_mismatches() -> list[str]:
    """Translations that name other {fields} than their English template (str.format would
    fail, or show the wrong value)."""
    import string
    import xml.etree.ElementTree as ET

    def names(text: str) -> set[str]:
        try:
            return {f for _, f, _, _ in string.Formatter().parse(text) if f is not None}
        except ValueError as exc:
            return {f"<unparsable: {exc}>"}

    bad: list[str] = []
    for ts in sorted([*I18N.glob("errors_*.ts"), *I18N.glob("cli_*.ts")]):
        for message in ET.parse(ts).iter("message"):
            source = message.findtext("source") or ""
            text = message.findtext("translation") or ""
            if text and names(source) != names(text):
                bad.append(f"{ts.name}: {source!r} -> {text!r}")
    return bad


def _report(rows: list[str], all_good: str) -> None:
    """Prints the problems (or that there are none) and exits 1 when there are any."""
    print("\n".join(rows) or all_good)
    sys.exit(1 if rows else 0)


def fields() -> None:
    _report(field_mismatches(), "every translation names the fields of its template")


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
    _write_ts(Path(ts_path), tree.getroot())
    print(f"{ts_path}: filled {filled} message(s)")


def unfinished() -> list[str]:
    import xml.etree.ElementTree as ET

    missing: list[str] = []
    for ts in sorted(I18N.glob("*.ts")):
        for context in ET.parse(ts).iter("context"):
            name = context.findtext("name")
            for message in context.iter("message"):
                translation = message.find("translation")
                forms = [] if translation is None else translation.findall("numerusform")
                if (
                    translation is None
                    or translation.get("type") == "unfinished"
                    or not ((translation.text or "").strip() or forms)
                    or not all((f.text or "").strip() for f in forms)
                ):
                    missing.append(f"{ts.name}: [{name}] {message.findtext('source')!r}")
    return missing


def missing() -> None:
    _report(unfinished(), "all translations finished")


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "build"
    if command == "fill":
        fill(sys.argv[2], sys.argv[3])
    else:
        {"update": update, "build": build, "missing": missing, "fields": fields}[command]()
