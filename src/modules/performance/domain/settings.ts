/**
 * The council's performance settings: how statuses roll up along the golden thread, the risk
 * appetite framework health is judged against, and the direction-of-travel tolerance. One set
 * per council; a council that has stored none gets the defaults below, which are the engine's.
 *
 * One schema for every entry point. The API sends shares (0.9); the page form sends percentages
 * ("90"), because that is how people write them. Both give the same stored shape and the same
 * rules, each with messages in the unit the sender used.
 */
import { z } from 'zod';
import { phrase, phraseText, type Phrase } from '../../../kernel/phrase.ts';
import { numberFromInput } from '../../../kernel/measurement/numbers.ts';
import { DEFAULT_OFFICIAL_FROM, OFFICIAL_FROM, type OfficialFrom } from '../../../kernel/measurement/official.ts';
import type { ChangeTolerance } from './direction.ts';
import { DEFAULT_RISK_APPETITE, type RiskAppetite } from './framework-health.ts';
import type { RollupOptions } from './rollup.ts';

export const ROLLUP_RULES = ['worst-of', 'majority', 'weighted-score'] as const;
export type RollupRuleKind = (typeof ROLLUP_RULES)[number];

export const OVERDUE_TREATMENTS = ['not-rated', 'amber', 'red'] as const;
export type OverdueTreatment = (typeof OVERDUE_TREATMENTS)[number];

export const TOLERANCE_KINDS = ['none', 'absolute', 'percentage'] as const;
export type ToleranceKind = (typeof TOLERANCE_KINDS)[number];

/** The words of each choice are the catalogue's performanceSettings.officialFrom and .overdueAs. */
const officialFromPhrase = (officialFrom: OfficialFrom) => phrase(`performanceSettings.officialFrom.${officialFrom}`);
const overduePhrase = (overdueAs: OverdueTreatment) => phrase(`performanceSettings.overdueAs.${overdueAs}`);

/** Everything stored, as the engine reads it: shares are 0..1, a tolerance percentage is 0..100. */
export interface PerformanceSettings {
  rollupRule: RollupRuleKind;
  /** weighted-score only (null otherwise): the score from which a roll-up is green. */
  greenFrom: number | null;
  /** weighted-score only (null otherwise): the score from which a roll-up is amber; below greenFrom. */
  amberFrom: number | null;
  keyMeasuresDominate: boolean;
  overdueAs: OverdueTreatment;
  /** Risk appetite: share of plan objectives on target. */
  objectivesAppetite: number;
  /** Risk appetite: share of key targets projected to be achieved. */
  targetsAppetite: number;
  toleranceKind: ToleranceKind;
  /** absolute only (null otherwise): the smallest change that counts, in each measure's own unit. */
  toleranceAmount: number | null;
  /** percentage only (null otherwise): the smallest change that counts, as a percentage of the earlier value. */
  tolerancePercent: number | null;
  /** The sign-off status from which a figure is official and counts in statuses (see official.ts). */
  officialFrom: OfficialFrom;
}

/** The engine's weighted-score boundaries when none are given (see rollup.ts). */
export const WEIGHTED_DEFAULTS = Object.freeze({ greenFrom: 0.8, amberFrom: 0.5 });

/** What a council gets until it stores its own: the engine's defaults, as the issue sets them. */
export const DEFAULT_PERFORMANCE_SETTINGS: Readonly<PerformanceSettings> = Object.freeze({
  rollupRule: 'worst-of',
  greenFrom: null,
  amberFrom: null,
  keyMeasuresDominate: true,
  overdueAs: 'not-rated',
  objectivesAppetite: DEFAULT_RISK_APPETITE['objectives-on-target'] ?? 0.9,
  targetsAppetite: DEFAULT_RISK_APPETITE['targets-projected-achieved'] ?? 0.75,
  toleranceKind: 'none',
  toleranceAmount: null,
  tolerancePercent: null,
  officialFrom: DEFAULT_OFFICIAL_FROM,
});

// ---------------------------------------------------------------------------------------------
// Input

type Sender = 'api' | 'form';

type NumberField =
  'greenFrom' | 'amberFrom' | 'objectivesAppetite' | 'targetsAppetite' | 'toleranceAmount' | 'tolerancePercent';
/** A number field's name, as a message names it (performanceSettings.labels). */
const label = (field: NumberField) => phrase(`performanceSettings.labels.${field}`);

/** Examples in the sender's unit: shares for the API, percentages for the form. */
const EXAMPLES: Record<Sender, Record<NumberField, string>> = {
  api: {
    greenFrom: '0.8',
    amberFrom: '0.5',
    objectivesAppetite: '0.9',
    targetsAppetite: '0.75',
    toleranceAmount: '2 or 0.5',
    tolerancePercent: '5',
  },
  form: {
    greenFrom: '80',
    amberFrom: '50',
    objectivesAppetite: '90',
    targetsAppetite: '75',
    toleranceAmount: '2 or 0.5',
    tolerancePercent: '5',
  },
};

