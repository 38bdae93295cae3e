"""Fuzzing the audit import: random bytes, random JSON, and mutations of a real export (with
and without a recomputed per-audit hash) give a clear AuditDeskError or a report that names
each refused record; never a crash, and never a partial write (rows counted before/after)."""

from __future__ import annotations

import copy
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from auditdesk.domain.errors import AuditDeskError
from auditdesk.services.audits import transfer as audit_transfer
from auditdesk.services.context import Actor, AppContext
from auditdesk.services.trail import verify_chain
from auditdesk.store.db import Database
from auditdesk.store.migrate import open_database
from auditdesk.store.models import Role
from demo_office import DemoTemplates

TABLES = ("audit", "audit_answer", "evidence", "evidence_blob")
FUZZ = settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    report_multiple_bugs=False,
)


class Template(tuple[Path, dict[str, Any]]):
    """The demo database and its export; a short repr keeps hypothesis' reports readable."""

    def __repr__(self) -> str:
        return f"Template({self[0].name}, {len(self[1]['audits'])} audits)"


@pytest.fixture(scope="module")
def template(demo_template: DemoTemplates, tmp_path_factory: pytest.TempPathFactory) -> Template:
    """A demo database and a real JSON export of its audits (made once per module)."""
    folder = tmp_path_factory.mktemp("import-fuzz")
    path = demo_template.copy_to(folder / "demo.sqlite")
    db = open_database(str(path))
    out = folder / "export.json"
    audit_transfer.export_audits(AppContext(db, Actor(None, "kadry", Role.HR)), out, "json")
    db.dispose()
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["audits"], "the demo has no audits to export"
    return Template((path, doc))


def _fresh(template_path: Path, folder: Path) -> Database:
    target = folder / "target.sqlite"
    target.unlink(missing_ok=True)
    src = sqlite3.connect(template_path)
    dest = sqlite3.connect(target)
    src.backup(dest)
    dest.close()
    src.close()
    return open_database(str(target))


def _counts(db: Database) -> dict[str, int]:
    assert db.path is not None
    con = sqlite3.connect(db.path)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    finally:
        con.close()


def _import(db: Database, path: Path) -> audit_transfer.ImportReport | AuditDeskError:
    ctx = AppContext(db, Actor(None, "kadry", Role.HR))
    try:
        return audit_transfer.import_audits(ctx, path)
    except AuditDeskError as exc:
        assert str(path) in str(exc) or path.name in str(exc), str(exc)
        return exc


def _check_no_partial_write(db: Database, before: dict[str, int], result: object) -> None:
    after = _counts(db)
    if isinstance(result, AuditDeskError):
        assert after == before, "a refused file wrote something"
    else:
        assert isinstance(result, audit_transfer.ImportReport)
        assert after["audit"] - before["audit"] == len(result.imported)
        if not result.imported:
            assert after == before, "refused records left rows behind"
        for line in result.refused:
            assert ": " in line  # names the record and the reason
    assert db.path is not None
    con = sqlite3.connect(db.path)
    try:
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        con.close()
    with db.session() as s:
        assert verify_chain(s) is None


@FUZZ
@given(st.binary(max_size=400))
def test_random_bytes(template: tuple[Path, dict[str, Any]], tmp_path: Path, data: bytes) -> None:
    db = _fresh(template[0], tmp_path)
    try:
        path = tmp_path / "in.json"
        path.write_bytes(data)
        before = _counts(db)
        result = _import(db, path)
        assert isinstance(result, AuditDeskError)
        _check_no_partial_write(db, before, result)
    finally:
        db.dispose()


JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda c: st.lists(c, max_size=4) | st.dictionaries(st.text(max_size=8), c, max_size=4),
    max_leaves=20,
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(value, dict):
        for k, v in value.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out += _paths(v, (*prefix, i))
    return out


def _set(doc: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    parent = doc
    for key in path[:-1]:
        parent = parent[key]
    parent[path[-1]] = value
    return doc


# Found by this test (and fixed): a record whose fields had the wrong JSON type (a bool as an
# answer value, a list or null as its uid) escaped import_audits as AttributeError or a raw
# SQLAlchemy error instead of being refused with a reason.
@FUZZ
@given(
    data=st.data(),
    rehash=st.booleans(),
    uid_fresh=st.booleans(),
)
def test_mutated_real_export(
    template: tuple[Path, dict[str, Any]],
    tmp_path: Path,
    data: st.DataObject,
    rehash: bool,
    uid_fresh: bool,
) -> None:
    doc = copy.deepcopy(template[1])
    doc["audits"] = doc["audits"][:3]
    doc["form_versions"] = []  # optional in the format; keeps hypothesis' report readable
    if uid_fresh:  # as if the audits came from another laptop: not yet in this database
        for n, audit in enumerate(doc["audits"]):
            audit["uid"] = f"00000000-0000-4000-8000-{n:012d}"
            audit["content_sha256"] = audit_transfer._audit_digest(audit)
    for _ in range(data.draw(st.integers(1, 4))):
        target = data.draw(st.sampled_from(_paths(doc["audits"])))
        doc["audits"] = _set(doc["audits"], target, data.draw(JSONISH))
    if rehash:  # the damage an editor would do while keeping the hashes consistent
        for audit in doc["audits"] if isinstance(doc["audits"], list) else []:
            if isinstance(audit, dict):
                audit["content_sha256"] = audit_transfer._audit_digest(audit)
    db = _fresh(template[0], tmp_path)
    try:
        path = tmp_path / "in.json"
        path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        before = _counts(db)
        result = _import(db, path)
        _check_no_partial_write(db, before, result)
    finally:
        db.dispose()


def test_unmodified_export_from_elsewhere_imports(
    template: tuple[Path, dict[str, Any]], tmp_path: Path
) -> None:
    """The fuzz above can pass only if a valid file really imports: check that it does."""
    doc = copy.deepcopy(template[1])
    for n, audit in enumerate(doc["audits"]):
        audit["uid"] = f"00000000-0000-4000-8000-{n:012d}"
        audit["content_sha256"] = audit_transfer._audit_digest(audit)
    db = _fresh(template[0], tmp_path)
    try:
        path = tmp_path / "in.json"
        path.write_text(json.dumps(doc), encoding="utf-8")
        before = _counts(db)
        result = _import(db, path)
        assert isinstance(result, audit_transfer.ImportReport)
        assert result.imported and not result.refused, result.refused[:3]
        _check_no_partial_write(db, before, result)
    finally:
        db.dispose()
