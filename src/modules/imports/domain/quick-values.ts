/**
 * The fast path of checkValueRow for the rows a bulk import of values is made of: a plain number
 * (like 70 or 12.5) for a measure that is not a ratio, a period in any form periodKeyFromText
 * reads, and blank or valid quality, status and evidence link. For such a row it returns exactly
 * what checkValueRow returns (quick-values.test.ts checks this on random rows); for anything
 * else it returns undefined and the caller runs checkValueRow, which names every problem.
 *
 * It exists because checking a million rows one by one with the general rules took longer than
 * writing them: periods repeat, so each period text is read once per frequency and remembered.
 */
import { isValidPeriodForFrequency, periodOrdinal } from '../../../kernel/measurement/periods.ts';
import { type MeasureForValues } from '../../measures/domain/index.ts';
import { VALUE_QUALITIES, type Frequency, type ValueQuality } from '../../../kernel/measurement/vocabulary.ts';
import { periodKeyFromText } from './period-text.ts';
import { IMPORT_VALUE_STATUSES, type CheckedValueRow, type ImportValueStatus } from './rows.ts';

/** Where each field of a values row is among the cells (-1: the file has no such column). */
export interface ValueColumnIndexes {
  periodKey: number;
  value: number;
  numerator: number;
  denominator: number;
  commentary: number;
  quality: number;
  evidenceUrl: number;
  status: number;
}

export const VALUE_FIELDS = [
  'periodKey',
  'value',
  'numerator',
  'denominator',
  'commentary',
  'quality',
  'evidenceUrl',
  'status',
] as const;

export function valueColumnIndexes(indexOf: ReadonlyMap<string, number>): ValueColumnIndexes {
  const at = (name: string) => indexOf.get(name) ?? -1;
  return {
    periodKey: at('periodKey'),
    value: at('value'),
    numerator: at('numerator'),
    denominator: at('denominator'),
    commentary: at('commentary'),
    quality: at('quality'),
    evidenceUrl: at('evidenceUrl'),
    status: at('status'),
  };
}

/** A cell as recordOf gives it (trimmed), with an absent column read as blank. */
export function cellAt(cells: readonly string[], index: number): string {
  if (index < 0) return '';
  const text = cells[index];
  if (text === undefined || text === '') return '';
  // Only text that starts or ends with a space, a control or a non-ASCII character can change.
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  return first <= 32 || last <= 32 || first >= 0x7f || last >= 0x7f ? text.trim() : text;
}

export interface KnownPeriod {
  /** The engine's key ('2025-26-M03'). */
  key: string;
  /** periodOrdinal of the period. */
  ordinal: number;
  /**
   * A small number for the period, the same for every row naming it (in any form): with the
   * measure or category, a compact key for finding rows that repeat one another.
   */
  id: number;
}

const QUALITIES = new Set<string>(VALUE_QUALITIES);
const STATUSES = new Set<string>(IMPORT_VALUE_STATUSES);

/** Digits with an optional minus and decimal part ('70', '-3', '12.50'); the places after the point, or -1. */
function simpleNumberPlaces(text: string): number {
  const n = text.length;
  let i = text.charCodeAt(0) === 0x2d ? 1 : 0;
  const digitsFrom = i;
  while (i < n && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39) i += 1;
  if (i === digitsFrom) return -1;
  if (i === n) return 0;
  if (text.charCodeAt(i) !== 0x2e) return -1;
  const point = i;
  i += 1;
  while (i < n && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39) i += 1;
  return i === n && i > point + 1 ? i - point - 1 : -1;
}

export interface QuickValueChecker {
  /** checkValueRow's value for a simple row (with the period's ordinal), or undefined: run checkValueRow. */
  check(
    cells: readonly string[],
    columns: ValueColumnIndexes,
    measure: MeasureForValues,
  ): (CheckedValueRow & { period: KnownPeriod }) | undefined;
  /** The period a key or period text names for a frequency, or null if it does not name one. */
  period(text: string, frequency: Frequency): KnownPeriod | null;
}

export function createQuickValueChecker(): QuickValueChecker {
  // Period texts read so far, by frequency; and the periods by key, which give the ids.
  const texts = new Map<Frequency, Map<string, KnownPeriod | null>>();
  const byKey = new Map<string, KnownPeriod>();
  let remembered = 0;

  function period(text: string, frequency: Frequency): KnownPeriod | null {
    let ofFrequency = texts.get(frequency);
    if (!ofFrequency) texts.set(frequency, (ofFrequency = new Map<string, KnownPeriod | null>()));
    const known = ofFrequency.get(text);
    if (known !== undefined) return known;
    const key = periodKeyFromText(text);
    const parsed = key === '' ? null : isValidPeriodForFrequency(key, frequency);
    let found: KnownPeriod | null = null;
    if (parsed?.ok) {
      const trimmed = key.trim();
      found = byKey.get(trimmed) ?? { key: trimmed, ordinal: periodOrdinal(parsed.value), id: byKey.size };
      byKey.set(trimmed, found);
    }
    // A file of ever-different bad texts must not fill the memory.
    if (remembered < 100_000) {
      ofFrequency.set(text, found);
      remembered += 1;
    }
    return found;
  }

  function check(cells: readonly string[], columns: ValueColumnIndexes, measure: MeasureForValues) {
    if (measure.status === 'retired' || measure.aggregation === 'ratio') return undefined;
    if (cellAt(cells, columns.numerator) !== '' || cellAt(cells, columns.denominator) !== '') return undefined;
    const valueText = cellAt(cells, columns.value);
    if (valueText === '') return undefined;
    const places = simpleNumberPlaces(valueText);
    if (places < 0 || places > measure.decimalPlaces) return undefined;
    const value = Number(valueText);
    if (
      (measure.minValue !== null && value < measure.minValue) ||
      (measure.maxValue !== null && value > measure.maxValue)
    )
      return undefined;
    const found = period(cellAt(cells, columns.periodKey), measure.frequency);
    if (found === null) return undefined;
    const commentary = cellAt(cells, columns.commentary);
    if (commentary.length > 5000) return undefined;
    const qualityText = cellAt(cells, columns.quality);
    const quality = qualityText === '' ? 'final' : qualityText.toLowerCase();
    if (!QUALITIES.has(quality)) return undefined;
    const evidenceUrl = cellAt(cells, columns.evidenceUrl);
    if (evidenceUrl !== '') return undefined;
    const statusText = cellAt(cells, columns.status);
    const status = statusText === '' ? 'submitted' : statusText.toLowerCase();
    if (!STATUSES.has(status)) return undefined;
    return {
      periodKey: found.key,
      value,
      numerator: null,
      denominator: null,
      commentary,
      quality: quality as ValueQuality,
      evidenceUrl,
      status: status as ImportValueStatus,
      period: found,
    };
  }

  return { check, period };
}
