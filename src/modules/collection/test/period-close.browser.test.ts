import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs, useBrowser } from '../../../../test/helpers/browser.ts';
import { GovukPage } from '../../../../test/helpers/pages/govuk-page.ts';
import { paths } from '../../../kernel/paths.ts';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';

// 20 November 2026: 2026/27 Q2 (July to September) has been reported.
const today = new Date('2026-11-20T10:00:00Z');

/** The period close page: one table per frequency, a Close button or a reopen form per period. */
class PeriodClosePage extends GovukPage {
  open(): Promise<this> {
    return this.visit(paths.periodClosures());
  }

  async close(period: string): Promise<void> {
    await this.press(new RegExp(`^Close\\s*${period}$`));
  }

  async reopen(period: string, reason: string): Promise<void> {
    await this.field(`Reason for reopening ${period}`).fill(reason);
    await this.press(new RegExp(`^Reopen\\s*${period}$`));
  }
}

describe('the period close page', () => {
  const browser = useBrowser();
  let t: TestApp;
  let base: string;

  beforeAll(async () => {
    t = await createTestApp('pglite', { clock: () => today });
    base = await t.listen();
  });
  afterAll(async () => t?.close());

  it('closes a quarter (and its months), asks for a reason to reopen it, then reopens it', async () => {
    const officer = await t.as('performance-officer');
    await signInAs(browser.page, base, officer);
    const page = await new PeriodClosePage(browser.page, base).open();
    expect(await page.heading()).toBe('Close reporting periods');
    await page.expectAccessible();

    await page.close('2026/27 Q2');
    expect(await page.shows('2026/27 Q2 closed')).toBeTruthy();
    // July, August and September 2026 are closed with the quarter.
    expect(await browser.page.getByText('Closed with 2026/27 Q2').count()).toBe(3);
    await page.expectAccessible();

    await page.reopen('2026/27 Q2', '');
    expect(await page.errorSummary()).toContain('Enter the reason for reopening 2026/27 Q2');
    await page.expectAccessible();

    await page.reopen('2026/27 Q2', 'A late correction from the service');
    expect(await page.shows('2026/27 Q2 reopened')).toBeTruthy();
    expect(await page.shows(/A late correction from the service/)).toBeTruthy();
    await page.expectAccessible();
  });
});
