"""Lays out a ProtocolDocument as a PDF shaped like an official form (reportlab).

Every font is embedded (DejaVu Sans, for the Polish letters), nothing is loaded from outside the
document, and the output is deterministic: reportlab's invariant mode plus the record's own date
in the metadata, so the same record always gives the same bytes and its SHA-256 means something.
The last flowable reserves the box where a PAdES signature stamp goes; its position is returned.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from PIL import Image as PilImage
from PIL import ImageOps, UnidentifiedImageError
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    Image,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from auditdesk.reports.fonts import BOLD, REGULAR, register_fonts
from auditdesk.reports.protocol_model import Align, Field, ProtocolDocument, Section

log = logging.getLogger(__name__)

PAGE_W, PAGE_H = A4
MARGIN_X = 18 * mm
MARGIN_TOP = 26 * mm
MARGIN_BOTTOM = 20 * mm
CONTENT_W = PAGE_W - 2 * MARGIN_X
STAMP_H = 30 * mm
THUMB_W, THUMB_H = 38 * mm, 28 * mm
SIGNATURE_IMG_H = 18 * mm

INK = colors.HexColor("#1a1a1a")
GREY = colors.HexColor("#666666")
RULE = colors.HexColor("#9a9a9a")
HEAD_BG = colors.HexColor("#e6e9ee")
CRIT_BG = colors.HexColor("#fbe3e3")
CRIT_INK = colors.HexColor("#a30000")
OK_INK = colors.HexColor("#1d6b2f")


@dataclass(frozen=True)
class StampBox:
    """Where the signature stamp goes: 0-based page index and (x1, y1, x2, y2) in points."""

    page: int
    box: tuple[int, int, int, int]


@dataclass(frozen=True)
class RenderedProtocol:
    pdf: bytes
    stamp: StampBox
    pages: int


def _styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    base = ParagraphStyle("base", fontName=REGULAR, fontSize=9, leading=11.5, textColor=INK)
    return {
        "base": base,
        "small": ParagraphStyle("small", parent=base, fontSize=7.5, leading=9.5, textColor=GREY),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=10.5),
        "cell_r": ParagraphStyle(
            "cell_r", parent=base, fontSize=8.5, leading=10.5, alignment=TA_RIGHT
        ),
        "cell_c": ParagraphStyle(
            "cell_c", parent=base, fontSize=8.5, leading=10.5, alignment=TA_CENTER
        ),
        "th": ParagraphStyle("th", parent=base, fontName=BOLD, fontSize=8, leading=10),
        "hash": ParagraphStyle("hash", parent=base, fontSize=6.5, leading=8.5, textColor=GREY),
        "note": ParagraphStyle(
            "note", parent=base, fontSize=8, leading=10, textColor=GREY, leftIndent=6
        ),
        "label": ParagraphStyle("label", parent=base, fontSize=8, leading=10, textColor=GREY),
        "value": ParagraphStyle("value", parent=base, fontName=BOLD, fontSize=9, leading=11.5),
        "title": ParagraphStyle(
            "title",
            parent=base,
            fontName=BOLD,
            fontSize=14,
            leading=18,
            alignment=TA_CENTER,
            spaceAfter=2 * mm,
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=base,
            fontName=BOLD,
            fontSize=10.5,
            leading=13,
            spaceBefore=4 * mm,
            spaceAfter=1.5 * mm,
            keepWithNext=1,
        ),
        "summary": ParagraphStyle(
            "summary",
            parent=base,
            fontName=BOLD,
            fontSize=8.5,
            leading=11,
            alignment=TA_RIGHT,
            spaceBefore=1 * mm,
        ),
        "verdict": ParagraphStyle(
            "verdict", parent=base, fontName=BOLD, fontSize=12, leading=15, alignment=TA_CENTER
        ),
        "crit": ParagraphStyle("crit", parent=base, textColor=CRIT_INK),
    }


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of user text: escaped (so '<' or '&' in a comment is printed, not parsed)."""
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def _field_table(fields: Sequence[Field], st: dict[str, ParagraphStyle]) -> Table:
    """Label/value pairs, two pairs per row, like the boxes at the top of a paper form."""
    w = CONTENT_W
    widths = [0.17 * w, 0.33 * w, 0.17 * w, 0.33 * w]
    cells: list[list[Any]] = []
    pair: list[list[str]] = []
    ends: list[int] = []
    joins: list[tuple[Any, ...]] = []

    def add_row(row: list[list[str]]) -> None:
        first = len(cells)
        cells.extend(_row_pieces(row))
        ends.append(len(cells) - 1)
        joins.extend(_joins(first, len(cells) - 1))

    for f in fields:
        col = len(pair)
        pair += [
            _lines(f.label, REGULAR, 8, widths[col]),
            _lines(f.value or "—", BOLD, 9, widths[col + 1]),
        ]
        if len(pair) == 4:
            add_row(pair)
            pair = []
    if pair:
        add_row([*pair, [], []])
    table = Table(cells, colWidths=widths)
    table.setStyle(
        _table_style(
            [
                *_grid(ends if len(ends) < len(cells) else None),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (0, -1), HEAD_BG),
                ("BACKGROUND", (2, 0), (2, -1), HEAD_BG),
                ("FONTSIZE", (0, 0), (-1, -1), 8),
                ("LEADING", (0, 0), (-1, -1), 10),
                ("TEXTCOLOR", (0, 0), (-1, -1), GREY),
                ("FONTNAME", (1, 0), (1, -1), BOLD),
                ("FONTNAME", (3, 0), (3, -1), BOLD),
                ("FONTSIZE", (1, 0), (1, -1), 9),
                ("FONTSIZE", (3, 0), (3, -1), 9),
                ("LEADING", (1, 0), (1, -1), 11.5),
                ("LEADING", (3, 0), (3, -1), 11.5),
                ("TEXTCOLOR", (1, 0), (1, -1), INK),
                ("TEXTCOLOR", (3, 0), (3, -1), INK),
                *joins,
            ]
        )
    )
    return table


