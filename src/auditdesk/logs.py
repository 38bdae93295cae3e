"""Logging to a rotating file in the platform's log folder, and faulthandler beside it."""

from __future__ import annotations

import faulthandler
import io
import logging
import logging.handlers
from pathlib import Path
from typing import IO

from auditdesk.files import open_private, private_dir
from auditdesk.settings import log_dir

_fault_file: IO[str] | None = None


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """The log file and every file it rotates into are created owner-only (logs name people,
    files and records)."""

    def _open(self) -> io.TextIOWrapper:
        handle = open_private(self.baseFilename, "a", encoding=self.encoding)
        assert isinstance(handle, io.TextIOWrapper)
        return handle


def setup_file_logging(level: int = logging.INFO) -> Path:
    """Sends log records to auditdesk.log (1 MB × 5 files) and hard crashes to faults.log."""
    global _fault_file
    folder = log_dir()
    private_dir(folder)
    path = folder / "auditdesk.log"
    root = logging.getLogger()
    # one handler per log file: a later call for another profile's folder (a test, or the
    # command line after AUDITDESK_CONFIG_DIR changed) logs there too instead of silently not
    if not any(
        isinstance(h, logging.handlers.RotatingFileHandler) and Path(h.baseFilename) == path
        for h in root.handlers
    ):
        handler = PrivateRotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
        )
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
    root.setLevel(min(root.level or level, level))
    if _fault_file is None:
        _fault_file = open_private(folder / "faults.log", "a", encoding="utf-8")
        faulthandler.enable(_fault_file)
    return path
