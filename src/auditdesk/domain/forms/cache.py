"""Validated forms kept between starts (issue 14): an unchanged form file is not parsed again.

An entry is keyed by the SHA-256 of the file's bytes and a fingerprint of the loader and the
form schemas (their source files, the AuditDesk and pydantic versions), so a changed file or a
changed schema is parsed afresh. It holds the form's canonical data and content hash as JSON
(never pickle); the model is rebuilt from it and checked to give the same hash. Within one
process the validated form itself is kept. A missing, unreadable or corrupt entry is ignored
and written again; a cache folder that cannot be written only costs the parse.

The folder: $AUDITDESK_CACHE_DIR/forms, else the user's cache folder (platformdirs).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import tempfile
from functools import lru_cache
from pathlib import Path

from auditdesk.domain.errors import FormError
from auditdesk.domain.forms import loader
from auditdesk.domain.forms.loader import LoadedForm, load_form, load_form_data, load_form_text
from auditdesk.domain.limits import MAX_FORM_BYTES

CACHE_ENV = "AUDITDESK_CACHE_DIR"
CACHE_FORMAT = 1
MAX_ENTRY_BYTES = 4 * MAX_FORM_BYTES  # canonical JSON of a form within the file limit

_validated: dict[str, LoadedForm] = {}  # this process: key → the validated form


def cache_dir() -> Path:
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override) / "forms"
    import platformdirs

    return Path(platformdirs.user_cache_dir("AuditDesk", appauthor=False)) / "forms"


@lru_cache(maxsize=1)
def schema_fingerprint() -> str:
    """Changes whenever the loader or a form schema may read a file differently."""
    import pydantic

    from auditdesk import __version__

    digest = hashlib.sha256(f"{CACHE_FORMAT}|{__version__}|{pydantic.VERSION}".encode())
    for source in sorted(Path(loader.__file__).parent.glob("*.py")):
        digest.update(source.name.encode())
        digest.update(source.read_bytes())
    return digest.hexdigest()[:16]


def cache_key(raw: bytes) -> str:
    return f"{hashlib.sha256(raw).hexdigest()}-{schema_fingerprint()}"


def load_form_cached(path: Path, folder: Path | None = None) -> LoadedForm:
    """load_form(path), from the cache when the same bytes were validated before."""
    try:
        if path.stat().st_size > MAX_FORM_BYTES:
            return load_form(path)  # refuses it, naming the limit
        raw = path.read_bytes()
        text = raw.decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return load_form(path)  # the loader's own one-line error
    key = cache_key(raw)
    source = str(path)
    known = _validated.get(key)
    if known is not None:
        return dataclasses.replace(known, source=source)
    entry = (folder or cache_dir()) / f"{key}.json"
    form = _read_entry(entry, source)
    if form is None:
        form = load_form_text(text, source)  # raises FormError: nothing is cached
        _write_entry(entry, form)
    _validated[key] = form
    return form


def _read_entry(entry: Path, source: str) -> LoadedForm | None:
    try:
        if entry.stat().st_size > MAX_ENTRY_BYTES:
            return None
        stored = json.loads(entry.read_text(encoding="utf-8"))
        form = load_form_data(stored["data"], source)
        if form.content_hash != stored["content_hash"]:
            return None
        return form
    except (OSError, ValueError, KeyError, TypeError, FormError, RecursionError):
        return None  # no entry, or a corrupt one: parse the file again


def _write_entry(entry: Path, form: LoadedForm) -> None:
    payload = json.dumps({"content_hash": form.content_hash, "data": form.data}, ensure_ascii=False)
    try:
        entry.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(dir=entry.parent, prefix=".", suffix=".part")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(payload)
            os.replace(tmp, entry)  # whole or not at all, also with two writers at once
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        pass  # a read-only or full cache folder: the form is simply parsed next time
