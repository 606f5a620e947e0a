/**
 * Checking one imported row with the same rules as the page and the API: a value row goes
 * through checkMeasureValue, a target row through targetInput and checkTarget, a measure row
 * through measureInput. Each problem names the column it is in, for "line 12, column value: …".
 */
import { z } from 'zod';
import { measureInput, type MeasureDefinition } from '../../measures/domain/index.ts';
import { checkTarget, targetInput, type CheckedTarget, type MeasureForTargets } from '../../measures/domain/index.ts';
import { checkMeasureValue, type MeasureForValues } from '../../measures/domain/index.ts';
import { VALUE_QUALITIES, type ValueQuality } from '../../../kernel/measurement/vocabulary.ts';
import { periodKeyFromText } from './period-text.ts';
import { phraseText } from '../../../kernel/phrase.ts';

export interface RowProblem {
  /** The header of the column the problem is in ('' for the row as a whole). */
  column: string;
  message: string;
}

export type RowCheck<T> = { ok: true; value: T } | { ok: false; problems: RowProblem[] };

/** Statuses an import may give values (historic figures usually arrive approved or published). */
export const IMPORT_VALUE_STATUSES = ['draft', 'submitted', 'returned', 'verified', 'approved', 'published'] as const;
export type ImportValueStatus = (typeof IMPORT_VALUE_STATUSES)[number];

export interface CheckedValueRow {
  periodKey: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  commentary: string;
  quality: ValueQuality;
  evidenceUrl: string;
  status: ImportValueStatus;
}

const blank = (text: string | undefined) => text === undefined || text === '';

function isWebAddress(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

export function checkValueRow(
  record: Record<string, string | undefined>,
  measure: MeasureForValues,
): RowCheck<CheckedValueRow> {
  const problems: RowProblem[] = [];
  const periodKey = periodKeyFromText(record.periodKey ?? '');
  if (periodKey === '') problems.push({ column: 'periodKey', message: phraseText('importRowChecks.period') });
  const checked =
    periodKey === ''
      ? null
      : checkMeasureValue(measure, {
          periodKey,
          value: record.value,
          numerator: record.numerator,
          denominator: record.denominator,
        });
  if (checked && !checked.ok) {
    for (const error of checked.error) problems.push({ column: error.field ?? 'measureCode', message: error.message });
  }
  if (checked?.ok && checked.value.value === null) {
    problems.push({
      column: measure.aggregation === 'ratio' ? 'numerator' : 'value',
      message: phraseText(measure.aggregation === 'ratio' ? 'importRowChecks.ratio' : 'importRowChecks.value'),
    });
  }
  const commentary = record.commentary ?? '';
  if (commentary.length > 5000)
    problems.push({ column: 'commentary', message: phraseText('importRowChecks.commentaryLong') });
  const quality = blank(record.quality) ? 'final' : record.quality.toLowerCase();
  if (!(VALUE_QUALITIES as readonly string[]).includes(quality)) {
    problems.push({
      column: 'quality',
      message: phraseText('importRowChecks.quality', { given: record.quality ?? '' }),
    });
  }
  const evidenceUrl = record.evidenceUrl ?? '';
  if (evidenceUrl !== '' && !isWebAddress(evidenceUrl)) {
    problems.push({ column: 'evidenceUrl', message: phraseText('importRowChecks.evidence') });
  }
  const status = blank(record.status) ? 'submitted' : record.status.toLowerCase();
  if (!(IMPORT_VALUE_STATUSES as readonly string[]).includes(status)) {
    problems.push({
      column: 'status',
      message: phraseText('importRowChecks.status', {
        statuses: IMPORT_VALUE_STATUSES.join(', '),
        given: record.status ?? '',
      }),
    });
  }
  if (problems.length > 0 || !checked?.ok) return { ok: false, problems };
  return {
    ok: true,
    value: {
      periodKey: checked.value.periodKey,
      value: checked.value.value,
      numerator: checked.value.numerator,
      denominator: checked.value.denominator,
      commentary,
      quality: quality as ValueQuality,
      evidenceUrl,
      status: status as ImportValueStatus,
    },
  };
}

function zodProblems(error: z.ZodError): RowProblem[] {
  return error.issues.map((issue) => ({ column: issue.path.map(String).join('.'), message: issue.message }));
}

export type CheckedTargetRow = CheckedTarget & { reason: string };

export function checkTargetRow(
  record: Record<string, string | undefined>,
  measure: MeasureForTargets,
): RowCheck<CheckedTargetRow> {
  const parsed = targetInput.safeParse({
    kind: record.kind?.toLowerCase(),
    financialYear: periodKeyFromText(record.financialYear ?? ''),
    periodKey: blank(record.periodKey) ? null : periodKeyFromText(record.periodKey),
    planPeriodStart: blank(record.planPeriodStart) ? null : periodKeyFromText(record.planPeriodStart),
    planPeriodEnd: blank(record.planPeriodEnd) ? null : periodKeyFromText(record.planPeriodEnd),
    breakdownId: null,
    value: record.value,
    lower: record.lower,
    upper: record.upper,
    effectiveFrom: blank(record.effectiveFrom) ? undefined : record.effectiveFrom,
    reason: record.reason ?? '',
  });
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error) };
  const checked = checkTarget(measure, parsed.data);
  if (!checked.ok)
    return {
      ok: false,
      problems: checked.error.map((error) => ({ column: error.field ?? 'measureCode', message: error.message })),
    };
  return { ok: true, value: { ...checked.value, reason: parsed.data.reason } };
}

export interface CheckedMeasureRow {
  definition: MeasureDefinition;
  ownerEmail: string;
  ownerUnitCode: string;
  verifierEmail: string;
}

/** The definition with people and units still by e-mail and code (the service resolves them). */
export function checkMeasureRow(record: Record<string, string | undefined>): RowCheck<CheckedMeasureRow> {
  const { ownerEmail = '', ownerUnitCode = '', verifierEmail = '', ...fields } = record;
  const input: Record<string, unknown> = {};
  for (const [key, text] of Object.entries(fields)) if (!blank(text)) input[key] = text;
  for (const key of ['polarity', 'frequency', 'aggregation', 'measureType', 'ragMethod'] as const) {
    if (typeof input[key] === 'string') input[key] = input[key].toLowerCase();
  }
  input.measureType ??= 'local';
  const parsed = measureInput.safeParse(input);
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error) };
  return { ok: true, value: { definition: parsed.data, ownerEmail, ownerUnitCode, verifierEmail } };
}
