import { PassThrough } from 'node:stream';
import { eq } from 'drizzle-orm';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { people } from '../../src/schema.ts';
import { type Agent, createTestApp, DATABASES, formBody, type TestApp } from '../helpers/test-app.ts';

// A NUL in text used to reach PostgreSQL, fail as a 500 and log the failed query with its values
// (a password hash once). Security: run on both databases.
describe.each(DATABASES)('NUL characters on %s', (kind) => {
  let t: TestApp;
  let logged: FastifyInstance;
  let log = '';
  let admin: Agent;
  const MARKER = 'body-marker-not-for-the-log';

  beforeAll(async () => {
    t = await createTestApp(kind);
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => (log += chunk.toString()));
    // The same app with its logger on, writing where the test can read it.
    logged = await buildApp(t.deps, { logStream: stream });
    await logged.ready();
    admin = await t.as('administrator');
  });
  afterAll(async () => {
    await logged?.close();
    await t?.close();
  });

  const send = (options: InjectOptions) =>
    logged.inject({ ...options, headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, ...options.headers } });

  function expectRefusedPage(response: { statusCode: number; body: string }) {
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Sorry, there is a problem');
    expect(response.body).toContain('NUL character');
  }

  function expectRefusedProblem(response: { statusCode: number; headers: Record<string, unknown>; json(): unknown }) {
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ status: 400, detail: expect.stringContaining('NUL') });
  }

  it.each(['/measures?q=%00', '/measures?tag=a%00b', '/people/%00'])('refuses %s on a page with 400', async (url) => {
    expectRefusedPage(await send({ method: 'GET', url }));
  });

  it('refuses a NUL in the query of an API call with problem JSON', async () => {
    expectRefusedProblem(await send({ method: 'GET', url: '/api/v1/measures?q=%00' }));
  });

  it('refuses a NUL in a form body with the error page, writing and logging nothing of it', async () => {
    const before = log.length;
    const response = await send({
      method: 'POST',
      url: '/people/new',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: formBody({ _csrf: admin.csrf, name: 'Nul\0Person', email: 'nul@council.example', jobTitle: MARKER }),
    });
    expectRefusedPage(response);
    expect(await t.deps.database.db.select().from(people).where(eq(people.email, 'nul@council.example'))).toEqual([]);
    expect(log.length).toBeGreaterThan(before); // the logger is on: the request itself was logged
    expect(log).not.toContain(MARKER);
  });

  it('refuses a NUL in a JSON body, even in a key or deep in an array, writing and logging nothing of it', async () => {
    const target = await t.as('viewer');
    const details = { name: 'Changed', email: target.email, jobTitle: MARKER, unitId: null, lineManagerId: null };
    for (const body of [
      { ...details, name: 'Nul\u0000Person' },
      { ...details, 'na\u0000me': 'x' },
      { ...details, extra: [['deep', 'a\u0000b']] },
    ]) {
      const response = await send({
        method: 'PUT',
        url: `/api/v1/people/${target.personId}`,
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify(body),
      });
      expectRefusedProblem(response);
    }
    const [row] = await t.deps.database.db.select().from(people).where(eq(people.id, target.personId));
    expect(row!.name).not.toBe('Changed');
    expect(log).not.toContain(MARKER);
  });

  it('logs no 500 and nothing of a password hash for any of them', () => {
    expect(log).not.toMatch(/"statusCode":500/);
    expect(log).not.toContain('argon2');
    expect(log).not.toContain('\\u0000');
  });
});
