#!/usr/bin/env bash
# One vitest project as a step of scripts/test-all.sh:
#   bash scripts/vitest-step.sh PROJECT RESULTS_DIR [vitest options...]
# Writes RESULTS_DIR/results-PROJECT.json when the run ends and RESULTS_DIR/progress-PROJECT.jsonl
# as it goes (scripts/vitest-progress-reporter.mjs), for the summary of a run cut short.
set -u
project="$1"
results_dir="$2"
shift 2
export GT_PROGRESS_FILE="$results_dir/progress-$project.jsonl"
exec npx vitest run --project "$project" "$@" \
  --reporter=default --reporter=./scripts/vitest-progress-reporter.mjs \
  --reporter=json --outputFile="$results_dir/results-$project.json"
