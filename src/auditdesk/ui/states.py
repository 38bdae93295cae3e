"""Two states every data tab can be in, said one way everywhere (issue 15): no access (the role
may not see it: a message page naming what and the roles that may, instead of empty tables,
disabled filters and placeholder dates) and no data yet (a line saying how to add some)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLayout, QVBoxLayout, QWidget

from auditdesk.domain.values import Role
from auditdesk.services.access import GRANTS, Permission
from auditdesk.ui.labels import role_name

ROLE_ORDER = (Role.AUDITOR, Role.SUPERVISOR, Role.HR, Role.ADMIN)


def roles_allowed(permission: Permission) -> list[str]:
    """The names of the roles that have the permission, in the usual order."""
    return [role_name(r.value) for r in ROLE_ORDER if r in GRANTS[permission]]


class NoAccessPage(QWidget):
    """'You have no access to …': what, the roles that may see it, and whom to ask."""

    def __init__(self, what: str, permission: Permission, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noAccess")
        roles = roles_allowed(permission)
        if len(roles) > 1:
            listed = (
                self.tr("%1 or %2").replace("%1", ", ".join(roles[:-1])).replace("%2", roles[-1])
            )
        else:
            listed = "".join(roles)
        self.text = QLabel(
            self.tr(
                "You have no access to %1: it needs the role %2. If your work needs it, ask an "
                "administrator."
            )
            .replace("%1", what)
            .replace("%2", listed)
        )
        self.text.setObjectName("noAccessText")
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setStyleSheet("font-size: 11pt; padding: 16px;")
        self.setAccessibleName(self.text.text())
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addStretch(1)


def show_no_access(tab: QWidget, what: str, permission: Permission) -> NoAccessPage:
    """Hides everything the tab's layout holds and shows the no-access page in its place."""
    layout = tab.layout()
    if layout is not None:
        _hide_all(layout)
    else:
        layout = QVBoxLayout(tab)
    page = NoAccessPage(what, permission)
    layout.addWidget(page)
    return page


def _hide_all(layout: QLayout) -> None:
    for i in range(layout.count()):
        item = layout.itemAt(i)
        if item is None:
            continue
        widget = item.widget()
        if widget is not None:
            widget.setVisible(False)
        inner = item.layout()
        if inner is not None:
            _hide_all(inner)


class EmptyState(QLabel):
    """'No data yet – …': shown above a tab's tables while there is nothing to show, with what
    to do (or who does it, when the role cannot)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyState")
        self.setWordWrap(True)
        self.setStyleSheet(
            "QLabel#emptyState { background: #fff8e1; border: 1px solid #e0c97a; padding: 8px; }"
        )
        self.setVisible(False)

    def show_if(self, empty: bool, what_to_do: str) -> None:
        self.setText(self.tr("No data yet – %1").replace("%1", what_to_do) if empty else "")
        self.setVisible(empty)
