import { ConfigError, loadConfig } from '../platform/config.ts';
import { DataDirInUseError } from '../platform/db/data-dir-lock.ts';
import { createDeps, type Deps } from '../container.ts';
import { seedDemoCouncilIfEmpty } from '../demo/demo-council.seed.ts';
import { DATA_COMMANDS, DATA_USAGE, runDataCommand, UsageError } from './data-commands.ts';
import { createOrganisationCommand, ORGANISATION_USAGE } from './organisation-command.ts';
import { AUDIT_USAGE, verifyAuditCommand } from './audit-command.ts';
import { runSafetyCommand, SAFETY_COMMANDS, SAFETY_USAGE } from './safety-commands.ts';

const USAGE = `Usage: npm run cli -- <command>

Commands:
  migrate     Apply database migrations (DATABASE_URL, or PGlite in DATA_DIR) and stop.
  seed-demo   Load the fictional demo council if the database has no organisations yet.
${ORGANISATION_USAGE}
${DATA_USAGE}
${AUDIT_USAGE}
${SAFETY_USAGE}
  help        Show this message.`;

const COMMANDS: Record<string, (deps: Deps) => Promise<string>> = {
  // Opening the database applies any migrations not yet applied (see runCli: always, for this one).
  migrate: async () => 'Database migrations are up to date.',
  'seed-demo': async (deps) =>
    (await seedDemoCouncilIfEmpty(deps)) ??
    'The database already has an organisation, so the demo council was not loaded.',
};

/** Runs one command and returns the process exit code. */
export async function runCli(args: string[], env: Record<string, string | undefined> = process.env): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    console.log(USAGE);
    return name === undefined ? 1 : 0;
  }
  if (SAFETY_COMMANDS.includes(name)) {
    // These handle the database as a whole, so they open it themselves (or not at all).
    const { code, output } = await runSafetyCommand(name, rest, env);
    (code === 0 ? console.log : console.error)(output);
    return code;
  }
  const command = COMMANDS[name];
  const dataCommand = DATA_COMMANDS.includes(name) || name === 'create-organisation' || name === 'verify-audit';
  if (!dataCommand && (!command || rest.length > 0)) {
    console.error(command ? `The ${name} command takes no arguments.` : `Unknown command: ${name}`);
    console.error(USAGE);
    return 1;
  }
  let deps: Deps;
  try {
    // `migrate` always migrates; the other commands follow MIGRATE_ON_START, as the server does.
    deps = await createDeps(loadConfig(env), name === 'migrate' ? { migrate: true } : {});
  } catch (error) {
    if (error instanceof ConfigError || error instanceof DataDirInUseError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
  try {
    if (dataCommand) {
      try {
        const { code, output } =
          name === 'create-organisation'
            ? await createOrganisationCommand(rest, deps, env)
            : name === 'verify-audit'
              ? await verifyAuditCommand(rest, deps)
              : await runDataCommand(name, rest, deps);
        (code === 0 ? console.log : console.error)(output);
        return code;
      } catch (error) {
        if (!(error instanceof UsageError)) throw error;
        console.error(error.message);
        return 1;
      }
    }
    console.log(await command!(deps));
    return 0;
  } finally {
    await deps.database.close();
  }
}
