"""A package's public names imported from their modules when first used (issue 14, PEP 562).

`services.audits` and `services.appraisals` re-export the public names of their modules so that
callers need not know how each area is split. Importing every module for that cost the protocol
export ~0.1 s of a ~1.1 s process on modules it never runs (drafts, evidence, objections, the
appraisal flow, ...): a package built with `lazy_names` imports a module when one of its names
(or the module itself, as an attribute) is first asked for.

Hand-written rather than `lazy_loader` (scientific-python): the job is the two functions below,
and a dependency would be one more package for the frozen build (issue 20) to carry. The
packages list their names under `TYPE_CHECKING` too, which is what mypy reads and what
PyInstaller's bytecode scan follows to the modules; tests/services/test_lazy_packages.py checks
the two lists agree and every name resolves to its module's object.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any


def lazy_names(
    package: str, homes: Mapping[str, str], namespace: dict[str, Any]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """`__getattr__` and `__dir__` for `package` (its `__name__`), whose public names live in
    the modules `homes` gives (name → the module's full name, written out so that a search
    finds who imports it); `namespace` is the package's `globals()`, where a resolved name is
    kept so the next lookup is plain."""
    prefix = package + "."
    modules = {home.removeprefix(prefix): home for home in homes.values()}
    assert all(home.startswith(prefix) for home in homes.values()), package

    def __getattr__(name: str) -> Any:
        home = homes.get(name)
        if home is not None:
            value = getattr(importlib.import_module(home), name)
        elif name in modules:  # `audits.drafts` as an attribute, as after an eager import
            value = importlib.import_module(modules[name])
        else:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        namespace[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted({*namespace, *homes})

    return __getattr__, __dir__
