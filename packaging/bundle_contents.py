"""What the frozen AuditDesk carries, as plain lists (read by packaging/auditdesk.spec, by
tests/project/test_bundle_resources.py and by scripts/smoke-frozen.py).

Paths inside the bundle mirror an installed wheel: `auditdesk/forms`, `auditdesk/resources`
and `auditdesk/store/migrations` sit beside where the package's modules would be, so
`auditdesk.resources.data_dir` and the migration runner (importlib.resources) find them the same
way in a wheel, a checkout and a frozen build.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

# (folder in the repository, glob patterns, folder in the bundle). Nothing else of the
# repository goes in: no tests, no docs, no .ts translation sources.
DATA_DIRS: list[tuple[str, tuple[str, ...], str]] = [
    ("forms", ("**/*.yaml",), "auditdesk/forms"),
    ("resources/fonts", ("*.ttf", "LICENSE-*.txt"), "auditdesk/resources/fonts"),
    ("resources/i18n", ("*.qm",), "auditdesk/resources/i18n"),
    # Alembic reads the migration scripts as files (env.py, versions/*.py, the template)
    (
        "src/auditdesk/store/migrations",
        ("*.py", "*.mako", "versions/*.py"),
        "auditdesk/store/migrations",
    ),
]

# Qt plugin folders kept, and within `platforms` the plugins kept: X11 and offscreen on Linux,
# the Windows one on Windows (PyInstaller collects the whole of each folder for QtGui).
QT_PLUGIN_KEEP = {"platforms", "imageformats", "iconengines", "platforminputcontexts",
                  "platformthemes", "xcbglintegrations", "styles"}
QT_PLATFORMS_KEEP = ("qxcb", "qoffscreen", "qwindows")
# Qt's own translations: Polish only, the file ui/i18n.py loads (buttons, file dialogs)
QT_TRANSLATIONS_KEEP = {"qtbase_pl.qm"}
# Qt libraries needed only by plugins left out (Wayland, QML, network information)
QT_LIBRARIES_DROP = ("Qt6Wayland", "Qt6Qml", "Qt6Quick", "Qt6Network")

# Modules never wanted in the bundle: the test and development tools installed beside
# AuditDesk in a developer's virtualenv, and Tk.
EXCLUDED_MODULES = [
    "tkinter", "_tkinter", "pytest", "_pytest", "pytestqt", "hypothesis", "time_machine",
    "xdist", "execnet", "mypy", "importlinter", "grimp", "IPython", "pip", "build",
    "lxml",  # openpyxl uses the standard library's XML parser without it
]

# the migration scripts are data (above), not modules to import
_NOT_HIDDEN = ("auditdesk.store.migrations",)


def data_files(root: Path) -> list[tuple[str, str]]:
    """(source file, folder in the bundle) for every data file, in PyInstaller's `datas` form.
    Refuses a pattern that matches nothing, so that a moved folder fails the build."""
    pairs: list[tuple[str, str]] = []
    for folder, patterns, target in DATA_DIRS:
        base = root / folder
        for pattern in patterns:
            found = sorted(p for p in base.glob(pattern) if p.is_file())
            if not found:
                raise FileNotFoundError(f"{base}/{pattern}: nothing to bundle")
            for path in found:
                inner = PurePosixPath(target) / path.parent.relative_to(base).as_posix()
                pairs.append((str(path), str(inner)))
    return pairs


def bundle_paths(root: Path) -> list[str]:
    """Every data file's path inside the bundle (posix), e.g. auditdesk/forms/…/visit.yaml."""
    return sorted(
        str(PurePosixPath(target) / Path(source).name) for source, target in data_files(root)
    )


def hidden_imports() -> list[str]:
    """Every module of the auditdesk package: the command line, the services and the reports
    import much of it inside functions (start-up time), which PyInstaller's analysis may not
    follow; and the `holidays` and `pyhanko` modules loaded by name."""
    from PyInstaller.utils.hooks import collect_submodules

    wanted = collect_submodules("auditdesk", filter=lambda name: not name.startswith(_NOT_HIDDEN))
    wanted += collect_submodules("holidays.countries") + collect_submodules("holidays.financial")
    return sorted(set(wanted))


def _parts(dest: str) -> list[str]:
    return dest.replace("\\", "/").split("/")


def keep_binary(dest: str) -> bool:
    """Whether a binary PyInstaller collected goes into the bundle (its path in the bundle)."""
    parts = _parts(dest)
    name = parts[-1]
    if "plugins" in parts:
        at = parts.index("plugins")
        category = parts[at + 1] if at + 1 < len(parts) - 1 else ""
        if category not in QT_PLUGIN_KEEP:
            return False
        if category == "platforms":
            return any(key in name for key in QT_PLATFORMS_KEEP)
        return True
    return not any(lib in name for lib in QT_LIBRARIES_DROP)


def keep_data(dest: str) -> bool:
    """Whether a data file goes into the bundle: Qt's translations other than Polish do not."""
    parts = _parts(dest)
    if "translations" in parts and "Qt" in parts:
        return parts[-1] in QT_TRANSLATIONS_KEEP
    if "plugins" in parts:  # plugin metadata beside plugins left out
        return keep_binary(dest)
    return True
