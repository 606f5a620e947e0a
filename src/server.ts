import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './platform/config.ts';
import { createDeps } from './container.ts';
import { seedDemoCouncilIfEmpty } from './demo/demo-council.seed.ts';
import { recalculateStatuses, startStatusRefresh } from './modules/performance/index.ts';
import { londonToday, runReminders, startDailyReminders } from './modules/collection/index.ts';

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
  const deps = await createDeps(config);
  if (config.seedDemo) {
    const seeded = await seedDemoCouncilIfEmpty(deps);
    if (seeded) console.log(seeded);
  }
  const app = await buildApp(deps, { logger: true });
  app.addHook('onClose', async () => deps.database.close());
  if (config.reminders) {
    // REMINDERS=on: the reminder job once a day in this process (or schedule `npm run cli -- reminders`).
    const job = {
      db: deps.database.db,
      smtp: config.smtp,
      baseUrl: config.baseUrl,
      log: (line: string) => app.log.info(line),
    };
    const timer = startDailyReminders(
      () => runReminders(job, londonToday(deps.clock())),
      (line) => app.log.error(line),
    );
    app.addHook('onClose', async () => timer.stop());
  }

  // Statuses depend on the date (a new period, a value now overdue): keep them current.
  const refresh = startStatusRefresh(
    () =>
      recalculateStatuses({
        db: deps.database.db,
        performance: deps.services.performance,
        log: (line: string) => app.log.info(line),
      }),
    (line) => app.log.error(line),
  );
  app.addHook('onClose', async () => refresh.stop());

  const close = async (signal: string) => {
    app.log.info(`${signal} received, closing`);
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void close('SIGINT'));
  process.once('SIGTERM', () => void close('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  console.log(
    `Golden Thread is running at ${config.baseUrl} (database: ${deps.database.kind === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL'})`,
  );
}

await main();
