import { z } from 'zod';
import { optionalId } from '../../../kernel/inputs.ts';

export const UNIT_KINDS = ['council', 'directorate', 'service', 'team', 'other'] as const;

/** What a unit is made of, whoever sends it: page form, API or import. */
export const unitInput = z.object({
  code: z
    .string()
    .trim()
    .min(1, 'Enter a code')
    .max(20, 'Code must be 20 characters or fewer')
    .regex(/^[A-Za-z0-9-_.]+$/, 'Code can only contain letters, numbers, hyphens, full stops and underscores'),
  name: z.string().trim().min(1, 'Enter a name').max(200, 'Name must be 200 characters or fewer'),
  kind: z.enum(UNIT_KINDS, { message: 'Select the kind of unit' }),
  parentId: optionalId('Select a parent unit that exists'),
  headPersonId: optionalId('Select a head of unit who exists'),
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
