"""Shows the audit editor on a real display and reads it back over AT-SPI (issue 19).

Started by tests/ui/test_atspi_tree.py inside `xvfb-run … dbus-run-session …` with
QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1, with the project's python:

    atspi_audit_editor.py DEMO.sqlite OUT.json [LANGUAGE]

It signs in as the demo auditor, starts a visit audit, answers 1.1 with the first answer, shows
the editor at 1366x768 with the focus on 1.2, then runs tools/atspi_tree.py with the SYSTEM
python3 (pyatspi) as a child process (QProcess: the window's event loop keeps answering the
screen reader's questions meanwhile) and writes {"tree": <its JSON>, "expected": {...}} to OUT.
"expected" holds the names the widgets were given, for the test to find in the tree.
Exit 0 when the tree was read, else the reader's exit code (or 4 on a time-out).
"""

from __future__ import annotations

import json
import os
import sys
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QProcess, QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from auditdesk.services import audits as audit_svc
from auditdesk.services.context import Actor, AppContext
from auditdesk.store.migrate import open_database
from auditdesk.store.models import User
from auditdesk.ui.audits.dialogs import NewAuditDialog
from auditdesk.ui.audits.editor import AuditEditor
from auditdesk.ui.i18n import install_language

TOOL = Path(__file__).resolve().parents[2] / "tools" / "atspi_tree.py"
SYSTEM_PYTHON = os.environ.get("AUDITDESK_ATSPI_PYTHON", "/usr/bin/python3")


def main(argv: list[str]) -> int:
    db_path, out_path = argv[1], Path(argv[2])
    language = argv[3] if len(argv) > 3 else "pl"
    app = QApplication([argv[0]])
    app.setApplicationName("AuditDesk")
    install_language(app, language)
    db = open_database(db_path)
    with db.session() as s:
        user = s.scalar(select(User).where(User.login == "audytor1"))
        assert user is not None
        ctx = AppContext(db, Actor.of(user))
    dialog = NewAuditDialog(lambda: ctx, language, now=datetime(2026, 7, 15, 10, 0))
    dialog.form.setCurrentIndex(
        next(i for i, f in enumerate(dialog.forms) if f.form_id == "tk-wizyta")
    )
    dialog.scenario_edits["sprawa"].setText("Wymiana dowodu osobistego")
    audit_id = audit_svc.start_audit(ctx, dialog.new_audit())
    dialog.deleteLater()
    editor = AuditEditor(lambda: ctx, audit_id, choose_file=lambda: None, language=language)
    editor.setWindowTitle("AuditDesk")
    editor.resize(1366, 740)
    first, second = editor.order[0], editor.order[1]
    editor.rows[first].choose(str(editor.rows[first].buttons[0].property("answer")))
    editor.show()
    editor.activateWindow()
    editor.focus_item(second)
    section = editor.pages.currentWidget()
    rows = [r for r in editor.rows.values() if section is not None and section.isAncestorOf(r)]
    expected = {
        "questions": [r.accessibleName() for r in rows],
        "buttons": [b.accessibleName() for r in rows for b in r.buttons],
        "comments": [r.comment.accessibleName() for r in rows],
        "answered": editor.rows[first].accessibleDescription(),
        "focused": editor.rows[second].accessibleName(),
        "first_answer": editor.rows[first].buttons[0].accessibleName(),
    }
    reader = QProcess()
    result = {"code": 4}

    def read() -> None:
        editor.activateWindow()
        editor.focus_item(second)  # the window is active now: the focus is really there
        reader.start(SYSTEM_PYTHON, [str(TOOL), "--pid", str(os.getpid()), "--min-nodes", "50"])

    def finished(code: int, _status: QProcess.ExitStatus) -> None:
        result["code"] = code
        tree_text = bytes(reader.readAllStandardOutput().data()).decode("utf-8")
        problems = bytes(reader.readAllStandardError().data()).decode("utf-8")
        out_path.write_text(
            json.dumps(
                {
                    "tree": json.loads(tree_text) if code == 0 else None,
                    "error": problems,
                    "expected": expected,
                },
                ensure_ascii=False,
            ),
            encoding="utf-8",
        )
        app.quit()

    reader.finished.connect(finished)
    QTimer.singleShot(1000, read)
    QTimer.singleShot(90_000, app.quit)  # bounded: a reader that hangs ends the run
    app.exec()
    if reader.state() != QProcess.ProcessState.NotRunning:
        reader.kill()
        reader.waitForFinished(2000)
    editor.close()
    db.dispose()
    return result["code"]


if __name__ == "__main__":
    sys.exit(main(sys.argv))
