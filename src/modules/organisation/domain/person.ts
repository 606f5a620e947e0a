import { z } from 'zod';
import { isoDate, optionalId, optionalText, requiredText } from '../../../kernel/inputs.ts';
import { phrase, phraseText } from '../../../kernel/phrase.ts';

export const PERSON_STATUSES = ['active', 'left'] as const;

const PASSWORD_NOT_SET_HERE = phraseText('organisationChecks.passwordNotHere');

const blankToUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);

/** What a person's record is made of, whoever sends it: page form or API. */
export const personInput = z.object({
  name: requiredText(phrase('fieldNames.aName')),
  email: z
    .string({ message: phraseText('organisationChecks.email') })
    .trim()
    .min(1, phraseText('organisationChecks.email'))
    .max(254, phraseText('organisationChecks.emailLong'))
    .pipe(z.email({ message: phraseText('organisationChecks.emailFormat') })),
  jobTitle: optionalText(phrase('fieldNames.jobTitle'), 200),
  unitId: optionalId(phraseText('organisationChecks.unitExists')),
  lineManagerId: optionalId(phraseText('organisationChecks.lineManagerExists')),
  /**
   * Refused whenever it is not empty: nobody sets another person's password (they could then sign
   * in as them). People set their own, from a password reset link.
   */
  password: z.preprocess(blankToUndefined, z.undefined({ message: PASSWORD_NOT_SET_HERE }).optional()),
});
export type PersonInput = z.infer<typeof personInput>;

/** Recording that someone has left: their record stays, their roles end. */
export const leaveInput = z.object({
  leftOn: isoDate(phrase('fieldNames.theDateTheyLeft')),
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
