"""No English left in the Polish window (issue 15): every panel of every demo role, the audit and
appraisal editors and every dialog are walked in Polish, and each string a person sees (texts,
table headers and cells, list and combo items, tab titles, tooltips, placeholder texts, window
titles, menu actions) is checked for English.

What counts as English: a word of the window's English source strings (resources/i18n/*.ts)
that no Polish translation, no form and no demo datum uses (so "PDF", "CSV", "plan" or "status"
are not English here), and any snake_case code (`in_progress`, `sign_in`): a value shown raw.
A short allow-list holds proper names and codes."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from datetime import date
from functools import cache

import pytest
import yaml
from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from test_accessibility_names import _completed_audit, _new_visit
from test_fits_small_screen import ROLES, as_user, demo_file  # noqa: F401  (shared fixtures)

from auditdesk.resources import data_dir, resource_path
from auditdesk.services import audits as audit_svc
from auditdesk.services.context import AppContext
from auditdesk.settings import Settings
from auditdesk.store.models import Appraisal
from auditdesk.ui.i18n import install_language
from auditdesk.ui.main_window import MainWindow
from auditdesk.ui.tasks import SyncTaskRunner

WORD = re.compile(r"[A-Za-zÀ-ž]+")
CODE = re.compile(r"\b[a-z]+(?:_[a-z]+)+\b")
TAG = re.compile(r"<[^>]+>|&[a-z]+;")
SHORT = re.compile(r"(?<!\w)(?:N/A|n/a)(?!\w)")  # English abbreviations the word check misses
PATH = re.compile(r"\S*[/\\]\S*")  # a file path or an address, shown as it is
ROWS = 40  # table rows read per table
# proper names and codes a Polish window shows as they are
ALLOWED = {
    "auditdesk",  # the program's name
    "pades",  # PAdES B-B / B-T, the signature level's name
    "qt",
    "pyside",
    "sqlite",
    "postgresql",
    "ezd",  # the office's document system
    "pkcs",
    "tsa",
    "url",
    "sha",
    "xlsx",
    "json",
    "yaml",
    "bom",
    "utf",
    "id",
    "demo",  # the demo office's passwords (admin-demo)
}


def _words(text: str) -> set[str]:
    return {w.lower() for w in WORD.findall(TAG.sub(" ", text)) if len(w) >= 3}


@cache
def english_words() -> frozenset[str]:
    english: set[str] = set()
    polish: set[str] = set()
    for ts in resource_path("i18n").glob("*_pl.ts"):
        for message in ET.parse(ts).iter("message"):
            english |= _words(message.findtext("source") or "")
            translation = message.find("translation")
            if translation is not None:
                polish |= _words("".join(translation.itertext()))
    for form in data_dir("forms").rglob("*.yaml"):
        polish |= _words(" ".join(_polish_texts(yaml.safe_load(form.read_text(encoding="utf-8")))))
    return frozenset(english - polish - ALLOWED)


def _polish_texts(node: object) -> list[str]:
    """Every string of a form but its English labels (the "en" keys)."""
    if isinstance(node, dict):
        return [t for k, v in node.items() if k != "en" for t in _polish_texts(v)]
    if isinstance(node, list):
        return [t for v in node for t in _polish_texts(v)]
    return [node] if isinstance(node, str) else []


def english_in(text: str) -> list[str]:
    """The English words and raw codes in `text` (empty when it reads as Polish)."""
    short = SHORT.findall(text)
    plain = PATH.sub(" ", TAG.sub(" ", text.replace("&&", "&")))
    found = [w for w in WORD.findall(plain.replace("&", "")) if w.lower() in english_words()]
    return short + found + [c for c in CODE.findall(plain) if c.lower() not in ALLOWED]


def _model_texts(model: QAbstractItemModel | None, rows: int = ROWS) -> list[str]:
    if model is None:
        return []
    texts = []
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount()
    for c in range(columns):
        texts.append(str(model.headerData(c, Qt.Orientation.Horizontal) or ""))
    for r in range(min(rows, model.rowCount())):
        for c in range(columns):
            index = model.index(r, c)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = index.data(role)
                if isinstance(value, str):
                    texts.append(value)
    return texts


def shown_strings(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every string a person can see or hover under `root`."""
    found: list[tuple[str, str]] = []

    def add(widget: QWidget, what: str, text: str) -> None:
        if text and text.strip():
            name = widget.objectName() or type(widget).__name__
            found.append((f"{type(root).__name__}/{name} {what}", text))

    for widget in [root, *root.findChildren(QWidget)]:
        add(widget, "tooltip", widget.toolTip())
        if widget.isWindow():
            add(widget, "title", widget.windowTitle())
        if isinstance(widget, QLabel | QAbstractButton):
            add(widget, "text", widget.text())
        elif isinstance(widget, QGroupBox):
            add(widget, "title", widget.title())
        elif isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
            add(widget, "placeholder", widget.placeholderText())
        elif isinstance(widget, QComboBox):
            for i in range(widget.count()):
                add(widget, f"item {i}", widget.itemText(i))
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                add(widget, f"tab {i}", widget.tabText(i))
                add(widget, f"tab {i} tooltip", widget.tabToolTip(i))
        elif isinstance(widget, QAbstractItemView):
            for text in _model_texts(widget.model()):
                add(widget, "cell", text)
        for action in widget.actions():
            add(widget, "action", action.text())
            if action.toolTip() != action.text().replace("&", ""):
                add(widget, "action tooltip", action.toolTip())
    return found


