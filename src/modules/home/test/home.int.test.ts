import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plans } from '../../../schema.ts';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';

const PASSWORD = 'ashdown-vale-demo-2025';

describe('home page', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite', { demo: true });
  });
  afterAll(async () => t?.close());

  async function signIn(email: string) {
    const result = await t.deps.services.auth.signIn(email, PASSWORD);
    if (!result) throw new Error(`cannot sign in ${email}`);
    return result;
  }

  it('lists the plans waiting for this person’s approval step, and only theirs', async () => {
    const owner = await signIn('louise.bennett@ashdownvale.example');
    if (owner.session.principal.kind !== 'person') throw new Error('expected a person');
    const [draft] = await t.deps.database.db
      .select()
      .from(plans)
      .where(and(eq(plans.status, 'draft'), eq(plans.ownerPersonId, owner.session.principal.personId)));
    expect(draft).toBeDefined();
    const before = await t.app.inject({ url: '/', headers: { cookie: `gt_session=${owner.token}` } });
    expect(before.body).toContain('No plans are waiting for your approval');

    const submitted = await t.deps.services.plans.submit(owner.session.principal, draft!.id);
    expect(submitted.ok).toBe(true);

    const page = await t.app.inject({ url: '/', headers: { cookie: `gt_session=${owner.token}` } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(draft!.title);
    expect(page.body).toContain('sign off as owner');
    const viewer = await signIn('chris.walker@ashdownvale.example');
    const other = await t.app.inject({ url: '/', headers: { cookie: `gt_session=${viewer.token}` } });
    expect(other.body).not.toContain(draft!.title);
  });

  it('invites the signed-out public to sign in', async () => {
    const page = await t.app.inject({ url: '/' });
    expect(page.body).toContain('Sign in');
    expect(page.body).not.toContain('Waiting for you');
  });
});