/**
 * A number from JSON (null or absent: none), or text typed in a form (blank: none). Text that is
 * not a number becomes NaN here and is reported by checkRules only when its option is chosen, so
 * what was typed under an option not chosen never blocks the form.
 */
function numberField(sender: Sender, field: NumberField) {
  if (sender === 'api') {
    return z
      .number({ message: notANumber(sender, field) })
      .nullable()
      .optional()
      .transform((value) => value ?? null);
  }
  return z
    .union([z.string(), z.number()], { message: notANumber(sender, field) })
    .optional()
    .transform((raw) => numberFromInput(typeof raw === 'string' ? raw.replace(/%\s*$/, '') : raw));
}

const notANumber = (sender: Sender, field: NumberField) =>
  phraseText('performanceSettings.notANumber', { field: label(field), example: EXAMPLES[sender][field] });

/** Radios send 'true' or 'false'; JSON sends a boolean. */
function yesNo(sender: Sender, message: string) {
  if (sender === 'api') return z.boolean({ message });
  return z.preprocess(
    (value) => (value === 'true' || value === 'yes' ? true : value === 'false' || value === 'no' ? false : value),
    z.boolean({ message }),
  );
}

/** A row version: 0 when the council has no stored settings yet. */
const rowVersion = z.coerce
  .number({ message: phraseText('performanceSettings.rowVersion') })
  .int(phraseText('performanceSettings.rowVersion'))
  .min(0, phraseText('performanceSettings.rowVersion'));

function fieldsFor(sender: Sender) {
  return z.object({
    rollupRule: z.enum(ROLLUP_RULES, {
      message: phraseText('performanceSettings.checks.rollupRule'),
    }),
    greenFrom: numberField(sender, 'greenFrom'),
    amberFrom: numberField(sender, 'amberFrom'),
    keyMeasuresDominate: yesNo(sender, phraseText('performanceSettings.checks.keyMeasuresDominate')),
    overdueAs: z.enum(OVERDUE_TREATMENTS, {
      message: phraseText('performanceSettings.checks.overdueAs'),
    }),
    objectivesAppetite: numberField(sender, 'objectivesAppetite'),
    targetsAppetite: numberField(sender, 'targetsAppetite'),
    toleranceKind: z.enum(TOLERANCE_KINDS, {
      message: phraseText('performanceSettings.checks.toleranceKind'),
    }),
    toleranceAmount: numberField(sender, 'toleranceAmount'),
    tolerancePercent: numberField(sender, 'tolerancePercent'),
    // Optional, so that clients written before it existed keep working: absent means the default.
    officialFrom: z
      .enum(OFFICIAL_FROM, {
        message: phraseText('performanceSettings.checks.officialFrom'),
      })
      .optional()
      .transform((value) => value ?? DEFAULT_OFFICIAL_FROM),
  });
}

type Raw = z.output<ReturnType<typeof fieldsFor>>;

/** Shares are written 0..1 to the API and 0..100 to the form; this is the form's "percentage". */
const fromPercent = (percent: number) => Number((percent / 100).toPrecision(12));
export const toPercent = (share: number) => Number((share * 100).toPrecision(12));

function checkRules(sender: Sender) {
  const top = sender === 'api' ? 1 : 100;
  const shareWords = phrase(sender === 'api' ? 'performanceSettings.shareApi' : 'performanceSettings.sharePercent');
  const example = (field: NumberField) => EXAMPLES[sender][field];
  return (raw: Raw, ctx: z.RefinementCtx) => {
    const issue = (field: NumberField, message: string) => ctx.addIssue({ code: 'custom', path: [field], message });
    const share = (field: NumberField, value: number | null, missing: string): value is number => {
      if (value === null) {
        issue(field, missing);
        return false;
      }
      if (Number.isNaN(value)) {
        issue(field, notANumber(sender, field));
        return false;
      }
      if (!(value >= 0 && value <= top)) {
        issue(
          field,
          phraseText('performanceSettings.outOfRange', {
            field: label(field),
            share: shareWords,
            example: example(field),
          }),
        );
        return false;
      }
      return true;
    };
    if (raw.rollupRule === 'weighted-score') {
      const green = share('greenFrom', raw.greenFrom, phraseText('performanceSettings.checks.greenFrom'));
      const amber = share('amberFrom', raw.amberFrom, phraseText('performanceSettings.checks.amberFrom'));
      if (green && amber && !(raw.amberFrom! < raw.greenFrom!)) {
        issue('amberFrom', phraseText('performanceSettings.checks.amberBelowGreen'));
      }
    }
    share('objectivesAppetite', raw.objectivesAppetite, phraseText('performanceSettings.checks.objectivesAppetite'));
    share('targetsAppetite', raw.targetsAppetite, phraseText('performanceSettings.checks.targetsAppetite'));
    if (raw.toleranceKind === 'absolute') {
      if (raw.toleranceAmount === null)
        issue('toleranceAmount', phraseText('performanceSettings.checks.toleranceAmount'));
      else if (Number.isNaN(raw.toleranceAmount)) issue('toleranceAmount', notANumber(sender, 'toleranceAmount'));
      else if (!(raw.toleranceAmount >= 0))
        issue('toleranceAmount', phraseText('performanceSettings.checks.toleranceAmountNegative'));
    }
    if (raw.toleranceKind === 'percentage') {
      if (raw.tolerancePercent === null)
        issue('tolerancePercent', phraseText('performanceSettings.checks.tolerancePercent'));
      else if (Number.isNaN(raw.tolerancePercent)) issue('tolerancePercent', notANumber(sender, 'tolerancePercent'));
      else if (!(raw.tolerancePercent >= 0 && raw.tolerancePercent <= 100))
        issue('tolerancePercent', phraseText('performanceSettings.checks.tolerancePercentRange'));
    }
  };
}

