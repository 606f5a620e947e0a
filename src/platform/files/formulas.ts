/**
 * Spreadsheet formula injection (CSV injection): a cell that starts with `=`, `+`, `-` or `@` (or a
 * tab or carriage return, which some spreadsheets skip before looking) is run as a formula when the
 * file is opened, so text someone typed (`=HYPERLINK("http://evil","Click")`) could fetch or send
 * data. Every CSV and Excel export passes text through `neutraliseFormula`; every import passes it
 * through `restoreFormula`, so that a file exported and imported again says what it said.
 */

const FORMULA_START = /^[=+\-@\t\r]/;
/** A number as the exports write them (-1234.50, +3, 1e-5): a spreadsheet reads it as the number it is. */
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/** What `neutraliseFormula` adds a quote to, once neutralised: a quote and a formula start. */
const NEUTRALISED = /^'+[=+\-@\t\r]/;

/**
 * The text with a leading apostrophe if a spreadsheet would take it for a formula; a plain number
 * is left alone. Text that already starts with apostrophes before a formula start gets one more, so
 * that `restoreFormula` can always take exactly one away.
 */
export function neutraliseFormula(text: string): string {
  if (FORMULA_START.test(text)) return PLAIN_NUMBER.test(text) ? text : `'${text}`;
  return NEUTRALISED.test(text) ? `'${text}` : text;
}

/** Undoes `neutraliseFormula` on a cell read from an import file. */
export function restoreFormula(text: string): string {
  return NEUTRALISED.test(text) ? text.slice(1) : text;
}

/** A cell for an export: strings neutralised, anything else (numbers, dates, null) as it is. */
export function safeCell<T>(value: T): T | string {
  return typeof value === 'string' ? neutraliseFormula(value) : value;
}
