"""What the frozen AuditDesk carries, as plain lists (read by packaging/auditdesk.spec, by
tests/project/test_bundle_contents.py and by scripts/smoke-frozen.py).

Paths inside the bundle mirror an installed wheel: `auditdesk/forms`, `auditdesk/resources`
and `auditdesk/store/migrations` sit beside where the package's modules would be, so
`auditdesk.resources.data_dir` and the migration runner (importlib.resources) find them the same
way in a wheel, a checkout and a frozen build.
"""

from __future__ import annotations

import posixpath
from pathlib import Path, PurePosixPath

# (folder in the repository, glob patterns, folder in the bundle). Nothing else of the
# repository goes in: no tests, no docs, no .ts translation sources but the two the command
# line reads itself without Qt (cli/lang.py: cli_pl.ts for its messages, errors_pl.ts for the
# errors).
DATA_DIRS: list[tuple[str, tuple[str, ...], str]] = [
    ("forms", ("**/*.yaml",), "auditdesk/forms"),
    ("resources/fonts", ("*.ttf", "LICENSE-*.txt"), "auditdesk/resources/fonts"),
    ("resources/i18n", ("*.qm", "cli_*.ts", "errors_*.ts"), "auditdesk/resources/i18n"),
    ("resources/help", ("*/*.md",), "auditdesk/resources/help"),  # F1's pages (ui/help.py)
    # Alembic reads the migration scripts as files (env.py, versions/*.py, the template)
    (
        "src/auditdesk/store/migrations",
        ("*.py", "*.mako", "versions/*.py"),
        "auditdesk/store/migrations",
    ),
]

# Qt plugin folders kept, and within `platforms` the plugins kept: X11 and offscreen on Linux,
# the Windows one on Windows (PyInstaller collects the whole of each folder for QtGui).
QT_PLUGIN_KEEP = {
    "platforms",
    "imageformats",
    "iconengines",
    "platforminputcontexts",
    "platformthemes",
    "xcbglintegrations",
    "styles",
}
QT_PLATFORMS_KEEP = ("qxcb", "qoffscreen", "qwindows")
# Qt's own translations: Polish only, the file ui/i18n.py loads (buttons, file dialogs)
QT_TRANSLATIONS_KEEP = {"qtbase_pl.qm"}
# plugins left out within the folders kept: the on-screen keyboard (it needs QML and Quick) and
# the GTK theme (it pulls GTK's whole stack in; without it Qt draws its own Fusion widgets and
# file dialogs, or the desktop portal's)
QT_PLUGINS_DROP = ("qtvirtualkeyboard", "qgtk3")
# libraries needed only by plugins left out: Qt's Wayland, QML, Quick, network information and
# on-screen keyboard, and the system's GTK stack the GTK theme had pulled in (Linux)
QT_LIBRARIES_DROP = (
    "Qt6Wayland",
    "Qt6Wl",
    "Qt6Qml",
    "Qt6Quick",
    "Qt6Network",
    "QtNetwork.",
    "Qt6VirtualKeyboard",
    "libgtk-3",
    "libgdk-3",
    "libgdk_pixbuf",
    "libatk",
    "libcairo",
    "libpango",
    "libthai",
    "libdatrie",
    "libfribidi",
    "libpixman",
    "libepoxy",
)

# Modules never wanted in the bundle: the test and development tools installed beside
# AuditDesk in a developer's virtualenv, and Tk.
EXCLUDED_MODULES = [
    "tkinter",
    "_tkinter",
    "pytest",
    "_pytest",
    "pytestqt",
    "hypothesis",
    "time_machine",
    "xdist",
    "execnet",
    "mypy",
    "importlinter",
    "grimp",
    "IPython",
    "pip",
    "build",
    "lxml",  # openpyxl uses the standard library's XML parser without it
    # packaging tools: only cffi's compiler (never used at run time) imports setuptools, and
    # with it PyInstaller would run its setuptools and pkg_resources start-up hooks, ~0.5 s of
    # every start (benchmarks/README.md)
    "setuptools",
    "pkg_resources",
    "_distutils_hack",
]

# PyInstaller start-up hooks left out: packaging/auditdesk_entry.py does what AuditDesk needs
# of them (the Qt plugin folder) without importing Qt at start
RUNTIME_HOOKS_DROPPED = ("pyi_rth_pyside6",)

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
        return not any(key in name for key in QT_PLUGINS_DROP)
    return not any(lib in name for lib in QT_LIBRARIES_DROP)


