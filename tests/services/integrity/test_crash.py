"""Crash safety: a child process edits through the services and is killed with SIGKILL at a
random moment; after each kill the file passes SQLite's integrity check, the trail is one intact
chain, and every edit the child had seen committed (its fsync'ed log) is in the database."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from auditdesk.services.trail import verify_chain
from auditdesk.store.db import Database
from auditdesk.store.migrate import open_database

CHILD = r"""
import os, sys
from auditdesk.services.admin import users
from auditdesk.services.context import Actor, AppContext
from auditdesk.store.db import Database
from auditdesk.store.models import Role

url, log_path, start = sys.argv[1], sys.argv[2], int(sys.argv[3])
ctx = AppContext(Database(url), Actor.system())
roles = [Role.SUPERVISOR, Role.HR]  # never the role it was created with
log = open(log_path, "a", encoding="utf-8")

def committed(line):
    log.write(line + "\n")
    log.flush()
    os.fsync(log.fileno())

print("ready", flush=True)
i = start
last = None
while True:
    row = users.create_user(ctx, f"c{i}", "Crash " + "x" * (i % 300), Role.AUDITOR)
    committed(f"create {row.login} {row.id}")
    if last is not None:
        role = roles[i % 2]
        users.change_role(ctx, last.id, role)
        committed(f"role {last.id} {role.value}")
    last = row
    i += 1
"""


def _integrity(path: Path) -> list[str]:
    con = sqlite3.connect(path)  # recovers the WAL left by the killed process, as the app would
    try:
        return [r[0] for r in con.execute("PRAGMA integrity_check").fetchall()]
    finally:
        con.close()


def _check(path: Path, db_url: str, log: Path, kills: int) -> None:
    assert _integrity(path) == ["ok"]
    con = sqlite3.connect(path)
    try:
        stored_ids = {r[0] for r in con.execute("SELECT id FROM app_user")}
        role_entries = {
            (int(r[0]), r[1])
            for r in con.execute(
                "SELECT entity_id, json_extract(after_json, '$.role') FROM audit_log "
                "WHERE entity = 'user' AND action = 'change'"
            )
        }
    finally:
        con.close()
    logged_creates: set[int] = set()
    for line in log.read_text(encoding="utf-8").splitlines():
        kind, a, b = line.split()
        if kind == "create":
            logged_creates.add(int(b))
        else:
            assert (int(a), b) in role_entries, f"committed role change lost: {line}"
    assert logged_creates <= stored_ids, "a committed user is missing"
    # at most one commit per kill may be in the database but not yet in the log
    assert len(stored_ids - logged_creates) <= kills
    db = Database(db_url)
    try:
        with db.session() as s:
            assert verify_chain(s) is None
    finally:
        db.dispose()


def _kill_loop(tmp_path: Path, kills: int, seed: int) -> None:
    path = tmp_path / "crash.sqlite"
    open_database(str(path)).dispose()
    url = f"sqlite:///{path}"
    log = tmp_path / "committed.log"
    log.touch()
    rng = random.Random(seed)
    env = dict(os.environ)
    for n in range(kills):
        logged = log.stat().st_size
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, url, str(log), str(n * 1_000_000)],
            stdout=subprocess.PIPE,
            env=env,
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == b"ready"
        # the kill falls at a random moment of the editing, not before it has begun: on a
        # loaded machine the first commit may come later than the longest random wait
        deadline = time.monotonic() + 60
        while log.stat().st_size == logged and child.poll() is None:
            assert time.monotonic() < deadline, "the child committed nothing in 60 s"
            time.sleep(0.005)
        time.sleep(rng.uniform(0.005, 0.25))
        assert child.poll() is None, "the child stopped by itself"
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        child.stdout.close()
        _check(path, url, log, n + 1)
    # the database is still usable afterwards
    db = open_database(str(path))
    db.dispose()
    assert len(log.read_text(encoding="utf-8").splitlines()) > kills  # edits really happened


def test_kill_during_edits_loses_nothing_committed(tmp_path: Path) -> None:
    _kill_loop(tmp_path, kills=4, seed=1)


@pytest.mark.slow
def test_kill_200_times(tmp_path: Path) -> None:
    _kill_loop(tmp_path, kills=200, seed=20261127)
