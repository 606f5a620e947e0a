/**
 * Checks every write shares: who may read and change risks, owners who still work here, and
 * references to the council's own units, registers, items and measures (another council's ids
 * are refused as not found). Each returns a refusal naming the field, or null.
 */
import { holdsPermission } from '../../kernel/access/index.ts';
import { phrase, storePhrase, type Phrase } from '../../kernel/phrase.ts';
import type { DomainError } from '../../kernel/result.ts';
import { createAccessPolicy } from '../../platform/access/policy.ts';
import type { Db } from '../../platform/db/db.ts';
import type { Caller } from '../../platform/services/caller.ts';
import { unitAncestryIn } from '../organisation/index.ts';
import type { Refusal } from './domain/index.ts';
import { countOwnLinks, findPerson, findRegister } from './data/risks.repository.ts';

/** A refusal whose message is the phrase stored, said where it leaves the app (form errors, problem JSON). */
export const refusal = (code: DomainError['code'], said: Phrase, field?: string): DomainError =>
  field === undefined ? { code, message: storePhrase(said) } : { code, message: storePhrase(said), field };

export const fromRefusal = (r: Refusal): DomainError => refusal('invalid', r.said, r.field);

export const mayRead = (caller: Caller) => holdsPermission(caller, 'view:risks');

/** Changing a register and its risks needs edit:risks over the register's unit (or above it). */
export function mayEdit(db: Db, caller: Caller, unitId: string): Promise<boolean> {
  return createAccessPolicy(unitAncestryIn(db)).can(caller, 'edit:risks', { unitId });
}

/** An owner must be one of the council's people who has not left. */
export async function ownerProblem(db: Db, organisationId: string, personId: string, field: string) {
  const person = await findPerson(db, organisationId, personId);
  if (!person) return refusal('not_found', phrase('risks.errors.personNotFound'), field);
  if (person.status !== 'active')
    return refusal('invalid', phrase('risks.errors.ownerLeft', { name: person.name }), field);
  return null;
}

export interface LinkIds {
  itemIds: string[];
  measureIds: string[];
  actionIds: string[];
}

export async function linkProblem(db: Db, organisationId: string, links: LinkIds) {
  const unique = {
    itemIds: [...new Set(links.itemIds)],
    measureIds: [...new Set(links.measureIds)],
    actionIds: [...new Set(links.actionIds)],
  };
  const found = await countOwnLinks(db, organisationId, unique);
  if (found.items !== unique.itemIds.length)
    return refusal('not_found', phrase('risks.errors.itemNotFound'), 'itemIds');
  if (found.measures !== unique.measureIds.length) {
    return refusal('not_found', phrase('risks.errors.measureNotFound'), 'measureIds');
  }
  if (found.actions !== unique.actionIds.length) {
    return refusal('not_found', phrase('risks.errors.actionNotFound'), 'actionIds');
  }
  return null;
}

export async function registerOf(db: Db, organisationId: string, registerId: string, field = 'registerId') {
  const register = await findRegister(db, organisationId, registerId);
  return register
    ? ({ ok: true, register } as const)
    : ({ ok: false, error: refusal('not_found', phrase('risks.errors.registerNotFound'), field) } as const);
}
