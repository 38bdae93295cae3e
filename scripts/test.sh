#!/usr/bin/env bash
# Runs the whole test suite (including the slow crash-safety loops) without a display, on
# PYTEST_WORKERS processes (pytest-xdist, default 2; 0 runs in this process). With
# AUDITDESK_TEST_PG set (scripts/test-postgres.sh sets it) the service tests run on PostgreSQL too.
set -euo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python -m pytest -q -n "${PYTEST_WORKERS:-2}" "$@"
