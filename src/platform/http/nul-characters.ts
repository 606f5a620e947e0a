import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { words } from '../words/index.ts';

/** What a person or client is told: nothing of what they sent is repeated or logged. */
const NUL_REFUSED = words.httpRefusals.nulCharacter;

/** A 4xx, so the error pages show its message: problem JSON under /api, the error page elsewhere. */
class NulCharacterError extends Error {
  readonly statusCode = 400;
  constructor() {
    super(NUL_REFUSED);
  }
}

/** Whether a parsed body, query or parameter holds a NUL in any string, key or value, however deep. */
function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\0');
  if (value === null || typeof value !== 'object' || depth > 32) return false;
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) return false; // an uploaded file's bytes
  if (Array.isArray(value)) return value.some((item) => containsNul(item, depth + 1));
  return Object.entries(value).some(([key, item]) => key.includes('\0') || containsNul(item, depth + 1));
}

function urlHasNul(request: FastifyRequest): boolean {
  return request.url.includes('\0') || request.url.includes('%00');
}

/**
 * No text the app keeps may hold a NUL (PostgreSQL refuses it in text, and the failure used to be a
 * 500 that logged the query's parameters). So any request with one, raw or %00, in its URL, query,
 * route parameters or body fields is refused with a 400 before any handler runs.
 */
export const refuseNulCharacters = fp(
  async (app: FastifyInstance) => {
    app.addHook('onRequest', async (request) => {
      if (urlHasNul(request)) throw new NulCharacterError();
    });
    app.addHook('preValidation', async (request) => {
      if (containsNul(request.query) || containsNul(request.params) || containsNul(request.body)) {
        throw new NulCharacterError();
      }
    });
  },
  { name: 'refuse-nul-characters' },
);
