"""Every file AuditDesk reads costs a bounded time and memory, however it was crafted (issue 11):
forms (YAML aliases), settings, audit imports (nesting, long strings, many items, size), PDFs to
verify and evidence. Over a bound: one line naming the file and the limit, no traceback.

Each reader runs under `deadline`, so a reader that is not bounded fails the test (an alarm)
instead of hanging the suite."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from types import FrameType

import pytest
from sqlalchemy import select

from auditdesk.cli import main
from auditdesk.domain.errors import FormError
from auditdesk.domain.forms.loader import load_form
from auditdesk.services import audits as svc
from auditdesk.services.context import Actor, AppContext
from auditdesk.settings import Settings
from auditdesk.store.models import OrgUnit, User


class Overtime(Exception):
    pass


@contextmanager
def deadline(seconds: int) -> Iterator[None]:
    """Fails the block when it takes longer than `seconds` (SIGALRM interrupts Python code)."""

    def ring(_sig: int, _frame: FrameType | None) -> None:
        raise Overtime(f"still reading after {seconds} s: the reader is not bounded")

    previous = signal.signal(signal.SIGALRM, ring)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def one_line_error(capsys: pytest.CaptureFixture[str]) -> str:
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err + captured.out
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    return lines[0]


# --- forms ------------------------------------------------------------------------------------

LAUGHS = "\n".join(
    ["kind: checklist", 'l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    + [f"l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 9)}]" for n in range(1, 10)]
)


def test_form_billion_laughs_is_refused_at_once(tmp_path: Path) -> None:
    path = tmp_path / "laughs.yaml"
    path.write_text(LAUGHS, encoding="utf-8")  # 9**10 values once expanded, 1 KB on disk
    start = time.perf_counter()
    with deadline(5), pytest.raises(FormError) as err:
        load_form(path)
    assert time.perf_counter() - start < 2
    assert str(path) in str(err.value) and "aliases" in str(err.value)
    assert "line 3" in str(err.value)


def test_form_file_over_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as handle:  # sparse: 3 GB claimed, nothing on the disk
        handle.truncate(3 * 1024**3)
    with deadline(5), pytest.raises(FormError) as err:
        load_form(path)
    assert str(path) in str(err.value) and "limit of 2 MB" in str(err.value)


# --- settings ---------------------------------------------------------------------------------


def _settings_file(content: bytes) -> Path:
    path = Settings.path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return path


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b'{"language": "en", "pad": "' + b"x" * (3 * 1024 * 1024) + b'"}', "limit"),
        (b"[" * 100_000 + b"]" * 100_000, "nested"),
        (b'{"language": ' * 50_000 + b'"en"' + b"}" * 50_000, "nested"),
        (os.urandom(4096), ""),
        (b"\xef\xbb\xbf\x00\x00garbage{", ""),
        (b'["language", "en"]', "no object"),
    ],
    ids=["huge", "deep-array", "deep-object", "random-bytes", "garbage", "not-an-object"],
)
def test_bad_settings_file_starts_with_defaults_says_so_and_is_kept(
    content: bytes, reason: str
) -> None:
    path = _settings_file(content)
    with deadline(5):
        settings = Settings.load()
    assert settings == Settings()  # the defaults (language pl)
    assert settings.load_problem is not None
    message = str(settings.load_problem)
    assert str(path) in message and "default settings" in message and reason in message
    kept = path.with_name("settings.json.bad")
    assert kept.read_bytes() == content and not path.exists()
    settings.save()  # the next save writes a good file beside the kept one
    assert Settings.load().load_problem is None and kept.exists()


def test_a_second_bad_settings_file_does_not_overwrite_the_first() -> None:
    _settings_file(b"{broken")
    Settings.load()
    path = _settings_file(b"[" * 5000)
    Settings.load()
    assert path.with_name("settings.json.bad").read_bytes() == b"{broken"
    assert path.with_name("settings.json.bad.1").read_bytes() == b"[" * 5000


# --- audit import -----------------------------------------------------------------------------


def _envelope(audits: str) -> bytes:
    return (
        '{"format": "auditdesk-audits", "format_version": 1, "audits": ' + audits + "}"
    ).encode()


def _import_cli(db_path: Path, path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    capsys.readouterr()
    with deadline(20):
        code = main(["--db", str(db_path), "audits", "import", str(path)])
    assert code == 1
    line = one_line_error(capsys)
    assert str(path) in line
    return line


def test_import_nested_100000_levels(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "deep.json"
    path.write_bytes(_envelope("[" * 100_000 + "]" * 100_000))
    assert "nested more than" in _import_cli(db_path, path, capsys)


def test_import_nested_below_the_parser_limit_but_above_ours(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "deep.json"
    path.write_bytes(_envelope('[{"scenario": ' + '{"a": ' * 500 + "1" + "}" * 500 + "}]"))
    line = _import_cli(db_path, path, capsys)
    assert "nested more than 32 levels" in line and "audits[0].scenario" in line


def test_import_50_mb_string(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "long.json"
    comment = "x" * (50 * 1024 * 1024)
    audit = '{"uid": "u", "answers": [{"item_id": "a", "comment": "' + comment + '"}]}'
    path.write_bytes(_envelope("[" + audit + "]"))
    line = _import_cli(db_path, path, capsys)
    assert "audits[0].answers[0].comment" in line and "limit of 100,000" in line


def test_import_a_million_audits(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "many.json"
    path.write_bytes(_envelope("[" + ",".join(["{}"] * 1_000_000) + "]"))
    line = _import_cli(db_path, path, capsys)
    assert "1,000,000 entries" in line and "limit of 100,000" in line


def test_import_too_many_answers_in_one_audit(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "answers.json"
    answers = ",".join(['{"item_id": "a"}'] * 5000)
    path.write_bytes(_envelope('[{"uid": "u", "answers": [' + answers + "]}]"))
    line = _import_cli(db_path, path, capsys)
    assert "audits[0] has 5,000 answers" in line


def test_import_file_over_the_size_limit_is_refused_unread(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "huge.json"
    with path.open("wb") as handle:  # sparse: 2 GB claimed
        handle.truncate(2 * 1024**3)
    line = _import_cli(db_path, path, capsys)
    assert "above the limit of 1024 MB" in line and "nothing was read" in line


# --- PDFs to verify ---------------------------------------------------------------------------


def _pdf(body: bytes) -> bytes:
    head = b"%PDF-1.7\n"
    obj = b"1 0 obj\n" + body + b"\nendobj\n"
    xref = len(head) + len(obj)
    return (
        head
        + obj
        + b"xref\n0 2\n0000000000 65535 f \n%010d 00000 n \n" % len(head)
        + b"trailer\n<</Size 2/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % xref
    )


def _verify_cli(
    path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> str:
    monkeypatch.setattr(  # no database: the file alone is judged
        "auditdesk.store.db.default_database_path", lambda: path.with_name("none.sqlite")
    )
    capsys.readouterr()
    with deadline(10):
        code = main(["verify", str(path)])
    assert code == 2
    line = one_line_error(capsys)
    assert str(path) in line
    return line


@pytest.mark.parametrize(
    "content",
    [
        _pdf(b"<</Type/Catalog/AcroForm <</Fields " + b"[" * 100_000 + b"]" * 100_000 + b">> >>"),
        _pdf(b"<</Type/Catalog/AcroForm " + b"<</A " * 30_000 + b"1" + b">>" * 30_000 + b">>"),
        os.urandom(100_000),
        b"%PDF-1.7\n" + os.urandom(100_000),
    ],
    ids=["deep-fields", "deep-dict", "random", "random-after-header"],
)
def test_garbage_pdf_exit_2_one_line(
    content: bytes,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = tmp_path / "protocol.pdf"
    path.write_bytes(content)
    assert "not a readable PDF" in _verify_cli(path, capsys, monkeypatch)


def test_huge_pdf_is_refused_unread(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "huge.pdf"
    with path.open("wb") as handle:  # sparse: 1 GB claimed
        handle.truncate(1024**3)
    start = time.perf_counter()
    line = _verify_cli(path, capsys, monkeypatch)
    assert "larger than the limit of 256 MB" in line and time.perf_counter() - start < 2


# --- evidence ---------------------------------------------------------------------------------


@pytest.fixture
def draft(demo_ctx: AppContext) -> tuple[AppContext, int]:
    """A draft phone audit of audytor2 in the demo office, and audytor2 acting."""
    with demo_ctx.db.session() as s:
        user = s.scalar(select(User).where(User.login == "audytor2"))
        unit = s.scalar(select(OrgUnit.id).where(OrgUnit.code == "WKS"))
        assert user is not None and unit is not None
        me = AppContext(demo_ctx.db, Actor.of(user))
    form = next(f.version_id for f in svc.checklist_forms(me) if f.form_id == "tk-telefon")
    new = svc.NewAudit(form, "phone", unit, datetime(2035, 2, 3, 11), scenario={"sprawa": "x"})
    return me, svc.start_audit(me, new)


def test_evidence_that_grows_after_its_size_was_checked_is_refused(
    draft: tuple[AppContext, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "nagranie.m4a"
    path.write_bytes(b"\x00" * (2 * 1024 * 1024))
    real_stat = Path.stat

    def stale_stat(self: Path, **kw: bool) -> os.stat_result:
        st = real_stat(self, **kw)
        if self == path:  # what stat said a moment before the file grew
            return os.stat_result((st.st_mode, 0, 0, 1, 0, 0, 0, 0, 0, 0))
        return st

    monkeypatch.setattr(Path, "stat", stale_stat)
    with deadline(5), pytest.raises(svc.EvidenceTooLarge) as err:
        svc.add_evidence(*draft, path, max_bytes=1024 * 1024)
    assert "nagranie.m4a" in str(err.value) and "limit of 1 MB" in str(err.value)


def test_evidence_from_a_device_without_size_is_bounded(draft: tuple[AppContext, int]) -> None:
    with deadline(5), pytest.raises(svc.EvidenceTooLarge):
        svc.add_evidence(*draft, Path("/dev/zero"), max_bytes=1024 * 1024)


def test_evidence_over_the_limit_is_refused(draft: tuple[AppContext, int], tmp_path: Path) -> None:
    path = tmp_path / "film.mp4"
    with path.open("wb") as handle:  # sparse: 3 GB claimed
        handle.truncate(3 * 1024**3)
    with deadline(5), pytest.raises(svc.EvidenceTooLarge) as err:
        svc.add_evidence(*draft, path)
    assert "film.mp4" in str(err.value) and "limit of 50 MB" in str(err.value)
