#!/usr/bin/env python3
"""Shows one view of the window for a documentation screenshot (issues 15 and 19).

    /work/shared/tools/screenshot docs/screens/audits.png -- \\
        .venv/bin/python tools/screens.py DEMO.sqlite kadry --panel audits

Opens the main window on DB as LOGIN (no sign-in: the demo's users), as large as the screen's
available area, on the panel given; --editor audit|appraisal opens the editor of the newest
draft audit or appraisal in it; --font-scale 1.5 enlarges the application font (text scaling as
an office PC's accessibility setting does it); --high-contrast uses a black-and-white palette
with a yellow highlight. It stays open until ended (the screenshot tool ends it); with
--seconds N it closes itself.
"""

from __future__ import annotations

import argparse
import sys

from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from auditdesk.services.context import Actor, AppContext
from auditdesk.settings import Settings
from auditdesk.store.migrate import open_database
from auditdesk.store.models import Appraisal, Audit, User
from auditdesk.ui.i18n import install_language
from auditdesk.ui.main_window import MainWindow
from auditdesk.ui.tasks import SyncTaskRunner


def high_contrast(app: QApplication) -> None:
    """White text on black, yellow for what is selected or focused, as the high-contrast themes
    of Windows and GNOME do."""
    app.setStyle("Fusion")
    palette = QPalette()
    black, white, yellow = QColor("#000000"), QColor("#ffffff"), QColor("#ffff00")
    for role, colour in (
        (QPalette.ColorRole.Window, black),
        (QPalette.ColorRole.WindowText, white),
        (QPalette.ColorRole.Base, black),
        (QPalette.ColorRole.AlternateBase, QColor("#1a1a1a")),
        (QPalette.ColorRole.Text, white),
        (QPalette.ColorRole.Button, black),
        (QPalette.ColorRole.ButtonText, white),
        (QPalette.ColorRole.Highlight, yellow),
        (QPalette.ColorRole.HighlightedText, black),
        (QPalette.ColorRole.ToolTipBase, black),
        (QPalette.ColorRole.ToolTipText, white),
        (QPalette.ColorRole.PlaceholderText, QColor("#c0c0c0")),
        (QPalette.ColorRole.Link, QColor("#00ffff")),
        (QPalette.ColorRole.BrightText, yellow),
        (QPalette.ColorRole.Light, white),
        (QPalette.ColorRole.Mid, QColor("#c0c0c0")),
        (QPalette.ColorRole.Dark, white),
    ):
        palette.setColor(role, colour)
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#00ff00"))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#00ff00"))
    app.setPalette(palette)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("db")
    parser.add_argument("login")
    parser.add_argument("--panel", default="audits")
    parser.add_argument("--editor", choices=["audit", "appraisal"])
    parser.add_argument("--font-scale", type=float, default=1.0)
    parser.add_argument("--high-contrast", action="store_true")
    parser.add_argument("--lang", default="pl")
    parser.add_argument("--seconds", type=float, default=0.0)
    args = parser.parse_args()
    app = QApplication(sys.argv)
    if args.high_contrast:
        high_contrast(app)
    if args.font_scale != 1.0:
        font = app.font()
        font.setPointSizeF(font.pointSizeF() * args.font_scale)
        app.setFont(font)
    install_language(app, args.lang)
    db = open_database(args.db)
    with db.session() as s:
        user = s.scalar(select(User).where(User.login == args.login))
        if user is None:
            parser.error(f"no user {args.login!r} in {args.db}")
        ctx = AppContext(db, Actor.of(user))
        newest_audit = s.scalar(
            select(Audit.id).where(Audit.status == "draft").order_by(Audit.id.desc()).limit(1)
        )
        newest_appraisal = s.scalar(select(Appraisal.id).order_by(Appraisal.id.desc()).limit(1))
    window = MainWindow(ctx, Settings(language=args.lang), SyncTaskRunner())
    screen = QGuiApplication.primaryScreen()
    if screen is not None:
        window.setGeometry(screen.availableGeometry())
    window.show()
    panel = window.show_panel(args.panel)
    if args.editor == "audit" and newest_audit is not None:
        panel.open_audit(newest_audit)  # type: ignore[attr-defined]
    elif args.editor == "appraisal" and newest_appraisal is not None:
        from auditdesk.ui.appraisals.editor import AppraisalEditor

        editor = AppraisalEditor(
            window.context, newest_appraisal, args.lang, lambda: ctx.clock.today(), window
        )
        editor.show()
    if args.seconds:
        QTimer.singleShot(int(args.seconds * 1000), app.quit)
    code = app.exec()
    db.dispose()
    return code


if __name__ == "__main__":
    sys.exit(main())
