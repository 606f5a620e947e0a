import { z } from 'zod';
import { phraseText } from '../../../kernel/phrase.ts';

/** A new council on this installation, with its first administrator. */
export const organisationInput = z.object({
  name: z
    .string({ message: phraseText('organisationChecks.councilName') })
    .trim()
    .min(3, phraseText('organisationChecks.councilNameShort')),
  slug: z
    .string({ message: phraseText('organisationChecks.slug') })
    .trim()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, phraseText('organisationChecks.slugLetters')),
  type: z.string().trim().min(1).default('District council'),
  financialYearStartMonth: z.coerce
    .number()
    .int()
    .min(1, phraseText('organisationChecks.yearStart'))
    .max(12, phraseText('organisationChecks.yearStart'))
    .default(4),
  adminName: z
    .string({ message: phraseText('organisationChecks.adminName') })
    .trim()
    .min(1, phraseText('organisationChecks.adminName')),
  adminEmail: z.email({ message: phraseText('organisationChecks.adminEmail') }),
  adminPassword: z.string().min(12, phraseText('organisationChecks.adminPassword')),
});
export type OrganisationInput = z.infer<typeof organisationInput>;
