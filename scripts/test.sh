#!/usr/bin/env bash
# Runs the whole test suite against SQLite and PostgreSQL (and Chromium for pages).
# If TEST_PG_URL is not set, a throw-away PostgreSQL cluster is started on 127.0.0.1 and removed after.
set -euo pipefail
cd "$(dirname "$0")/.."

cleanup() { :; }
if [ -z "${TEST_PG_URL:-}" ]; then
  source scripts/pg-throwaway.sh
  pg_throwaway_start
  cleanup() { pg_throwaway_stop; }
fi
trap cleanup EXIT

# The web app is built once so page tests serve what users get.
if [ "${SKIP_WEB_BUILD:-}" != "1" ]; then npm run build:web --silent; fi

mapfile -t files < <(find server contracts demo e2e -name '*.test.ts' -not -path '*/node_modules/*' | sort)
if [ "$#" -gt 0 ]; then files=("$@"); fi
node --import tsx --test --test-concurrency="${TEST_CONCURRENCY:-2}" --test-timeout=300000 "${files[@]}"
