import { z } from 'zod';
import { ROLES } from '../../../kernel/access/roles.ts';
import { optionalId } from '../../../kernel/inputs.ts';

/** A role granted over a unit (and everything below it) or, with no unit, the whole organisation. */
export const roleAssignmentInput = z
  .object({
    role: z.enum(ROLES, { message: 'Select a role' }),
    unitId: optionalId('Select a unit that exists'),
    partnerId: optionalId('Select a partner organisation that exists'),
  })
  .superRefine((value, context) => {
    if (value.role === 'partner' && !value.partnerId) {
      context.addIssue({
        code: 'custom',
        path: ['partnerId'],
        message: 'Select the partner organisation this person belongs to',
      });
    }
    if (value.role !== 'partner' && value.partnerId) {
      context.addIssue({
        code: 'custom',
        path: ['partnerId'],
        message: 'Only the partner role names a partner organisation',
      });
    }
  });
export type RoleAssignmentInput = z.infer<typeof roleAssignmentInput>;
