/**
 * Headless Chromium (the system one, via playwright-core) and axe-core checks.
 *
 *   const browser = useBrowser();                  // one Chromium per run, one page per file
 *   it('…', async () => {
 *     const page = browser.page;                   // en-GB, Europe/London, cookies cleared per test
 *     await signInAs(page, baseUrl, agent);         // the session cookie, set directly
 *     await page.goto(url);
 *     await expectNoAxeViolations(page);           // WCAG 2.2 AA rule set
 *     await expectNoAxeViolations(page, { include: 'main', exclude: '.govuk-footer' });
 *   });
 *
 * The browser project runs serially (fileParallelism: false). GT_BROWSER_TIMINGS=1 prints where a
 * file's time went (Chromium launch, contexts, sign-in, axe) when it finishes.
 *
 * Environment: CHROMIUM_PATH overrides the executable (default /usr/bin/chromium-headless-shell,
 * else /usr/bin/chromium).
 */
import { existsSync } from 'node:fs';
import type { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { AXE_SCRIPT_PATH, axeSource } from './axe-script.ts';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] as const;

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;
type AxeViolation = AxeResults['violations'][number];

export interface AxeCheckContext {
  /** CSS selector(s) to limit the scan to. */
  include?: string | string[];
  /** CSS selector(s) to leave out of the scan. */
  exclude?: string | string[];
  /** axe rule ids to switch off (say why in the test). */
  disableRules?: string[];
  /** Run only these axe rule ids (instead of every WCAG A/AA rule). */
  onlyRules?: string[];
}

/** Where a test file's time goes, printed at the end of the file with GT_BROWSER_TIMINGS=1. */
const timings = { launchMs: 0, contextMs: 0, signInMs: 0, axeMs: 0, axeRuns: 0 };

async function launchBrowser(): Promise<Browser> {
  const started = performance.now();
  try {
    return await launchChromium();
  } finally {
    timings.launchMs += performance.now() - started;
  }
}

/**
 * Debian's headless shell (package chromium-headless-shell, the same Chromium build without the
 * browser's own interface) when installed: it does the same rendering at half the CPU per
 * navigation (docs/decisions/0017-headless-shell-for-browser-tests.md); the full browser otherwise.
 */
const DEFAULT_CHROMIUMS = ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'];

async function launchChromium(): Promise<Browser> {
  const executablePath =
    process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUMS.find((path) => existsSync(path)) ?? '/usr/bin/chromium';
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
      // A renderer kept warm for the next page: in tests it is mostly never used, and each costs
      // CPU that the integration step, running beside, needs.
      '--disable-features=SpareRendererForSitePerProcess',
    ],
  });
}

/**
 * A page in a fresh browser context set up like a UK user's browser.
 * Close it with `await page.context().close()` (or just close the browser).
 */
async function newPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const started = performance.now();
  try {
    const context = await browser.newContext({ timezoneId: 'Europe/London', locale: 'en-GB', ...options });
    return await context.newPage();
  } finally {
    timings.contextMs += performance.now() - started;
  }
}

