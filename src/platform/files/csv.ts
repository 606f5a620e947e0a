/** CSV as spreadsheets read it: RFC 4180 quoting, CRLF lines, UTF-8. */
import { neutraliseFormula } from './formulas.ts';

/**
 * Text that starts like a formula (=, +, -, @, tab, CR) is prefixed with an apostrophe so that a
 * spreadsheet keeps it as text (formulas.ts); numbers, and text that is a plain number, are left
 * alone, so amounts still add up. Always on: a file the import reads back undoes it (restoreFormula).
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  // Cells are strings, numbers, booleans or null (see the callers), never objects.
  // eslint-disable-next-line @typescript-eslint/no-base-to-string
  const text = typeof value === 'string' ? neutraliseFormula(value) : String(value);
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function writeCsv(headers: readonly string[], rows: readonly (readonly unknown[])[]): Buffer {
  const line = (cells: readonly unknown[]) => cells.map((cell) => csvCell(cell)).join(',');
  const lines = [line(headers)];
  for (const row of rows) lines.push(line(row));
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}
