"""Protocol dialogs driven like a person would: draw a signature, preview, sign, export for HR."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from auditdesk.reports.certs import create_certificate
from auditdesk.reports.verify import verify_pdf
from auditdesk.services import protocols
from auditdesk.services.context import Actor, AppContext
from auditdesk.settings import Settings
from auditdesk.store.migrate import open_database
from auditdesk.ui.panels import PanelDeps
from auditdesk.ui.protocols.dialogs import (
    ProtocolDialog,
    SignatureDialog,
    SignDialog,
    SignParams,
)
from auditdesk.ui.protocols.export_dialog import BulkExportDialog
from auditdesk.ui.protocols.panel import ProtocolsPanel, SignedTableModel
from auditdesk.ui.protocols.signature_pad import SignaturePad
from auditdesk.ui.tasks import SyncTaskRunner
from demo_office import DemoTemplates
from protocol_helpers import as_user, completed_audit

# QTest types ASCII only (a non-ASCII character aborts it), so this password is ASCII
PASSWORD = "tajne-haslo-1"


@pytest.fixture(scope="module")
def office(
    demo_template: DemoTemplates, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[AppContext]:
    db = open_database(str(demo_template.copy_to(tmp_path_factory.mktemp("db") / "ui.sqlite")))
    ctx = AppContext(db, Actor.system())
    yield ctx
    db.dispose()


@pytest.fixture(scope="module")
def p12(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cert")
    return create_certificate("Bożena Ąńska", folder / "podpis.p12", PASSWORD.encode()).p12


def deps_for(ctx: AppContext) -> PanelDeps:
    return PanelDeps(context=lambda: ctx, runner=SyncTaskRunner(), settings=Settings())


def trail_exports(ctx: AppContext, audit_id: int) -> int:
    from sqlalchemy import func, select

    from auditdesk.store.models import AuditLogEntry

    with ctx.db.session() as s:
        return int(
            s.scalar(
                select(func.count())
                .select_from(AuditLogEntry)
                .where(
                    AuditLogEntry.action == "export", AuditLogEntry.entity_id == f"audit:{audit_id}"
                )
            )
            or 0
        )


def draw_zigzag(qtbot: QtBot, pad: SignaturePad) -> None:
    points = [QPoint(30 + 25 * i, 60 + (30 if i % 2 else 0)) for i in range(10)]
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=points[0])
    for p in points[1:]:
        qtbot.mouseMove(pad, p)
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=points[-1])


def test_signature_pad_draw_undo_clear(qtbot: QtBot) -> None:
    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.resize(500, 200)
    pad.show()
    assert pad.is_empty() and pad.to_png() == b""
    draw_zigzag(qtbot, pad)
    draw_zigzag(qtbot, pad)
    assert len(pad.strokes) == 2 and len(pad.strokes[0]) >= 5
    png = pad.to_png()
    assert png.startswith(b"\x89PNG")
    image = QImage.fromData(png)
    assert image.hasAlphaChannel()
    assert image.pixelColor(0, 0).alpha() == 0  # transparent background
    pad.undo_stroke()
    assert len(pad.strokes) == 1
    pad.clear()
    assert pad.is_empty()


def test_signature_dialog_save_only_when_drawn(qtbot: QtBot) -> None:
    dialog = SignatureDialog("Audytor")
    qtbot.addWidget(dialog)
    dialog.show()
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert not save.isEnabled()
    draw_zigzag(qtbot, dialog.pad)
    assert save.isEnabled()
    qtbot.keyClick(dialog.pad, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert dialog.pad.is_empty() and not save.isEnabled()


def test_protocol_dialog_draw_preview_sign(
    qtbot: QtBot, office: AppContext, p12: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    audit_id = completed_audit(office, day=7, year=2032)
    ctx = as_user(office, "audytor1")
    dialog = ProtocolDialog(deps_for(ctx), "audit", audit_id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.preview.page_count >= 2
    assert "Not signed yet" in dialog.state.text()
    unsigned = dialog.exported
    assert unsigned is not None
    # the auditor draws a signature: it is stored and the protocol shows it
    pad_dialog = SignatureDialog("Audytor")
    qtbot.addWidget(pad_dialog)
    pad_dialog.show()
    draw_zigzag(qtbot, pad_dialog.pad)
    dialog.store_drawing("auditor", pad_dialog.png())
    assert set(protocols.drawn_signatures(ctx, "audit", audit_id)) == {"auditor"}
    assert dialog.exported is not None and dialog.exported.pdf != unsigned.pdf
    # a wrong password: a clear message, nothing signed
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: warnings.append(text))
    dialog.sign_with(SignParams(False, p12, "wrong", "Zatwierdzenie", "Łódź"))
    assert warnings and "wrong password" in warnings[0]
    assert dialog.sign_button.isEnabled()
    # the right password signs, stores and locks
    dialog.sign_with(SignParams(False, p12, PASSWORD, "Zatwierdzenie", "Łódź"))
    assert "Signed electronically by Bożena Ąńska" in dialog.state.text()
    assert not dialog.sign_button.isEnabled()
    assert not dialog.draw_buttons["auditor"].isEnabled()
    assert verify_pdf(dialog.exported.pdf).intact
    saved = dialog.exported.pdf
    target = Path(qtbot.screenshot(dialog)).with_name("saved.pdf")
    exports_before = trail_exports(ctx, audit_id)
    dialog.reload()  # looking at the preview is not an export…
    assert trail_exports(ctx, audit_id) == exports_before
    monkeypatch.setattr(QMessageBox, "exec", lambda _self: 0)  # the "saved as" message
    dialog.save_to(target)  # …saving the file is, and it goes into the audit trail
    assert target.read_bytes() == saved
    assert trail_exports(ctx, audit_id) == exports_before + 1
    with ctx.db.session() as s:
        assert protocols.is_locked(s, "audit", audit_id)


def test_sign_dialog_collects_what_was_typed(qtbot: QtBot, office: AppContext) -> None:
    dialog = SignDialog(deps_for(office), "Zatwierdzenie")
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.token_choice.isEnabled()  # no PKCS#11 module in the settings
    qtbot.keyClicks(dialog.p12, "/tmp/podpis.p12")
    qtbot.keyClicks(dialog.secret, "tajne-haslo")
    qtbot.keyClicks(dialog.location, "Zielona Laka")
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    params = dialog.params()
    assert params == SignParams(
        False, Path("/tmp/podpis.p12"), "tajne-haslo", "Zatwierdzenie", "Zielona Laka"
    )
    assert dialog.secret.echoMode() == dialog.secret.EchoMode.Password


def test_bulk_export_dialog(qtbot: QtBot, office: AppContext, p12: Path, tmp_path: Path) -> None:
    for day in (1, 2):
        completed_audit(office, unit="USC", day=day, year=2033)
    dialog = BulkExportDialog(deps_for(as_user(office, "kadry")))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.out_dir, str(tmp_path / "hr"))
    dialog.unit.setCurrentIndex(dialog.unit.findData("USC"))
    dialog.kind.setCurrentIndex(dialog.kind.findData("audit"))
    dialog.use_from.setChecked(True)
    dialog.date_from.setDate(dialog.date_from.date().fromString("01.01.2033", "dd.MM.yyyy"))
    dialog.sign.setChecked(True)
    qtbot.keyClicks(dialog.p12, str(p12))
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    assert dialog.outcome is not None
    assert len(dialog.outcome.files) == 2 and dialog.outcome.signed_now == 2
    assert "Exported 2 of 2" in dialog.summary.text()
    assert (tmp_path / "hr" / "index.xlsx").exists()


def test_bulk_export_dialog_signs_on_a_token(
    qtbot: QtBot, office: AppContext, softhsm_token: tuple[str, str, str, str], tmp_path: Path
) -> None:
    """With a token in the settings the dialog offers it; the PIN typed signs every protocol."""
    from softhsm import TOKEN_SIGNER

    lib, label, key_label, pin = softhsm_token
    for day in (3, 4):
        completed_audit(office, unit="USC", day=day, year=2035)
    settings = Settings(pkcs11_module=lib, pkcs11_token_label=label, pkcs11_key_label=key_label)
    deps = PanelDeps(
        context=lambda: as_user(office, "kadry"), runner=SyncTaskRunner(), settings=settings
    )
    dialog = BulkExportDialog(deps)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.out_dir, str(tmp_path / "token"))
    dialog.unit.setCurrentIndex(dialog.unit.findData("USC"))
    dialog.use_from.setChecked(True)
    dialog.date_from.setDate(dialog.date_from.date().fromString("01.01.2035", "dd.MM.yyyy"))
    assert not dialog.sign_with.isEnabled()
    dialog.sign.setChecked(True)
    dialog.sign_with.setCurrentIndex(dialog.sign_with.findData("token"))
    assert label in dialog.sign_with.currentText()
    assert not dialog.p12.isEnabled() and dialog.password.isEnabled()
    qtbot.keyClicks(dialog.password, pin)
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    assert dialog.outcome is not None and dialog.outcome.signed_now == 2
    for f in dialog.outcome.files:
        assert verify_pdf(f.read_bytes()).signatures[0].signer == TOKEN_SIGNER


def test_bulk_export_dialog_without_a_token_offers_the_file_only(
    qtbot: QtBot, office: AppContext
) -> None:
    dialog = BulkExportDialog(deps_for(as_user(office, "kadry")))
    qtbot.addWidget(dialog)
    assert [dialog.sign_with.itemData(i) for i in range(dialog.sign_with.count())] == ["p12"]


def test_protocols_panel_lists_signed(
    qtbot: QtBot, office: AppContext, qtmodeltester: object, p12: Path
) -> None:
    audit_id = completed_audit(office, day=9, year=2032)
    protocols.sign_with_pkcs12(office, "audit", audit_id, p12, PASSWORD.encode())
    panel = ProtocolsPanel(deps_for(as_user(office, "kadry")))
    qtbot.addWidget(panel)
    panel.show()
    assert panel.model.rowCount() >= 1
    assert "Bożena Ąńska" in [r.signer for r in panel.model.rows]
    qtmodeltester.check(panel.model)  # type: ignore[attr-defined]
    auditor_panel = ProtocolsPanel(deps_for(as_user(office, "audytor1")))
    qtbot.addWidget(auditor_panel)
    assert auditor_panel.model.rowCount() == 0
    assert not auditor_panel.export_button.isEnabled()
    assert isinstance(SignedTableModel().columnCount(), int)
