/**
 * A measure definition as people send it (page form, API, import), checked and normalised into
 * what is stored. One schema for every entry point, so each gets the same messages.
 */
import { z } from 'zod';
import { optionalId, optionalText, requiredText } from '../../../kernel/inputs.ts';
import { isValidPeriodForFrequency } from '../../../kernel/measurement/periods.ts';
import { phrase, phraseText } from '../../../kernel/phrase.ts';
import type { RagThresholds } from '../../../kernel/measurement/rag.ts';
import { booleanInput, optionalNumber, optionalWholeNumber } from '../../../kernel/measurement/numbers.ts';
import {
  AGGREGATIONS,
  FREQUENCIES,
  MEASURE_TYPES,
  POLARITIES,
  RAG_METHODS,
  type AggregationRule,
  type Frequency,
  type MeasureType,
  type Polarity,
} from '../../../kernel/measurement/vocabulary.ts';

export const MAX_TAGS = 20;

export const MAX_DECIMAL_PLACES = 6;

/** Tags arrive as 'Adults, Scrutiny: People' from a form or ['Adults'] from the API. */
const tagsInput = z
  .union([z.string(), z.array(z.string())], { message: phraseText('measureRefusals.tagsText') })
  .optional()
  .transform((raw, ctx) => {
    const parts = (raw === undefined ? [] : Array.isArray(raw) ? raw : raw.split(','))
      .map((tag) => tag.trim().replace(/\s+/g, ' '))
      .filter((tag) => tag !== '');
    const seen = new Set<string>();
    const tags: string[] = [];
    for (const tag of parts) {
      if (tag.length > 50) {
        ctx.addIssue({
          code: 'custom',
          message: phraseText('measureRefusals.tagTooLong', { start: tag.slice(0, 20) }),
        });
        return z.NEVER;
      }
      if (!seen.has(tag.toLowerCase())) {
        seen.add(tag.toLowerCase());
        tags.push(tag);
      }
    }
    if (tags.length > MAX_TAGS) {
      ctx.addIssue({ code: 'custom', message: phraseText('measureRefusals.tooManyTags', { max: MAX_TAGS }) });
      return z.NEVER;
    }
    return tags;
  });

const optionalPeriodText = z
  .union([z.string(), z.null()])
  .optional()
  .transform((raw) => (raw === undefined || raw === null || raw.trim() === '' ? null : raw.trim()));

/** The fields, before cross-field checks. Flat so that a form and a JSON body look the same. */
const measureFields = z.object({
  code: z
    .string({ message: phraseText('measureRefusals.enterCode') })
    .trim()
    .min(1, phraseText('measureRefusals.enterCode'))
    .max(30, phraseText('measureRefusals.codeTooLong'))
    .regex(/^[A-Za-z0-9][A-Za-z0-9-_./]*$/, phraseText('measureRefusals.codeCharacters')),
  title: requiredText(phrase('fieldNames.aTitle'), 250),
  description: optionalText(phrase('fieldNames.description')),
  purpose: optionalText(phrase('measureFields.purpose')),
  definition: optionalText(phrase('measureFields.definition')),
  calculation: optionalText(phrase('measureFields.calculation')),
  numeratorLabel: optionalText(phrase('measureFields.numeratorLabel'), 200),
  denominatorLabel: optionalText(phrase('measureFields.denominatorLabel'), 200),
  unit: z
    .string({ message: phraseText('measureRefusals.enterUnit') })
    .trim()
    .min(1, phraseText('measureRefusals.enterUnit'))
    .max(30, phraseText('measureRefusals.unitTooLong')),
  decimalPlaces: optionalWholeNumber(phrase('measureFields.decimalPlaces'), 0, MAX_DECIMAL_PLACES).transform(
    (value) => value ?? 0,
  ),
  polarity: z.enum(POLARITIES, { message: phraseText('measureRefusals.choosePolarity') }),
  frequency: z.enum(FREQUENCIES as readonly Frequency[] as [Frequency, ...Frequency[]], {
    message: phraseText('measureRefusals.chooseFrequency'),
  }),
  aggregation: z.enum(AGGREGATIONS, { message: phraseText('measureRefusals.chooseAggregation') }),
  dataSource: optionalText(phrase('measureFields.dataSource'), 500),
  collectionMethod: optionalText(phrase('measureFields.collectionMethod'), 2000),
  measureType: z.enum(MEASURE_TYPES, { message: phraseText('measureRefusals.chooseType') }),
  baselineValue: optionalNumber(phrase('measureFields.baselineValue')),
  baselinePeriod: optionalPeriodText,
  ownerPersonId: optionalId(phraseText('measureRefusals.ownerExists')),
  ownerUnitId: optionalId(phraseText('measureRefusals.unitExists')),
  verifierPersonId: optionalId(phraseText('measureRefusals.verifierExists')),
  dataQualityNotes: optionalText(phrase('measureFields.dataQualityNotes')),
  isKey: booleanInput,
  allowsInPeriodEstimate: booleanInput,
  tags: tagsInput,
  minValue: optionalNumber(phrase('measureFields.lowestAllowed')),
  maxValue: optionalNumber(phrase('measureFields.highestAllowed')),
  ragMethod: z
    .union([z.enum(RAG_METHODS), z.literal('')], { message: phraseText('measureRefusals.chooseRagMethod') })
    .optional()
    .transform((value) => (value === undefined || value === '' ? 'percentage' : value)),
  amberPercent: optionalNumber(phrase('measureFields.amberPercentage')),
  amberAmount: optionalNumber(phrase('measureFields.amberAmount')),
  amberLower: optionalNumber(phrase('measureFields.amberStarts')),
  amberUpper: optionalNumber(phrase('measureFields.amberEnds')),
  spcScreening: z
    .union([z.boolean(), z.string(), z.array(z.string())])
    .optional()
    .transform((raw) => {
      const last = Array.isArray(raw) ? raw[raw.length - 1] : raw;
      // Screening is on unless switched off explicitly.
      return !(last === false || last === 'false' || last === 'off' || last === 'no');
    }),
  spcBaselinePoints: optionalWholeNumber(phrase('measureFields.spcBaselinePoints'), 2, 100),
  dueWorkingDays: optionalWholeNumber(phrase('measureFields.dueWorkingDays'), 0, 120),
});

