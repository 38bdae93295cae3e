"""Every Polish message is translated and every .qm is built from the current .ts."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "resources" / "i18n"
sys.path.insert(0, str(ROOT / "tools"))
import i18n  # noqa: E402


def test_no_unfinished_polish_translation() -> None:
    assert list(I18N.glob("*_pl.ts")), "no Polish translation files"
    assert i18n.unfinished() == []


@pytest.mark.parametrize("ts", sorted(I18N.glob("*.ts")), ids=lambda p: p.name)
def test_qm_is_built_from_current_ts(ts: Path, tmp_path: Path) -> None:
    qm = ts.with_suffix(".qm")
    assert qm.exists(), f"{qm.name} missing: run python tools/i18n.py build"
    fresh = tmp_path / qm.name
    subprocess.run([i18n._tool("lrelease"), "-silent", str(ts), "-qm", str(fresh)], check=True)
    assert fresh.read_bytes() == qm.read_bytes(), f"{qm.name} is stale: run tools/i18n.py build"


@pytest.mark.parametrize("area", sorted(i18n.AREAS))
def test_every_tr_string_is_in_the_committed_ts(area: str, tmp_path: Path) -> None:
    """lupdate over the area's sources finds no string that its committed .ts file lacks."""
    fresh = tmp_path / f"{area}_pl.ts"
    subprocess.run(
        [
            i18n._tool("lupdate"),
            "-silent",
            "-locations",
            "none",
            *i18n.sources(area),
            "-ts",
            str(fresh),
        ],
        check=True,
        capture_output=True,
    )
    missing = _sources(fresh) - _sources(I18N / f"{area}_pl.ts")
    assert not missing, f"run tools/i18n.py update and translate: {sorted(missing)}"


def _sources(ts: Path) -> set[str]:
    import xml.etree.ElementTree as ET

    return {m.findtext("source") or "" for m in ET.parse(ts).iter("message")}


def test_every_error_template_is_in_the_committed_ts() -> None:
    """Every literal message of an AuditDeskError outside ui/ is in errors_pl.ts."""
    committed = _sources(I18N / "errors_pl.ts")
    missing = set(i18n.error_templates()) - committed
    assert not missing, f"run tools/i18n.py update and translate: {sorted(missing)}"


def test_error_translations_name_the_fields_of_their_template() -> None:
    assert i18n.field_mismatches() == []


def test_filling_and_updating_agree_on_apostrophes(tmp_path: Path) -> None:
    """`fill` writes a .ts byte for byte as lupdate then rewrites it, apostrophes included, so the
    two tools do not turn every area's ' into &apos; and back."""
    area = next(a for a in sorted(i18n.AREAS) if "&apos;" in (I18N / f"{a}_pl.ts").read_text())
    ts = tmp_path / f"{area}_pl.ts"
    ts.write_bytes((I18N / f"{area}_pl.ts").read_bytes())
    mapping = tmp_path / "map.json"
    mapping.write_text('{"a source no file has": "x"}', encoding="utf-8")
    i18n.fill(str(ts), str(mapping))
    filled = ts.read_bytes()
    assert b"&apos;" in filled
    subprocess.run(
        [
            i18n._tool("lupdate"),
            "-silent",
            "-locations",
            "none",
            "-no-obsolete",
            *i18n.sources(area),
            "-ts",
            str(ts),
        ],
        check=True,
        capture_output=True,
    )
    assert ts.read_bytes() == filled


def test_a_message_in_two_areas_is_translated_the_same_in_both() -> None:
    """Qt asks the translators installed last first, so where two .qm files hold one context and
    source, the window showed whichever file sorted last: the navigation's "Monitoring" was
    "Monitorowanie" from the shell's file and "Monitoring" from the monitoring area's."""
    import xml.etree.ElementTree as ET

    found: dict[tuple[str, str], dict[str, str]] = {}
    for ts in sorted(I18N.glob("*_pl.ts")):
        for context in ET.parse(ts).iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                key = (name, message.findtext("source") or "")
                found.setdefault(key, {})[ts.name] = message.findtext("translation") or ""
    differing = {key: files for key, files in found.items() if len(set(files.values())) > 1}
    assert not differing, differing
