"""The main window's size, place and splitters: kept per user in the settings, and always within
the screen's available area (a 1366×768 laptop less its task bar, issue 15).

A user's entry in `Settings.windows` (keyed by login) holds "geometry" (Qt's saveGeometry) and
"splitter:<panel>:<n>" for the n-th splitter of a panel (in creation order), each base64."""

from __future__ import annotations

import base64
import binascii

from PySide6.QtCore import QByteArray, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QSplitter, QWidget

from auditdesk.settings import Settings

# a first start fills a 1366×768 laptop's screen (fit_within leaves room for the frame): the
# lists' columns need the width (issue 15); a larger screen gets this size
DEFAULT_SIZE = QSize(1366, 768)
FRAME_ALLOWANCE = QSize(16, 40)  # the window manager's title bar and borders, before the first show


def available_geometry(widget: QWidget) -> QRect:
    """The available area (without task bars) of the screen the widget is on, or the primary."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 728)


def fit_within(window: QWidget, area: QRect) -> None:
    """Shrinks the window to the area (leaving room for the frame) and moves it inside."""
    width = min(window.width(), area.width() - FRAME_ALLOWANCE.width())
    height = min(window.height(), area.height() - FRAME_ALLOWANCE.height())
    window.setMinimumSize(min(window.minimumWidth(), width), min(window.minimumHeight(), height))
    window.resize(width, height)
    x = min(max(window.x(), area.left()), area.right() - width - FRAME_ALLOWANCE.width() + 1)
    y = min(max(window.y(), area.top()), area.bottom() - height - FRAME_ALLOWANCE.height() + 1)
    window.move(max(x, area.left()), max(y, area.top()))


def _decode(text: str) -> QByteArray | None:
    try:
        return QByteArray(base64.b64decode(text, validate=True))
    except (binascii.Error, ValueError):
        return None


def _encode(data: QByteArray) -> str:
    return base64.b64encode(bytes(data.data())).decode()


def user_state(settings: Settings, login: str) -> dict[str, str]:
    state = settings.windows.get(login)
    return state if isinstance(state, dict) else {}


def restore_geometry(window: QWidget, settings: Settings, login: str, area: QRect) -> None:
    """The user's last size and place (else the legacy shared one, else the default), fitted
    within `area`."""
    saved = user_state(settings, login).get("geometry") or settings.window_geometry
    data = _decode(saved) if saved else None
    if data is None or not window.restoreGeometry(data):
        window.resize(DEFAULT_SIZE)
        window.move(area.topLeft())
    fit_within(window, area)


def save_geometry(window: QWidget, settings: Settings, login: str) -> None:
    state = dict(user_state(settings, login))
    state["geometry"] = _encode(window.saveGeometry())
    settings.windows[login] = state


def panel_splitters(panel: QWidget) -> list[QSplitter]:
    return panel.findChildren(QSplitter)


def restore_splitters(key: str, panel: QWidget, settings: Settings, login: str) -> None:
    state = user_state(settings, login)
    for n, splitter in enumerate(panel_splitters(panel)):
        saved = state.get(f"splitter:{key}:{n}")
        data = _decode(saved) if saved else None
        if data is not None:
            splitter.restoreState(data)


def save_splitters(key: str, panel: QWidget, settings: Settings, login: str) -> None:
    state = dict(user_state(settings, login))
    for n, splitter in enumerate(panel_splitters(panel)):
        state[f"splitter:{key}:{n}"] = _encode(splitter.saveState())
    settings.windows[login] = state
