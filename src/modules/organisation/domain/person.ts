import { z } from 'zod';
import { isoDate, optionalId, optionalText, requiredText } from '../../../kernel/inputs.ts';

export const PERSON_STATUSES = ['active', 'left'] as const;

const PASSWORD_NOT_SET_HERE =
  'You cannot set someone’s password here. They set their own from a password reset link, so no one else knows it';

const blankToUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);

/** What a person's record is made of, whoever sends it: page form or API. */
export const personInput = z.object({
  name: requiredText('a name'),
  email: z
    .string({ message: 'Enter an email address' })
    .trim()
    .min(1, 'Enter an email address')
    .max(254, 'Email address must be 254 characters or fewer')
    .pipe(z.email({ message: 'Enter an email address in the correct format, like name@example.gov.uk' })),
  jobTitle: optionalText('job title', 200),
  unitId: optionalId('Select a unit that exists'),
  lineManagerId: optionalId('Select a line manager who exists'),
  /**
   * Refused whenever it is not empty: nobody sets another person's password (they could then sign
   * in as them). People set their own, from a password reset link.
   */
  password: z.preprocess(blankToUndefined, z.undefined({ message: PASSWORD_NOT_SET_HERE }).optional()),
});
export type PersonInput = z.infer<typeof personInput>;

/** Recording that someone has left: their record stays, their roles end. */
export const leaveInput = z.object({
  leftOn: isoDate('the date they left'),
});
export type LeaveInput = z.infer<typeof leaveInput>;

export interface ManagementEdge {
  id: string;
  lineManagerId: string | null;
}

/**
 * Whether giving `personId` the line manager `newManagerId` would make someone manage
 * themselves, directly (A manages A) or through a chain (A manages B manages A).
 */
export function wouldCreateManagementLoop(
  people: readonly ManagementEdge[],
  personId: string,
  newManagerId: string | null,
): boolean {
  const managerOf = new Map(people.map((person) => [person.id, person.lineManagerId]));
  const seen = new Set<string>();
  let cursor = newManagerId;
  while (cursor !== null && cursor !== undefined) {
    if (cursor === personId) return true;
    if (seen.has(cursor)) return false; // a loop elsewhere that this change does not close
    seen.add(cursor);
    cursor = managerOf.get(cursor) ?? null;
  }
  return false;
}
