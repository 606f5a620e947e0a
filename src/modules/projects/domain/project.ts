/**
 * Projects and programmes: what a person may enter, checked once for pages and API alike. Rules
 * that need the stored project (revising an end date, the lifecycle) are in lifecycle.ts.
 */
import { z } from 'zod';
import { isoDate, optionalId, optionalText, requiredId, requiredText, stringList } from '../../../kernel/inputs.ts';
import { parseMoney, type Money } from '../../../kernel/money.ts';

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
      context.addIssue({ code: 'custom', message: 'Enter the budget in pounds and pence, like £1,250,000.00' });
      return z.NEVER;
    }
    if (parsed.value < 0) {
      context.addIssue({ code: 'custom', message: 'The budget cannot be less than £0' });
      return z.NEVER;
    }
    return parsed.value;
  });

const endNotBeforeStart = <T extends { startDate: string; endDate: string }>(value: T) =>
  value.endDate >= value.startDate;
const END_BEFORE_START = { message: 'The end date must be on or after the start date', path: ['endDate'] };

export const programmeInput = z.object({
  code: requiredText('a code', 30),
  title: requiredText('a title'),
  description: optionalText('description'),
  sponsorPersonId: optionalId('Select a sponsor who exists'),
  managerPersonId: optionalId('Select a manager who exists'),
  unitId: optionalId('Select a unit that exists'),
});
export type ProgrammeInput = z.infer<typeof programmeInput>;

const projectFields = {
  code: requiredText('a code', 30),
  title: requiredText('a title'),
  description: optionalText('description'),
  programmeId: optionalId('Select a programme that exists'),
  planId: optionalId('Select a plan that exists'),
  itemIds: stringList(requiredId('Select plan items that exist')),
  unitId: optionalId('Select a unit that exists'),
  sponsorPersonId: chosenId('Select a sponsor'),
  managerPersonId: chosenId('Select a manager'),
  boardId: optionalId('Select a board that exists'),
  startDate: isoDate('the start date'),
  endDate: isoDate('the end date'),
  budget: budgetField,
  key: flag,
};

export const projectInput = z.object(projectFields).refine(endNotBeforeStart, END_BEFORE_START);
export type ProjectInput = z.infer<typeof projectInput>;

/** A change to a project: a new end date needs the reason it moved (see reviseEndDate). */
export const projectChangeInput = z
  .object({ ...projectFields, endDateReason: optionalText('the reason for the new end date', 1000) })
  .refine(endNotBeforeStart, END_BEFORE_START);
export type ProjectChangeInput = z.infer<typeof projectChangeInput>;

export const stageInput = z
  .object({
    name: requiredText('the name of the stage'),
    startDate: isoDate('the start date'),
    endDate: isoDate('the end date'),
  })
  .refine(endNotBeforeStart, END_BEFORE_START);
export type StageInput = z.infer<typeof stageInput>;

export const milestoneInput = z.object({
  title: requiredText('the milestone'),
  dueDate: isoDate('the due date'),
  stageId: optionalId('Select a stage of this project'),
});
export type MilestoneInput = z.infer<typeof milestoneInput>;

export const milestoneRevisionInput = z.object({
  revisedDueDate: isoDate('the revised due date'),
  reason: requiredText('the reason for the revised date', 1000),
});
export type MilestoneRevisionInput = z.infer<typeof milestoneRevisionInput>;

export const milestoneCompletionInput = z.object({ completedOn: isoDate('the date it was completed') });
export type MilestoneCompletionInput = z.infer<typeof milestoneCompletionInput>;

const rag = (dimension: string) => z.enum(DELIVERY_RAGS, { message: `Select red, amber or green for ${dimension}` });

/** A highlight report: the four dimensions, overall, % complete and what has happened. */
export const projectUpdateInput = z.object({
  reportedOn: isoDate('the date of the report'),
  timeRag: rag('time'),
  timeCommentary: optionalText('commentary on time'),
  costRag: rag('cost'),
  costCommentary: optionalText('commentary on cost'),
  scopeRag: rag('scope'),
  scopeCommentary: optionalText('commentary on scope'),
  qualityRag: rag('quality'),
  qualityCommentary: optionalText('commentary on quality'),
  overallRag: rag('the project overall'),
  percentComplete: z.preprocess(
    (value) => (typeof value === 'string' && value.trim() !== '' ? Number(value.trim()) : value),
    z
      .number({ message: 'Enter the % complete as a whole number from 0 to 100' })
      .int('Enter the % complete as a whole number from 0 to 100')
      .min(0, 'The % complete must be between 0 and 100')
      .max(100, 'The % complete must be between 0 and 100'),
  ),
  commentary: optionalText('commentary'),
});
export type ProjectUpdateInput = z.infer<typeof projectUpdateInput>;

export const PROJECT_ACTIONS = ['start', 'hold', 'resume', 'close', 'cancel'] as const;
export type ProjectAction = (typeof PROJECT_ACTIONS)[number];

export const projectActionInput = z.object({
  action: z.enum(PROJECT_ACTIONS, { message: 'Select what to do with the project' }),
  reason: optionalText('the reason', 1000),
});
export type ProjectActionInput = z.infer<typeof projectActionInput>;
