import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { loggerOptions, serialiseError } from './logging.ts';

const HASH = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA';

/** What drizzle throws when a query fails: its message and stack end with the query's values. */
function failedQuery(): Error {
  const error = new Error(
    `Failed query: update "people" set "password_hash" = $1 where "id" = $2\nparams: ${HASH},id-1`,
  );
  Object.assign(error, {
    query: 'update "people" …',
    params: [HASH, 'id-1'],
    cause: new Error('invalid byte sequence'),
  });
  return error;
}

describe('the log', () => {
  it('keeps a failed query’s SQL and cause but not its values', () => {
    const logged = JSON.stringify(serialiseError(failedQuery()));
    expect(logged).toContain('Failed query: update');
    expect(logged).toContain('invalid byte sequence');
    expect(logged).not.toContain(HASH);
    expect(logged).not.toContain('id-1');
  });

  it('writes no body, query string, header or password-named field of a request', async () => {
    let out = '';
    const stream = new Writable({
      write(chunk, _encoding, done) {
        out += String(chunk);
        done();
      },
    });
    const app = Fastify({ logger: loggerOptions('info', stream) });
    app.post('/people', async (request) => {
      request.log.info({ body: request.body, person: { password: 'hunter2 secret' } }, 'handled');
      request.log.error({ err: failedQuery() }, 'failed');
      return {};
    });
    await app.inject({
      method: 'POST',
      url: '/people?email=someone%40example.org',
      headers: { authorization: 'Bearer gt_secret_token', 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'body value' }),
    });
    await app.close();
    expect(out).toContain('"path":"/people"');
    for (const secret of ['someone', 'body value', 'hunter2', 'gt_secret_token', HASH]) {
      expect(out).not.toContain(secret);
    }
  });
});
