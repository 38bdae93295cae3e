"""The audit editor as a screen reader hears it (issue 19): through the real assistive-technology
stack, not Qt's own objects.

The editor runs on a virtual X screen (xvfb-run) with a private session D-Bus (dbus-run-session)
and QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1, so Qt registers on the AT-SPI bus exactly as it does for
Orca; tools/atspi_tree.py, run with the system python3 and Debian's pyatspi, reads the tree back.
The names are checked against the form itself (the question texts of its first section), not
against what the widgets were told. Needs xvfb, dbus, at-spi2-core and python3-pyatspi (Debian);
without them the test skips saying what to install — except in CI (CI=true), where .ci/run
installs them and a missing piece is a failure.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from auditdesk.domain.forms.checklist import ChecklistForm
from auditdesk.domain.forms.loader import load_form
from auditdesk.resources import data_dir

HERE = Path(__file__).parent
APP = HERE / "atspi_audit_editor.py"
SYSTEM_PYTHON = "/usr/bin/python3"
PACKAGES = "xvfb xauth dbus at-spi2-core python3-pyatspi dbus-x11"
# what a screen reader may call a control one presses to answer
ANSWER_ROLES = {"check box", "toggle button", "push button", "radio button"}
INTERACTIVE_ROLES = ANSWER_ROLES | {"text", "combo box", "list", "table", "spin button", "entry"}


def _missing() -> str | None:
    for tool in ("xvfb-run", "Xvfb", "xauth", "dbus-run-session"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed"
    if not Path(SYSTEM_PYTHON).exists():
        return f"{SYSTEM_PYTHON} is missing"
    probe = subprocess.run(
        [SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True, text=True, timeout=60
    )
    if probe.returncode != 0:
        return "pyatspi is missing for the system python3"
    return None


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory, demo_template: object) -> dict[str, object]:
    from demo_office import DemoTemplates

    missing = _missing()
    if missing is not None:
        message = f"AT-SPI check needs Debian's {PACKAGES} ({missing}): apt-get install {PACKAGES}"
        if os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}:
            pytest.fail(message)
        pytest.skip(message)
    assert isinstance(demo_template, DemoTemplates)
    folder = tmp_path_factory.mktemp("atspi")
    db = demo_template.copy_to(folder / "demo.sqlite")
    out = folder / "tree.json"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "xcb",
        "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
        "NO_AT_BRIDGE": "0",
    }
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)  # the private bus of dbus-run-session, not ours
    run = subprocess.run(
        [
            "xvfb-run",
            "-a",
            "-s",
            "-screen 0 1366x768x24",
            "dbus-run-session",
            "--",
            sys.executable,
            str(APP),
            str(db),
            str(out),
            "pl",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
    )
    assert run.returncode == 0 and out.exists(), (
        f"the AT-SPI run failed ({run.returncode}):\n{run.stdout[-2000:]}\n{run.stderr[-3000:]}"
        + (f"\nreader: {json.loads(out.read_text())['error']}" if out.exists() else "")
    )
    result = json.loads(out.read_text(encoding="utf-8"))
    assert isinstance(result, dict)
    return result


def _nodes(tree: dict[str, object]) -> list[dict[str, object]]:
    found = tree["tree"]
    assert isinstance(found, dict)
    nodes = found["nodes"]
    assert isinstance(nodes, list)
    return nodes


def _first_section() -> ChecklistForm:
    form = load_form(data_dir("forms") / "mystery-client" / "wizyta.yaml").definition
    assert isinstance(form, ChecklistForm)
    return form


def test_each_question_is_a_named_panel_with_its_state(tree: dict[str, object]) -> None:
    form = _first_section()
    section = form.sections[0]
    panels = {str(n["name"]): n for n in _nodes(tree) if n["role"] == "panel"}
    for number, item in enumerate(section.items, 1):
        question = f"1.{number} {item.text.get('pl')}"
        assert question in panels, f"no panel named {question!r} in the tree"
        description = str(panels[question]["description"])
        assert description, f"{question}: no description (its answer state)"
    first = f"1.1 {section.items[0].text.get('pl')}"
    chosen = section.items[0].answer_options()[0].label.get("pl")
    assert f"Odpowiedź: {chosen}" in str(panels[first]["description"])
    second = f"1.2 {section.items[1].text.get('pl')}"
    assert str(panels[second]["description"]).startswith("Bez odpowiedzi")
    assert "focused" in panels[second]["states"], "the focused question is not the one shown"


def test_each_answer_button_says_its_question_answer_and_points(tree: dict[str, object]) -> None:
    section = _first_section().sections[0]
    buttons = {str(n["name"]): n for n in _nodes(tree) if n["role"] in ANSWER_ROLES}
    for number, item in enumerate(section.items, 1):
        question = f"1.{number} {item.text.get('pl')}"
        for key, option in enumerate(item.answer_options(), 1):
            points = f"{option.points * item.weight:g}".replace(".", ",")
            name = f"{question}: {option.label.get('pl')}, pkt {points}"
            assert name in buttons, f"no answer button named {name!r}"
            assert buttons[name]["description"] == f"Klawisz {key}"
    first = section.items[0]
    yes = f"1.1 {first.text.get('pl')}: {first.answer_options()[0].label.get('pl')}"
    checked = [name for name, node in buttons.items() if "checked" in node["states"]]
    assert [name.rsplit(",", 1)[0] for name in checked] == [yes]


def test_nothing_interactive_on_screen_is_nameless(tree: dict[str, object]) -> None:
    nameless = [
        node
        for node in _nodes(tree)
        if node["role"] in INTERACTIVE_ROLES
        and "showing" in node["states"]
        and not str(node["name"]).strip()
    ]
    assert not nameless, nameless


def test_the_tree_reader_fails_without_the_application() -> None:
    """The reader can fail: with no such process on the bus it says so and exits 3."""
    if _missing() is not None:
        pytest.skip("needs the AT-SPI stack (see the module's doc)")
    run = subprocess.run(
        [
            "dbus-run-session",
            "--",
            SYSTEM_PYTHON,
            str(HERE.parents[1] / "tools" / "atspi_tree.py"),
            "--pid",
            "999999",
            "--timeout",
            "2",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 3
    assert "no application of process 999999" in run.stderr