def _table_style(commands: list[tuple[Any, ...]]) -> TableStyle:
    """Every table sets DejaVu for its (possibly empty) string cells: reportlab's default is
    Helvetica, which would be referenced in the PDF without being embedded."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), REGULAR), *commands])


_ALIGN_STYLE = {Align.LEFT: "cell", Align.RIGHT: "cell_r", Align.CENTER: "cell_c"}


CELL_PAD = 6  # reportlab's default left and right cell padding


def _wrapped(text: str, font: str, size: float, width: float) -> str:
    """Text broken into lines that fit the cell, as one plain string: far cheaper to lay out
    than a Paragraph per cell, which dominates the rendering time of a long checklist."""
    return "\n".join(_lines(text, font, size, width))


# A table row whose tallest cell has more lines than twice this is cut into rows of this many
# lines: reportlab cannot split one row across pages (a row taller than the page is a
# LayoutError), but it splits a table between any two rows.
CHUNK_LINES = 12

_char_widths: dict[tuple[str, float], dict[str, float]] = {}


def _lines(text: str, font: str, size: float, width: float) -> list[str]:
    """The lines of `text` in a cell `width` wide; a word wider than the cell (a long link, a
    pasted token) is broken between characters instead of running out of the cell and page."""
    room = width - 2 * CELL_PAD
    lines: list[str] = []
    for part in text.split("\n"):
        for line in simpleSplit(part, font, size, room) or [""]:
            # only a word alone on its line can be too wide (simpleSplit puts two words
            # together only when they fit); one that overflows into the padding is left be
            if " " not in line and len(line) > 1 and stringWidth(line, font, size) > width:
                lines += _break_word(line, font, size, room)
            else:
                lines.append(line)
    return lines


def _break_word(word: str, font: str, size: float, room: float) -> list[str]:
    widths = _char_widths.setdefault((font, size), {})
    pieces: list[str] = []
    start, used = 0, 0.0
    for i, ch in enumerate(word):
        w = widths.get(ch)
        if w is None:
            w = widths[ch] = stringWidth(ch, font, size)
        if used + w > room and i > start:
            pieces.append(word[start:i])
            start, used = i, 0.0
        used += w
    pieces.append(word[start:])
    return pieces


def _row_pieces(cells: Sequence[list[str]]) -> list[list[str]]:
    """One table row of wrapped cells, or several consecutive rows of CHUNK_LINES lines each
    when the row is too tall to be kept in one piece."""
    tallest = max((len(c) for c in cells), default=0)
    if tallest <= 2 * CHUNK_LINES:
        return [["\n".join(c) for c in cells]]
    return [
        ["\n".join(c[k : k + CHUNK_LINES]) for c in cells] for k in range(0, tallest, CHUNK_LINES)
    ]


def _joins(first: int, last: int) -> list[tuple[Any, ...]]:
    """Styles that make rows first..last (pieces of one cut row) read as one: no padding where
    two pieces meet (the lines between them are left out by _grid)."""
    if first == last:
        return []
    return [
        ("TOPPADDING", (0, first + 1), (-1, last), 0),
        ("BOTTOMPADDING", (0, first), (-1, last - 1), 0),
    ]


def _grid(ends: list[int] | None) -> list[tuple[Any, ...]]:
    """The table's rules: GRID when no row was cut; otherwise the outline, the lines between
    columns, and a line under each whole row (ends: the last piece of each row)."""
    if ends is None:
        return [("GRID", (0, 0), (-1, -1), 0.4, RULE)]
    return [
        ("BOX", (0, 0), (-1, -1), 0.4, RULE),
        ("LINEAFTER", (0, 0), (-2, -1), 0.4, RULE),
        *(("LINEBELOW", (0, r), (-1, r), 0.4, RULE) for r in ends),
        ("LINEBELOW", (0, "splitlast"), (-1, "splitlast"), 0.4, RULE),  # closed at a page end
    ]


_word_widths: dict[tuple[str, float], dict[str, float]] = {}

# A column is widened for its longest word (a date, "samokształcenie.") up to this share of the
# table; a longer word (a pasted link) is broken between characters instead.
MAX_WORD_SHARE = 0.3


def _longest_word(texts: Sequence[str], font: str, size: float, room: float) -> float:
    """The width of the longest word wider than `room`, or 0. No glyph of DejaVu Sans is
    wider than 1.1 times its size, so a shorter word than that allows is not measured."""
    widths = _word_widths.setdefault((font, size), {})
    longest = 0.0
    fewest = room / (1.12 * size)
    for text in texts:
        if len(text) <= fewest:
            continue
        for word in text.split():
            if len(word) <= fewest:
                continue
            w = widths.get(word)
            if w is None:
                w = widths[word] = stringWidth(word, font, size)
            longest = max(longest, w)
    return longest


def _fitted_widths(section: Section) -> list[float]:
    """Column widths from the section's shares, each widened to hold its longest word (with
    the cell's padding) at the expense of the columns that have room to spare, so that a date
    or a word is neither broken nor printed across the column's border."""
    total = sum(c.width for c in section.columns) or 1.0
    widths = [CONTENT_W * c.width / total for c in section.columns]
    need: list[float] = []
    for i, (column, width) in enumerate(zip(section.columns, widths, strict=True)):
        room = width - 2 * CELL_PAD - 1
        plain = [r.cells[i] for r in section.rows if i < len(r.cells) and not r.highlight]
        bold = [r.cells[i] for r in section.rows if i < len(r.cells) and r.highlight]
        longest = max(
            _longest_word([column.title], BOLD, 8, room),
            _longest_word(plain, REGULAR, 8.5, room),
            _longest_word(bold, BOLD, 8.5, room),
        )
        need.append(min(MAX_WORD_SHARE * CONTENT_W, longest + 2 * CELL_PAD + 1))
    short = sum(max(0.0, n - w) for n, w in zip(need, widths, strict=True))
    if short <= 0:
        return widths
    room = sum(max(0.0, w - n) for n, w in zip(need, widths, strict=True))
    if room < short:  # the words alone are wider than the page: share it by the words
        return [CONTENT_W * n / sum(need) for n in need]
    take = short / room
    return [w - (w - n) * take if w > n else n for n, w in zip(need, widths, strict=True)]


