"""The form loader: every kind of error names the file, the line or key path, and what is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditdesk.domain.errors import FormError
from auditdesk.domain.forms.loader import content_hash, load_form, load_form_text
from auditdesk.domain.forms.survey import SurveyForm

VALID = """\
kind: survey
id: ankieta
title: {pl: Ankieta, en: Survey}
blocks:
  - id: ogolne
    title: {pl: Ogólne}
    questions:
      - id: ocena
        text: {pl: Ocena obsługi}
        type: scale
      - id: uwagi
        text: {pl: Uwagi}
        type: text
"""


def _error(text: str) -> FormError:
    with pytest.raises(FormError) as info:
        load_form_text(text, "ankieta.yaml")
    return info.value


def test_valid_form_loads_with_hash() -> None:
    form = load_form_text(VALID, "ankieta.yaml")
    assert isinstance(form.definition, SurveyForm)
    assert form.form_id == "ankieta"
    assert form.content_hash == content_hash(form.data)
    assert len(form.content_hash) == 64


def test_hash_ignores_formatting_but_not_meaning() -> None:
    a = load_form_text(VALID)
    reformatted = "# a comment\n" + VALID.replace(
        "{pl: Ankieta, en: Survey}", "\n  pl: Ankieta\n  en: Survey"
    )
    b = load_form_text(reformatted)
    c = load_form_text(VALID.replace("Ocena obsługi", "Ocena obsługi klienta"))
    assert a.content_hash == b.content_hash
    assert a.content_hash != c.content_hash


def test_bad_yaml_names_line() -> None:
    err = _error("kind: survey\nid: [unclosed\n")
    assert err.source == "ankieta.yaml"
    assert "not valid YAML" in str(err)
    assert err.problems[0].line is not None and err.problems[0].line >= 2


def test_missing_key_names_path() -> None:
    err = _error(VALID.replace("title: {pl: Ankieta, en: Survey}\n", ""))
    assert [(p.path, p.message) for p in err.problems] == [("title", "required key is missing")]


def test_wrong_type_names_path_and_line() -> None:
    err = _error(VALID.replace("type: scale", "type: scale\n        required: maybe"))
    problem = err.problems[0]
    assert problem.path == "blocks[0].questions[0].required"
    assert problem.line == 11
    assert "maybe" in problem.message


def test_unknown_key_is_an_error() -> None:
    err = _error(VALID.replace("type: text", "type: text\n        colour: red"))
    problem = err.problems[0]
    assert problem.path == "blocks[0].questions[1].colour"
    assert problem.line == 14
    assert "unknown key" in problem.message


def test_duplicate_ids_are_an_error() -> None:
    err = _error(VALID.replace("id: uwagi", "id: ocena"))
    assert "duplicate question id 'ocena'" in str(err)


def test_duplicate_yaml_keys_are_an_error() -> None:
    err = _error(VALID.replace("id: ankieta\n", "id: ankieta\nid: druga\n"))
    assert err.problems[0].line == 3
    assert "duplicate key 'id'" in err.problems[0].message


def test_unknown_kind_lists_known_ones() -> None:
    err = _error(VALID.replace("kind: survey", "kind: questionnaire"))
    assert "unknown form kind 'questionnaire'" in str(err)
    assert "survey" in str(err)


def test_every_problem_is_reported_not_only_the_first() -> None:
    text = VALID.replace("type: scale", "type: skala").replace(
        "type: text", "type: text\n        x: 1"
    )
    assert len(_error(text).problems) == 2


def test_not_utf8_and_empty_file(tmp_path: Path) -> None:
    latin = tmp_path / "latin.yaml"
    latin.write_bytes(VALID.encode("cp1250"))  # a Windows editor's default here
    with pytest.raises(FormError, match="not UTF-8"):
        load_form(latin)
    empty = tmp_path / "empty.yaml"
    empty.write_text("")
    with pytest.raises(FormError, match="empty"):
        load_form(empty)


def test_missing_file_is_a_form_error(tmp_path: Path) -> None:
    with pytest.raises(FormError, match="cannot read"):
        load_form(tmp_path / "none.yaml")