/** Only what the chosen options use is kept: fields of an option not chosen are dropped. */
function normalise(sender: Sender) {
  const share = (value: number | null) => (value === null ? null : sender === 'form' ? fromPercent(value) : value);
  return (raw: Raw): PerformanceSettings => {
    const weighted = raw.rollupRule === 'weighted-score';
    return {
      rollupRule: raw.rollupRule,
      greenFrom: weighted ? share(raw.greenFrom) : null,
      amberFrom: weighted ? share(raw.amberFrom) : null,
      keyMeasuresDominate: raw.keyMeasuresDominate,
      overdueAs: raw.overdueAs,
      objectivesAppetite: share(raw.objectivesAppetite)!,
      targetsAppetite: share(raw.targetsAppetite)!,
      toleranceKind: raw.toleranceKind,
      toleranceAmount: raw.toleranceKind === 'absolute' ? raw.toleranceAmount : null,
      tolerancePercent: raw.toleranceKind === 'percentage' ? raw.tolerancePercent : null,
      officialFrom: raw.officialFrom,
    };
  };
}

/** The settings as the API sends them (shares 0..1), with the version the change was based on. */
export const performanceSettingsInput = fieldsFor('api')
  .extend({ rowVersion })
  .superRefine(checkRules('api'))
  .transform((raw) => ({ settings: normalise('api')(raw), rowVersion: raw.rowVersion }));

/** The settings as the page form sends them (percentages 0..100), with the version it was opened at. */
export const performanceSettingsForm = fieldsFor('form')
  .extend({ rowVersion })
  .superRefine(checkRules('form'))
  .transform((raw) => ({ settings: normalise('form')(raw), rowVersion: raw.rowVersion }));

/**
 * A stored row back into settings. A row that breaks the rules (written past the service) is a
 * broken invariant, so it throws rather than quietly applying something nobody chose.
 */
