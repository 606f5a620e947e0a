#!/usr/bin/env node
// Summarise a `scripts/test-all.sh` run.
//
//   node scripts/summarise-tests.mjs [RESULTS_DIR]     (default .tmp)
//
// Reads RESULTS_DIR/exitcode-<step> (written by test-all.sh) and the vitest JSON
// reports RESULTS_DIR/results-<project>.json, prints one line per step, the failing
// tests, and as the very LAST line exactly: "<N> passed, <N> failed".
// A vitest run that was ended for running out of time has no JSON report; its
// RESULTS_DIR/progress-<project>.jsonl (scripts/vitest-progress-reporter.mjs) then
// gives the tests that had passed or failed and the files that had not finished.
//
// Counting:
//   typecheck      1 passed, or 1 failed if tsc exited non-zero (or didn't run).
//   vitest project passed/failed tests from its JSON, plus 1 failed for each
//                  test file that failed without a failing test (import error,
//                  hook error), plus 1 failed if vitest exited non-zero without
//                  any reported failure (crash, globalSetup error, unhandled
//                  error, timeout). A missing or unreadable JSON is 1 failed.
//                  A run that timed out: the tests its progress log reports,
//                  plus 1 failed for the timeout (its unfinished files listed).
// Exit status: 1 if anything failed, else 0.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tmp = resolve(process.argv[2] ?? join(root, '.tmp'));
const projects = ['unit', 'integration', 'browser'];

function readExitCode(name) {
  const file = join(tmp, `exitcode-${name}`);
  if (!existsSync(file)) return null;
  const code = Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
  return Number.isNaN(code) ? null : code;
}

/** What a progress log (one JSON object a line) says of a run that did not write its report. */
function readProgress(file) {
  const files = new Map();
  const tests = [];
  const text = readFileSync(file, 'utf8');
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    let entry;
    try {
      entry = JSON.parse(line);
    } catch {
      continue; // a line cut off as the run was killed
    }
    const name = relative(root, entry.file ?? '?');
    if (entry.event === 'queued' && !files.has(name)) files.set(name, 'not started');
    if (entry.event === 'start') files.set(name, 'running');
    if (entry.event === 'end') files.set(name, entry.state === 'failed' ? `failed:${entry.error ?? ''}` : 'done');
    if (entry.event === 'test') tests.push({ file: name, name: entry.name, state: entry.state });
  }
  return { files, tests };
}

function describeExit(code) {
  if (code === 124 || code === 137) return `timed out (exit ${code})`;
  return `exit ${code}`;
}

let totalPassed = 0;
let totalFailed = 0;
const lines = [];
const failures = [];

// Typecheck, lint, the module boundaries, format, dead code and schema drift: one check each.
for (const [step, tool] of [
  ['typecheck', 'tsc'],
  ['lint', 'eslint'],
  ['boundaries', 'dependency-cruiser'],
  ['format', 'prettier'],
  ['deadcode', 'knip'],
  ['schema-drift', 'the schema drift check'],
]) {
  const code = readExitCode(step);
  if (code === 0) {
    totalPassed += 1;
    lines.push([step, 'passed']);
  } else {
    totalFailed += 1;
    const why = code === null ? 'did not run' : `${tool} reported errors (${describeExit(code)}), see output above`;
    lines.push([step, `FAILED: ${why}`]);
  }
}

for (const project of projects) {
  const code = readExitCode(project);
  const file = join(tmp, `results-${project}.json`);

  let report;
  if (existsSync(file)) {
    try {
      report = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      totalFailed += 1;
      lines.push([project, `FAILED: unreadable ${relative(root, file)} (${error.message})`]);
      continue;
    }
  }
  const progressFile = join(tmp, `progress-${project}.jsonl`);
  if (!report && (code === 124 || code === 137) && existsSync(progressFile)) {
    const progress = readProgress(progressFile);
    const passed = progress.tests.filter((t) => t.state === 'passed').length;
    let failed = 1; // the timeout itself
    for (const t of progress.tests.filter((t) => t.state === 'failed')) {
      failed += 1;
      failures.push(`${project}: ${t.file} > ${t.name}`);
    }
    const unfinished = [];
    const notStarted = [];
    for (const [name, state] of progress.files) {
      if (state === 'running') unfinished.push(name);
      if (state === 'not started') notStarted.push(name);
      if (state.startsWith('failed:') && !progress.tests.some((t) => t.file === name && t.state === 'failed')) {
        failed += 1;
        const message = state.slice('failed:'.length);
        failures.push(`${project}: ${name} (file failed${message ? `: ${message}` : ', e.g. in a hook'})`);
      }
    }
    failures.push(`${project}: timed out (${describeExit(code)}); ended before its report was written`);
    for (const name of unfinished) failures.push(`${project}: ${name} did not finish`);
    for (const name of notStarted) failures.push(`${project}: ${name} did not start`);
    totalPassed += passed;
    totalFailed += failed;
    lines.push([
      project,
      `FAILED: timed out; ${passed} passed, ${failed} failed before it was ended ` +
        `(${unfinished.length} file${unfinished.length === 1 ? '' : 's'} unfinished, ${notStarted.length} not started)`,
    ]);
    continue;
  }
  if (!report || typeof report !== 'object' || !Array.isArray(report.testResults)) {
    totalFailed += 1;
    const why =
      code === null
        ? 'did not run'
        : code === 124 || code === 137
          ? `timed out (${describeExit(code)}) before any test reported`
          : `crashed (${describeExit(code)}), no JSON results`;
    lines.push([project, `FAILED: ${why}`]);
    continue;
  }

  const passed = report.numPassedTests ?? 0;
  let failed = report.numFailedTests ?? 0;
  const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  const notes = [];

  for (const fileResult of report.testResults) {
    const name = relative(root, fileResult.name ?? '?');
    const failedTests = (fileResult.assertionResults ?? []).filter((a) => a.status === 'failed');
    for (const t of failedTests) {
      failures.push(`${project}: ${name} > ${t.fullName}`);
    }
    if (fileResult.status === 'failed' && failedTests.length === 0) {
      failed += 1;
      const message = String(fileResult.message ?? '')
        .split('\n')[0]
        .trim();
      failures.push(`${project}: ${name} (file failed${message ? `: ${message}` : ', e.g. in a hook'})`);
    }
  }

  if (code !== 0 && failed === 0) {
    failed += 1;
    const why = code === null ? 'exit code unknown' : describeExit(code);
    notes.push(
      `vitest failed without a failing test (${why}): globalSetup error, unhandled error or crash; see output above`,
    );
    failures.push(`${project}: vitest run failed (${why})`);
  }
  if (report.testResults.length === 0 && code === 0) notes.push('no test files');

  totalPassed += passed;
  totalFailed += failed;
  const files = report.testResults.length;
  let summary = `${passed} passed, ${failed} failed`;
  if (skipped) summary += `, ${skipped} skipped`;
  summary += ` (${files} file${files === 1 ? '' : 's'})`;
  if (notes.length) summary += ` - ${notes.join('; ')}`;
  lines.push([project, summary]);
}

const width = Math.max(...lines.map(([name]) => name.length));
for (const [name, text] of lines) console.log(`${name.padEnd(width)}  ${text}`);
if (failures.length) {
  console.log('\nFailures:');
  for (const f of failures) console.log(`  - ${f}`);
}
console.log(`${totalPassed} passed, ${totalFailed} failed`);
process.exitCode = totalFailed > 0 ? 1 : 0;
