/**
 * Reading and writing the import/export files: CSV (RFC 4180, UTF-8 with or without BOM, or
 * Windows-1252) and XLSX (exceljs, the first worksheet). Rows come out in batches as text cells
 * with the line (CSV) or row number (XLSX) a person sees in their spreadsheet.
 */
import ExcelJS from 'exceljs';
import { checkWorkbook, megabytes, WorkbookRefused } from './xlsx-guard.ts';
import { restoreFormula, safeCell } from '../../platform/files/formulas.ts';
import { phrase, storePhrase, type Phrase, type PhraseParam } from '../../kernel/phrase.ts';
import { say, type Catalogue } from '../../platform/words/index.ts';
import { refuse } from '../../platform/services/errors.ts';
export { writeCsv } from '../../platform/files/csv.ts';

export type FileFormat = 'csv' | 'xlsx';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface TableRow {
  line: number;
  cells: string[];
}

export interface FileLimits {
  maxBytes: number;
  maxRows: number;
  /** The most a workbook (.xlsx, a zip archive) may unpack to; DEFAULT_MAX_UNPACKED_BYTES when absent. */
  maxUnpackedBytes?: number;
}

/** A workbook unpacking to more than this is refused before it is read (a zip bomb runs the server out of memory). */
const DEFAULT_MAX_UNPACKED_BYTES = 50 * 1024 * 1024;
/** No import has more columns than this; a worksheet using more is refused before it is read. */
const MAX_XLSX_COLUMNS = 200;

/**
 * A problem with the file as a whole (not one row): wrong format, too big, unreadable. Its message
 * is a stored phrase (importFileRefusals, importWorkbookRefusals), said where the refusal leaves the app.
 */
export class FileProblem extends Error {
  constructor(readonly said: Phrase) {
    super(storePhrase(said));
  }
}

type Refusal = keyof Catalogue['importFileRefusals'];

/**
 * The import's refusal of a file, in words: said where it is made, as the header row's problems
 * are (the service's callers, the command line and the job's page among them, get words).
 */
export const refuseFile = (problem: FileProblem) => refuse('invalid', say(problem.said), 'file');

const refusal = (code: Refusal, params?: Record<string, PhraseParam>) =>
  new FileProblem(phrase(`importFileRefusals.${code}`, params));
/** A count as the words show it: 30,000. */
const grouped = (n: number) => n.toLocaleString('en-GB');

const formatNumber = (n: number) => (Number.isInteger(n) ? String(n) : String(n));

