"""Long text prints: a comment, scenario, justification or development area of any length the
window and the services accept (none of these fields has a limit: SQLite keeps TEXT whole and
the services do not cut them) gives a PDF whose rows wrap and continue across pages. A table
row taller than a page used to end the rendering with reportlab's LayoutError."""

from __future__ import annotations

import dataclasses
import json
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Table
from sqlalchemy import select

from auditdesk.reports.fonts import REGULAR, register_fonts
from auditdesk.reports.protocol_model import Field, ProtocolDocument, Row, TextBlock
from auditdesk.reports.protocol_pdf import (
    CELL_PAD,
    _lines,
    _section_flowables,
    _styles,
    render_protocol,
)
from auditdesk.reports.specimen import specimen_document
from auditdesk.services import protocols
from auditdesk.services.context import Actor, AppContext
from auditdesk.services.demo import create_demo
from auditdesk.store.migrate import open_database
from auditdesk.store.models import (
    Appraisal,
    AppraisalRating,
    Audit,
    DevelopmentAction,
    DevelopmentArea,
)
from protocol_helpers import completed_audit, need, pdftotext

LONGEST = 100_000  # characters: no field has a limit, so the test uses a generous length


def long_text(length: int, tag: str) -> str:
    """Polish words from [<tag> to <tag>], `length` characters in all (a short tag: the
    markers must fit the narrowest column whole)."""
    head, tail = f"[{tag} ", f" {tag}]"
    room = length - len(head) - len(tail)
    filler = ("Zażółć gęślą jaźń, urzędnik obsłużył klienta. " * (room // 40 + 1))[:room]
    return head + filler[:-1] + "." + tail


def one_word(length: int) -> str:
    """A pasted token with no space in it (a link, a case reference, a key)."""
    return ("q" * (length - 2)).join("<>")


def pages_of(path: Path) -> int:
    info = subprocess.run(
        [need("pdfinfo"), str(path)], capture_output=True, text=True, check=True
    ).stdout
    return int(next(line for line in info.splitlines() if line.startswith("Pages:")).split()[1])


def with_long_texts(doc: ProtocolDocument, length: int) -> ProtocolDocument:
    section = doc.sections[0]
    rows = list(section.rows)
    rows[0] = dataclasses.replace(rows[0], note=f"Uwagi: {long_text(length, 'UWAGA')}")
    rows[1] = dataclasses.replace(rows[1], note=f"Uwagi: {one_word(length)}")
    rows[2] = dataclasses.replace(
        rows[2], cells=(rows[2].cells[0], long_text(length, "CELL"), *rows[2].cells[2:])
    )
    rows[3] = dataclasses.replace(rows[3], highlight=True, note=long_text(length, "KRYT"))
    return dataclasses.replace(
        doc,
        header=(*doc.header, Field("Scenariusz", long_text(length, "SCEN"))),
        sections=(dataclasses.replace(section, rows=tuple(rows)), *doc.sections[1:]),
        blocks=(*doc.blocks, TextBlock("Uwagi audytora", long_text(length, "BLOK"))),
    )


def test_a_ten_thousand_character_comment_prints(tmp_path: Path) -> None:
    """The case of the issue: a 10,000-character comment under one checklist row."""
    doc = specimen_document()
    section = doc.sections[0]
    row: Row = dataclasses.replace(section.rows[0], note=long_text(10_000, "UWAGA"))
    doc = dataclasses.replace(
        doc, sections=(dataclasses.replace(section, rows=(row, *section.rows[1:])),)
    )
    rendered = render_protocol(doc)
    path = tmp_path / "p.pdf"
    path.write_bytes(rendered.pdf)
    text = pdftotext(path)
    assert "[UWAGA" in text and "UWAGA]" in text
    assert rendered.pages == pages_of(path) > 2


def test_longest_texts_wrap_and_continue_across_pages(tmp_path: Path) -> None:
    doc = with_long_texts(specimen_document(), LONGEST)
    rendered = render_protocol(doc)
    assert render_protocol(doc).pdf == rendered.pdf  # still deterministic
    path = tmp_path / "long.pdf"
    path.write_bytes(rendered.pdf)
    text = pdftotext(path)
    for tag in ("UWAGA", "CELL", "KRYT", "SCEN", "BLOK"):
        assert f"[{tag}" in text and f"{tag}]" in text, tag
    # the token is broken between characters, none lost, and it ends inside the page
    assert text.count("q") == LONGEST - 2
    assert "<q" in text and "q>" in text
    # six texts of 100,000 characters: a few hundred pages, each of them used
    assert rendered.pages == pages_of(path)
    assert 6 * LONGEST / 4000 < rendered.pages < 6 * LONGEST / 1000


def test_no_line_is_wider_than_its_cell() -> None:
    register_fonts()
    width = 80.0
    for text in (one_word(5_000), "krótko " + one_word(300) + " i dalej", long_text(2_000, "X")):
        lines = _lines(text, REGULAR, 8.5, width)
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")
        assert max(stringWidth(line, REGULAR, 8.5) for line in lines) <= width - 2 * CELL_PAD


def test_only_a_row_too_tall_for_a_page_is_cut() -> None:
    """An ordinary table keeps one table row per checklist row (and one per note): only a row
    too tall to keep whole is cut into pieces, and those read as one row."""

    def table_rows(doc: ProtocolDocument) -> list[int]:
        st = _styles()
        return [
            len(next(f for f in _section_flowables(s, st) if isinstance(f, Table))._cellvalues)
            for s in doc.sections
        ]

    def expected(doc: ProtocolDocument) -> list[int]:
        return [1 + len(s.rows) + sum(1 for r in s.rows if r.note) for s in doc.sections]

    ordinary = specimen_document()
    assert table_rows(ordinary) == expected(ordinary)
    fairly_long = with_long_texts(ordinary, 600)  # each row still fits a page whole
    assert table_rows(fairly_long) == expected(fairly_long)
    very_long = with_long_texts(ordinary, 10_000)
    assert table_rows(very_long)[0] > expected(very_long)[0] + 20
    assert table_rows(very_long)[1:] == expected(very_long)[1:]


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppContext]:
    db = open_database(str(tmp_path_factory.mktemp("db") / "long.sqlite"))
    ctx = AppContext(db, Actor.system())
    create_demo(ctx)
    yield ctx
    db.dispose()


def test_audit_protocol_with_the_longest_comment_scenario_and_answer(
    office: AppContext, tmp_path: Path
) -> None:
    """Through the service: the texts as the database holds them after the auditor typed
    them (the comment and a text answer have no length limit; neither has the scenario)."""
    audit_id = completed_audit(office, unit="BOK", day=11)
    with office.db.session() as s:
        audit = s.get(Audit, audit_id)
        assert audit is not None
        answers = sorted(audit.answers, key=lambda a: a.id)
        answers[0].comment = long_text(LONGEST, "KOM")
        answers[1].comment = one_word(LONGEST)
        text_answer = next(a for a in answers if a.value and "źdźbło" in a.value)
        text_answer.value = long_text(LONGEST, "ODP")
        scenario_key = next(iter(json.loads(audit.scenario_json)))
        audit.scenario_json = json.dumps(
            {scenario_key: long_text(LONGEST, "SCEN")}, ensure_ascii=False
        )
    exported = protocols.export_protocol(office, "audit", audit_id)
    path = tmp_path / "audit.pdf"
    path.write_bytes(exported.pdf)
    text = pdftotext(path)
    for tag in ("KOM", "ODP", "SCEN"):
        assert f"[{tag}" in text and f"{tag}]" in text, tag
    assert text.count("q") >= LONGEST - 2
    assert 3 * LONGEST / 4000 < pages_of(path) < 4 * LONGEST / 500
    assert protocols.export_protocol(office, "audit", audit_id).pdf == exported.pdf


def test_appraisal_protocol_with_the_longest_justification_and_development_areas(
    office: AppContext, tmp_path: Path
) -> None:
    with office.db.session() as s:
        appraisal = s.scalars(
            select(Appraisal)
            .where(Appraisal.status != "draft", Appraisal.areas.any())
            .order_by(Appraisal.id)
        ).first()
        assert appraisal is not None
        appraisal_id = appraisal.id
        rating = s.scalars(
            select(AppraisalRating).where(AppraisalRating.appraisal_id == appraisal_id)
        ).first()
        assert rating is not None
        rating.justification = long_text(LONGEST, "UZAS")
        rating.expectations = one_word(LONGEST)
        area = s.scalars(
            select(DevelopmentArea).where(DevelopmentArea.appraisal_id == appraisal_id)
        ).first()
        assert area is not None
        area.area = long_text(LONGEST, "OBSZ")
        area.expected_change = long_text(LONGEST, "ZMIA")
        area.support = long_text(LONGEST, "WSP")
        area.actions.append(
            DevelopmentAction(kind="szkolenie", description=long_text(LONGEST, "DZIA"))
        )
    exported = protocols.export_protocol(office, "appraisal", appraisal_id)
    path = tmp_path / "appraisal.pdf"
    path.write_bytes(exported.pdf)
    text = pdftotext(path)
    for tag in ("UZAS", "OBSZ", "ZMIA", "WSP", "DZIA"):
        assert f"[{tag}" in text and f"{tag}]" in text, tag
    assert text.count("q") >= LONGEST - 2
    assert 5 * LONGEST / 4000 < pages_of(path) < 6 * LONGEST / 200
