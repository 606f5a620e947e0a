import { z } from 'zod';
import { ROLES } from '../../../kernel/access/roles.ts';
import { optionalId } from '../../../kernel/inputs.ts';
import { phraseText } from '../../../kernel/phrase.ts';

/** A role granted over a unit (and everything below it) or, with no unit, the whole organisation. */
export const roleAssignmentInput = z
  .object({
    role: z.enum(ROLES, { message: phraseText('organisationChecks.role') }),
    unitId: optionalId(phraseText('organisationChecks.unitExists')),
    partnerId: optionalId(phraseText('organisationChecks.partnerExists')),
  })
  .superRefine((value, context) => {
    if (value.role === 'partner' && !value.partnerId) {
      context.addIssue({
        code: 'custom',
        path: ['partnerId'],
        message: phraseText('organisationChecks.partnerNeeded'),
      });
    }
    if (value.role !== 'partner' && value.partnerId) {
      context.addIssue({
        code: 'custom',
        path: ['partnerId'],
        message: phraseText('organisationChecks.partnerOnlyForPartners'),
      });
    }
  });
export type RoleAssignmentInput = z.infer<typeof roleAssignmentInput>;
