import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

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
 * A standalone HTML document (renderDocumentHtml's) printed to an A4 PDF by headless Chromium, with
 * its print stylesheet and backgrounds, tagged for assistive technology and with an outline from
 * its headings. One browser per call, closed whatever happens, and nothing fetched from the
 * network: the HTML carries everything it shows.
 */
export async function renderPdf(html: string, options: PdfOptions = {}): Promise<Buffer> {
  const timeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    timeout,
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    const printing = (async () => {
      const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
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
    return await Promise.race([printing, expired]);
  } finally {
    clearTimeout(timer);
    await browser.close();
  }
}
