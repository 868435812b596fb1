#!/usr/bin/env bash
# The project's test command: type-check, then vitest. Always ends with the line CI reads,
# "N passed, N failed" (printed by test/summary-line-reporter.ts, or here).
#   npm test              the fast set (a few minutes)
#   npm test -- --slow    the slow set only: browser, SLURM, end-to-end command suites (vitest.config.ts)
#   npm test -- --all     the fast set, then the slow set, then one summary line for both (.ci/run)
# Further arguments go to vitest (e.g. a test file name).
set -uo pipefail
cd "$(dirname "$0")/.."
set_name=fast
case "${1:-}" in
  --all) set_name=all; shift ;;
  --slow) set_name=slow; shift ;;
esac
if [ "$set_name" != slow ] && ! node node_modules/typescript/bin/tsc -p tsconfig.test.json; then
  echo "type check failed"
  echo "0 passed, 1 failed"
  exit 1
fi
if [ "$set_name" != all ]; then
  REGIOSIM_TEST_SET=$set_name exec node node_modules/vitest/vitest.mjs run "$@"
fi

# Both sets: each appends "passed failed" to the counts file; a set that ends before its reporter
# could write (a crash) counts as one failure, so it cannot pass silently.
counts=$(mktemp)
trap 'rm -f "$counts"' EXIT
for part in fast slow; do
  before=$(wc -l <"$counts")
  REGIOSIM_TEST_SET=$part REGIOSIM_TEST_COUNTS=$counts node node_modules/vitest/vitest.mjs run "$@"
  status=$?
  if [ "$(wc -l <"$counts")" = "$before" ]; then
    echo "0 1" >>"$counts" # ended before its reporter wrote
  elif [ "$status" != 0 ] && [ "$(tail -n 1 "$counts" | cut -d' ' -f2)" = 0 ]; then
    echo "0 1" >>"$counts" # vitest failed for a reason no test shows
  fi
done
awk '{ p += $1; f += $2 } END { printf "\n%d passed, %d failed\n", p, f; exit (f > 0) }' "$counts"
