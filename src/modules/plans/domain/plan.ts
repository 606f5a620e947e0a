import { z } from 'zod';
import { optionalId, requiredId, requiredText } from '../../../kernel/inputs.ts';
import { PLAN_STATUSES } from './lifecycle.ts';
import { ROLL_FORWARD_MOVES } from './period.ts';
import { phrase, phraseText } from '../../../kernel/phrase.ts';

export const SECTION_MAX = 20_000;

/** An ISO date (YYYY-MM-DD) that exists; blank means missing. Worded for page forms and API alike. */
const planDate = (label: string) =>
  z.preprocess(
    (value) => (value === '' || value === null ? undefined : value),
    z.string({ message: `Enter ${label}` }).refine(
      (value) => {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
        const date = new Date(`${value}T00:00:00Z`);
        return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
      },
      `The ${label.slice(4)} must be a real date`,
    ),
  );

const periodFields = {
  title: requiredText(phrase('fieldNames.aTitle'), 200),
  periodStart: planDate('the start of the period'),
  periodEnd: planDate('the end of the period'),
  owningUnitId: requiredId(phraseText('planChecks.owningUnit')),
  ownerPersonId: optionalId('Select an owner who exists'),
  parentPlanId: optionalId(phraseText('planChecks.parentPlanExists')),
};

function periodInOrder<T extends { periodStart: string; periodEnd: string }>(value: T, ctx: z.RefinementCtx) {
  if (value.periodEnd <= value.periodStart) {
    ctx.addIssue({ code: 'custom', path: ['periodEnd'], message: phraseText('planChecks.periodOrder') });
  }
  if (
    value.periodEnd > value.periodStart &&
    value.periodEnd.slice(0, 4) > String(Number(value.periodStart.slice(0, 4)) + 10)
  ) {
    ctx.addIssue({ code: 'custom', path: ['periodEnd'], message: 'A plan period must be 10 years or shorter' });
  }
}

/** A new plan, whoever sends it: page form, API or import. */
export const planInput = z
  .object({
    planTypeId: requiredId(phraseText('planChecks.planType')),
    ...periodFields,
  })
  .superRefine(periodInOrder);
export type PlanInput = z.infer<typeof planInput>;

const sectionsSchema = z
  .record(z.string(), z.string().max(SECTION_MAX, `Each section must be ${SECTION_MAX} characters or fewer`))
  .default({});

/** A change to a draft plan; rowVersion is the version the editor started from. */
export const planUpdateInput = z
  .object({
    ...periodFields,
    sections: sectionsSchema,
    rowVersion: z.coerce
      .number({ message: phraseText('planChecks.formVersion') })
      .int()
      .positive(phraseText('planChecks.formVersion')),
  })
  .superRefine(periodInOrder);
export type PlanUpdateInput = z.infer<typeof planUpdateInput>;

const optionalRowVersion = z.preprocess(
  (value) => (value === '' || value === null ? undefined : value),
  z.coerce.number().int().positive().optional(),
);

export const commentInput = z.object({
  comment: z.preprocess((v) => v ?? '', z.string().trim().max(2000, phraseText('planChecks.commentLong'))),
  rowVersion: optionalRowVersion,
});
export type CommentInput = z.infer<typeof commentInput>;

const blankAsNull = (value: unknown) => (value === undefined || value === null || value === '' ? null : value);

export const approveInput = commentInput.extend({
  step: z.coerce
    .number({ message: phraseText('planChecks.approvalStep') })
    .int()
    .positive(phraseText('planChecks.approvalStep')),
  /** For a governance body's step: the date of its decision (YYYY-MM-DD) and the minute reference. */
  decisionDate: z.preprocess(blankAsNull, z.string().max(20).nullable()).optional(),
  minuteReference: z.preprocess(blankAsNull, z.string().max(2000).nullable()).optional(),
});
export type ApproveInput = z.infer<typeof approveInput>;

export const reasonInput = (what: string) =>
  z.object({
    reason: z.preprocess(
      (v) => v ?? '',
      z.string().trim().min(1, `Enter the reasons for ${what}`).max(2000, phraseText('planChecks.reasonsLong')),
    ),
    rowVersion: optionalRowVersion,
  });
export const returnInput = reasonInput('returning the plan');
export const amendInput = reasonInput('the amendment');
export type ReasonInput = z.infer<typeof returnInput>;

export const rollForwardInput = z.object({
  reason: z.preprocess((v) => v ?? '', z.string().trim().max(2000, phraseText('planChecks.reasonsLong'))),
  /** The annual refresh (one year on) unless a new plan period (on by the plan's whole length) is chosen. */
  move: z.preprocess(
    (v) => (v === undefined || v === null || v === '' ? 'annual-refresh' : v),
    z.enum(ROLL_FORWARD_MOVES, {
      message: phraseText('planChecks.nextPeriodChoice'),
    }),
  ),
  rowVersion: optionalRowVersion,
});

const blankToUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);

/** Filters on the plan list (GET form and API query). Unknown or blank values mean "any". */
export const planFilters = z.object({
  planTypeId: z.preprocess(blankToUndefined, z.uuid({ message: phraseText('planChecks.planTypeExists') }).optional()),
  owningUnitId: z.preprocess(blankToUndefined, z.uuid({ message: phraseText('planChecks.unitExists') }).optional()),
  status: z.preprocess(
    blankToUndefined,
    z.enum(PLAN_STATUSES, { message: phraseText('planChecks.status') }).optional(),
  ),
  /** Financial year (by its starting year) the plan's period overlaps. */
  year: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ message: phraseText('planChecks.year') })
      .int()
      .min(1900)
      .max(2999)
      .optional(),
  ),
});
export type PlanFilters = z.infer<typeof planFilters>;

export const PLAN_ACTIONS = ['submit', 'approve', 'return', 'amend', 'roll-forward', 'archive'] as const;
export type PlanAction = (typeof PLAN_ACTIONS)[number];
export function isPlanAction(value: string): value is PlanAction {
  return (PLAN_ACTIONS as readonly string[]).includes(value);
}

/** Only the template's sections are kept; unknown keys are an error the caller names. */
export function unknownSections(sections: Record<string, string>, allowed: readonly string[]): string[] {
  return Object.keys(sections).filter((key) => !allowed.includes(key));
}
