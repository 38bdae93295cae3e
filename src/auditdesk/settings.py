"""Typed user settings with defaults, kept as JSON in the platform's config folder.

Unknown keys in the file are ignored and bad values fall back to their defaults (with a log
line), so a hand-edited or older settings file never stops the application from starting.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs

from auditdesk.domain.errors import AuditDeskError, Localized
from auditdesk.domain.limits import MAX_SETTINGS_BYTES, InputRefused, loads_bounded, read_bounded
from auditdesk.files import private_dir, replace_file, write_private_text

log = logging.getLogger(__name__)


class SettingsUnreadable(AuditDeskError):
    """The settings file could not be used; the defaults are in force and the file was kept."""


CONFIG_ENV = "AUDITDESK_CONFIG_DIR"


def config_dir() -> Path:
    override = os.environ.get(CONFIG_ENV)
    if override:
        return Path(override)
    return Path(platformdirs.user_config_dir("AuditDesk", appauthor=False))


def log_dir() -> Path:
    override = os.environ.get(CONFIG_ENV)
    if override:
        return Path(override) / "logs"
    return Path(platformdirs.user_log_dir("AuditDesk", appauthor=False))


@dataclass
class Settings:
    language: str = "pl"  # "pl" or "en"
    database: str = ""  # empty: AUDITDESK_DB, else the default file
    asked_for_demo: list[str] = field(default_factory=list)  # databases already offered a demo
    # File → Open database…: the files and server addresses opened lately, newest first (a
    # server address without its password: that is asked for, never stored here)
    recent_databases: list[str] = field(default_factory=list)
    evidence_max_mb: int = 50
    backup_keep: int = 7
    tsa_url: str = ""  # time-stamp server for PAdES B-T; empty means B-B
    # the office store a laptop synchronises with: a database file or a server URL (never a
    # password: the window asks for it each time)
    sync_office: str = ""
    pkcs11_module: str = ""  # e.g. /usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so
    pkcs11_token_label: str = ""
    pkcs11_key_label: str = ""
    window_geometry: str = ""  # base64 of QWidget.saveGeometry()
    # per user (login): "geometry" and "splitter:<name>" → base64 of Qt's saved state
    windows: dict[str, dict[str, str]] = field(default_factory=dict)

    # why the file could not be used (the window says so once); never saved
    load_problem: SettingsUnreadable | None = field(default=None, compare=False, repr=False)

    @classmethod
    def path(cls) -> Path:
        return config_dir() / "settings.json"

    @classmethod
    def load(cls) -> Settings:
        """The settings in the file; defaults when it is missing. A file that cannot be used
        (too large, not UTF-8, not JSON, nested too deeply, not an object) is renamed to
        settings.json.bad (kept for whoever wants to repair it) and the defaults are used,
        with `load_problem` saying so. Reading costs at most MAX_SETTINGS_BYTES."""
        path = cls.path()
        reason: Localized | None = None
        try:
            data = read_bounded(
                path, MAX_SETTINGS_BYTES, Localized("settings file", "plik ustawień")
            )
            raw = loads_bounded(data.decode("utf-8"), path, max_depth=8, max_items=1000)
            if not isinstance(raw, dict):
                reason = Localized("it holds no object of settings", "nie zawiera obiektu ustawień")
        except FileNotFoundError:
            return cls()
        except OSError as exc:
            log.warning("%s: cannot read settings (%s); using defaults", path, exc.strerror)
            return cls()
        except InputRefused as exc:
            reason = Localized(
                f"it is over a limit: {exc}".replace(f"{path}: ", ""),
                "przekracza limit rozmiaru, długości lub zagnieżdżenia",
            )
        except UnicodeDecodeError:
            reason = Localized("it is not UTF-8 text", "to nie jest tekst UTF-8")
        except ValueError as exc:  # json.JSONDecodeError
            reason = Localized(f"it is not valid JSON ({exc})", "to nie jest poprawny JSON")
        if reason is not None:
            return cls._set_aside(path, reason)
        settings = cls()
        assert isinstance(raw, dict)
        for f in dataclasses.fields(cls):
            if f.name == "load_problem" or f.name not in raw:
                continue
            value: Any = raw[f.name]
            default = getattr(settings, f.name)
            if type(value) is type(default):
                setattr(settings, f.name, value)
            else:
                log.warning("%s: setting %r has a wrong type; using the default", path, f.name)
        if settings.language not in ("pl", "en"):
            settings.language = "pl"
        return settings

    @classmethod
    def _set_aside(cls, path: Path, reason: Localized) -> Settings:
        """Renames the unusable file to settings.json.bad (.bad.1, … when that exists) so the
        next save does not overwrite it; the defaults carry the problem for the window."""
        kept = path.with_name(path.name + ".bad")
        for n in range(1, 100):
            if not kept.exists():
                break
            kept = path.with_name(f"{path.name}.bad.{n}")
        try:
            path.replace(kept)
        except OSError as exc:
            log.warning("%s: cannot set the file aside (%s)", path, exc.strerror)
            kept = path
        problem = SettingsUnreadable(
            "{path}: the settings could not be used ({reason}); AuditDesk started with the "
            "default settings and kept the file as {kept}.",
            path=path,
            reason=reason,
            kept=kept.name,
        )
        log.warning("%s", problem)
        settings = cls()
        settings.load_problem = problem
        return settings

    def save(self) -> None:
        """Written to a temporary file and renamed, so a crash never leaves half a file."""
        path = self.path()
        private_dir(path.parent)
        tmp = path.with_suffix(".tmp")
        values = {
            f.name: getattr(self, f.name)
            for f in dataclasses.fields(self)
            if f.name != "load_problem"
        }
        write_private_text(tmp, json.dumps(values, indent=2, ensure_ascii=False))
        replace_file(tmp, path)  # tried again while Windows has the file open
