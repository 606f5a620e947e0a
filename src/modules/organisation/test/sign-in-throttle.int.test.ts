import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, signInThrottles } from '../../../schema.ts';
import { createTestApp, DATABASES, formBody, TEST_PASSWORD, type TestApp } from '../../../../test/helpers/test-app.ts';

/**
 * The attacker's finding: 300 wrong passwords at 12 a second, then the right one, signed in.
 * Now the tenth wrong password locks the account (429, Retry-After) for unknown e-mail addresses
 * exactly as for real ones, and the right password stays refused until the lock ends. On both
 * databases: the count is kept in SQL (a row lock per key) so every app process shares it.
 */
describe.each(DATABASES)('sign-in throttling on %s', (kind) => {
  let t: TestApp;
  let now = new Date('2026-03-02T09:00:00Z');
  beforeAll(async () => {
    t = await createTestApp(kind, { clock: () => now });
  });
  afterAll(async () => t?.close());

  let addressCounter = 0;
  let form: { cookie: string; csrf: string } | undefined;
  /** One attempt from its own network address (a botnet), so only the per-account lock applies. */
  async function attempt(email: string, password: string, address = nextAddress()) {
    if (!form) {
      const page = await t.app.inject({ method: 'GET', url: '/sign-in' });
      const cookie = page.cookies.find((c) => c.name === 'gt_csrf');
      form = { cookie: `gt_csrf=${cookie?.value}`, csrf: /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '' };
    }
    return t.app.inject({
      method: 'POST',
      url: '/sign-in',
      remoteAddress: address,
      headers: { cookie: form.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: formBody({ _csrf: form.csrf, email, password }),
    });
  }
  function nextAddress() {
    addressCounter += 1;
    return `10.0.${Math.floor(addressCounter / 250)}.${(addressCounter % 250) + 1}`;
  }
  const signedIn = (response: { cookies: { name: string }[] }) => response.cookies.some((c) => c.name === 'gt_session');

  it('locks an account at the tenth wrong password and keeps the right one out until the lock ends', async () => {
    const victim = await t.as('administrator');
    const statuses: number[] = [];
    for (let i = 0; i < 300; i += 1) {
      const response = await attempt(victim.email, `wrong guess ${i}`);
      statuses.push(response.statusCode);
      expect(signedIn(response)).toBe(false);
      now = new Date(now.getTime() + 83); // 12 a second
    }
    expect(statuses.slice(0, 9)).toEqual(Array(9).fill(400));
    expect(statuses.slice(9).every((status) => status === 429)).toBe(true);

    const right = await attempt(victim.email, TEST_PASSWORD);
    expect(right.statusCode).toBe(429);
    expect(signedIn(right)).toBe(false);
    const retryAfter = Number(right.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(right.body).toContain('too many attempts to sign in');

    now = new Date(now.getTime() + retryAfter * 1000);
    const after = await attempt(victim.email, TEST_PASSWORD);
    expect(after.statusCode).toBe(302);
    expect(signedIn(after)).toBe(true);

    const actions = (
      await t.deps.database.db.select().from(auditEvents).where(eq(auditEvents.entityId, victim.personId))
    ).map((event) => event.action);
    expect(actions.filter((action) => action === 'sign-in-failed')).toHaveLength(10);
    expect(actions.filter((action) => action === 'sign-in-locked')).toHaveLength(1);
    expect(actions.filter((action) => action === 'sign-in')).toHaveLength(1);
  });

  it('answers an unknown e-mail address exactly as a real one: same statuses, same words', async () => {
    const real = await t.as('viewer');
    const answers = async (email: string) => {
      const out: string[] = [];
      for (let i = 0; i < 11; i += 1) {
        const response = await attempt(email, 'not the password');
        const message = /class="govuk-error-message">([\s\S]*?)<\/p>/.exec(response.body)?.[1]?.replace(/\s+/g, ' ');
        out.push(`${response.statusCode} ${response.headers['retry-after'] ?? '-'} ${message}`);
      }
      return out;
    };
    const forReal = await answers(real.email);
    const forNoOne = await answers('no.one.here@test.example');
    expect(forNoOne).toEqual(forReal);
    expect(forReal[0]).toContain('Enter a correct email address and password');
    expect(forReal[9]).toMatch(/^429 60 /);
  });

  it('locks an address that guesses across many accounts, and doubles the next lock', async () => {
    const address = '192.0.2.77';
    const key = `address:${address}`;
    // 99 failures already from this address, each on a different account (a password spray).
    await t.deps.database.db.insert(signInThrottles).values({ key, failures: 99, lastFailureAt: now });
    const hundredth = await attempt('spray-100@test.example', 'Winter2026!', address);
    expect(hundredth.statusCode).toBe(429);
    expect(Number(hundredth.headers['retry-after'])).toBe(60);
    // Another account from the same address is refused too, without its password being checked.
    expect((await attempt('someone-else@test.example', TEST_PASSWORD, address)).statusCode).toBe(429);
    const [row] = await t.deps.database.db.select().from(signInThrottles).where(eq(signInThrottles.key, key));
    expect(row!.failures).toBe(100);
    now = new Date(row!.lockedUntil!.getTime() + 1000);
    const again = await attempt('spray-101@test.example', 'Winter2026!', address);
    expect(again.statusCode).toBe(429);
    expect(Number(again.headers['retry-after'])).toBe(120);
  });
});