export const DEFAULT_AMBER_PERCENT = 5;

/** Validation range when none is given: percentages 0..100, counts and durations not below 0. */
export function defaultRange(unit: string): { min: number | null; max: number | null } {
  switch (unit) {
    case '%':
      return { min: 0, max: 100 };
    case 'number':
    case 'days':
    case 'rate per 1,000':
      return { min: 0, max: null };
    default:
      return { min: null, max: null };
  }
}

export interface MeasureDefinition {
  code: string;
  title: string;
  description: string;
  purpose: string;
  definition: string;
  calculation: string;
  numeratorLabel: string;
  denominatorLabel: string;
  unit: string;
  decimalPlaces: number;
  polarity: Polarity;
  frequency: Frequency;
  aggregation: AggregationRule;
  dataSource: string;
  collectionMethod: string;
  measureType: MeasureType;
  baselineValue: number | null;
  baselinePeriod: string | null;
  ownerPersonId: string | null;
  ownerUnitId: string | null;
  verifierPersonId: string | null;
  dataQualityNotes: string;
  isKey: boolean;
  /** A value for the current, unfinished period is taken as an estimate. */
  allowsInPeriodEstimate: boolean;
  tags: string[];
  minValue: number | null;
  maxValue: number | null;
  ragThresholds: RagThresholds;
  spcSettings: { screenMovingRanges: boolean; baselinePoints: number | null };
  dueWorkingDays: number | null;
}

type Fields = z.infer<typeof measureFields>;

function thresholdsFrom(fields: Fields, ctx: z.RefinementCtx): RagThresholds {
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  switch (fields.ragMethod) {
    case 'percentage': {
      const amberPercent = fields.amberPercent ?? DEFAULT_AMBER_PERCENT;
      if (amberPercent < 0 || amberPercent > 100)
        issue('amberPercent', phraseText('measureRefusals.amberPercentRange'));
      return { kind: 'percentage', amberPercent };
    }
    case 'absolute':
      if (fields.amberAmount === null) issue('amberAmount', phraseText('measureRefusals.enterAmberAmount'));
      else if (fields.amberAmount < 0) issue('amberAmount', phraseText('measureRefusals.amberAmountNegative'));
      return { kind: 'absolute', amberAmount: fields.amberAmount ?? 0 };
    case 'bands': {
      const bands: RagThresholds = { kind: 'bands' };
      if (fields.amberLower !== null) bands.amberLower = fields.amberLower;
      if (fields.amberUpper !== null) bands.amberUpper = fields.amberUpper;
      const wantsLower = fields.polarity === 'higher-is-better' || fields.polarity === 'within-range';
      const wantsUpper = fields.polarity === 'lower-is-better' || fields.polarity === 'within-range';
      if (wantsLower && fields.amberLower === null) issue('amberLower', phraseText('measureRefusals.enterAmberStart'));
      if (wantsUpper && fields.amberUpper === null) issue('amberUpper', phraseText('measureRefusals.enterAmberEnd'));
      return bands;
    }
    case 'none':
      return { kind: 'none' };
  }
}

