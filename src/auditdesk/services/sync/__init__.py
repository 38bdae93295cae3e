"""Synchronisation between an auditor's laptop and the office store (issue 16).

- `reference`: what the laptop takes from the office (forms, units, staff, the account);
- `exchange`: the auditor's audits both ways and the decisions on their disputes, by uid and
  version, each record in its own transaction (`synchronise`);
- `conflicts`: listing and resolving records changed on both sides;
- `package`: the same exchange through a file, for an office with no network path;
- `office`: one call opening the office store by address, signing in there and exchanging
  (the CLI and the window both use it).
"""

from __future__ import annotations

from auditdesk.services.sync.conflicts import (
    SIDES,
    ConflictRow,
    list_conflicts,
    resolve_conflict,
)
from auditdesk.services.sync.exchange import SyncFailed, SyncReport, synchronise
from auditdesk.services.sync.office import (
    OfficePasswordNeeded,
    check_office_address,
    synchronise_with_office,
)
from auditdesk.services.sync.package import (
    PackageRefused,
    PackageReport,
    export_laptop_package,
    export_office_package,
    import_package,
)
from auditdesk.services.sync.visits import VisitNote

__all__ = [
    "SIDES",
    "ConflictRow",
    "OfficePasswordNeeded",
    "PackageRefused",
    "PackageReport",
    "SyncFailed",
    "SyncReport",
    "VisitNote",
    "check_office_address",
    "export_laptop_package",
    "export_office_package",
    "import_package",
    "list_conflicts",
    "resolve_conflict",
    "synchronise",
    "synchronise_with_office",
]
