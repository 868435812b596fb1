#!/usr/bin/env bash
# The project's test command: type-check, then vitest. Always ends with the line CI reads,
# "N passed, N failed" (printed by test/summary-line-reporter.ts, or here if type-checking fails).
set -uo pipefail
cd "$(dirname "$0")/.."
if ! node node_modules/typescript/bin/tsc -p tsconfig.test.json; then
  echo "type check failed"
  echo "0 passed, 1 failed"
  exit 1
fi
exec node node_modules/vitest/vitest.mjs run "$@"
