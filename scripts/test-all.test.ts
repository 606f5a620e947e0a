import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

// The steps and the summary of `npm test` (scripts/test-steps.sh, scripts/summarise-tests.mjs):
// a step that runs out of time is ended with everything it started, and the total stays last.
const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const TOTAL = /^\d+ passed, \d+ failed$/;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'gt-test-all-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Runs a bash script from the project root; resolves when its output is closed by every process
 * holding it: a late printer left alive (it prints after 20 s) would hold it open and show.
 */
function bash(script: string): Promise<{ output: string; code: number | null; seconds: number }> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', script], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ output, code, seconds: (Date.now() - started) / 1000 }));
  });
}

/** The other steps of a run, all passed, so that only the step under test decides. */
/** The checks summarised as one result each (scripts/summarise-tests.mjs). */
const CHECKS = ['typecheck', 'lint', 'boundaries', 'format', 'deadcode', 'schema-drift'];

function passingSteps(except: string): string {
  const report = JSON.stringify({ numPassedTests: 2, numFailedTests: 0, testResults: [] });
  for (const step of CHECKS.concat(['unit', 'integration', 'browser'])) {
    if (step === except) continue;
    writeFileSync(path.join(dir, `exitcode-${step}`), '0\n');
    if (['unit', 'integration', 'browser'].includes(step))
      writeFileSync(path.join(dir, `results-${step}.json`), report);
  }
  return `results_dir='${dir}'; step_timeout=1; GT_STEP_KILL_GRACE=1; source scripts/test-steps.sh;`;
}

/** A vitest-like step: reports one passed test, starts a second file, then hangs with a child that would print late. */
function hangingVitest(project: string): string {
  const progress = path.join(dir, `progress-${project}.jsonl`);
  const a = path.join(root, 'src/a.int.test.ts');
  const b = path.join(root, 'src/b.int.test.ts');
  const c = path.join(root, 'src/c.int.test.ts');
  const lines = [
    { event: 'queued', file: a },
    { event: 'queued', file: b },
    { event: 'queued', file: c },
    { event: 'start', file: a },
    { event: 'test', file: a, name: 'a works', state: 'passed' },
    { event: 'test', file: a, name: 'a breaks', state: 'failed' },
    { event: 'end', file: a, state: 'failed' },
    { event: 'start', file: b },
  ];
  // What vitest had written before it hung, in place before the step starts: written by the step
  // itself, it could miss the 1 s limit on a busy machine (the whole suite runs at once).
  writeFileSync(progress, `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`);
  writeFileSync(path.join(dir, 'hang.sh'), `(sleep 20; echo LATE OUTPUT) &\nsleep 60\n`);
  return `bash '${path.join(dir, 'hang.sh')}'`;
}

describe('a test step that runs out of time', { timeout: 30_000 }, () => {
  it('is ended with its whole process tree, and the summary says what had not finished, total last', async () => {
    const run = await bash(
      `${passingSteps('integration')} run_step integration ${hangingVitest('integration')}; node scripts/summarise-tests.mjs '${dir}'`,
    );
    expect(run.output).not.toContain('LATE OUTPUT');
    expect(run.seconds).toBeLessThan(15);
    expect(run.output).toContain('integration: timed out after 1s');
    expect(run.output).toContain('src/a.int.test.ts > a breaks');
    expect(run.output).toContain('src/b.int.test.ts did not finish');
    expect(run.output).toContain('src/c.int.test.ts did not start');
    const lines = run.output.trimEnd().split('\n');
    // Passed: 2 each in unit and browser, 1 in integration, 6 checks. Failed: 'a breaks' and the timeout.
    expect(lines.at(-1)).toBe('11 passed, 2 failed');
    expect(run.code).toBe(1);
  });

  it('is ended the same way when it ran alongside others, whose output is still shown', async () => {
    const run = await bash(
      `${passingSteps('unit')} start_step unit ${hangingVitest('unit')}; start_step typecheck echo typecheck output;` +
        ` finish_step unit; finish_step typecheck; node scripts/summarise-tests.mjs '${dir}'`,
    );
    expect(run.output).not.toContain('LATE OUTPUT');
    expect(run.seconds).toBeLessThan(15);
    expect(run.output).toContain('typecheck output');
    expect(run.output).toContain('src/b.int.test.ts did not finish');
    expect(run.output.trimEnd().split('\n').at(-1)).toMatch(TOTAL);
  });
});

describe('a test step that ends in time', { timeout: 30_000 }, () => {
  it('records its exit status and leaves nothing of it running', async () => {
    const run = await bash(
      `${passingSteps('lint')} run_step lint bash -c '(sleep 20; echo LATE OUTPUT) & exit 3'; cat '${dir}/exitcode-lint'; node scripts/summarise-tests.mjs '${dir}'`,
    );
    expect(run.output).not.toContain('LATE OUTPUT');
    expect(run.seconds).toBeLessThan(15);
    expect(run.output).toMatch(/lint +FAILED: eslint reported errors \(exit 3\)/);
    // Passed: 2 each in unit, integration and browser, and the other 5 checks.
    expect(run.output.trimEnd().split('\n').at(-1)).toBe('11 passed, 1 failed');
  });
});
