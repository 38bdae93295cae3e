"""Form definitions: find the shipped and custom form files, check them, register versions."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from auditdesk.domain.errors import FormError, FormProblem, NotFound
from auditdesk.domain.forms.cache import load_form_cached
from auditdesk.domain.forms.loader import LoadedForm, canonical_json, load_form_data
from auditdesk.resources import data_dir
from auditdesk.services import trail
from auditdesk.services.context import AppContext
from auditdesk.store.models import FormVersion


def shipped_forms_dir() -> Path:
    """forms/ as shipped in the package (a wheel), or at the top of a source checkout."""
    return data_dir("forms")


def form_files(paths: Iterable[Path] = ()) -> Iterator[Path]:
    """Every *.yaml / *.yml below the given files or folders (default: the shipped forms)."""
    targets = list(paths) or [shipped_forms_dir()]
    for target in targets:
        if target.is_dir():
            yield from sorted(p for p in target.rglob("*") if p.suffix in (".yaml", ".yml"))
        else:
            yield target


@dataclass
class CheckResult:
    loaded: list[LoadedForm]
    errors: list[FormError]


def check_forms(paths: Iterable[Path] = ()) -> CheckResult:
    """Validates every form file; collects every error rather than stopping at the first."""
    result = CheckResult([], [])
    seen: dict[tuple[str, str], str] = {}
    for path in form_files(paths):
        try:
            form = load_form_cached(path)  # an unchanged file is not parsed again (issue 14)
        except FormError as exc:
            result.errors.append(exc)
            continue
        key = (form.kind, form.form_id)
        if key in seen:
            problem = FormProblem(
                f"form id {form.form_id!r} is already used by {seen[key]}; give each its own id",
                "id",
            )
            result.errors.append(FormError(str(path), [problem]))
            continue
        seen[key] = str(path)
        result.loaded.append(form)
    return result


def register_version(session: Session, form: LoadedForm) -> FormVersion:
    """Returns the stored version with this content hash, adding it the first time."""
    existing = session.scalar(
        select(FormVersion).where(FormVersion.content_hash == form.content_hash)
    )
    if existing is not None:
        return existing
    version = FormVersion(
        form_id=form.form_id,
        kind=form.kind,
        edition=form.definition.edition,
        title=form.definition.title.pl,
        content_hash=form.content_hash,
        definition_json=canonical_json(form.data),
        source_name=Path(form.source).name,
    )
    session.add(version)
    session.flush()
    return version


def register_forms(ctx: AppContext, paths: Iterable[Path] = ()) -> CheckResult:
    """Checks the forms and registers every valid one; invalid ones are reported, not stored.
    Runs at start-up as the application itself; each new version goes to the audit trail."""
    result = check_forms(paths)
    with ctx.db.session() as s:
        known = set(s.scalars(select(FormVersion.content_hash)))
        for form in result.loaded:
            version = register_version(s, form)
            if form.content_hash not in known:
                trail.record(
                    s,
                    ctx.actor,
                    "create",
                    "form_version",
                    version.id,
                    after={
                        "form": form.form_id,
                        "kind": form.kind,
                        "edition": version.edition,
                        "hash": form.content_hash,
                    },
                )
    return result


def load_version(session: Session, version_id: int) -> LoadedForm:
    """The exact definition a record was filled in, rebuilt from the stored copy."""
    version = session.get(FormVersion, version_id)
    if version is None:
        raise NotFound("form version #{version} does not exist", version=version_id)
    return load_form_data(json.loads(version.definition_json), f"stored {version.form_id}")


def latest_versions(session: Session, kind: str) -> list[FormVersion]:
    """The newest registered version of each form of a kind, for 'new record' choices."""
    rows = session.scalars(
        select(FormVersion).where(FormVersion.kind == kind).order_by(FormVersion.id)
    ).all()
    newest: dict[str, FormVersion] = {}
    for row in rows:
        newest[row.form_id] = row
    return sorted(newest.values(), key=lambda v: v.title)