def english_strings(root: QWidget) -> list[str]:
    QCoreApplication.processEvents()
    out = []
    for where, text in shown_strings(root):
        words = english_in(text)
        if words:
            out.append(f"{where}: {text[:120]!r} ({', '.join(sorted(set(words)))})")
    return out


@pytest.fixture(autouse=True)
def polish(qtbot: QtBot) -> Iterator[None]:
    app = QCoreApplication.instance()
    assert app is not None
    install_language(app, "pl")
    yield
    install_language(app, "en")


def test_the_walk_finds_english() -> None:
    """The check can fail: English words and raw codes are found, Polish and names are not."""
    assert "Export" in english_in("Export the table")
    assert english_in("Status: in_progress") == ["in_progress"]
    assert english_in("N/A") == ["N/A"] and not english_in("N/D · /usr/lib/softhsm")
    assert not english_in("Eksport tabeli (PDF, CSV) — Wydział Komunikacji, AuditDesk")
    assert not english_in("Podpis PAdES B-T · 87,4 %")
    from PySide6.QtWidgets import QVBoxLayout

    box = QWidget()
    layout = QVBoxLayout(box)
    layout.addWidget(QLabel("Zapisz"))
    edit = QLineEdit()
    edit.setPlaceholderText("Search by name")
    layout.addWidget(edit)
    combo = QComboBox()
    combo.addItems(["Wszystkie", "planned"])
    layout.addWidget(combo)
    found = english_strings(box)
    assert any("placeholder" in f and "Search" in f for f in found), found
    assert any("item 1" in f for f in found), found
    assert not any("Zapisz" in f for f in found), found


@pytest.mark.parametrize("login", ROLES)
def test_every_panel_is_polish(
    qtbot: QtBot,
    as_user: Callable[[str], AppContext],  # noqa: F811  (the fixture)
    login: str,
) -> None:
    win = MainWindow(as_user(login), Settings(language="pl"), SyncTaskRunner())
    qtbot.addWidget(win)
    win.show()
    found: list[str] = []
    for spec in win.specs:
        panel = win.show_panel(spec.key)
        qtbot.wait(5)
        found += [f"{spec.key}: {line}" for line in english_strings(panel)]
    found += [f"window: {line}" for line in english_strings(win.nav)]
    menu_bar = win.menuBar() if isinstance(win, QMainWindow) else None
    if menu_bar is not None:
        for menu_action in menu_bar.actions():
            menu = menu_action.menu()
            found += [f"menu: {line}" for line in english_strings(menu)] if menu else []
    assert not found, "\n".join(sorted(set(found)))


def test_the_editors_are_polish(
    qtbot: QtBot,
    as_user: Callable[[str], AppContext],  # noqa: F811  (the fixture)
) -> None:
    from auditdesk.ui.appraisals.editor import AppraisalEditor
    from auditdesk.ui.audits.editor import AuditEditor

    auditor = as_user("audytor1")
    audit = AuditEditor(
        lambda: auditor, _new_visit(auditor), choose_file=lambda: None, language="pl"
    )
    qtbot.addWidget(audit)
    found = english_strings(audit)
    hr = as_user("kadry")
    with hr.db.session() as s:
        appraisal_id = s.scalar(select(Appraisal.id).order_by(Appraisal.id.desc()).limit(1))
    assert appraisal_id is not None
    appraisal = AppraisalEditor(lambda: hr, appraisal_id, "pl", lambda: date(2026, 7, 15))
    qtbot.addWidget(appraisal)
    for page in range(appraisal.pages.count()):
        appraisal.pages.setCurrentIndex(page)
        found += english_strings(appraisal)
    assert not found, "\n".join(sorted(set(found)))


