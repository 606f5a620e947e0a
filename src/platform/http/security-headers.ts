import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * The GOV.UK template has one fixed inline script (it marks the body as js-enabled). We allow
 * exactly that script by its hash, computed from the installed template so an upgrade cannot
 * silently break it; no other inline script can run.
 */
function govukInlineScriptHash(): string {
  const require = createRequire(import.meta.url);
  const template = readFileSync(require.resolve('govuk-frontend/dist/govuk/template.njk'), 'utf8');
  const match = /<script[^>]*>([^<]*)<\/script>/.exec(template);
  if (!match?.[1]) throw new Error('govuk-frontend template.njk has no inline script to hash');
  return `'sha256-${createHash('sha256').update(match[1]).digest('base64')}'`;
}

export const securityHeaders = fp(
  async (app: FastifyInstance, options: { production: boolean }) => {
    const csp = [
      "default-src 'self'",
      `script-src 'self' ${govukInlineScriptHash()}`,
      "style-src 'self'",
      "img-src 'self' data:",
      "font-src 'self'",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join('; ');
    app.addHook('onSend', async (_request, reply) => {
      reply.header('content-security-policy', csp);
      reply.header('x-content-type-options', 'nosniff');
      reply.header('x-frame-options', 'DENY');
      reply.header('referrer-policy', 'same-origin');
      reply.header('cross-origin-opener-policy', 'same-origin');
      reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=()');
      if (options.production) reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    });
  },
  { name: 'security-headers' },
);
