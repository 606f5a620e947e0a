import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, useBrowser } from '../../../test/helpers/browser.ts';
import { renderDocumentHtml } from './render-html.ts';
import { sampleDocument } from './test/sample-document.ts';

// The standalone HTML file as a browser opens it from a disk: no app, no network, axe on the whole
// page (the file is downloaded, so it must stand on its own for WCAG 2.2 AA).
describe('a document as a standalone HTML file in a browser', () => {
  const browser = useBrowser();

  it('passes axe, and its print view keeps the tables and hides the contents', async () => {
    const page = browser.page;
    await page.setContent(renderDocumentHtml(sampleDocument()), { waitUntil: 'load' });
    await expectNoAxeViolations(page);
    expect(await page.getByRole('table', { name: 'Key measures: Q2 2026/27' }).isVisible()).toBe(true);
    expect(await page.getByRole('img', { name: /A line chart/ }).isVisible()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
  });
});
