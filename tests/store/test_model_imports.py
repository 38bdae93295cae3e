"""The models are imported by area (issue 14): `store.models` names each class's module and each
table's module correctly, and every model module works alone in a fresh interpreter — its
mappers configure, and every table a loaded table's foreign keys name is loaded too (a flush
orders the tables by them, which fails on a table the metadata does not hold)."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

from auditdesk.store import models
from auditdesk.store.base import Base

PROBE = """
import importlib, json, sys
from sqlalchemy.orm import configure_mappers
from sqlalchemy.sql.util import sort_tables
from auditdesk.store.base import Base
importlib.import_module("auditdesk.store.models." + sys.argv[1])
configure_mappers()
tables = Base.metadata.tables
for table in tables.values():
    for fk in table.foreign_keys:
        fk.column  # raises when the referred table is not loaded
sort_tables(tables.values())
print(json.dumps(sorted(
    m.rsplit(".", 1)[1] for m in sys.modules if m.startswith("auditdesk.store.models.")
)))
"""


def test_the_maps_name_every_model_and_table_where_it_is_declared() -> None:
    models.load_all()
    assert sorted(models.__all__) == sorted(models._HOME)
    for name in models.__all__:
        home = models._HOME[name]
        module = home if "." in home else f"auditdesk.store.models.{home}"
        assert getattr(models, name) is getattr(importlib.import_module(module), name), name
    declared: dict[str, str] = {}
    for module in models.MODULES:
        loaded = importlib.import_module(f"auditdesk.store.models.{module}")
        for value in vars(loaded).values():
            table = getattr(value, "__table__", None)
            if table is not None and value.__module__ == loaded.__name__:
                declared[table.name] = module
        for table in Base.metadata.tables.values():  # a plain Table (an association)
            if any(table is v for v in vars(loaded).values()):
                declared[table.name] = module
    assert declared == models.TABLE_MODULES
    assert set(declared) == set(Base.metadata.tables)


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="NoSuchModel"):
        _ = models.NoSuchModel


@pytest.mark.parametrize("module", models.MODULES)
def test_each_model_module_works_alone_in_a_fresh_interpreter(module: str) -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, module], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-3000:]
    loaded = done.stdout.splitlines()[-1]
    assert module in loaded
    if module in ("cases", "trail", "security", "forms"):  # refer to org or nothing
        assert "audits" not in loaded and "appraisals" not in loaded, loaded


RACE = """
import sys, threading
from sqlalchemy.orm import configure_mappers, mapperlib
from auditdesk.store import models

assert models._CONFIGURE_MUTEX is mapperlib._CONFIGURE_MUTEX  # the lock SQLAlchemy takes
paused, go = threading.Event(), threading.Event()
errors = []

def pause_before_research_action(frame, event, arg):
    # the class body of ResearchAction runs after ResearchNote is declared and before
    # ResearchAction is: a configuration now would meet a relationship to a missing class
    code = frame.f_code
    if event == "call" and code.co_name == "ResearchAction" and code.co_filename.endswith(
        "indicators.py"
    ):
        paused.set()
        go.wait(20)
    return None

def importer():
    sys.settrace(pause_before_research_action)
    try:
        models.ResearchNote
    except Exception as exc:
        errors.append(f"import: {exc!r}")
    finally:
        sys.settrace(None)

def configurer():
    try:
        configure_mappers()
    except Exception as exc:
        errors.append(f"configure: {exc!r}")

a = threading.Thread(target=importer)
a.start()
assert paused.wait(20), "the import never reached ResearchAction"
b = threading.Thread(target=configurer)
b.start()
b.join(0.5)
waited = b.is_alive()  # it waits for the whole module, or it ran into the half-declared one
go.set()
a.join(20)
b.join(20)
assert not a.is_alive() and not b.is_alive(), "deadlock"
print(waited, errors)
"""


def test_a_query_configuring_mappers_waits_for_a_model_module_being_imported() -> None:
    """The window imports panels (and with them model modules) on one worker while another
    worker's query configures the mappers: the configuration waits for the module's classes to
    be whole (before, it met a relationship to a class not declared yet, or the two threads
    waited for each other for ever)."""
    done = subprocess.run([sys.executable, "-c", RACE], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.split() == ["True", "[]"], done.stdout