def _section_flowables(section: Section, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    out: list[Flowable] = [_p(section.title, st["h2"])]
    if section.intro:
        out.append(_p(section.intro, st["base"]))
    widths = _fitted_widths(section)
    n = len(section.columns)
    data: list[list[Any]] = [
        [_wrapped(c.title, BOLD, 8, w) for c, w in zip(section.columns, widths, strict=False)]
    ]
    style: list[tuple[Any, ...]] = [
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("FONTSIZE", (0, 0), (-1, -1), 8.5),
        ("LEADING", (0, 0), (-1, -1), 10.5),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("FONTNAME", (0, 0), (-1, 0), BOLD),
        ("FONTSIZE", (0, 0), (-1, 0), 8),
        ("LEADING", (0, 0), (-1, 0), 10),
    ]
    ends = [0]  # the last table row of each row of the section (a long row is cut in pieces)
    joins: list[tuple[Any, ...]] = []
    for c, col in enumerate(section.columns):
        style.append(("ALIGN", (c, 1), (c, -1), col.align.value.upper()))
    if not section.rows:
        data.append([_p(section.empty_text, st["note"])] + [""] * (n - 1))
        style.append(("SPAN", (0, 1), (-1, 1)))
        ends.append(1)
    for row in section.rows:
        r = len(data)
        cells = list(row.cells) + [""] * (n - len(row.cells))
        font = BOLD if row.highlight else REGULAR
        data += _row_pieces(
            [_lines(text, font, 8.5, w) for text, w in zip(cells, widths, strict=False)]
        )
        last = end = len(data) - 1
        ends.append(end)
        joins += _joins(r, end)
        if row.note:
            first = len(data)
            for piece in _row_pieces([_lines(row.note, REGULAR, 8, CONTENT_W - 6)]):
                data.append(piece + [""] * (n - 1))
            last = len(data) - 1
            ends.append(last)
            joins += _joins(first, last)
            style += [("SPAN", (0, k), (-1, k)) for k in range(first, last + 1)]
            style += [
                ("LINEABOVE", (0, first), (-1, first), 0, RULE),
                ("FONTSIZE", (0, first), (-1, last), 8),
                ("LEADING", (0, first), (-1, last), 10),
                ("TEXTCOLOR", (0, first), (-1, last), GREY),
                ("LEFTPADDING", (0, first), (-1, last), CELL_PAD + 6),
                ("ALIGN", (0, first), (-1, last), "LEFT"),
            ]
        if row.highlight:
            style += [
                ("BACKGROUND", (0, r), (-1, last), CRIT_BG),
                ("LINEBEFORE", (0, r), (0, last), 2.5, CRIT_INK),
                ("TEXTCOLOR", (0, r), (-1, end), CRIT_INK),
                ("FONTNAME", (0, r), (-1, end), BOLD),
            ]
    style[1:1] = _grid(ends if len(ends) < len(data) else None)
    style += joins
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(_table_style(style))
    out.append(table)
    if section.summary:
        out.append(_p(section.summary, st["summary"]))
    return out


def _thumbnail(data: bytes) -> Image | None:
    scale = 3  # pixels per point: sharp enough on paper, small in the file
    size = (int(THUMB_W / mm * scale * 2.83), int(THUMB_H / mm * scale * 2.83))
    try:
        with PilImage.open(io.BytesIO(data)) as img:
            if img.format == "JPEG":
                # decode at 1/2, 1/4 or 1/8 scale straight from the JPEG data: a 12-megapixel
                # phone photo then takes milliseconds instead of a quarter of a second
                img.draft("RGB", size)
            img.load()
            # a phone photo is stored sideways with an EXIF note to turn it: turn it
            picture = ImageOps.exif_transpose(img).convert("RGB")
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        log.warning("evidence image cannot be read (%s); listed without a thumbnail", exc)
        return None
    picture.thumbnail(size)
    buf = io.BytesIO()
    picture.save(buf, format="JPEG", quality=80, optimize=False)
    w, h = picture.size
    ratio = min(THUMB_W / w, THUMB_H / h)
    return Image(io.BytesIO(buf.getvalue()), width=w * ratio, height=h * ratio)


def _evidence_flowables(doc: ProtocolDocument, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    if not doc.evidence:
        return []
    data: list[list[Any]] = [
        [
            _p("Lp.", st["th"]),
            _p("Podgląd", st["th"]),
            _p("Plik i opis", st["th"]),
            _p("Skrót SHA-256", st["th"]),
        ]
    ]
    for i, ev in enumerate(doc.evidence, start=1):
        thumb = _thumbnail(ev.image) if ev.image else None
        label = ev.name + (f"\n{ev.caption}" if ev.caption else "")
        digest = ev.sha256[:32] + "\n" + ev.sha256[32:]
        data.append(
            [
                _p(str(i), st["cell"]),
                thumb or _p("—", st["cell_c"]),
                _p(label, st["cell"]),
                _p(digest, st["hash"]),
            ]
        )
    w = CONTENT_W
    table = Table(data, colWidths=[0.06 * w, 0.25 * w, 0.35 * w, 0.34 * w], repeatRows=1)
    table.setStyle(
        _table_style(
            [
                ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
                ("GRID", (0, 0), (-1, -1), 0.4, RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return [_p("Materiał dowodowy", st["h2"]), table]


def _signature_flowables(doc: ProtocolDocument, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    if not doc.signatures:
        return []
    col_w = CONTENT_W / 2
    cells: list[list[Any]] = []
    for block in doc.signatures:
        drawn: Flowable = Spacer(1, SIGNATURE_IMG_H)
        if block.image:
            try:
                with PilImage.open(io.BytesIO(block.image)) as img:
                    iw, ih = img.size
                ratio = min((col_w - 12 * mm) / iw, SIGNATURE_IMG_H / ih)
                drawn = Image(
                    io.BytesIO(block.image), width=iw * ratio, height=ih * ratio, mask="auto"
                )
            except (UnidentifiedImageError, OSError, ValueError) as exc:
                log.warning("drawn signature of %s cannot be read (%s)", block.role, exc)
        inner = Table(
            [
                [_p(block.role, st["label"])],
                [drawn],
                [_p(block.name or " ", st["value"])],
                [
                    _p(
                        f"data: {block.date}" if block.date else "data: ....................",
                        st["small"],
                    )
                ],
            ],
            colWidths=[col_w - 8 * mm],
            # the drawn signature's row has one height with or without a drawing, so that the
            # two blocks' labels and lines stand level
            rowHeights=[None, SIGNATURE_IMG_H + 6, None, None],
        )
        inner.setStyle(
            _table_style(
                [
                    ("LINEBELOW", (0, 1), (0, 1), 0.6, INK),
                    ("ALIGN", (0, 1), (0, 1), "CENTER"),
                    ("VALIGN", (0, 1), (0, 1), "BOTTOM"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        cells.append([inner])
    rows = [
        [cells[i][0], cells[i + 1][0] if i + 1 < len(cells) else ""]
        for i in range(0, len(cells), 2)
    ]
    grid = Table(rows, colWidths=[col_w, col_w])
    grid.setStyle(
        _table_style(
            [("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 4 * mm)]
        )
    )
    return [_p("Podpisy", st["h2"]), grid]


class _StampSpace(Flowable):  # type: ignore[misc]
    """A framed, empty box for the electronic signature's stamp; remembers where it landed."""

    def __init__(self, on_place: Callable[[StampBox], None]) -> None:
        super().__init__()
        self.width = CONTENT_W
        self.height = STAMP_H
        self._on_place = on_place

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.setStrokeColor(RULE)
        c.setDash(2, 2)
        c.setLineWidth(0.5)
        c.rect(0, 0, self.width, self.height)
        c.setFont(REGULAR, 6.5)
        c.setFillColor(GREY)
        c.drawString(2 * mm, self.height - 3 * mm, "Miejsce na podpis elektroniczny (PAdES)")
        c.restoreState()
        x, y = c.absolutePosition(0, 0)
        self._on_place(
            StampBox(
                c.getPageNumber() - 1,
                (
                    round(x) + 1,
                    round(y) + 1,
                    round(x + self.width) - 1,
                    round(y + self.height) - 11,
                ),
            )
        )


def _verdict_flowables(doc: ProtocolDocument, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    out: list[Flowable] = [_p("Podsumowanie", st["h2"])]
    if doc.totals:
        out.append(_field_table(doc.totals, st))
    if doc.verdict:
        ink = {True: OK_INK, False: CRIT_INK, None: INK}[doc.verdict_ok]
        box = Table(
            [[_p(doc.verdict, ParagraphStyle("v", parent=st["verdict"], textColor=ink))]],
            colWidths=[CONTENT_W],
        )
        box.setStyle(
            _table_style(
                [
                    ("BOX", (0, 0), (-1, -1), 1.2, ink),
                    ("TOPPADDING", (0, 0), (-1, -1), 5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                ]
            )
        )
        out += [Spacer(1, 2 * mm), box]
    if doc.critical_failures:
        out.append(
            _p(
                "Niespełnione wymagania krytyczne:",
                ParagraphStyle("ch", parent=st["crit"], fontName=BOLD, spaceBefore=2 * mm),
            )
        )
        out += [_p(f"• {text}", st["crit"]) for text in doc.critical_failures]
    return out


# a last section of at most this many rows goes whole with the verdict and the signatures
SHORT_SECTION_ROWS = 6


def _story(doc: ProtocolDocument, on_stamp: Callable[[StampBox], None]) -> list[Flowable]:
    st = _styles()
    story: list[Flowable] = [_p(doc.title, st["title"])]
    head = [
        Field("Urząd", doc.office),
        Field("Komórka", doc.unit),
        Field("Numer", doc.record_number),
        Field("Formularz", doc.form_name),
        Field("Wersja formularza", doc.form_version),
        *doc.header,
    ]
    story.append(_field_table(head, st))
    lead: list[Flowable] = []
    for i, section in enumerate(doc.sections):
        flowables = _section_flowables(section, st)
        if i < len(doc.sections) - 1 or doc.evidence:
            story += flowables
        elif len(section.rows) <= SHORT_SECTION_ROWS:
            lead = flowables
        else:
            cut = len(flowables) - 1 if section.summary else len(flowables)
            story += flowables[:cut]
            lead = flowables[cut:]
    # the end of the last section (a short one whole, else its summary line), the verdict, the
    # closing text blocks, the signatures and the stamp box go on one page: a protocol never
    # ends on a page holding nothing but the stamp, nor with the verdict apart from it
    story += _evidence_flowables(doc, st)
    tail = [*lead, *_verdict_flowables(doc, st)]
    for block in doc.blocks:
        style = st["crit"] if block.highlight else st["base"]
        tail += [_p(block.title, st["h2"]), _p(block.text or "—", style)]
    tail += [*_signature_flowables(doc, st), Spacer(1, 5 * mm), _StampSpace(on_stamp)]
    # (a KeepTogether inside another would make the outer one always start a new page)
    story.append(KeepTogether(tail))
    return story


def _canvas_class(doc: ProtocolDocument, page_counts: list[int]) -> type[Canvas]:
    """A canvas that defers each page so that 'strona X z Y' can carry the page count, and
    stamps the record's own date (not today's) into the document information."""
    created = doc.created
    pdf_date = created.strftime("D:%Y%m%d%H%M%S") + "Z"
    footer_left = f"{doc.form_name} · wersja {doc.form_version}"

    class ProtocolCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # the default first font is Helvetica, which would be referenced but not embedded
            kwargs["initialFontName"] = REGULAR
            kwargs["initialFontSize"] = 9
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []
            self.setDateFormatter(lambda *_: pdf_date)

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            page_counts.append(total)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self.saveState()
                self.setFont(REGULAR, 7.5)
                self.setFillColor(GREY)
                self.drawRightString(PAGE_W - MARGIN_X, 11 * mm, f"strona {number} z {total}")
                self.drawString(MARGIN_X, 11 * mm, footer_left)
                self.restoreState()
                Canvas.showPage(self)
            Canvas.save(self)

    return ProtocolCanvas


def _page_header(doc: ProtocolDocument) -> Callable[[Canvas, BaseDocTemplate], None]:
    def draw(canvas: Canvas, _template: BaseDocTemplate) -> None:
        canvas.saveState()
        top = PAGE_H - 12 * mm
        canvas.setFillColor(INK)
        canvas.setFont(BOLD, 9)
        canvas.drawString(MARGIN_X, top, doc.office)
        canvas.setFont(REGULAR, 8)
        canvas.drawString(MARGIN_X, top - 4 * mm, doc.unit)
        canvas.setFont(BOLD, 9)
        canvas.drawRightString(PAGE_W - MARGIN_X, top, f"Nr {doc.record_number}")
        canvas.setFont(REGULAR, 8)
        canvas.drawRightString(PAGE_W - MARGIN_X, top - 4 * mm, doc.created.strftime("%d.%m.%Y"))
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        canvas.line(MARGIN_X, top - 7 * mm, PAGE_W - MARGIN_X, top - 7 * mm)
        canvas.line(MARGIN_X, 14 * mm, PAGE_W - MARGIN_X, 14 * mm)
        canvas.restoreState()

    return draw


def render_protocol(doc: ProtocolDocument) -> RenderedProtocol:
    """The protocol as PDF bytes, and where its signature stamp goes."""
    register_fonts()
    buf = io.BytesIO()
    placed: list[StampBox] = []
    page_counts: list[int] = []
    template = BaseDocTemplate(
        buf,
        pagesize=A4,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=f"{doc.title} nr {doc.record_number}",
        author=doc.author,
        subject=doc.subject or f"{doc.form_name} — {doc.unit}",
        keywords=list(doc.keywords),
        creator="AuditDesk",
        invariant=1,
        lang="pl-PL",
    )
    frame = Frame(
        MARGIN_X,
        MARGIN_BOTTOM,
        CONTENT_W,
        PAGE_H - MARGIN_TOP - MARGIN_BOTTOM,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    template.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=_page_header(doc))])
    template.build(_story(doc, placed.append), canvasmaker=_canvas_class(doc, page_counts))
    return RenderedProtocol(buf.getvalue(), placed[-1], page_counts[-1])
