import { z } from 'zod';
import { isoDate } from '../../../kernel/inputs.ts';

/**
 * The council's collection calendar, set by an administrator: when data is due (working days
 * after the period ends), when reminders and escalations go, whose bank holidays apply, and the
 * council's own closure days. Only England and Wales bank holidays are built in (bank-holidays.ts),
 * so that is the one region offered.
 */
export const HOLIDAY_REGIONS = ['england-and-wales'] as const;
export const HOLIDAY_REGION_NAMES: Record<(typeof HOLIDAY_REGIONS)[number], string> = {
  'england-and-wales': 'England and Wales',
};

const days = (label: string, min: number, max: number) =>
  z.preprocess(
    (value) => (typeof value === 'string' && value.trim() !== '' ? Number(value.trim()) : value),
    z
      .number({ message: `Enter ${label} as a whole number` })
      .int(`Enter ${label} as a whole number`)
      .min(min, `${label.charAt(0).toUpperCase()}${label.slice(1)} must be ${min} or more`)
      .max(max, `${label.charAt(0).toUpperCase()}${label.slice(1)} must be ${max} or fewer`),
  );

export const closureDayInput = z.object({
  day: isoDate('the closure date'),
  name: z
    .string()
    .trim()
    .min(1, 'Enter a name for each closure day')
    .max(100, 'Closure names must be 100 characters or fewer'),
});
export type ClosureDay = z.infer<typeof closureDayInput>;

const rules = {
  workingDaysAfterPeriodEnd: days('the working days after the period ends', 1, 60),
  reminderWorkingDaysBefore: days('the working days before the due date for the reminder', 0, 30),
  escalateToOwnerAfterDays: days('the working days overdue before the owner is told', 0, 60),
  escalateToManagerAfterDays: days('the working days overdue before the line manager is told', 0, 90),
  holidayRegion: z.enum(HOLIDAY_REGIONS, { message: 'Select whose bank holidays apply' }),
};

function checkOrder(
  value: { escalateToOwnerAfterDays: number; escalateToManagerAfterDays: number; closureDays: ClosureDay[] },
  context: z.RefinementCtx,
) {
  if (value.escalateToManagerAfterDays > 0 && value.escalateToManagerAfterDays <= value.escalateToOwnerAfterDays) {
    context.addIssue({
      code: 'custom',
      path: ['escalateToManagerAfterDays'],
      message: 'The line manager must be told later than the owner: enter more days than for the owner, or 0 for never',
    });
  }
  const seen = new Set<string>();
  for (const closure of value.closureDays) {
    if (seen.has(closure.day)) {
      context.addIssue({
        code: 'custom',
        path: ['closureDays'],
        message: `${closure.day} is listed twice as a closure day`,
      });
    }
    seen.add(closure.day);
  }
}

/** Over the API: the rules and the closure days as a list. */
export const collectionRulesInput = z
  .object({ ...rules, closureDays: z.array(closureDayInput).max(200, 'List 200 closure days or fewer') })
  .superRefine(checkOrder);
export type CollectionRulesInput = z.infer<typeof collectionRulesInput>;

/** "2025-12-24 Christmas closure", one a line: the page's text box. */
export function closureDaysText(closures: readonly ClosureDay[]): string {
  return closures.map((closure) => `${closure.day} ${closure.name}`).join('\n');
}

const closureLines = z.preprocess(
  (value) => (typeof value === 'string' ? value : ''),
  z.string().transform((text, context) => {
    const closures: ClosureDay[] = [];
    for (const [index, raw] of text.split(/\r?\n/).entries()) {
      const line = raw.trim();
      if (line === '') continue;
      const match = /^(\S+)\s+(.+)$/.exec(line);
      const parsed = closureDayInput.safeParse(match ? { day: match[1], name: match[2] } : { day: line, name: '' });
      if (!parsed.success) {
        context.addIssue({
          code: 'custom',
          message: `Closure day on line ${index + 1}: write the date then its name, like 2025-12-24 Christmas closure`,
        });
        return z.NEVER;
      }
      closures.push(parsed.data);
    }
    return closures;
  }),
);

/** On the page: the same rules, the closure days one a line. */
export const collectionRulesForm = z.object({ ...rules, closureDays: closureLines }).superRefine(checkOrder);
