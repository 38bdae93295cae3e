"""The exact checklist an audit was filled in and the scores computed from it (never from the
current form file)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy.orm import Session

from auditdesk.domain.errors import (
    NotFound,
    ValidationFailed,
)
from auditdesk.domain.forms.checklist import ChecklistForm
from auditdesk.domain.forms.loader import load_form_data
from auditdesk.domain.scoring import Answer, ScoreResult, score
from auditdesk.services.context import AppContext
from auditdesk.services.forms import latest_versions
from auditdesk.store.models import (
    Audit,
    FormVersion,
)


@lru_cache(maxsize=64)
def _parse_version(content_hash: str, definition_json: str) -> ChecklistForm:
    loaded = load_form_data(json.loads(definition_json), f"stored form {content_hash[:12]}")
    if not isinstance(loaded.definition, ChecklistForm):
        raise ValidationFailed(
            "form version {version} is not a checklist", version=content_hash[:12]
        )
    return loaded.definition


def checklist_of(session: Session, version_id: int) -> ChecklistForm:
    """The exact checklist an audit was filled in (versions are immutable, so cached)."""
    version = session.get(FormVersion, version_id)
    if version is None:
        raise NotFound("form version #{version_id} does not exist", version_id=version_id)
    return _parse_version(version.content_hash, version.definition_json)


@dataclass(frozen=True)
class FormChoice:
    version_id: int
    form_id: str
    title: str
    edition: str
    content_hash: str
    channels: tuple[str, ...]


def checklist_forms(ctx: AppContext) -> list[FormChoice]:
    """The newest version of every checklist form, for 'new audit'."""
    with ctx.db.session() as s:
        out = []
        for v in latest_versions(s, "checklist"):
            form = checklist_of(s, v.id)
            out.append(
                FormChoice(
                    v.id, v.form_id, v.title, v.edition, v.content_hash, tuple(form.channels)
                )
            )
        return out


def answers_of(audit: Audit) -> dict[str, Answer]:
    return {a.item_id: Answer(a.value, a.na, a.comment) for a in audit.answers}


def _apply_score(audit: Audit, form: ChecklistForm, answers: Mapping[str, Answer]) -> ScoreResult:
    result = score(form, answers)
    audit.earned = result.earned
    audit.possible = result.possible
    audit.score = result.percent
    audit.verdict = result.verdict
    audit.verdict_label = result.verdict_label_pl
    audit.passed = result.passed
    audit.critical_failure = result.critical_failure
    audit.section_scores_json = json.dumps(
        [[sec.section_id, sec.earned, sec.possible, sec.zeroed] for sec in result.sections]
    )
    return result


def _sync_answer_rows(audit: Audit, result: ScoreResult) -> None:
    for row in audit.answers:
        item = result.items.get(row.item_id)
        if item is None or not item.applicable:
            row.points, row.max_points, row.met = None, None, None
        else:
            row.points, row.max_points, row.met = item.earned, item.possible, item.met
