"""The stamp font engine: pyHanko's OpenType glyph accumulator, minus the per-signature subset.

pyHanko embeds a fresh subset of the stamp font in every signature: fontTools reads, subsets,
recompiles and compresses the font each time (about 20 ms, the largest single cost of a bulk
export's signature). Our stamp font is already a small subset of DejaVu Sans (Latin with Polish
letters and punctuation, about 55 KB, fonts.py), so this engine embeds that whole font instead:
compressed once per process and the same bytes in every signature. Shaping, glyph widths, the
ToUnicode map and the marked content stay pyHanko's own, so the stamp reads and extracts exactly
as before. A text with a character the stamp font lacks is refused by `covers`, and the caller
falls back to pyHanko's own engine with the full DejaVu Sans.
"""

from __future__ import annotations

import functools
import io
import zlib
from pathlib import Path
from typing import Any

from fontTools.ttLib import TTFont
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.font.api import FontEngineFactory
from pyhanko.pdf_utils.font.opentype import CIDFontType2, GlyphAccumulator
from pyhanko.pdf_utils.writer import BasePdfFileWriter


@functools.cache
def _font_bytes(path: str) -> bytes:
    return Path(path).read_bytes()


@functools.cache
def _compressed(path: str) -> bytes:
    return zlib.compress(_font_bytes(path), 9)


@functools.cache
def _codepoints(path: str) -> frozenset[int]:
    font = TTFont(io.BytesIO(_font_bytes(path)), lazy=True)
    return frozenset(font.getBestCmap())


def covers(path: Path, text: str) -> bool:
    """Whether every character of `text` (line breaks aside) has a glyph in the font."""
    have = _codepoints(str(path))
    return all(ord(ch) in have for ch in text if ch not in "\r\n")


class _WholeFontCID(CIDFontType2):
    """A CIDFontType2 whose font program is the whole (pre-subset) file, compressed once."""

    def __init__(self, tt: TTFont, base_ps_name: str, subset_prefix: str, path: str) -> None:
        super().__init__(tt, base_ps_name, subset_prefix)
        self._path = path

    def set_font_file(self, writer: BasePdfFileWriter) -> generic.IndirectObject:
        size = generic.NumberObject(len(_font_bytes(self._path)))  # type: ignore[no-untyped-call]
        stream = generic.StreamObject(
            {
                generic.pdf_name("/Filter"): generic.pdf_name("/FlateDecode"),
                generic.pdf_name("/Length1"): size,
            },
            encoded_data=_compressed(self._path),
        )
        ref: generic.IndirectObject = writer.add_object(stream)
        self._font_descriptor[generic.pdf_name("/FontFile2")] = ref
        return ref


class _WholeFontAccumulator(GlyphAccumulator):
    def __init__(self, writer: BasePdfFileWriter, path: str, font_size: int, **kw: Any) -> None:
        super().__init__(writer, io.BytesIO(_font_bytes(path)), font_size, **kw)
        cid = self.cidfont_obj
        if not isinstance(cid, CIDFontType2):  # a CFF font would need pyHanko's own path
            raise TypeError(f"{path}: the stamp font must be TrueType")
        base = str(cid.name).split("+", 1)[-1]
        self.cidfont_obj = _WholeFontCID(self.tt, base, self.subset_prefix, path)

    def _extract_subset(self, options: Any = None) -> None:
        """Nothing to cut: the file is the subset (glyph ids stay as they are)."""


class WholeStampFont(FontEngineFactory):
    """A font engine factory for pyHanko stamps that embeds the given small font whole."""

    def __init__(self, path: Path, font_size: int) -> None:
        self.path = str(path)
        self.font_size = font_size

    def create_font_engine(
        self, writer: BasePdfFileWriter, obj_stream: Any = None
    ) -> GlyphAccumulator:
        if obj_stream is None and writer.stream_xrefs:
            obj_stream = writer.prepare_object_stream()  # type: ignore[no-untyped-call]
        return _WholeFontAccumulator(writer, self.path, self.font_size, obj_stream=obj_stream)
