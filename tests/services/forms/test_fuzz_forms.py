"""Fuzzing the form loader: random text, random bytes and mutations of the real shipped forms
are either a valid form or a FormError naming the place; never another exception."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from auditdesk.domain.errors import FormError
from auditdesk.domain.forms.loader import load_form, load_form_text
from auditdesk.services.forms import form_files

SHIPPED = sorted(form_files())
FUZZ = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _load_text(text: str) -> None:
    try:
        load_form_text(text, "fuzz.yaml")
    except FormError as exc:
        assert str(exc).startswith("fuzz.yaml: ")
        assert exc.problems


def test_there_are_shipped_forms_to_mutate() -> None:
    assert len(SHIPPED) >= 5


@FUZZ
@given(st.text(max_size=400))
@example("kind: survey\nid: x\ndate: 2026-13-45\n")
@example("a: !!binary '%%%'\n")
@example("a: !!python/object:os.system 'ls'\n")
@example("[" * 2000)
@example("kind: !!timestamp 'not a date'\n")
@example("- a\n- b\n")
@example("? [a, b]\n: c\n")
@example("kind: survey\nid: &a x\nref: *a\n")
def test_random_text(text: str) -> None:
    _load_text(text)


YAMLISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=25,
)


@FUZZ
@given(
    st.sampled_from(["survey", "checklist", "appraisal", "nonsense", None]),
    st.dictionaries(st.text(max_size=12), YAMLISH, max_size=6),
)
def test_random_structure_with_a_known_kind(kind: str | None, body: dict[str, object]) -> None:
    data = dict(body)
    if kind is not None:
        data["kind"] = kind
    _load_text(yaml.safe_dump(data, allow_unicode=True))


@FUZZ
@given(
    st.sampled_from(SHIPPED),
    st.lists(
        st.tuples(
            st.sampled_from(["delete", "insert", "replace", "dupline", "dropline", "swap"]),
            st.floats(0, 1),
            st.text(max_size=8),
        ),
        min_size=1,
        max_size=6,
    ),
)
def test_mutated_shipped_forms(path: Path, edits: list[tuple[str, float, str]]) -> None:
    text = path.read_text(encoding="utf-8")
    for op, where, piece in edits:
        lines = text.splitlines(keepends=True)
        at = int(where * len(text))
        line_no = int(where * max(len(lines) - 1, 0))
        if op == "delete":
            text = text[:at] + text[at + len(piece) + 1 :]
        elif op == "insert":
            text = text[:at] + piece + text[at:]
        elif op == "replace":
            text = text[:at] + piece + text[at + len(piece) :]
        elif op == "dupline" and lines:
            lines.insert(line_no, lines[line_no])
            text = "".join(lines)
        elif op == "dropline" and lines:
            del lines[line_no]
            text = "".join(lines)
        elif op == "swap" and len(lines) > 1:
            j = (line_no + 1) % len(lines)
            lines[line_no], lines[j] = lines[j], lines[line_no]
            text = "".join(lines)
    _load_text(text)


@FUZZ
@given(st.binary(max_size=300))
@example(b"\xff\xfe\x00k\x00i")
@example(b"kind: survey\n\x00\x01")
def test_random_bytes_from_a_file(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "fuzz.yaml"
    path.write_bytes(data)
    try:
        load_form(path)
    except FormError as exc:
        assert str(path) in str(exc)


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_every_byte_flip_region_of_a_real_form(path: Path) -> None:
    """Deterministic companion: truncating a real form anywhere gives a FormError or a form."""
    text = path.read_text(encoding="utf-8")
    for cut in range(0, len(text), max(1, len(text) // 60)):
        _load_text(text[:cut])
