import { z } from 'zod';
import { optionalId } from '../../../kernel/inputs.ts';
import { phraseText } from '../../../kernel/phrase.ts';

export const UNIT_KINDS = ['council', 'directorate', 'service', 'team', 'other'] as const;

/** What a unit is made of, whoever sends it: page form, API or import. */
export const unitInput = z.object({
  code: z
    .string()
    .trim()
    .min(1, phraseText('organisationChecks.unitCode'))
    .max(20, phraseText('organisationChecks.unitCodeLong'))
    .regex(/^[A-Za-z0-9-_.]+$/, phraseText('organisationChecks.unitCodeLetters')),
  name: z
    .string()
    .trim()
    .min(1, phraseText('organisationChecks.unitName'))
    .max(200, phraseText('organisationChecks.unitNameLong')),
  kind: z.enum(UNIT_KINDS, { message: phraseText('organisationChecks.unitKind') }),
  parentId: optionalId(phraseText('organisationChecks.parentExists')),
  headPersonId: optionalId(phraseText('organisationChecks.headExists')),
});
export type UnitInput = z.infer<typeof unitInput>;

export interface UnitNode {
  id: string;
  parentId: string | null;
}

/** Moving a unit under itself or one of its descendants would break the tree. */
export function wouldCreateCycle(units: readonly UnitNode[], unitId: string, newParentId: string | null): boolean {
  const parentOf = new Map(units.map((unit) => [unit.id, unit.parentId]));
  let cursor = newParentId;
  const seen = new Set<string>();
  while (cursor !== null && cursor !== undefined) {
    if (cursor === unitId) return true;
    if (seen.has(cursor)) return true;
    seen.add(cursor);
    cursor = parentOf.get(cursor) ?? null;
  }
  return false;
}
