import { count } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../src/schema.ts';
import { type Agent, createTestApp, type TestApp } from '../helpers/test-app.ts';

/**
 * Random and hostile bodies at the JSON API's validators, through the whole app: never a 5xx,
 * never a stack or SQL in the answer, and a refused request writes nothing (the audit trail, which
 * every write adds to, stays as it was). PGlite only: what is tested is validation before any SQL.
 */
const LEAKS = /\bat [\w.<>]+ \(|\.ts:\d+|Failed query|\bselect\s.*\bfrom\s+"|\binsert into\b|node_modules/i;

const hostile = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, -0, 'NaN', 'Infinity', '1e999'),
  fc.constantFrom('=HYPERLINK("http://x")', '+1+1', '@SUM(A1)', '-2+3', '\u0000', '\u202e\u0301\ud83d\ude00', ''),
  fc.string({ unit: 'binary', maxLength: 200 }),
);
const hostileObject = fc.dictionary(
  fc.constantFrom(
    'title',
    'name',
    'code',
    'dueDate',
    'unitId',
    'ownerId',
    'value',
    'status',
    '__proto__',
    'constructor',
  ),
  hostile,
);

describe('the JSON API under random and hostile input', () => {
  let t: TestApp;
  let admin: Agent;
  beforeAll(async () => {
    t = await createTestApp('pglite');
    admin = await t.as('administrator');
  });
  afterAll(async () => t?.close());

  const audits = async () => (await t.deps.database.db.select({ n: count() }).from(auditEvents))[0]!.n;

  async function expectSafe(method: 'POST' | 'PUT', url: string, body: unknown) {
    const before = await audits();
    const answer = await admin.api(method, url, body);
    expect(answer.statusCode, `${method} ${url} ${JSON.stringify(body)?.slice(0, 200)}`).toBeLessThan(500);
    expect(answer.body).not.toMatch(LEAKS);
    if (answer.statusCode >= 400) expect(await audits()).toBe(before);
  }

  it('answers random objects to the API writes with 4xx (or a proper save), never 5xx', async () => {
    const targets = [
      ['POST', '/api/v1/actions'],
      ['PUT', '/api/v1/delivery-settings'],
      ['POST', '/api/v1/units'],
    ] as const;
    for (const [method, url] of targets) {
      await fc.assert(
        fc.asyncProperty(fc.oneof(hostileObject, hostile), (body) => expectSafe(method, url, body)),
        { numRuns: 25 },
      );
    }
  });

  it('refuses malformed and deeply nested JSON with 400 problem JSON', async () => {
    const deep = '['.repeat(20_000) + ']'.repeat(20_000);
    for (const payload of ['{"title": ', '{"a":1}}', deep, '\u0000', '{"title":"\ud800"}']) {
      const answer = await t.app.inject({
        method: 'POST',
        url: '/api/v1/actions',
        headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/json' },
        payload,
      });
      expect(answer.statusCode).toBeGreaterThanOrEqual(400);
      expect(answer.statusCode).toBeLessThan(500);
      expect(answer.body).not.toMatch(LEAKS);
    }
  });

  it('refuses a malformed multipart upload without a 5xx', async () => {
    const answer = await t.app.inject({
      method: 'POST',
      url: '/imports',
      headers: { cookie: admin.cookie, 'content-type': 'multipart/form-data; boundary=zz' },
      payload: '--zz\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n\r\nPK\u0003\u0004 broken',
    });
    expect(answer.statusCode).toBeGreaterThanOrEqual(400);
    expect(answer.statusCode).toBeLessThan(500);
    expect(answer.body).not.toMatch(LEAKS);
  });
});
