"""The cache of validated forms (issue 14): a cached form equals a freshly parsed one, a
changed file is parsed again, a corrupt entry is ignored, an invalid file is never cached; and
the C and pure-Python YAML paths read a form alike."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from auditdesk.domain.errors import FormError
from auditdesk.domain.forms import cache, loader
from auditdesk.domain.forms.loader import LoadedForm, load_form
from auditdesk.services.forms import form_files


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(cache, "_validated", {})  # nothing from other tests in this process
    return tmp_path / "cache"


def _same(a: LoadedForm, b: LoadedForm) -> None:
    assert a.definition == b.definition
    assert a.data == b.data
    assert a.content_hash == b.content_hash
    assert a.source == b.source


def _no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(text: str, source: str = "") -> LoadedForm:
        raise AssertionError(f"{source} was parsed again")

    monkeypatch.setattr(cache, "load_form_text", refuse)


@pytest.mark.parametrize("path", list(form_files()), ids=lambda p: p.name)
def test_a_cached_form_equals_a_freshly_parsed_one(
    path: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh = load_form(path)
    _same(cache.load_form_cached(path, folder), fresh)  # parsed, then written
    assert len(list(folder.glob("*.json"))) == 1
    _no_parsing(monkeypatch)
    _same(cache.load_form_cached(path, folder), fresh)  # this process: kept as validated
    monkeypatch.setattr(cache, "_validated", {})  # a new start: from the entry on disk
    _same(cache.load_form_cached(path, folder), fresh)


def _copy_form(tmp_path: Path) -> Path:
    source = next(p for p in form_files() if "survey" in str(p))
    return Path(shutil.copy(source, tmp_path / "form.yaml"))


def test_a_changed_file_is_parsed_again(tmp_path: Path, folder: Path) -> None:
    path = _copy_form(tmp_path)
    first = cache.load_form_cached(path, folder)
    text = path.read_text(encoding="utf-8")
    title = first.definition.title.pl
    assert text.count(title) >= 1
    path.write_text(text.replace(title, title + " (zmieniony)", 1), encoding="utf-8")
    second = cache.load_form_cached(path, folder)
    assert second.content_hash != first.content_hash
    assert second.definition.title.pl == title + " (zmieniony)"
    _same(second, load_form(path))
    assert len(list(folder.glob("*.json"))) == 2


@pytest.mark.parametrize("garbage", [b"", b"{not json", b'{"data": {"kind": "nope"}}', b"\xff"])
def test_a_corrupt_entry_is_ignored_and_written_again(
    tmp_path: Path, folder: Path, monkeypatch: pytest.MonkeyPatch, garbage: bytes
) -> None:
    path = _copy_form(tmp_path)
    fresh = cache.load_form_cached(path, folder)
    (entry,) = folder.glob("*.json")
    entry.write_bytes(garbage)
    monkeypatch.setattr(cache, "_validated", {})
    _same(cache.load_form_cached(path, folder), fresh)
    monkeypatch.setattr(cache, "_validated", {})
    _no_parsing(monkeypatch)  # the entry was written again
    _same(cache.load_form_cached(path, folder), fresh)


def test_an_entry_with_another_hash_is_not_trusted(tmp_path: Path, folder: Path) -> None:
    path = _copy_form(tmp_path)
    fresh = cache.load_form_cached(path, folder)
    (entry,) = folder.glob("*.json")
    entry.write_text(entry.read_text(encoding="utf-8").replace(fresh.content_hash, "0" * 64))
    cache._validated.clear()
    _same(cache.load_form_cached(path, folder), fresh)


def test_an_invalid_form_is_refused_and_not_cached(tmp_path: Path, folder: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("kind: survey\nid: x\nnonsense: [1, 2\n", encoding="utf-8")
    with pytest.raises(FormError, match=r"bad\.yaml"):
        cache.load_form_cached(path, folder)
    assert not folder.exists() or not list(folder.glob("*.json"))


def test_c_and_pure_python_yaml_read_a_form_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    assert loader._CSafeLoader is not None  # PyYAML with libyaml, as installed
    for path in form_files():
        with_c = load_form(path)
        monkeypatch.setattr(loader, "_CSafeLoader", None)
        _same(load_form(path), with_c)
        monkeypatch.undo()
    for c_loader in (loader._CSafeLoader, None):
        monkeypatch.setattr(loader, "_CSafeLoader", c_loader)
        refused = r"line 3: not valid YAML: aliases \(\*x\) are not allowed"
        with pytest.raises(FormError, match=refused):
            loader.load_form_text("kind: survey\nid: &x a\ntitle: *x\n", "a.yaml")
