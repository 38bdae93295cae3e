"""Locating files under resources/ (fonts, icons, translations), installed or in a checkout."""

from __future__ import annotations

from importlib.resources import as_file, files
from pathlib import Path


def resources_dir() -> Path:
    """resources/ as shipped in the package (a wheel), or at the top of a source checkout."""
    packaged = files("auditdesk") / "resources"
    if packaged.is_dir():
        with as_file(packaged) as path:
            return Path(path)
    # editable install: the package lives in src/auditdesk, resources/ two levels up
    return Path(__file__).resolve().parents[2] / "resources"


def resource_path(*parts: str) -> Path:
    """A file below resources/, e.g. resource_path("fonts", "DejaVuSans.ttf")."""
    return resources_dir().joinpath(*parts)
