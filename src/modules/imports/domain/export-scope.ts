/**
 * What an export may hold for its reader. A file follows the same rules as the pages:
 *
 * - measures: only those owned by a unit where the reader may view the organisation (a grant on a
 *   unit covers the units below it); a measure with no owning unit needs a council-wide grant;
 * - values: only official figures (from the council's official status on: verified by default),
 *   unless the reader may see
 *   the measure's drafts: its owner, verifier or an assignee, or someone who may enter, verify or
 *   approve values over its unit (performance officers and administrators hold all three).
 */
import type { Permission, SignedIn } from '../../../kernel/access/index.ts';
import { DEFAULT_OFFICIAL_FROM, isOfficial, type OfficialFrom } from '../../../kernel/measurement/official.ts';

const DRAFT_READERS: readonly Permission[] = ['enter:values', 'verify:values', 'approve:values'];

interface ScopedMeasure {
  id: string;
  ownerUnitId: string | null;
  ownerPersonId: string | null;
  verifierPersonId: string | null;
}

export interface ExportScope {
  /** Measures the reader may export. */
  measures: ReadonlySet<string>;
  /** Of those, the measures whose values the reader may export whatever their status. */
  drafts: ReadonlySet<string>;
}

/**
 * The access policy's question about a unit: held there or above it (a null unit: council-wide).
 * The platform's access policy answers it; the domain only asks.
 */
export interface UnitAccess {
  can(caller: SignedIn, permission: Permission, resource: { readonly unitId: string | null }): Promise<boolean>;
}

/** Each unit's ancestry (itself first, up to the root) from the organisation's unit list. */
export function ancestryIn(
  units: readonly { id: string; parentId: string | null }[],
): (unitId: string | null) => string[] {
  const parentOf = new Map(units.map((unit) => [unit.id, unit.parentId]));
  return (unitId) => {
    const chain: string[] = [];
    for (let at = unitId; at !== null && at !== undefined && !chain.includes(at); at = parentOf.get(at) ?? null) {
      if (!parentOf.has(at)) break;
      chain.push(at);
    }
    return chain;
  };
}

export async function exportScope(
  caller: SignedIn,
  measures: readonly ScopedMeasure[],
  access: UnitAccess,
  assignedMeasureIds: ReadonlySet<string>,
): Promise<ExportScope> {
  const visible = new Set<string>();
  const drafts = new Set<string>();
  const readsDrafts = async (unitId: string | null) => {
    for (const permission of DRAFT_READERS) if (await access.can(caller, permission, { unitId })) return true;
    return false;
  };
  for (const measure of measures) {
    const unit = { unitId: measure.ownerUnitId };
    if (!(await access.can(caller, 'view:organisation', unit))) continue;
    visible.add(measure.id);
    const personal =
      measure.ownerPersonId === caller.personId ||
      measure.verifierPersonId === caller.personId ||
      assignedMeasureIds.has(measure.id);
    if (personal || (await readsDrafts(measure.ownerUnitId))) drafts.add(measure.id);
  }
  return { measures: visible, drafts };
}

/** Whether a value of a measure in scope goes into the reader's export. */
export function exportsValue(
  scope: ExportScope,
  measureId: string,
  status: string,
  officialFrom: OfficialFrom = DEFAULT_OFFICIAL_FROM,
): boolean {
  if (!scope.measures.has(measureId)) return false;
  return scope.drafts.has(measureId) || isOfficial(status, officialFrom);
}
