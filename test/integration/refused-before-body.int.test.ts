import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

const ELEVEN_MB = 11 * 1024 * 1024;
const CHUNK = 64 * 1024;
const BOUNDARY = '----golden-thread-big-upload';

/** A multipart upload of `size` bytes, produced only as the server reads it, counting what it read. */
function bigUpload(size: number): { stream: Readable; bytesRead: () => number } {
  let sent = 0;
  const head = Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\nContent-Type: text/csv\r\n\r\n`,
  );
  const stream = new Readable({
    highWaterMark: CHUNK,
    read() {
      if (sent === 0) {
        sent += head.length;
        this.push(head);
      } else if (sent < size) {
        const chunk = Buffer.alloc(Math.min(CHUNK, size - sent), 'a');
        sent += chunk.length;
        this.push(chunk);
      } else {
        this.push(Buffer.from(`\r\n--${BOUNDARY}--\r\n`));
        this.push(null);
      }
    },
  });
  return { stream, bytesRead: () => sent };
}

describe('access is decided before the body is read', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite');
  });
  afterAll(async () => t?.close());

  it('answers a signed-out POST with broken JSON 401 problem JSON, not 400', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/plans',
      headers: { 'content-type': 'application/json' },
      payload: '{"title": ',
    });
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ status: 401, title: 'Unauthorized' });
  });

  it('refuses a signed-out 11 MB JSON or form body without reading it (not 413 after buffering)', async () => {
    for (const contentType of ['application/json', 'application/x-www-form-urlencoded']) {
      const upload = bigUpload(ELEVEN_MB);
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/plans',
        headers: { 'content-type': contentType },
        payload: upload.stream,
      });
      expect(response.statusCode).toBe(401);
      expect(upload.bytesRead()).toBeLessThan(1024 * 1024);
    }
  });

  it('refuses a signed-out 11 MB upload without reading it', async () => {
    const upload = bigUpload(ELEVEN_MB);
    const response = await t.app.inject({
      method: 'POST',
      url: '/imports',
      headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
      payload: upload.stream,
    });
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toMatch(/^\/sign-in\?returnTo=/);
    // Only what the stream buffers ahead on its own was produced, not the file.
    expect(upload.bytesRead()).toBeLessThan(1024 * 1024);
  });

  it('refuses the same upload with 401 on the API and 403 for a role without the permission', async () => {
    const signedOut = bigUpload(ELEVEN_MB);
    const api = await t.app.inject({
      method: 'POST',
      url: '/api/v1/plans',
      headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
      payload: signedOut.stream,
    });
    expect(api.statusCode).toBe(401);
    expect(signedOut.bytesRead()).toBeLessThan(1024 * 1024);

    const viewer = await t.as('viewer');
    const forbidden = bigUpload(ELEVEN_MB);
    const page = await t.app.inject({
      method: 'POST',
      url: '/imports',
      headers: { cookie: viewer.cookie, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
      payload: forbidden.stream,
    });
    expect(page.statusCode).toBe(403);
    expect(forbidden.bytesRead()).toBeLessThan(1024 * 1024);
  });
});
