import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, passwordLinks, people, sessions } from '../../../schema.ts';
import type { MailMessage } from '../../../platform/mail/mailer.ts';
import { asClock } from '../../../platform/clock.ts';
import { createPasswordLinksService } from '../password-links.service.ts';
import { type Agent, createTestApp, DATABASES, formBody, type TestApp } from '../../../../test/helpers/test-app.ts';

const START = new Date('2026-03-02T10:00:00Z');
const NEW_PASSWORD = 'a long enough new password';

// Single-use links to set one's own password: the token SQL (spend once, replace older links,
// expiry) runs on both databases.
describe.each(DATABASES)('password links on %s', (kind) => {
  let t: TestApp;
  let admin: Agent;
  let now = START;
  const db = () => t.deps.database.db;
  const tokenOf = (url: string) => new URL(url).searchParams.get('token') ?? '';
  const rowOf = async (id: string) => (await db().select().from(people).where(eq(people.id, id)))[0]!;
  const linksOf = (personId: string) => db().select().from(passwordLinks).where(eq(passwordLinks.personId, personId));
  const eventsOf = async (id: string) =>
    (await db().select().from(auditEvents).where(eq(auditEvents.entityId, id))).map((e) => e.action);

  /** The signed-out public: the page, then the form post (the anonymous CSRF token from the sign-in page). */
  async function setPassword(token: string, password = NEW_PASSWORD, confirmPassword = password) {
    const signIn = await t.app.inject({ method: 'GET', url: '/sign-in' });
    const cookie = String(signIn.headers['set-cookie'] ?? '')
      .split(';')[0]!
      .trim();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(signIn.body)?.[1] ?? '';
    const page = await t.app.inject({
      method: 'GET',
      url: `/set-password?token=${encodeURIComponent(token)}`,
      headers: { cookie },
    });
    const post = await t.app.inject({
      method: 'POST',
      url: '/set-password',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: formBody({ _csrf: csrf, token, password, confirmPassword }),
    });
    return { page, post };
  }

  async function addPerson(agent: Agent, name: string) {
    const response = await agent.api('POST', '/api/v1/people', {
      name,
      email: `${name.toLowerCase().replace(/\W/g, '.')}.${kind}@example.gov.uk`,
      jobTitle: '',
      unitId: null,
      lineManagerId: null,
    });
    expect(response.statusCode).toBe(201);
    return response.json<{ id: string; email: string; passwordLink: { url: string; emailed: boolean } }>();
  }

  beforeAll(async () => {
    t = await createTestApp(kind, { clock: () => now });
    admin = await t.as('administrator');
  });
  afterAll(async () => t?.close());

  it('adds a person with a link, which sets their password once; then they can sign in', async () => {
    const added = await addPerson(admin, 'Nia Newcomer');
    expect(added.passwordLink).toMatchObject({ personId: added.id, emailed: false });
    expect(added.passwordLink.url).toMatch(/^http.*\/set-password\?token=[\w-]{43}$/);
    const token = tokenOf(added.passwordLink.url);
    const [stored] = await linksOf(added.id);
    expect(stored).toMatchObject({ purpose: 'set-password', usedAt: null, createdBy: admin.personId });
    expect(stored!.tokenHash).not.toContain(token);
    expect(stored!.expiresAt.getTime() - START.getTime()).toBe(72 * 3600_000);
    expect(await t.deps.services.auth.signIn(added.email, NEW_PASSWORD)).toBeNull();

    const { page, post } = await setPassword(token);
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(post.statusCode).toBe(302);
    expect(post.headers.location).toBe('/sign-in');
    expect(await t.deps.services.auth.signIn(added.email, NEW_PASSWORD)).not.toBeNull();
    expect((await linksOf(added.id))[0]!.usedAt).toEqual(START);
    expect(await eventsOf(added.id)).toEqual(['create', 'password-link', 'set-password']);
    // The audit trail never holds the token.
    const trail = JSON.stringify(await db().select().from(auditEvents).where(eq(auditEvents.entityId, added.id)));
    expect(trail).not.toContain(token);

    // Used once: a second use is refused with a clear page, and changes nothing.
    const hashBefore = (await rowOf(added.id)).passwordHash;
    const again = await setPassword(token, 'another long password');
    expect(again.page.statusCode).toBe(400);
    expect(again.page.body).toContain('already been used');
    expect(again.post.statusCode).toBe(400);
    expect(again.post.body).toContain('already been used');
    expect((await rowOf(added.id)).passwordHash).toBe(hashBefore);
    expect(await t.deps.services.auth.signIn(added.email, 'another long password')).toBeNull();
  });

  it('refuses a short or mistyped password with an error summary, keeping the link usable', async () => {
    const added = await addPerson(admin, 'Sam Short');
    const token = tokenOf(added.passwordLink.url);
    const short = await setPassword(token, 'too short');
    expect(short.post.statusCode).toBe(400);
    expect(short.post.body).toContain('govuk-error-summary');
    expect(short.post.body).toContain('at least 12 characters');
    const mistyped = await setPassword(token, NEW_PASSWORD, `${NEW_PASSWORD}!`);
    expect(mistyped.post.statusCode).toBe(400);
    expect(mistyped.post.body).toContain('Enter the same password twice');
    expect((await rowOf(added.id)).passwordHash).toBeNull();
    expect((await linksOf(added.id))[0]!.usedAt).toBeNull();
    expect((await setPassword(token)).post.statusCode).toBe(302);
  });

  it('an unknown token gets a clear page, not an error', async () => {
    const { page, post } = await setPassword('not-a-real-token');
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('not recognised');
    expect(post.statusCode).toBe(400);
    const none = await t.app.inject({ method: 'GET', url: '/set-password' });
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('not recognised');
  });

  it('makes an older link unusable once a newer one is made (page button and API)', async () => {
    const added = await addPerson(admin, 'Olu Older');
    const first = tokenOf(added.passwordLink.url);
    const fromPage = await admin.post(`/people/${added.id}/password-link`);
    expect(fromPage.statusCode).toBe(200);
    expect(fromPage.body).toContain('shown only once');
    const second = tokenOf(/id="password-link">([^<]+)</.exec(fromPage.body)?.[1]?.replace(/&amp;/g, '&') ?? '');
    const fromApi = await admin.api('POST', `/api/v1/people/${added.id}/password-link`);
    expect(fromApi.statusCode).toBe(201);
    const third = tokenOf(fromApi.json().url);
    expect(new Set([first, second, third]).size).toBe(3);
    for (const old of [first, second]) {
      const { post } = await setPassword(old);
      expect(post.statusCode).toBe(400);
      expect(post.body).toContain('newer link');
    }
    expect((await rowOf(added.id)).passwordHash).toBeNull();
    expect((await setPassword(third)).post.statusCode).toBe(302);
    expect(await t.deps.services.auth.signIn(added.email, NEW_PASSWORD)).not.toBeNull();
  });

  it('refuses a person below making a link for an administrator, and records the refusal', async () => {
    const hr = await t.as('hr');
    const target = await t.as('administrator');
    const api = await hr.api('POST', `/api/v1/people/${target.personId}/password-link`);
    expect(api.statusCode).toBe(403);
    expect(api.json().detail).toContain('holds rights that you do not (Administrator)');
    const page = await hr.post(`/people/${target.personId}/password-link`);
    expect(page.statusCode).toBe(403);
    expect(page.body).toContain('govuk-error-summary');
    expect(await linksOf(target.personId)).toEqual([]);
    expect(await eventsOf(target.personId)).toEqual(['refuse', 'refuse']);
    // HR may still make one for someone below them.
    const viewer = await t.as('viewer');
    expect((await hr.api('POST', `/api/v1/people/${viewer.personId}/password-link`)).statusCode).toBe(201);
  });

  it('e-mails the link when a mailer is set up, and says so; a failed send is reported, not thrown', async () => {
    const person = await t.as(null);
    const principal = await t.deps.services.auth.principalFor(admin.personId);
    if (principal?.kind !== 'person') throw new Error('the administrator should be signed in');
    const caller = principal;
    const sent: MailMessage[] = [];
    const deps = { db: db(), clock: asClock(() => now) };
    const mailing = createPasswordLinksService(deps, {
      baseUrl: 'https://gt.council.example/',
      mailer: async (message) => {
        sent.push(message);
      },
    });
    const link = await mailing.create(caller, person.personId);
    expect(link).toMatchObject({ ok: true, value: { emailed: true } });
    const url = link.ok ? link.value.url : '';
    expect(url).toMatch(/^https:\/\/gt\.council\.example\/set-password\?token=/);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.to).toContain(person.email);
    expect(sent[0]!.text).toContain(url);
    const failing = createPasswordLinksService(deps, {
      baseUrl: 'https://gt.council.example',
      mailer: () => Promise.reject(new Error('SMTP down')),
    });
    expect(await failing.create(caller, person.personId)).toMatchObject({ ok: true, value: { emailed: false } });
  });

  it('ends every session of the person whose password is set', async () => {
    const person = await t.as('viewer');
    const other = await t.as('viewer');
    expect((await person.get('/people')).statusCode).toBe(200);
    const link = (await admin.api('POST', `/api/v1/people/${person.personId}/password-link`)).json();
    expect((await setPassword(tokenOf(link.url))).post.statusCode).toBe(302);
    expect(await db().select().from(sessions).where(eq(sessions.personId, person.personId))).toEqual([]);
    expect((await person.get('/people')).statusCode).toBe(302);
    expect((await other.get('/people')).statusCode).toBe(200);
  });

  it('refuses an expired link, writing nothing (last: it moves the clock on)', async () => {
    const added = await addPerson(admin, 'Eve Expired');
    now = new Date(START.getTime() + 72 * 3600_000 + 1000);
    const { page, post } = await setPassword(tokenOf(added.passwordLink.url));
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('expired');
    expect(post.statusCode).toBe(400);
    expect(post.body).toContain('expired');
    expect((await rowOf(added.id)).passwordHash).toBeNull();
    expect((await linksOf(added.id))[0]!.usedAt).toBeNull();
    expect(await eventsOf(added.id)).toEqual(['create', 'password-link']);
  });
});
