"""Scoring rules of mystery-client checklists, one test per rule, plus property tests."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditdesk.domain.errors import FormError
from auditdesk.domain.forms.checklist import ChecklistForm
from auditdesk.domain.forms.loader import load_form, load_form_text
from auditdesk.domain.scoring import Answer, format_percent, needs_action_plan, score
from auditdesk.domain.statistics import Proportion, two_proportion_test, wilson_interval

FORMS = Path(__file__).resolve().parents[3] / "forms" / "mystery-client"

BASE = """
kind: checklist
id: t
title: {pl: Test}
channels: [visit]
action_plan_below: 75
bands:
  - {from: 0, to: 50, verdict: fail, passed: false, label: {pl: Źle}}
  - {from: 50, to: 90, verdict: good, label: {pl: Dobrze}}
  - {from: 90, to: 100, verdict: excellent, label: {pl: Bardzo dobrze}}
sections:
  - id: a
    title: {pl: A}
    items:
      - {id: a1, text: {pl: A1}, type: yesno, max_points: 2}
      - {id: a2, text: {pl: A2}, type: yes_partly_no, max_points: 2, na_allowed: true}
      - {id: a3, text: {pl: A3}, type: yesno, required: false}
  - id: b
    title: {pl: B}
    items:
      - id: b1
        text: {pl: Czas}
        type: number
        bands: [{up_to: 5, points: 2}, {up_to: 10, points: 1}, {points: 0}]
      - {id: b2, text: {pl: B2}, type: scale, scale_min: 1, scale_max: 5}
      - {id: b3, text: {pl: B3}, type: text, required: false}
      - {id: b4, text: {pl: B4}, type: yesno, integrity: true}
      - {id: b5, text: {pl: B5}, type: yesno, weight: 2}
