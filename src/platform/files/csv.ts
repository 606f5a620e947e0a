/** CSV as spreadsheets read it: RFC 4180 quoting, CRLF lines, UTF-8. */

export interface CsvOptions {
  /**
   * Text a person typed (a reason, a name) that starts like a formula (=, +, -, @) is opened by
   * a spreadsheet as one: prefixed with an apostrophe, it stays text. Off for files the import
   * reads back, whose cells are the app's own values and numbers.
   */
  guardFormulas?: boolean;
}

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: unknown, options: CsvOptions = {}): string {
  if (value === null || value === undefined) return '';
  // Cells are strings, numbers, booleans or null (see the callers), never objects.
  // eslint-disable-next-line @typescript-eslint/no-base-to-string
  let text = typeof value === 'string' ? value : String(value);
  if (options.guardFormulas && typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function writeCsv(
  headers: readonly string[],
  rows: readonly (readonly unknown[])[],
  options: CsvOptions = {},
): Buffer {
  const line = (cells: readonly unknown[]) => cells.map((cell) => csvCell(cell, options)).join(',');
  const lines = [line(headers)];
  for (const row of rows) lines.push(line(row));
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}
