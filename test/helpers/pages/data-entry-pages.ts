import { paths } from '../../../src/kernel/paths.ts';
import { textOf } from '../browser.ts';
import { GovukPage } from './govuk-page.ts';

/** My data: what the person has to enter, what is overdue and what was returned to them. */
export class MyDataPage extends GovukPage {
  open(): Promise<this> {
    return this.visit(paths.myData());
  }

  async openValue(name: string | RegExp): Promise<ValueEntryPage> {
    await this.follow(name);
    return new ValueEntryPage(this.page, this.baseUrl);
  }
}

/** One measure's value for one period: enter, save a draft, submit, verify or return it. */
export class ValueEntryPage extends GovukPage {
  open(measureId: string, periodKey: string): Promise<this> {
    return this.visit(paths.valueEntry(measureId, periodKey));
  }

  async enter(value: string, options: { commentary?: string; quality?: 'Provisional' | 'Estimated' } = {}) {
    await this.field('Value').fill(value);
    if (options.commentary) await this.field('Commentary').fill(options.commentary);
    if (options.quality) await this.field(options.quality).check();
  }

  async submit(): Promise<void> {
    await this.press('Submit');
  }

  async saveDraft(): Promise<void> {
    await this.press('Save draft');
  }

  /** The verifier's decision: return for correction, with a reason. */
  async returnForCorrection(reason: string): Promise<void> {
    if (reason) await this.field('Reason').fill(reason);
    await this.press('Return for correction');
  }

  /** A sign-off step by its button: 'Verify', 'Approve (locks the period)'. */
  async decide(button: string): Promise<void> {
    await this.press(button);
  }

  conflict(): Promise<string> {
    return textOf(this.page.locator('.app-conflict'));
  }

  /** Ticks "I have checked this figure", shown when a figure fails the plausibility check. */
  async confirmChecked(): Promise<void> {
    await this.field('I have checked this figure').check();
  }
}

/** The grid that takes a unit's measures for one period at once. */
export class UnitDataEntryPage extends GovukPage {
  open(): Promise<this> {
    return this.visit(paths.dataEntry());
  }

  async choose(unit: string, periodKey: string): Promise<void> {
    await this.field('Unit').selectOption({ label: unit });
    await this.field('Period').selectOption(periodKey);
    await this.press('Continue');
  }

  async saveDrafts(): Promise<void> {
    await this.press('Save drafts');
  }
}

/** The administrator's choice of sign-off chain: submit → verify → approve, or submit → approve. */
export class SignOffSettingsPage extends GovukPage {
  open(): Promise<this> {
    return this.visit(paths.signOffSettings());
  }

  async choose(chain: 'Submit, verify, then approve' | 'Submit, then approve'): Promise<void> {
    await this.field(chain, true).check();
    await this.press('Save');
  }

  /** Chooses who takes a step by the choice's words, and the role or body it then asks for. */
  async whoTakes(
    step: 'verifies' | 'approves',
    choice: string | RegExp,
    detail?: { role?: string; body?: string },
  ): Promise<void> {
    const legend = step === 'verifies' ? 'Who verifies a value' : 'Who approves a value';
    await this.page.getByRole('group', { name: legend }).getByLabel(choice).first().check();
    if (detail?.role) await this.field(`Role that ${step}`).selectOption({ label: detail.role });
    if (detail?.body) await this.field(`Governance body that ${step}`).selectOption({ label: detail.body });
  }

  async save(): Promise<void> {
    await this.press('Save');
  }
}

/** The sign-off queue: what waits for me to verify or approve, oldest first. */
export class SignOffQueuePage extends GovukPage {
  open(): Promise<this> {
    return this.visit(paths.signOffQueue());
  }

  /** The count shown for a step ("To verify", "To approve"). */
  count(step: 'To verify' | 'To approve'): Promise<string> {
    return textOf(
      this.page.locator('#sign-off-counts .govuk-summary-list__row').filter({ hasText: step }).locator('dd'),
    );
  }

  /** The measures listed for a step, in the order shown. */
  async listed(table: 'verify' | 'approve'): Promise<string[]> {
    const rows = this.page.locator(`#${table}-queue tbody tr`);
    return (await rows.allInnerTexts()).map((text) => text.trim());
  }

  async openValue(name: string | RegExp): Promise<ValueEntryPage> {
    await this.follow(name);
    return new ValueEntryPage(this.page, this.baseUrl);
  }
}
