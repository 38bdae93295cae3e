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

log = logging.getLogger(__name__)

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
    evidence_max_mb: int = 50
    backup_keep: int = 7
    tsa_url: str = ""  # time-stamp server for PAdES B-T; empty means B-B
    pkcs11_module: str = ""  # e.g. /usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so
    pkcs11_token_label: str = ""
    pkcs11_key_label: str = ""
    window_geometry: str = ""  # base64 of QWidget.saveGeometry()

    @classmethod
    def path(cls) -> Path:
        return config_dir() / "settings.json"

    @classmethod
    def load(cls) -> Settings:
        path = cls.path()
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls()
        except (OSError, ValueError) as exc:
            log.warning("%s: cannot read settings (%s); using defaults", path, exc)
            return cls()
        settings = cls()
        if not isinstance(raw, dict):
            return settings
        for f in dataclasses.fields(cls):
            if f.name not in raw:
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

    def save(self) -> None:
        """Written to a temporary file and renamed, so a crash never leaves half a file."""
        path = self.path()
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(
            json.dumps(dataclasses.asdict(self), indent=2, ensure_ascii=False), encoding="utf-8"
        )
        tmp.replace(path)
