"""How a protocol is laid out on paper (issue 15): the last page always holds body text beside
the signature block, IPRZ cells wrap and fit their columns, the signature labels stand at one
height, and date answers print as 15.07.2026."""

from __future__ import annotations

import io
import subprocess
from dataclasses import replace
from pathlib import Path

from PIL import Image

from auditdesk.domain.forms.checklist import ChecklistForm
from auditdesk.domain.forms.loader import load_form
from auditdesk.domain.scoring import Answer
from auditdesk.reports.appraisal_protocol import appraisal_document
from auditdesk.reports.protocol_pdf import render_protocol
from auditdesk.services import protocols
from auditdesk.services.appraisals import appraisal_protocol_data
from auditdesk.services.audits.protocol_data import answer_label
from auditdesk.services.context import AppContext
from auditdesk.services.forms import shipped_forms_dir
from auditdesk.services.protocols.export import ExportFilter, find_records
from protocol_helpers import need

Word = tuple[str, float, float, float, float]  # text, xMin, yMin, xMax, yMax


def _words(pdf: Path, page: int | None = None) -> list[Word]:
    """Every word with its box (pdftotext -bbox), of one page or all."""
    args = [need("pdftotext"), "-bbox"]
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    out = subprocess.run([*args, str(pdf), "-"], capture_output=True, text=True, check=True)
    words: list[Word] = []
    for line in out.stdout.splitlines():
        line = line.strip()
        if not line.startswith("<word "):
            continue
        attrs = dict(
            part.split("=", 1) for part in line[6 : line.index(">")].split() if "=" in part
        )
        text = line[line.index(">") + 1 : line.rindex("</word>")]
        text = text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
        x0, y0, x1, y1 = (float(attrs[k].strip('"')) for k in ("xMin", "yMin", "xMax", "yMax"))
        words.append((text, x0, y0, x1, y1))
    return words


def _page_lines(pdf: Path, page: int) -> list[str]:
    out = subprocess.run(
        [need("pdftotext"), "-layout", "-f", str(page), "-l", str(page), str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [line.strip() for line in out.splitlines() if line.strip()]


def test_every_demo_protocol_ends_with_body_text(demo_ctx: AppContext, tmp_path: Path) -> None:
    """80 of 138 demo audit protocols ended on a page with only the page header and the stamp
    box: the verdict and the signatures now travel together with the end of the last section."""
    refs = find_records(demo_ctx, ExportFilter())
    assert len(refs) > 100
    lonely = []
    for ref in refs:
        doc = protocols.build_document(demo_ctx, ref.kind, ref.record_id)
        rendered = render_protocol(doc)
        pdf = tmp_path / f"{ref.kind}-{ref.record_id}.pdf"
        pdf.write_bytes(rendered.pdf)
        assert rendered.stamp.page == rendered.pages - 1
        lines = _page_lines(pdf, rendered.pages)[2:-1]  # without the page header and footer
        signature_words = {"Podpisy", "Miejsce na podpis elektroniczny (PAdES)"}
        for block in doc.signatures:
            signature_words |= {block.role, block.name, f"data: {block.date}"}
        body = [
            line
            for line in lines
            if not any(part.strip() in signature_words for part in line.split("  ") if part)
            and not line.startswith("data:")
        ]
        if not body or "Podsumowanie" not in body:  # the verdict goes with the signatures
            lonely.append(f"{doc.record_number}: {lines}")
    assert not lonely, lonely[:3]


def _appraisal_with_iprz(ctx: AppContext) -> int:
    for ref in find_records(ctx, ExportFilter(kind="appraisal")):
        if appraisal_protocol_data(ctx, ref.record_id).development_areas:
            return ref.record_id
    raise AssertionError("the demo office has no appraisal with development areas")


def test_iprz_cells_wrap_and_fit_their_columns(demo_ctx: AppContext, tmp_path: Path) -> None:
    """'04.04.2027' ran past the right border and 'wewnętrzne,' spilled into the next column;
    a date or a word is never broken in two either."""
    data = appraisal_protocol_data(demo_ctx, _appraisal_with_iprz(demo_ctx))
    area = replace(
        data.development_areas[0],
        support="Szkolenie wewnętrzne, materiały, czas na samokształcenie.",
    )
    data = replace(data, development_areas=(area, *data.development_areas[1:]))
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(render_protocol(appraisal_document(data)).pdf)
    words = _words(pdf)
    texts = {w[0] for w in words}
    assert area.deadline is not None
    cells = [area.area, area.expected_change, area.support, area.deadline.strftime("%d.%m.%Y")]
    for cell in cells:
        for word in cell.split():
            assert word in texts, f"{word!r} is broken across lines"
    support_head = next(w for w in words if w[0] == "Wsparcie")
    heads = {w[0]: w for w in words if w[0] == "Termin" and abs(w[2] - support_head[2]) < 1}
    pad = 6  # a cell's padding: text ends before the column's border minus it
    right = 595.27 - 18 * 72 / 25.4
    for w in words:
        if w[0] in area.support.split():
            assert w[3] <= heads["Termin"][1] - pad + 1, f"{w[0]!r} spills into 'Termin'"
        assert w[3] <= right + 0.5, f"{w[0]!r} runs past the right border"


def test_signature_labels_stand_at_one_height(demo_ctx: AppContext, tmp_path: Path) -> None:
    data = appraisal_protocol_data(demo_ctx, _appraisal_with_iprz(demo_ctx))
    wide = Image.new("RGBA", (600, 40), (0, 0, 0, 0))
    buf = io.BytesIO()
    wide.save(buf, format="PNG")
    doc = appraisal_document(data, {"appraiser": buf.getvalue()})
    rendered = render_protocol(doc)
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(rendered.pdf)
    words = _words(pdf, rendered.pages)
    tops = {w[0]: w[2] for w in words if w[0] in ("Oceniający", "Oceniany")}
    assert set(tops) == {"Oceniający", "Oceniany"}
    assert abs(tops["Oceniający"] - tops["Oceniany"]) < 0.5, tops


def test_date_answers_print_the_polish_way() -> None:
    form = load_form(shipped_forms_dir() / "mystery-client" / "wizyta.yaml").definition
    assert isinstance(form, ChecklistForm)
    item = next(i for s in form.sections for i in s.items if i.type == "datetime")
    assert answer_label(item, Answer("2026-07-15 10:40")) == "15.07.2026 10:40"
    assert answer_label(item, Answer("2026-07-15")) == "15.07.2026"
    assert answer_label(item, Answer("2026-07-15T10:40"), "en") == "2026-07-15 10:40"
