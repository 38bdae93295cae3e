"""Every interactive widget the window can show has an accessible name (issue 19).

The walk opens every panel for each demo role, the audit editor on a new audit, the appraisal
editor and the dialogs the window opens, and asks Qt's own accessibility interface for each
interactive widget's name — what a screen reader reads: the accessibleName, else the text of a
button, else a QLabel buddy (a QFormLayout row sets one). A widget without one fails, named by its
class, object name and parents. Widgets inside a composite (the line edit of a spin box, the
viewport of a table, the clear button of a search field) are the composite's own and skipped."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QFrame,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from auditdesk.services import audits as audit_svc
from auditdesk.services.context import Actor, AppContext
from auditdesk.settings import Settings
from auditdesk.store.migrate import open_database
from auditdesk.store.models import Appraisal, User
from auditdesk.ui.i18n import install_language
from auditdesk.ui.main_window import MainWindow
from auditdesk.ui.tasks import SyncTaskRunner

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
    QTextEdit,
    QPlainTextEdit,
)
# their children are parts of them (a spin box's line edit, a table's corner button)
COMPOSITE = (QLineEdit, QAbstractSpinBox, QComboBox, QAbstractItemView, QTabBar, QScrollBar)
ROLES = ["admin", "kadry", "audytor1", "kierownik.bok"]


def accessible_name(widget: QWidget) -> str:
    iface = QAccessible.queryAccessibleInterface(widget)
    return iface.text(QAccessible.Text.Name).strip() if iface is not None else ""


def focusable_frame(widget: QWidget) -> bool:
    """A row that takes the focus itself (an audit question, a survey question): the keyboard
    answers it, so a screen reader must be able to name it."""
    return (
        isinstance(widget, QFrame)
        and not isinstance(widget, (QLabel, QAbstractScrollArea))
        and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
    )


def describe(widget: QWidget, root: QWidget) -> str:
    chain: list[str] = []
    node: QWidget | None = widget
    while node is not None and node is not root.parentWidget():
        name = node.objectName()
        chain.append(type(node).__name__ + (f"#{name}" if name else ""))
        node = node.parentWidget()
    return " < ".join(chain)


def unnamed(root: QWidget) -> list[str]:
    """The interactive widgets under `root` (itself included) that a screen reader cannot name."""
    missing = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not isinstance(widget, INTERACTIVE) and not focusable_frame(widget):
            continue
        parent = widget.parentWidget()
        inner = False
        while parent is not None and parent is not root.parentWidget():
            if isinstance(parent, COMPOSITE):
                inner = True
                break
            parent = parent.parentWidget()
        if inner or accessible_name(widget):
            continue
        missing.append(describe(widget, root))
    return missing


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory, demo_template: object) -> Path:
    from demo_office import DemoTemplates

    assert isinstance(demo_template, DemoTemplates)
    return demo_template.copy_to(tmp_path_factory.mktemp("a11y") / "demo.sqlite")


@pytest.fixture
def as_user(demo_file: Path, tmp_path: Path) -> Iterator[Callable[[str], AppContext]]:
    import shutil

    path = tmp_path / "demo.sqlite"
    shutil.copy(demo_file, path)
    db = open_database(str(path))

    def login(name: str) -> AppContext:
        with db.session() as s:
            user = s.scalar(select(User).where(User.login == name))
            assert user is not None
            return AppContext(db, Actor.of(user))

    yield login
    db.dispose()


@pytest.fixture(autouse=True)
def english() -> None:
    app = QCoreApplication.instance()
    assert app is not None
    install_language(app, "en")


def test_the_walk_finds_a_nameless_widget(qtbot: QtBot) -> None:
    """The check can fail: a bare line edit and an icon-only button have no name."""
    from PySide6.QtWidgets import QFormLayout, QPushButton, QVBoxLayout

    box = QWidget()
    qtbot.addWidget(box)
    layout = QVBoxLayout(box)
    bare = QLineEdit()
    bare.setObjectName("bare")
    layout.addWidget(bare)
    layout.addWidget(QPushButton())
    form = QFormLayout()
    form.addRow("&Labelled", QLineEdit())  # a buddy: named as Qt names it
    layout.addLayout(form)
    row = QFrame()
    row.setObjectName("row")
    row.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # a row the keyboard answers
    layout.addWidget(row)
    assert unnamed(box) == [
        "QLineEdit#bare < QWidget",
        "QPushButton < QWidget",
        "QFrame#row < QWidget",
    ]


def test_an_answer_button_says_its_question_answer_and_points(
    qtbot: QtBot, as_user: Callable[[str], AppContext]
) -> None:
    from auditdesk.ui.audits.editor import AuditEditor

    ctx = as_user("audytor1")
    editor = AuditEditor(lambda: ctx, _new_visit(ctx), choose_file=lambda: None, language="en")
    qtbot.addWidget(editor)
    row = editor.rows["powitanie"]
    question = row.accessibleName()
    assert question.startswith("1.1 ") and len(question) > 10
    names = [b.accessibleName() for b in row.buttons]
    assert names[0].startswith(question + ": ") and names[0].endswith(" points")
    assert "Not answered" in row.accessibleDescription()
    row.choose(str(row.buttons[0].property("answer")))
    editor.show()
    qtbot.waitUntil(lambda: bool(row.points.text()))
    assert "Answer: " in row.accessibleDescription()
    assert row.points.accessibleName().startswith("Points for 1.1: ")
    assert row.comment.accessibleName() == f"Comment on {question}"


def test_coloured_cells_say_what_the_colour_means(qtbot: QtBot) -> None:
    """The red of a low on-time share is said in words, to a screen reader as the cell's
    accessible description (RowsModel falls back on the tooltip) and on hover."""
    from auditdesk.services.monitoring.cases.reports import TimelinessRow
    from auditdesk.ui.monitoring.cases import TimelinessModel

    model = TimelinessModel()
    low = TimelinessRow("BOK", "Biuro", 2026, 3, "", 10, 5, 5, 3.0, 2.0)
    good = TimelinessRow("BOK", "Biuro", 2026, 4, "", 10, 10, 0, 3.0, None)
    model.set_rows([low, good])
    red, fine = model.index(0, 6), model.index(1, 6)
    assert red.data(Qt.ItemDataRole.ForegroundRole) is not None
    assert red.data(Qt.ItemDataRole.AccessibleDescriptionRole) == "Below 80 % on time"
    assert fine.data(Qt.ItemDataRole.ForegroundRole) is None
    assert fine.data(Qt.ItemDataRole.AccessibleDescriptionRole) is None


@pytest.mark.parametrize("login", ROLES)
def test_every_panel_names_its_widgets(
    qtbot: QtBot, as_user: Callable[[str], AppContext], login: str
) -> None:
    win = MainWindow(as_user(login), Settings(language="en"), SyncTaskRunner())
    qtbot.addWidget(win)
    win.show()
    missing: list[str] = []
    for spec in win.specs:
        panel = win.show_panel(spec.key)
        missing += [f"{spec.key}: {line}" for line in unnamed(panel)]
    missing += [f"window: {line}" for line in unnamed(win.nav)]
    assert not missing, "\n".join(missing)


def test_the_audit_editor_names_its_widgets(
    qtbot: QtBot, as_user: Callable[[str], AppContext]
) -> None:
    from auditdesk.ui.audits.editor import AuditEditor

    ctx = as_user("audytor1")
    audit_id = _new_visit(ctx)
    editor = AuditEditor(lambda: ctx, audit_id, choose_file=lambda: None, language="en")
    qtbot.addWidget(editor)
    editor.show()
    assert not unnamed(editor), "\n".join(unnamed(editor))


def _new_visit(ctx: AppContext) -> int:
    """A new visit audit on the mystery-client form, started as the new-audit dialog does."""
    from auditdesk.ui.audits.dialogs import NewAuditDialog

    dialog = NewAuditDialog(lambda: ctx, "en", now=datetime(2026, 7, 15, 10, 0))
    dialog.form.setCurrentIndex(
        next(i for i, f in enumerate(dialog.forms) if f.form_id == "tk-wizyta")
    )
    dialog.scenario_edits["sprawa"].setText("Wymiana dowodu osobistego")
    audit_id = audit_svc.start_audit(ctx, dialog.new_audit())
    dialog.deleteLater()
    return audit_id


def test_the_appraisal_editor_names_its_widgets(
    qtbot: QtBot, as_user: Callable[[str], AppContext]
) -> None:
    from auditdesk.ui.appraisals.editor import AppraisalEditor

    ctx = as_user("kadry")
    with ctx.db.session() as s:
        appraisal_id = s.scalar(select(Appraisal.id).order_by(Appraisal.id.desc()).limit(1))
    assert appraisal_id is not None
    editor = AppraisalEditor(lambda: ctx, appraisal_id, "en", lambda: date.today())
    qtbot.addWidget(editor)
    editor.show()
    missing: list[str] = []
    for page in range(editor.pages.count()):
        editor.pages.setCurrentIndex(page)
        missing += unnamed(editor)
    assert not missing, "\n".join(sorted(set(missing)))


def _completed_audit(ctx: AppContext) -> int:
    from auditdesk.store.models import Audit

    with ctx.db.session() as s:
        audit_id = s.scalar(
            select(Audit.id).where(Audit.status == "completed").order_by(Audit.id).limit(1)
        )
    assert audit_id is not None
    return audit_id


def _dialogs(ctx: AppContext) -> dict[str, Callable[[], QWidget]]:
    """Every dialog the window opens, built as its panel builds it, on the demo office."""
    from auditdesk.services.monitoring import surveys as surveys_svc
    from auditdesk.services.monitoring.indicators import unit_choices
    from auditdesk.ui.about import AboutDialog
    from auditdesk.ui.admin.panel import NewUserDialog, PasswordDialog
    from auditdesk.ui.appraisals.dialogs import AbsenceDialog, FeedbackDialog
    from auditdesk.ui.audits.dialogs import ActionPlanDialog, DisputeDialog, NewAuditDialog
    from auditdesk.ui.audits.header_dialog import HeaderDialog
    from auditdesk.ui.auth.signin import FirstAdminDialog, SignInDialog
    from auditdesk.ui.crash import CrashDialog
    from auditdesk.ui.monitoring.import_mapping import ImportMappingDialog
    from auditdesk.ui.monitoring.import_problems import ImportProblemsDialog
    from auditdesk.ui.monitoring.indicators_dialogs import EntryDialog
    from auditdesk.ui.monitoring.surveys_dialogs import NewCampaignDialog
    from auditdesk.ui.panels import PanelDeps
    from auditdesk.ui.protocols.dialogs import SignatureDialog, SignDialog
    from auditdesk.ui.protocols.export_dialog import BulkExportDialog
    from auditdesk.ui.settings_dialog import SettingsDialog
    from auditdesk.ui.sync.dialog import SyncDialog

    settings = Settings(language="en")
    deps = PanelDeps(context=lambda: ctx, runner=SyncTaskRunner(), settings=settings)
    done = _completed_audit(ctx)
    today = ctx.clock.today()
    return {
        "about": lambda: AboutDialog(),
        "settings": lambda: SettingsDialog(settings),
        "sync": lambda: SyncDialog(ctx, settings, SyncTaskRunner()),
        "sign in": lambda: SignInDialog(ctx.db, runner=SyncTaskRunner()),
        "first admin": lambda: FirstAdminDialog(ctx.db),
        "crash": lambda: CrashDialog("Traceback: boom"),
        "new user": lambda: NewUserDialog(),
        "password": lambda: PasswordDialog("Password"),
        "new audit": lambda: NewAuditDialog(lambda: ctx, "en"),
        "audit header": lambda: HeaderDialog(lambda: ctx, audit_svc.load_audit(ctx, done), 1, "en"),
        "dispute": lambda: DisputeDialog(lambda: ctx, done),
        "action plan": lambda: ActionPlanDialog(lambda: ctx, done),
        "feedback note": lambda: FeedbackDialog("Ewa Urzędnicza", today, [(1, "TK/1")]),
        "absence": lambda: AbsenceDialog("Ewa Urzędnicza"),
        "new campaign": lambda: NewCampaignDialog(
            surveys_svc.survey_forms(ctx), surveys_svc.units(ctx), today
        ),
        "register entry": lambda: EntryDialog(lambda: ctx, unit_choices(ctx), None, today, "en"),
        "import problems": lambda: ImportProblemsDialog(
            "The file was not imported.", [(3, "data", "31.02.2026", "not a date")]
        ),
        "import mapping": lambda: ImportMappingDialog(
            "sprawy.csv",
            ["Znak", "Data"],
            [("sign", "Case sign", True), ("started_on", "Started", True)],
            {},
            2,
            [["WSO.1.2026", "02.03.2026"]],
        ),
        "drawn signature": lambda: SignatureDialog("Ewa Urzędnicza"),
        "electronic signature": lambda: SignDialog(deps, "protocol"),
        "bulk export": lambda: BulkExportDialog(deps),
    }


DIALOGS = [
    "about",
    "settings",
    "sync",
    "sign in",
    "first admin",
    "crash",
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
]


@pytest.mark.parametrize("name", DIALOGS)
def test_every_dialog_names_its_widgets(
    qtbot: QtBot, as_user: Callable[[str], AppContext], name: str
) -> None:
    ctx = as_user("kadry")
    dialog = _dialogs(ctx)[name]()
    qtbot.addWidget(dialog)
    dialog.show()
    missing = unnamed(dialog)
    dialog.close()
    assert not missing, "\n".join(missing)


def test_the_survey_entry_names_its_widgets(
    qtbot: QtBot, as_user: Callable[[str], AppContext]
) -> None:
    from auditdesk.ui.monitoring.surveys import SurveysTab

    win = MainWindow(as_user("kadry"), Settings(language="en"), SyncTaskRunner())
    qtbot.addWidget(win)
    win.show()
    panel = win.show_panel("monitoring")
    tab = panel.findChild(SurveysTab)
    assert tab is not None
    tab.list.selectRow(0)
    tab.open_selected()
    tab.start_entry()
    assert tab.entry is not None, "no campaign to enter questionnaires into"
    assert not unnamed(tab), "\n".join(unnamed(tab))
