import type { FastifyError, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { problem } from './problem.ts';
import { isApiRequest } from './access-control.ts';
import { fill, sayStored, words } from '../words/index.ts';
import { isDatabaseUnavailable } from '../db/unavailable.ts';

/** What busboy (under @fastify/multipart) throws for a body that ends early or has broken parts. */
const isMalformedUpload = (error: FastifyError) =>
  error.code === 'ERR_STREAM_PREMATURE_CLOSE' ||
  /^(Unexpected end of form|Malformed part header|Multipart: Boundary not found)/.test(error.message);

/** Problem JSON under /api, GOV.UK error pages elsewhere; 5xx details are logged, never shown. */
export const errorPages = fp(
  async (app: FastifyInstance) => {
    app.setNotFoundHandler({}, (request, reply) => {
      if (isApiRequest(request)) {
        return reply
          .code(404)
          .type('application/problem+json')
          .send(problem(404, fill(words.httpRefusals.noSuchResource, { url: request.url })));
      }
      return reply.render('pages/errors/not-found.njk', {}, 404);
    });

    app.setErrorHandler((error: FastifyError, request, reply) => {
      if (hasZodFastifySchemaValidationErrors(error)) {
        const errors = error.validation.map((issue) => ({
          field: issue.instancePath.replace(/^\//, '').replaceAll('/', '.') || 'body',
          message: issue.message === undefined ? words.httpRefusals.fieldInvalid : sayStored(issue.message),
        }));
        const detail = errors.map((e) => `${e.field}: ${e.message}`).join('; ');
        return reply
          .code(400)
          .type('application/problem+json')
          .send(problem(400, detail, { code: 'invalid', errors }));
      }
      if (isDatabaseUnavailable(error)) {
        // PostgreSQL restarting or out of reach: the pool reconnects by itself, so ask for a retry.
        request.log.warn({ err: error }, 'database unavailable');
        reply.header('retry-after', '5');
        const unavailable = words.httpRefusals.databaseUnavailable;
        if (isApiRequest(request)) {
          return reply.code(503).type('application/problem+json').send(problem(503, unavailable));
        }
        return reply.render('pages/errors/problem.njk', { status: 503, detail: unavailable }, 503);
      }
      if (isMalformedUpload(error)) {
        // A multipart body cut short or malformed: the sender's fault, not ours.
        const malformed = words.httpRefusals.malformedUpload;
        if (isApiRequest(request)) {
          return reply.code(400).type('application/problem+json').send(problem(400, malformed));
        }
        return reply.render('pages/errors/problem.njk', { status: 400, detail: malformed }, 400);
      }
      const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
      if (status === 500) request.log.error({ err: error }, 'unhandled error');
      const detail = status === 500 ? words.httpRefusals.somethingWentWrong : sayStored(error.message);
      if (isApiRequest(request)) {
        return reply.code(status).type('application/problem+json').send(problem(status, detail));
      }
      return reply.render('pages/errors/problem.njk', { status, detail }, status);
    });
  },
  { name: 'error-pages', dependencies: ['views'] },
);
