"""The frozen `auditdesk` executable's entry point (packaging/auditdesk.spec).

freeze_support() comes first: under the `spawn` start method (the only one on Windows, and the
one the bulk protocol export asks for everywhere) a worker process is this same executable
started with multiprocessing's own arguments; freeze_support() runs the worker and exits there
instead of parsing them as AuditDesk's command line. Outside a frozen build it does nothing.
"""

import multiprocessing
import os
import sys


def qt_paths() -> None:
    """In a frozen build, where Qt finds its plugins (platforms, image formats): what
    PyInstaller's PySide6 hook sets, without importing Qt at start (packaging/auditdesk.spec)."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is None:
        return
    qt = (
        os.path.join(bundle, "PySide6")
        if sys.platform == "win32"
        else os.path.join(bundle, "PySide6", "Qt")
    )
    os.environ["QT_PLUGIN_PATH"] = os.path.join(qt, "plugins")


if __name__ == "__main__":
    multiprocessing.freeze_support()
    qt_paths()
    from auditdesk.cli import main

    sys.exit(main())
