"""`auditdesk verify` on a signed protocol changed afterwards by an incremental update: the
verdict (not intact, exit 1) and nothing else on the terminal. pyHanko logs such a file with a
warning and a full traceback; that goes to the log file."""

from __future__ import annotations

import io
import logging
import os
import subprocess
import sys
import warnings
from pathlib import Path
from typing import Any

import pytest
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

from auditdesk.reports import verify
from auditdesk.reports.protocol_pdf import render_protocol
from auditdesk.reports.signing import SignRequest, load_pkcs12_signer, sign_pdf
from auditdesk.reports.specimen import specimen_document
from protocol_helpers import SignerCert


@pytest.fixture(scope="module")
def signed(cert: SignerCert) -> bytes:
    rendered = render_protocol(specimen_document())
    signer = load_pkcs12_signer(cert.p12, cert.password)
    return sign_pdf(rendered.pdf, signer, SignRequest("Zatwierdzenie", "Łódź", rendered.stamp))


def updated(pdf: bytes, *, root: bool) -> bytes:
    """`pdf` with an incremental update appended: new document information (a title), and
    with `root` also a changed catalogue entry, which pyHanko's diff policy cannot classify."""
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    info = generic.DictionaryObject(
        {generic.NameObject("/Title"): generic.TextStringObject("Protokół — dopisany tytuł")}
    )
    writer.set_info(info)
    if root:
        writer.root["/PageMode"] = generic.NameObject("/UseOutlines")
        writer.update_root()
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def run_verify(path: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XDG_DATA_HOME": str(home)}  # no database: only the file is judged
    return subprocess.run(
        [sys.executable, "-m", "auditdesk", "verify", str(path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


@pytest.mark.parametrize("root", [False, True], ids=["metadata", "catalogue"])
def test_verify_of_an_updated_file_prints_the_verdict_and_no_traceback(
    signed: bytes, tmp_path: Path, root: bool
) -> None:
    path = tmp_path / "updated.pdf"
    path.write_bytes(updated(signed, root=root))
    done = run_verify(path, tmp_path)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Intact: NO - the file was changed after signing" in done.stdout
    assert "Traceback" not in done.stderr and "Traceback" not in done.stdout
    assert done.stderr.strip() == ""
    log = Path(os.environ["AUDITDESK_CONFIG_DIR"]) / "logs" / "auditdesk.log"
    if root:  # pyHanko's note about the update it could not classify, kept for the curious
        assert "pyhanko" in log.read_text("utf-8") and "Traceback" in log.read_text("utf-8")
        good = tmp_path / "good.pdf"  # and the file as signed still verifies
        good.write_bytes(signed)
        assert run_verify(good, tmp_path).returncode == 0


def test_pyhanko_warnings_and_log_records_go_to_the_log_file_only(
    signed: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = verify.validate_pdf_signature

    def noisy(*args: Any, **kwargs: Any) -> Any:
        warnings.warn("certvalidator: something odd", UserWarning, stacklevel=1)
        try:
            raise ValueError("a diff pyHanko could not classify")
        except ValueError:
            logging.getLogger("pyhanko.sign.diff_analysis").warning("noted", exc_info=True)
        return real(*args, **kwargs)

    monkeypatch.setattr(verify, "validate_pdf_signature", noisy)
    console, file_out = io.StringIO(), tmp_path / "x.log"
    root = logging.getLogger()
    to_console, to_file = logging.StreamHandler(console), logging.FileHandler(file_out)
    root.addHandler(to_console)
    root.addHandler(to_file)
    try:
        with warnings.catch_warnings(record=True) as outside:
            warnings.simplefilter("always")
            assert verify.verify_pdf(signed).intact
    finally:
        root.removeHandler(to_console)
        root.removeHandler(to_file)
        to_file.close()
    assert console.getvalue() == "" and not outside
    logged = file_out.read_text("utf-8")
    assert "something odd" in logged and "Traceback" in logged and "a diff pyHanko" in logged
    assert logging.getLogger("pyhanko").propagate  # restored afterwards
