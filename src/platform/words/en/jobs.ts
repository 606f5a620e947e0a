/**
 * Background jobs (large imports and reports): the job's page and its status. Part of the English
 * catalogue (../en.ts).
 */
export const jobsWords = {
  backgroundJobs: {
    title: 'Progress of your {kind}',
    kinds: { import: 'import', report: 'report' } as Record<string, string>,
    states: {
      queued: 'Waiting to start',
      running: 'In progress',
      succeeded: 'Finished',
      failed: 'Stopped',
    } as Record<string, string>,
    phases: {
      queued: 'Waiting for its turn',
      starting: 'Starting',
      checking: 'Checking the rows',
      comparing: 'Comparing with the figures already held',
      writing: 'Writing the rows',
      recomputing: 'Working out statuses',
      generating: 'Generating',
      done: 'Done',
      failed: 'Stopped',
    } as Record<string, string>,
    state: 'State',
    phase: 'Step',
    progress: 'Progress',
    progressOf: '{done} of {total} ({percent}%)',
    progressCount: '{done} so far',
    started: 'Asked for',
    queuedLead:
      'This is running in the background, so you can carry on using the service and come back to this page. Select “Check again” to see how far it has got.',
    checkAgain: 'Check again',
    failedLead: 'Nothing was changed.',
    seeResult: 'See the result',
    backToImports: 'Back to import and export',
    problemsCaption: 'Rows with problems (line numbers count the header as line 1)',
    line: 'Line',
    column: 'Column',
    problem: 'Problem',
    someProblemsShown: 'The first {shown} of {count} problems are shown.',
    /** The API's answer (404) for a job that is not the caller's or does not exist. */
    notFound: 'No job of yours has that id',
  },
  importJobs: {
    bannerTitle: 'Import started',
    follow: 'See how far the import has got',
    queued:
      'The file has {rows} rows, so it is being imported in the background. Nothing is written until every row is checked, and then everything is written at once.',
    done: 'Imported {kind}: {created} new, {updated} changed, {unchanged} unchanged',
    problems: '{count} problems found: nothing was imported',
    nothingToChange: 'Nothing to change: every row matches what is already held',
  },
};
