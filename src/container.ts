import path from 'node:path';
import type { Config } from './platform/config.ts';
import { openDatabase, type Database } from './platform/db/db.ts';
import { createServices, type Services } from './services.ts';

export interface Deps {
  config: Config;
  database: Database;
  services: Services;
  clock: () => Date;
}

/** The one composition root: configuration in, everything the app, jobs and CLI need out. */
export async function createDeps(
  config: Config,
  options: { clock?: () => Date; inMemory?: boolean } = {},
): Promise<Deps> {
  const database = await openDatabase({
    url: config.databaseUrl,
    dataDir: options.inMemory ? undefined : path.resolve(config.dataDir, 'pglite'),
  });
  const clock = options.clock ?? (() => new Date());
  return { config, database, services: createServices({ db: database.db, clock }), clock };
}
