"""Typed settings: defaults, round trip, and a damaged file never stops the start."""

from __future__ import annotations

import json

from auditdesk.settings import Settings


def test_defaults_when_no_file() -> None:
    s = Settings.load()
    assert s.language == "pl"
    assert s.backup_keep == 7


def test_round_trip() -> None:
    s = Settings.load()
    s.language = "en"
    s.evidence_max_mb = 12
    s.save()
    again = Settings.load()
    assert again.language == "en" and again.evidence_max_mb == 12
    assert not Settings.path().with_suffix(".tmp").exists()


def test_bad_file_and_bad_values_fall_back_to_defaults() -> None:
    path = Settings.path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{not json", encoding="utf-8")
    assert Settings.load() == Settings()
    path.write_text(json.dumps({"language": "de", "backup_keep": "many", "colour": 1}))
    s = Settings.load()
    assert s.language == "pl" and s.backup_keep == 7
