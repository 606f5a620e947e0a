/**
 * A guard for every app a test builds: domain messages are stored phrases (`phraseText` in
 * src/kernel/phrase.ts) that the edges say with `sayStored`. An edge that forgets shows a person
 * `{"code":"validation.enter",…}`; this hook turns any such response into a 500 whose body names
 * the leak, so the test that made the request fails whatever else it checks.
 */
import type { FastifyInstance } from 'fastify';

/** A phrase's opening, `{"code":`, with its quotes as HTML escapes them or as a JSON string holds them. */
const QUOTE = String.raw`(?:\\"|&quot;|&#34;|&#x22;)`;
const ESCAPED_PHRASE = new RegExp(String.raw`\{${QUOTE}code${QUOTE}:`);
/** Plain quotes: a phrase in a page or plain text (a JSON body's own objects may have a `code` first). */
const PLAIN_PHRASE = /\{"code":"[\w-]+\.[\w.-]+"/;

/** The unsaid phrase in a response (its body and any flash it leaves), or null. */
export function unsaidPhraseIn(body: string, contentType: string, setCookie = ''): string | null {
  const patterns = /json/.test(contentType) ? [ESCAPED_PHRASE] : [ESCAPED_PHRASE, PLAIN_PHRASE];
  let cookies = setCookie;
  try {
    cookies = decodeURIComponent(setCookie);
  } catch {
    // A cookie that is not URI-encoded is searched as it is.
  }
  for (const text of [body, cookies]) {
    for (const pattern of patterns) {
      const found = pattern.exec(text);
      if (found) return text.slice(found.index, found.index + 120);
    }
  }
  return null;
}

/** Adds the guard; call before `app.ready()`. */
export function refuseUnsaidPhrases(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply, payload) => {
    const body = typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : '';
    const setCookie = reply.getHeader('set-cookie');
    const cookies = Array.isArray(setCookie) ? setCookie.join('\n') : String(setCookie ?? '');
    const leak = unsaidPhraseIn(body, String(reply.getHeader('content-type') ?? ''), cookies);
    if (leak === null) return payload;
    reply.code(500).type('text/plain; charset=utf-8').removeHeader('set-cookie');
    return `Test guard: a stored phrase reached the response without being said (sayStored): ${leak}`;
  });
}
