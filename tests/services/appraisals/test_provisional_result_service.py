"""The overall result so far (issue 15): while the appraisal is a draft the view carries the
result its ratings make by the sheet's rule, counting only what is rated; the recorded result
replaces it once the conversation is recorded."""

from __future__ import annotations

from datetime import date

import pytest
from test_appraisals_service import Org, boss, build_org

from auditdesk.services import appraisals as svc
from auditdesk.services.context import AppContext

DAY = date(2026, 3, 2)


@pytest.fixture
def org(ctx: AppContext) -> Org:
    return build_org(ctx)


def test_the_result_so_far_follows_the_ratings(ctx: AppContext, org: Org) -> None:
    c = boss(ctx, org)
    a = svc.start_appraisal(c, org.clerk, org.sheet, "periodic", date(2024, 3, 1), DAY, today=DAY)
    svc.set_criteria(c, a, ["cele"])
    chosen = [x.code for x in svc.appraisal_detail(c, a).criteria if x.selected]
    assert svc.appraisal_detail(c, a).provisional is None  # nothing rated yet
    svc.rate(c, a, chosen[0], "powyzej", "")  # a level saved before its justification counts
    p = svc.appraisal_detail(c, a, "en").provisional
    assert p is not None
    assert (p.score, p.level, p.positive, p.rated, p.chosen) == (
        4.0,
        "above expectations",
        True,
        1,
        len(chosen),
    )
    svc.rate(c, a, chosen[1], "znacznie-ponizej", "")  # (4 + 1) / 2 = 2.5: below, negative
    p = svc.appraisal_detail(c, a).provisional
    assert p is not None and (p.score, p.level, p.positive, p.rated) == (
        2.5,
        "poniżej oczekiwań",
        False,
        2,
    )
    svc.rate(c, a, chosen[1], None, "")  # a rating taken back is not counted
    p = svc.appraisal_detail(c, a).provisional
    assert p is not None and (p.score, p.rated) == (4.0, 1)
    for code in chosen:
        svc.rate(c, a, code, "na-poziomie", "Zgodnie z oczekiwaniami")
    before = svc.appraisal_detail(c, a).provisional
    assert before is not None and before.rated == before.chosen == len(chosen)
    svc.record_conversation(c, a, DAY)
    view = svc.appraisal_detail(c, a)
    assert view.provisional is None  # the recorded result is the one that counts
    assert view.overall_score == before.score == 3.0
