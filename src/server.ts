import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './platform/config.ts';
import { createDeps } from './container.ts';
import { demoAtStart } from './demo/demo-council.seed.ts';
import { recalculateStatuses, REFRESH_EVERY_MS } from './modules/performance/index.ts';
import { REMINDERS_DAILY_AT, runReminders } from './modules/collection/index.ts';
import { ESCALATIONS_DAILY_AT, runRecommendationEscalations } from './modules/recommendations/index.ts';
import {
  REQUEST_REMINDERS_DAILY_AT,
  runRequestReminders,
  runTimetableReminders,
  TIMETABLE_REMINDERS_DAILY_AT,
} from './modules/committees/index.ts';
import { IMPROVEMENT_REQUESTS_DAILY_AT, runImprovementRequests } from './modules/improvement-plans/index.ts';
import { RISK_REMINDERS_DAILY_AT, runRiskReviewReminders } from './modules/risks/index.ts';
import { smtpMailer } from './platform/mail/mailer.ts';
import { createJobScheduler } from './platform/jobs/scheduler.ts';
import { listenOrRefusal, portIsFree, portRefusedLine } from './platform/http/port-check.ts';
import { DataDirInUseError } from './platform/db/data-dir-lock.ts';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  if (!(await portIsFree(config.host, config.port))) {
    console.error(portRefusedLine(config.host, config.port));
    process.exit(1);
  }
  let deps;
  try {
    deps = await createDeps(config);
  } catch (error) {
    // Another process has the PGlite folder open: one clear line, not a stack trace.
    if (error instanceof DataDirInUseError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  if (config.seedDemo) {
    const seeded = await demoAtStart(deps);
    if (seeded) console.log(seeded);
  }
  const app = await buildApp(deps, { logger: true });
  // Scheduled work: every process registers it, and the scheduled_jobs table makes sure each due
  // run happens in one process only, however many are started.
  const jobs = createJobScheduler({ db: deps.database.db, clock: deps.clock, log: (line) => app.log.error(line) });
  if (config.reminders) {
    // REMINDERS=on: the reminder job once a day (or schedule `npm run cli -- reminders` yourself).
    const job = {
      db: deps.database.db,
      smtp: config.smtp,
      baseUrl: config.baseUrl,
      log: (line: string) => app.log.info(line),
    };
    await jobs.schedule('reminders', { dailyAt: REMINDERS_DAILY_AT }, () => runReminders(job, deps.clock.today()));
    // Overdue recommendations: the owner when due, the unit head when overdue by the council's days.
    const escalations = { ...job, mailer: config.smtp ? smtpMailer(config.smtp) : undefined };
    await jobs.schedule('recommendation-escalations', { dailyAt: ESCALATIONS_DAILY_AT }, () =>
      runRecommendationEscalations(escalations, deps.clock.today()),
    );
    // Overdue risk reviews: their owners are reminded once per missed review date.
    const riskJob = {
      db: deps.database.db,
      mailer: config.smtp ? smtpMailer(config.smtp) : undefined,
      baseUrl: config.baseUrl,
      now: deps.clock,
      log: (line: string) => app.log.info(line),
    };
    await jobs.schedule('risk-review-reminders', { dailyAt: RISK_REMINDERS_DAILY_AT }, () =>
      runRiskReviewReminders(riskJob, deps.clock.today()),
    );
    // Members' requests past their due date: the officer once, then the head of their unit.
    await jobs.schedule('member-request-reminders', { dailyAt: REQUEST_REMINDERS_DAILY_AT }, () =>
      runRequestReminders(escalations, deps.clock.today()),
    );
    // The planning timetable: performance officers hear a week before each meeting's deadlines.
    await jobs.schedule('timetable-reminders', { dailyAt: TIMETABLE_REMINDERS_DAILY_AT }, () =>
      runTimetableReminders(escalations, deps.clock.today()),
    );
  }
  // Actions overdue by the council's days (or off track too long) go to their escalation owner, by e-mail.
  await jobs.schedule('action-escalations', { dailyAt: REMINDERS_DAILY_AT }, async () => {
    const run = await deps.services.actionChanges.runEscalations();
    if (run.raised || run.sent || run.failed) app.log.info(`action escalations: ${JSON.stringify(run)}`);
  });
  // Statuses depend on the date (a new period, a value now overdue): keep them current.
  await jobs.schedule('status-refresh', { everyMs: REFRESH_EVERY_MS }, () =>
    recalculateStatuses({
      db: deps.database.db,
      performance: deps.services.performance,
      log: (line: string) => app.log.info(line),
    }),
  );
  // Key measures red or in special-cause concern for the council's number of periods: their owners
  // are asked for an improvement plan, once per episode (mailed when SMTP is set up).
  await jobs.schedule('improvement-plan-requests', { dailyAt: IMPROVEMENT_REQUESTS_DAILY_AT }, () =>
    runImprovementRequests({
      db: deps.database.db,
      clock: deps.clock,
      mailer: config.smtp ? smtpMailer(config.smtp) : undefined,
      baseUrl: config.baseUrl,
      log: (line: string) => app.log.info(line),
    }),
  );
  app.addHook('onClose', async () => {
    await jobs.stop(); // a run in progress finishes before its database closes
    await deps.database.close();
  });

  const close = async (signal: string) => {
    app.log.info(`${signal} received, closing`);
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void close('SIGINT'));
  process.once('SIGTERM', () => void close('SIGTERM'));

  // Taken since the check above (start-up opened the database meanwhile): the same one line.
  const refusal = await listenOrRefusal(
    () => app.listen({ port: config.port, host: config.host }),
    config.host,
    config.port,
  );
  if (refusal) {
    console.error(refusal);
    await app.close();
    process.exit(1);
  }
  jobs.start();
  // Background jobs (large imports): this process also takes jobs queued by others, or left by one that stopped.
  deps.jobs.start();
  console.log(
    `Golden Thread is running at ${config.baseUrl} (database: ${deps.database.kind === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL'})`,
  );
}

await main();
