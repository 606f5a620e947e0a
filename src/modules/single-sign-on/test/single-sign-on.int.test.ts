/**
 * Single sign-on through a real OpenID Connect provider started on loopback (oidc-provider), over
 * HTTP, on PGlite only: the SQL is ordinary reads and writes (PAGE_DATABASES). An administrator
 * configures the provider and maps a group to a role; a person signs in through the provider and
 * holds the mapped role, updated at each sign-in; a person in no mapped group, and a tampered
 * state, are refused with a clear message; sign-out goes on to the provider's end-session endpoint.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paths } from '../../../kernel/paths.ts';
import { totp } from '../../../platform/security/totp.ts';
import { auditEvents, people, roleAssignments, singleSignOnProviders } from '../../../schema.ts';
import {
  createTestApp,
  formBody,
  PAGE_DATABASES,
  type Agent,
  type TestApp,
} from '../../../../test/helpers/test-app.ts';
import { cookieOf, journeysThrough, providerSettings, saveProvider } from './sign-in-journey.ts';
import { startTestProvider, TEST_CLIENT, type TestProvider } from './test-provider.ts';

/** The address of the first link or button on a page that goes to `path` (with its query). */
const hrefOf = (html: string, path: string) => {
  const href = [...html.matchAll(/href="([^"]*)"/g)]
    .map((match) => match[1]!.replaceAll('&amp;', '&'))
    .find((candidate) => candidate === path || candidate.startsWith(`${path}?`));
  expect(href, `a link to ${path}`).toBeDefined();
  return href!;
};