"""


def form(text: str = BASE) -> ChecklistForm:
    definition = load_form_text(text).definition
    assert isinstance(definition, ChecklistForm)
    return definition


def with_item(extra: str, section: int = 0) -> ChecklistForm:
    lines = BASE.rstrip("\n").split("\n")
    marker = "    items:"
    idx = [i for i, line in enumerate(lines) if line == marker][section]
    lines.insert(idx + 1, "      " + extra)
    return form("\n".join(lines))


def A(value: str | None = None, na: bool = False) -> Answer:
    return Answer(value, na)


FULL = {
    "a1": A("yes"),
    "a2": A("yes"),
    "a3": A("yes"),
    "b1": A("3"),
    "b2": A("5"),
    "b3": A("ok"),
    "b4": A("no"),
    "b5": A("yes"),
}


def test_all_best_answers_score_100() -> None:
    r = score(form(), FULL)
    assert r.percent == 100.0
    assert r.verdict == "excellent"
    assert r.earned == r.possible == 2 + 2 + 1 + 2 + 4 + 2


def test_score_is_sum_of_points_not_mean_of_sections() -> None:
    answers = dict(FULL, a1=A("no"), a2=A("no"), a3=A("no"))  # section a: 0 of 5
    r = score(form(), answers)
    assert r.section("a").percent == 0  # type: ignore[union-attr]
    assert r.section("b").percent == 100  # type: ignore[union-attr]
    assert r.percent == pytest.approx(100 * 8 / 13)  # not (0 + 100) / 2


def test_na_leaves_numerator_and_denominator() -> None:
    answers = dict(FULL, a1=A("no"), a2=A(na=True))
    r = score(form(), answers)
    assert r.possible == 13 - 2
    assert r.earned == 13 - 2 - 2
    assert r.items["a2"].applicable is False


def test_unanswered_optional_item_does_not_count_against() -> None:
    answers = {k: v for k, v in FULL.items() if k != "a3"}
    r = score(form(), answers)
    assert r.percent == 100.0
    assert r.missing_required == []


def test_unanswered_required_item_is_reported() -> None:
    answers = {k: v for k, v in FULL.items() if k not in ("a1", "b2")}
    assert score(form(), answers).missing_required == ["a1", "b2"]


def test_na_on_item_that_does_not_allow_it_is_not_an_answer() -> None:
    answers = dict(FULL, a1=A(na=True))
    assert score(form(), answers).missing_required == ["a1"]


def test_yes_partly_no_gives_half_for_partly() -> None:
    r = score(form(), dict(FULL, a2=A("partly")))
    assert r.items["a2"].earned == 1.0
    assert r.items["a2"].met is False


def test_number_bands() -> None:
    f = form()
    assert [score(f, dict(FULL, b1=A(v))).items["b1"].earned for v in ("5", "5,5", "10", "11")] == [
        2,
        1,
        1,
        0,
    ]


def test_scale_points_are_steps_above_minimum() -> None:
    r = score(form(), dict(FULL, b2=A("2")))
    assert (r.items["b2"].earned, r.items["b2"].possible) == (1, 4)


def test_weight_multiplies_points() -> None:
    r = score(form(), dict(FULL, b5=A("yes")))
    assert (r.items["b5"].earned, r.items["b5"].possible) == (2, 2)


def test_free_text_and_integrity_items_are_never_scored() -> None:
    a = score(form(), dict(FULL, b4=A("yes"), b3=A("x")))
    b = score(form(), dict(FULL, b4=A("no"), b3=A("")))
    assert a.percent == b.percent == 100.0
    assert a.items["b4"].applicable is False


def test_invalid_value_counts_as_unanswered() -> None:
    r = score(form(), dict(FULL, a1=A("maybe")))
    assert r.items["a1"].applicable is False
    assert "a1" in r.missing_required


def test_bands_give_verdict() -> None:
    f = form()
    assert f.band_for(0).verdict == "fail"
    assert f.band_for(49.999).verdict == "fail"
    assert f.band_for(50).verdict == "good"
    assert f.band_for(100).verdict == "excellent"


def test_critical_fail_keeps_score_but_fails_verdict() -> None:
    f = with_item("- {id: c1, text: {pl: K}, type: yesno, critical: fail}")
    r = score(f, dict(FULL, c1=A("no")))
    assert r.critical_failure and r.critical_items == ["c1"]
    assert r.verdict == "fail" and not r.passed
    assert r.percent == pytest.approx(100 * 13 / 14)


def test_critical_zero_section_wipes_only_its_section() -> None:
    f = with_item("- {id: c1, text: {pl: K}, type: yesno, critical: zero_section}")
    r = score(f, dict(FULL, c1=A("no")))
    assert r.section("a").earned == 0 and r.section("a").zeroed  # type: ignore[union-attr]
    assert r.section("b").earned == 8  # type: ignore[union-attr]
    assert r.percent == pytest.approx(100 * 8 / 14)
    assert r.verdict == "fail"


def test_critical_zero_audit_wipes_everything() -> None:
    f = with_item("- {id: c1, text: {pl: K}, type: yesno, critical: zero_audit}", section=1)
    r = score(f, dict(FULL, c1=A("no")))
    assert r.percent == 0.0 and r.verdict == "fail"


def test_critical_item_passed_or_na_is_no_failure() -> None:
    f = with_item("- {id: c1, text: {pl: K}, type: yesno, critical: fail, na_allowed: true}")
    assert not score(f, dict(FULL, c1=A("yes"))).critical_failure
    assert not score(f, dict(FULL, c1=A(na=True))).critical_failure


def test_nothing_applicable_gives_no_percent() -> None:
    r = score(form(), {k: A(na=True) for k in FULL})
    assert r.percent is None


def test_action_plan_threshold() -> None:
    f = form()
    assert not needs_action_plan(f, score(f, FULL))
    low = score(f, dict(FULL, b5=A("no"), a1=A("no")))  # 9/13 = 69 %
    assert needs_action_plan(f, low)


def test_exact_value_kept_rounding_only_for_display() -> None:
    r = score(form(), dict(FULL, b2=A("3")))  # 11/13
    assert r.percent == 100 * 11 / 13
    assert format_percent(r.percent) == "84,6 %"


BAND_A = "{from: 0, to: %d, verdict: a, label: {pl: A}}"
BAND_B = "{from: %d, to: 100, verdict: b, label: {pl: B}}"


BAND_A = "{from: 0, to: %d, verdict: a, label: {pl: A}}"
BAND_B = "{from: %d, to: 100, verdict: b, label: {pl: B}}"


@pytest.mark.parametrize(
    ("bands", "message"),
    [
        (
            f"[{BAND_A % 50}, {BAND_B % 60}]",
            "gap",
        ),
        (
            f"[{BAND_A % 60}, {BAND_B % 50}]",
            "overlap",
        ),
        ("[{from: 0, to: 90, verdict: a, label: {pl: A}}]", "end at 100"),
        ("[{from: 10, to: 100, verdict: a, label: {pl: A}}]", "start at 0"),
    ],
)
def test_bands_must_cover_0_to_100_without_gap_or_overlap(bands: str, message: str) -> None:
    text = BASE.replace(BASE[BASE.index("bands:") : BASE.index("sections:")], f"bands: {bands}\n")
    with pytest.raises(FormError, match=message):
        load_form_text(text)


def test_form_errors_name_the_line() -> None:
    text = BASE.replace("type: scale, scale_min: 1", "type: scale, scale_min: 9")
    with pytest.raises(FormError) as err:
        load_form_text(text, "x.yaml")
    assert "x.yaml" in str(err.value) and "line 25" in str(err.value)
    assert "scale_min must be below scale_max" in str(err.value)


def test_number_item_needs_open_last_band() -> None:
    text = BASE.replace("{up_to: 10, points: 1}, {points: 0}]", "{up_to: 10, points: 1}]")
    with pytest.raises(FormError, match="last band"):
        load_form_text(text)


def test_text_item_cannot_be_critical() -> None:
    with pytest.raises(FormError, match="cannot be critical"):
        with_item("- {id: c1, text: {pl: K}, type: text, critical: fail}")


def test_duplicate_item_ids_refused() -> None:
    with pytest.raises(FormError, match="duplicate item id"):
        with_item("- {id: a1, text: {pl: K}, type: yesno}")


def test_shipped_forms_load_and_visit_has_25_items_in_four_areas() -> None:
    for path in sorted(FORMS.glob("*.yaml")):
        assert isinstance(load_form(path).definition, ChecklistForm)
    visit = load_form(FORMS / "wizyta.yaml").definition
    assert isinstance(visit, ChecklistForm)
    areas = [s for s in visit.sections if s.id != "rzetelnosc"]
    assert len(areas) == 4
    assert sum(len(s.items) for s in areas) >= 25


# --- properties -------------------------------------------------------------------------------

ANSWER_VALUES = {
    "a1": ["yes", "no"],
    "a2": ["yes", "partly", "no"],
    "a3": ["yes", "no"],
    "b1": ["0", "4", "7", "30"],
    "b2": ["1", "2", "3", "4", "5"],
    "b5": ["yes", "no"],
}


@st.composite
def answer_sets(draw: st.DrawFn) -> dict[str, Answer]:
    out: dict[str, Answer] = {}
    for item, values in ANSWER_VALUES.items():
        kind = draw(st.sampled_from(["value", "na", "none"]))
        if kind == "value":
            out[item] = A(draw(st.sampled_from(values)))
        elif kind == "na":
            out[item] = A(na=True)
    return out


@given(answer_sets())
@settings(max_examples=200, deadline=None)
def test_score_stays_within_0_and_100(answers: dict[str, Answer]) -> None:
    r = score(form(), answers)
    assert r.percent is None or 0 <= r.percent <= 100
    assert 0 <= r.earned <= r.possible


@given(answer_sets(), st.sampled_from(sorted(ANSWER_VALUES)))
@settings(max_examples=200, deadline=None)
def test_na_never_changes_other_items_contribution(answers: dict[str, Answer], item: str) -> None:
    before = score(form(), answers)
    after = score(form(), dict(answers, **{item: A(na=True)}))
    for other in ANSWER_VALUES:
        if other != item:
            assert before.items[other] == after.items[other]
    gone = before.items[item]
    assert after.earned == pytest.approx(before.earned - gone.earned)
    assert after.possible == pytest.approx(before.possible - gone.possible)


@given(st.sampled_from(["yes", "no"]), answer_sets())
@settings(max_examples=100, deadline=None)
def test_weight_two_equals_item_counted_twice(value: str, answers: dict[str, Answer]) -> None:
    weighted = with_item("- {id: w, text: {pl: W}, type: yesno, weight: 2}")
    twice = with_item(
        "- {id: w, text: {pl: W}, type: yesno}\n      - {id: w2, text: {pl: W}, type: yesno}"
    )
    r1 = score(weighted, dict(answers, w=A(value)))
    r2 = score(twice, dict(answers, w=A(value), w2=A(value)))
    assert r1.earned == r2.earned and r1.possible == r2.possible
    assert r1.percent == r2.percent


# --- statistics -------------------------------------------------------------------------------


def test_wilson_interval_known_values() -> None:
    lo, hi = wilson_interval(44, 48)  # type: ignore[misc]
    assert (round(lo, 4), round(hi, 4)) == (0.8045, 0.9671)
    # the defining property: each bound p0 lies z standard errors (at p0) from the estimate
    for p0 in (lo, hi):
        assert abs(44 / 48 - p0) == pytest.approx(1.959964 * math.sqrt(p0 * (1 - p0) / 48))
    assert wilson_interval(0, 0) is None
    lo, hi = wilson_interval(3, 3)  # type: ignore[misc]
    assert hi == 1.0 and lo < 0.5  # three visits tell little


@given(st.integers(1, 500).flatmap(lambda n: st.tuples(st.integers(0, n), st.just(n))))
def test_wilson_contains_the_estimate(pair: tuple[int, int]) -> None:
    k, n = pair
    lo, hi = wilson_interval(k, n)  # type: ignore[misc]
    assert 0 <= lo <= k / n <= hi <= 1


def test_two_proportion_test() -> None:
    big = two_proportion_test(Proportion(90, 100), Proportion(70, 100))
    assert big is not None and big.significant and big.p_value < 0.001
    small = two_proportion_test(Proportion(3, 3), Proportion(1, 3))
    assert small is not None and not small.significant
    same = two_proportion_test(Proportion(50, 100), Proportion(50, 100))
    assert same is not None and not same.significant and math.isclose(same.p_value, 1.0)
    assert two_proportion_test(Proportion(0, 0), Proportion(1, 2)) is None


def test_split_months_into_partial_and_whole() -> None:
    from datetime import date

    from auditdesk.services.audits.results import split_months

    d = date
    assert split_months(d(2026, 1, 1), d(2026, 12, 31)) == [(d(2026, 1, 1), d(2026, 12, 31), True)]
    assert split_months(d(2026, 1, 15), d(2026, 3, 10)) == [
        (d(2026, 1, 15), d(2026, 1, 31), False),
        (d(2026, 2, 1), d(2026, 2, 28), True),
        (d(2026, 3, 1), d(2026, 3, 10), False),
    ]
    assert split_months(d(2026, 2, 3), d(2026, 2, 20)) == [(d(2026, 2, 3), d(2026, 2, 20), False)]
    assert split_months(d(2026, 1, 31), d(2026, 2, 1)) == [(d(2026, 1, 31), d(2026, 2, 1), False)]
    assert split_months(d(2026, 2, 1), d(2024, 2, 29)) == []
