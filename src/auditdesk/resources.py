"""Finds shipped data (forms/, resources/) with importlib.resources.

In an installed wheel they are package data inside `auditdesk/`; in an editable install from a
source checkout they stay at the top of the repository, two folders above this package.
"""

from __future__ import annotations

from importlib.resources import as_file, files
from pathlib import Path


def resource_path(*parts: str) -> Path:
    """Path of a shipped folder or file, e.g. resource_path("resources", "fonts", "x.ttf")."""
    packaged = files("auditdesk").joinpath(*parts)
    if packaged.is_dir() or packaged.is_file():
        with as_file(packaged) as path:
            return Path(path)
    return Path(__file__).resolve().parents[2].joinpath(*parts)
