import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { newToken } from '../security/tokens.ts';
import { isApiRequest } from './access-control.ts';
import { words } from '../words/index.ts';

const ANONYMOUS_CSRF_COOKIE = 'gt_csrf';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function same(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Synchronizer tokens: a signed-in form carries its session's token; a signed-out form (sign-in)
 * carries the token of a signed cookie. API calls with a bearer token need none; API calls riding
 * on a session cookie send it in the x-csrf-token header.
 */
export const csrfProtection = fp(
  async (app: FastifyInstance, options: { secureCookies: boolean }) => {
    app.addHook('onRequest', async (request, reply) => {
      if (request.csrfToken || request.viaApiToken) return;
      const signed = request.cookies[ANONYMOUS_CSRF_COOKIE];
      const unsigned = signed ? request.unsignCookie(signed) : undefined;
      if (unsigned?.valid && unsigned.value) {
        request.csrfToken = unsigned.value;
        return;
      }
      const token = newToken();
      request.csrfToken = token;
      reply.setCookie(ANONYMOUS_CSRF_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: options.secureCookies,
        signed: true,
      });
    });

    app.addHook('preValidation', async (request, reply) => {
      if (!UNSAFE.has(request.method) || request.viaApiToken) return;
      const sent = isApiRequest(request)
        ? request.headers['x-csrf-token']
        : (request.body as Record<string, unknown> | undefined)?._csrf;
      if (same(typeof sent === 'string' ? sent : undefined, request.csrfToken)) return;
      if (isApiRequest(request)) {
        return reply.code(403).type('application/problem+json').send({
          type: 'about:blank',
          title: 'Forbidden',
          status: 403,
          detail: words.httpRefusals.csrfHeader,
        });
      }
      return reply.render('pages/errors/csrf.njk', {}, 403);
    });
  },
  { name: 'csrf', dependencies: ['access-control'] },
);
