import { z } from 'zod';
import { optionalId, requiredId, requiredText } from '../../../kernel/inputs.ts';
import { PLAN_STATUSES } from './lifecycle.ts';
import { ROLL_FORWARD_MOVES } from './period.ts';
import { phrase, phraseText, type Phrase } from '../../../kernel/phrase.ts';

export const SECTION_MAX = 20_000;

/** An ISO date (YYYY-MM-DD) that exists; blank means missing. Worded for page forms and API alike. */
const planDate = (label: Phrase) =>
  z.preprocess(
    (value) => (value === '' || value === null ? undefined : value),
    z.string({ message: phraseText('inputs.enter', { label }) }).refine(
      (value) => {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
        const date = new Date(`${value}T00:00:00Z`);
        return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
      },
      phraseText('inputs.realDate', { label }),
    ),
  );

const periodFields = {
  title: requiredText(phrase('fieldNames.aTitle'), 200),
  periodStart: planDate(phrase('planRefusals.fields.periodStart')),
  periodEnd: planDate(phrase('planRefusals.fields.periodEnd')),
  owningUnitId: requiredId(phraseText('planChecks.owningUnit')),
  ownerPersonId: optionalId(phraseText('planChecks.ownerExists')),
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
    ctx.addIssue({ code: 'custom', path: ['periodEnd'], message: phraseText('planRefusals.periodTooLong') });
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
  .record(z.string(), z.string().max(SECTION_MAX, phraseText('planRefusals.sectionTooLong', { max: SECTION_MAX })))
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

/** Reasons that must be given; `enterReasons` is the stored phrase asking for them. */
export const reasonInput = (enterReasons: string) =>
  z.object({
    reason: z.preprocess(
      (v) => v ?? '',
      z.string().trim().min(1, enterReasons).max(2000, phraseText('planChecks.reasonsLong')),
    ),
    rowVersion: optionalRowVersion,
  });
export const returnInput = reasonInput(phraseText('planLifecycle.returnReason'));
export const amendInput = reasonInput(phraseText('planRefusals.amendmentReasons'));
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
