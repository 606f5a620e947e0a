/** What a person sends to create, change, update, re-date, close or escalate an action: one schema per edge. */
import { z } from 'zod';
import { isoDate, optionalId, optionalText, requiredId, requiredText, stringList } from '../../../kernel/inputs.ts';
import { phrase, phraseText } from '../../../kernel/phrase.ts';
import { ESCALATION_DECISIONS } from './escalation.ts';
import { ACTION_STATUSES, CLOSED_STATUSES, OPEN_STATUSES } from './status.ts';

export const ANSWER_KINDS = ['recommendation', 'improvement-plan'] as const;
export type AnswerKind = (typeof ANSWER_KINDS)[number];

const PERCENT_MESSAGE = phraseText('actionChecks.percent');
const percent = z.coerce
  .number({ message: PERCENT_MESSAGE })
  .int(PERCENT_MESSAGE)
  .min(0, PERCENT_MESSAGE)
  .max(100, PERCENT_MESSAGE);

/** A field named in a message ("Enter {label}"), from the catalogue's actionFields. */
const field = (key: string) => phrase(`actionFields.${key}`);

const checkbox = z.preprocess((v) => v === true || v === 'true' || v === 'yes' || v === 'on', z.boolean());
const blank = (v: unknown) => (v === '' || v === undefined ? null : v);

const actionFields = {
  code: requiredText(field('aCode'), 20).regex(/^[A-Za-z0-9][A-Za-z0-9.\-/]*$/, phraseText('actionChecks.codeLetters')),
  title: requiredText(field('aTitle')),
  description: optionalText('description'),
  ownerPersonId: requiredId(phraseText('actionChecks.owner')),
  escalationOwnerPersonId: requiredId(phraseText('actionChecks.escalationOwner')),
  assigneeIds: stringList(z.uuid({ message: phraseText('actionChecks.assigneesExist') })),
  itemIds: stringList(z.uuid({ message: phraseText('actionChecks.itemsExist') })),
  measureIds: stringList(z.uuid({ message: phraseText('actionChecks.measuresExist') })),
  isKey: checkbox,
  answersKind: z.preprocess(
    blank,
    z.enum(ANSWER_KINDS, { message: phraseText('actionChecks.answersKind') }).nullable(),
  ),
  answersId: optionalId(phraseText('actionChecks.answersId')),
};

function checkAnswers(value: { answersKind: string | null; answersId: string | null }, ctx: z.RefinementCtx) {
  if ((value.answersKind === null) !== (value.answersId === null)) {
    ctx.addIssue({
      code: 'custom',
      message: phraseText('actionChecks.answersBoth'),
      path: ['answersId'],
    });
  }
}

export const actionInput = z
  .object({
    ...actionFields,
    planId: requiredId(phraseText('actionChecks.plan')),
    startDate: isoDate(field('startDate')),
    dueDate: isoDate(field('dueDate')),
  })
  .superRefine((value, ctx) => {
    if (value.dueDate < value.startDate) {
      ctx.addIssue({ code: 'custom', message: phraseText('actionChecks.dueBeforeStart'), path: ['dueDate'] });
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
  status: z.preprocess(blank, z.enum(OPEN_STATUSES, { message: phraseText('actionChecks.status') }).nullable()),
  /** Why the owner's status differs from the derived one. */
  statusReason: optionalText(field('statusReason'), 2000),
  commentary: requiredText('commentary', 5000),
  asOf: isoDate(field('updateDate')),
});
export type ProgressInput = z.infer<typeof progressInput>;

export const reviseDateInput = z.object({
  revisedDueDate: isoDate(field('revisedDueDate')),
  reason: requiredText(field('newDateReason'), 2000),
});
export type ReviseDateInput = z.infer<typeof reviseDateInput>;

export const revisionDecisionInput = z.object({
  decision: z.enum(['approve', 'reject'], { message: phraseText('actionChecks.approveOrReject') }),
  reason: optionalText(field('reason'), 2000),
});

export const closeInput = z
  .object({
    status: z.enum(CLOSED_STATUSES, { message: phraseText('actionChecks.closedStatus') }),
    reason: optionalText(field('reason'), 2000),
  })
  .superRefine((value, ctx) => {
    if (value.status !== 'complete' && value.reason === '') {
      ctx.addIssue({
        code: 'custom',
        message: phraseText('actionChecks.closeReason', { status: phrase(`actionInSentence.${value.status}`) }),
        path: ['reason'],
      });
    }
  });
export type CloseInput = z.infer<typeof closeInput>;

export const escalationDecisionInput = z
  .object({
    decision: z.enum(ESCALATION_DECISIONS, { message: phraseText('actionChecks.decision') }),
    reason: requiredText(field('decisionReason'), 2000),
    newDueDate: z.preprocess(blank, isoDate(field('newDueDate')).nullable()),
  })
  .superRefine((value, ctx) => {
    if (value.decision === 're-plan' && value.newDueDate === null) {
      ctx.addIssue({ code: 'custom', message: phraseText('actionChecks.replanDate'), path: ['newDueDate'] });
    }
  });
export type EscalationDecisionInput = z.infer<typeof escalationDecisionInput>;

export const milestoneInput = z.object({
  title: requiredText(field('milestone')),
  dueDate: isoDate(field('milestoneDueDate')),
});
export type MilestoneInput = z.infer<typeof milestoneInput>;

export const milestoneDoneInput = z.object({ completedOn: isoDate(field('completedOn')) });

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
