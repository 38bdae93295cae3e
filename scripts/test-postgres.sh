#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster (Debian's postgresql package), exports AUDITDESK_TEST_PG
# for it and runs a command (default: scripts/test.sh, the whole suite), then stops the cluster
# and deletes it whatever happened. The cluster listens only on a Unix socket in its own folder
# (no TCP port, nothing reachable from outside) and trusts local connections: it lives for one run.
#
#   ./scripts/test-postgres.sh                       # the suite on SQLite and on PostgreSQL
#   ./scripts/test-postgres.sh .venv/bin/python -m pytest tests/services -x
#   ./scripts/test-postgres.sh --shell               # a shell with AUDITDESK_TEST_PG set
#
# initdb refuses to run as root: as root the cluster runs as the 'postgres' system user.
set -euo pipefail
cd "$(dirname "$0")/.."

bindir=${PG_BINDIR:-}
if [[ -z "$bindir" ]]; then
    for candidate in /usr/lib/postgresql/*/bin; do
        [[ -x "$candidate/initdb" ]] && bindir=$candidate
    done
fi
if [[ -z "$bindir" || ! -x "$bindir/initdb" ]]; then
    echo "test-postgres.sh: PostgreSQL server binaries not found (initdb, pg_ctl): install them" \
        "with 'apt-get install postgresql' or set PG_BINDIR" >&2
    exit 2
fi

run_as=()
if [[ $(id -u) -eq 0 ]]; then
    run_as=(runuser -u postgres --)
fi

cluster=$(mktemp -d /tmp/auditdesk-pg.XXXXXX)
chmod 755 "$cluster"
[[ ${#run_as[@]} -gt 0 ]] && chown postgres: "$cluster"
port=${PG_TEST_PORT:-$((20000 + RANDOM % 20000))}

stop_cluster() {
    "${run_as[@]}" "$bindir/pg_ctl" -D "$cluster/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$cluster"
}
trap stop_cluster EXIT

"${run_as[@]}" "$bindir/initdb" -D "$cluster/data" -U postgres --auth=trust -E UTF8 \
    --locale=C.UTF-8 >"$cluster/initdb.log" 2>&1 || { cat "$cluster/initdb.log" >&2; exit 1; }
# fsync off: a test cluster thrown away at the end need not survive a power cut; autovacuum off:
# its workers (after a bulk import) belong to no test role, and DROP DATABASE … WITH (FORCE) by
# the tests' role may not end them
"${run_as[@]}" "$bindir/pg_ctl" -D "$cluster/data" -w -l "$cluster/server.log" \
    -o "-k $cluster -p $port -c listen_addresses='' -c fsync=off -c synchronous_commit=off \
        -c full_page_writes=off -c max_connections=200 -c autovacuum=off" start >/dev/null \
    || { cat "$cluster/server.log" >&2; exit 1; }
"$bindir/psql" -q -h "$cluster" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 <<SQL
CREATE ROLE auditdesk LOGIN CREATEDB;
CREATE DATABASE auditdesk_test OWNER auditdesk;
SQL

export AUDITDESK_TEST_PG="postgresql://auditdesk@/auditdesk_test?host=$cluster&port=$port"
echo "test-postgres.sh: PostgreSQL $("$bindir/pg_ctl" --version | awk '{print $3}') at" \
    "$AUDITDESK_TEST_PG"

if [[ "${1:-}" == "--shell" ]]; then
    "${SHELL:-bash}" || true
elif [[ $# -gt 0 ]]; then
    "$@"
else
    bash scripts/test.sh
fi
