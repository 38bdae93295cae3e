"""The embedded fonts: DejaVu Sans for the protocols and a 1000-units-per-em copy for stamps.

The built-in PDF fonts have no Polish letters (ą, ę, ł, ś, ź, ż, ć, ń print as boxes), so every
protocol embeds DejaVu Sans, shipped in resources/fonts with its licence. pyHanko's stamp text
layout assumes 1000 font units per em and mangles text set in a font with another grid (DejaVu
has 2048), so the stamp uses a copy rescaled with fontTools, built once and cached on disk:
a small one (Latin with Polish letters) embedded whole in every signature, and a full one for
names in other scripts.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import tempfile
from pathlib import Path

import platformdirs
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from auditdesk.resources import resource_path

log = logging.getLogger(__name__)

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
STAMP_UNITS_PER_EM = 1000

# What a stamp can show: Latin with Polish letters, punctuation, dashes, quotes, the euro sign.
_STAMP_CODEPOINTS = [
    *range(0x20, 0x7F),
    *range(0xA0, 0x180),
    *range(0x2010, 0x2050),
    0x20AC,
]


def font_file(bold: bool = False) -> Path:
    return resource_path("fonts", f"{BOLD if bold else REGULAR}.ttf")


@functools.cache
def register_fonts() -> tuple[str, str]:
    """Registers DejaVu Sans (regular, bold) with reportlab once per process; returns the names."""
    pdfmetrics.registerFont(TTFont(REGULAR, str(font_file())))
    pdfmetrics.registerFont(TTFont(BOLD, str(font_file(bold=True))))
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, REGULAR)
    addMapping(REGULAR, 1, 1, BOLD)
    return REGULAR, BOLD


def _cache_dir() -> Path:
    override = os.environ.get("AUDITDESK_CACHE_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_cache_dir("AuditDesk", appauthor=False))


def build_stamp_font(source: Path, target: Path, codepoints: list[int] | None = None) -> Path:
    """Writes a subset of `source` rescaled to 1000 units per em to `target` (atomically)."""
    from fontTools import subset
    from fontTools.ttLib import TTFont as FtFont
    from fontTools.ttLib.scaleUpem import scale_upem

    font = FtFont(str(source))
    options = subset.Options()
    # no layout tables: a stamp needs no kerning; the small font is embedded whole
    # (stamp_font.py), and pyHanko's per-signature subsetting of the full one is several
    # times faster without GSUB/GPOS
    options.layout_features = []
    options.drop_tables += ["GSUB", "GPOS", "GDEF"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.drop_tables += ["FFTM"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codepoints or _STAMP_CODEPOINTS)
    subsetter.subset(font)
    if font["head"].unitsPerEm != STAMP_UNITS_PER_EM:
        scale_upem(font, STAMP_UNITS_PER_EM)
    target.parent.mkdir(parents=True, exist_ok=True)
    # several export processes may build it at once: each writes its own file, then renames
    fd, tmp_name = tempfile.mkstemp(prefix=target.stem, suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        font.save(tmp_name)
        os.replace(tmp_name, target)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return target


@functools.cache
def stamp_font_file(full: bool = False) -> Path:
    """The 1000-units-per-em DejaVu Sans for pyHanko stamps, built on first use and cached:
    Latin with Polish letters by default (small enough to embed whole), or `full`, every
    character of DejaVu Sans (Cyrillic and Greek names too), which pyHanko subsets itself."""
    source = font_file()
    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:16]
    name = f"{REGULAR}-{STAMP_UNITS_PER_EM}upem-{'full-' if full else ''}v2-{digest}.ttf"
    codepoints = None
    if full:
        from fontTools.ttLib import TTFont as FtFont

        codepoints = sorted(FtFont(str(source), lazy=True).getBestCmap())
    for folder in (_cache_dir() / "fonts", Path(tempfile.gettempdir()) / "auditdesk-fonts"):
        target = folder / name
        if target.is_file() and target.stat().st_size > 0:
            return target
        try:
            return build_stamp_font(source, target, codepoints)
        except OSError as exc:
            log.warning("%s: cannot write the stamp font (%s); trying another folder", target, exc)
    raise OSError("no writable folder for the stamp font cache")
