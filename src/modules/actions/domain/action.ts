/** What a person sends to create, change, update, re-date, close or escalate an action: one schema per edge. */
import { z } from 'zod';
import { isoDate, optionalId, optionalText, requiredId, requiredText, stringList } from '../../../kernel/inputs.ts';
import { ESCALATION_DECISIONS } from './escalation.ts';
import { ACTION_STATUSES, CLOSED_STATUSES, OPEN_STATUSES } from './status.ts';

export const ANSWER_KINDS = ['recommendation', 'improvement-plan'] as const;
export type AnswerKind = (typeof ANSWER_KINDS)[number];

const percent = z.coerce
  .number({ message: 'Enter % complete as a whole number from 0 to 100' })
  .int('Enter % complete as a whole number from 0 to 100')
  .min(0, 'Enter % complete as a whole number from 0 to 100')
  .max(100, 'Enter % complete as a whole number from 0 to 100');

const checkbox = z.preprocess((v) => v === true || v === 'true' || v === 'yes' || v === 'on', z.boolean());
const blank = (v: unknown) => (v === '' || v === undefined ? null : v);

const actionFields = {
  code: requiredText('a code', 20).regex(
    /^[A-Za-z0-9][A-Za-z0-9.\-/]*$/,
    'Code must be letters, numbers, dots or dashes',
  ),
  title: requiredText('a title'),
  description: optionalText('description'),
  ownerPersonId: requiredId('Select an owner'),
  escalationOwnerPersonId: requiredId('Select an escalation owner'),
  assigneeIds: stringList(z.uuid({ message: 'Select assignees who exist' })),
  itemIds: stringList(z.uuid({ message: 'Select plan items that exist' })),
  measureIds: stringList(z.uuid({ message: 'Select measures that exist' })),
  isKey: checkbox,
  answersKind: z.preprocess(blank, z.enum(ANSWER_KINDS, { message: 'Select what the action answers' }).nullable()),
  answersId: optionalId('The record the action answers must be an id'),
};

function checkAnswers(value: { answersKind: string | null; answersId: string | null }, ctx: z.RefinementCtx) {
  if ((value.answersKind === null) !== (value.answersId === null)) {
    ctx.addIssue({
      code: 'custom',
      message: 'Give both what the action answers and its id, or neither',
      path: ['answersId'],
    });
  }
}

export const actionInput = z
  .object({
    ...actionFields,
    planId: requiredId('Select the plan the action belongs to'),
    startDate: isoDate('the start date'),
    dueDate: isoDate('the due date'),
  })
  .superRefine((value, ctx) => {
    if (value.dueDate < value.startDate) {
      ctx.addIssue({ code: 'custom', message: 'The due date must be on or after the start date', path: ['dueDate'] });
    }
    checkAnswers(value, ctx);
  });
export type ActionInput = z.infer<typeof actionInput>;

/** Editing: the plan, start and due dates are not changed here (the due date is revised with a reason). */
export const actionUpdateInput = z.object(actionFields).superRefine(checkAnswers);
export type ActionUpdateInput = z.infer<typeof actionUpdateInput>;

export const progressInput = z.object({
  percentComplete: percent,
  /** Empty: the derived status stands. */
  status: z.preprocess(blank, z.enum(OPEN_STATUSES, { message: 'Select a status' }).nullable()),
  /** Why the owner's status differs from the derived one. */
  statusReason: optionalText('the reason for the status', 2000),
  commentary: requiredText('commentary', 5000),
  asOf: isoDate('the date of the update'),
});
export type ProgressInput = z.infer<typeof progressInput>;

export const reviseDateInput = z.object({
  revisedDueDate: isoDate('the revised due date'),
  reason: requiredText('the reason for the new date', 2000),
});
export type ReviseDateInput = z.infer<typeof reviseDateInput>;

export const revisionDecisionInput = z.object({
  decision: z.enum(['approve', 'reject'], { message: 'Select approve or reject' }),
  reason: optionalText('the reason', 2000),
});

export const closeInput = z
  .object({
    status: z.enum(CLOSED_STATUSES, { message: 'Select complete, cancelled or terminated' }),
    reason: optionalText('the reason', 2000),
  })
  .superRefine((value, ctx) => {
    if (value.status !== 'complete' && value.reason === '') {
      ctx.addIssue({ code: 'custom', message: `Enter the reason the action is ${value.status}`, path: ['reason'] });
    }
  });
export type CloseInput = z.infer<typeof closeInput>;

export const escalationDecisionInput = z
  .object({
    decision: z.enum(ESCALATION_DECISIONS, { message: 'Select a decision' }),
    reason: requiredText('the reason for the decision', 2000),
    newDueDate: z.preprocess(blank, isoDate('the new due date').nullable()),
  })
  .superRefine((value, ctx) => {
    if (value.decision === 're-plan' && value.newDueDate === null) {
      ctx.addIssue({ code: 'custom', message: 'Enter the new due date for the re-plan', path: ['newDueDate'] });
    }
  });
export type EscalationDecisionInput = z.infer<typeof escalationDecisionInput>;

export const milestoneInput = z.object({
  title: requiredText('the milestone'),
  dueDate: isoDate('the milestone due date'),
});
export type MilestoneInput = z.infer<typeof milestoneInput>;

export const milestoneDoneInput = z.object({ completedOn: isoDate('the date it was completed') });

/** The status the owner states must come with a reason when it differs from the derived one. */
export function judgementNeedsReason(stated: string | null, derived: string, reason: string): boolean {
  return stated !== null && stated !== derived && reason.trim() === '';
}

/** The list's filters (page and API query): a bad value is ignored rather than refused. */
export const actionListQuery = z.object({
  ownerPersonId: z.preprocess((v) => (v === '' ? undefined : v), z.uuid().optional()).catch(undefined),
  unitId: z.preprocess((v) => (v === '' ? undefined : v), z.uuid().optional()).catch(undefined),
  measureId: z.preprocess((v) => (v === '' ? undefined : v), z.uuid().optional()).catch(undefined),
  status: z.preprocess((v) => (v === '' ? undefined : v), z.enum(ACTION_STATUSES).optional()).catch(undefined),
  overdue: z.preprocess((v) => v === 'yes' || v === 'true', z.boolean()).catch(false),
});
