#!/usr/bin/env bash
# Runs the whole test suite (including the slow crash-safety loops) without a display.
set -euo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python -m pytest -q "$@"
