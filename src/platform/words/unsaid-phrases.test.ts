/**
 * The guard every test app carries (test/helpers/unsaid-phrases.ts): a stored phrase that reaches a
 * response without being said fails the request, in a page, a problem JSON or a flash; said, it
 * passes. Checked here on a route app whose routes leak on purpose.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRouteApp, type RouteApp } from '../../../test/helpers/route-app.ts';
import { unsaidPhraseIn } from '../../../test/helpers/unsaid-phrases.ts';
import { phraseText } from '../../kernel/phrase.ts';
import { domainError } from '../../kernel/result.ts';
import { problem, sendProblem } from '../http/problem.ts';
import { sayStored } from './index.ts';

const message = phraseText('ragReason.overdueFor', { period: 'June 2025', due: '31 July 2025' });
const words = 'Overdue: no data for June 2025, which was due by 31 July 2025';
const open = { config: { access: 'public' } } as const;

async function pages(app: FastifyInstance) {
  app.get('/leak/page', open, (_request, reply) => reply.render('pages/errors/problem.njk', { detail: message }, 400));
  app.get('/said/page', open, (_request, reply) =>
    reply.render('pages/errors/problem.njk', { detail: sayStored(message) }, 400),
  );
  app.get('/leak/text', open, (_request, reply) => reply.code(400).type('text/plain').send(message));
  app.get('/leak/flash', open, (_request, reply) => reply.flash(message).redirect('/said/page'));
}

async function api(app: FastifyInstance) {
  app.get('/leak', open, (_request, reply) =>
    reply.code(400).type('application/problem+json').send(problem(400, message)),
  );
  app.get('/said', open, (_request, reply) => sendProblem(reply, domainError('invalid', message, 'period')));
  app.get('/measure', open, () => [{ code: 'PI-01', title: 'Rent collected' }]);
}

describe('the guard against unsaid phrases in test apps', () => {
  let route: RouteApp;
  beforeAll(async () => {
    route = await buildRouteApp([{ pages, api }]);
  });
  afterAll(() => route.close());

  it('fails a page, plain text or flash that shows a stored phrase', async () => {
    for (const url of ['/leak/page', '/leak/text', '/leak/flash']) {
      const response = await route.public.get(url);
      expect(response.statusCode, url).toBe(500);
      expect(response.body, url).toContain('Test guard: a stored phrase reached the response');
    }
  });

  it('fails problem JSON that holds a stored phrase', async () => {
    const response = await route.public.get('/api/v1/leak');
    expect(response.statusCode).toBe(500);
    expect(response.body).toContain('ragReason.overdueFor');
  });

  it('lets the said words through, and JSON objects whose first field is a code', async () => {
    const page = await route.public.get('/said/page');
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain(words);
    const said = await route.public.get('/api/v1/said');
    expect(said.statusCode).toBe(400);
    expect(said.json()).toMatchObject({ detail: words, errors: [{ field: 'period', message: words }] });
    const measures = await route.public.get('/api/v1/measure');
    expect(measures.statusCode).toBe(200);
  });

  it('recognises a phrase however it is quoted', () => {
    expect(unsaidPhraseIn(`<p>${message.replaceAll('"', '&quot;')}</p>`, 'text/html')).not.toBeNull();
    expect(unsaidPhraseIn(`<p>${message.replaceAll('"', '&#34;')}</p>`, 'text/html')).not.toBeNull();
    expect(unsaidPhraseIn(JSON.stringify({ detail: message }), 'application/json')).not.toBeNull();
    expect(unsaidPhraseIn(message, 'text/plain')).not.toBeNull();
    expect(
      unsaidPhraseIn('', 'text/html', `gt_flash=${encodeURIComponent(JSON.stringify({ message }))}`),
    ).not.toBeNull();
    expect(unsaidPhraseIn(JSON.stringify({ code: 'rag.red' }), 'application/json')).toBeNull();
    expect(unsaidPhraseIn(words, 'text/html')).toBeNull();
  });
});
