"""Who may see the plan (issue 18). The plan is confidential: HR and quality staff (and
administrators) see and change all of it; an auditor sees only the visits assigned to them;
a supervisor of an audited unit sees nothing of it, neither here nor in the exports or the
command line (the trail viewer is HR's and administrators' already)."""

from __future__ import annotations

from auditdesk.domain.errors import PermissionDenied
from auditdesk.services.context import Actor
from auditdesk.store.models import Role

PLANNERS = frozenset({Role.HR, Role.ADMIN})


def is_planner(actor: Actor) -> bool:
    return actor.role in PLANNERS


def require_planner(actor: Actor) -> None:
    """HR, quality staff and administrators only."""
    if not is_planner(actor):
        raise PermissionDenied(
            "{login} ({role}) may not see or change the visit plan; it is kept by HR and "
            "quality staff",
            login=actor.login,
            role=actor.role.value,
        )


def require_plan_reader(actor: Actor) -> None:
    """HR and administrators (every visit) or an auditor (their own visits)."""
    if not is_planner(actor) and actor.role != Role.AUDITOR:
        raise PermissionDenied(
            "{login} ({role}) may not see planned visits; the plan is confidential",
            login=actor.login,
            role=actor.role.value,
        )
