import Fastify, { type FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import { describe, expect, it } from 'vitest';
import { PUBLIC } from '../../kernel/access/index.ts';
import './fastify-types.ts';
import { createMemoryRateCounter, rateLimits } from './rate-limits.ts';

describe('rate counter', () => {
  it('allows the limit in a window, then says how long to wait, and starts again after the window', async () => {
    let now = new Date('2026-03-02T09:00:00Z');
    const counter = createMemoryRateCounter(() => now);
    expect([await counter.take('k', 3, 60), await counter.take('k', 3, 60), await counter.take('k', 3, 60)]).toEqual([
      0, 0, 0,
    ]);
    now = new Date(now.getTime() + 15_000);
    expect(await counter.take('k', 3, 60)).toBe(45);
    expect(await counter.take('other', 3, 60)).toBe(0);
    now = new Date(now.getTime() + 45_000);
    expect(await counter.take('k', 3, 60)).toBe(0);
  });
});

describe('rate limits on requests', () => {
  async function appWith(limits: { signInPerMinute: number; apiPerMinute: number; uploadsPerHour: number }) {
    const app = Fastify();
    // Stands in for access control: every request from the same person.
    await app.register(
      fp(
        async (instance) => {
          instance.decorateRequest('principal', null as never);
          // Stands in for the views plugin: the template's name as the page.
          instance.decorateReply('render', function (this: FastifyReply, template: string, _c: unknown, status = 200) {
            return this.code(status).send(template);
          });
          instance.addHook('onRequest', async (request) => {
            request.principal = request.headers['x-person']
              ? {
                  kind: 'person',
                  personId: String(request.headers['x-person']),
                  organisationId: 'o',
                  name: 'P',
                  partnerId: null,
                  grants: [],
                }
              : PUBLIC;
          });
        },
        { name: 'access-control' },
      ),
    );
    const counter = createMemoryRateCounter(() => new Date('2026-03-02T09:00:00Z'));
    await app.register(rateLimits, { limits, counter });
    app.post('/sign-in', { config: { access: 'public', rateLimit: 'sign-in' } }, async () => 'ok');
    app.get('/api/v1/units', { config: { access: 'signed-in' } }, async () => []);
    app.post('/imports', { config: { access: 'signed-in' } }, async () => 'ok');
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
    return app;
  }

  it('refuses sign-in posts from one address past the limit with 429 and Retry-After', async () => {
    const app = await appWith({ signInPerMinute: 2, apiPerMinute: 0, uploadsPerHour: 0 });
    const post = (remoteAddress: string) => app.inject({ method: 'POST', url: '/sign-in', remoteAddress });
    expect((await post('192.0.2.1')).statusCode).toBe(200);
    expect((await post('192.0.2.1')).statusCode).toBe(200);
    const refused = await post('192.0.2.1');
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe('60');
    expect(refused.body).toBe('pages/errors/too-many-requests.njk');
    expect((await post('192.0.2.2')).statusCode).toBe(200);
  });

  it('limits API calls per person, whichever address they come from, with problem JSON', async () => {
    const app = await appWith({ signInPerMinute: 0, apiPerMinute: 2, uploadsPerHour: 0 });
    const get = (person: string, remoteAddress: string) =>
      app.inject({ method: 'GET', url: '/api/v1/units', remoteAddress, headers: { 'x-person': person } });
    await get('a', '192.0.2.1');
    await get('a', '192.0.2.2');
    const refused = await get('a', '192.0.2.3');
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ status: 429, title: 'Too Many Requests' });
    expect((await get('b', '192.0.2.1')).statusCode).toBe(200);
  });

  it('limits uploads per person an hour; 0 turns a limit off', async () => {
    const app = await appWith({ signInPerMinute: 0, apiPerMinute: 0, uploadsPerHour: 1 });
    const upload = () =>
      app.inject({
        method: 'POST',
        url: '/imports',
        headers: { 'x-person': 'a', 'content-type': 'multipart/form-data; boundary=x' },
        payload: '--x--',
      });
    expect((await upload()).statusCode).toBe(200);
    const refused = await upload();
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe('3600');
    expect((await app.inject({ method: 'POST', url: '/sign-in' })).statusCode).toBe(200);
  });
});
