/**
 * Reading the capital programme from a CSV or Excel file: one row per scheme and year, every row
 * checked before anything is written, each problem naming its line (the header is line 1) and
 * column, as the revenue extract does.
 */
import { phraseText } from '../../../kernel/phrase.ts';
import { CAPITAL_AMOUNTS, CAPITAL_LABELS, checkCapitalYear, type CapitalYearInput } from './capital.ts';
import { parseYear } from './financial-period.ts';
import { readAmounts } from './read-amounts.ts';
import type { ImportRow, RowError } from './revenue-import.ts';
import type { VarianceBands } from './variance.ts';

export const CAPITAL_COLUMNS = {
  scheme: 'scheme',
  year: 'year',
  budget: 'budget',
  spendToDate: 'spend_to_date',
  forecast: 'forecast',
  slippage: 'slippage',
  slippageReason: 'slippage_reason',
  borrowing: 'borrowing',
  grants: 'grants',
  receipts: 'receipts',
  revenueContributions: 'revenue_contributions',
  explanation: 'explanation',
} as const;
type ColumnKey = keyof typeof CAPITAL_COLUMNS;
const OPTIONAL_COLUMNS: readonly ColumnKey[] = ['slippageReason', 'explanation'];

export interface ImportedCapitalYear extends CapitalYearInput {
  line: number;
  schemeId: string;
  schemeCode: string;
  startYear: number;
}

const normalise = (header: string) =>
  header
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

export function readCapitalProgramme(
  header: readonly string[],
  rows: readonly ImportRow[],
  context: {
    bands: VarianceBands;
    schemeByCode: ReadonlyMap<string, { id: string; unitId: string }>;
    mayEdit: (unitId: string) => boolean;
  },
): { years: ImportedCapitalYear[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const position = new Map<ColumnKey, number>();
  const headers = header.map(normalise);
  for (const key of Object.keys(CAPITAL_COLUMNS) as ColumnKey[]) {
    const index = headers.indexOf(CAPITAL_COLUMNS[key]);
    if (index >= 0) position.set(key, index);
    else if (!OPTIONAL_COLUMNS.includes(key)) {
      errors.push({
        line: 1,
        column: CAPITAL_COLUMNS[key],
        message: phraseText('moneyRefusals.noColumn', { column: CAPITAL_COLUMNS[key] }),
      });
    }
  }
  if (errors.length > 0) return { years: [], errors };
  const cell = (row: ImportRow, key: ColumnKey) => {
    const index = position.get(key);
    return index === undefined ? '' : (row.cells[index] ?? '').trim();
  };

  const years: ImportedCapitalYear[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const before = errors.length;
    const problem = (key: string, message: string) =>
      errors.push({ line: row.line, column: CAPITAL_COLUMNS[key as ColumnKey] ?? '', message });
    const code = cell(row, 'scheme').toUpperCase();
    const scheme = context.schemeByCode.get(code);
    if (code === '') problem('scheme', phraseText('moneyRefusals.schemeCodeMissing'));
    else if (!scheme) problem('scheme', phraseText('moneyRefusals.noScheme', { code }));
    else if (!context.mayEdit(scheme.unitId))
      problem('scheme', phraseText('moneyRefusals.mayNotChangeScheme', { code }));
    const year = parseYear(cell(row, 'year'));
    if (!year.ok) problem('year', year.error.message);
    const figures = readAmounts(
      CAPITAL_AMOUNTS,
      CAPITAL_LABELS,
      Object.fromEntries(CAPITAL_AMOUNTS.map((f) => [f, cell(row, f)])),
    );
    if (!figures.ok) for (const error of figures.errors) problem(error.field ?? '', error.message);
    const text = { slippageReason: cell(row, 'slippageReason'), explanation: cell(row, 'explanation') };
    if (figures.ok) {
      for (const error of checkCapitalYear(context.bands, { ...figures.figures, ...text })) {
        problem(error.field ?? '', error.message);
      }
    }
    if (scheme && year.ok) {
      const key = `${code}|${year.value}`;
      const first = seen.get(key);
      if (first !== undefined) problem('scheme', phraseText('moneyRefusals.schemeRepeated', { code, line: first }));
      else seen.set(key, row.line);
    }
    if (errors.length === before && scheme && year.ok && figures.ok) {
      years.push({
        line: row.line,
        schemeId: scheme.id,
        schemeCode: code,
        startYear: year.value,
        ...figures.figures,
        ...text,
      });
    }
  }
  return { years: errors.length > 0 ? [] : years, errors };
}
