"""Installs the Qt translators of the chosen language: every area's .qm plus Qt's own."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from auditdesk.resources import resource_path

log = logging.getLogger(__name__)

_installed: list[QTranslator] = []


def install_language(app: QCoreApplication, language: str) -> list[str]:
    """Replaces the installed translators; returns the names of the .qm files loaded. English is
    the source language, so for "en" only Qt's own strings stay untranslated."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(
        QLocale(QLocale.Language.Polish if language == "pl" else QLocale.Language.English)
    )
    loaded: list[str] = []
    if language == "en":
        return loaded
    folder = resource_path("i18n")
    for qm in sorted(folder.glob(f"*_{language}.qm")):
        translator = QTranslator(app)
        if translator.load(str(qm)):
            app.installTranslator(translator)
            _installed.append(translator)
            loaded.append(qm.name)
        else:
            log.warning("cannot load translation %s", qm)
    qt_translator = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_translator.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt_translator)
        _installed.append(qt_translator)
        log.info("Qt's own translation qtbase_%s loaded from %s", language, qt_dir)
    else:  # Qt's buttons and file dialogs stay English (a frozen build missing the file)
        log.warning("Qt's own translation qtbase_%s not found in %s", language, qt_dir)
    log.info("translations loaded: %s", ", ".join(loaded) or "none")
    return loaded
