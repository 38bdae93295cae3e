"""The evidence of an appraisal's period as the window lists it: the employee's audits (channel,
score, verdict) and feedback notes, every value named in the window's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from auditdesk.services.appraisals import EvidenceItem
from auditdesk.ui.labels import channel_name, feedback_kind_name, percent, verdict_name


def evidence_detail(e: EvidenceItem) -> str:
    """An audit: channel, scenario, score and verdict; a note: its kind, text and cited audit."""
    if e.kind == "audit":
        parts = [channel_name(e.channel)] if e.channel else []
        if e.detail:
            parts.append(e.detail)
        if e.score is not None:
            parts.append(percent(e.score, 0))
        if e.verdict or e.verdict_label:
            parts.append(verdict_name(e.verdict, e.verdict_label))
        return ", ".join(parts)
    text = f"{feedback_kind_name(e.note_kind)}: {e.detail}" if e.note_kind else e.detail
    if e.cites_record:
        cited = QCoreApplication.translate("Evidence", "audit %1").replace("%1", e.cites_record)
        text += f" [{cited}]"
    return text
