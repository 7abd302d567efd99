#!/usr/bin/env bash
# The integration tests also run on PostgreSQL (tests/support/postgres-cluster.ts starts a
# throwaway server). Installs Debian's postgresql when we can (root with apt), otherwise says
# exactly what to run. Not needed when TEST_DATABASE_URL points at an existing server.
set -euo pipefail
bin="${POSTGRES_BIN:-/usr/lib/postgresql/15/bin}"
if [ -n "${TEST_DATABASE_URL:-}" ] || [ -x "$bin/initdb" ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "PostgreSQL is missing: installing Debian's postgresql package (a minute or two)..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  # The package starts a cluster of its own; the tests make their own and do not need it.
  (service postgresql stop || pg_ctlcluster 15 main stop || true) >/dev/null 2>&1
  "$bin/initdb" --version
  exit 0
fi
cat >&2 <<MSG
The integration tests need PostgreSQL 15 (initdb at $bin), and it is not there.
Install Debian's package, then run the tests again:

    sudo apt-get update && sudo apt-get install -y postgresql

Or set TEST_DATABASE_URL to a server the tests may create databases on.
MSG
exit 1
