"""The document model a protocol PDF is drawn from, shared by audits and appraisals.

Plain frozen values: the audit and appraisal mappings (audit_protocol.py, appraisal_protocol.py)
fill it from the services' protocol data, and protocol_pdf.py lays it out. Nothing here knows
reportlab, so a protocol's content can be tested without drawing it.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime


class Align(enum.StrEnum):
    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"


@dataclass(frozen=True)
class Field:
    """One labelled value in the header or the summary ("Data wizyty: 14.03.2025")."""

    label: str
    value: str


@dataclass(frozen=True)
class Column:
    title: str
    width: float  # relative share of the table width
    align: Align = Align.LEFT


@dataclass(frozen=True)
class Row:
    cells: tuple[str, ...]
    highlight: bool = False  # a critical failure: drawn in red on a tinted background
    note: str = ""  # a comment or justification, shown under the row across all columns


@dataclass(frozen=True)
class Section:
    """A titled table: a checklist section, the criteria of an appraisal, development areas."""

    title: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    summary: str = ""  # e.g. "Wynik sekcji: 12 z 15 pkt (80,0%)"
    intro: str = ""
    empty_text: str = "brak pozycji"


@dataclass(frozen=True)
class TextBlock:
    """A paragraph under a heading (the employee's objection, the auditor's remarks)."""

    title: str
    text: str
    highlight: bool = False


@dataclass(frozen=True)
class Evidence:
    name: str
    sha256: str
    caption: str = ""
    image: bytes | None = None  # the photo itself (JPEG/PNG); a thumbnail is drawn from it


@dataclass(frozen=True)
class SignatureBlock:
    role: str  # "Audytor", "Oceniający", "Pracownik"
    name: str
    date: str = ""  # as it should be printed
    image: bytes | None = None  # the drawn signature, PNG with transparency


@dataclass(frozen=True)
class IndexEntry:
    """What the HR index (index.csv / index.xlsx) lists for a protocol."""

    unit: str
    employee: str
    record_date: date | None
    result: str  # score with verdict, or the appraisal's level


@dataclass(frozen=True)
class ProtocolDocument:
    kind: str  # "audit" or "appraisal"
    record_id: int
    record_number: str  # printed, and the exported file's name
    title: str  # "Protokół z badania metodą Tajemniczego Klienta"
    office: str
    unit: str
    form_name: str
    form_version: str  # edition and the first characters of the content hash
    created: datetime  # from the record (completion time): the PDF's dates, never "now"
    author: str
    index: IndexEntry
    header: tuple[Field, ...] = ()
    sections: tuple[Section, ...] = ()
    totals: tuple[Field, ...] = ()
    verdict: str = ""
    verdict_ok: bool | None = None  # None: no pass/fail (shown neutral)
    critical_failures: tuple[str, ...] = ()
    blocks: tuple[TextBlock, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    signatures: tuple[SignatureBlock, ...] = ()
    keywords: tuple[str, ...] = field(default_factory=tuple)
    subject: str = ""

    @property
    def file_stem(self) -> str:
        """The record number made safe as a file name (slashes and the like become '-')."""
        safe = "".join(c if c.isalnum() or c in "-_." else "-" for c in self.record_number)
        return safe.strip(".-") or f"{self.kind}-{self.record_id}"
