"""Fixtures for protocol tests: a self-issued certificate made once per session."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from PIL import Image

sys.path.insert(0, str(Path(__file__).parent))

from protocol_helpers import PASSWORD, SignerCert

from auditdesk.reports.certs import create_certificate


@pytest.fixture(scope="session")
def cert(tmp_path_factory: pytest.TempPathFactory) -> SignerCert:
    folder = tmp_path_factory.mktemp("cert")
    name = "Józefa Ćwiąkała-Żółtowska"
    made = create_certificate(name, folder / "signer.p12", PASSWORD.encode())
    return SignerCert(made.p12, made.pem, PASSWORD.encode(), name)


@pytest.fixture(scope="session")
def photo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    img = Image.new("RGB", (640, 480), (170, 190, 210))
    buf = io.BytesIO()
    img.save(buf, format="JPEG")
    path = tmp_path_factory.mktemp("photo") / "zdjęcie.jpg"
    path.write_bytes(buf.getvalue())
    return path
