import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

export interface PdfOptions {
  /** How long the whole rendering may take before it is abandoned (milliseconds). */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;

/** The Chromium to print with: CHROMIUM_PATH, or Debian's. */
function chromiumPath(): string {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium not found at ${executablePath}: PDF documents need it. Install it with ` +
        '`apt-get install -y chromium` or set CHROMIUM_PATH to a Chromium executable.',
    );
  }
  return executablePath;
}

/**
 * One Chromium per process, launched on the first PDF and shared by the ones after: a launch costs
 * about a second of CPU (ten when the machine is busy), printing a page a fraction of that. It is
 * closed after a minute without a PDF (the timer does not keep the process alive) and relaunched
 * if it has crashed or been closed.
 */
const IDLE_CLOSE_MS = 60_000;
let shared: Promise<Browser> | undefined;
let idleTimer: NodeJS.Timeout | undefined;
let printing = 0;

function browserFor(timeout: number): Promise<Browser> {
  if (!shared) {
    const launching = chromium.launch({
      executablePath: chromiumPath(),
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
      timeout,
    });
    shared = launching;
    launching.then(
      (browser) => browser.on('disconnected', () => shared === launching && (shared = undefined)),
      () => shared === launching && (shared = undefined),
    );
  }
  return shared;
}

function closeWhenIdle(): void {
  clearTimeout(idleTimer);
  if (printing > 0) return;
  idleTimer = setTimeout(() => void closePdfBrowser(), IDLE_CLOSE_MS);
  idleTimer.unref();
}

/** Closes the shared Chromium now (the app's close and the idle timer call it); safe to call twice. */
export async function closePdfBrowser(): Promise<void> {
  clearTimeout(idleTimer);
  const browser = shared;
  shared = undefined;
  if (browser) await browser.then((open) => open.close()).catch(() => undefined);
}

/**
 * A standalone HTML document (renderDocumentHtml's) printed to an A4 PDF by headless Chromium, with
 * its print stylesheet and backgrounds, tagged for assistive technology and with an outline from
 * its headings. Each PDF has its own browser context, closed whatever happens, and nothing fetched
 * from the network: the HTML carries everything it shows.
 */
export async function renderPdf(html: string, options: PdfOptions = {}): Promise<Buffer> {
  const timeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  printing += 1;
  clearTimeout(idleTimer);
  let timer: NodeJS.Timeout | undefined;
  let context: BrowserContext | undefined;
  try {
    const print = (async () => {
      const browser = await browserFor(timeout);
      context = await browser.newContext({ javaScriptEnabled: false, offline: true });
      const page = await context.newPage();
      page.setDefaultTimeout(timeout);
      await page.setContent(html, { waitUntil: 'load' });
      await page.emulateMedia({ media: 'print' });
      return page.pdf({
        format: 'A4',
        printBackground: true,
        tagged: true,
        outline: true,
        margin: { top: '15mm', bottom: '15mm', left: '15mm', right: '15mm' },
      });
    })();
    const expired = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`The PDF took longer than ${timeout} ms to print`)), timeout);
    });
    return await Promise.race([print, expired]);
  } finally {
    clearTimeout(timer);
    printing -= 1;
    await context?.close().catch(() => undefined);
    closeWhenIdle();
  }
}
