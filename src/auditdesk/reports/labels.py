"""The names printed for stored values in protocols, index files and exports: one home in the
reports layer. Protocols are printed in Polish (some pieces also in English); the window has its
own translated names in `ui.labels`, and the values themselves are in `domain.values`.
"""

from __future__ import annotations

CHANNEL_NAMES: dict[str, tuple[str, str]] = {  # audit channel -> (Polish, English)
    "visit": ("Wizyta osobista", "In-person visit"),
    "phone": ("Rozmowa telefoniczna", "Phone call"),
    "email": ("E-mail", "E-mail"),
    "eservice": ("E-usługa", "E-service"),
}

AUDIT_KIND_NAMES = {
    "original": "badanie pierwotne",
    "reaudit": "badanie powtórne",
    "amendment": "korekta protokołu",
}

AUDIT_STATUS_NAMES = {"draft": "wersja robocza", "completed": "zakończone", "signed": "podpisane"}

RECORD_KIND_NAMES = {"audit": "badanie TK", "appraisal": "ocena okresowa"}  # a protocol's record

APPRAISAL_KIND_NAMES = {  # domain.values.AppraisalKind, as the appraisal protocol prints it
    "periodic": "okresowa",
    "follow_up": "kolejna po ocenie negatywnej",
}

OBJECTION_DECISION_NAMES = {  # domain.values.ObjectionDecision, printed under the objection
    "upheld": "odwołanie uwzględnione",
    "rejected": "odwołanie nieuwzględnione",
}

OBJECTION_RESOLUTION_NAMES = {  # what an upheld objection did to the appraisal
    "changed": "ocena zmieniona",
    "redone": "ocena sporządzona ponownie",
}


def channel_name(channel: str, language: str = "pl") -> str:
    """The audit channel as a protocol prints it, in Polish or (any other language) English."""
    pl, en = CHANNEL_NAMES.get(channel, (channel, channel))
    return pl if language == "pl" else en