export function settingsFromStored(row: {
  rollupRule: string;
  weightedGreenFrom: number | null;
  weightedAmberFrom: number | null;
  keyMeasuresDominate: boolean;
  overdueAs: string;
  objectivesAppetite: number;
  targetsAppetite: number;
  directionToleranceKind: string;
  directionToleranceValue: number | null;
  officialFrom?: string;
}): PerformanceSettings {
  const parsed = fieldsFor('api')
    .superRefine(checkRules('api'))
    .transform(normalise('api'))
    .safeParse({
      rollupRule: row.rollupRule,
      greenFrom: row.weightedGreenFrom,
      amberFrom: row.weightedAmberFrom,
      keyMeasuresDominate: row.keyMeasuresDominate,
      overdueAs: row.overdueAs,
      objectivesAppetite: row.objectivesAppetite,
      targetsAppetite: row.targetsAppetite,
      toleranceKind: row.directionToleranceKind,
      toleranceAmount: row.directionToleranceKind === 'absolute' ? row.directionToleranceValue : null,
      tolerancePercent: row.directionToleranceKind === 'percentage' ? row.directionToleranceValue : null,
      officialFrom: row.officialFrom,
    });
  if (!parsed.success) {
    throw new Error(
      `Stored performance settings are invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  return parsed.data;
}

/** The columns a settings row stores (the tolerance's amount or percentage share one column). */
export function storedColumnsOf(settings: PerformanceSettings) {
  return {
    rollupRule: settings.rollupRule,
    weightedGreenFrom: settings.greenFrom,
    weightedAmberFrom: settings.amberFrom,
    keyMeasuresDominate: settings.keyMeasuresDominate,
    overdueAs: settings.overdueAs,
    objectivesAppetite: settings.objectivesAppetite,
    targetsAppetite: settings.targetsAppetite,
    directionToleranceKind: settings.toleranceKind,
    directionToleranceValue:
      settings.toleranceKind === 'absolute'
        ? settings.toleranceAmount
        : settings.toleranceKind === 'percentage'
          ? settings.tolerancePercent
          : null,
    officialFrom: settings.officialFrom,
  };
}

// ---------------------------------------------------------------------------------------------
// What the engine takes

export function toRollupOptions(settings: PerformanceSettings): RollupOptions {
  const rule: RollupOptions['rule'] =
    settings.rollupRule === 'weighted-score'
      ? {
          kind: 'weighted-score',
          greenFrom: settings.greenFrom ?? WEIGHTED_DEFAULTS.greenFrom,
          amberFrom: settings.amberFrom ?? WEIGHTED_DEFAULTS.amberFrom,
        }
      : { kind: settings.rollupRule };
  return { rule, keyItemsDominate: settings.keyMeasuresDominate, overdueAs: settings.overdueAs };
}

/** The two appetites a council sets; the other indicators keep "no appetite set". */
export function toRiskAppetite(settings: PerformanceSettings): Partial<RiskAppetite> {
  return {
    'objectives-on-target': settings.objectivesAppetite,
    'targets-projected-achieved': settings.targetsAppetite,
  };
}

/** undefined for none: the engine then counts any change (NO_TOLERANCE). */
export function toChangeTolerance(settings: PerformanceSettings): ChangeTolerance | undefined {
  if (settings.toleranceKind === 'absolute' && settings.toleranceAmount !== null)
    return { kind: 'absolute', amount: settings.toleranceAmount };
  if (settings.toleranceKind === 'percentage' && settings.tolerancePercent !== null)
    return { kind: 'percentage', percent: settings.tolerancePercent };
  return undefined;
}

export function sameTolerance(a: PerformanceSettings, b: PerformanceSettings): boolean {
  const x = toChangeTolerance(a);
  const y = toChangeTolerance(b);
  if (!x || !y) return !x && !y;
  if (x.kind === 'absolute' && y.kind === 'absolute') return x.amount === y.amount;
  if (x.kind === 'percentage' && y.kind === 'percentage') return x.percent === y.percent;
  return false;
}

// ---------------------------------------------------------------------------------------------
// Words

const D = 'performanceSettings.describe';

/** The roll-up rule as a phrase, as the roll-up pages show it ("How it is worked out: …"). */
export function describeRollup(options: RollupOptions): Phrase {
  const rule = options.rule;
  const how =
    rule.kind === 'weighted-score'
      ? phrase(`${D}.weighted`, {
          green: toPercent(rule.greenFrom ?? WEIGHTED_DEFAULTS.greenFrom),
          amber: toPercent(rule.amberFrom ?? WEIGHTED_DEFAULTS.amberFrom),
        })
      : phrase(`${D}.${rule.kind}`);
  const key = phrase(options.keyItemsDominate === false ? `${D}.nothing` : `${D}.keyDominates`);
  const overdue =
    options.overdueAs === 'red' || options.overdueAs === 'amber'
      ? phrase(`${D}.overdueCounts`, { status: phrase(`${D}.overdueStatus.${options.overdueAs}`) })
      : phrase(`${D}.notRated`);
  return phrase(`${D}.rollup`, { how, key, overdue });
}

/** The direction-of-travel tolerance as a phrase. */
export function describeTolerance(settings: PerformanceSettings): Phrase {
  const tolerance = toChangeTolerance(settings);
  if (!tolerance) return phrase(`${D}.toleranceNone`);
  return tolerance.kind === 'absolute'
    ? phrase(`${D}.toleranceAmount`, { amount: tolerance.amount })
    : phrase(`${D}.tolerancePercent`, { percent: tolerance.percent });
}

/** Each setting as a phrase, in the order the settings page lists them. */
export function describeSettings(settings: PerformanceSettings) {
  return {
    rollupRule: describeRollup(toRollupOptions(settings)),
    keyMeasuresDominate: phrase(settings.keyMeasuresDominate ? `${D}.keyYes` : `${D}.keyNo`),
    overdueAs: overduePhrase(settings.overdueAs),
    objectivesAppetite: phrase(`${D}.objectivesAppetite`, { percent: toPercent(settings.objectivesAppetite) }),
    targetsAppetite: phrase(`${D}.targetsAppetite`, { percent: toPercent(settings.targetsAppetite) }),
    tolerance: describeTolerance(settings),
    officialFrom: officialFromPhrase(settings.officialFrom),
  };
}
