"""The three monitoring tabs say 'no access' and 'no data yet' one way (issue 15): a role without
access gets the same message page in each (what, and the roles that may see it) and nothing
else – no empty tables, no disabled filters, no Qt placeholder dates (01.01.2000); a role with
access on an empty office gets a line saying how to begin (or who does it), gone once there is
data."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QAbstractItemView, QDateEdit, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from auditdesk.services.context import Actor, AppContext
from auditdesk.settings import Settings
from auditdesk.store.models import Employee, Office, OrgUnit, Role, User
from auditdesk.ui.monitoring.cases import CasesTab
from auditdesk.ui.monitoring.indicators import IndicatorsTab
from auditdesk.ui.monitoring.surveys import SurveysTab
from auditdesk.ui.panels import PanelDeps
from auditdesk.ui.states import EmptyState, NoAccessPage
from auditdesk.ui.tasks import SyncTaskRunner

TABS: dict[str, tuple[Callable[[PanelDeps], QWidget], str]] = {
    "surveys": (SurveysTab, "the satisfaction surveys"),
    "indicators": (IndicatorsTab, "the complaints, opinions and research notes"),
    "cases": (CasesTab, "the timeliness of cases"),
}
QT_PLACEHOLDER_DATE = QDate(2000, 1, 1)


def _tab(qtbot: QtBot, ctx: AppContext, name: str) -> QWidget:
    deps = PanelDeps(context=lambda: ctx, runner=SyncTaskRunner(), settings=Settings(language="en"))
    tab = TABS[name][0](deps)
    qtbot.addWidget(tab)
    tab.show()
    return tab


def _acting(ctx: AppContext, role: Role) -> AppContext:
    """An empty office with one unit and its manager; the actor in the role asked for."""
    with ctx.db.session() as s:
        office = Office(name="Urząd Gminy Pusta", short_name="UG")
        unit = OrgUnit(office=office, code="WKS", name="Wydział Komunikacji")
        boss = Employee(unit=unit, first_name="Anna", last_name="Żak", position="naczelnik")
        s.add_all([office, unit, boss])
        s.flush()
        boss_id = boss.id
    employee = boss_id if role is Role.SUPERVISOR else None
    return AppContext(ctx.db, Actor(1, role.value, role, employee))


def _visible(tab: QWidget, kind: type[QWidget]) -> list[QWidget]:
    return [w for w in tab.findChildren(kind) if w.isVisibleTo(tab)]


def _no_placeholder_dates(tab: QWidget) -> None:
    shown = [w.date() for w in _visible(tab, QDateEdit) if isinstance(w, QDateEdit)]
    assert QT_PLACEHOLDER_DATE not in shown, "a period field shows Qt's 01.01.2000"


@pytest.mark.parametrize("name", sorted(TABS))
def test_a_role_without_access_gets_the_same_message_page(
    qtbot: QtBot, ctx: AppContext, name: str
) -> None:
    tab = _tab(qtbot, _acting(ctx, Role.AUDITOR), name)
    pages = tab.findChildren(NoAccessPage)
    assert len(pages) == 1 and pages[0].isVisibleTo(tab)
    text = pages[0].text.text()
    assert text == (
        f"You have no access to {TABS[name][1]}: it needs the role supervisor, HR or "
        "administrator. If your work needs it, ask an administrator."
    )
    assert pages[0].accessibleName() == text
    # nothing else: no tables, no filters, no dates, no 'no data' line
    assert _visible(tab, QAbstractItemView) == []
    assert _visible(tab, QDateEdit) == []
    empty = tab.findChild(EmptyState)
    assert empty is not None and not empty.isVisibleTo(tab)


@pytest.mark.parametrize("name", sorted(TABS))
@pytest.mark.parametrize(
    ("role", "says"),
    [
        (Role.HR, "Ctrl+I"),
        (Role.ADMIN, "Ctrl+I"),
        (Role.SUPERVISOR, "HR "),  # a supervisor reads: who adds the data
    ],
    ids=["hr", "admin", "supervisor"],
)
def test_an_empty_office_says_how_to_begin(
    qtbot: QtBot, ctx: AppContext, name: str, role: Role, says: str
) -> None:
    tab = _tab(qtbot, _acting(ctx, role), name)
    assert tab.findChildren(NoAccessPage) == []
    empty = tab.findChild(EmptyState)
    assert empty is not None and empty.isVisibleTo(tab)
    assert empty.text().startswith("No data yet – ")
    assert says in empty.text(), empty.text()
    _no_placeholder_dates(tab)


def _as(ctx: AppContext, login: str) -> AppContext:
    with ctx.db.session() as s:
        user = s.scalars(select(User).where(User.login == login)).one()
        return AppContext(ctx.db, Actor.of(user))


@pytest.mark.parametrize("name", sorted(TABS))
def test_with_data_the_empty_line_is_gone(qtbot: QtBot, demo_ctx: AppContext, name: str) -> None:
    with demo_ctx.db.session() as s:
        hr_login = s.scalars(select(User.login).where(User.role == Role.HR)).first()
    assert hr_login is not None
    tab = _tab(qtbot, _as(demo_ctx, hr_login), name)
    empty = tab.findChild(EmptyState)
    assert empty is not None and not empty.isVisibleTo(tab), empty.text()
    assert tab.findChildren(NoAccessPage) == []
    assert _visible(tab, QAbstractItemView)
    _no_placeholder_dates(tab)
