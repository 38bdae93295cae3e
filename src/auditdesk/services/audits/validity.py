"""Whether a stored audit could have been completed under the editor's rules, for
`auditdesk check`: the same rule functions the editor and the completion apply, run over the
answers as they are stored."""

from __future__ import annotations

from collections.abc import Mapping

from auditdesk.domain.errors import ValidationFailed
from auditdesk.domain.forms.checklist import ChecklistForm
from auditdesk.domain.scoring import Answer, missing_required
from auditdesk.services.audits.drafts import _validate_value


def completion_problems(form: ChecklistForm, answers: Mapping[str, Answer]) -> list[str]:
    """Every reason the answers could not make a completed audit of `form`: an answer the
    editor would refuse (`drafts._validate_value`: the item is in the form, N/A only where the
    item allows it, a value the item accepts) and a required item left unanswered
    (`scoring.missing_required`, by which the completion refuses). Empty when valid."""
    problems: list[str] = []
    refused: set[str] = set()
    for item_id, answer in sorted(answers.items()):
        try:
            _validate_value(form, item_id, answer.value, answer.na)
        except ValidationFailed as exc:
            problems.append(str(exc))
            refused.add(item_id)
    for item_id in missing_required(form, answers):
        if item_id in refused:
            continue  # already named (e.g. N/A where it is not allowed)
        item = form.item(item_id)
        text = item.text.pl if item is not None else ""
        problems.append(f"required item {item_id!r} ({text}) is unanswered")
    return problems
