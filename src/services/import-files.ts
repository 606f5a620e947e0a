/**
 * Reading and writing the import/export files: CSV (csv-parse, streamed, any of UTF-8 with or
 * without BOM or Windows-1252) and XLSX (exceljs, the first worksheet). Rows come out as text
 * cells with the line (CSV) or row number (XLSX) a person sees in their spreadsheet.
 */
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';

export type FileFormat = 'csv' | 'xlsx';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface TableRow {
  line: number;
  cells: string[];
}

export interface FileLimits {
  maxBytes: number;
  maxRows: number;
}

/** A problem with the file as a whole (not one row): wrong format, too big, unreadable. */
export class FileProblem extends Error {}

const formatNumber = (n: number) => (Number.isInteger(n) ? String(n) : String(n));

function decode(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    // Spreadsheets saved as "CSV" on Windows are often Windows-1252 (the £ sign is one byte).
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

function megabytes(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}

export function checkSize(bytes: number, limits: FileLimits): void {
  if (bytes === 0) throw new FileProblem('The file is empty');
  if (bytes > limits.maxBytes) {
    throw new FileProblem(
      `The file is ${megabytes(bytes)}, more than the ${megabytes(limits.maxBytes)} this import takes: split it into smaller files, or use the command-line import (npm run cli -- import …)`,
    );
  }
}

async function* csvRows(bytes: Buffer): AsyncGenerator<TableRow> {
  const text = decode(bytes).replace(/^\uFEFF/, '');
  if (text.includes('\u0000'))
    throw new FileProblem(
      'The file is not a CSV text file (it contains binary data): save it as CSV or upload it as .xlsx',
    );
  const parser = Readable.from([text]).pipe(
    parse({ relax_column_count: true, skip_empty_lines: true, info: true, max_record_size: 100_000 }),
  );
  try {
    for await (const entry of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      // Lines of a whitespace-only record are skipped like empty ones.
      if (entry.record.every((cell) => cell.trim() === '')) continue;
      yield { line: entry.info.lines, cells: entry.record };
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new FileProblem(`The file is not valid CSV: ${message.replace(/^Invalid /, 'invalid ')}`);
  }
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('error' in value) return String(value.error);
  }
  return String(value);
}

async function* xlsxRows(bytes: Buffer): AsyncGenerator<TableRow> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new FileProblem(
      'The file is not a valid Excel workbook (.xlsx): open it in a spreadsheet and save it again as .xlsx or CSV',
    );
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new FileProblem('The workbook has no worksheets');
  const width = sheet.columnCount;
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let column = 1; column <= width; column++) cells.push(cellText(row.getCell(column).value));
    if (cells.some((cell) => cell.trim() !== '')) rows.push({ line: rowNumber, cells });
  });
  yield* rows;
}

/** The header row and the data rows of a file, with the row limit applied as it reads. */
export async function readTable(
  bytes: Buffer,
  format: FileFormat,
  limits: FileLimits,
): Promise<{ header: string[]; rows: AsyncGenerator<TableRow> }> {
  checkSize(bytes.length, limits);
  const source = format === 'csv' ? csvRows(bytes) : xlsxRows(bytes);
  const first = await source.next();
  if (first.done) throw new FileProblem('The file has no header row: the first row must name the columns');
  async function* limited(): AsyncGenerator<TableRow> {
    let count = 0;
    for await (const row of source) {
      count += 1;
      if (count > limits.maxRows) {
        throw new FileProblem(
          `The file has more than ${limits.maxRows.toLocaleString('en-GB')} rows, the most one import takes: split it into smaller files`,
        );
      }
      yield row;
    }
  }
  return { header: first.value.cells, rows: limited() };
}

// --- writing ---------------------------------------------------------------------------------------

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : String(value);
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function writeCsv(headers: readonly string[], rows: readonly (readonly unknown[])[]): Buffer {
  const lines = [headers.map(csvCell).join(',')];
  for (const row of rows) lines.push(row.map(csvCell).join(','));
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}

export async function writeXlsx(
  sheetName: string,
  headers: readonly string[],
  rows: readonly (readonly unknown[])[],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Golden Thread';
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow([...headers]).font = { bold: true };
  // Text stays text (a code like 0012 or a formula-looking comment is not reinterpreted).
  for (const row of rows) sheet.addRow(row.map((cell) => (cell === null || cell === undefined ? '' : cell)));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
