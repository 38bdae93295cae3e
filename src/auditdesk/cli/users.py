"""Signing in on the command line (`--user NAME`) and the `users` / `backups` sub-commands.

Who the command line acts as:
  * `--user NAME` (or $AUDITDESK_USER): signs in as NAME; the password comes from
    $AUDITDESK_PASSWORD, else from a prompt (getpass) when there is a terminal. Wrong passwords
    count towards the same growing delay as in the window.
  * no user given, on a database where nobody can sign in yet (a new file, or one made before
    accounts had passwords): the command acts as the application itself, so that `demo`,
    `users create-admin` and scripts that set up a fresh database work without an account.
  * no user given, once any account has a password: refused. Otherwise anyone who can start
    the program could bypass the roles.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from auditdesk.cli.choices import ROLES
from auditdesk.cli.common import open_context, out, set_actor_resolver

if TYPE_CHECKING:  # imported by the commands that use them (issue 14: a cheap start)
    from auditdesk.services.admin import users
    from auditdesk.services.context import Actor, AppContext

USER_ENV = "AUDITDESK_USER"
PASSWORD_ENV = "AUDITDESK_PASSWORD"


def prompt_password(prompt: str, env: str | None = PASSWORD_ENV) -> str:
    """The password from the variable `env` (AUDITDESK_PASSWORD by default) when it is set,
    else asked in the terminal with `prompt` (not echoed); refused (ValidationFailed) when
    there is neither. Nothing is stored."""
    from auditdesk.domain.errors import ValidationFailed

    if env and os.environ.get(env) is not None:
        return os.environ[env]
    if not sys.stdin.isatty():
        raise ValidationFailed(
            "no password: set {variable} or run the command in a terminal to be asked.",
            variable=PASSWORD_ENV,
        )
    return getpass.getpass(prompt)


def resolve_actor(args: argparse.Namespace, ctx: AppContext) -> Actor:
    from auditdesk.domain.errors import PermissionDenied
    from auditdesk.services.admin import auth

    login = getattr(args, "user", None) or os.environ.get(USER_ENV)
    if login:
        return auth.sign_in(ctx.db, login, prompt_password(f"Password for {login}: "))
    if not auth.has_accounts(ctx.db):
        return ctx.actor  # nobody can sign in yet: the application itself (see module docstring)
    raise PermissionDenied(
        "{database}: this database has user accounts; sign in with --user NAME "
        "(the password is asked for, or taken from {variable}).",
        database=ctx.db.describe(),
        variable=PASSWORD_ENV,
    )


set_actor_resolver(resolve_actor)
# disk-full / read-only errors in words a person can act on: services.admin.recovery, imported
# by open_context (and cmd_create_admin) before the database is opened


def register(sub: Any) -> None:
    p = sub.add_parser("users", help="user accounts (administrators)")
    us = p.add_subparsers(dest="users_command", metavar="ACTION", required=True)

    c = us.add_parser("create-admin", help="create the first administrator of a new database")
    c.add_argument("login")
    c.add_argument("--name", default="", help="display name")
    c.set_defaults(func=cmd_create_admin)

    c = us.add_parser("list", help="list the accounts")
    c.set_defaults(func=cmd_list)

    c = us.add_parser("add", help="add an account (password asked, or $AUDITDESK_NEW_PASSWORD)")
    c.add_argument("login")
    c.add_argument("--name", default="")
    c.add_argument("--role", required=True, choices=ROLES)
    c.add_argument("--employee", type=int, metavar="ID", help="the employee this user is")
    c.add_argument("--no-password", action="store_true", help="set the password later")
    c.set_defaults(func=cmd_add)

    c = us.add_parser("role", help="change the role of an account")
    c.add_argument("login")
    c.add_argument("role", choices=ROLES)
    c.set_defaults(func=cmd_role)

    for name, active in (("deactivate", False), ("activate", True)):
        c = us.add_parser(name, help=f"{name} an account (its records stay)")
        c.add_argument("login")
        c.set_defaults(func=cmd_set_active, active=active)

    c = us.add_parser("reset-password", help="set a new password for an account")
    c.add_argument("login")
    c.set_defaults(func=cmd_reset_password)

    p = sub.add_parser("backups", help="automatic and manual backups of the database file")
    bs = p.add_subparsers(dest="backups_command", metavar="ACTION", required=True)
    c = bs.add_parser("list", help="list the backups of the database")
    c.set_defaults(func=cmd_backups_list)
    c = bs.add_parser("now", help="make a backup now, in the backups folder")
    c.set_defaults(func=cmd_backups_now)

    p = sub.add_parser(
        "encrypt",
        help="write an encrypted copy of the database (SQLCipher; passphrase asked, or "
        "$AUDITDESK_PASSPHRASE); needs the [encryption] extra",
    )
    p.add_argument("--out", required=True, type=Path, metavar="FILE")
    p.set_defaults(func=cmd_encrypt)


NEW_PASSWORD_ENV = "AUDITDESK_NEW_PASSWORD"


def _new_password(login: str) -> str:
    from auditdesk.domain.errors import ValidationFailed

    if os.environ.get(NEW_PASSWORD_ENV) is not None:
        return os.environ[NEW_PASSWORD_ENV]
    if not sys.stdin.isatty():
        raise ValidationFailed(
            "no new password: set {variable} or run the command in a terminal.",
            variable=NEW_PASSWORD_ENV,
        )
    first = getpass.getpass(f"New password for {login}: ")
    if getpass.getpass("Repeat it: ") != first:
        raise ValidationFailed("the two passwords differ; nothing was changed.")
    return first


def cmd_create_admin(args: argparse.Namespace) -> int:
    from auditdesk.domain.errors import PermissionDenied
    from auditdesk.services.admin import auth, recovery  # noqa: F401  (recovery: see above)
    from auditdesk.store.migrate import open_database

    db = open_database(args.db)
    try:
        if not auth.needs_first_admin(db):
            raise PermissionDenied(
                "{database}: an administrator already exists; use "
                "'auditdesk --user ADMIN users add …' instead.",
                database=db.describe(),
            )
        actor = auth.create_first_admin(db, args.login, args.name, _new_password(args.login))
        out(f"Created the administrator {actor.login} in {db.describe()}.")
    finally:
        db.dispose()
    return 0


def _user_id(ctx: AppContext, login: str) -> users.UserRow:
    from auditdesk.domain.errors import ValidationFailed
    from auditdesk.services.admin import users

    for row in users.list_users(ctx):
        if row.login.lower() == login.lower():
            return row
    raise ValidationFailed(
        "no account with login {login!r}; see 'auditdesk users list'.", login=login
    )


def cmd_list(args: argparse.Namespace) -> int:
    from auditdesk.services.admin import users

    ctx = open_context(args)
    for u in users.list_users(ctx):
        state = "active" if u.active else "inactive"
        pw = "" if u.has_password else "  (no password)"
        out(f"{u.login:20} {u.role.value:11} {state:9} {u.display_name}{pw}")
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    from auditdesk.domain.values import Role
    from auditdesk.services.admin import users

    ctx = open_context(args)
    password = None if args.no_password else _new_password(args.login)
    row = users.create_user(ctx, args.login, args.name, Role(args.role), password, args.employee)
    out(f"Created {row.login} ({row.role.value}).")
    return 0


def cmd_role(args: argparse.Namespace) -> int:
    from auditdesk.domain.values import Role
    from auditdesk.services.admin import users

    ctx = open_context(args)
    row = users.change_role(ctx, _user_id(ctx, args.login).id, Role(args.role))
    out(f"{row.login} is now {row.role.value}.")
    return 0


def cmd_set_active(args: argparse.Namespace) -> int:
    from auditdesk.services.admin import users

    ctx = open_context(args)
    row = users.set_active(ctx, _user_id(ctx, args.login).id, args.active)
    out(f"{row.login} is now {'active' if row.active else 'inactive'}.")
    return 0


def cmd_reset_password(args: argparse.Namespace) -> int:
    from auditdesk.services.admin import users

    ctx = open_context(args)
    row = _user_id(ctx, args.login)
    users.reset_password(ctx, row.id, _new_password(row.login))
    out(f"New password set for {row.login}.")
    return 0


def cmd_backups_list(args: argparse.Namespace) -> int:
    from auditdesk.services.admin import backups

    ctx = open_context(args)
    found = backups.list_backups(ctx)
    for b in found:
        out(f"{b.created:%Y-%m-%d %H:%M}  {b.kind:9} {b.size // 1024:8} KiB  {b.path}")
    out(f"{len(found)} backup(s)")
    return 0


def cmd_backups_now(args: argparse.Namespace) -> int:
    from auditdesk.services.admin import backups

    ctx = open_context(args)
    info = backups.backup_now(ctx)
    out(f"Backed up {ctx.db.describe()} to {info.path}")
    return 0


PASSPHRASE_ENV = "AUDITDESK_PASSPHRASE"


def cmd_encrypt(args: argparse.Namespace) -> int:
    from auditdesk.domain.errors import ValidationFailed
    from auditdesk.services.admin import encryption

    ctx = open_context(args)
    if os.environ.get(PASSPHRASE_ENV) is not None:
        passphrase = os.environ[PASSPHRASE_ENV]
    elif sys.stdin.isatty():
        passphrase = getpass.getpass("Passphrase for the encrypted copy: ")
        if getpass.getpass("Repeat it: ") != passphrase:
            raise ValidationFailed("the two passphrases differ; nothing was written.")
    else:
        raise ValidationFailed(
            "no passphrase: set {variable} or run in a terminal.", variable=PASSPHRASE_ENV
        )
    target = encryption.encrypt_copy(ctx, args.out, passphrase)
    out(f"Wrote the encrypted copy {target}. Without the passphrase it cannot be read.")
    return 0