describe.each(PAGE_DATABASES)('single sign-on through an OpenID Connect provider on %s', (kind) => {
  let t: TestApp;
  let op: TestProvider;
  let admin: Agent;
  let providerId: string;

  // A person's whole journey: the app's button, the provider's login form, back to the app.
  const { throughProvider, callBack, signIn } = journeysThrough(() => ({ app: t.app, op, providerId }));
  const rolesOf = async (personId: string) =>
    (
      await t.deps.database.db
        .select({ role: roleAssignments.role, unitId: roleAssignments.unitId })
        .from(roleAssignments)
        .where(and(eq(roleAssignments.personId, personId), isNull(roleAssignments.endedAt)))
    ).map((row) => `${row.role}@${row.unitId ?? 'council'}`);
  const personWith = async (email: string) =>
    (await t.deps.database.db.select().from(people).where(eq(people.email, email)))[0];

  beforeAll(async () => {
    t = await createTestApp(kind);
    op = await startTestProvider(t.deps.config.baseUrl, paths.singleSignOnCallback());
    admin = await t.as('administrator');
    op.accounts.alice = { email: 'alice@council.example', name: 'Alice Ahmed', groups: ['g-performance', 'g-other'] };
    op.accounts.bob = { email: 'bob@council.example', name: 'Bob Brown', groups: ['g-unmapped'] };
  });
  afterAll(async () => {
    await t.close();
    await op.close();
  });

  it('lets an administrator configure the provider, keeping the client secret sealed', async () => {
    const unreachable = await admin.post(
      paths.singleSignOnSettings(),
      providerSettings('http://127.0.0.1:9/nothing-here'),
    );
    expect(unreachable.statusCode).toBe(400);
    expect(unreachable.body).toContain(
      'No OpenID Connect configuration could be read from http://127.0.0.1:9/nothing-here',
    );

    providerId = await saveProvider(t, admin, op.issuer);
    const [row] = await t.deps.database.db
      .select()
      .from(singleSignOnProviders)
      .where(eq(singleSignOnProviders.id, providerId));
    expect(row!.sealedClientSecret).not.toContain(TEST_CLIENT.clientSecret);
    const page = await admin.get(paths.singleSignOnSettings());
    expect(page.body).not.toContain(TEST_CLIENT.clientSecret);

    const mapped = await admin.post(paths.singleSignOnMappings(), {
      claimValue: 'g-performance',
      role: 'performance-officer',
      unitId: '',
    });
    expect(mapped.statusCode, mapped.body).toBe(302);
    expect((await admin.get(paths.singleSignOnSettings())).body).toContain('g-performance');
  });

  it('refuses a mapping over another council’s unit, as if it did not exist', async () => {
    const other = await t.createOrganisation('Other Council');
    const refused = await admin.post(paths.singleSignOnMappings(), {
      claimValue: 'g-x',
      role: 'viewer',
      unitId: other.rootUnitId,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Select a unit of this council, or the whole council');
  });

  it('signs a person in through the provider with the mapped role, making their account on the way', async () => {
    const answer = await signIn('alice');
    expect(answer.statusCode, answer.body).toBe(302);
    const token = cookieOf(answer, 'gt_session')!;
    const session = await t.deps.services.auth.sessionFor(token);
    expect(session?.principal.kind === 'person' && session.principal.grants).toEqual([
      { role: 'performance-officer', unitId: null },
    ]);
    const alice = await personWith('alice@council.example');
    expect(alice).toMatchObject({ organisationId: t.org.id, name: 'Alice Ahmed', passwordHash: null });
    const audit = await t.deps.database.db.select().from(auditEvents).where(eq(auditEvents.entityId, alice!.id));
    expect(audit.map((event) => event.action)).toEqual(expect.arrayContaining(['create', 'grant', 'sign-in']));
    expect(audit.find((event) => event.action === 'sign-in')?.newValue).toMatchObject({ method: 'single sign-on' });
    // The session works for pages: the home page answers her, not the sign-in page.
    const home = await t.app.inject({ method: 'GET', url: '/', cookies: { gt_session: token } });
    expect(home.statusCode).toBe(200);
  });

  it('sets the roles again at each sign-in from the groups the provider reports then', async () => {
    await admin.post(paths.singleSignOnMappings(), {
      claimValue: 'g-viewers',
      role: 'viewer',
      unitId: t.org.rootUnitId,
    });
    op.accounts.alice!.groups = ['g-viewers'];
    const answer = await signIn('alice');
    expect(answer.statusCode, answer.body).toBe(302);
    const alice = await personWith('alice@council.example');
    expect(await rolesOf(alice!.id)).toEqual([`viewer@${t.org.rootUnitId}`]);
    // One account for her, however often she signs in.
    const rows = await t.deps.database.db.select().from(people).where(eq(people.email, 'alice@council.example'));
    expect(rows).toHaveLength(1);
  });

  it('refuses a person in no mapped group with a clear message, making no account', async () => {
    const answer = await signIn('bob');
    expect(answer.statusCode).toBe(403);
    expect(answer.body).toContain(
      'Your Test Council (Microsoft) account is not in a group that has access to Golden Thread',
    );
    expect(cookieOf(answer, 'gt_session')).toBeUndefined();
    expect(await personWith('bob@council.example')).toBeUndefined();
    const refusals = await t.deps.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, providerId), eq(auditEvents.action, 'sign-in-refused')));
    expect(refusals.some((event) => (event.newValue as { subject?: string }).subject === 'bob')).toBe(true);
  });

  it('refuses a callback whose state was changed on the way, and one with no sign-in started', async () => {
    const tampered = await signIn('alice', (callback) => callback.searchParams.set('state', 'forged-state'));
    expect(tampered.statusCode).toBe(403);
    expect(tampered.body).toContain('Your sign-in could not be checked');
    expect(cookieOf(tampered, 'gt_session')).toBeUndefined();

    const unstarted = await t.app.inject({ method: 'GET', url: `${paths.singleSignOnCallback()}?code=x&state=y` });
    expect(unstarted.statusCode).toBe(400);
    expect(unstarted.body).toContain('Your sign-in could not be checked');
  });

  it('ends the session here and sends the person on to the provider to sign out there', async () => {
    const answer = await signIn('alice');
    const token = cookieOf(answer, 'gt_session')!;
    const session = await t.deps.services.auth.sessionFor(token);
    const signedOut = await t.app.inject({
      method: 'POST',
      url: paths.signOut(),
      cookies: { gt_session: token },
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: formBody({ _csrf: session!.csrfToken }),
    });
    expect(signedOut.statusCode).toBe(302);
    const location = new URL(signedOut.headers.location as string);
    expect(location.origin).toBe(op.issuer);
    expect(location.searchParams.get('client_id')).toBe(TEST_CLIENT.clientId);
    expect(location.searchParams.get('post_logout_redirect_uri')).toBe(`${t.deps.config.baseUrl}/`);
    expect(await t.deps.services.auth.sessionFor(token)).toBeNull();
    // A person with a password goes home as before.
    const local = await t.as('viewer');
    const home = await local.post(paths.signOut());
    expect(home.headers.location).toBe('/');
  });

  it('asks a person with a second factor for a code after the provider when the council says so', async () => {
    const first = await signIn('alice');
    const token = cookieOf(first, 'gt_session')!;
    const alice = await personWith('alice@council.example');
    const csrf = (await t.deps.services.auth.sessionFor(token))!.csrfToken;
    const asAlice = (url: string, form: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url,
        cookies: { gt_session: token },
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: formBody({ _csrf: csrf, ...form }),
      });
    expect((await asAlice(paths.secondFactor(), {})).statusCode).toBe(302);
    const setUp = await t.app.inject({ method: 'GET', url: paths.secondFactor(), cookies: { gt_session: token } });
    const secret = /id="totp-secret">([A-Z2-7]+)</.exec(setUp.body)![1]!;
    const on = await asAlice(paths.secondFactorConfirm(), { code: totp(secret, new Date()) });
    expect(on.statusCode).toBe(200);
    const recovery = [...on.body.matchAll(/<li><code>([a-z2-9-]+)<\/code><\/li>/g)].map((m) => m[1]!);

    // Off (the default): the provider's word is enough, even for a person with a second factor.
    expect(cookieOf(await signIn('alice'), 'gt_session')).toBeTruthy();

    const rule = (secondFactorAfterSingleSignOn: string) =>
      admin.post(paths.signInSettings(), { administratorsNeedSecondFactor: 'no', secondFactorAfterSingleSignOn });
    expect((await rule('yes')).statusCode).toBe(302);
    const changes = await t.deps.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'sign-in-settings'), eq(auditEvents.entityId, t.org.id)));
    expect(changes.at(-1)?.newValue).toMatchObject({ secondFactorAfterSingleSignOn: true });

    // On: a person sent to sign in on the way to a page goes through the provider, then to the code
    // page, with no session until the code is given, and on to that page after it.
    const going = `${paths.measures()}?q=RS-1`;
    const asked = await t.app.inject({ method: 'GET', url: `${paths.signIn()}?returnTo=${encodeURIComponent(going)}` });
    const ssoPage = await t.app.inject({ method: 'GET', url: hrefOf(asked.body, paths.singleSignOn()) });
    const start = hrefOf(ssoPage.body, paths.singleSignOnStart(providerId));
    const held = await callBack(await throughProvider('alice', start));
    expect(held.statusCode).toBe(302);
    expect(held.headers.location).toBe(`${paths.signInCode()}?returnTo=${encodeURIComponent(going)}`);
    expect(cookieOf(held, 'gt_session')).toBeUndefined();
    const codePage = await t.app.inject({
      method: 'GET',
      url: held.headers.location as string,
      cookies: { gt_pending: cookieOf(held, 'gt_pending')! },
    });
    const field = (name: string) => new RegExp(`name="${name}" value="([^"]+)"`).exec(codePage.body)![1]!;
    const giveCode = (code: string) =>
      t.app.inject({
        method: 'POST',
        url: paths.signInCode(),
        cookies: { gt_pending: cookieOf(held, 'gt_pending')!, gt_csrf: cookieOf(codePage, 'gt_csrf')! },
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: formBody({ _csrf: field('_csrf'), returnTo: field('returnTo').replaceAll('&amp;', '&'), code }),
      });
    const wrong = await giveCode('000000');
    expect(wrong.statusCode).toBe(400);
    expect(cookieOf(wrong, 'gt_session')).toBeUndefined();
    const given = await giveCode(recovery[0]!);
    expect(given.statusCode, given.body).toBe(302);
    expect(given.headers.location).toBe(going);
    const session = await t.deps.services.auth.sessionFor(cookieOf(given, 'gt_session')!);
    expect(session?.principal.kind === 'person' && session.principal.personId).toBe(alice!.id);
    // The session's audit row says both steps: the provider, then the code.
    const signIns = await t.deps.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, alice!.id), eq(auditEvents.action, 'sign-in')));
    expect(signIns.map((event) => event.newValue)).toContainEqual(
      expect.objectContaining({ method: 'single sign-on', issuer: op.issuer, secondFactor: 'recovery code' }),
    );

    expect((await rule('no')).statusCode).toBe(302);
    expect(cookieOf(await signIn('alice'), 'gt_session')).toBeTruthy();
  });

  it('offers the council’s provider on the sign-in page', async () => {
    const page = await t.app.inject({ method: 'GET', url: paths.singleSignOn() });
    expect(page.body).toContain('Sign in with Test Council (Microsoft)');
    expect(page.body).toContain(paths.singleSignOnStart(providerId));
  });
});
