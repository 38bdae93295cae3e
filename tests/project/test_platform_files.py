"""The POSIX-only places and their Windows counterparts (issue 20), tested where they can run
here: the owner-only access list a folder gets on Windows (the icacls command, run through a
recorder), the replace of a file another program holds open (Windows' sharing violation,
simulated), signals (only those Windows has), long paths, and a profile folder with a
non-ASCII user name (C:\\Users\\Łukasz) holding the settings, the logs and the database."""

from __future__ import annotations

import ast
import logging
import os
import signal
import subprocess
from pathlib import Path, PureWindowsPath
from typing import Any

import pytest

from auditdesk import files
from auditdesk.settings import CONFIG_ENV, Settings, config_dir, log_dir

SRC = Path(__file__).resolve().parents[2] / "src" / "auditdesk"


class Recorder:
    def __init__(self, returncode: int = 0, raises: BaseException | None = None) -> None:
        self.calls: list[list[str]] = []
        self.returncode = returncode
        self.raises = raises

    def __call__(self, cmd: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
        self.calls.append(cmd)
        if self.raises is not None:
            raise self.raises
        return subprocess.CompletedProcess(cmd, self.returncode, "", "Access is denied.")


@pytest.fixture
def as_windows(monkeypatch: pytest.MonkeyPatch) -> Recorder:
    recorder = Recorder()
    monkeypatch.setattr(files, "POSIX", False)
    monkeypatch.setattr(files.subprocess, "run", recorder)
    monkeypatch.setenv("USERNAME", "Łukasz")
    monkeypatch.setenv("USERDOMAIN", "URZAD-PC17")
    return recorder


def test_the_windows_access_list_command() -> None:
    folder = PureWindowsPath(r"C:\Users\Łukasz\AppData\Local\AuditDesk")
    assert files.owner_only_acl_command(Path(str(folder)), r"URZAD-PC17\Łukasz") == [
        "icacls",
        str(folder),
        "/inheritance:r",  # not the shared parent's list
        "/grant:r",
        r"URZAD-PC17\Łukasz:(OI)(CI)F",  # files (OI) and folders (CI) below inherit it
        "*S-1-5-18:(OI)(CI)F",  # SYSTEM, by SID: its name differs by language
        "*S-1-5-32-544:(OI)(CI)F",  # Administrators
    ]
    assert files.windows_user({"USERNAME": "anna", "USERDOMAIN": "URZAD"}) == "URZAD\\anna"
    assert files.windows_user({"USERNAME": "anna"}) == "anna"
    assert files.windows_user({}) == ""


def test_each_folder_auditdesk_creates_on_windows_gets_its_own_list(
    tmp_path: Path, as_windows: Recorder
) -> None:
    target = tmp_path / "exports" / "2026"
    files.private_dir(target)
    assert [call[1] for call in as_windows.calls] == [
        str(tmp_path / "exports"),
        str(target),
    ]  # the folders made, parents first; tmp_path itself existed and is left alone
    assert all(call[4] == "URZAD-PC17\\Łukasz:(OI)(CI)F" for call in as_windows.calls)
    files.private_dir(target)  # existing: nothing to do
    assert len(as_windows.calls) == 2


@pytest.mark.parametrize(
    "recorder", [Recorder(returncode=5), Recorder(raises=FileNotFoundError(2, "icacls"))]
)
def test_a_failing_icacls_is_logged_and_the_folder_still_made(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    recorder: Recorder,
) -> None:
    monkeypatch.setattr(files, "POSIX", False)
    monkeypatch.setattr(files.subprocess, "run", recorder)
    monkeypatch.setenv("USERNAME", "anna")
    with caplog.at_level(logging.WARNING, logger="auditdesk.files"):
        assert files.private_dir(tmp_path / "new").is_dir()
    assert "access list is inherited" in caplog.text


def test_posix_folders_stay_0700_without_icacls(tmp_path: Path) -> None:
    if os.name != "posix":
        pytest.skip("POSIX modes")
    folder = files.private_dir(tmp_path / "a" / "b")
    assert folder.stat().st_mode & 0o777 == 0o700


class Busy:
    """os.replace failing as Windows does while another program holds the target open."""

    def __init__(self, failures: int) -> None:
        self.failures = failures
        self.calls = 0
        self.real = os.replace

    def __call__(self, source: Any, target: Any) -> None:
        self.calls += 1
        if self.calls <= self.failures:
            raise PermissionError(13, "The process cannot access the file", str(target))
        self.real(source, target)


def test_replace_waits_for_a_file_held_open_on_windows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source, target = tmp_path / "new.part", tmp_path / "protocol.pdf"
    source.write_bytes(b"new")
    target.write_bytes(b"old")
    busy = Busy(failures=3)
    slept: list[float] = []
    monkeypatch.setattr(files, "POSIX", False)
    monkeypatch.setattr(files.os, "replace", busy)
    monkeypatch.setattr(files.time, "sleep", slept.append)
    files.replace_file(source, target)
    assert target.read_bytes() == b"new" and not source.exists()
    assert busy.calls == 4
    assert slept == [0.025, 0.05, 0.1]


def test_replace_gives_up_after_about_three_seconds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source, target = tmp_path / "new.part", tmp_path / "protocol.pdf"
    source.write_bytes(b"new")
    target.write_bytes(b"old")
    slept: list[float] = []
    monkeypatch.setattr(files, "POSIX", False)
    monkeypatch.setattr(files.os, "replace", Busy(failures=100))
    monkeypatch.setattr(files.time, "sleep", slept.append)
    with pytest.raises(PermissionError):
        files.replace_file(source, target)
    assert len(slept) == files.REPLACE_TRIES - 1 and 2.5 < sum(slept) < 4
    assert target.read_bytes() == b"old" and source.read_bytes() == b"new"


def test_on_posix_a_refused_replace_is_not_retried(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    busy = Busy(failures=1)
    monkeypatch.setattr(files, "POSIX", True)
    monkeypatch.setattr(files.os, "replace", busy)
    with pytest.raises(PermissionError):
        files.replace_file(tmp_path / "a", tmp_path / "b")
    assert busy.calls == 1


def test_nothing_replaces_a_file_but_through_replace_file() -> None:
    """Every atomic replace in src/ goes through files.replace_file (Windows' retry), except
    the form and font caches, which recompute a file they cannot replace."""
    allowed = {"files.py", "domain/forms/cache.py", "reports/fonts.py"}
    found = []
    for path in sorted(SRC.rglob("*.py")):
        where = path.relative_to(SRC).as_posix()
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("replace", "rename")
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "os"
                and where not in allowed
            ):
                found.append(f"{where}:{node.lineno}")
    assert found == []


# signals both systems have (Windows: SIGINT, SIGTERM, SIGABRT, SIGFPE, SIGILL, SIGSEGV, and
# SIGBREAK of its own); alarm, SIGHUP, SIGUSR1, SIGKILL… exist on POSIX only
WINDOWS_SIGNALS = {"SIGINT", "SIGTERM", "SIGABRT", "SIGFPE", "SIGILL", "SIGSEGV", "SIGBREAK"}
ALLOWED_SIGNAL_NAMES = WINDOWS_SIGNALS | {"SIG_IGN", "SIG_DFL"}
POSIX_ONLY_CALLS = {"alarm", "setitimer", "pause", "pthread_kill", "sigwait", "siginterrupt"}


def test_the_application_uses_only_signals_windows_has() -> None:
    found = []
    for path in sorted(SRC.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id == "signal"
                and (
                    (
                        node.attr.startswith("SIG")
                        and node.attr not in WINDOWS_SIGNALS | {"SIG_IGN", "SIG_DFL"}
                    )
                    or node.attr in POSIX_ONLY_CALLS
                )
            ):
                found.append(f"{path.relative_to(SRC)}:{node.lineno} signal.{node.attr}")
    assert found == []
    assert hasattr(signal, "SIGINT")


def test_a_worker_ignores_ctrl_c_on_both_systems(monkeypatch: pytest.MonkeyPatch) -> None:
    """The export workers leave Ctrl+C to the parent (Windows sends it to every process of the
    console, POSIX to the foreground group): warm_up sets SIGINT ignored, which both have."""
    from auditdesk.reports.batch import warm_up

    previous = signal.getsignal(signal.SIGINT)
    try:
        warm_up()
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    finally:
        signal.signal(signal.SIGINT, previous)


@pytest.fixture
def lukasz_profile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    profile = tmp_path / "Users" / "Łukasz Żółć" / "AppData" / "Roaming" / "AuditDesk"
    monkeypatch.setenv(CONFIG_ENV, str(profile))
    return profile


def test_settings_and_logs_in_a_non_ascii_profile(lukasz_profile: Path) -> None:
    from auditdesk.logs import setup_file_logging

    assert config_dir() == lukasz_profile and log_dir() == lukasz_profile / "logs"
    settings = Settings.load()
    settings.database = r"C:\Users\Łukasz Żółć\Dokumenty\Audyty #2\auditdesk.sqlite"
    settings.pkcs11_module = r"C:\Program Files\Certum\proCertum CardManager\cryptoCertum3PKCS.dll"
    settings.save()
    again = Settings.load()
    assert again.database == settings.database  # backslashes and drive kept as typed
    assert again.pkcs11_module == settings.pkcs11_module
    log_file = setup_file_logging()
    logging.getLogger("auditdesk.test").warning("zażółć gęślą jaźń")
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert "zażółć gęślą jaźń" in log_file.read_text("utf-8")
    assert log_file.is_relative_to(lukasz_profile)


def test_a_database_in_a_non_ascii_profile(lukasz_profile: Path) -> None:
    from auditdesk.store.migrate import open_database

    db = open_database(str(lukasz_profile / "auditdesk.sqlite"))
    try:
        assert db.path == (lukasz_profile / "auditdesk.sqlite").resolve()
    finally:
        db.dispose()


def test_a_long_path(tmp_path: Path) -> None:
    """Past Windows' old 260-character MAX_PATH: Python 3.6+ on Windows 10 1607+ opens such
    paths when the system allows long paths (LongPathsEnabled, docs/install.md); here the
    files and folders AuditDesk makes work at that depth."""
    deep = tmp_path
    while len(str(deep)) < 300:
        deep = deep / "Protokoły kontroli 2026 — Wydział Komunikacji"
    files.private_dir(deep)
    target = deep / "OC-2026-0001.pdf"
    files.write_private_bytes(deep / "x.part", b"%PDF")
    files.replace_file(deep / "x.part", target)
    assert len(str(target)) > 260 and target.read_bytes() == b"%PDF"