function decode(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    // Spreadsheets saved as "CSV" on Windows are often Windows-1252 (the £ sign is one byte).
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

export function checkSize(bytes: number, limits: FileLimits): void {
  if (bytes === 0) throw refusal('empty');
  if (bytes > limits.maxBytes) {
    throw refusal('tooBig', { size: megabytes(bytes), limit: megabytes(limits.maxBytes) });
  }
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;
/** Rows handed over at a time; between batches the event loop serves other requests. */
const BATCH_ROWS = 20_000;
/** A record longer than this is not a spreadsheet row: the file is probably not CSV. */
const MAX_RECORD_CHARS = 100_000;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

const invalidCsv = (why: Refusal, params: Record<string, PhraseParam>) =>
  refusal('notCsv', { why: phrase(`importFileRefusals.${why}`, params) });

/**
 * RFC 4180 CSV: cells separated by commas, records by CRLF, LF or CR; a cell in double quotes may
 * hold commas, line breaks and doubled quotes (""). A quote inside an unquoted cell, text after a
 * closing quote and an unclosed quote are refused with the line they are on. Records may have
 * different numbers of cells; empty and whitespace-only lines are skipped. Each row carries the
 * line it starts on (a cell with line breaks spans several lines).
 *
 * Hand-written rather than csv-parse because an import of a million rows spent most of its time
 * parsing; csv-parse remains the reference in the tests (import-files.test.ts).
 */
export function* csvRecords(text: string): Generator<TableRow[]> {
  const n = text.length;
  let i = 0;
  let line = 1;
  let batch: TableRow[] = [];
  while (i < n) {
    const startLine = line;
    const recordStart = i;
    const cells: string[] = [];
    let blank = true;
    for (;;) {
      let c = i < n ? text.charCodeAt(i) : LF;
      if (c === QUOTE) {
        let from = i + 1;
        let value = '';
        for (;;) {
          const close = text.indexOf('"', from);
          if (close < 0) throw invalidCsv('csvUnclosedQuote', { line });
          if (text.charCodeAt(close + 1) === QUOTE) {
            value += text.slice(from, close + 1);
            from = close + 2;
            continue;
          }
          value += text.slice(from, close);
          // Line breaks inside the quotes move the line count on.
          for (let k = i + 1; k < close; k++) {
            const q = text.charCodeAt(k);
            if (q === LF || (q === CR && text.charCodeAt(k + 1) !== LF)) line += 1;
          }
          i = close + 1;
          break;
        }
        cells.push(value);
        if (blank && value.trim() !== '') blank = false;
        c = i < n ? text.charCodeAt(i) : LF;
        if (c === COMMA) {
          i += 1;
          continue;
        }
        if (c !== LF && c !== CR) {
          throw invalidCsv('csvTextAfterQuote', { line, text: JSON.stringify(text.slice(i, i + 10)) });
        }
      } else {
        let j = i;
        while (j < n) {
          c = text.charCodeAt(j);
          if (c === COMMA || c === LF || c === CR) break;
          if (c === QUOTE) {
            throw invalidCsv('csvQuoteInCell', { line });
          }
          j += 1;
        }
        if (j >= n) c = LF;
        const value = text.slice(i, j);
        cells.push(value);
        if (blank && value.trim() !== '') blank = false;
        i = j;
        if (c === COMMA) {
          i += 1;
          continue;
        }
      }
      // End of the record: a line break (CRLF, LF or CR) or the end of the text.
      if (i < n) {
        if (text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF) i += 2;
        else i += 1;
        line += 1;
      }
      break;
    }
    if (i - recordStart > MAX_RECORD_CHARS) {
      throw invalidCsv('csvRowTooLong', { line: startLine, limit: grouped(MAX_RECORD_CHARS) });
    }
    if (blank) continue;
    batch.push({ line: startLine, cells });
    if (batch.length === BATCH_ROWS) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

async function* csvRows(bytes: Buffer): AsyncGenerator<TableRow[]> {
  const text = decode(bytes).replace(/^\uFEFF/, '');
  if (text.includes('\u0000')) throw refusal('binary');
  for (const batch of csvRecords(text)) {
    yield batch;
    await yieldToEventLoop();
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
    if ('result' in value && value.result !== undefined) return cellText(value.result);
    // A formula saved without its result (written by a program, never opened in a spreadsheet):
    // the formula itself, so a problem with the cell quotes what the person typed.
    if ('formula' in value && typeof value.formula === 'string') return `=${value.formula}`;
    if ('error' in value) return String(value.error);
  }
  // Anything left (a shared formula without its result, a cell kind exceljs may add later) has no
  // text of its own: "[object Object]" in a row's problem would only puzzle the person.
  return '';
}

async function* xlsxRows(bytes: Buffer, limits: FileLimits): AsyncGenerator<TableRow[]> {
  try {
    checkWorkbook(bytes, {
      maxUnpackedBytes: limits.maxUnpackedBytes ?? DEFAULT_MAX_UNPACKED_BYTES,
      // The header row, then the data rows.
      maxRowNumber: limits.maxRows + 1,
      maxColumns: MAX_XLSX_COLUMNS,
    });
  } catch (error) {
    if (error instanceof WorkbookRefused) throw new FileProblem(error.said);
    throw error;
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw refusal('notWorkbook');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw refusal('noWorksheets');
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    // Each row as long as its own last cell (readers treat missing cells as empty), not the sheet's widest.
    const cells: string[] = Array.from({ length: row.cellCount }, () => '');
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      const text = cellText(cell.value);
      // A workbook can spell a NUL character (`_x0000_`), which no database text can hold.
      if (text.includes('\u0000')) throw refusal('nulCell', { row: rowNumber, column });
      cells[column - 1] = text;
    });
    if (cells.some((cell) => cell.trim() !== '')) rows.push({ line: rowNumber, cells });
  });
  for (let i = 0; i < rows.length; i += BATCH_ROWS) yield rows.slice(i, i + BATCH_ROWS);
}

/** Text the exports neutralised against formulas (`'=…`) reads back as it was written. */
async function* restored(source: AsyncGenerator<TableRow[]>): AsyncGenerator<TableRow[]> {
  for await (const batch of source)
    yield batch.map((row) => ({ line: row.line, cells: row.cells.map(restoreFormula) }));
}

/** The header row and the data rows of a file in batches, with the row limit applied as it reads. */
export async function readTable(
  bytes: Buffer,
  format: FileFormat,
  limits: FileLimits,
): Promise<{ header: string[]; batches: AsyncGenerator<TableRow[]> }> {
  checkSize(bytes.length, limits);
  const source = restored(format === 'csv' ? csvRows(bytes) : xlsxRows(bytes, limits));
  const first = await source.next();
  const firstBatch = first.done ? [] : first.value;
  const headerRow = firstBatch[0];
  if (!headerRow) throw refusal('noHeader');
  async function* limited(): AsyncGenerator<TableRow[]> {
    let count = 0;
    const tooMany = () => refusal('tooManyRows', { limit: grouped(limits.maxRows) });
    const rest = firstBatch.slice(1);
    count += rest.length;
    if (count > limits.maxRows) throw tooMany();
    if (rest.length > 0) yield rest;
    for await (const batch of source) {
      count += batch.length;
      if (count > limits.maxRows) throw tooMany();
      yield batch;
    }
  }
  return { header: headerRow.cells, batches: limited() };
}

// --- writing ---------------------------------------------------------------------------------------

export async function writeXlsx(
  sheetName: string,
  headers: readonly string[],
  rows: readonly (readonly unknown[])[],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Golden Thread';
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow([...headers]).font = { bold: true };
  // Text stays text (a code like 0012 is not reinterpreted), and text that looks like a formula
  // gets an apostrophe, as in the CSV exports, for the day the sheet is saved as CSV or pasted.
  for (const row of rows) sheet.addRow(row.map((cell) => (cell === null || cell === undefined ? '' : safeCell(cell))));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
