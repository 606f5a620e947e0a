import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { createDeps } from './container.ts';
import { seedDemoCouncilIfEmpty } from './data/seed/demo-council.seed.ts';

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
