"""Logging to a rotating file in the platform's log folder, and faulthandler beside it."""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
from pathlib import Path
from typing import IO

from auditdesk.settings import log_dir

_fault_file: IO[str] | None = None


def setup_file_logging(level: int = logging.INFO) -> Path:
    """Sends log records to auditdesk.log (1 MB × 5 files) and hard crashes to faults.log."""
    global _fault_file
    folder = log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "auditdesk.log"
    root = logging.getLogger()
    if not any(isinstance(h, logging.handlers.RotatingFileHandler) for h in root.handlers):
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
        )
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
    root.setLevel(min(root.level or level, level))
    if _fault_file is None:
        _fault_file = (folder / "faults.log").open("a", encoding="utf-8")
        faulthandler.enable(_fault_file)
    return path
