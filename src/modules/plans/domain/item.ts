import { z } from 'zod';
import { optionalId, optionalText, requiredId, requiredText, stringList } from '../../../kernel/inputs.ts';

/** A checkbox arrives as its value when ticked and not at all otherwise; JSON sends a boolean. */
const checkbox = z.preprocess(
  (value) => value === true || value === 'true' || value === 'yes' || value === 'on',
  z.boolean(),
);

/** What a plan item is made of, whoever sends it: page form or API. */
const itemFields = z.object({
  itemTypeId: requiredId('Select the type of item'),
  parentItemId: optionalId('Select a parent item that exists in this plan'),
  code: z
    .string({ message: 'Enter a code' })
    .trim()
    .min(1, 'Enter a code')
    .max(30, 'Code must be 30 characters or fewer')
    .regex(
      /^[A-Za-z0-9][A-Za-z0-9-_.]*$/,
      'Code can only contain letters, numbers, hyphens, full stops and underscores',
    ),
  title: requiredText('a title', 300),
  description: optionalText('description', 5000),
  ownerPersonId: optionalId('Select an owner who exists'),
  ownerUnitId: optionalId('Select an owning unit that exists'),
  partnerIds: stringList(z.uuid({ message: 'Select partners that exist' })),
  throughPartnership: checkbox,
});

function ownerAndPartnerRules(
  input: { ownerPersonId: string | null; ownerUnitId: string | null; partnerIds: string[] },
  context: z.RefinementCtx,
): void {
  if (!input.ownerPersonId && !input.ownerUnitId) {
    context.addIssue({
      code: 'custom',
      path: ['ownerPersonId'],
      message: 'Select an owner: a person, a unit for collective ownership, or both',
    });
  }
  if (new Set(input.partnerIds).size !== input.partnerIds.length) {
    context.addIssue({ code: 'custom', path: ['partnerIds'], message: 'Select each partner only once' });
  }
}

export const itemInput = itemFields.superRefine(ownerAndPartnerRules);
export type ItemInput = z.infer<typeof itemInput>;

/** The version of the item the form or client started from: a stale one is a conflict. */
const rowVersion = z.coerce
  .number({ message: 'Send the row version the change was based on' })
  .int('Send the row version the change was based on')
  .min(1, 'Send the row version the change was based on');

export const itemCreateInput = itemFields
  .extend({ planId: requiredId('Select a plan that exists') })
  .superRefine(ownerAndPartnerRules);

export const itemUpdateInput = itemFields.extend({ rowVersion }).superRefine(ownerAndPartnerRules);

export const itemRemoveInput = z.object({ rowVersion: rowVersion.optional() });

export const LINK_KINDS = ['direct', 'indirect'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

export const LINK_KIND_NAMES: Record<LinkKind, string> = {
  direct: 'Contributes directly',
  indirect: 'Contributes indirectly',
};

/** "This item contributes to that item", sent by the links page or the API. */
export const linkInput = z.object({
  toItemId: requiredId('Select the item this contributes to'),
  kind: z.enum(LINK_KINDS, { message: 'Select whether it contributes directly or indirectly' }),
});
export type LinkInput = z.infer<typeof linkInput>;

/** Plan statuses in which items are frozen, and how to explain it for each verb. */
export function frozenPlanMessage(
  status: string,
  what: 'Items' | 'Links',
  verb: 'added to' | 'changed in' | 'removed from',
): string | null {
  switch (status) {
    case 'draft':
      return null;
    case 'approved':
      return `${what} cannot be ${verb} an approved plan: start an amendment`;
    case 'archived':
      return `${what} cannot be ${verb} an archived plan`;
    case 'superseded':
      return `${what} cannot be ${verb} a superseded plan: change its current version`;
    case 'submitted':
    case 'in-approval':
      return `${what} cannot be ${verb} a plan that is in approval: return it to draft first`;
    default:
      return `${what} cannot be ${verb} a plan that is ${status}`;
  }
}
