import type { Locator } from 'playwright-core';
import { paths } from '../../../src/kernel/paths.ts';
import { textOf } from '../browser.ts';
import { GovukPage } from './govuk-page.ts';

/** The list of measures, with its search and filters. */
export class MeasuresListPage extends GovukPage {
  open(query = ''): Promise<this> {
    return this.visit(`${paths.measures()}${query}`);
  }

  async addMeasure(): Promise<MeasureFormPage> {
    await this.press('Add a measure');
    return new MeasureFormPage(this.page, this.baseUrl);
  }

  async openMeasure(code: string): Promise<MeasurePage> {
    await this.follow(code);
    return new MeasurePage(this.page, this.baseUrl);
  }
}

/** The add and edit measure form. */
export class MeasureFormPage extends GovukPage {
  async save(): Promise<void> {
    await this.press('Save measure');
  }
}

/** One measure's page: its definition, plan items, breakdowns and targets. */
export class MeasurePage extends GovukPage {
  open(id: string): Promise<this> {
    return this.visit(paths.measure(id));
  }

  async edit(): Promise<MeasureFormPage> {
    await this.press('Edit measure');
    return new MeasureFormPage(this.page, this.baseUrl);
  }

  async linkPlanItem(index: number): Promise<void> {
    await this.field('Link to a plan item').selectOption({ index });
    await this.press('Link plan item');
  }

  linkedItems(): Promise<string> {
    return textOf(this.page.locator('#items ~ ul').first());
  }

  async addBreakdownCategory(breakdown: string, code: string, name: string): Promise<void> {
    await this.page.getByText('Add a breakdown category').click();
    await this.field('Breakdown', true).fill(breakdown);
    await this.field('Category code').fill(code);
    await this.field('Category name').fill(name);
    await this.press('Add category');
  }

  breakdownTable(): Locator {
    return this.page.locator('table[id^="breakdown-"]').first();
  }

  /** Opens the target form and submits it (the form stays open when the figures are wrong). */
  async setTarget(target: { year: string; percent: string; forCategory?: string }): Promise<void> {
    await this.press('Set a target');
    await this.fillTarget(target);
  }

  async fillTarget({ year, percent, forCategory }: { year: string; percent: string; forCategory?: string }) {
    await this.field('Financial year').fill(year);
    await this.field('Target (%)').fill(percent);
    if (forCategory) await this.field('For', true).selectOption({ label: forCategory });
    await this.press('Set target');
  }

  async reviseTarget(yearShown: string): Promise<void> {
    await this.follow(`Revise the target for ${yearShown}`);
  }

  async saveRevision(percent: string, reason: string): Promise<void> {
    await this.field('New target (%)').fill(percent);
    await this.field('Reason for the change').fill(reason);
    await this.press('Save revised target');
  }

  targetHistory(): Promise<string> {
    return textOf(this.page.locator('#target-history'));
  }

  async retire(reason: string): Promise<void> {
    await this.field('Why is it being retired?').fill(reason);
    await this.press('Retire measure');
  }
}

/** The imports page: values, targets, measures and breakdowns from CSV or Excel. */
export class ImportsPage extends GovukPage {
  open(): Promise<this> {
    return this.visit(paths.imports());
  }

  async paste(what: 'Values' | 'Targets' | 'Measures', csv: string): Promise<void> {
    await this.field(what, true).check();
    await this.field('Or paste CSV').fill(csv);
  }

  problems(): Promise<string> {
    return textOf(this.page.locator('table'));
  }
}
