import type { Deps } from '../container.ts';
import { loadDemoCouncil, type DemoCredentials } from './demo-council.loader.ts';

/** Loads the demo council into an empty database; returns the sign-in details to print, or null. */
export async function seedDemoCouncilIfEmpty(deps: Deps): Promise<string | null> {
  if (!(await deps.services.organisations.isEmpty())) return null;
  const credentials = await loadDemoCouncil(deps.database.db, undefined, { clock: deps.clock });
  return signInDetails(credentials, deps.config.baseUrl);
}

/** The message printed after seeding: where to sign in, as whom, with which password. */
export function signInDetails(credentials: DemoCredentials, baseUrl: string): string {
  const width = Math.max(...credentials.accounts.map((account) => account.email.length));
  return [
    `Loaded the demo council "${credentials.organisationName}" (fictional) with ${credentials.people} people.`,
    `Sign in at ${baseUrl.replace(/\/+$/, '')}/sign-in with the password "${credentials.password}" as, for example:`,
    ...credentials.accounts.map((account) => `  ${account.email.padEnd(width)}  ${account.description}`),
    'Every demo person has the same password. This is demo data: do not use it for a real council.',
  ].join('\n');
}