export interface BrowserSession {
  readonly browser: Browser;
  /** This file's page: its cookies are cleared before every test. */
  readonly page: Page;
  /** Another page in another fresh context (a second person), closed after the test. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
}

/**
 * One Chromium for the whole run: the browser files run one after another in one worker that
 * keeps its modules (`isolate: false`), so the launch is paid once. Playwright ends it when the
 * worker exits, and the test step's process group takes it down if the step is cut short.
 */
let sharedBrowser: Promise<Browser> | undefined;
function runBrowser(): Promise<Browser> {
  sharedBrowser ??= launchBrowser().catch((error: unknown) => {
    sharedBrowser = undefined;
    throw error;
  });
  return sharedBrowser;
}

/**
 * A page per test file, its cookies cleared before every test, so no test depends on who another
 * test signed in as or where it left the browser: every test starts by visiting its own page.
 * The page (not a fresh context per test) is kept on purpose: each new page costs Chromium three
 * or four new renderer processes (about a second of CPU), which was a fifth of the browser step.
 * A test that needs a second person takes `newPage()`, a fresh context closed after the test.
 * Call at the top of a describe block.
 */
export function useBrowser(options: BrowserContextOptions = {}): BrowserSession {
  let browser: Browser | undefined;
  let page: Page | undefined;
  const others: BrowserContext[] = [];
  const session: BrowserSession = {
    get browser() {
      if (!browser) throw new Error('useBrowser: the browser is only there inside tests and hooks');
      return browser;
    },
    get page() {
      if (!page) throw new Error('useBrowser: the page is only there inside a test');
      return page;
    },
    async newPage(extra = {}) {
      const another = await newPage(session.browser, { ...options, ...extra });
      others.push(another.context());
      return another;
    },
  };
  beforeAll(async () => {
    browser = await runBrowser();
    page = await newPage(browser, options);
  });
  beforeEach(async () => {
    await page?.context().clearCookies();
  });
  afterEach(async () => {
    await Promise.all(others.splice(0).map((context) => context.close()));
  });
  afterAll(async () => {
    await page?.context().close();
    page = undefined;
  });
  return session;
}

// Registered while the test file that imports this helper is being collected: runs after its tests.
if (process.env.GT_BROWSER_TIMINGS) afterAll(printTimings);

function printTimings(): void {
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  console.log(
    `browser timings: launch ${seconds(timings.launchMs)}, contexts ${seconds(timings.contextMs)}, ` +
      `cookie sign-in ${seconds(timings.signInMs)}, axe ${seconds(timings.axeMs)} ` +
      `(${timings.axeRuns} runs)`,
  );
}

function list(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** Human-readable description of axe violations, one block per rule. */
function formatAxeViolations(violations: AxeViolation[], where: string): string {
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
 * Run axe (WCAG 2.0/2.1 A+AA and 2.2 AA rules only) on the page and throw a readable error listing
 * every violation (rule id, impact, help, target selectors). Returns the full axe results when there
 * are none.
 *
 * Cheap by design: axe-core is injected once per document (not once per check, and without the
 * blank page @axe-core/playwright opens for every analysis; our pages have no frames). Every call
 * runs axe: skipping a page state already checked was tried and found no repeats to skip.
 */
export async function expectNoAxeViolations(page: Page, context: AxeCheckContext = {}): Promise<AxeResults> {
  // A click that navigates returns once the new document has started; on a busy machine axe could
  // then read a half-parsed page (a footer link without its text yet) and report a false violation.
  await page.waitForLoadState('load');
  const results = await axeResults(page, context);
  if (results.violations.length > 0) {
    const error = new Error(formatAxeViolations(results.violations, page.url()));
    error.name = 'AxeViolationsError';
    throw error;
  }
  return results;
}

/** axe's results for the page as it is now, violations included (for tests that sift them). */
export async function axeResults(page: Page, context: AxeCheckContext = {}): Promise<AxeResults> {
  const started = performance.now();
  try {
    const results = await runAxe(page, context);
    timings.axeRuns += 1;
    return results;
  } finally {
    timings.axeMs += performance.now() - started;
  }
}

/** Origins that do not serve axe-core (a page outside the test app): their pages are sent it. */
const originsWithoutAxeScript = new Set<string>();

/**
 * Puts axe-core in the page once per document: loaded as a script from the page's own origin,
 * which a test app serves (test/helpers/axe-script.ts), from the browser's cache after the first
 * page; else its source is sent in. The script element is removed once run: axe sees the page as is.
 */
async function injectAxe(page: Page): Promise<void> {
  const origin = new URL(page.url()).origin;
  const fromOrigin = origin !== 'null' && !originsWithoutAxeScript.has(origin);
  const state = await page.evaluate<'present' | 'loaded' | 'absent'>(`new Promise((resolve) => {
    if (typeof window.axe === 'object') return resolve('present');
    if (!${fromOrigin}) return resolve('absent');
    const script = document.createElement('script');
    script.src = '${AXE_SCRIPT_PATH}';
    script.onload = () => { script.remove(); resolve('loaded'); };
    script.onerror = () => { script.remove(); resolve('absent'); };
    (document.head ?? document.documentElement).append(script);
  })`);
  if (state !== 'absent') return;
  if (fromOrigin) originsWithoutAxeScript.add(origin);
  await page.evaluate(axeSource());
}

/**
 * Colour contrast is most of axe's time (70–100% of it on our list and plan pages), and it gives
 * the same answer wherever text is styled the same way. So each check runs every other rule on the
 * whole page, and colour contrast only on the elements that show text in a styling context this
 * run has not checked yet (on a page like the last, a handful). A context is the chain of tags,
 * classes and inline styles from <body> down to the element: the only inputs our CSS (the GOV.UK
 * and MoJ frontends and app.css) selects colours by. GT_AXE_EVERY_CONTRAST=1 checks every element.
 */
const contrastCheckedContexts = new Set<string>();
const CONTRAST_MARK = 'data-gt-check-contrast';

/**
 * What axe loads before its rules run. By default it also copies every rule of every style sheet
 * into a document of its own (the "cssom" asset: 230 KB of GOV.UK and MoJ CSS on our pages, 5 to
 * 25 ms of a 35 to 70 ms run) whenever any rule that preloads is on. Only css-orientation-lock reads
 * that copy, and it is tagged experimental, which the WCAG tag filter leaves out: the copy was
 * made for nothing. The media asset is kept for no-autoplay-audio, the other rule that preloads.
 */
const PRELOAD = { assets: ['media'] };

/**
 * Marks the elements that show text in a context not in `known` (the whole page when `known` is
 * null) and answers their contexts. A string, read in the page: this project has no DOM types.
 */
const MARK_NEW_TEXT_CONTEXTS = `(known) => {
  const checked = new Set(known ?? []);
  const describe = (element) =>
    element.tagName + [...element.classList].sort().map((name) => '.' + name).join('') +
    (element.getAttribute('style') ? '[style=' + element.getAttribute('style') + ']' : '') +
    (element.hasAttribute('disabled') ? '[disabled]' : '') +
    (element.hasAttribute('aria-current') ? '[current]' : '');
  const showsText = (element) =>
    ['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON'].includes(element.tagName) ||
    [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent.trim() !== '');
  const found = new Set();
  for (const element of document.body.querySelectorAll('*')) {
    if (!showsText(element)) continue;
    const chain = [];
    for (let at = element; at && at !== document.documentElement; at = at.parentElement) chain.push(describe(at));
    const context = chain.reverse().join('>');
    if (known && checked.has(context)) continue;
    element.setAttribute('${CONTRAST_MARK}', '');
    found.add(context);
  }
  return [...found];
}`;

/**
 * axe.run in the page, colour contrast limited to the elements matching `contrastOn` (every
 * element: '*'), and any marks for it removed afterwards.
 */
function evaluateAxe(page: Page, scope: unknown, options: unknown, contrastOn: string): Promise<AxeResults> {
  return page.evaluate(
    async ([scope, axeOptions, contrastOn, mark]) => {
      const { axe, document } = globalThis as unknown as {
        axe: { configure(c: unknown): void; run(c: unknown, o: unknown): Promise<AxeResults> };
        document: { querySelectorAll(s: string): Iterable<{ removeAttribute(name: string): void }> };
      };
      try {
        axe.configure({ rules: [{ id: 'color-contrast', selector: contrastOn }] });
        return await axe.run(scope, axeOptions);
      } finally {
        for (const element of document.querySelectorAll(`[${mark}]`)) element.removeAttribute(mark);
      }
    },
    [scope, options, contrastOn, CONTRAST_MARK] as const,
  );
}

async function runAxe(page: Page, context: AxeCheckContext): Promise<AxeResults> {
  await injectAxe(page);
  const include = list(context.include);
  const exclude = list(context.exclude);
  // resultTypes: every element is still checked against every rule, but only violations are
  // reported node by node (passes and the rest keep one example each), which spares axe building a
  // selector for every passing element: about half of its time on our pages.
  const resultTypes = ['violations'];
  if (include.length || exclude.length || context.onlyRules || context.disableRules) {
    // A scoped check (part of the page, or chosen rules, which may name css-orientation-lock) runs
    // as axe does by default: colour contrast on every element it covers, every asset preloaded.
    const rules = Object.fromEntries((context.disableRules ?? []).map((id) => [id, { enabled: false }]));
    // Only the given rules when asked (instead of the tag filter, as AxeBuilder's withRules does).
    const runOnly = context.onlyRules?.length
      ? { type: 'rule', values: context.onlyRules }
      : { type: 'tag', values: [...WCAG_TAGS] };
    const scope =
      include.length || exclude.length
        ? { include: include.length ? include.map((s) => [s]) : [['html']], exclude: exclude.map((s) => [s]) }
        : { exclude: [] };
    return evaluateAxe(page, scope, { runOnly, resultTypes, rules }, '*');
  }
  const every = process.env.GT_AXE_EVERY_CONTRAST === '1';
  const contexts = await page.evaluate<string[]>(
    `(${MARK_NEW_TEXT_CONTEXTS})(${JSON.stringify(every ? null : [...contrastCheckedContexts])})`,
  );
  const results = await evaluateAxe(
    page,
    { exclude: [] },
    {
      runOnly: { type: 'tag', values: [...WCAG_TAGS] },
      resultTypes,
      rules: contexts.length ? {} : { 'color-contrast': { enabled: false } },
      preload: PRELOAD,
    },
    `[${CONTRAST_MARK}]`,
  );
  for (const checked of contexts) contrastCheckedContexts.add(checked);
  return results;
}

/**
 * Signs the page's context in as someone already signed in on the server (a test agent), by setting
 * the session cookie the sign-in page would have set: for tests that are not about signing in.
 */
export async function signInAs(page: Page, baseUrl: string, agent: { cookie: string }): Promise<void> {
  const started = performance.now();
  const separator = agent.cookie.indexOf('=');
  await page.context().addCookies([
    {
      name: agent.cookie.slice(0, separator),
      value: agent.cookie.slice(separator + 1),
      url: baseUrl,
      httpOnly: true,
      sameSite: 'Lax',
    },
  ]);
  timings.signInMs += performance.now() - started;
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
