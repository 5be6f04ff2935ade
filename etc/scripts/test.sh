#!/usr/bin/env bash
# Run every test: unit, HTTP (in memory and on a socket), and the PostgreSQL ones.
# PostgreSQL comes from BIODID_TEST_DB_URL (default jdbc:postgresql://127.0.0.1:5432/biodid_test, user postgres).
# With CI=true, tests that need PostgreSQL fail instead of skipping when it is missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
. etc/scripts/java-home.sh
exec mvn -B verify "$@"
