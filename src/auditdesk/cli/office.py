"""Setting up and restoring an office store (issue 16): `auditdesk --db URL init` and
`auditdesk restore BACKUP`.

`init` migrates the store, registers the shipped forms and creates the first administrator
(login from --admin, $AUDITDESK_ADMIN or a prompt; password from $AUDITDESK_NEW_PASSWORD or a
prompt); run again it changes nothing and says the store is already initialised. The connection
password of a server comes from $AUDITDESK_DB_PASSWORD, the keyring, libpq or a prompt
(store.server) and is never written anywhere.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from auditdesk.cli.common import open_context, out, server_prompt

ADMIN_ENV = "AUDITDESK_ADMIN"


def register(sub: Any) -> None:
    p = sub.add_parser(
        "init",
        help="set up a database for an office: migrate, first administrator, forms (idempotent)",
    )
    p.add_argument("--admin", metavar="LOGIN", help=f"the first administrator (or ${ADMIN_ENV})")
    p.add_argument("--name", default="", help="the administrator's display name")
    p.set_defaults(func=cmd_init)

    p = sub.add_parser(
        "restore",
        help="replace the database with a backup (a safety copy of the current state first)",
    )
    p.add_argument("backup", type=Path, metavar="BACKUP")
    p.set_defaults(func=cmd_restore)


def _admin_login(args: argparse.Namespace) -> str:
    from auditdesk.domain.errors import ValidationFailed

    login = args.admin or os.environ.get(ADMIN_ENV)
    if login:
        return str(login)
    if not sys.stdin.isatty():
        raise ValidationFailed(
            "init: name the first administrator with --admin LOGIN or {variable}.",
            variable=ADMIN_ENV,
        )
    return input("Login of the first administrator: ").strip()


def cmd_init(args: argparse.Namespace) -> int:
    from auditdesk.cli.common import cli_passphrase
    from auditdesk.cli.users import _new_password
    from auditdesk.services.admin import recovery  # noqa: F401  disk-full errors in plain words
    from auditdesk.services.admin.encryption import open_any
    from auditdesk.services.admin.office import init_office

    db = open_any(getattr(args, "db", None), cli_passphrase, server_prompt())
    try:

        def admin() -> tuple[str, str, str]:
            login = _admin_login(args)
            return login, args.name, _new_password(login)

        report = init_office(db, admin)
    finally:
        db.dispose()
    schema = ", ".join(report.schema)
    if report.already_initialised:
        out(f"{report.database} is already initialised: nothing was changed.")
        out(f"  schema {schema}; {report.forms_total} form version(s); an administrator exists.")
        return 0
    out(f"Initialised {report.database}: schema {schema}.")
    out(f"  form versions: {report.forms_added} added, {report.forms_total} in all")
    if report.admin_created:
        out(
            f"  created the administrator {report.admin_created}; sign in with --user "
            f"{report.admin_created} to add the office's accounts"
        )
    else:
        out("  an administrator already existed")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from auditdesk.services.admin import backups

    ctx = open_context(args)
    try:
        safety = backups.restore(ctx, args.backup)
        out(f"Restored {ctx.db.describe()} from {args.backup}.")
        out(f"The state before the restore was saved as {safety.path}.")
    finally:
        ctx.db.dispose()
    return 0
