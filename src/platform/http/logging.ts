import type { FastifyServerOptions } from 'fastify';

/** Keys whose values never reach the log, wherever they sit in a logged object. */
const SECRET_KEYS = ['password', 'passwordHash', 'password_hash', 'token', 'tokenHash', 'authorization', 'cookie'];

interface LoggableError {
  name?: string;
  message?: string;
  stack?: string;
  code?: unknown;
  statusCode?: unknown;
  query?: unknown;
  params?: unknown;
  cause?: unknown;
}

/** A failed query's message and stack end with its parameters (a password hash, a person's email): cut them. */
function withoutParameters(text: string | undefined): string | undefined {
  return text?.replace(/\nparams: [\s\S]*?(?=\n {4}at |$)/, '\nparams: [not logged]');
}

/** An error as logged: its kind, message and stack, never the values a failed query was given. */
export function serialiseError(
  error: unknown,
  depth = 0,
): { type: string; message: string; stack: string; [key: string]: unknown } {
  if (!error || typeof error !== 'object') return { type: typeof error, message: String(error), stack: '' };
  const e = error as LoggableError;
  return {
    type: e.name ?? error.constructor?.name ?? 'Error',
    message: withoutParameters(e.message) ?? '',
    stack: withoutParameters(e.stack) ?? '',
    ...(e.code === undefined ? {} : { code: e.code }),
    ...(e.statusCode === undefined ? {} : { statusCode: e.statusCode }),
    ...(e.cause && depth < 3 ? { cause: serialiseError(e.cause, depth + 1) } : {}),
  };
}

/** The request as logged: method and path only (no query string, headers or body). */
function serialiseRequest(request: { method?: string; url?: string; id?: unknown }) {
  return { id: request.id, method: request.method, path: request.url?.split('?')[0] };
}

/**
 * The server's logger: the level set, errors without query parameters, requests without query
 * strings, headers or bodies, and any secret-named field redacted however it got into a log line.
 */
export function loggerOptions(level: string, stream?: NodeJS.WritableStream): FastifyServerOptions['logger'] {
  return {
    level,
    ...(stream ? { stream } : {}),
    serializers: { err: serialiseError, req: serialiseRequest },
    redact: {
      paths: ['body', 'req.body', 'params', ...SECRET_KEYS, ...SECRET_KEYS.map((key) => `*.${key}`)],
      censor: '[not logged]',
    },
  };
}
