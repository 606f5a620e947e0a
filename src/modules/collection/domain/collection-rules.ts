import { z } from 'zod';
import { isoDate } from '../../../kernel/inputs.ts';
import { phrase, phraseText } from '../../../kernel/phrase.ts';

const C = 'collectionRuleChecks';

/**
 * The council's collection calendar, set by an administrator: when data is due (working days
 * after the period ends), when reminders and escalations go, whose bank holidays apply, and the
 * council's own closure days. Only England and Wales bank holidays are built in (bank-holidays.ts),
 * so that is the one region offered.
 */
export const HOLIDAY_REGIONS = ['england-and-wales'] as const;
/** A region's name is the catalogue's collectionRuleChecks.regions.<region>. */
export const holidayRegionName = (region: (typeof HOLIDAY_REGIONS)[number]) => phrase(`${C}.regions.${region}`);

/** A number of working days; the field is named by its key in collectionRuleChecks.labels. */
const days = (field: string, min: number, max: number) => {
  const label = phrase(`${C}.labels.${field}`);
  return z.preprocess(
    (value) => (typeof value === 'string' && value.trim() !== '' ? Number(value.trim()) : value),
    z
      .number({ message: phraseText(`${C}.wholeNumber`, { label }) })
      .int(phraseText(`${C}.wholeNumber`, { label }))
      .min(min, phraseText(`${C}.atLeast`, { label, min }))
      .max(max, phraseText(`${C}.atMost`, { label, max })),
  );
};

export const closureDayInput = z.object({
  day: isoDate(phrase(`${C}.closureDate`)),
  name: z
    .string()
    .trim()
    .min(1, phraseText(`${C}.closureName`))
    .max(100, phraseText(`${C}.closureNameLong`)),
});
export type ClosureDay = z.infer<typeof closureDayInput>;

const rules = {
  workingDaysAfterPeriodEnd: days('workingDaysAfterPeriodEnd', 1, 60),
  reminderWorkingDaysBefore: days('reminderWorkingDaysBefore', 0, 30),
  escalateToOwnerAfterDays: days('escalateToOwnerAfterDays', 0, 60),
  escalateToManagerAfterDays: days('escalateToManagerAfterDays', 0, 90),
  holidayRegion: z.enum(HOLIDAY_REGIONS, { message: phraseText(`${C}.holidayRegion`) }),
};

function checkOrder(
  value: { escalateToOwnerAfterDays: number; escalateToManagerAfterDays: number; closureDays: ClosureDay[] },
  context: z.RefinementCtx,
) {
  if (value.escalateToManagerAfterDays > 0 && value.escalateToManagerAfterDays <= value.escalateToOwnerAfterDays) {
    context.addIssue({
      code: 'custom',
      path: ['escalateToManagerAfterDays'],
      message: phraseText(`${C}.managerAfterOwner`),
    });
  }
  const seen = new Set<string>();
  for (const closure of value.closureDays) {
    if (seen.has(closure.day)) {
      context.addIssue({
        code: 'custom',
        path: ['closureDays'],
        message: phraseText(`${C}.closureTwice`, { day: closure.day }),
      });
    }
    seen.add(closure.day);
  }
}

/** Over the API: the rules and the closure days as a list. */
export const collectionRulesInput = z
  .object({ ...rules, closureDays: z.array(closureDayInput).max(200, phraseText(`${C}.tooManyClosures`)) })
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
          message: phraseText(`${C}.closureLine`, { line: index + 1 }),
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
