/**
 * Reading a finance system's monthly extract: one row per cost centre and period, checked in full
 * before anything is written. Each problem names the line (as the spreadsheet numbers it, the
 * header being line 1) and the column. A row whose cost centre reads "TOTAL" carries control
 * totals: each amount it gives must equal the sum of the rows above and below it.
 */
import { phrase, phraseText } from '../../../kernel/phrase.ts';
import { formatMoney, sumMoney, type Money } from '../../../kernel/money.ts';
import {
  AMOUNT_FIELDS,
  AMOUNT_LABELS,
  checkLine,
  readFigures,
  type AmountField,
  type BudgetLineInput,
} from './budget-line.ts';
import { parseMonth, parseYear } from './financial-period.ts';
import { parseAmount } from './amounts.ts';
import type { VarianceBands } from './variance.ts';

/** The columns of the extract: header names as the template writes them. */
export const IMPORT_COLUMNS = {
  costCentre: 'cost_centre',
  year: 'year',
  month: 'period',
  originalBudget: 'original_budget',
  virements: 'virements',
  budgetToDate: 'budget_to_date',
  actualToDate: 'actual_to_date',
  previousForecast: 'previous_forecast',
  forecastBeforeAction: 'forecast_before_action',
  latestForecast: 'latest_forecast',
  grossExpenditureForecast: 'gross_expenditure_forecast',
  incomeForecast: 'income_forecast',
  explanation: 'explanation',
} as const;
type ColumnKey = keyof typeof IMPORT_COLUMNS;

/** The cost centre code of the row that carries control totals: a word of the file format, not of the page. */
export const TOTAL_ROW = 'TOTAL';

const REQUIRED_COLUMNS: ColumnKey[] = [
  'costCentre',
  'year',
  'month',
  'originalBudget',
  'virements',
  'budgetToDate',
  'actualToDate',
  'previousForecast',
  'forecastBeforeAction',
  'latestForecast',
];

export interface ImportRow {
  line: number;
  cells: string[];
}

export interface RowError {
  /** The line in the file (the header is line 1); 1 for a problem with the header. */
  line: number;
  /** The column's header, or '' for the row as a whole. */
  column: string;
  message: string;
}

export interface ImportCostCentre {
  id: string;
  unitId: string;
  /** A retired cost centre takes no lines from an extract. */
  retiredAt?: Date | null;
}

export interface ImportedLine extends BudgetLineInput {
  line: number;
  costCentreId: string;
  costCentreCode: string;
  unitId: string;
  startYear: number;
  month: number;
}

const normalise = (header: string) =>
  header
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

