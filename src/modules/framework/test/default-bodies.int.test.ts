/**
 * The governance bodies the default framework installs use the kinds the body form offers, so an
 * administrator can open one and save it unchanged; a body stored with a kind from before the two
 * agreed opens with the form's kind for it. Page behaviour over ordinary reads and writes: PGlite only.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { governanceBodies } from '../../../schema.ts';
import { installDefaultFramework } from '../index.ts';
import { DEFAULT_BODIES } from '../domain/default-framework.ts';
import { type Agent, createTestApp, PAGE_DATABASES, type TestApp } from '../../../../test/helpers/test-app.ts';

describe.each(PAGE_DATABASES)('default governance bodies on %s', (kind) => {
  let t: TestApp;
  let admin: Agent;
  let bodies: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = await t.as('administrator');
    bodies = (await installDefaultFramework(t.deps.database.db, t.org.id)).bodies;
  });
  afterAll(async () => t?.close());

  it.each(DEFAULT_BODIES.map((body) => [body.name, body] as const))(
    '%s saves unchanged from its edit form',
    async (_name, body) => {
      const id = bodies[body.key]!;
      const form = await admin.get(`/governance-bodies/${id}/edit`);
      expect(form.statusCode).toBe(200);
      expect(form.body).toMatch(new RegExp(`value="${body.kind}" checked`));
      const saved = await admin.post(`/governance-bodies/${id}/edit`, {
        name: body.name,
        kind: body.kind,
        frameworkRoles: [...body.frameworkRoles],
        description: body.description,
      });
      expect(saved.statusCode, saved.body).toBe(302);
    },
  );

  it('opens a body stored with an earlier default kind with the form kind for it', async () => {
    const id = bodies['audit-committee']!;
    await t.deps.database.db.update(governanceBodies).set({ kind: 'audit' }).where(eq(governanceBodies.id, id));
    const form = await admin.get(`/governance-bodies/${id}/edit`);
    expect(form.body).toMatch(/value="audit-committee" checked/);
    expect((await admin.get(`/governance-bodies/${id}`)).body).toContain('Audit committee');
  });
});
