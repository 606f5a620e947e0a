import { paths } from '../../../src/kernel/paths.ts';
import { textOf } from '../browser.ts';
import { GovukPage } from './govuk-page.ts';

/** A GOV.UK date input (day, month, year) inside the fieldset with this legend. */
async function fillDate(page: GovukPage, legend: string, isoDate: string): Promise<void> {
  const [year, month, day] = isoDate.split('-').map(Number);
  const group = page.page.getByRole('group', { name: legend });
  await group.getByLabel('Day').fill(String(day));
  await group.getByLabel('Month').fill(String(month));
  await group.getByLabel('Year').fill(String(year));
}

/** The list of plans with its filters, and the start-a-plan form. */
export class PlansListPage extends GovukPage {
  open(): Promise<this> {
    return this.visit(paths.plans());
  }

  async startNewPlan(): Promise<void> {
    await this.press('Start a new plan');
  }

  async fillNewPlan(plan: { type: string; title: string; starts: string; ends: string; unit: string; owner: string }) {
    await this.field('Type of plan').selectOption({ label: plan.type });
    await this.field('Title').fill(plan.title);
    await fillDate(this, 'Period starts', plan.starts);
    await fillDate(this, 'Period ends', plan.ends);
    await this.field('Owning unit').selectOption({ label: plan.unit });
    await this.field('Owner', true).selectOption({ label: plan.owner });
  }

  async filterByStatus(status: string): Promise<void> {
    await this.field('Status').selectOption({ label: status });
    await this.press('Apply filters');
  }
}

/** One plan's page: its status, sections, approval steps and history. */
export class PlanPage extends GovukPage {
  open(id: string): Promise<this> {
    return this.visit(paths.plan(id));
  }

  status(): Promise<string> {
    return textOf(this.page.locator('main .govuk-tag').first());
  }

  async edit(): Promise<void> {
    await this.follow(/Edit this plan/);
  }

  /** Approves the current step as the body (or owner) named on its button, with an optional comment. */
  async approveAs(who: string, comment?: string): Promise<void> {
    if (comment) await this.field('Comment (optional)').fill(comment);
    await this.press(who);
  }

  /** Records a governance body's decision: the date in the three boxes and the minute reference. */
  async recordDecision(body: string, decision: { date: string; minute: string }): Promise<void> {
    await fillDate(this, `The decision of ${body}: Date of the decision`, decision.date);
    await this.field('Minute reference').fill(decision.minute);
    await this.press(`Approve as ${body}`);
  }

  /** Why the step waiting cannot be taken by the person looking (the "different person" rule). */
  approvalRefusal(): Promise<string> {
    return textOf(this.page.locator('#approve-refusal'));
  }

  async openHistory(): Promise<void> {
    await this.follow('History and versions of this plan');
  }
}
