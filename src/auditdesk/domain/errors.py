"""Errors a user can cause, carrying a message a person can act on."""

from __future__ import annotations


class Localized:
    """A field value that exists in both languages (the sentence of a deadline rule): English in
    `str()` and the log, Polish where the window shows the Polish message."""

    def __init__(self, en: str, pl: str) -> None:
        self.en = en
        self.pl = pl

    def __str__(self) -> str:
        return self.en

    def __format__(self, spec: str) -> str:
        return format(self.en, spec)

    def __repr__(self) -> str:
        return f"Localized({self.en!r}, {self.pl!r})"


class AuditDeskError(Exception):
    """Base of every error a user can cause; `str()` is the message to show.

    The message is an English template with named fields, the fields given apart:
    `ValidationFailed("unit {code} does not exist", code=code)`. `str()` fills it in English
    (the command line, the log); the window translates the template first (ui/errors.py), so
    the Polish sentence can put the fields where Polish grammar wants them. Every template
    passed as a literal is collected into resources/i18n/errors_pl.ts by `tools/i18n.py update`.
    A literal brace in a template with fields is written twice ({{ }}), as in str.format.
    """

    def __init__(self, message: str = "", /, **fields: object) -> None:
        self.template = message
        self.fields = fields
        super().__init__(message.format(**fields) if fields else message)


class FormError(AuditDeskError):
    """A form definition file is malformed; lists every problem found in it."""

    def __init__(self, source: str, problems: list[FormProblem]) -> None:
        self.source = source
        self.problems = problems
        lines = [f"{source}: {len(problems)} error(s) in form definition"]
        lines += [f"  {p}" for p in problems]
        super().__init__("\n".join(lines))


class FormProblem:
    """One problem in a form file: where it is (line, key path) and what is wrong."""

    def __init__(self, message: str, path: str = "", line: int | None = None) -> None:
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = []
        if self.line is not None:
            where.append(f"line {self.line}")
        if self.path:
            where.append(self.path)
        prefix = ", ".join(where)
        return f"{prefix}: {self.message}" if prefix else self.message

    def __repr__(self) -> str:
        return f"FormProblem({self.message!r}, path={self.path!r}, line={self.line!r})"


class PermissionDenied(AuditDeskError):
    """The acting user's role does not allow the operation."""


class NotFound(AuditDeskError):
    """A record the user asked for does not exist."""


class ValidationFailed(AuditDeskError):
    """Input a user gave breaks a rule; the message says which and how to fix it."""


class StaleRecord(AuditDeskError):
    """The record was changed by someone else since it was opened; reload it and redo the edit."""
