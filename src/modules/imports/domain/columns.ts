/**
 * The spreadsheet layouts for importing and exporting measures, targets and values. One list of
 * columns per kind: the export writes exactly these headers, and the import accepts them (in any
 * order, any case, with spaces or underscores), so what is exported can be imported again.
 */
import { phrase, type Phrase } from '../../../kernel/phrase.ts';

/** In the order a new organisation imports them: each kind refers to the ones before it. */
export const IMPORT_KINDS = ['measures', 'breakdowns', 'targets', 'values'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** A kind's name inside a sentence, from the catalogue (imports.kindNames). */
export const kindName = (kind: ImportKind): Phrase => phrase(`imports.kindNames.${kind}`);

export interface Column {
  /** The header as exported, and the field name in the row record. */
  header: string;
  required: boolean;
  /** Other headers people commonly use for it ('Period' for periodKey). */
  aliases?: readonly string[];
}

const col = (header: string, required = false, aliases: readonly string[] = []): Column => ({
  header,
  required,
  aliases,
});

export const COLUMNS: Record<ImportKind, readonly Column[]> = {
  measures: [
    col('code', true),
    col('title', true),
    col('description'),
    col('purpose'),
    col('definition'),
    col('calculation'),
    col('numeratorLabel'),
    col('denominatorLabel'),
    col('unit', true),
    col('decimalPlaces'),
    col('polarity', true),
    col('frequency', true),
    col('aggregation', true),
    col('dataSource'),
    col('collectionMethod'),
    col('measureType'),
    col('baselineValue'),
    col('baselinePeriod'),
    col('ownerEmail'),
    col('ownerUnitCode'),
    col('verifierEmail'),
    col('dataQualityNotes'),
    col('isKey'),
    col('tags'),
    col('minValue'),
    col('maxValue'),
    col('ragMethod'),
    col('amberPercent'),
    col('amberAmount'),
    col('amberLower'),
    col('amberUpper'),
    col('spcScreening'),
    col('spcBaselinePoints'),
    col('dueWorkingDays'),
    col('allowsInPeriodEstimate'),
  ],
  /** The categories of measures' breakdowns: ward E05000001 "Abbey". */
  breakdowns: [
    col('measureCode', true, ['measure']),
    col('breakdown', true, ['breakdownDimension', 'dimension']),
    col('breakdownCode', true, ['categoryCode', 'category']),
    col('label', true, ['categoryName', 'name']),
    col('position'),
  ],
  targets: [
    col('measureCode', true, ['measure']),
    col('breakdown', false, ['breakdownDimension', 'dimension']),
    col('breakdownCode', false, ['categoryCode', 'category']),
    col('kind', true),
    col('financialYear', true),
    col('periodKey'),
    col('planPeriodStart'),
    col('planPeriodEnd'),
    col('value'),
    col('lower'),
    col('upper'),
    col('effectiveFrom'),
    col('reason'),
  ],
  values: [
    col('measureCode', true, ['measure']),
    // Both blank: the value is for the measure as a whole; both given: for that breakdown category.
    col('breakdown', false, ['breakdownDimension', 'dimension']),
    col('breakdownCode', false, ['categoryCode', 'category']),
    col('periodKey', true, ['period']),
    col('value'),
    col('numerator'),
    col('denominator'),
    col('commentary'),
    col('quality'),
    col('evidenceUrl'),
    col('status'),
  ],
};

/** 'Measure code', 'measure_code' and 'MEASURECODE' all mean measureCode. */
export function normaliseHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

export interface HeaderCheck {
  /** For each known column, the index of its cell in a row (absent: not in the file). */
  indexOf: Map<string, number>;
  /** What is wrong with the header row, as phrases (importFileChecks in the catalogue). */
  problems: Phrase[];
}

const list = (names: string[]) => names.map((name) => `"${name}"`).join(', ');

/** Matches a file's header row to the layout, naming missing, unknown and repeated headers. */
export function checkHeaders(kind: ImportKind, headers: readonly string[]): HeaderCheck {
  const byNormal = new Map(
    COLUMNS[kind].flatMap((column) =>
      [column.header, ...(column.aliases ?? [])].map((name) => [normaliseHeader(name), column] as const),
    ),
  );
  const indexOf = new Map<string, number>();
  const unknown: string[] = [];
  const repeated: string[] = [];
  headers.forEach((raw, index) => {
    const text = raw.trim();
    if (text === '') return;
    const column = byNormal.get(normaliseHeader(text));
    if (!column) unknown.push(text);
    else if (indexOf.has(column.header)) repeated.push(text);
    else indexOf.set(column.header, index);
  });
  const missing = COLUMNS[kind]
    .filter((column) => column.required && !indexOf.has(column.header))
    .map((column) => column.header);
  const problems: Phrase[] = [];
  const many = (names: string[]) => (names.length > 1 ? 'Many' : 'One');
  const C = 'importFileChecks';
  if (missing.length) problems.push(phrase(`${C}.missing${many(missing)}`, { columns: list(missing) }));
  if (unknown.length) {
    problems.push(
      phrase(`${C}.unknown${many(unknown)}`, {
        columns: list(unknown),
        kind: kindName(kind),
        layout: COLUMNS[kind].map((column) => column.header).join(', '),
      }),
    );
  }
  if (repeated.length) problems.push(phrase(`${C}.repeated${many(repeated)}`, { columns: list(repeated) }));
  return { indexOf, problems };
}

/** A row as a record of the layout's columns (absent columns are undefined, cells are trimmed text). */
export function recordOf(
  kind: ImportKind,
  indexOf: Map<string, number>,
  cells: readonly string[],
): Record<string, string | undefined> {
  const record: Record<string, string | undefined> = {};
  for (const column of COLUMNS[kind]) {
    const index = indexOf.get(column.header);
    record[column.header] = index === undefined ? undefined : (cells[index] ?? '').trim();
  }
  return record;
}