def keep_data(dest: str) -> bool:
    """Whether a data file goes into the bundle: Qt's translations other than Polish do not."""
    parts = _parts(dest)
    if "translations" in parts and parts[0] == "PySide6":  # PySide6/Qt/… on Linux, not Windows
        return parts[-1] in QT_TRANSLATIONS_KEEP
    if "plugins" in parts:  # plugin metadata beside plugins left out
        return keep_binary(dest)
    return True


def drop_dangling_links(
    datas: list[tuple[str, str, str]], binaries: list[tuple[str, str, str]]
) -> list[tuple[str, str, str]]:
    """PyInstaller's SYMLINK entries (in `datas`: a library's name at the top of the bundle
    pointing into its package) whose target was left out of `binaries` (keep_binary)."""
    present = {dest.replace("\\", "/") for dest, _src, _kind in binaries}
    present |= {dest.replace("\\", "/") for dest, _src, kind in datas if kind != "SYMLINK"}
    kept: list[tuple[str, str, str]] = []
    for dest, src, kind in datas:
        if kind == "SYMLINK":
            parent = PurePosixPath(dest.replace("\\", "/")).parent
            target = posixpath.normpath(str(parent / src.replace("\\", "/")))
            if target not in present:
                continue
        kept.append((dest, src, kind))
    return kept


# --- a built bundle (scripts/build-app.py, scripts/smoke-frozen.py) -----------------------------


def internal_dir(bundle: Path) -> Path:
    """Where PyInstaller (6+) puts everything but the executable."""
    return bundle / "_internal"


def qt_dir(platform: str) -> str:
    """PySide6's Qt folder inside the bundle: the wheels for Windows have no Qt/ level."""
    return "PySide6" if platform == "win32" else "PySide6/Qt"


def required_in_bundle(root: Path, platform: str) -> list[str]:
    """Every file the bundle must carry (paths under _internal/, posix): the data files, the
    Qt platform plugins of this system (with offscreen, for the smoke test), the image formats
    the window shows (PNG is built into Qt; JPEG photos of evidence and the SVG icons are not),
    and Qt's own Polish translation."""
    qt = qt_dir(platform)
    if platform == "win32":
        plugins = [
            "platforms/qwindows.dll",
            "platforms/qoffscreen.dll",
            "imageformats/qjpeg.dll",
            "imageformats/qsvg.dll",
        ]
    else:
        plugins = [
            "platforms/libqxcb.so",
            "platforms/libqoffscreen.so",
            "imageformats/libqjpeg.so",
            "imageformats/libqsvg.so",
            "xcbglintegrations/libqxcb-glx-integration.so",
        ]
    return [
        *bundle_paths(root),
        *(f"{qt}/plugins/{plugin}" for plugin in plugins),
        *(f"{qt}/translations/{name}" for name in sorted(QT_TRANSLATIONS_KEEP)),
    ]


# what must not be there: the repository's tests and docs, the developer's tools, Qt's other
# languages and the Qt parts left out
FORBIDDEN_PARTS = ("tests", "docs", *EXCLUDED_MODULES)


def unwanted(relative: str) -> str | None:
    """Why a file under _internal/ should not be in the bundle, or None when it may be."""
    parts = _parts(relative)
    top = parts[0]
    if top in FORBIDDEN_PARTS or top.split("-")[0] in FORBIDDEN_PARTS:
        return f"{top} is not part of the application"
    if parts[0] == "auditdesk" and any(p in ("tests", "docs") for p in parts):
        return "the repository's tests and docs stay out"
    if "translations" in parts and parts[-1].endswith(".qm") and not keep_data(relative):
        return "Qt translation other than Polish"
    if any(lib in parts[-1] for lib in QT_LIBRARIES_DROP):
        return "a library of a Qt part left out"
    if "plugins" in parts and not keep_binary(relative):
        return "a Qt plugin left out"
    return None


def check_bundle(root: Path, bundle: Path, platform: str) -> list[str]:
    """What is wrong with a built bundle: a missing executable, a required file missing, an
    unwanted one present, a link pointing nowhere. Empty when it is complete."""
    problems: list[str] = []
    exe = bundle / ("auditdesk.exe" if platform == "win32" else "auditdesk")
    if not exe.is_file():
        problems.append(f"{exe} missing")
    inner = internal_dir(bundle)
    for relative in required_in_bundle(root, platform):
        if not (inner / relative).is_file():
            problems.append(f"{relative} missing")
    for path in sorted(inner.rglob("*")):
        relative = path.relative_to(inner).as_posix()
        if path.is_symlink() and not path.exists():
            problems.append(f"{relative} links to nothing")
            continue
        if path.is_dir():
            continue
        reason = unwanted(relative)
        if reason:
            problems.append(f"{relative}: {reason}")
    return problems


def folder_size(folder: Path) -> int:
    """Bytes of the files in a folder (links counted once, as the files they point to)."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
