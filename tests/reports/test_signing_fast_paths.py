"""The two fast paths of signing: the CMS container refilled from a template, and the stamp font
embedded whole. Each must give what pyHanko's own path gives: the same container bytes, and a
stamp that verifies and reads the same; a name outside the small stamp font still prints."""

from __future__ import annotations

import asyncio
import hashlib
import subprocess
import zlib
from pathlib import Path

import pytest
from asn1crypto import cms
from pyhanko.sign import signers

from auditdesk.reports.certs import create_certificate
from auditdesk.reports.cms_template import CmsTemplate, TemplateError
from auditdesk.reports.fonts import stamp_font_file
from auditdesk.reports.protocol_pdf import RenderedProtocol, render_protocol
from auditdesk.reports.signing import SignRequest, load_pkcs12_signer, sign_pdf
from auditdesk.reports.specimen import specimen_document
from auditdesk.reports.stamp_font import covers
from auditdesk.reports.verify import load_trust_roots, verify_pdf
from protocol_helpers import SignerCert, pdfsig, pdftotext, qpdf_check


@pytest.fixture(scope="module")
def rendered() -> RenderedProtocol:
    return render_protocol(specimen_document())


def _pyhanko_container(signer: signers.Signer, digest: bytes) -> bytes:
    """The container as pyHanko's own SimpleSigner.async_sign builds it."""
    made = asyncio.run(
        signers.SimpleSigner.async_sign(signer, digest, "sha256", use_pades=True)  # type: ignore[arg-type]
    )
    return bytes(made.dump())


@pytest.mark.parametrize("seed", [b"first", b"second", b"third"])
def test_template_container_equals_pyhankos_byte_for_byte(cert: SignerCert, seed: bytes) -> None:
    signer = load_pkcs12_signer(cert.p12, cert.password)
    digest = hashlib.sha256(seed).digest()
    ours = asyncio.run(signer.async_sign(digest, "sha256", use_pades=True))
    assert ours.dump() == _pyhanko_container(signer, digest)
    info = ours["content"]["signer_infos"][0]
    attrs = {a["type"].native: a["values"][0].native for a in info["signed_attrs"]}
    assert attrs["message_digest"] == digest


def test_template_is_not_used_where_the_container_differs(
    cert: SignerCert, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A dry run (size estimate) and a non-PAdES signature go pyHanko's own way."""

    def no_template(*_args: object) -> CmsTemplate:
        raise AssertionError("the template must not be used here")

    monkeypatch.setattr(CmsTemplate, "from_sample", no_template)
    signer = load_pkcs12_signer(cert.p12, cert.password)
    digest = hashlib.sha256(b"x").digest()
    asyncio.run(signer.async_sign(digest, "sha256", dry_run=True, use_pades=True))
    generic = asyncio.run(signer.async_sign(digest, "sha256", use_pades=False))
    types = {a["type"].native for a in generic["content"]["signer_infos"][0]["signed_attrs"]}
    assert "cms_algorithm_protection" in types  # pyHanko's generic CMS attributes, not PAdES
    with pytest.raises(AssertionError, match="must not be used"):
        asyncio.run(signer.async_sign(digest, "sha256", use_pades=True))


def test_template_refuses_a_sample_without_the_digest(cert: SignerCert) -> None:
    signer = load_pkcs12_signer(cert.p12, cert.password)
    sample = cms.ContentInfo.load(_pyhanko_container(signer, hashlib.sha256(b"a").digest()))
    with pytest.raises(TemplateError, match="message digest"):
        CmsTemplate.from_sample(sample, hashlib.sha256(b"not in it").digest())
    template = CmsTemplate.from_sample(sample, hashlib.sha256(b"a").digest())
    with pytest.raises(TemplateError, match="20 bytes"):
        template.fill(b"\0" * 20, lambda _tbs: b"")


def _fonts(path: Path) -> str:
    return subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout


def test_small_stamp_font_is_embedded_whole_and_reads_back(
    rendered: RenderedProtocol, cert: SignerCert, tmp_path: Path
) -> None:
    signer = load_pkcs12_signer(cert.p12, cert.password)
    request = SignRequest("Zatwierdzenie protokołu", "Łódź", rendered.stamp)
    first = tmp_path / "first.pdf"
    first.write_bytes(sign_pdf(rendered.pdf, signer, request))
    second = tmp_path / "second.pdf"
    second.write_bytes(sign_pdf(rendered.pdf, signer, request))
    for path in (first, second):
        assert "Signature is Valid" in pdfsig(path)
        assert qpdf_check(path).returncode == 0
        assert verify_pdf(path.read_bytes(), load_trust_roots([cert.pem])).trusted is True
        text = pdftotext(path)
        assert cert.name in text and "Łódź" in text
    # the stamp font program is the cached file, the same in every signature
    font = stamp_font_file().read_bytes()
    assert covers(stamp_font_file(), cert.name + "Łódź")
    listing = _fonts(first)
    assert "DejaVuSans" in listing and "CID TrueType" in listing
    compressed = zlib.compress(font, 9)
    assert compressed in first.read_bytes() and compressed in second.read_bytes()


def test_name_outside_the_small_font_falls_back_to_full_dejavu(
    rendered: RenderedProtocol, tmp_path: Path
) -> None:
    name = "Олена Шевченко"  # a Ukrainian employee's name, in Cyrillic
    assert not covers(stamp_font_file(), name)
    assert covers(stamp_font_file(full=True), name)
    made = create_certificate(name, tmp_path / "ua.p12", b"haslo")
    signer = load_pkcs12_signer(made.p12, b"haslo")
    path = tmp_path / "ua.pdf"
    request = SignRequest("Zatwierdzenie", "Łódź", rendered.stamp)
    path.write_bytes(sign_pdf(rendered.pdf, signer, request))
    assert "Signature is Valid" in pdfsig(path)
    assert name in pdftotext(path)
    assert zlib.compress(stamp_font_file().read_bytes(), 9) not in path.read_bytes()


def test_signer_without_a_template_signs_the_usual_way(
    rendered: RenderedProtocol, cert: SignerCert, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Should pyHanko ever build a container the template cannot hold, each signature is built
    by pyHanko in full: slower, never wrong."""

    def unusable(*_args: object) -> CmsTemplate:
        raise TemplateError("the signature is not found exactly once in the sample container")

    monkeypatch.setattr(CmsTemplate, "from_sample", unusable)
    signer = load_pkcs12_signer(cert.p12, cert.password)
    request = SignRequest("Zatwierdzenie protokołu", "Łódź", rendered.stamp)
    for n in range(2):
        path = tmp_path / f"{n}.pdf"
        path.write_bytes(sign_pdf(rendered.pdf, signer, request))
        assert "Signature is Valid" in pdfsig(path)
        assert verify_pdf(path.read_bytes()).intact
