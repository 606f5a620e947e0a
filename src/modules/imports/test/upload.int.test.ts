import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';

function multipart(fields: Record<string, string>, file?: { name: string; content: Buffer }) {
  const boundary = '----golden-thread-test';
  const parts = Object.entries(fields).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  const chunks: Buffer[] = parts.map((part) => Buffer.from(part));
  if (file) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: text/csv\r\n\r\n`,
      ),
      file.content,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

describe('file upload on the import page', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite');
  });
  afterAll(async () => t?.close());

  it('refuses an upload without the CSRF token, and checks one with it', async () => {
    const officer = await t.as('performance-officer');
    const csv = Buffer.from('measureCode,periodKey,value\nNOPE-1,2025-26-Q1,5\n');
    const without = multipart({ kind: 'values', action: 'check' }, { name: 'values.csv', content: csv });
    const refused = await t.app.inject({
      method: 'POST',
      url: '/imports',
      headers: { cookie: officer.cookie, 'content-type': without.contentType },
      payload: without.payload,
    });
    expect(refused.statusCode).toBe(403);
    const withToken = multipart(
      { _csrf: officer.csrf, kind: 'values', action: 'check' },
      { name: 'values.csv', content: csv },
    );
    const checked = await t.app.inject({
      method: 'POST',
      url: '/imports',
      headers: { cookie: officer.cookie, 'content-type': withToken.contentType },
      payload: withToken.payload,
    });
    expect(checked.statusCode).toBe(400);
    expect(checked.body).toContain('NOPE-1');
    expect(checked.body).toContain('nothing was imported');
  });

  it('refuses an upload by someone who may not import before reading the file', async () => {
    const viewer = await t.as('viewer');
    const body = multipart({ _csrf: viewer.csrf, kind: 'values' }, { name: 'v.csv', content: Buffer.from('a,b\n') });
    const response = await t.app.inject({
      method: 'POST',
      url: '/imports',
      headers: { cookie: viewer.cookie, 'content-type': body.contentType },
      payload: body.payload,
    });
    expect(response.statusCode).toBe(403);
  });
});
