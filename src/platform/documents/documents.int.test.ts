/**
 * Each output opened by another program: LibreOffice converts the Word and Excel files (one start
 * per format), poppler renders and reads the PDF, and the figures they show are the HTML's.
 * Slow by nature (LibreOffice, Chromium), so this file stays small and LibreOffice starts once. Needs soffice, pdftoppm and
 * pdftotext (scripts/setup-test-machine.sh installs them) and Chromium.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDocumentHtml } from './render-html.ts';
import { renderDocx } from './render-docx.ts';
import { closePdfBrowser, renderPdf } from './render-pdf.ts';
import { renderXlsx } from './render-xlsx.ts';
import { sampleDocument } from './test/sample-document.ts';

const run = promisify(execFile);
const TOOLS = {
  soffice: 'libreoffice-writer-nogui libreoffice-calc-nogui',
  pdftoppm: 'poppler-utils',
  pdftotext: 'poppler-utils',
};

function requireTools(): void {
  const missing = Object.entries(TOOLS).filter(
    ([tool]) => !['/usr/bin', '/usr/local/bin'].some((dir) => existsSync(path.join(dir, tool))),
  );
  if (missing.length > 0) {
    throw new Error(
      `Missing ${missing.map(([tool]) => tool).join(', ')}: install with ` +
        `\`apt-get install -y ${[...new Set(missing.map(([, pkg]) => pkg))].join(' ')}\` (scripts/setup-test-machine.sh does it as root).`,
    );
  }
}

/**
 * LibreOffice converts files to PDF in one start (its start is most of the time), in its own
 * profile so it never meets another run's lock; a file it could not open leaves no PDF.
 */
async function convertWithLibreOffice(dir: string, files: string[]): Promise<void> {
  const profile = `file://${path.join(dir, 'lo-profile')}`;
  await run(
    'soffice',
    [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, ...files],
    { timeout: 120_000 },
  );
}

function convertedPdf(file: string): string {
  const pdf = file.replace(/\.\w+$/, '.pdf');
  if (!existsSync(pdf)) throw new Error(`LibreOffice did not convert ${path.basename(file)}`);
  return pdf;
}

async function pdfText(file: string): Promise<string> {
  return (await run('pdftotext', ['-layout', file, '-'], { timeout: 30_000 })).stdout;
}

/** The figures a reader sees in the document, taken from its HTML tables. */
function figuresIn(html: string): string[] {
  return [...html.matchAll(/<td class="numeric">([^<]+)<\/td>/g)].map((match) => match[1]!);
}

describe('documents opened by other programs', () => {
  const document = sampleDocument();
  const html = renderDocumentHtml(document);
  let dir: string;
  let docx: string;
  let xlsx: string;
  let xlsxBytes: Buffer;

  beforeAll(async () => {
    requireTools();
    dir = mkdtempSync(path.join(tmpdir(), 'gt-documents-'));
    docx = path.join(dir, 'report.docx');
    xlsx = path.join(dir, 'data.xlsx');
    xlsxBytes = await renderXlsx(document);
    writeFileSync(docx, await renderDocx(document));
    writeFileSync(xlsx, xlsxBytes);
    await convertWithLibreOffice(dir, [docx, xlsx]);
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('the HTML has figures to compare against', () => {
    expect(figuresIn(html)).toEqual(['91.25%', '1,234', '-7.5', '87.5%', '91.25%']);
  });

  it('LibreOffice opens the Word file and prints its headings, tables and figures', async () => {
    const text = await pdfText(convertedPdf(docx));
    for (const words of [
      'Quarterly performance report',
      'Key measures',
      'Missed by 4 (Red)',
      'Household waste recycled by quarter',
    ])
      expect(text).toContain(words);
    for (const figure of figuresIn(html)) expect(text).toContain(figure);
  });

  it('the Excel file reads back with exceljs, and LibreOffice opens it', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsxBytes as unknown as ArrayBuffer);
    expect(workbook.worksheets).toHaveLength(3);
    const text = await pdfText(convertedPdf(xlsx));
    expect(text).toContain('Household waste recycled');
    expect(text).toContain("'=SUM(A1:A9) days to process");
    expect(text).toMatch(/1,?234/);
  });

  it('Chromium prints a tagged A4 PDF that poppler renders, with the HTML figures in its text', async () => {
    const file = path.join(dir, 'report.pdf');
    const pdf = await renderPdf(html);
    writeFileSync(file, pdf);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.includes('/StructTreeRoot')).toBe(true);
    const text = await pdfText(file);
    for (const figure of figuresIn(html)) expect(text).toContain(figure);
    expect(text).toContain('Missed by 4 (Red)');
    const { stdout: info } = await run('pdfinfo', [file]);
    expect(info).toMatch(/^Page size:.*\(A4\)$/m);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(/^Title:\s+Quarterly performance report$/m);
    await run('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', file, path.join(dir, 'page')], {
      timeout: 30_000,
    });
    const png = readFileSync(path.join(dir, 'page-1.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  it('prints several PDFs at once with the one kept Chromium, and launches another once it is closed', async () => {
    const pdfs = await Promise.all([renderPdf(html), renderPdf(html)]);
    await closePdfBrowser();
    pdfs.push(await renderPdf(html));
    await closePdfBrowser();
    for (const pdf of pdfs) expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
