"""What the frozen AuditDesk must carry (issue 20), checked against the repository without
running PyInstaller: packaging/bundle_contents.py lists it for packaging/auditdesk.spec,
scripts/build-app.py and scripts/smoke-frozen.py (which checks a real build the same way)."""

from __future__ import annotations

import importlib.util
import os
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

from auditdesk.store.schema_heads import SCRIPT_FILES

ROOT = Path(__file__).resolve().parents[2]


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "bundle_contents", ROOT / "packaging" / "bundle_contents.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("bundle_contents", module)
    spec.loader.exec_module(module)
    return module


bc = _load()
BUNDLED = set(bc.bundle_paths(ROOT))


def test_everything_under_resources_is_bundled_but_translation_sources() -> None:
    """A new folder under resources/ (help pages, icons) must be added to DATA_DIRS."""
    command_line_ts = {"cli_pl.ts", "errors_pl.ts"}
    expected = {
        f"auditdesk/resources/{p.relative_to(ROOT / 'resources').as_posix()}"
        for p in (ROOT / "resources").rglob("*")
        if p.is_file() and (p.suffix != ".ts" or p.name in command_line_ts)
    }
    assert any("/help/pl/" in p for p in expected)
    assert expected - BUNDLED == set()


def test_every_form_font_translation_and_migration_is_bundled() -> None:
    expected = {
        *(f"auditdesk/forms/{p.relative_to(ROOT / 'forms').as_posix()}"
          for p in (ROOT / "forms").rglob("*.yaml")),
        *(f"auditdesk/resources/fonts/{p.name}" for p in (ROOT / "resources/fonts").glob("*.ttf")),
        "auditdesk/resources/fonts/LICENSE-DejaVu.txt",  # the fonts' licence, shown in About
        *(f"auditdesk/resources/i18n/{p.name}" for p in (ROOT / "resources/i18n").glob("*.qm")),
        *(f"auditdesk/store/migrations/versions/{name}" for name in SCRIPT_FILES),
        "auditdesk/store/migrations/env.py",
        "auditdesk/store/migrations/script.py.mako",
    }  # fmt: skip
    assert expected - BUNDLED == set()
    assert len([p for p in BUNDLED if p.startswith("auditdesk/forms/")]) >= 3
    assert "auditdesk/resources/i18n/shell_pl.qm" in BUNDLED


def test_the_translation_sources_the_command_line_reads_are_bundled() -> None:
    """cli/lang.py reads <area>_<language>.ts without Qt; every area it names must be there."""
    source = (ROOT / "src/auditdesk/cli/lang.py").read_text("utf-8")
    areas = set(re.findall(r'_catalogue\("(\w+)"', source))
    assert areas >= {"cli", "errors"}
    for area in areas:
        assert f"auditdesk/resources/i18n/{area}_pl.ts" in BUNDLED
    other_ts = {p for p in BUNDLED if p.endswith(".ts")} - {
        f"auditdesk/resources/i18n/{area}_pl.ts" for area in areas
    }
    assert other_ts == set()  # the window's .ts sources stay out (their .qm go in)


def test_nothing_but_the_application_goes_in() -> None:
    assert not any(p.startswith(("tests/", "docs/")) or "/tests/" in p for p in BUNDLED)
    assert {"pytest", "hypothesis", "time_machine", "mypy", "tkinter"} <= set(bc.EXCLUDED_MODULES)
    # nothing AuditDesk imports at run time is excluded
    assert not {"PySide6", "sqlalchemy", "alembic", "reportlab", "pyhanko", "openpyxl"} & set(
        bc.EXCLUDED_MODULES
    )