export function readRevenueExtract(
  header: readonly string[],
  rows: readonly ImportRow[],
  context: {
    bands: VarianceBands;
    costCentreByCode: ReadonlyMap<string, ImportCostCentre>;
    /** Whether the person importing may edit the budget of a cost centre in this unit. */
    mayEdit: (unitId: string) => boolean;
  },
): { lines: ImportedLine[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const position = new Map<ColumnKey, number>();
  const headers = header.map(normalise);
  for (const key of Object.keys(IMPORT_COLUMNS) as ColumnKey[]) {
    const index = headers.indexOf(IMPORT_COLUMNS[key]);
    if (index >= 0) position.set(key, index);
    else if (REQUIRED_COLUMNS.includes(key)) {
      errors.push({
        line: 1,
        column: IMPORT_COLUMNS[key],
        message: phraseText('moneyRefusals.noColumn', { column: IMPORT_COLUMNS[key] }),
      });
    }
  }
  if (errors.length > 0) return { lines: [], errors };
  const cell = (row: ImportRow, key: ColumnKey) => {
    const index = position.get(key);
    return index === undefined ? '' : (row.cells[index] ?? '').trim();
  };

  const lines: ImportedLine[] = [];
  const totalRows: ImportRow[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const code = cell(row, 'costCentre').toUpperCase();
    if (code === TOTAL_ROW) {
      totalRows.push(row);
      continue;
    }
    const rowErrors: RowError[] = [];
    const problem = (key: ColumnKey | '', message: string) =>
      rowErrors.push({ line: row.line, column: key === '' ? '' : IMPORT_COLUMNS[key], message });
    const costCentre = context.costCentreByCode.get(code);
    if (code === '') problem('costCentre', phraseText('moneyRefusals.costCentreCodeMissing'));
    else if (!costCentre) problem('costCentre', phraseText('moneyRefusals.noCostCentre', { code }));
    else if (!context.mayEdit(costCentre.unitId)) {
      problem('costCentre', phraseText('moneyRefusals.mayNotChangeCostCentre', { code }));
    } else if (costCentre.retiredAt) {
      problem('costCentre', phraseText('moneyRefusals.costCentreRetired', { code }));
    }
    const year = parseYear(cell(row, 'year'));
    if (!year.ok) problem('year', year.error.message);
    const month = parseMonth(cell(row, 'month'));
    if (!month.ok) problem('month', month.error.message);
    const cells = Object.fromEntries(AMOUNT_FIELDS.map((field) => [field, cell(row, field)])) as Record<
      AmountField,
      string
    >;
    const figures = readFigures(cells);
    if (!figures.ok) for (const error of figures.errors) problem(error.field as ColumnKey, error.message);
    const explanation = cell(row, 'explanation');
    if (figures.ok) {
      for (const error of checkLine(context.bands, { ...figures.figures, explanation })) {
        problem((error.field ?? '') as ColumnKey | '', error.message);
      }
    }
    if (costCentre && year.ok && month.ok) {
      const key = `${code}|${year.value}|${month.value}`;
      const first = seen.get(key);
      if (first !== undefined)
        problem('costCentre', phraseText('moneyRefusals.costCentreRepeated', { code, line: first }));
      else seen.set(key, row.line);
    }
    if (rowErrors.length > 0) errors.push(...rowErrors);
    else if (costCentre && year.ok && month.ok && figures.ok) {
      lines.push({
        line: row.line,
        costCentreId: costCentre.id,
        costCentreCode: code,
        unitId: costCentre.unitId,
        startYear: year.value,
        month: month.value,
        explanation,
        ...figures.figures,
      });
    }
  }
  errors.push(...checkControlTotals(totalRows, rows, cell));
  return { lines: errors.length > 0 ? [] : lines, errors };
}

/** Each amount a total row gives must be the sum of the data rows' amounts (all of them, read again). */
function checkControlTotals(
  totalRows: readonly ImportRow[],
  rows: readonly ImportRow[],
  cell: (row: ImportRow, key: ColumnKey) => string,
): RowError[] {
  const errors: RowError[] = [];
  if (totalRows.length > 1) {
    errors.push({
      line: totalRows[1]!.line,
      column: IMPORT_COLUMNS.costCentre,
      message: phraseText('moneyRefusals.moreThanOneTotal'),
    });
  }
  const total = totalRows[0];
  if (!total) return errors;
  const dataRows = rows.filter((row) => cell(row, 'costCentre').toUpperCase() !== TOTAL_ROW);
  for (const field of AMOUNT_FIELDS) {
    const given = cell(total, field);
    if (given === '') continue;
    const control = parseAmount(given, phrase('moneyRefusals.totalOf', { label: AMOUNT_LABELS[field] }));
    if (!control.ok) {
      errors.push({ line: total.line, column: IMPORT_COLUMNS[field], message: control.error.message });
      continue;
    }
    const amounts: Money[] = [];
    for (const row of dataRows) {
      const text = cell(row, field);
      const amount = text === '' ? undefined : parseAmount(text, AMOUNT_LABELS[field]);
      // A bad amount is reported on its own row; the total is checked only when every row reads.
      if (amount && !amount.ok) return errors;
      if (amount?.ok) amounts.push(amount.value);
    }
    const sum = sumMoney(amounts);
    if (sum !== control.value) {
      errors.push({
        line: total.line,
        column: IMPORT_COLUMNS[field],
        message: phraseText('moneyRefusals.totalMismatch', {
          label: AMOUNT_LABELS[field],
          control: formatMoney(control.value),
          sum: formatMoney(sum),
        }),
      });
    }
  }
  return errors;
}