/** Page form, API body and import row all parse with this. */
export const measureInput = measureFields.transform((fields, ctx): MeasureDefinition => {
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  if (fields.aggregation === 'ratio') {
    if (fields.numeratorLabel === '') issue('numeratorLabel', phraseText('measureRefusals.enterNumeratorLabel'));
    if (fields.denominatorLabel === '') issue('denominatorLabel', phraseText('measureRefusals.enterDenominatorLabel'));
  }
  const defaults = defaultRange(fields.unit);
  const minValue = fields.minValue ?? defaults.min;
  const maxValue = fields.maxValue ?? defaults.max;
  if (minValue !== null && maxValue !== null && minValue > maxValue) {
    issue('maxValue', phraseText('measureRefusals.highestBelowLowest', { max: maxValue, min: minValue }));
  }
  if (fields.baselinePeriod !== null) {
    const period = isValidPeriodForFrequency(fields.baselinePeriod, fields.frequency);
    if (!period.ok) issue('baselinePeriod', period.error.message);
  }
  if (fields.baselineValue !== null && fields.baselinePeriod === null) {
    issue('baselinePeriod', phraseText('measureRefusals.enterBaselinePeriod'));
  }
  const ragThresholds = thresholdsFrom(fields, ctx);
  return {
    code: fields.code,
    title: fields.title,
    description: fields.description,
    purpose: fields.purpose,
    definition: fields.definition,
    calculation: fields.calculation,
    numeratorLabel: fields.numeratorLabel,
    denominatorLabel: fields.denominatorLabel,
    unit: fields.unit,
    decimalPlaces: fields.decimalPlaces,
    polarity: fields.polarity,
    frequency: fields.frequency,
    aggregation: fields.aggregation,
    dataSource: fields.dataSource,
    collectionMethod: fields.collectionMethod,
    measureType: fields.measureType,
    baselineValue: fields.baselineValue,
    baselinePeriod: fields.baselinePeriod,
    ownerPersonId: fields.ownerPersonId,
    ownerUnitId: fields.ownerUnitId,
    verifierPersonId: fields.verifierPersonId,
    dataQualityNotes: fields.dataQualityNotes,
    isKey: fields.isKey,
    allowsInPeriodEstimate: fields.allowsInPeriodEstimate,
    tags: fields.tags,
    minValue,
    maxValue,
    ragThresholds,
    spcSettings: { screenMovingRanges: fields.spcScreening, baselinePoints: fields.spcBaselinePoints },
    dueWorkingDays: fields.dueWorkingDays,
  };
});

/** The flat form fields for a stored definition (to fill the edit form or echo it back). */
export function formValuesOf(definition: MeasureDefinition): Record<string, string | string[] | boolean> {
  const text = (value: number | null) => (value === null ? '' : String(value));
  const rag = definition.ragThresholds;
  return {
    code: definition.code,
    title: definition.title,
    description: definition.description,
    purpose: definition.purpose,
    definition: definition.definition,
    calculation: definition.calculation,
    numeratorLabel: definition.numeratorLabel,
    denominatorLabel: definition.denominatorLabel,
    unit: definition.unit,
    decimalPlaces: String(definition.decimalPlaces),
    polarity: definition.polarity,
    frequency: definition.frequency,
    aggregation: definition.aggregation,
    dataSource: definition.dataSource,
    collectionMethod: definition.collectionMethod,
    measureType: definition.measureType,
    baselineValue: text(definition.baselineValue),
    baselinePeriod: definition.baselinePeriod ?? '',
    ownerPersonId: definition.ownerPersonId ?? '',
    ownerUnitId: definition.ownerUnitId ?? '',
    verifierPersonId: definition.verifierPersonId ?? '',
    dataQualityNotes: definition.dataQualityNotes,
    isKey: definition.isKey,
    allowsInPeriodEstimate: definition.allowsInPeriodEstimate,
    tags: definition.tags.join(', '),
    minValue: text(definition.minValue),
    maxValue: text(definition.maxValue),
    ragMethod: rag.kind,
    amberPercent: rag.kind === 'percentage' ? String(rag.amberPercent) : '',
    amberAmount: rag.kind === 'absolute' ? String(rag.amberAmount) : '',
    amberLower: rag.kind === 'bands' && rag.amberLower !== undefined ? String(rag.amberLower) : '',
    amberUpper: rag.kind === 'bands' && rag.amberUpper !== undefined ? String(rag.amberUpper) : '',
    spcScreening: definition.spcSettings.screenMovingRanges ? 'true' : 'false',
    spcBaselinePoints: text(definition.spcSettings.baselinePoints),
    dueWorkingDays: text(definition.dueWorkingDays),
  };
}

export const retireInput = z.object({
  reason: requiredText(phrase('measureFields.retireReason'), 1000),
});
export type RetireInput = z.infer<typeof retireInput>;
