import { paths } from '../../../src/kernel/paths.ts';
import { textOf } from '../browser.ts';
import { GovukPage } from './govuk-page.ts';

/** The corporate dashboard, framework health and the roll-up on plan and item pages. */
export class PerformancePage extends GovukPage {
  openDashboard(): Promise<this> {
    return this.visit('/performance');
  }

  openHealth(): Promise<this> {
    return this.visit('/performance/health');
  }

  openItem(id: string): Promise<this> {
    return this.visit(paths.item(id));
  }

  openPlan(id: string): Promise<this> {
    return this.visit(paths.plan(id));
  }

  openMeasure(id: string): Promise<this> {
    return this.visit(paths.measure(id));
  }

  rollup(): Promise<string> {
    return textOf(this.page.locator('.app-rollup'));
  }

  /** The measure page's performance section (status, chart, data table, forecast). */
  measurePerformance(): Promise<string> {
    return textOf(this.page.locator('.app-measure-performance'));
  }

  /** Opens the chart's data table (a details element) and returns its text. */
  async chartData(): Promise<string> {
    await this.page.getByText('Show the data').click();
    return textOf(this.page.locator('.app-spc-data table'));
  }
}
