"""The PKCS#11 modules the settings dialog offers (issue 20), found in fake Windows and Linux
trees: the card middleware's library in its vendor's Program Files folder (either Program
Files), in System32, OpenSC's; on Linux through p11-kit's registry and the library folders."""

from __future__ import annotations

from pathlib import Path

from auditdesk.services.protocols.tokens import MAX_DEPTH, find_pkcs11_modules


def touch(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"MZ")
    return path


def test_windows_modules_in_the_usual_places(tmp_path: Path) -> None:
    programs = tmp_path / "Program Files"
    programs_x86 = tmp_path / "Program Files (x86)"
    windows = tmp_path / "Windows"
    certum = touch(programs / "Certum" / "proCertum CardManager" / "cryptoCertum3PKCS.dll")
    touch(programs / "Certum" / "proCertum CardManager" / "CardManager.exe")
    touch(programs / "Certum" / "proCertum CardManager" / "sscardapi.dll")  # not PKCS#11
    sigillum = touch(programs_x86 / "Sigillum" / "Sigillum Sign" / "SigillumPKCS11.dll")
    szafir = touch(programs_x86 / "KIR" / "Szafir Host" / "lib" / "cc_p11.dll")
    opensc = touch(programs / "OpenSC Project" / "OpenSC" / "pkcs11" / "opensc-pkcs11.dll")
    system = touch(windows / "System32" / "cryptoCertum3PKCS.dll")
    touch(programs / "Other Vendor" / "other-pkcs11.dll")  # a folder not looked in
    environ = {
        "ProgramFiles": str(programs),
        "ProgramW6432": str(programs),  # the same folder twice: listed once
        "ProgramFiles(x86)": str(programs_x86),
        "SystemRoot": str(windows),
    }
    found = find_pkcs11_modules("win32", environ)
    assert [(m.path, m.vendor) for m in found] == [
        (certum, "Certum (proCertum CardManager)"),
        (opensc, "OpenSC"),
        (sigillum, "Sigillum (PWPW)"),
        (szafir, "Szafir (Krajowa Izba Rozliczeniowa)"),
        (system, "Certum (proCertum CardManager)"),
    ]


def test_the_look_is_bounded_in_depth(tmp_path: Path) -> None:
    programs = tmp_path / "Program Files"
    deep = programs / "Certum"
    for level in range(MAX_DEPTH + 1):
        deep = deep / f"level{level}"
    touch(deep / "deep-pkcs11.dll")
    assert find_pkcs11_modules("win32", {"ProgramFiles": str(programs)}) == []


def test_no_program_folders_no_modules(tmp_path: Path) -> None:
    assert find_pkcs11_modules("win32", {}) == []
    missing = {"ProgramFiles": str(tmp_path / "nowhere"), "SystemRoot": str(tmp_path)}
    assert find_pkcs11_modules("win32", missing) == []


def test_linux_modules_from_p11_kit_and_the_library_folders(tmp_path: Path) -> None:
    lib = tmp_path / "usr/lib/x86_64-linux-gnu"
    opensc = touch(lib / "opensc-pkcs11.so")
    softhsm = touch(lib / "softhsm" / "libsofthsm2.so")
    vendor_lib = touch(tmp_path / "opt/vendor/lib/libvendorp11.so")
    modules = tmp_path / "usr/share/p11-kit/modules"
    modules.mkdir(parents=True)
    (modules / "opensc-pkcs11.module").write_text("module: opensc-pkcs11.so\n", "utf-8")
    (modules / "vendor.module").write_text(
        "# a card vendor's module\nmodule: /opt/vendor/lib/libvendorp11.so\ncritical: no\n", "utf-8"
    )
    (modules / "gone.module").write_text("module: /opt/gone/libgone.so\n", "utf-8")
    found = find_pkcs11_modules("linux", root=tmp_path)
    assert [(m.path, m.vendor) for m in found] == [
        (opensc, "OpenSC"),
        (vendor_lib, "vendor (p11-kit)"),
        (softhsm, "SoftHSM 2"),
    ]  # OpenSC reached twice (registry and folder): once


def test_other_systems_find_nothing(tmp_path: Path) -> None:
    assert find_pkcs11_modules("darwin", {}, tmp_path) == []
