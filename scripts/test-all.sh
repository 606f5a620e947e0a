#!/usr/bin/env bash
# The one test command (`npm test`):
#   0. scripts/setup-test-machine.sh  (installs chromium/postgresql if missing and root)
#   1. typecheck, lint                npx tsc --noEmit, npx eslint .
#      boundaries, format, deadcode, schema-drift
#                                     depcruise, prettier --check, knip, check-schema-drift.mjs
#   2. vitest projects, in order      unit, integration, browser
#   3. node scripts/summarise-tests.mjs  -> last line: "N passed, N failed"
# Every step runs even if an earlier one failed. Exit status is non-zero if
# anything failed. Results: .tmp/results-<project>.json, .tmp/exitcode-<step>.
#
# Environment:
#   GT_SUITE_TIMEOUT   seconds allowed per step (default 1200); a step that
#                      times out counts as failed.
#   GT_SKIP_POSTGRES=1 integration run without a throwaway PostgreSQL cluster.
set -u
cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 2

bash scripts/setup-test-machine.sh

mkdir -p .tmp
rm -f .tmp/results-*.json .tmp/exitcode-*

suite_timeout="${GT_SUITE_TIMEOUT:-1200}"

# Runs a step under a timeout and records its exit code in .tmp/exitcode-<name>.
step() {
  local name="$1"
  shift
  printf '\n===== %s =====\n' "$name"
  timeout --foreground --kill-after=30 "$suite_timeout" "$@"
  local rc=$?
  if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
    printf '%s: timed out after %ss\n' "$name" "$suite_timeout"
  fi
  echo "$rc" >".tmp/exitcode-$name"
}

step typecheck npx tsc --noEmit
step lint npx eslint .
step boundaries npx depcruise src test bench --config .dependency-cruiser.cjs
step format npx prettier --check .
step deadcode npx knip
step schema-drift node scripts/check-schema-drift.mjs

for project in unit integration browser; do
  extra=()
  # Unit tests live next to the code in src/; an empty unit project is not an error.
  [ "$project" = unit ] && extra=(--passWithNoTests)
  step "$project" npx vitest run --project "$project" ${extra[@]+"${extra[@]}"} \
    --reporter=default --reporter=json --outputFile=".tmp/results-$project.json"
done

printf '\n===== summary =====\n'
node scripts/summarise-tests.mjs
exit $?
