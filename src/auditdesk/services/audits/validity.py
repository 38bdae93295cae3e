"""Whether a stored audit could have been completed under the editor's rules, for
`auditdesk check`: the same rule functions the editor and the completion apply, run over the
answers as they are stored."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, cast

from auditdesk.domain.errors import ValidationFailed
from auditdesk.domain.forms.checklist import ChecklistForm, ChecklistItem
from auditdesk.domain.scoring import Answer, missing_required
from auditdesk.services.audits.drafts import _validate_value


class _Item:
    """An item of a stored (immutable) form version that remembers its points per value, so
    that checking 100,000 audits asks each item about each distinct value once."""

    def __init__(self, item: ChecklistItem) -> None:
        self._item = item
        self._points: dict[str, float | None] = {}
        self.id = item.id
        self.required = item.required
        self.na_allowed = item.na_allowed
        self.scored = item.scored

    def points_for(self, value: str) -> float | None:
        try:
            return self._points[value]
        except KeyError:
            points = self._points[value] = self._item.points_for(value)
            return points

    def __getattr__(self, name: str) -> Any:
        return getattr(self._item, name)


class CheckedForm:
    """A form version prepared for checking many audits: the rule functions run on it as on the
    form itself, with each item's answers looked up once (versions never change)."""

    def __init__(self, form: ChecklistForm) -> None:
        self._items = [_Item(i) for i in form.items()]
        self._by_id = {i.id: i for i in self._items}
        self._verdicts: dict[tuple[str, str | None, bool], str | None] = {}

    def items(self) -> Iterator[_Item]:
        return iter(self._items)

    def item(self, item_id: str) -> _Item | None:
        return self._by_id.get(item_id)

    def value_problem(self, item_id: str, value: str | None, na: bool) -> str | None:
        """Why the editor would refuse this answer (`drafts._validate_value`), or None."""
        key = (item_id, value, na)
        if key not in self._verdicts:
            try:
                _validate_value(cast(ChecklistForm, self), item_id, value, na)
                self._verdicts[key] = None
            except ValidationFailed as exc:
                self._verdicts[key] = str(exc)
        return self._verdicts[key]


def completion_problems(
    form: ChecklistForm | CheckedForm, answers: Mapping[str, Answer]
) -> list[str]:
    """Every reason the answers could not make a completed audit of `form`: an answer the
    editor would refuse (`drafts._validate_value`: the item is in the form, N/A only where the
    item allows it, a value the item accepts) and a required item left unanswered
    (`scoring.missing_required`, by which the completion refuses). Empty when valid."""
    checked = form if isinstance(form, CheckedForm) else CheckedForm(form)
    problems: list[str] = []
    refused: set[str] = set()
    for item_id, answer in sorted(answers.items()):
        problem = checked.value_problem(item_id, answer.value, answer.na)
        if problem is not None:
            problems.append(problem)
            refused.add(item_id)
    for item_id in missing_required(cast(ChecklistForm, checked), answers):
        if item_id in refused:
            continue  # already named (e.g. N/A where it is not allowed)
        item = checked.item(item_id)
        text = item.text.pl if item is not None else ""
        problems.append(f"required item {item_id!r} ({text}) is unanswered")
    return problems
