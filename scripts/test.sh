#!/usr/bin/env bash
# `npm test`: the whole suite. Formatting, types, unit and integration tests (Vitest, on real SQLite files
# and a throwaway PostgreSQL server),
# a production build, browser journeys and axe checks in Chromium (Playwright), then the size
# budgets as figures.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p tmp
rm -rf tmp/e2e tmp/results

echo "== Node $(node --version)"
bash scripts/ensure-chromium.sh
bash scripts/ensure-postgres.sh
bash scripts/ensure-nginx.sh

echo "== Formatting (prettier --check)"
prettier --check . --log-level warn

echo "== Type check (astro check)"
astro check

echo "== Unit and integration tests (Vitest)"
vitest run --reporter=default --reporter=json --outputFile.json=tmp/results/vitest.json

echo "== Build"
astro build

echo "== Browser tests (Playwright, $("${CHROMIUM_PATH:-/usr/bin/chromium}" --version 2>/dev/null | head -1))"
PLAYWRIGHT_JSON_OUTPUT_NAME=tmp/results/playwright.json playwright test --reporter=list,json

echo "== Size budgets (npm run bench:budgets)"
node scripts/bench-budgets.ts

node scripts/test-summary.ts tmp/results/vitest.json tmp/results/playwright.json
