/**
 * Headless Chromium (the system one, via playwright-core) and axe-core checks.
 *
 *   const browser = await launchBrowser();
 *   const page = await newPage(browser);          // en-GB, Europe/London
 *   await page.goto(url);
 *   await expectNoAxeViolations(page);             // WCAG 2.2 AA rule set
 *   await expectNoAxeViolations(page, { include: 'main', exclude: '.govuk-footer' });
 *   await browser.close();
 *
 * The browser project runs serially (fileParallelism: false); launch one
 * browser per test file in beforeAll and close it in afterAll.
 *
 * Environment: CHROMIUM_PATH overrides the executable (default /usr/bin/chromium).
 */
import { existsSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] as const;

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;
type AxeViolation = AxeResults['violations'][number];

export interface AxeCheckContext {
  /** CSS selector(s) to limit the scan to. */
  include?: string | string[];
  /** CSS selector(s) to leave out of the scan. */
  exclude?: string | string[];
  /** axe rule ids to switch off (say why in the test). */
  disableRules?: string[];
}

export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium not found at ${executablePath}. Install it with \`apt-get install -y chromium\` ` +
        '(Debian, as root) or set CHROMIUM_PATH to a Chromium/Chrome executable.',
    );
  }
  return chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}

/**
 * A page in a fresh browser context set up like a UK user's browser.
 * Close it with `await page.context().close()` (or just close the browser).
 */
export async function newPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({
    timezoneId: 'Europe/London',
    locale: 'en-GB',
    ...options,
  });
  return context.newPage();
}

function list(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** Human-readable description of axe violations, one block per rule. */
export function formatAxeViolations(violations: AxeViolation[], where: string): string {
  const count = violations.reduce((n, v) => n + v.nodes.length, 0);
  const lines = [`${violations.length} accessibility rule(s) violated on ${count} element(s) at ${where}:`];
  for (const v of violations) {
    lines.push(`  - ${v.id} [${v.impact ?? 'unknown impact'}]: ${v.help}`);
    lines.push(`    ${v.helpUrl}`);
    for (const node of v.nodes) {
      const target = node.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : String(t))).join(' | ');
      lines.push(`      at ${target}`);
    }
  }
  return lines.join('\n');
}

/**
 * Run axe (WCAG 2.0/2.1 A+AA and 2.2 AA rules) on the page and throw a readable
 * error listing every violation (rule id, impact, help, target selectors).
 * Returns the full axe results when there are none.
 */
export async function expectNoAxeViolations(page: Page, context: AxeCheckContext = {}): Promise<AxeResults> {
  let builder = new AxeBuilder({ page }).withTags([...WCAG_TAGS]);
  for (const selector of list(context.include)) builder = builder.include(selector);
  for (const selector of list(context.exclude)) builder = builder.exclude(selector);
  if (context.disableRules?.length) builder = builder.disableRules(context.disableRules);

  const results = await builder.analyze();
  if (results.violations.length > 0) {
    const error = new Error(formatAxeViolations(results.violations, page.url()));
    error.name = 'AxeViolationsError';
    throw error;
  }
  return results;
}

/** Signs in through the real sign-in page, as a person would. */
export async function signInThroughPage(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

/**
 * The visible text of the first element a locator finds, after waiting for it: with vitest's
 * expect (playwright-core has no expect of its own), e.g. expect(await textOf(page.getByRole('alert'))).toContain('…').
 */
export async function textOf(locator: import('playwright-core').Locator): Promise<string> {
  const first = locator.first();
  await first.waitFor({ state: 'visible', timeout: 10_000 });
  return (await first.innerText()).trim();
}
