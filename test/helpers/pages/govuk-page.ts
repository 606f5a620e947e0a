import type { Locator, Page } from 'playwright-core';
import { expectNoAxeViolations, textOf } from '../browser.ts';

/**
 * What every page of the service has (GOV.UK layout): a heading, an error summary when a form is
 * wrong, a notification banner after a change. Page objects for particular pages extend it.
 */
export class GovukPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  async visit(path: string): Promise<this> {
    await this.page.goto(`${this.baseUrl}${path}`);
    return this;
  }

  heading(): Promise<string> {
    return textOf(this.page.getByRole('heading', { level: 1 }));
  }

  /** The GOV.UK error summary's text, once it is shown. */
  errorSummary(): Promise<string> {
    return textOf(this.page.getByRole('alert'));
  }

  /** Waits for the text to be shown (a notification banner after a change, say) and returns it. */
  shows(text: string | RegExp): Promise<string> {
    return textOf(this.page.getByText(text));
  }

  section(selector: string): Promise<string> {
    return textOf(this.page.locator(selector));
  }

  field(label: string, exact = false): Locator {
    return this.page.getByLabel(label, { exact });
  }

  async press(button: string | RegExp): Promise<void> {
    await this.page.getByRole('button', { name: button }).click();
  }

  async follow(link: string | RegExp): Promise<void> {
    await this.page.getByRole('link', { name: link }).click();
  }

  /** axe on the page as it is now (a state already checked in this file is not checked twice). */
  async expectAccessible(): Promise<void> {
    await expectNoAxeViolations(this.page);
  }
}
