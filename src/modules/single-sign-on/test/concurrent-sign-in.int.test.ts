/**
 * A new person's first sign-ins through the council's provider arriving at the same moment (two
 * tabs, a double click on the provider's "continue", a retried callback): each makes or finds the
 * same just-in-time account, so every one of them signs in, with one account, one identity and no
 * role granted twice. Through HTTP against the real OpenID Connect provider on loopback
 * (test-provider.ts), on PostgreSQL only: the race needs transactions that truly run at once, and
 * PGlite runs one transaction at a time.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paths } from '../../../kernel/paths.ts';
import { auditEvents, people, roleAssignments, singleSignOnIdentities } from '../../../schema.ts';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import { cookieOf, journeysThrough, saveProvider } from './sign-in-journey.ts';
import { startTestProvider, type TestProvider } from './test-provider.ts';

/** How many of the same person's first sign-ins arrive at once. */
const AT_ONCE = 4;

describe.each(['postgres'] as const)('first sign-ins of the same new person at once, on %s', (kind) => {
  let t: TestApp;
  let op: TestProvider;
  let providerId: string;
  // Up to the provider and back, stopping short of the app's callback (what a browser holds then).
  const { throughProvider, callBack } = journeysThrough(() => ({ app: t.app, op, providerId }));

  beforeAll(async () => {
    t = await createTestApp(kind);
    op = await startTestProvider(t.deps.config.baseUrl, paths.singleSignOnCallback());
    const admin = await t.as('administrator');
    providerId = await saveProvider(t, admin, op.issuer);
    for (const [claimValue, role] of [
      ['g-performance', 'performance-officer'],
      ['g-viewers', 'viewer'],
    ] as const) {
      const mapped = await admin.post(paths.singleSignOnMappings(), { claimValue, role, unitId: '' });
      expect(mapped.statusCode, mapped.body).toBe(302);
    }
  });
  afterAll(async () => {
    await t?.close();
    await op?.close();
  });

  it('signs every one of them in, to one account with each role once', async () => {
    op.accounts.carol = { email: 'carol@council.example', name: 'Carol Chen', groups: ['g-performance', 'g-viewers'] };
    // Each through the provider first (its codes are single-use, one per sign-in), then every
    // callback at once: the account-making transactions overlap.
    const journeys = await Promise.all(Array.from({ length: AT_ONCE }, () => throughProvider('carol')));
    const answers = await Promise.all(journeys.map(callBack));
    for (const answer of answers) expect(answer.statusCode, answer.body).toBe(302);

    const accounts = await t.deps.database.db.select().from(people).where(eq(people.email, 'carol@council.example'));
    expect(accounts).toHaveLength(1);
    const carol = accounts[0]!;
    const identities = await t.deps.database.db
      .select()
      .from(singleSignOnIdentities)
      .where(eq(singleSignOnIdentities.personId, carol.id));
    expect(identities).toHaveLength(1);
    const roles = await t.deps.database.db
      .select({ role: roleAssignments.role })
      .from(roleAssignments)
      .where(and(eq(roleAssignments.personId, carol.id), isNull(roleAssignments.endedAt)));
    expect(roles.map((row) => row.role).sort()).toEqual(['performance-officer', 'viewer']);
    // Every answer is a working session as her.
    for (const answer of answers) {
      const session = await t.deps.services.auth.sessionFor(cookieOf(answer, 'gt_session')!);
      expect(session?.principal.kind === 'person' && session.principal.personId).toBe(carol.id);
    }
    // The account was made once, and audited once.
    const made = await t.deps.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, carol.id), eq(auditEvents.action, 'create')));
    expect(made).toHaveLength(1);
  });

  it('gives the address to one of two new subjects claiming it at once, and refuses the other cleanly', async () => {
    // Two of the provider's accounts reporting one address (a mailbox moved between people).
    for (const login of ['erin-1', 'erin-2']) {
      op.accounts[login] = { email: 'erin@council.example', name: 'Erin Evans', groups: ['g-viewers'] };
    }
    const journeys = await Promise.all(['erin-1', 'erin-2'].map((login) => throughProvider(login)));
    const answers = await Promise.all(journeys.map(callBack));
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([302, 403]);
    const refusal = answers.find((answer) => answer.statusCode === 403)!;
    expect(refusal.body).toContain('erin@council.example');
    expect(cookieOf(refusal, 'gt_session')).toBeUndefined();
    const accounts = await t.deps.database.db.select().from(people).where(eq(people.email, 'erin@council.example'));
    expect(accounts).toHaveLength(1);
    const identities = await t.deps.database.db
      .select()
      .from(singleSignOnIdentities)
      .where(eq(singleSignOnIdentities.personId, accounts[0]!.id));
    expect(identities).toHaveLength(1);
  });
});
