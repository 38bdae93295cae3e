"""The period a new appraisal covers, proposed the same way by the service and the window."""

from __future__ import annotations

from datetime import date

from auditdesk.domain.periods import add_months


def proposed_period(
    last_made_on: date | None, employed_since: date | None, due: date | None, today: date
) -> tuple[date, date]:
    """From the previous appraisal (or, never appraised, the start of duty) to the due date,
    or to today when the appraisal is made early. The start is never after the end (issue 15:
    an overdue, never-appraised employee got "from 01.12.2024 to 02.04.2024"): without a
    previous appraisal or a start of duty it is 24 months before the end."""
    end = min(due, today) if due else today
    start = last_made_on or employed_since or add_months(end, -24)
    return min(start, end), end
