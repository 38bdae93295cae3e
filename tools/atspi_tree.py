"""Reads one application's accessibility tree over AT-SPI, the way a screen reader does (issue 19).

Runs with the SYSTEM python3 and Debian's python3-pyatspi (not the project's venv: pyatspi is
built on the system's GObject introspection), on the session D-Bus where the application
registered itself (Qt does when QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 or a screen reader is on).

    python3 tools/atspi_tree.py [--pid PID] [--timeout S] [--min-nodes N]

Prints JSON to stdout: {"application": name, "nodes": [{"depth", "role", "name",
"description", "states"}, ...]} in reading order (depth first), for the application whose
process is PID (default: the parent process, so a window can start this script itself with
QProcess and read the answer). Exits 2 when pyatspi is missing, 3 when the application did not
appear on the bus within the timeout.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from typing import Any

MAX_NODES = 20_000  # bounded: a runaway tree stops the walk, it does not hang it
MAX_DEPTH = 60


def _load() -> Any:
    try:
        import pyatspi  # type: ignore[import-not-found]
    except ImportError:
        print(
            "atspi_tree: pyatspi is missing: apt-get install python3-pyatspi at-spi2-core "
            "(and run this with the system python3)",
            file=sys.stderr,
        )
        sys.exit(2)
    return pyatspi


def _states(pyatspi: Any, node: Any) -> list[str]:
    wanted = {
        "focused": pyatspi.STATE_FOCUSED,
        "focusable": pyatspi.STATE_FOCUSABLE,
        "showing": pyatspi.STATE_SHOWING,
        "visible": pyatspi.STATE_VISIBLE,
        "checked": pyatspi.STATE_CHECKED,
        "enabled": pyatspi.STATE_ENABLED,
    }
    try:
        state = node.getState()
    except Exception:  # a node gone while walking: no states
        return []
    return [name for name, value in wanted.items() if state.contains(value)]


def walk(pyatspi: Any, root: Any) -> list[dict[str, object]]:
    nodes: list[dict[str, object]] = []
    stack: list[tuple[Any, int]] = [(root, 0)]
    while stack and len(nodes) < MAX_NODES:
        node, depth = stack.pop()
        try:
            entry: dict[str, object] = {
                "depth": depth,
                "role": node.getRoleName(),
                "name": node.name or "",
                "description": node.description or "",
                "states": _states(pyatspi, node),
            }
            count = node.childCount if depth < MAX_DEPTH else 0
        except Exception:  # the widget went away during the walk
            continue
        nodes.append(entry)
        children = []
        for i in range(count):
            try:
                child = node.getChildAtIndex(i)
            except Exception:
                child = None
            if child is not None:
                children.append(child)
        stack.extend((child, depth + 1) for child in reversed(children))
    return nodes


def find_application(pyatspi: Any, pid: int) -> Any | None:
    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        try:
            app = desktop.getChildAtIndex(i)
            if app is not None and app.get_process_id() == pid:
                return app
        except Exception:
            continue
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pid", type=int, default=os.getppid())
    parser.add_argument("--timeout", type=float, default=30.0)
    parser.add_argument(
        "--min-nodes", type=int, default=10, help="wait until the tree has at least this many"
    )
    args = parser.parse_args(argv)
    pyatspi = _load()
    deadline = time.monotonic() + args.timeout
    nodes: list[dict[str, object]] = []
    app = None
    while time.monotonic() < deadline:
        app = find_application(pyatspi, args.pid)
        if app is not None:
            nodes = walk(pyatspi, app)
            if len(nodes) >= args.min_nodes:
                break
        time.sleep(0.5)
    if app is None or len(nodes) < args.min_nodes:
        print(
            f"atspi_tree: no application of process {args.pid} with {args.min_nodes} nodes on "
            f"the accessibility bus after {args.timeout:g} s (is QT_LINUX_ACCESSIBILITY_ALWAYS_ON"
            " set and a session D-Bus running?)",
            file=sys.stderr,
        )
        return 3
    json.dump({"application": app.name, "nodes": nodes}, sys.stdout, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
