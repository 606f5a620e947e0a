/**
 * The sign-off pages in Chromium with axe: the queue, the verifier's page taking a step from it,
 * the home page's counts, and the administrator choosing who takes each step.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs, useBrowser } from '../../../../test/helpers/browser.ts';
import { SignOffQueuePage, SignOffSettingsPage } from '../../../../test/helpers/pages/data-entry-pages.ts';
import { GovukPage } from '../../../../test/helpers/pages/govuk-page.ts';
import { signOffCouncil, type SignOffCouncil } from '../../../../test/helpers/sign-off-fixtures.ts';

describe('sign-off pages', () => {
  const browser = useBrowser();
  let s: SignOffCouncil;
  let base: string;
  let measure: string;

  beforeAll(async () => {
    s = await signOffCouncil('pglite');
    base = await s.t.listen();
    measure = await s.newMeasure(s.units.service);
    await s.submit(s.people.officer, measure, '2025-26-Q1', 35);
    await s.submit(s.people.officer, measure, '2025-26-Q2', 41, {
      commentary: 'More visits after the winter campaign',
      evidenceUrl: 'https://example.org/evidence/q2',
    });
  });
  afterAll(async () => {
    await s?.t.close();
  });

  it('lists what waits for me, oldest first, and takes me to the verifier’s page to verify it', async () => {
    await signInAs(browser.page, base, s.people.manager);
    const home = await new GovukPage(browser.page, base).visit('/');
    expect(await home.section('#sign-off-waiting')).toContain('2 to verify and 0 to approve');
    await home.expectAccessible();
    await home.follow('Your sign-off queue');

    const queue = new SignOffQueuePage(browser.page, base);
    expect(await queue.heading()).toBe('Sign-off');
    expect(await queue.count('To verify')).toBe('2');
    expect(await queue.count('To approve')).toBe('0');
    const listed = await queue.listed('verify');
    expect(listed).toHaveLength(2);
    expect(listed[0]).toContain('2025/26 Q1');
    expect(listed[1]).toContain('2025/26 Q2');
    await queue.expectAccessible();

    const value = await queue.openValue(/Sign-off measure 1\W+2025\/26 Q2/);
    expect(await value.section('#figure-details')).toContain('More visits after the winter campaign');
    expect(await value.section('#earlier-values')).toContain('2025/26 Q1');
    await value.expectAccessible();
    await value.decide('Verify');
    expect(await value.shows('Value verified')).toBeTruthy();
    await value.expectAccessible();

    const after = await new SignOffQueuePage(browser.page, base).open();
    expect(await after.count('To verify')).toBe('1');
    expect(await after.listed('verify')).toEqual([expect.stringContaining('2025/26 Q1')]);
  });

  it('returns a value for correction from the verifier’s page, asking for a reason first', async () => {
    await signInAs(browser.page, base, s.people.director);
    const queue = await new SignOffQueuePage(browser.page, base).open();
    expect(await queue.count('To approve')).toBe('1');
    const value = await queue.openValue(/Sign-off measure 1\W+2025\/26 Q1/);
    await value.returnForCorrection('');
    expect(await value.errorSummary()).toContain('Give a reason to return this value');
    await value.expectAccessible();
    await value.returnForCorrection('Q1 counts April twice');
    expect(await value.shows('Value returned')).toBeTruthy();
  });

  it('lets the administrator choose who verifies and who approves', async () => {
    await signInAs(browser.page, base, s.people.admin);
    const settings = await new SignOffSettingsPage(browser.page, base).open();
    expect(await settings.heading()).toBe('How values are signed off');
    await settings.expectAccessible();

    await settings.whoTakes('verifies', 'Someone holding a chosen role');
    await settings.save();
    expect(await settings.errorSummary()).toContain('Select the role that verifies');
    await settings.expectAccessible();

    await settings.whoTakes('verifies', 'The head of the unit that owns the measure');
    await settings.whoTakes('approves', 'The members of a governance body', { body: 'Performance Board' });
    await settings.save();
    expect(await settings.shows(/Sign-off settings saved/)).toBeTruthy();
    const now = await settings.section('#current-settings');
    expect(now).toContain('Verified by: the head of the measure’s unit');
    expect(now).toContain('Approved by: a member of Performance Board');
    await settings.expectAccessible();
  });
});
