"""`python -m auditdesk` is the `auditdesk` command."""

import sys

from auditdesk.cli import main

sys.exit(main())
