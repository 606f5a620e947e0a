/**
 * What a person or an API client sends, parsed with the same schemas at both edges: forms send
 * strings (blank for "not given"), JSON sends numbers and nulls.
 */
import { z } from 'zod';
import { isoDate, optionalId, optionalText, stringList } from '../../../kernel/inputs.ts';
import { DECISION_OUTCOMES, PLAN_STATUSES } from './lifecycle.ts';
import { TRIGGERS } from './trigger.ts';

const blankToNull = (value: unknown) => (value === '' || value === undefined ? null : value);

const optionalNumber = (label: string) =>
  z.preprocess(
    (value) => (typeof value === 'string' ? (value.trim() === '' ? null : Number(value.trim())) : blankToNull(value)),
    z
      .number({ message: `${label} must be a number` })
      .finite(`${label} must be a number`)
      .nullable(),
  );

const optionalDate = (label: string) => z.preprocess(blankToNull, isoDate(label).nullable());

const optionalPeriod = z.preprocess(
  (value) => (typeof value === 'string' ? (value.trim() === '' ? null : value.trim()) : blankToNull(value)),
  z.string().max(20).nullable(),
);

/** The parts of a plan its owner writes (all may be filled in over time; submitting needs them). */
export const planFields = z.object({
  problem: optionalText('the problem', 5000),
  rootCause: optionalText('the root cause', 5000),
  expectedValue: optionalNumber('The expected value'),
  expectedPeriod: optionalPeriod,
  dueDate: optionalDate('the date the plan should be complete by'),
  ownerPersonId: optionalId('Select the plan’s owner'),
});
export type PlanFields = z.infer<typeof planFields>;

export const newPlanInput = planFields.extend({
  measureId: optionalId('Select a measure'),
  requestId: optionalId('The request is not a valid reference'),
});
export type NewPlanInput = z.infer<typeof newPlanInput>;

export const planUpdateInput = planFields.partial().extend({
  rowVersion: z.coerce.number().int().positive().optional(),
});
export type PlanUpdateInput = z.infer<typeof planUpdateInput>;

export const decisionInput = z.object({
  outcome: z.enum(DECISION_OUTCOMES, { message: 'Select whether the panel agreed the plan or sent it back' }),
  meetingDate: z.preprocess(blankToNull, z.string({ message: 'Enter the date of the panel’s meeting' }).nullable()),
  minuteReference: optionalText('the minute reference', 200),
  comments: optionalText('the panel’s comments', 5000),
});
export type DecisionInput = z.infer<typeof decisionInput>;

export const closeInput = z.object({
  closingSummary: optionalText('the closing summary', 5000),
  openActionsReason: optionalText('the reason', 2000),
});
export type CloseInput = z.infer<typeof closeInput>;

export const withdrawInput = z.object({ reason: optionalText('the reason', 2000) });
export type WithdrawInput = z.infer<typeof withdrawInput>;

export const settingsInput = z.object({
  panelBodyId: optionalId('Select the panel'),
  consecutivePeriods: z.coerce
    .number({ message: 'The number of periods must be a whole number from 1 to 12' })
    .int('The number of periods must be a whole number from 1 to 12')
    .min(1, 'The number of periods must be a whole number from 1 to 12')
    .max(12, 'The number of periods must be a whole number from 1 to 12'),
  triggers: stringList(z.enum(TRIGGERS, { message: 'Select red or special-cause concern' })).refine(
    (list) => list.length > 0,
    'Select at least one trigger: red, or special-cause concern',
  ),
});
export type SettingsInput = z.infer<typeof settingsInput>;

export const planFilters = z.object({
  ownerPersonId: optionalId('Select an owner'),
  unitId: optionalId('Select a unit'),
  status: z.preprocess(blankToNull, z.enum(PLAN_STATUSES, { message: 'Select a status' }).nullable()),
});
export type PlanFilters = z.infer<typeof planFilters>;
