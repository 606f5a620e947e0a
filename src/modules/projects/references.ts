/**
 * The people, bodies, units, plans and items a project or programme names, checked inside the
 * write's transaction: each must be the caller's council's own (another council's id is refused as
 * not existing), and a sponsor or manager must not have left.
 */
import { ok, type Result } from '../../kernel/result.ts';
import type { Db } from '../../platform/db/db.ts';
import { createAccessPolicy } from '../../platform/access/policy.ts';
import type { Caller } from '../../platform/services/caller.ts';
import { refuse } from '../../platform/services/errors.ts';
import { mayForWholeOrganisation, unitAncestryIn } from './deps.ts';
import * as repo from './data/projects.repository.ts';

type Field = 'sponsorPersonId' | 'managerPersonId';
const ROLE_WORD: Record<Field, string> = { sponsorPersonId: 'sponsor', managerPersonId: 'manager' };

export async function checkPerson(
  tx: Db,
  organisationId: string,
  field: Field,
  id: string | null,
): Promise<Result<void>> {
  if (id === null) return ok(undefined);
  const person = await repo.findPersonIn(tx, organisationId, id);
  if (!person) return refuse('invalid', `Select a ${ROLE_WORD[field]} who works for the council`, field);
  if (person.status !== 'active') {
    return refuse('invalid', `${person.name} has left, so cannot be the ${ROLE_WORD[field]}`, field);
  }
  return ok(undefined);
}

export async function checkUnit(tx: Db, organisationId: string, id: string | null): Promise<Result<void>> {
  if (id === null || (await repo.findUnitIn(tx, organisationId, id))) return ok(undefined);
  return refuse('invalid', 'Select a unit of the council', 'unitId');
}

export interface ProjectReferences {
  programmeId: string | null;
  planId: string | null;
  boardId: string | null;
  itemIds: readonly string[];
}

export async function checkProjectReferences(
  tx: Db,
  organisationId: string,
  input: ProjectReferences,
): Promise<Result<void>> {
  if (input.programmeId && !(await repo.findProgramme(tx, organisationId, input.programmeId))) {
    return refuse('invalid', 'Select a programme of the council', 'programmeId');
  }
  if (input.planId && !(await repo.findOpenPlanIn(tx, organisationId, input.planId))) {
    return refuse('invalid', 'Select a plan of the council (not an individual plan)', 'planId');
  }
  if (input.boardId && !(await repo.findBodyIn(tx, organisationId, input.boardId))) {
    return refuse('invalid', 'Select a board from the council’s governance bodies', 'boardId');
  }
  const wanted = new Set(input.itemIds);
  const found = await repo.itemsIn(tx, organisationId, [...wanted]);
  if (found.length !== wanted.size) {
    return refuse(
      'invalid',
      'A project can contribute only to the council’s own plan items, outside individual plans',
      'itemIds',
    );
  }
  return ok(undefined);
}

/** Projects and programmes are changed by whoever may edit plans for their unit (the whole council when none). */
export async function mayEdit(db: Db, caller: Caller, unitId: string | null): Promise<boolean> {
  if (unitId === null) return mayForWholeOrganisation(db, caller, 'edit:plans');
  return createAccessPolicy(unitAncestryIn(db)).can(caller, 'edit:plans', { unitId });
}
