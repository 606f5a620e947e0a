import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, useBrowser } from '../helpers/browser.ts';

const layout = (title: string, body: string) => `<!doctype html>
<html lang="en-GB">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${title} – Golden Thread</title>
  </head>
  <body>
    <header><a href="#main">Skip to main content</a></header>
    <main id="main">
      ${body}
    </main>
  </body>
</html>`;

const pages: Record<string, string> = {
  '/accessible': layout(
    'Performance measures',
    `<h1>Performance measures</h1>
     <p id="today"></p>
     <form action="/accessible" method="get">
       <label for="search">Search measures</label>
       <input id="search" name="q" type="text">
       <button type="submit">Search</button>
     </form>
     <script>
       document.getElementById('today').textContent =
         new Intl.DateTimeFormat(undefined, { dateStyle: 'long', timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone })
           .format(new Date(Date.UTC(2025, 6, 1, 23, 30)));
     </script>`,
  ),
  // Colour contrast: pale text in a styling context first seen here, after pages whose every other
  // context was checked; then the same pale class on a page otherwise already checked.
  '/grey': layout(
    'Pale text',
    `<h1>Pale text</h1><p class="pale">Hard to read</p><style>.pale { color: #ddd; }</style>`,
  ),
  '/grey-inline': layout(
    'Performance measures',
    `<h1>Performance measures</h1><p style="color: #eee">Hard to read</p>`,
  ),
  '/broken': layout(
    'Broken page',
    `<h1>Broken page</h1>
     <img src="/chart.png">
     <input id="unlabelled" type="text">`,
  ),
};

describe('browser harness', () => {
  const browser = useBrowser();
  let server: Server;
  let baseUrl: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const html = pages[new URL(req.url ?? '/', 'http://localhost').pathname];
      if (html === undefined) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
  });

  it('serves an accessible page that passes axe', async () => {
    const page = browser.page;
    const response = await page.goto(`${baseUrl}/accessible`);
    expect(response?.status()).toBe(200);
    expect(await page.locator('h1').textContent()).toBe('Performance measures');
    const results = await expectNoAxeViolations(page);
    expect(results.passes.length).toBeGreaterThan(0);
  });

  it('runs with the en-GB locale and Europe/London time zone', async () => {
    const page = browser.page;
    await page.goto(`${baseUrl}/accessible`);
    expect(await page.evaluate<string>('navigator.language')).toBe('en-GB');
    expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('Europe/London');
    // 23:30 UTC on 1 July is 00:30 BST on 2 July.
    expect(await page.locator('#today').textContent()).toBe('2 July 2025');
  });

  it('fails with a readable list when axe finds violations', async () => {
    const page = browser.page;
    await page.goto(`${baseUrl}/broken`);
    const error = await expectNoAxeViolations(page).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error, 'expectNoAxeViolations should have thrown').toBeInstanceOf(Error);
    const message = error?.message ?? '';
    expect(message).toMatch(
      /^2 accessibility rule\(s\) violated on 2 element\(s\) at http:\/\/127\.0\.0\.1:\d+\/broken:/,
    );
    expect(message).toContain('- image-alt [critical]: Images must have alternative text');
    expect(message).toContain('at img');
    expect(message).toContain('- label [critical]: Form elements must have labels');
    expect(message).toContain('at #unlabelled');
  });

  it('checks colour contrast in every styling context it has not seen, however many pages came before', async () => {
    const page = browser.page;
    await page.goto(`${baseUrl}/accessible`);
    await expectNoAxeViolations(page);
    await page.goto(`${baseUrl}/grey`);
    await expect(expectNoAxeViolations(page)).rejects.toThrow(/color-contrast/);
    // Same heading and paragraph tags as pages already checked, but an inline colour: a new context.
    await page.goto(`${baseUrl}/grey-inline`);
    await expect(expectNoAxeViolations(page)).rejects.toThrow(/color-contrast/);
  });

  it('can limit the scan to part of the page', async () => {
    const page = browser.page;
    await page.goto(`${baseUrl}/broken`);
    await expectNoAxeViolations(page, { include: 'h1' });
    await expect(expectNoAxeViolations(page, { exclude: 'img' })).rejects.toThrow(/label \[critical\]/);
  });
});
