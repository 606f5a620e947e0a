#!/usr/bin/env bash
# The one test command (`npm test`):
#   0. scripts/setup-test-machine.sh  (installs chromium/postgresql if missing and root)
#   1. at once: typecheck and lint (one process, scripts/typecheck-and-lint.mjs), boundaries, format,
#      dead code, schema drift and the unit tests (small, mostly one core each)
#   2. once all but typecheck-and-lint and format are done: vitest integration (both cores) and
#      vitest browser (one file at a time), beside whatever of those two is still running
#   3. node scripts/summarise-tests.mjs  -> last line: "N passed, N failed"
# Every step runs even if an earlier one failed, each in its own process group (scripts/test-steps.sh):
# a step that runs out of time is ended with everything it started, so nothing prints after the
# summary. Exit status is non-zero if anything failed. Results: .tmp/results-<project>.json (vitest's
# report), .tmp/progress-<project>.jsonl (written as tests finish, read when a run was cut short),
# .tmp/exitcode-<step>, .tmp/log-<step> (output of the steps run at once).
#
# Environment:
#   GT_SUITE_TIMEOUT   seconds allowed per step (default 1200); a step that
#                      times out counts as failed.
#   GT_SKIP_POSTGRES=1 integration run without a throwaway PostgreSQL cluster.
set -u
cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 2

bash scripts/setup-test-machine.sh

results_dir=.tmp
step_timeout="${GT_SUITE_TIMEOUT:-1200}"
# shellcheck source=scripts/test-steps.sh
source scripts/test-steps.sh
trap 'end_all_steps; exit 130' INT TERM

mkdir -p "$results_dir"
rm -f "$results_dir"/results-*.json "$results_dir"/progress-*.jsonl "$results_dir"/exitcode-* "$results_dir"/log-*

# tsc and the type-aware eslint on one TypeScript program: as two processes each built and checked
# the whole program (50 + 85 core-s; together 103). The script writes the type check's exit status
# to exitcode-typecheck itself, so the summary still reports the two apart.
start_step lint node scripts/typecheck-and-lint.mjs --typecheck-exit-file "$results_dir/exitcode-typecheck"
start_step boundaries npx depcruise src test bench --config .dependency-cruiser.cjs
start_step format npx prettier --check .
start_step deadcode npx knip
start_step schema-drift node scripts/check-schema-drift.mjs
# Unit tests live next to the code in src/; an empty unit project is not an error.
start_step unit bash scripts/vitest-step.sh unit "$results_dir" --passWithNoTests
for name in boundaries deadcode schema-drift unit; do finish_step "$name"; done

# Integration keeps both cores busy; the browser files, one at a time, mostly wait on Chromium
# (under one core on average), so the two run side by side. They start once the unit tests are
# done, without waiting for the type check, eslint and prettier: the type check and lint run on one
# core for a minute or more after the rest, and the other core would idle.
start_step integration bash scripts/vitest-step.sh integration "$results_dir"
start_step browser bash scripts/vitest-step.sh browser "$results_dir"
for name in lint format integration browser; do finish_step "$name"; done

printf '\n===== summary =====\n'
node scripts/summarise-tests.mjs "$results_dir"
exit $?
