"""The protocol PDF: Polish text survives, pages are numbered, output is deterministic and
structurally clean, every font is embedded."""

from __future__ import annotations

import dataclasses
import io
import subprocess
import sys
from pathlib import Path

from PIL import Image

from auditdesk.reports.fonts import STAMP_UNITS_PER_EM, stamp_font_file
from auditdesk.reports.protocol_pdf import render_protocol
from auditdesk.reports.specimen import POLISH_NAMES, specimen_document
from protocol_helpers import need, pdftotext, qpdf_check


def test_polish_names_are_extracted_exactly(tmp_path: Path) -> None:
    pdf = tmp_path / "p.pdf"
    pdf.write_bytes(render_protocol(specimen_document()).pdf)
    text = pdftotext(pdf)
    for name in POLISH_NAMES:
        assert name in text, name
    for word in (
        "Żółkiewka Śląska",
        "Sposób załatwienia sprawy",
        "Końcowy rezultat",
        "gęślą",
        "Łódź",
    ):
        assert word in text
    for letter in "ąćęłńóśźżĄĆŁŚŹŻ":
        assert letter in text, letter


def test_pages_are_counted_and_numbered(tmp_path: Path) -> None:
    short = render_protocol(specimen_document(items_per_section=2, with_images=False))
    long = render_protocol(specimen_document(items_per_section=25))
    assert short.pages <= 2
    assert long.pages >= 4
    pdf = tmp_path / "long.pdf"
    pdf.write_bytes(long.pdf)
    info = subprocess.run([need("pdfinfo"), str(pdf)], capture_output=True, text=True).stdout
    assert f"Pages:           {long.pages}" in info
    pages = pdftotext(pdf).split("\f")
    for n in range(1, long.pages + 1):
        assert f"strona {n} z {long.pages}" in pages[n - 1]
    # the stamp box is on the last page, inside it
    assert long.stamp.page == long.pages - 1
    x1, y1, x2, y2 = long.stamp.box
    assert 0 < x1 < x2 < 595 and 50 < y1 < y2 < 842


def test_same_record_same_bytes_even_in_another_process(tmp_path: Path) -> None:
    doc = specimen_document()
    first = render_protocol(doc).pdf
    assert render_protocol(doc).pdf == first
    script = (
        "import sys, hashlib\n"
        "from auditdesk.reports.protocol_pdf import render_protocol\n"
        "from auditdesk.reports.specimen import specimen_document\n"
        "sys.stdout.write(hashlib.sha256(render_protocol(specimen_document()).pdf).hexdigest())"
    )
    other = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout
    import hashlib

    assert other == hashlib.sha256(first).hexdigest()
    changed = render_protocol(specimen_document(record_id=2)).pdf
    assert changed != first


def test_metadata_fonts_and_structure(tmp_path: Path) -> None:
    pdf = tmp_path / "p.pdf"
    pdf.write_bytes(render_protocol(specimen_document()).pdf)
    info = subprocess.run([need("pdfinfo"), str(pdf)], capture_output=True, text=True).stdout
    assert "Protokół z badania metodą „Tajemniczy Klient” nr TK/2025/0001" in info
    assert "Łukasz Źdźbło" in info  # author
    assert "tajemniczy klient" in info  # keywords
    assert "2025" in info.split("CreationDate:")[1].splitlines()[0]  # the record's date
    fonts = subprocess.run(
        [need("pdffonts"), str(pdf)], capture_output=True, text=True
    ).stdout.splitlines()[2:]
    assert fonts and all(" yes yes yes " in line for line in fonts), fonts
    assert all("DejaVuSans" in line for line in fonts)
    check = qpdf_check(pdf)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "No syntax or stream encoding errors" in check.stdout


def test_user_text_with_markup_characters_is_printed_not_parsed(tmp_path: Path) -> None:
    from dataclasses import replace

    from auditdesk.reports.protocol_model import TextBlock

    doc = replace(
        specimen_document(with_images=False),
        blocks=(TextBlock("Uwagi", "Kwota <b>150 zł</b> & opłata"),),
    )
    pdf = tmp_path / "p.pdf"
    pdf.write_bytes(render_protocol(doc).pdf)
    assert "Kwota <b>150 zł</b> & opłata" in pdftotext(pdf)


def test_stamp_font_has_1000_units_per_em() -> None:
    from fontTools.ttLib import TTFont

    font = TTFont(str(stamp_font_file()))
    assert font["head"].unitsPerEm == STAMP_UNITS_PER_EM
    cmap = font.getBestCmap()
    assert all(ord(c) in cmap for c in "ąćęłńóśźżĄĆĘŁŃÓŚŹŻ")


def test_phone_photo_thumbnail_is_small_and_upright(tmp_path: Path) -> None:
    """A 12-megapixel photo stored sideways (EXIF orientation 6, as phones save a portrait
    shot) gets a thumbnail turned upright and scaled down, not the whole photo in the PDF."""
    need("pdfimages")
    photo = Image.new("RGB", (4000, 3000), (200, 120, 40))
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: rotate 90° clockwise to display
    buf = io.BytesIO()
    photo.save(buf, format="JPEG", quality=85, exif=exif)
    doc = specimen_document(items_per_section=2, with_images=False)
    evidence = dataclasses.replace(doc.evidence[0], image=buf.getvalue())
    pdf = tmp_path / "photo.pdf"
    pdf.write_bytes(render_protocol(dataclasses.replace(doc, evidence=(evidence,))).pdf)
    listing = subprocess.run(
        ["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    sizes = [(int(line.split()[3]), int(line.split()[4])) for line in listing]
    assert len(sizes) == 1
    width, height = sizes[0]
    assert height > width  # upright: portrait, as the phone showed it
    assert height <= 400  # a thumbnail, not the 4000-pixel original
