"""Satisfaction-survey rules: what an answer may be, and the results of a set of responses.

Results are computed from counts (question → answer value → how many), which the store
aggregates in SQL, so a campaign of thousands of responses never travels row by row.

- scale (1–5 by default): n, mean, distribution, and the share of positive answers: the values
  strictly above the scale's midpoint, at most the two best (`positive_values`): 4–5 on 1–5,
  3–4 on 1–4, only 3 on 1–3 (the midpoint 2 is neutral, not positive), 6–7 on 1–7, 9–10 on 0–10.
- agree4 (tak / raczej tak / raczej nie / nie): distribution, share of tak + raczej tak.
- choice: counts per option; text: the list of answers.
- Shares carry a Wilson 95 % interval (domain.statistics).
- The satisfaction index maps each scored question's mean to 0–100 (scale: min → 0, max → 100;
  agree4: tak 100, raczej tak 66.7, raczej nie 33.3, nie 0); a block's index is the mean of its
  questions' indexes, the overall index the mean over every scored question. Choice and text
  questions and the respondent-profile block are never scored. An unanswered question has no
  answer at all: it counts neither in n nor in any mean or share.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from auditdesk.domain.errors import ValidationFailed
from auditdesk.domain.forms.survey import SurveyForm, SurveyQuestion
from auditdesk.domain.importing import normalise_header
from auditdesk.domain.statistics import Comparison, Proportion, two_proportion_test

AGREE4: tuple[str, ...] = ("tak", "raczej_tak", "raczej_nie", "nie")
AGREE4_LABELS: dict[str, tuple[str, str]] = {  # value -> (Polish, English)
    "tak": ("tak", "yes"),
    "raczej_tak": ("raczej tak", "rather yes"),
    "raczej_nie": ("raczej nie", "rather no"),
    "nie": ("nie", "no"),
}
AGREE4_POSITIVE = frozenset({"tak", "raczej_tak"})
AGREE4_INDEX: dict[str, float] = {
    "tak": 100.0,
    "raczej_tak": 200 / 3,
    "raczej_nie": 100 / 3,
    "nie": 0.0,
}
SOURCES: tuple[str, ...] = ("paper", "kiosk", "import")


def positive_values(scale_min: int, scale_max: int) -> frozenset[str]:
    """The answers of a scale counted as positive: above the midpoint, at most the top two (a
    "top-2-box" that never takes in the neutral middle of a short scale)."""
    midpoint = (scale_min + scale_max) / 2
    return frozenset(str(v) for v in (scale_max - 1, scale_max) if v > midpoint)


def scored(question: SurveyQuestion, profile: bool) -> bool:
    return not profile and question.type in ("scale", "agree4")


def allowed_values(question: SurveyQuestion) -> list[str]:
    """The stored values a question accepts, in the order of the paper form (empty: free text)."""
    if question.type == "scale":
        return [str(v) for v in range(question.scale_min, question.scale_max + 1)]
    if question.type == "agree4":
        return list(AGREE4)
    if question.type == "choice":
        return [o.value for o in question.options]
    return []


def _fold(text: str) -> str:
    """An answer as compared: case, diacritics, dashes (- – —), underscores and spaces
    normalised ('46-65 lat' is '46–65 lat', 'Źle' is 'zle')."""
    return normalise_header(text.replace("_", " "))


# Polish five-point Likert labels on a 1–5 scale, as survey tools write them (issue 13)
LIKERT5: dict[str, int] = {
    _fold(label): value
    for value, labels in {
        1: (
            "zdecydowanie nie",
            "bardzo źle",
            "bardzo niezadowolony",
            "bardzo niezadowolona",
            "zdecydowanie się nie zgadzam",
            "bardzo nisko",
            "bardzo słabo",
        ),
        2: (
            "raczej nie",
            "źle",
            "niezadowolony",
            "niezadowolona",
            "raczej się nie zgadzam",
            "nisko",
            "słabo",
        ),
        3: (
            "ani tak, ani nie",
            "trudno powiedzieć",
            "przeciętnie",
            "średnio",
            "ani dobrze, ani źle",
            "ani zadowolony, ani niezadowolony",
            "ani się zgadzam, ani nie zgadzam",
        ),
        4: ("raczej tak", "dobrze", "zadowolony", "zadowolona", "raczej się zgadzam", "wysoko"),
        5: (
            "zdecydowanie tak",
            "bardzo dobrze",
            "bardzo zadowolony",
            "bardzo zadowolona",
            "zdecydowanie się zgadzam",
            "bardzo wysoko",
        ),
    }.items()
    for label in labels
}
# the same labels on the four-point tak / raczej tak / raczej nie / nie scale
LIKERT_AGREE4: dict[str, str] = {
    _fold("zdecydowanie tak"): "tak",
    _fold("zdecydowanie nie"): "nie",
    _fold("raczej się zgadzam"): "raczej_tak",
    _fold("raczej się nie zgadzam"): "raczej_nie",
    _fold("zdecydowanie się zgadzam"): "tak",
    _fold("zdecydowanie się nie zgadzam"): "nie",
}
_CODE = re.compile(r"^a0*(\d{1,3})$")  # LimeSurvey's default answer codes: A1, A2, … (folded)
_LEADING = re.compile(r"^(\d{1,2})\s*(?:[-–—.:)(/]|$)\s*\D*$")  # '5 – bardzo dobrze', '5 (…)'


def _scale_number(question: SurveyQuestion, text: str) -> int | None:
    """A scale answer written other than as its number: '5 – bardzo dobrze', a LimeSurvey code
    'A5' (the n-th value), a Polish Likert label on a 1–5 scale."""
    lead = _LEADING.match(text.strip())
    if lead:
        return int(lead.group(1))
    folded = _fold(text)
    code = _CODE.match(folded.replace(" ", ""))
    if code:
        return question.scale_min + int(code.group(1)) - 1
    if (question.scale_min, question.scale_max) == (1, 5):
        return LIKERT5.get(folded)
    return None


def parse_answer(question: SurveyQuestion, raw: object) -> str | None:
    """The stored value of one answer as typed or read from a file; None when left empty.
    Accepts the stored value, a label (Polish or English, any case) and for agree4/choice the
    option's number on the form (1 = first). Raises ValidationFailed saying what is wrong."""
    if raw is None:
        return None
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    text = str(raw).strip()
    if not text:
        return None
    if question.type == "text":
        if len(text) > 2000:
            raise ValidationFailed(
                "an answer to {question} is longer than 2000 characters", question=question.id
            )
        return text
    if question.type == "scale":
        try:
            number: int | None = int(text)
        except ValueError:
            number = _scale_number(question, text)
        if number is None or not question.scale_min <= number <= question.scale_max:
            raise ValidationFailed(
                "{value!r} is not a whole number from {low} to {high}",
                value=text,
                low=question.scale_min,
                high=question.scale_max,
            )
        return str(number)
    values = allowed_values(question)
    labels: dict[str, str] = {}
    for n, value in enumerate(values, start=1):
        labels[_fold(value)] = value
        labels[str(n)] = value
        if question.type == "agree4":
            pl, en = AGREE4_LABELS[value]
            labels[_fold(pl)] = value
            labels[_fold(en)] = value
    for option in question.options:
        labels[_fold(option.label.pl)] = option.value
        if option.label.en:
            labels[_fold(option.label.en)] = option.value
    folded = _fold(text)
    found = labels.get(folded)
    if found is None and question.type == "agree4":
        found = LIKERT_AGREE4.get(folded)
    code = _CODE.match(folded.replace(" ", ""))
    if found is None and code and 1 <= int(code.group(1)) <= len(values):
        found = values[int(code.group(1)) - 1]
    if found is None:
        raise ValidationFailed(
            "{value!r} is not one of the answers: {allowed}",
            value=text,
            allowed=", ".join(values),
        )
    return found


