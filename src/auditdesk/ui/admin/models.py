"""Table models of the administration panel, fed plain rows through set_rows()."""

from __future__ import annotations

from datetime import UTC

from PySide6.QtCore import QCoreApplication

from auditdesk.services.admin.backups import BackupInfo
from auditdesk.services.admin.trail_view import TrailRow
from auditdesk.services.admin.users import UserRow
from auditdesk.ui.labels import role_name, trail_action_name, trail_actor_name, trail_entity_name
from auditdesk.ui.rows_model import ColumnsModel


def users_model() -> ColumnsModel[UserRow]:
    return ColumnsModel[UserRow](
        [
            (QCoreApplication.translate("AdminModels", "Login"), lambda u: u.login),
            (QCoreApplication.translate("AdminModels", "Name"), lambda u: u.display_name),
            (QCoreApplication.translate("AdminModels", "Role"), lambda u: role_name(u.role.value)),
            (
                QCoreApplication.translate("AdminModels", "Active"),
                lambda u: (
                    QCoreApplication.translate("AdminModels", "yes")
                    if u.active
                    else QCoreApplication.translate("AdminModels", "no")
                ),
            ),
            (
                QCoreApplication.translate("AdminModels", "Password"),
                lambda u: (
                    QCoreApplication.translate("AdminModels", "set")
                    if u.has_password
                    else QCoreApplication.translate("AdminModels", "not set")
                ),
            ),
            (QCoreApplication.translate("AdminModels", "Employee"), lambda u: u.employee_name),
        ]
    )


def _local(row: TrailRow) -> str:
    return row.at.replace(tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M:%S")


def trail_model() -> ColumnsModel[TrailRow]:
    return ColumnsModel[TrailRow](
        [
            ("#", lambda r: r.id),
            (QCoreApplication.translate("AdminModels", "When"), _local),
            (QCoreApplication.translate("AdminModels", "Who"), lambda r: trail_actor_name(r.actor)),
            (
                QCoreApplication.translate("AdminModels", "Action"),
                lambda r: trail_action_name(r.action),
            ),
            (
                QCoreApplication.translate("AdminModels", "Record"),
                lambda r: trail_entity_name(r.entity),
            ),
            (QCoreApplication.translate("AdminModels", "Id"), lambda r: r.entity_id),
        ]
    )


def backups_model() -> ColumnsModel[BackupInfo]:
    kinds = {
        "auto": QCoreApplication.translate("AdminModels", "automatic"),
        "manual": QCoreApplication.translate("AdminModels", "manual"),
        "before-restore": QCoreApplication.translate("AdminModels", "before a restore"),
        "before-migration": QCoreApplication.translate("AdminModels", "before an update"),
    }
    return ColumnsModel[BackupInfo](
        [
            (
                QCoreApplication.translate("AdminModels", "Made"),
                lambda b: b.created.strftime("%Y-%m-%d %H:%M:%S"),
            ),
            (
                QCoreApplication.translate("AdminModels", "Kind"),
                lambda b: kinds.get(b.kind, b.kind),
            ),
            (
                QCoreApplication.translate("AdminModels", "Size"),
                lambda b: f"{max(1, b.size // 1024)} KiB",
            ),
            (QCoreApplication.translate("AdminModels", "File"), lambda b: b.path.name),
        ]
    )
