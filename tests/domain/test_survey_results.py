"""Survey rules: what an answer may be, and results from counts (shares, means, indexes)."""

from __future__ import annotations

import pytest

from auditdesk.domain.errors import ValidationFailed
from auditdesk.domain.forms.survey import SurveyForm
from auditdesk.domain.survey_results import (
    check_response,
    compare_results,
    compute_results,
    parse_answer,
)

FORM = SurveyForm.model_validate(
    {
        "kind": "survey",
        "id": "t",
        "title": {"pl": "T"},
        "blocks": [
            {
                "id": "a",
                "title": {"pl": "A"},
                "questions": [
                    {"id": "s1", "text": {"pl": "S1"}, "type": "scale", "required": True},
                    {"id": "s2", "text": {"pl": "S2"}, "type": "scale"},
                    {"id": "g", "text": {"pl": "G"}, "type": "agree4"},
                ],
            },
            {
                "id": "b",
                "title": {"pl": "B"},
                "questions": [
                    {"id": "t", "text": {"pl": "T"}, "type": "text"},
                    {
                        "id": "c",
                        "text": {"pl": "C"},
                        "type": "choice",
                        "options": [
                            {"value": "x", "label": {"pl": "Iks", "en": "Ex"}},
                            {"value": "y", "label": {"pl": "Igrek"}},
                        ],
                    },
                ],
            },
            {
                "id": "p",
                "title": {"pl": "Metryczka"},
                "profile": True,
                "questions": [{"id": "ps", "text": {"pl": "PS"}, "type": "scale"}],
            },
        ],
    }
)


def q(qid: str):  # type: ignore[no-untyped-def]
    return next(x for b in FORM.blocks for x in b.questions if x.id == qid)


@pytest.mark.parametrize(
    ("qid", "raw", "stored"),
    [
        ("s1", "4", "4"),
        ("s1", 5, "5"),
        ("s1", 3.0, "3"),  # a number cell of a spreadsheet
        ("s1", " 1 ", "1"),
        ("s1", "", None),
        ("s1", None, None),
        ("g", "tak", "tak"),
        ("g", "Raczej tak", "raczej_tak"),
        ("g", "RACZEJ NIE", "raczej_nie"),
        ("g", "raczej_nie", "raczej_nie"),
        ("g", "4", "nie"),  # its number on the form
        ("g", "rather yes", "raczej_tak"),
        ("c", "Igrek", "y"),
        ("c", "ex", "x"),
        ("c", "2", "y"),
        ("t", "  Kolejka za długa ", "Kolejka za długa"),
    ],
)
def test_parse_answer_accepts(qid: str, raw: object, stored: str | None) -> None:
    assert parse_answer(q(qid), raw) == stored


@pytest.mark.parametrize(
    ("qid", "raw", "words"),
    [
        ("s1", "0", "from 1 to 5"),
        ("s1", "6", "from 1 to 5"),
        ("s1", "4,5", "whole number"),
        ("s1", "może być", "whole number"),  # "dobrze" is 4 on a Likert scale (issue 13)
        ("g", "może", "tak, raczej_tak, raczej_nie, nie"),
        ("g", "5", "one of the answers"),
        ("c", "z", "x, y"),
    ],
)
def test_parse_answer_refuses(qid: str, raw: object, words: str) -> None:
    with pytest.raises(ValidationFailed) as caught:
        parse_answer(q(qid), raw)
    assert words in str(caught.value)


def test_check_response_names_every_missing_required_and_unknown() -> None:
    assert check_response(FORM, {"s1": "5", "s2": "", "g": None}) == {"s1": "5"}
    with pytest.raises(ValidationFailed, match=r"required question.*s1"):
        check_response(FORM, {"s2": "3"})
    with pytest.raises(ValidationFailed, match=r"no question.*zz"):
        check_response(FORM, {"s1": "3", "zz": "1"})
    with pytest.raises(ValidationFailed, match=r"question s2: the answer .9. is not allowed"):
        check_response(FORM, {"s1": "3", "s2": "9"})


def test_results_from_counts() -> None:
    res = compute_results(
        FORM,
        {
            "s1": {"5": 2, "4": 1, "1": 1},  # mean 3.75, top-2-box 3/4
            "s2": {"3": 2},  # unanswered by two of four: n = 2
            "g": {"tak": 1, "raczej_tak": 1, "nie": 2},
            "c": {"x": 3},
            "ps": {"1": 4},
        },
        {"t": ["Kolejka", "Ok"]},
        responses=4,
    )
    s1 = res.question("s1")
    assert (s1.n, s1.mean, s1.distribution) == (4, 3.75, {"1": 1, "2": 0, "3": 0, "4": 1, "5": 2})
    assert s1.positive is not None and (s1.positive.successes, s1.positive.n) == (3, 4)
    assert s1.index == pytest.approx(68.75)
    s2 = res.question("s2")
    assert (s2.n, s2.mean, s2.index) == (2, 3.0, 50.0)  # blanks count nowhere
    g = res.question("g")
    assert g.positive is not None and (g.positive.successes, g.positive.n) == (2, 4)
    assert g.index == pytest.approx((100 + 200 / 3) / 4)
    assert res.question("c").distribution == {"x": 3, "y": 0}
    assert not res.question("c").scored and res.question("c").index is None
    assert res.question("t").texts == ["Kolejka", "Ok"]
    # the profile is never scored, whatever its answers
    assert res.question("ps").index is None and not res.question("ps").scored
    block_a = res.blocks[0]
    assert block_a.index == pytest.approx((68.75 + 50 + g.index) / 3)
    assert res.index == pytest.approx(block_a.index)  # block b has no scored question
    assert res.blocks[1].index is None and res.blocks[2].index is None
    interval = s1.positive.wilson()
    assert interval is not None and interval[0] < 0.75 < interval[1]


def test_no_answers_gives_no_index_rather_than_zero() -> None:
    res = compute_results(FORM, {}, {}, responses=0)
    assert res.index is None
    assert res.question("s1").mean is None and res.question("s1").n == 0


def test_comparison_marks_only_a_significant_difference() -> None:
    def res(pos: int, neg: int):  # type: ignore[no-untyped-def]
        return compute_results(FORM, {"s1": {"5": pos, "2": neg}}, {}, pos + neg)

    big = compare_results(res(160, 40), res(100, 100))
    s1 = next(c for c in big if c.question_id == "s1")
    assert s1.significant and s1.test is not None and s1.test.difference == pytest.approx(0.3)
    small = compare_results(res(4, 1), res(2, 3))  # too few to tell
    assert not next(c for c in small if c.question_id == "s1").significant
    same = compare_results(res(50, 50), res(52, 48))
    assert not next(c for c in same if c.question_id == "s1").significant
    # a question without answers in one period cannot be compared
    assert next(c for c in big if c.question_id == "s2").test is None
