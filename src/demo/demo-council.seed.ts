import { eq } from 'drizzle-orm';
import type { Deps } from '../container.ts';
import { organisations } from '../schema.ts';
import { DEMO_PASSWORD, demoCouncil } from './demo-council.data.ts';
import { demoAccounts, loadDemoCouncil, type DemoAccount, type DemoCredentials } from './demo-council.loader.ts';

/** Loads the demo council into an empty database; returns the sign-in details to print, or null. */
export async function seedDemoCouncilIfEmpty(deps: Deps): Promise<string | null> {
  if (!(await deps.services.organisations.isEmpty())) return null;
  const credentials = await loadDemoCouncil(deps.database.db, undefined, { clock: deps.clock });
  return signInDetails(credentials, deps.config.baseUrl);
}

/**
 * What the server prints about the demo at start-up: the sign-in details after loading it into an
 * empty database, and outside production the same details again on every later start while the
 * demo is there, since the first start's message has long scrolled away. Null: nothing to say.
 */
export async function demoAtStart(deps: Deps): Promise<string | null> {
  const seeded = await seedDemoCouncilIfEmpty(deps);
  if (seeded || deps.config.production) return seeded;
  const [loaded] = await deps.database.db
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.slug, demoCouncil.organisation.slug));
  if (!loaded) return null;
  return accountLines(
    `The demo council "${loaded.name}" (fictional) is loaded.`,
    { password: DEMO_PASSWORD, accounts: demoAccounts() },
    deps.config.baseUrl,
  );
}

/** The message printed after seeding: where to sign in, as whom, with which password. */
export function signInDetails(credentials: DemoCredentials, baseUrl: string): string {
  return accountLines(
    `Loaded the demo council "${credentials.organisationName}" (fictional) with ${credentials.people} people.`,
    credentials,
    baseUrl,
  );
}

function accountLines(
  heading: string,
  { password, accounts }: { password: string; accounts: readonly DemoAccount[] },
  baseUrl: string,
): string {
  const width = Math.max(...accounts.map((account) => account.email.length));
  return [
    heading,
    `Sign in at ${baseUrl.replace(/\/+$/, '')}/sign-in with the password "${password}" as, for example:`,
    ...accounts.map((account) => `  ${account.email.padEnd(width)}  ${account.description}`),
    'Every demo person has the same password. This is demo data: do not use it for a real council.',
  ].join('\n');
}
