"""The office's settings for reading its case register (issue 17, docs/monitoring.md): how many
days "without delay" counts as (default 1: the first working day after the start), and its own
category words and JRWA classes mapped to a KPA category. HR and administrators set them; every
change is in the trail. The import reads them once per file."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy.orm import Session

from auditdesk.domain.case_deadlines import DEFAULT_WITHOUT_DELAY_DAYS, CaseCategory
from auditdesk.domain.case_rows import CATEGORY_WORDS, CaseRules, normalise
from auditdesk.domain.errors import ValidationFailed
from auditdesk.services import trail
from auditdesk.services.access import Permission, require
from auditdesk.services.context import AppContext
from auditdesk.store.base import utcnow
from auditdesk.store.models import OfficeSetting

KEY = "cases.rules"
MAX_WITHOUT_DELAY_DAYS = 14  # beyond two weeks it is no longer "without delay" (art. 35 §2)


def _category(value: object, where: str) -> CaseCategory:
    try:
        return CaseCategory(str(value))
    except ValueError:
        raise ValidationFailed(
            "{where}: {value!r} is not a category ({allowed})",
            where=where,
            value=str(value),
            allowed=", ".join(c.value for c in CaseCategory if c != CaseCategory.UNKNOWN),
        ) from None


def rules_from_json(value: Mapping[str, object]) -> CaseRules:
    words = value.get("words") or {}
    jrwa = value.get("jrwa") or {}
    days = value.get("without_delay_days", DEFAULT_WITHOUT_DELAY_DAYS)
    assert isinstance(words, Mapping) and isinstance(jrwa, Mapping)
    return CaseRules(
        words={normalise(str(k)): _category(v, str(k)) for k, v in words.items()},
        jrwa={str(k).strip(): _category(v, str(k)) for k, v in jrwa.items()},
        without_delay_days=int(days),  # type: ignore[call-overload]
    )


def load_rules(session: Session) -> CaseRules:
    """The office's rules inside the caller's transaction (the defaults when never set)."""
    row = session.get(OfficeSetting, KEY)
    return CaseRules() if row is None else rules_from_json(row.value)


def case_rules(ctx: AppContext) -> CaseRules:
    require(ctx.actor, Permission.VIEW_CASES)
    with ctx.db.session() as s:
        return load_rules(s)


def set_case_rules(
    ctx: AppContext,
    *,
    without_delay_days: int = DEFAULT_WITHOUT_DELAY_DAYS,
    words: Mapping[str, str] | None = None,
    jrwa: Mapping[str, str] | None = None,
) -> CaseRules:
    """Stores the office's rules; they apply to registers imported from now on."""
    require(ctx.actor, Permission.MANAGE_CASES)
    if not 1 <= without_delay_days <= MAX_WITHOUT_DELAY_DAYS:
        raise ValidationFailed(
            "without delay: {days} days is outside 1 to {most}",
            days=without_delay_days,
            most=MAX_WITHOUT_DELAY_DAYS,
        )
    for word in words or {}:
        if normalise(word) in CATEGORY_WORDS:
            raise ValidationFailed(
                "the category word {word!r} already has a meaning in the Code; choose another",
                word=word,
            )
    value: dict[str, object] = {
        "without_delay_days": without_delay_days,
        "words": {normalise(k): str(v) for k, v in (words or {}).items()},
        "jrwa": {str(k).strip(): str(v) for k, v in (jrwa or {}).items()},
    }
    rules = rules_from_json(value)  # checks every category
    with ctx.db.session() as s:
        row = s.get(OfficeSetting, KEY)
        before = None if row is None else row.value
        if row is None:
            row = OfficeSetting(key=KEY, value=value)
            s.add(row)
        row.value = value
        row.updated_by = ctx.actor.login
        row.updated_at = utcnow()
        trail.record(s, ctx.actor, "update", "office_setting", KEY, before, value)
    return rules
