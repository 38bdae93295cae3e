"""A private SoftHSM2 token for the PKCS#11 tests (reports, export service, export dialog)."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from auditdesk.reports.certs import build_certificate

SOFTHSM_LIB_CANDIDATES = (
    "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
    "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so",
    "/usr/lib/softhsm/libsofthsm2.so",
    "/usr/local/lib/softhsm/libsofthsm2.so",
)

TOKEN_SIGNER = "Urzędnik Łukasz Żółć"
# the keys on the test token: (label, kind, id); the first is the one softhsm_token names
KEYS = (("podpis", "rsa", "01"), ("podpis-ec", "ec", "02"), ("podpis-ed", "ed25519", "03"))


def _softhsm_lib() -> str:
    # Skips justified: SoftHSM2 and opensc are system packages; scripts/setup.sh (and so CI)
    # installs them, so these tests run in CI and skip only on a machine set up by hand.
    if shutil.which("softhsm2-util") is None:
        pytest.skip("softhsm2 is not installed (Debian package softhsm2); CI installs it")
    for candidate in SOFTHSM_LIB_CANDIDATES:
        if Path(candidate).is_file():
            return candidate
    pytest.skip("libsofthsm2.so not found in the usual places")


@pytest.fixture(scope="session")
def softhsm_token(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str, str, str]:
    """A private SoftHSM2 token holding a key and a certificate with a Polish name."""
    lib = _softhsm_lib()
    if shutil.which("pkcs11-tool") is None:
        pytest.skip("pkcs11-tool is not installed (Debian package opensc); CI installs it")
    folder = tmp_path_factory.mktemp("softhsm")
    (folder / "tokens").mkdir()
    conf = folder / "softhsm2.conf"
    conf.write_text(
        f"directories.tokendir = {folder / 'tokens'}\n"
        "objectstore.backend = file\nlog.level = ERROR\n"
    )
    os.environ["SOFTHSM2_CONF"] = str(conf)
    label, pin, key_label = "AuditDesk Test", "123456", KEYS[0][0]
    run = lambda *args: subprocess.run(args, check=True, capture_output=True)  # noqa: E731
    run(
        "softhsm2-util",
        "--init-token",
        "--free",
        "--label",
        label,
        "--pin",
        pin,
        "--so-pin",
        "654321",
    )
    for name, kind, key_id in KEYS:
        _put_key(run, lib, folder, label, pin, name, kind, key_id)
    return lib, label, key_label, pin


def _put_key(
    run: Callable[..., object],
    lib: str,
    folder: Path,
    label: str,
    pin: str,
    key_label: str,
    kind: str,
    key_id: str,
) -> None:
    """A new key of `kind` and its certificate (for TOKEN_SIGNER) under one label and id."""
    key, cert = build_certificate(TOKEN_SIGNER, key_type=kind)
    key_pem = folder / "key.pem"
    key_pem.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    try:
        run(
            "softhsm2-util",
            "--import",
            str(key_pem),
            "--token",
            label,
            "--label",
            key_label,
            "--id",
            key_id,
            "--pin",
            pin,
        )
    finally:
        key_pem.unlink()
    cert_der = folder / "cert.der"
    cert_der.write_bytes(cert.public_bytes(serialization.Encoding.DER))
    run(
        "pkcs11-tool",
        "--module",
        lib,
        "--login",
        "--pin",
        pin,
        "--token-label",
        label,
        "--write-object",
        str(cert_der),
        "--type",
        "cert",
        "--label",
        key_label,
        "--id",
        key_id,
    )
