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
import { phrase, phraseText } from '../../kernel/phrase.ts';

type Field = 'sponsorPersonId' | 'managerPersonId';
/** The role said in a sentence. */
const role = (field: Field) => phrase(`projectInSentence.role.${field}`);

export async function checkPerson(
  tx: Db,
  organisationId: string,
  field: Field,
  id: string | null,
): Promise<Result<void>> {
  if (id === null) return ok(undefined);
  const person = await repo.findPersonIn(tx, organisationId, id);
  if (!person) return refuse('invalid', phraseText('projectRefusals.personMissing', { role: role(field) }), field);
  if (person.status !== 'active') {
    return refuse('invalid', phraseText('projectRefusals.personLeft', { name: person.name, role: role(field) }), field);
  }
  return ok(undefined);
}

export async function checkUnit(tx: Db, organisationId: string, id: string | null): Promise<Result<void>> {
  if (id === null || (await repo.findUnitIn(tx, organisationId, id))) return ok(undefined);
  return refuse('invalid', phraseText('projectRefusals.unit'), 'unitId');
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
    return refuse('invalid', phraseText('projectRefusals.programme'), 'programmeId');
  }
  if (input.planId && !(await repo.findOpenPlanIn(tx, organisationId, input.planId))) {
    return refuse('invalid', phraseText('projectRefusals.plan'), 'planId');
  }
  if (input.boardId && !(await repo.findBodyIn(tx, organisationId, input.boardId))) {
    return refuse('invalid', phraseText('projectRefusals.board'), 'boardId');
  }
  const wanted = new Set(input.itemIds);
  const found = await repo.itemsIn(tx, organisationId, [...wanted]);
  if (found.length !== wanted.size) {
    return refuse('invalid', phraseText('projectRefusals.items'), 'itemIds');
  }
  return ok(undefined);
}

/** Projects and programmes are changed by whoever may edit plans for their unit (the whole council when none). */
export async function mayEdit(db: Db, caller: Caller, unitId: string | null): Promise<boolean> {
  if (unitId === null) return mayForWholeOrganisation(db, caller, 'edit:plans');
  return createAccessPolicy(unitAncestryIn(db)).can(caller, 'edit:plans', { unitId });
}
