"""A certificate made by AuditDesk is valid from the moment its caller's clock gives (time is an
input: the command line passes its clock's now)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509

from auditdesk.reports.certs import create_certificate


def test_the_certificate_is_valid_from_the_given_moment(tmp_path: Path) -> None:
    made_at = datetime(2031, 5, 4, 10, 0, tzinfo=UTC)
    made = create_certificate("Łucja Ćma", tmp_path / "podpis.p12", b"haslo", now=made_at)
    cert = x509.load_pem_x509_certificate(made.pem.read_bytes())
    assert cert.not_valid_before_utc == made_at - timedelta(minutes=5)
    assert made.not_after == cert.not_valid_after_utc > made_at + timedelta(days=365)
