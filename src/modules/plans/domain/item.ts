import { z } from 'zod';
import { optionalId, optionalText, requiredId, requiredText, stringList } from '../../../kernel/inputs.ts';
import { phrase, phraseText } from '../../../kernel/phrase.ts';

/** A checkbox arrives as its value when ticked and not at all otherwise; JSON sends a boolean. */
const checkbox = z.preprocess(
  (value) => value === true || value === 'true' || value === 'yes' || value === 'on',
  z.boolean(),
);

/** What a plan item is made of, whoever sends it: page form or API. */
const itemFields = z.object({
  itemTypeId: requiredId(phraseText('planChecks.itemType')),
  parentItemId: optionalId(phraseText('planChecks.parentItemExists')),
  code: z
    .string({ message: phraseText('planChecks.itemCode') })
    .trim()
    .min(1, phraseText('planChecks.itemCode'))
    .max(30, phraseText('planChecks.itemCodeLong'))
    .regex(/^[A-Za-z0-9][A-Za-z0-9-_.]*$/, phraseText('planChecks.itemCodeLetters')),
  title: requiredText(phrase('fieldNames.aTitle'), 300),
  description: optionalText(phrase('fieldNames.description'), 5000),
  ownerPersonId: optionalId(phraseText('planChecks.ownerExists')),
  ownerUnitId: optionalId(phraseText('planChecks.owningUnitExists')),
  partnerIds: stringList(z.uuid({ message: phraseText('planChecks.partnersExist') })),
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
      message: phraseText('planChecks.ownerNeeded'),
    });
  }
  if (new Set(input.partnerIds).size !== input.partnerIds.length) {
    context.addIssue({ code: 'custom', path: ['partnerIds'], message: phraseText('planChecks.partnerOnce') });
  }
}

export const itemInput = itemFields.superRefine(ownerAndPartnerRules);
export type ItemInput = z.infer<typeof itemInput>;

/** The version of the item the form or client started from: a stale one is a conflict. */
const rowVersion = z.coerce
  .number({ message: phraseText('planChecks.rowVersion') })
  .int(phraseText('planChecks.rowVersion'))
  .min(1, phraseText('planChecks.rowVersion'));

export const itemCreateInput = itemFields
  .extend({ planId: requiredId(phraseText('planChecks.planExists')) })
  .superRefine(ownerAndPartnerRules);

export const itemUpdateInput = itemFields.extend({ rowVersion }).superRefine(ownerAndPartnerRules);

export const itemRemoveInput = z.object({ rowVersion: rowVersion.optional() });

export const LINK_KINDS = ['direct', 'indirect'] as const;

/** "This item contributes to that item", sent by the links page or the API. */
export const linkInput = z.object({
  toItemId: requiredId(phraseText('planChecks.contributesTo')),
  kind: z.enum(LINK_KINDS, { message: phraseText('planChecks.linkKind') }),
});
export type LinkInput = z.infer<typeof linkInput>;

export type FrozenThings = 'items' | 'links';
export type FrozenChange = 'add' | 'change' | 'remove';

/** Plan statuses in which items are frozen, and how to explain it for each change (a stored phrase). */
export function frozenPlanMessage(status: string, what: FrozenThings, change: FrozenChange): string | null {
  const refused = (key: string, params: Record<string, string> = {}) =>
    phraseText(`planRefusals.frozen.${key}`, {
      what: phrase(`planRefusals.frozenWhat.${what}`),
      verb: phrase(`planRefusals.frozenVerb.${change}`),
      ...params,
    });
  switch (status) {
    case 'draft':
      return null;
    case 'approved':
    case 'archived':
    case 'superseded':
      return refused(status);
    case 'submitted':
    case 'in-approval':
      return refused('inApproval');
    default:
      return refused('other', { status });
  }
}
