"""The office-wide picture (issue 17): one row per unit, one column per method, for a period,
with sample sizes, 95 % intervals, targets and the changes since the previous period."""

from auditdesk.services.overview.figures import (
    INDICATORS,
    Cell,
    Overview,
    OverviewRow,
    Period,
    PlanProgress,
    overview,
    period_of,
    previous_period,
)
from auditdesk.services.overview.targets import Target, delete_target, set_target, targets

__all__ = [
    "INDICATORS",
    "Cell",
    "Overview",
    "OverviewRow",
    "Period",
    "PlanProgress",
    "Target",
    "delete_target",
    "overview",
    "period_of",
    "previous_period",
    "set_target",
    "targets",
]
