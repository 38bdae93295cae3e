"""The frozen `auditdesk` executable's entry point (packaging/auditdesk.spec).

freeze_support() comes first: under the `spawn` start method (the only one on Windows, and the
one the bulk protocol export asks for everywhere) a worker process is this same executable
started with multiprocessing's own arguments; freeze_support() runs the worker and exits there
instead of parsing them as AuditDesk's command line. Outside a frozen build it does nothing.
"""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from auditdesk.cli import main

    sys.exit(main())
