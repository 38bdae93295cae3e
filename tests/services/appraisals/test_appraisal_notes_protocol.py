"""The appraisal protocol prints the conversation's notes, dated, in their own section after the
IPRZ (issue 15); an appraisal without notes prints no empty section."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from test_appraisals_service import Org, boss, build_org, make_rated

from auditdesk.services import appraisals as svc
from auditdesk.services import protocols
from auditdesk.services.context import AppContext
from protocol_helpers import pdftotext

DAY = date(2026, 3, 2)


@pytest.fixture
def org(ctx: AppContext) -> Org:
    return build_org(ctx)


@pytest.mark.parametrize("today", [date(2026, 3, 10)], ids=str)
def test_the_protocol_prints_the_conversation_notes(
    ctx: AppContext, org: Org, tmp_path: Path, today: date
) -> None:
    a = make_rated(ctx, org, org.clerk, "powyzej", DAY)
    c = boss(ctx, org)
    path = tmp_path / "bez.pdf"
    path.write_bytes(protocols.export_protocol(c, "appraisal", a).pdf)
    assert "Przebieg rozmowy oceniającej" not in pdftotext(path)
    svc.add_conversation_note(
        c, a, DAY, "Omówiono terminowość; pracownica prosi o szkolenie z KPA."
    )
    svc.add_conversation_note(c, a, date(2026, 3, 3), "Uzgodniono dyżury w okienku nr 4.")
    path = tmp_path / "z_notatkami.pdf"
    path.write_bytes(protocols.export_protocol(c, "appraisal", a).pdf)
    text = " ".join(pdftotext(path).split())
    assert "Przebieg rozmowy oceniającej" in text
    assert "02.03.2026 Omówiono terminowość; pracownica prosi o szkolenie z KPA." in text
    assert "03.03.2026 Uzgodniono dyżury w okienku nr 4." in text
    assert text.index("Przebieg rozmowy") > text.index("IPRZ")
