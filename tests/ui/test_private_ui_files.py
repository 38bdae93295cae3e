"""Files the window writes itself are owner-only on POSIX (issue 11), under the usual umask 022:
the protocol saved with "Save PDF", an evidence file handed to the system viewer, and the
questionnaire being typed kept beside the settings (its folder 0700 too)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from auditdesk.services.context import AppContext
from auditdesk.services.monitoring import surveys as survey_svc
from auditdesk.settings import Settings
from auditdesk.store.models import Evidence
from auditdesk.ui.audits.dialogs import EvidencePreview
from auditdesk.ui.monitoring.surveys import SurveysTab
from auditdesk.ui.panels import PanelDeps
from auditdesk.ui.protocols.dialogs import ProtocolDialog
from auditdesk.ui.tasks import SyncTaskRunner
from protocol_helpers import as_user, completed_audit

pytestmark = pytest.mark.skipif(os.name != "posix", reason="mode bits exist on POSIX only")


def mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


@pytest.fixture(autouse=True)
def _usual_umask() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def deps_for(ctx: AppContext) -> PanelDeps:
    return PanelDeps(context=lambda: ctx, runner=SyncTaskRunner(), settings=Settings())


def test_saved_protocol_pdf_is_owner_only(
    qtbot: QtBot, demo_ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    said: list[str] = []  # 'saved as …' is answered with Close
    monkeypatch.setattr(QMessageBox, "exec", lambda box: said.append(box.text()) or 0)
    audit_id = completed_audit(demo_ctx, day=9, year=2033)
    dialog = ProtocolDialog(deps_for(as_user(demo_ctx, "audytor1")), "audit", audit_id)
    qtbot.addWidget(dialog)
    assert dialog.exported is not None
    target = tmp_path / "protokol.pdf"
    target.write_bytes(b"old")
    target.chmod(0o644)  # saving over a readable file leaves an owner-only one
    dialog.save_to(target)
    assert target.read_bytes() == dialog.exported.pdf
    assert mode(target) == 0o600
    assert not list(tmp_path.glob(".*.part"))
    assert said and str(target) in said[0]


def test_evidence_opened_in_the_system_viewer_is_owner_only(
    qtbot: QtBot, demo_ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    photo = tmp_path / "nagranie.mp3"
    photo.write_bytes(b"ID3" + bytes(range(256)) * 4)
    audit_id = completed_audit(demo_ctx, day=10, year=2033, evidence=photo)
    with demo_ctx.db.session() as s:
        evidence_id = s.scalar(select(Evidence.id).where(Evidence.audit_id == audit_id))
    assert evidence_id is not None
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    preview = EvidencePreview(lambda: demo_ctx, evidence_id)
    qtbot.addWidget(preview)
    preview.open_external()
    shown = Path(opened[0].toLocalFile())
    try:
        assert shown.read_bytes() == photo.read_bytes()
        assert mode(shown) == 0o600
        assert mode(shown.parent) == 0o700
    finally:
        shown.unlink()
        shown.parent.rmdir()


def test_questionnaire_draft_is_owner_only(
    qtbot: QtBot, demo_ctx: AppContext, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("AUDITDESK_CONFIG_DIR", str(tmp_path / "config" / "AuditDesk"))
    hr = as_user(demo_ctx, "kadry")
    tab = SurveysTab(deps_for(hr))
    qtbot.addWidget(tab)
    tab.show()
    row = next(i for i, r in enumerate(tab.campaigns.rows) if "urzędu" in r.title)
    tab.list.selectRow(row)
    assert isinstance(tab.current(), survey_svc.CampaignRow)
    entry = tab.start_entry()
    assert entry is not None
    qtbot.keyClick(entry.rows[0], Qt.Key.Key_1)  # the first answer typed: the draft is kept
    draft = entry.draft_path()
    assert draft.exists()
    assert mode(draft) == 0o600
    assert mode(draft.parent) == mode(draft.parent.parent) == 0o700