def questions(form: SurveyForm) -> list[tuple[SurveyQuestion, bool]]:
    """Every question of the form in order, with whether its block is the respondent profile."""
    return [(q, block.profile) for block in form.blocks for q in block.questions]


def check_response(form: SurveyForm, raw: Mapping[str, object]) -> dict[str, str]:
    """The stored answers of one questionnaire (unanswered questions left out). Raises
    ValidationFailed for an unknown question, a value out of range or a required question
    left unanswered (naming every one of those)."""
    by_id = {q.id: q for q, _profile in questions(form)}
    unknown = sorted(set(raw) - set(by_id))
    if unknown:
        raise ValidationFailed(
            "the form {form} has no question(s) {questions}",
            form=form.id,
            questions=", ".join(unknown),
        )
    answers: dict[str, str] = {}
    for qid, value in raw.items():
        try:
            parsed = parse_answer(by_id[qid], value)
        except ValidationFailed as exc:
            raise ValidationFailed(
                "question {question}: the answer {value!r} is not allowed ({allowed})",
                question=qid,
                value=str(value),
                allowed=", ".join(allowed_values(by_id[qid])),
            ) from exc
        if parsed is not None:
            answers[qid] = parsed
    missing = [q.id for q, _p in questions(form) if q.required and q.id not in answers]
    if missing:
        raise ValidationFailed(
            "required question(s) not answered: {questions}", questions=", ".join(missing)
        )
    return answers


