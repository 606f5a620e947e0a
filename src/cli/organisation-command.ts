/**
 * `create-organisation`: sets up a real council on a fresh installation (the demo is for trying
 * the product; this is for using it).
 *
 *   ADMIN_PASSWORD='…' npm run cli -- create-organisation --name "Borough Council" --slug borough \
 *     --admin-name "Sam Jones" --admin-email sam.jones@borough.gov.uk [--type "District council"] [--fy-start-month 4]
 */
import { randomBytes } from 'node:crypto';
import type { Deps } from '../container.ts';
import { organisationInput } from '../modules/organisation/domain/index.ts';
import { sayStored } from '../platform/words/index.ts';

export const ORGANISATION_USAGE = `  create-organisation --name <name> --slug <short-name> --admin-name <name> --admin-email <email>
              [--type <type>] [--fy-start-month <1-12>]   Set up a council with the default framework
              and its first administrator (password from ADMIN_PASSWORD, or one is made and printed).`;

const FLAGS: Record<string, string> = {
  '--name': 'name',
  '--slug': 'slug',
  '--type': 'type',
  '--fy-start-month': 'financialYearStartMonth',
  '--admin-name': 'adminName',
  '--admin-email': 'adminEmail',
};

export async function createOrganisationCommand(
  args: string[],
  deps: Deps,
  env: Record<string, string | undefined>,
): Promise<{ code: number; output: string }> {
  const values: Record<string, string> = {};
  for (let index = 0; index < args.length; index += 2) {
    const flag = args[index] ?? '';
    const key = FLAGS[flag];
    const value = args[index + 1];
    if (!key) return { code: 1, output: `Unknown option ${flag}. Options: ${Object.keys(FLAGS).join(', ')}` };
    if (value === undefined || value.startsWith('--')) return { code: 1, output: `${flag} needs a value` };
    values[key] = value;
  }
  const generated = env.ADMIN_PASSWORD ? undefined : randomBytes(12).toString('base64url');
  const parsed = organisationInput.safeParse({ ...values, adminPassword: env.ADMIN_PASSWORD ?? generated });
  if (!parsed.success)
    return { code: 1, output: parsed.error.issues.map((issue) => sayStored(issue.message)).join('\n') };
  const result = await deps.services.organisations.create(parsed.data);
  if (!result.ok) return { code: 1, output: sayStored(result.error.message) };
  const lines = [
    `Created ${parsed.data.name} with the default framework.`,
    `Sign in at ${deps.config.baseUrl}/sign-in as ${parsed.data.adminEmail}.`,
  ];
  if (generated) lines.push(`The administrator's password is ${generated} (shown once: change it after signing in).`);
  return { code: 0, output: lines.join('\n') };
}
