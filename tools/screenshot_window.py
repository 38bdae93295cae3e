#!/usr/bin/env python3
"""Saves pictures of the main window for the documentation, without a display.

  python tools/screenshot_window.py DB LOGIN OUT_FOLDER [--lang pl|en]

Signs in as LOGIN (password from AUDITDESK_PASSWORD), opens each panel in turn and saves
OUT_FOLDER/<panel>.png, rendered by Qt itself (the offscreen platform draws real widgets).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from auditdesk.services.admin import auth
from auditdesk.services.context import AppContext
from auditdesk.settings import Settings
from auditdesk.store.migrate import open_database
from auditdesk.ui.i18n import install_language
from auditdesk.ui.main_window import MainWindow
from auditdesk.ui.tasks import SyncTaskRunner


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("db")
    parser.add_argument("login")
    parser.add_argument("out", type=Path)
    parser.add_argument("--lang", default="pl")
    args = parser.parse_args()
    app = QApplication(sys.argv)
    install_language(app, args.lang)
    db = open_database(args.db)
    actor = auth.sign_in(db, args.login, os.environ.get("AUDITDESK_PASSWORD", ""))
    window = MainWindow(AppContext(db, actor), Settings(language=args.lang), SyncTaskRunner())
    window.resize(1280, 800)
    window.show()
    args.out.mkdir(parents=True, exist_ok=True)
    for spec in window.specs:
        window.show_panel(spec.key)
        for _ in range(20):
            app.processEvents()
        path = args.out / f"{spec.key}.png"
        window.grab().save(str(path))
        print(path)
    window.close()
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
