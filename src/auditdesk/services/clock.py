"""The one source of "today" and "now" for the services (time is an input).

Every service that needs the date asks the clock in its `AppContext` (`ctx.clock.today()`), never
`date.today()` directly, so that a demo, a report or a deadline can be computed for a given day and
tests can pin the day. `SystemClock` reads the machine's clock through the standard library, so
time-travel libraries (time-machine) move it too; `FixedClock` is for callers that want one day
without patching anything (the demo for a reference date, the command line's `--today`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Protocol


class Clock(Protocol):
    """What a service may ask about time."""

    def today(self) -> date:
        """The local calendar date."""
        ...

    def now(self) -> datetime:
        """The current moment, timezone-aware (UTC)."""
        ...


class SystemClock:
    """The machine's clock."""

    def today(self) -> date:
        return date.today()

    def now(self) -> datetime:
        return datetime.now(UTC)


@dataclass(frozen=True)
class FixedClock:
    """A clock stopped at one moment (noon UTC of `day` unless `moment` is given)."""

    day: date
    moment: datetime | None = None

    def today(self) -> date:
        return self.day

    def now(self) -> datetime:
        if self.moment is not None:
            return self.moment
        return datetime(self.day.year, self.day.month, self.day.day, 12, tzinfo=UTC)


SYSTEM_CLOCK: Clock = SystemClock()


def local_now(clock: Clock) -> datetime:
    """The clock's moment as naive local time, as the window shows and audits store a visit."""
    return clock.now().astimezone().replace(tzinfo=None)


# What stays on the real clock, by design: the moment a row or a file is physically written
# (`store.base.utcnow`: column defaults, updated_at, completed_at, signed_at, the audit trail's
# entries), the names of the copies made before a migration or a recovery (no context exists yet),
# and sign-in lock-outs: they record when something happened on this machine, not a business
# date; a test pins them with time-machine. Backups (manual, automatic, before a restore) take
# their day and stamp from the context's clock.