@dataclass(frozen=True)
class QuestionResult:
    question: SurveyQuestion
    block_id: str
    scored: bool
    n: int
    distribution: dict[str, int]  # every allowed value, in form order (choice: the counts)
    mean: float | None = None  # scale only
    positive: Proportion | None = None  # scale: positive_values; agree4: tak + raczej tak
    index: float | None = None  # 0–100, scored questions only
    texts: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class BlockResult:
    block_id: str
    title: str  # Polish, as the form (and the questionnaire on paper) has it
    profile: bool
    index: float | None
    questions: list[QuestionResult]
    title_en: str = ""  # the form's English title, if it gives one

    def title_in(self, language: str) -> str:
        """The block's title in `language` ("en" falls back to the Polish one)."""
        return self.title_en if language == "en" and self.title_en else self.title


@dataclass(frozen=True)
class SurveyResults:
    responses: int
    index: float | None
    blocks: list[BlockResult]

    def question(self, qid: str) -> QuestionResult:
        for block in self.blocks:
            for q in block.questions:
                if q.question.id == qid:
                    return q
        raise KeyError(qid)

    @property
    def all_questions(self) -> list[QuestionResult]:
        return [q for b in self.blocks for q in b.questions]


def _mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def question_result(
    question: SurveyQuestion,
    block_id: str,
    profile: bool,
    counts: Mapping[str, int],
    texts: Sequence[str] = (),
) -> QuestionResult:
    is_scored = scored(question, profile)
    if question.type == "text":
        return QuestionResult(question, block_id, False, len(texts), {}, texts=list(texts))
    values = allowed_values(question)
    distribution = {v: int(counts.get(v, 0)) for v in values}
    n = sum(distribution.values())
    if question.type == "scale":
        total = sum(int(v) * c for v, c in distribution.items())
        mean = total / n if n else None
        top2 = positive_values(question.scale_min, question.scale_max)
        positive = Proportion(sum(c for v, c in distribution.items() if v in top2), n)
        span = question.scale_max - question.scale_min
        index = None if mean is None else 100.0 * (mean - question.scale_min) / span
        return QuestionResult(
            question,
            block_id,
            is_scored,
            n,
            distribution,
            mean=mean,
            positive=positive,
            index=index if is_scored else None,
        )
    if question.type == "agree4":
        positive = Proportion(sum(distribution[v] for v in AGREE4_POSITIVE), n)
        index = sum(AGREE4_INDEX[v] * c for v, c in distribution.items()) / n if n else None
        return QuestionResult(
            question,
            block_id,
            is_scored,
            n,
            distribution,
            positive=positive,
            index=index if is_scored else None,
        )
    return QuestionResult(question, block_id, False, n, distribution)


def compute_results(
    form: SurveyForm,
    counts: Mapping[str, Mapping[str, int]],
    texts: Mapping[str, Sequence[str]],
    responses: int,
) -> SurveyResults:
    """Results of `responses` questionnaires from the counts of each question's answers."""
    blocks: list[BlockResult] = []
    indexes: list[float] = []
    for block in form.blocks:
        results = [
            question_result(q, block.id, block.profile, counts.get(q.id, {}), texts.get(q.id, ()))
            for q in block.questions
        ]
        block_indexes = [r.index for r in results if r.scored and r.index is not None]
        indexes += block_indexes
        blocks.append(
            BlockResult(
                block.id,
                block.title.pl,
                block.profile,
                _mean(block_indexes),
                results,
                block.title.en or "",
            )
        )
    return SurveyResults(responses, _mean(indexes), blocks)


@dataclass(frozen=True)
class QuestionComparison:
    question_id: str
    a: QuestionResult
    b: QuestionResult
    test: Comparison | None  # None when a share cannot be compared (no answers, not a share)

    @property
    def significant(self) -> bool:
        return self.test is not None and self.test.significant


def compare_results(a: SurveyResults, b: SurveyResults) -> list[QuestionComparison]:
    """Question by question, the positive share of period A against period B; a difference is
    marked significant only when the two-proportion test says so (small samples never are)."""
    out = []
    for qa in a.all_questions:
        qb = b.question(qa.question.id)
        test = None
        if qa.positive is not None and qb.positive is not None:
            test = two_proportion_test(qa.positive, qb.positive)
        out.append(QuestionComparison(qa.question.id, qa, qb, test))
    return out
