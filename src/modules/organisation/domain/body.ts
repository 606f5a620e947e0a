import { z } from 'zod';
import { optionalText, requiredId, requiredText, stringList } from '../../../kernel/inputs.ts';
import { phrase, phraseText } from '../../../kernel/phrase.ts';

export const BODY_KINDS = [
  'full-council',
  'executive',
  'scrutiny',
  'performance-panel',
  'audit-committee',
  'leadership-team',
  'partnership-board',
  'other',
] as const;
export type BodyKind = (typeof BODY_KINDS)[number];

/** What a body does in the framework. */
export const FRAMEWORK_ROLES = ['approves', 'scrutinises', 'receives'] as const;

export const MEMBER_ROLES = ['chair', 'vice-chair', 'member'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/**
 * Kinds the default framework once installed that the form does not offer, and the form's kind
 * each stands for: a body installed before the two agreed is shown (and saved) with its form kind.
 */
const EARLIER_DEFAULT_KINDS: Readonly<Record<string, BodyKind>> = {
  council: 'full-council',
  audit: 'audit-committee',
  'officer-board': 'leadership-team',
  panel: 'performance-panel',
  partnership: 'partnership-board',
};

/** The form's kind for a stored kind (an earlier default's kind becomes the form's; anything unknown, other). */
export function formBodyKind(kind: string): BodyKind {
  if ((BODY_KINDS as readonly string[]).includes(kind)) return kind as BodyKind;
  return EARLIER_DEFAULT_KINDS[kind] ?? 'other';
}

export const bodyInput = z.object({
  name: requiredText(phrase('fieldNames.aName')),
  kind: z.enum(BODY_KINDS, { message: phraseText('organisationChecks.bodyKind') }),
  frameworkRoles: stringList(z.enum(FRAMEWORK_ROLES, { message: phraseText('organisationChecks.bodyRoleListed') }))
    .refine((roles) => roles.length > 0, phraseText('organisationChecks.bodyRoleNeeded'))
    .transform((roles) => FRAMEWORK_ROLES.filter((role) => roles.includes(role))),
  description: optionalText(phrase('fieldNames.description')),
});
export type BodyInput = z.infer<typeof bodyInput>;

export const bodyMemberInput = z.object({
  personId: z
    .string({ message: phraseText('organisationChecks.person') })
    .min(1, phraseText('organisationChecks.person'))
    .pipe(requiredId(phraseText('organisationChecks.personExists'))),
  role: z.enum(MEMBER_ROLES, { message: phraseText('organisationChecks.memberRole') }),
});
export type BodyMemberInput = z.infer<typeof bodyMemberInput>;
