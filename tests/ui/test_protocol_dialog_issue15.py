"""The protocol dialog after signing and saving (issue 15): the preview shows the signature
stamp of the stored signed file, and saving says where the file went and offers its folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QImage
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from auditdesk.reports.certs import create_certificate
from auditdesk.services.context import Actor, AppContext
from auditdesk.settings import Settings
from auditdesk.store.migrate import open_database
from auditdesk.ui.panels import PanelDeps
from auditdesk.ui.protocols.dialogs import ProtocolDialog, SignParams
from auditdesk.ui.tasks import SyncTaskRunner
from demo_office import DemoTemplates
from protocol_helpers import as_user, completed_audit

PASSWORD = "tajne-haslo-2"


@pytest.fixture(scope="module")
def office(
    demo_template: DemoTemplates, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[AppContext]:
    db = open_database(str(demo_template.copy_to(tmp_path_factory.mktemp("db") / "ui.sqlite")))
    yield AppContext(db, Actor.system())
    db.dispose()


def _dark_pixels(image: QImage) -> int:
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    return sum(
        1
        for y in range(0, gray.height(), 2)
        for x in range(0, gray.width(), 2)
        if gray.pixelColor(x, y).value() < 100
    )


def _last_page(dialog: ProtocolDialog) -> QImage:
    return dialog.preview.page_labels[-1].pixmap().toImage()


def test_preview_shows_the_stamp_after_signing_and_save_offers_the_folder(
    qtbot: QtBot, office: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    p12 = create_certificate("Bożena Ąńska", tmp_path / "podpis.p12", PASSWORD.encode()).p12
    audit_id = completed_audit(office, day=9, year=2032)
    ctx = as_user(office, "audytor1")
    deps = PanelDeps(context=lambda: ctx, runner=SyncTaskRunner(), settings=Settings())
    dialog = ProtocolDialog(deps, "audit", audit_id)
    qtbot.addWidget(dialog)
    dialog.show()
    before = _dark_pixels(_last_page(dialog))
    dialog.sign_with(SignParams(False, p12, PASSWORD, "Zatwierdzenie", "Łódź"))
    assert dialog.exported is not None and dialog.exported.signed
    after = _dark_pixels(_last_page(dialog))
    assert after > before + 200, (before, after)  # the stamp's text and frame are drawn

    shown: list[str] = []
    opened: list[QUrl] = []

    def click_open_folder(box: QMessageBox) -> int:
        shown.append(box.text())
        next(b for b in box.buttons() if "folder" in b.text().replace("&", "")).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", click_open_folder)

    def open_url(url: QUrl) -> bool:
        opened.append(url)
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", open_url)
    target = tmp_path / "out" / "protokol.pdf"
    target.parent.mkdir()
    dialog.save_to(target)
    assert target.read_bytes() == dialog.exported.pdf
    assert shown and str(target) in shown[0]
    assert [u.toLocalFile() for u in opened] == [str(target.parent)]


@pytest.mark.parametrize(
    ("tsa", "words"),
    [("", ("Basic signature", "without a time stamp")), ("http://tsa.example", ("time stamp",))],
)
def test_sign_dialog_says_what_the_level_means(
    qtbot: QtBot, office: AppContext, tsa: str, words: tuple[str, ...]
) -> None:
    from auditdesk.ui.protocols.dialogs import SignDialog

    settings = Settings()
    settings.tsa_url = tsa
    deps = PanelDeps(context=lambda: office, runner=SyncTaskRunner(), settings=settings)
    dialog = SignDialog(deps, "Zatwierdzenie")
    qtbot.addWidget(dialog)
    text = dialog.level.text()
    assert all(w in text for w in words), text
    assert ("B-T" in text) == bool(tsa) and ("B-B" in text) != bool(tsa)
