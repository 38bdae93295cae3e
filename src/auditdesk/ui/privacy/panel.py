"""The personal-data panel (issue 19): tabs by role. Administrators edit the retention rules
and run the retention; HR and administrators open a person's page. Every action calls a
service, which checks the role again; the panel only leaves out what the role cannot use."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTabWidget

from auditdesk.domain.values import Role
from auditdesk.ui.labels import role_name
from auditdesk.ui.panels import PanelDeps
from auditdesk.ui.privacy.person import PersonTab
from auditdesk.ui.privacy.retention import RetentionTab


class PrivacyPanel(QTabWidget):
    def __init__(self, deps: PanelDeps) -> None:
        super().__init__()
        self.setObjectName("PrivacyPanel")
        actor = deps.context().actor
        self.retention_tab: RetentionTab | None = None
        self.person_tab: PersonTab | None = None
        if actor.role in (Role.HR, Role.ADMIN):
            self.person_tab = PersonTab(deps)
            self.addTab(self.person_tab, self.tr("&Person's data"))
        if actor.role is Role.ADMIN:
            self.retention_tab = RetentionTab(deps)
            self.addTab(self.retention_tab, self.tr("Rete&ntion"))
        if self.count() == 0:
            note = QLabel(
                self.tr(
                    "Personal data (retention, a person's access request) is for HR and "
                    "administrators. Your role ({0}) does not include it."
                ).format(role_name(actor.role.value))
            )
            note.setObjectName("noAccess")
            note.setWordWrap(True)
            note.setAlignment(Qt.AlignmentFlag.AlignTop)
            self.addTab(note, self.tr("Personal data"))
