import { runCli } from './commands.ts';

/** `npm run cli -- <command>`: maintenance commands that share the app's configuration and services. */
process.exitCode = await runCli(process.argv.slice(2));
