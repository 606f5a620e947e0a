import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignedIn } from '../../kernel/access/index.ts';
import './fastify-types.ts';
import { views } from './views.ts';

/**
 * A page whose content says how many times it was rendered, and shows whatever of the person
 * asking a careless template could reach (CSRF token, name, address, a message) inside the content.
 */
const PAGE = `{% extends "layouts/base.njk" %}
{% block pageContent %}
<p id="model">{{ model.name }}, rendering {{ rendering() }}</p>
<p id="person">[{{ csrfToken }}][{{ principal.name }}][{{ currentPath }}][{{ flash.message }}]</p>
{% if can("approve:values") %}<p id="approver">Overdue returns</p>{% endif %}
{% endblock %}`;

function person(name: string, role: 'viewer' | 'performance-officer'): SignedIn {
  return {
    kind: 'person',
    personId: name,
    organisationId: 'o',
    name,
    partnerId: null,
    grants: [{ role, unitId: null }],
  };
}

describe('kept page content (reply.renderKept)', () => {
  let app: FastifyInstance;
  let renderings = 0;
  const models: Record<string, { name: string }> = { a: { name: 'Model A' }, b: { name: 'Model B' } };
  const people: Record<string, SignedIn> = {
    ann: person('Ann', 'performance-officer'),
    bo: person('Bo', 'performance-officer'),
    cy: person('Cy', 'viewer'),
  };

  beforeAll(async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'kept-content-'));
    mkdirSync(path.join(folder, 'pages'));
    writeFileSync(path.join(folder, 'pages', 'kept.njk'), PAGE);
    app = Fastify();
    await app.register(fastifyCookie, { secret: 'x'.repeat(40) });
    app.decorateRequest('principal', null as unknown as SignedIn);
    app.decorateRequest('csrfToken', undefined);
    app.addHook('onRequest', async (request) => {
      const who = String(request.headers['x-person']);
      request.principal = people[who]!;
      request.csrfToken = `token-of-${who}`;
    });
    await app.register(views, {
      serviceName: 'Test',
      secureCookies: false,
      folders: [folder],
      navigation: () => [],
    });
    app.get('/kept/:model', (request, reply) => {
      const model = models[(request.params as { model: string }).model]!;
      return reply.renderKept('pages/kept.njk', model, () => ({
        title: model.name,
        model,
        rendering: () => ++renderings,
      }));
    });
    await app.ready();
  });
  afterAll(() => app?.close());

  const page = async (who: string, model: string) =>
    (await app.inject({ method: 'GET', url: `/kept/${model}?from=${who}`, headers: { 'x-person': who } })).body;

  it('renders a model’s content once, and the layout around it for each request', async () => {
    const first = await page('ann', 'a');
    const second = await page('bo', 'a');
    expect(first).toContain('Model A, rendering 1');
    expect(second).toContain('Model A, rendering 1');
    expect(await page('ann', 'b')).toContain('Model B, rendering 2');
    // The layout is each person's: their own sign-out form's CSRF token.
    expect(first).toContain('token-of-ann');
    expect(second).toContain('token-of-bo');
    expect(second).not.toContain('token-of-ann');
  });

  it('keeps nothing of the person in the content: no token, name, address or message', async () => {
    const body = await page('bo', 'a');
    expect(body).toContain('<p id="person">[][][][]</p>');
    expect(body).not.toContain('Ann');
  });

  it('renders what a person may do through their access (the kept model’s key holds it)', async () => {
    expect(await page('ann', 'a')).toContain('id="approver"');
    // A viewer is never given a model built for an officer; here a model of their own.
    models.c = { name: 'Model C' };
    expect(await page('cy', 'c')).not.toContain('id="approver"');
  });
});
