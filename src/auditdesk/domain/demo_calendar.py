"""The demo's calendar: which months it covers for a reference day (the clock's today).

The demo is the same for the same reference day, whatever the real date: every seeder takes its
"today" from `ctx.clock`, steps months with calendar arithmetic (`add_months`, never 31-day
jumps) and covers the whole months before the reference month plus the days of the reference
month so far, so that the newest records (drafts, open cases) exist on any day of the month.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from auditdesk.domain.periods import add_months


@dataclass(frozen=True)
class DemoCalendar:
    """`months` calendar months ending with the reference month (which is only partly past)."""

    today: date
    months: int = 6

    @property
    def first(self) -> date:
        """The first day of the oldest month covered."""
        return add_months(self.today.replace(day=1), -(self.months - 1))

    def month_start(self, index: int) -> date:
        """The first day of month `index` (0 = the oldest, months - 1 = the reference month)."""
        return add_months(self.first, index)

    def month_end(self, index: int) -> date:
        """The last day of month `index` that is already past (yesterday in the reference month)."""
        end = add_months(self.month_start(index), 1) - timedelta(days=1)
        return min(end, self.today - timedelta(days=1))

    def past_day(self, rng: random.Random) -> date:
        """A day between the first day covered and yesterday, drawn from `rng`."""
        span = (self.today - self.first).days
        return self.first + timedelta(days=rng.randrange(max(1, span)))
