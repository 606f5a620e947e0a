/**
 * Projects and programmes: what a person may enter, checked once for pages and API alike. Rules
 * that need the stored project (revising an end date, the lifecycle) are in lifecycle.ts.
 */
import { z } from 'zod';
import { isoDate, optionalId, optionalText, requiredId, requiredText, stringList } from '../../../kernel/inputs.ts';
import { parseMoney, type Money } from '../../../kernel/money.ts';
import { phrase, phraseText } from '../../../kernel/phrase.ts';

/** A field named in a message ("Enter {label}"), from the catalogue's projectFields. */
const field = (key: string) => phrase(`projectFields.${key}`);

export const PROJECT_STATUSES = ['proposed', 'active', 'on-hold', 'closed', 'cancelled'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/** A project's delivery is judged red, amber or green on each dimension and overall. */
export const DELIVERY_RAGS = ['red', 'amber', 'green'] as const;
export type DeliveryRag = (typeof DELIVERY_RAGS)[number];

/** PRINCE2's tolerances as councils report them in highlight reports. */
export const DIMENSIONS = ['time', 'cost', 'scope', 'quality'] as const;

/** A person chosen from a list: a blank choice reads "Select …", not "must be a UUID". */
const chosenId = (message: string) =>
  z.preprocess((value) => value ?? '', z.string().min(1, message).pipe(requiredId(message)));

/** A checkbox (form: "true" or absent) or a JSON boolean. */
const flag = z.preprocess((value) => value === true || value === 'true' || value === 'on', z.boolean());

/**
 * A budget as people type it ("£1,250,000", "1250000.50") or as a JSON number of pounds, kept as
 * whole pence; blank means no budget recorded. A negative budget is refused.
 */
export const budgetField = z
  .union([z.string(), z.number(), z.null()])
  .optional()
  .transform((value, context): Money | null => {
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return null;
    const parsed = parseMoney(value);
    if (!parsed.ok) {
      context.addIssue({ code: 'custom', message: phraseText('projectChecks.budgetFormat') });
      return z.NEVER;
    }
    if (parsed.value < 0) {
      context.addIssue({ code: 'custom', message: phraseText('projectChecks.budgetNegative') });
      return z.NEVER;
    }
    return parsed.value;
  });

const endNotBeforeStart = <T extends { startDate: string; endDate: string }>(value: T) =>
  value.endDate >= value.startDate;
const END_BEFORE_START = { message: phraseText('projectChecks.endBeforeStart'), path: ['endDate'] };

export const programmeInput = z.object({
  code: requiredText(field('aCode'), 30),
  title: requiredText(field('aTitle')),
  description: optionalText(field('description')),
  sponsorPersonId: optionalId(phraseText('projectChecks.sponsorExists')),
  managerPersonId: optionalId(phraseText('projectChecks.managerExists')),
  unitId: optionalId(phraseText('projectChecks.unitExists')),
});
export type ProgrammeInput = z.infer<typeof programmeInput>;

const projectFields = {
  code: requiredText(field('aCode'), 30),
  title: requiredText(field('aTitle')),
  description: optionalText(field('description')),
  programmeId: optionalId(phraseText('projectChecks.programmeExists')),
  planId: optionalId(phraseText('projectChecks.planExists')),
  itemIds: stringList(requiredId(phraseText('projectChecks.itemsExist'))),
  unitId: optionalId(phraseText('projectChecks.unitExists')),
  sponsorPersonId: chosenId(phraseText('projectChecks.sponsor')),
  managerPersonId: chosenId(phraseText('projectChecks.manager')),
  boardId: optionalId(phraseText('projectChecks.boardExists')),
  startDate: isoDate(field('startDate')),
  endDate: isoDate(field('endDate')),
  budget: budgetField,
  key: flag,
};

export const projectInput = z.object(projectFields).refine(endNotBeforeStart, END_BEFORE_START);
export type ProjectInput = z.infer<typeof projectInput>;

/** A change to a project: a new end date needs the reason it moved (see reviseEndDate). */
export const projectChangeInput = z
  .object({ ...projectFields, endDateReason: optionalText(field('reasonForTheNewEndDate'), 1000) })
  .refine(endNotBeforeStart, END_BEFORE_START);
export type ProjectChangeInput = z.infer<typeof projectChangeInput>;

export const stageInput = z
  .object({
    name: requiredText(field('nameOfTheStage')),
    startDate: isoDate(field('startDate')),
    endDate: isoDate(field('endDate')),
  })
  .refine(endNotBeforeStart, END_BEFORE_START);
export type StageInput = z.infer<typeof stageInput>;

export const milestoneInput = z.object({
  title: requiredText(field('milestone')),
  dueDate: isoDate(field('dueDate')),
  stageId: optionalId(phraseText('projectChecks.stageOfProject')),
});
export type MilestoneInput = z.infer<typeof milestoneInput>;

export const milestoneRevisionInput = z.object({
  revisedDueDate: isoDate(field('revisedDueDate')),
  reason: requiredText(field('reasonForTheRevisedDate'), 1000),
});
export type MilestoneRevisionInput = z.infer<typeof milestoneRevisionInput>;

export const milestoneCompletionInput = z.object({ completedOn: isoDate(field('dateItWasCompleted')) });
export type MilestoneCompletionInput = z.infer<typeof milestoneCompletionInput>;

const rag = (dimension: string) =>
  z.enum(DELIVERY_RAGS, {
    message: phraseText('projectChecks.rag', { dimension: phrase(`projectRagFor.${dimension}`) }),
  });

/** A highlight report: the four dimensions, overall, % complete and what has happened. */
export const projectUpdateInput = z.object({
  reportedOn: isoDate(field('dateOfTheReport')),
  timeRag: rag('time'),
  timeCommentary: optionalText(field('commentaryOnTime')),
  costRag: rag('cost'),
  costCommentary: optionalText(field('commentaryOnCost')),
  scopeRag: rag('scope'),
  scopeCommentary: optionalText(field('commentaryOnScope')),
  qualityRag: rag('quality'),
  qualityCommentary: optionalText(field('commentaryOnQuality')),
  overallRag: rag('overall'),
  percentComplete: z.preprocess(
    (value) => (typeof value === 'string' && value.trim() !== '' ? Number(value.trim()) : value),
    z
      .number({ message: phraseText('projectChecks.percent') })
      .int(phraseText('projectChecks.percent'))
      .min(0, phraseText('projectChecks.percentRange'))
      .max(100, phraseText('projectChecks.percentRange')),
  ),
  commentary: optionalText(field('commentary')),
});
export type ProjectUpdateInput = z.infer<typeof projectUpdateInput>;

export const PROJECT_ACTIONS = ['start', 'hold', 'resume', 'close', 'cancel'] as const;
export type ProjectAction = (typeof PROJECT_ACTIONS)[number];

export const projectActionInput = z.object({
  action: z.enum(PROJECT_ACTIONS, { message: phraseText('projectChecks.projectAction') }),
  reason: optionalText(field('reason'), 1000),
});
export type ProjectActionInput = z.infer<typeof projectActionInput>;
