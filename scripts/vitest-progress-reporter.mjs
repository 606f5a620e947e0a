// A vitest reporter that writes what happens as it happens, one JSON object a line, to the file
// named by GT_PROGRESS_FILE (nothing when unset). The JSON reporter writes its report only when a
// run ends, so a run that scripts/test-all.sh ends for running out of time leaves no report; this
// log is then what scripts/summarise-tests.mjs reads to say which tests passed or failed and which
// files had not finished. Each line is appended synchronously so that a killed run loses nothing
// it had already reported.
//
//   {"event":"queued","file":"/abs/x.int.test.ts","at":1733400000000}   (every line has `at`)
//   {"event":"start","file":"/abs/x.int.test.ts"}
//   {"event":"test","file":"...","name":"suite > test","state":"passed"|"failed"|"skipped"}
//   {"event":"end","file":"...","state":"passed"|"failed"|"skipped","error":"first line"}
import { appendFileSync } from 'node:fs';

export default class ProgressReporter {
  constructor() {
    this.file = process.env.GT_PROGRESS_FILE || null;
  }

  write(entry) {
    // `at` (ms since the epoch) lets a slow run be read as a timeline: which files overlapped.
    if (this.file) appendFileSync(this.file, `${JSON.stringify({ ...entry, at: Date.now() })}\n`);
  }

  onTestModuleQueued(testModule) {
    this.write({ event: 'queued', file: testModule.moduleId });
  }

  onTestModuleStart(testModule) {
    this.write({ event: 'start', file: testModule.moduleId });
  }

  onTestCaseResult(testCase) {
    this.write({
      event: 'test',
      file: testCase.module.moduleId,
      name: testCase.fullName,
      state: testCase.result().state,
    });
  }

  onTestModuleEnd(testModule) {
    const [error] = testModule.errors();
    this.write({
      event: 'end',
      file: testModule.moduleId,
      state: testModule.state(),
      ...(error ? { error: String(error.message ?? error).split('\n')[0] } : {}),
    });
  }
}
