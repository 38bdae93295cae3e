"""The access-request PDF (issue 19): every section with what it was given, Polish (the
default, dates dd.mm.yyyy, diacritics kept) or English, long texts wrapped over pages, and
markup in the data printed as text."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from auditdesk.reports.person_export import WORDS, person_pdf
from auditdesk.services.privacy import PersonData, ReadView, RequestView
from protocol_helpers import pdftotext, qpdf_check


def _data() -> PersonData:
    data = PersonData(
        employee_id=17,
        name="Zofia Źdźbło-Gęślarz",
        position="Inspektor",
        unit="BOK Biuro Obsługi Klienta",
        badge="B-017",
        email="z.zdzblo@urzad.example",
        employed_since=date(2015, 3, 1),
        employment_ended_on=None,
        restricted=True,
        made_on=date(2026, 12, 4),
    )
    data.appraisals.append(
        {
            "record_number": "OC/2026/0007",
            "status": "acknowledged",
            "period": "2024-12-01 – 2026-11-30",
            "appraiser": "Jan Kierownik",
            "overall_score": 4.2,
            "overall_level": "ponad oczekiwania",
            "made_on": date(2026, 12, 1),
            "read_on": date(2026, 12, 2),
            "read_comment": "",
            "ratings": [
                {
                    "criterion": "obsluga",
                    "level": "B",
                    "points": 4,
                    "justification": "Uprzejma <b>i</b> rzeczowa & terminowa. " * 30,
                }
            ],
            "objection": {
                "filed_on": date(2026, 12, 3),
                "reason": "Za niska ocena",
                "decision": "rejected",
                "decision_reason": "bez podstaw",
            },
        }
    )
    data.audits.append(
        {
            "record_no": "TK/2026/0042",
            "channel": "visit",
            "visited_at": datetime(2026, 3, 4, 10, 30),
            "status": "signed",
            "score": 91.5,
            "verdict": "Bardzo dobry",
            "observed_note": "okienko 3",
            "evidence_files": ["zdjęcie.jpg"],
        }
    )
    data.trail.extend(
        {
            "entry": n,
            "at": datetime(2026, 1, 1, 9, 0),
            "actor": "kadry",
            "action": "update",
            "record": f"appraisal #{n}",
            "before": None,
            "after": '{"text": "' + "x" * 400 + '"}',
        }
        for n in range(1, 120)
    )
    data.reads.append(ReadView(datetime(2026, 12, 4, 9, 15), "kierownik.bok", "appraisal", "7"))
    data.requests.append(
        RequestView(date(2026, 12, 4), "restriction", "kwestionuje ocenę", "kadry")
    )
    return data


def test_the_polish_answer(tmp_path: Path) -> None:
    pdf = tmp_path / "dostep.pdf"
    pdf.write_bytes(person_pdf(_data()))
    assert qpdf_check(pdf).returncode == 0
    text = pdftotext(pdf)
    assert "Dane osobowe dotyczące: Zofia Źdźbło-Gęślarz" in text
    assert "sporządzona 04.12.2026" in text and "RODO art. 15" in text
    for number in ("OC/2026/0007", "TK/2026/0042", "B-017", "zdjęcie.jpg", "kierownik.bok"):
        assert number in text
    assert "Ograniczenie przetwarzania" in text and "tak" in text
    assert "Uprzejma <b>i</b> rzeczowa & terminowa" in text  # markup printed, not applied
    assert "Oceny okresowe (1)" in text and "Brak danych." in text  # no feedback notes
    assert "przyjęta do wiadomości przez pracownika" in text and "acknowledged" not in text
    assert "restriction" not in text and "przetwarzania" in text
    assert "osobista" in text and "podpisane" in text and "odwołanie nieuwzględnione" in text
    assert "(119)" in text  # the trail over pages, its header repeated
    assert text.count("\f") >= 3


def test_the_english_answer(tmp_path: Path) -> None:
    pdf = tmp_path / "access.pdf"
    pdf.write_bytes(person_pdf(_data(), "en"))
    text = pdftotext(pdf)
    assert "Personal data held about Zofia Źdźbło-Gęślarz" in text
    assert "made on 2026-12-04" in text and "None held." in text
    assert "Dane osobowe" not in text


def test_every_phrase_has_both_languages() -> None:
    for key, (pl, en) in WORDS.items():
        assert pl and en, key
        assert sorted(_fields(pl)) == sorted(_fields(en)), key


def _fields(text: str) -> list[str]:
    import string

    return [f for _lit, f, _spec, _conv in string.Formatter().parse(text) if f]