def polish_dialogs(ctx: AppContext) -> dict[str, Callable[[], QWidget]]:
    """Every dialog the window opens, built as its panel builds it in a Polish window."""
    from auditdesk.services.monitoring import surveys as surveys_svc
    from auditdesk.services.monitoring.indicators import unit_choices
    from auditdesk.ui.about import AboutDialog
    from auditdesk.ui.admin.open_database import OpenDatabaseDialog
    from auditdesk.ui.admin.panel import NewUserDialog, PasswordDialog
    from auditdesk.ui.appraisals.dialogs import AbsenceDialog, FeedbackDialog
    from auditdesk.ui.audits.dialogs import ActionPlanDialog, DisputeDialog, NewAuditDialog
    from auditdesk.ui.audits.header_dialog import HeaderDialog
    from auditdesk.ui.auth.signin import FirstAdminDialog, SignInDialog
    from auditdesk.ui.help import HelpWindow
    from auditdesk.ui.monitoring.import_mapping import ImportMappingDialog
    from auditdesk.ui.monitoring.import_problems import ImportProblemsDialog
    from auditdesk.ui.monitoring.indicators_dialogs import EntryDialog
    from auditdesk.ui.monitoring.surveys_dialogs import NewCampaignDialog
    from auditdesk.ui.overview.targets import TargetsDialog
    from auditdesk.ui.panels import PanelDeps
    from auditdesk.ui.plan.dialogs import MissedDialog
    from auditdesk.ui.privacy.person import RequestDialog
    from auditdesk.ui.protocols.dialogs import ProtocolDialog, SignatureDialog, SignDialog
    from auditdesk.ui.protocols.export_dialog import BulkExportDialog
    from auditdesk.ui.settings_dialog import SettingsDialog
    from auditdesk.ui.sync.dialog import SyncDialog

    settings = Settings(language="pl")
    deps = PanelDeps(context=lambda: ctx, runner=SyncTaskRunner(), settings=settings)
    done = _completed_audit(ctx)
    today = ctx.clock.today()
    return {
        "about": lambda: AboutDialog(),
        "settings": lambda: SettingsDialog(settings),
        "sync": lambda: SyncDialog(ctx, settings, SyncTaskRunner()),
        "sign in": lambda: SignInDialog(ctx.db, runner=SyncTaskRunner()),
        "first admin": lambda: FirstAdminDialog(ctx.db),
        "new user": lambda: NewUserDialog(),
        "password": lambda: PasswordDialog("Hasło"),
        "new audit": lambda: NewAuditDialog(lambda: ctx, "pl"),
        "audit header": lambda: HeaderDialog(lambda: ctx, audit_svc.load_audit(ctx, done), 1, "pl"),
        "dispute": lambda: DisputeDialog(lambda: ctx, done),
        "action plan": lambda: ActionPlanDialog(lambda: ctx, done),
        "feedback note": lambda: FeedbackDialog("Ewa Urzędnicza", today, [(1, "TK/1")]),
        "absence": lambda: AbsenceDialog("Ewa Urzędnicza"),
        "new campaign": lambda: NewCampaignDialog(
            surveys_svc.survey_forms(ctx), surveys_svc.units(ctx), today
        ),
        "register entry": lambda: EntryDialog(lambda: ctx, unit_choices(ctx), None, today, "pl"),
        "import problems": lambda: ImportProblemsDialog(
            "Plik nie został zaimportowany.", [(3, "data", "31.02.2026", "to nie jest data")]
        ),
        "import mapping": lambda: ImportMappingDialog(
            "sprawy.csv",
            ["Znak", "Data"],
            [("sign", "Znak sprawy", True), ("started_on", "Wszczęcie", True)],
            {},
            2,
            [["WSO.1.2026", "02.03.2026"]],
        ),
        "drawn signature": lambda: SignatureDialog("Ewa Urzędnicza"),
        "electronic signature": lambda: SignDialog(deps, "protocol"),
        "bulk export": lambda: BulkExportDialog(deps),
        "open database": lambda: OpenDatabaseDialog(settings),
        "targets": lambda: TargetsDialog(lambda: ctx),
        "help": lambda: HelpWindow("pl"),
        "visit not made": lambda: MissedDialog(),
        "personal data request": lambda: RequestDialog("Ewa Urzędnicza"),
        "protocol": lambda: ProtocolDialog(deps, "audit", done),
    }


DIALOGS = [
    "about",
    "settings",
    "sync",
    "sign in",
    "first admin",
    "new user",
    "password",
    "new audit",
    "audit header",
    "dispute",
    "action plan",
    "feedback note",
    "absence",
    "new campaign",
    "register entry",
    "import problems",
    "import mapping",
    "drawn signature",
    "electronic signature",
    "bulk export",
    "open database",
    "targets",
    "help",
    "visit not made",
    "personal data request",
    "protocol",
]


@pytest.mark.parametrize("name", DIALOGS)
def test_every_dialog_is_polish(
    qtbot: QtBot,
    as_user: Callable[[str], AppContext],  # noqa: F811  (the fixture)
    name: str,
) -> None:
    dialog = polish_dialogs(as_user("kadry"))[name]()
    qtbot.addWidget(dialog)
    dialog.show()
    found = english_strings(dialog)
    dialog.close()
    assert not found, "\n".join(found)
