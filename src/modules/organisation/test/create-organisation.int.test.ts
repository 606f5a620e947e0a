import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisationCommand } from '../../../cli/organisation-command.ts';
import { auditEvents, organisations, planTypes } from '../../../schema.ts';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';

describe('create-organisation command', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite');
  });
  afterAll(async () => t?.close());

  const args = [
    '--name',
    'Riverside District Council',
    '--slug',
    'riverside',
    '--admin-name',
    'Sam Jones',
    '--admin-email',
    'sam.jones@riverside.example',
  ];

  it('sets up the council with the default framework and an administrator who can sign in', async () => {
    const result = await createOrganisationCommand(args, t.deps, { ADMIN_PASSWORD: 'a long enough password' });
    expect(result.code).toBe(0);
    const [organisation] = await t.deps.database.db
      .select()
      .from(organisations)
      .where(eq(organisations.slug, 'riverside'));
    expect(organisation?.name).toBe('Riverside District Council');
    const types = await t.deps.database.db
      .select()
      .from(planTypes)
      .where(eq(planTypes.organisationId, organisation!.id));
    expect(types.map((type) => type.key)).toContain('service-plan');
    const signIn = await t.deps.services.auth.signIn('sam.jones@riverside.example', 'a long enough password');
    expect(signIn?.session.principal).toMatchObject({
      kind: 'person',
      grants: [{ role: 'administrator', unitId: null }],
    });
  });

  it('makes and prints a password when none is given', async () => {
    const result = await createOrganisationCommand(
      [
        '--name',
        'Hillside Council',
        '--slug',
        'hillside',
        '--admin-name',
        'Jo Lee',
        '--admin-email',
        'jo.lee@hillside.example',
      ],
      t.deps,
      {},
    );
    expect(result.code).toBe(0);
    const password = /password is (\S+) /.exec(result.output)?.[1];
    expect(await t.deps.services.auth.signIn('jo.lee@hillside.example', password!)).not.toBeNull();
  });

  it.each([
    [['--name', 'X', '--slug', 'x1', '--admin-name', 'A', '--admin-email', 'a@x.example'], 'at least 3 characters'],
    [
      ['--name', 'Good name', '--slug', 'Bad Slug', '--admin-name', 'A', '--admin-email', 'a@x.example'],
      'short web name',
    ],
    [['--name', 'Good name', '--slug', 'good', '--admin-name', 'A', '--admin-email', 'not-an-email'], 'email address'],
    [['--nme', 'typo'], 'Unknown option --nme'],
  ])('refuses bad input with a clear message and writes nothing (%j)', async (badArgs, message) => {
    const before = (await t.deps.database.db.select().from(auditEvents)).length;
    const result = await createOrganisationCommand(badArgs, t.deps, { ADMIN_PASSWORD: 'a long enough password' });
    expect(result.code).toBe(1);
    expect(result.output).toContain(message);
    expect((await t.deps.database.db.select().from(auditEvents)).length).toBe(before);
  });

  it('refuses a slug already in use', async () => {
    const result = await createOrganisationCommand(args, t.deps, { ADMIN_PASSWORD: 'a long enough password' });
    expect(result).toMatchObject({
      code: 1,
      output: 'An organisation with the short web name riverside already exists',
    });
  });
});
