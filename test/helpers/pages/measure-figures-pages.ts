import { textOf } from '../browser.ts';
import { PerformancePage } from './performance-pages.ts';

/** A measure's figures period by period, its chart's data table, and the page's width on a small screen. */
export class MeasureFiguresPage extends PerformancePage {
  periodFigures(): Promise<string> {
    return textOf(this.page.locator('#period-figures'));
  }

  /** The labelled region the period table scrolls in. */
  figuresRegion() {
    return this.page.getByRole('region', { name: /Figures by period/ });
  }

  /** How much wider than the window the page is (0 when nothing makes it scroll sideways). */
  pageOverflow(): Promise<number> {
    // A string, run in the page: this project's TypeScript has no DOM types.
    return this.page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
  }

  /** Whether the region holds more than it shows, so it scrolls sideways itself. */
  async regionScrolls(): Promise<boolean> {
    return this.figuresRegion().evaluate((element) => element.scrollWidth > element.clientWidth);
  }

  /** The ARIA role of the element that has the focus. */
  focusedRole(): Promise<string | null> {
    return this.page.evaluate<string | null>('document.activeElement && document.activeElement.getAttribute("role")');
  }

  async setTarget(year: string, percent: string): Promise<void> {
    await this.press('Set a target');
    await this.field('Financial year').fill(year);
    await this.field('Target (%)').fill(percent);
    await this.press('Set target');
  }

  notification(): Promise<string> {
    return textOf(this.page.locator('.govuk-notification-banner'));
  }
}