@pytest.mark.parametrize("platform", ["linux", "win32"])
def test_the_qt_plugins_and_qt_polish_are_required(platform: str) -> None:
    required = bc.required_in_bundle(ROOT, platform)
    qt = "PySide6" if platform == "win32" else "PySide6/Qt"
    assert f"{qt}/translations/qtbase_pl.qm" in required
    native = "qwindows.dll" if platform == "win32" else "libqxcb.so"
    assert f"{qt}/plugins/platforms/{native}" in required
    assert any("imageformats/" in p and "jpeg" in p for p in required)
    assert set(bc.bundle_paths(ROOT)) <= set(required)


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/Qt/plugins/platforms/libqwayland-egl.so", False),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
        ("PySide6\\plugins\\platforms\\qwindows.dll", True),  # Windows' separators
        ("PySide6\\plugins\\platforms\\qdirect2d.dll", False),
        ("PySide6/Qt/plugins/imageformats/libqjpeg.so", True),
        ("PySide6/Qt/plugins/sqldrivers/libqsqlite.so", False),
        ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/lib/libQt6Qml.so.6", False),
        ("PySide6/QtNetwork.abi3.so", False),
        ("PySide6\\Qt6Quick.dll", False),
        ("PySide6/Qt/lib/libQt6Widgets.so.6", True),
        ("libcairo.so.2", False),  # the GTK theme's stack
        ("libsqlite3.so.0", True),
    ],
)
def test_which_binaries_are_kept(dest: str, kept: bool) -> None:
    assert bc.keep_binary(dest) is kept


def test_only_polish_qt_translations_are_kept() -> None:
    assert bc.keep_data("PySide6/Qt/translations/qtbase_pl.qm")
    assert not bc.keep_data("PySide6/Qt/translations/qtbase_de.qm")
    assert not bc.keep_data("PySide6\\translations\\qtbase_fr.qm")
    assert bc.keep_data("auditdesk/resources/i18n/shell_pl.qm")


def test_links_to_libraries_left_out_are_dropped() -> None:
    binaries = [("PySide6/Qt/lib/libQt6Core.so.6", "/x/libQt6Core.so.6", "BINARY")]
    datas = [
        ("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
        ("libQt6Qml.so.6", "PySide6/Qt/lib/libQt6Qml.so.6", "SYMLINK"),
        ("auditdesk/forms/a.yaml", "/repo/forms/a.yaml", "DATA"),
    ]
    kept = bc.drop_dangling_links(datas, binaries)
    assert [d[0] for d in kept] == ["libQt6Core.so.6", "auditdesk/forms/a.yaml"]


def _fake_bundle(tmp_path: Path, platform: str) -> Path:
    bundle = tmp_path / "auditdesk"
    inner = bundle / "_internal"
    for relative in bc.required_in_bundle(ROOT, platform):
        (inner / relative).parent.mkdir(parents=True, exist_ok=True)
        (inner / relative).write_bytes(b"x")
    (bundle / ("auditdesk.exe" if platform == "win32" else "auditdesk")).write_bytes(b"x")
    return bundle


@pytest.mark.parametrize("platform", ["linux", "win32"])
def test_a_complete_bundle_passes_the_check(tmp_path: Path, platform: str) -> None:
    assert bc.check_bundle(ROOT, _fake_bundle(tmp_path, platform), platform) == []


def test_the_check_names_what_is_missing_or_unwanted(tmp_path: Path) -> None:
    bundle = _fake_bundle(tmp_path, "linux")
    inner = bundle / "_internal"
    (inner / "auditdesk/resources/fonts/DejaVuSans.ttf").unlink()
    (inner / "PySide6/Qt/translations/qtbase_de.qm").write_bytes(b"x")
    (inner / "pytest").mkdir()
    (inner / "pytest/__init__.pyc").write_bytes(b"x")
    (inner / "PySide6/Qt/lib").mkdir(parents=True)
    (inner / "PySide6/Qt/lib/libQt6Quick.so.6").write_bytes(b"x")
    if hasattr(os, "symlink"):
        os.symlink("PySide6/Qt/lib/libQt6Qml.so.6", inner / "libQt6Qml.so.6")
    problems = "\n".join(bc.check_bundle(ROOT, bundle, "linux"))
    assert "auditdesk/resources/fonts/DejaVuSans.ttf missing" in problems
    assert "qtbase_de.qm: Qt translation other than Polish" in problems
    assert "pytest/__init__.pyc: pytest is not part of the application" in problems
    assert "libQt6Quick.so.6: a library of a Qt part left out" in problems
    assert "libQt6Qml.so.6 links to nothing" in problems


def test_a_moved_resource_folder_fails_the_build(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="nothing to bundle"):
        bc.data_files(tmp_path)
