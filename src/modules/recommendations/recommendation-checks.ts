/**
 * The checks every write shares: that the people, units, bodies and reports named belong to the
 * caller's council (another council's are simply not found), that the owner has not left, and
 * that the caller may change recommendations for the unit.
 */
import { phrase, phraseText, storePhrase, type Phrase } from '../../kernel/phrase.ts';
import { fail, type Result } from '../../kernel/result.ts';
import type { Db } from '../../platform/db/db.ts';
import type { Caller } from '../../platform/services/caller.ts';
import { refuse, notFound } from '../../platform/services/errors.ts';
import { createAccessPolicy } from '../../platform/access/policy.ts';
import { unitAncestryIn } from '../organisation/index.ts';
import * as repo from './data/recommendations.repository.ts';
import type { RuleBreach } from './domain/rules.ts';

export const refusalOf = (broken: RuleBreach): Result<never> =>
  fail({ code: 'invalid', message: storePhrase(broken.reason), field: broken.field });

export const recommendationNotFound = () => notFound('recommendation');
export const reportNotFound = () => notFound('report');

export const historyPhrase = (kind: string, params?: Record<string, string | number | Phrase>) =>
  storePhrase(phrase(`recommendations.history.${kind}`, params));

/** An owner must be one of the council's people who has not left. */
export async function checkOwner(
  db: Db,
  organisationId: string,
  personId: string,
  field = 'ownerPersonId',
): Promise<Result<repo.PersonFact>> {
  const person = await repo.findPerson(db, organisationId, personId);
  if (!person) return refuse('invalid', phraseText('recommendations.refusals.ownerUnknown'), field);
  if (person.status !== 'active')
    return refuse('invalid', phraseText('recommendations.refusals.ownerLeft', { name: person.name }), field);
  return { ok: true, value: person };
}

export async function checkUnit(db: Db, organisationId: string, unitId: string | null): Promise<Result<null>> {
  if (unitId === null) return { ok: true, value: null };
  return (await repo.findUnit(db, organisationId, unitId))
    ? { ok: true, value: null }
    : refuse('invalid', phraseText('recommendations.refusals.unitUnknown'), 'unitId');
}

export async function checkBody(db: Db, organisationId: string, bodyId: string | null) {
  if (bodyId === null) return { ok: true as const, value: null };
  const body = await repo.findBody(db, organisationId, bodyId);
  return body
    ? { ok: true as const, value: body }
    : refuse('invalid', phraseText('recommendations.refusals.bodyUnknown'), 'bodyId');
}

/** Whether the caller may change recommendations owned by this unit (or, with none, the council's). */
export async function mayChange(db: Db, caller: Caller, unitId: string | null): Promise<boolean> {
  return createAccessPolicy(unitAncestryIn(db)).can(caller, 'edit:plans', { unitId });
}

export const notPermitted = () => refuse('forbidden', phraseText('recommendations.refusals.notPermitted'));
