import { z } from 'zod';
import { optionalText, requiredText } from '../../../kernel/inputs.ts';
import { phrase, phraseText } from '../../../kernel/phrase.ts';

export const PARTNER_KINDS = [
  'nhs',
  'police',
  'fire',
  'voluntary',
  'business',
  'education',
  'public-body',
  'other',
] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

export const partnerInput = z.object({
  name: requiredText(phrase('fieldNames.aName')),
  kind: z.enum(PARTNER_KINDS, { message: phraseText('organisationChecks.partnerKind') }),
  description: optionalText(phrase('fieldNames.description')),
});
export type PartnerInput = z.infer<typeof partnerInput>;
