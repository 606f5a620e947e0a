/**
 * Commands that look after the database as a whole, run without starting the app's services:
 *
 *   npm run cli -- backup <file>           (PostgreSQL: pg_dump; PGlite: a dump of the data folder)
 *   npm run cli -- restore <file>          (into an empty database or data folder)
 *   npm run cli -- grant-app-role <role>   (PostgreSQL, as the owner role: docs/database-roles.md)
 */
import path from 'node:path';
import pg from 'pg';
import { ConfigError, loadConfig } from '../platform/config.ts';
import { appRoleGrants } from '../platform/db/app-role.ts';
import { DataDirInUseError } from '../platform/db/data-dir-lock.ts';
import { BackupError, backupPglite, backupPostgres, restorePglite, restorePostgres } from '../platform/db/backup.ts';

export const SAFETY_USAGE = `  backup <file>
              Write the whole database to a file: pg_dump (custom format) with DATABASE_URL, else a dump of
              the PGlite folder in DATA_DIR (stop the server first: its folder is locked while it runs).
  restore <file>
              Load a backup into an empty database (DATABASE_URL) or an empty PGlite folder (DATA_DIR), all or nothing.
  grant-app-role <role>
              PostgreSQL, run as the owner after migrating: let the app's role read and write the tables but
              only read and add to the audit trail (docs/database-roles.md).`;

export const SAFETY_COMMANDS = ['backup', 'restore', 'grant-app-role'];

export async function runSafetyCommand(
  name: string,
  args: string[],
  env: Record<string, string | undefined>,
): Promise<{ code: number; output: string }> {
  const [argument, ...extra] = args;
  if (!argument || argument.startsWith('--') || extra.length > 0) {
    return { code: 1, output: `Usage: npm run cli -- ${name} <${name === 'grant-app-role' ? 'role' : 'file'}>` };
  }
  try {
    const config = loadConfig(env);
    const url = config.databaseUrl;
    const dataDir = path.resolve(config.dataDir, 'pglite');
    if (name === 'grant-app-role') {
      if (!url)
        return { code: 1, output: 'PGlite has no database roles: this command is for PostgreSQL (DATABASE_URL).' };
      const statements = appRoleGrants(argument);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query('BEGIN');
        for (const statement of statements) await client.query(statement);
        await client.query('COMMIT');
      } finally {
        await client.end();
      }
      return { code: 0, output: `${argument} may now use the tables, and only read and add to the audit trail.` };
    }
    if (name === 'backup') {
      if (url) await backupPostgres(url, argument, env);
      else await backupPglite(dataDir, argument);
      return {
        code: 0,
        output: `Backed up the ${url ? 'PostgreSQL database' : `PGlite database in ${dataDir}`} to ${argument}.`,
      };
    }
    if (url) await restorePostgres(url, argument, env);
    else await restorePglite(dataDir, argument);
    return {
      code: 0,
      output: `Restored ${argument} into the ${url ? 'PostgreSQL database' : `PGlite folder ${dataDir}`}. Run npm run migrate if the backup is from an older version.`,
    };
  } catch (error) {
    if (error instanceof ConfigError || error instanceof DataDirInUseError || error instanceof BackupError)
      return { code: 1, output: error.message };
    if (error instanceof Error && name === 'grant-app-role') return { code: 1, output: error.message };
    throw error;
  }
}
