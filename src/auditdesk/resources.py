"""Locating shipped data: forms/ and resources/ (fonts, icons, translations).

In an installed wheel both are package data inside `auditdesk/` (found with importlib.resources);
in an editable install from a source checkout they stay at the top of the repository, two
folders above this package.
"""

from __future__ import annotations

from importlib.resources import as_file, files
from pathlib import Path


def data_dir(name: str) -> Path:
    """A shipped top-level folder: "forms" or "resources"."""
    packaged = files("auditdesk") / name
    if packaged.is_dir():
        with as_file(packaged) as path:
            return Path(path)
    return Path(__file__).resolve().parents[2] / name


def resources_dir() -> Path:
    return data_dir("resources")


def resource_path(*parts: str) -> Path:
    """A file below resources/, e.g. resource_path("fonts", "DejaVuSans.ttf")."""
    return resources_dir().joinpath(*parts)
