"""PKCS#11 modules installed on this computer (issue 20): the library a smart card's middleware
ships (a DLL on Windows, a .so on Linux), listed in the settings dialog so that the user picks
one instead of typing its path; the choice is kept in the settings (`pkcs11_module`).

Where they are looked for:
- Windows: the program folders (ProgramFiles, ProgramFiles(x86), ProgramW6432) of the
  middleware of the Polish qualified-signature cards and of OpenSC, and the system folder
  (System32), where some middleware puts its library. File names matched: those containing
  `pkcs11`, `pkcs#11`, `p11` or `cryptoki`, and Certum's `cryptoCertum*PKCS*.dll`, at most
  three folders deep below each vendor's folder.
- Linux: p11-kit's module registry (`/usr/share/p11-kit/modules/*.module`, `/etc/pkcs11/modules`:
  each names its library), and the usual library folders (OpenSC's opensc-pkcs11.so, SoftHSM's
  libsofthsm2.so).

The vendors' folder names below are those their installers use as far as the project knows
them; none was verified on a Windows computer with the middleware installed (docs/install.md).
Any other module can still be chosen with "Choose file…".
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

# (who ships it, the folder below Program Files). Checked in this order.
WINDOWS_VENDORS: tuple[tuple[str, str], ...] = (
    ("Certum (proCertum CardManager)", "Certum"),
    ("Certum (proCertum CardManager)", "proCertum CardManager"),
    ("Certum (Asseco Data Systems)", "Asseco Data Systems"),
    ("Sigillum (PWPW)", "Sigillum"),
    ("Sigillum (PWPW)", "PWPW"),
    ("Szafir (Krajowa Izba Rozliczeniowa)", "KIR"),
    ("Szafir (Krajowa Izba Rozliczeniowa)", "Szafir"),
    ("Szafir (Krajowa Izba Rozliczeniowa)", "Krajowa Izba Rozliczeniowa"),
    ("EuroCert", "EuroCert"),
    ("Cencert (Enigma)", "Enigma"),
    ("OpenSC", "OpenSC Project"),
)
WINDOWS_ROOT_VARIABLES = ("ProgramW6432", "ProgramFiles", "ProgramFiles(x86)")
# PKCS#11 libraries some middleware installs into System32 (exact names: the folder is large)
WINDOWS_SYSTEM_LIBRARIES: tuple[tuple[str, str], ...] = (
    ("Certum (proCertum CardManager)", "cryptoCertum3PKCS.dll"),
    ("OpenSC", "opensc-pkcs11.dll"),
)
LINUX_FOLDERS: tuple[str, ...] = (
    "/usr/lib/x86_64-linux-gnu",
    "/usr/lib/x86_64-linux-gnu/pkcs11",
    "/usr/lib/x86_64-linux-gnu/softhsm",
    "/usr/lib/aarch64-linux-gnu",
    "/usr/lib/aarch64-linux-gnu/pkcs11",
    "/usr/lib/aarch64-linux-gnu/softhsm",
    "/usr/lib64",
    "/usr/lib64/pkcs11",
    "/usr/lib/softhsm",
    "/usr/lib/pkcs11",
    "/usr/local/lib",
    "/usr/local/lib/softhsm",
)
LINUX_NAMES: dict[str, str] = {
    "opensc-pkcs11.so": "OpenSC",
    "libsofthsm2.so": "SoftHSM 2",  # a software token, for tests (the dialog says so)
}
P11_KIT_FOLDERS = ("/usr/share/p11-kit/modules", "/etc/pkcs11/modules")
MAX_DEPTH = 3  # folders below a vendor's folder
MAX_ENTRIES = 5000  # directory entries read per vendor folder: a bounded look


@dataclass(frozen=True)
class Pkcs11Module:
    path: Path
    vendor: str  # who ships it, as the settings dialog shows it


def _is_windows_module(name: str) -> bool:
    lower = name.lower()
    if not lower.endswith(".dll"):
        return False
    if lower.startswith("cryptocertum") and "pkcs" in lower:
        return True
    return any(key in lower for key in ("pkcs11", "pkcs#11", "p11", "cryptoki"))


def _walk(folder: Path, depth: int = MAX_DEPTH) -> Iterable[Path]:
    """Files below `folder`, `depth` levels at most, MAX_ENTRIES entries at most; a folder that
    cannot be read is passed over."""
    pending = [(folder, 0)]
    seen = 0
    while pending:
        here, level = pending.pop(0)
        try:
            entries = sorted(os.scandir(here), key=lambda e: e.name.lower())
        except OSError:
            continue
        for entry in entries:
            seen += 1
            if seen > MAX_ENTRIES:
                return
            try:
                if entry.is_dir(follow_symlinks=False):
                    if level < depth:
                        pending.append((Path(entry.path), level + 1))
                elif entry.is_file():
                    yield Path(entry.path)
            except OSError:
                continue


def windows_modules(environ: Mapping[str, str]) -> list[Pkcs11Module]:
    roots: list[Path] = []
    for variable in WINDOWS_ROOT_VARIABLES:
        value = environ.get(variable)
        if value and Path(value) not in roots:
            roots.append(Path(value))
    found: list[Pkcs11Module] = []
    for root in roots:
        for vendor, folder in WINDOWS_VENDORS:
            for path in _walk(root / folder):
                if _is_windows_module(path.name):
                    found.append(Pkcs11Module(path, vendor))
    system_root = environ.get("SystemRoot") or environ.get("SYSTEMROOT")
    if system_root:
        for vendor, name in WINDOWS_SYSTEM_LIBRARIES:
            path = Path(system_root) / "System32" / name
            if path.is_file():
                found.append(Pkcs11Module(path, vendor))
    return found


def _p11_kit_modules(
    root: Path, folders: Iterable[Path], library_folders: list[Path]
) -> list[Pkcs11Module]:
    """The libraries p11-kit's registry names (`module: path`; a bare name is looked up in the
    library folders, as p11-kit does in its own)."""
    found: list[Pkcs11Module] = []
    for folder in folders:
        try:
            files = sorted(folder.glob("*.module"))
        except OSError:
            continue
        for file in files:
            try:
                lines = file.read_text("utf-8", errors="replace").splitlines()[:200]
            except OSError:
                continue
            for line in lines:
                key, _, value = line.partition(":")
                if key.strip() != "module" or not value.strip():
                    continue
                named = Path(value.strip())
                if named.is_absolute():
                    candidates = [root / named.relative_to(named.anchor)]
                else:
                    candidates = [folder / named for folder in library_folders]
                for path in candidates:
                    if path.is_file():
                        vendor = LINUX_NAMES.get(path.name, f"{file.stem} (p11-kit)")
                        found.append(Pkcs11Module(path, vendor))
                        break
    return found


def linux_modules(root: Path = Path("/")) -> list[Pkcs11Module]:
    """`root` is the file system's root: a test gives a fake tree."""
    folders = [root / folder.lstrip("/") for folder in LINUX_FOLDERS]
    found = _p11_kit_modules(root, [root / f.lstrip("/") for f in P11_KIT_FOLDERS], folders)
    for folder in folders:
        for name, vendor in LINUX_NAMES.items():
            path = folder / name
            if path.is_file():
                found.append(Pkcs11Module(path, vendor))
    return found


def find_pkcs11_modules(
    platform: str | None = None,
    environ: Mapping[str, str] | None = None,
    root: Path | None = None,
) -> list[Pkcs11Module]:
    """The PKCS#11 modules found on this computer, each once (the same file reached twice, by a
    link or two registry entries, counts once), in the order looked for."""
    platform = platform or sys.platform
    if platform == "win32":
        found = windows_modules(os.environ if environ is None else environ)
    elif platform.startswith("linux"):
        found = linux_modules(root or Path("/"))
    else:
        found = []
    unique: list[Pkcs11Module] = []
    seen: set[str] = set()
    for module in found:
        try:
            key = str(module.path.resolve())
        except OSError:
            key = str(module.path)
        key = key.lower() if platform == "win32" else key
        if key not in seen:
            seen.add(key)
            unique.append(module)
    return unique
