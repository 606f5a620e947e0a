/**
 * Who may see and change a measure, shared by the measure use cases (definitions, links and
 * targets): each is given the transaction it runs in.
 */
import { phraseText } from '../../kernel/phrase.ts';
import { ok, type Result } from '../../kernel/result.ts';
import { createAccessPolicy } from '../../platform/access/policy.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/db.ts';
import { actorOf, type Caller } from '../../platform/services/caller.ts';
import { forbidden, notFound, refuse } from '../../platform/services/errors.ts';
import { unitAncestryIn } from '../organisation/index.ts';
import * as repo from './data/measures.repository.ts';

/** edit:measures at the measure's unit (or above); a council-wide measure needs an org-wide grant. */
export function mayEditAt(tx: Db, caller: Caller, unitId: string | null): Promise<boolean> {
  return createAccessPolicy(unitAncestryIn(tx)).can(caller, 'edit:measures', { unitId });
}

/** The measure, unless it does not exist or the caller's partner may not see it. */
export async function visibleMeasure(tx: Db, caller: Caller, id: string): Promise<repo.MeasureRow | undefined> {
  const measure = await repo.findMeasure(tx, caller.organisationId, id);
  if (!measure) return undefined;
  if (caller.partnerId && !(await repo.isVisibleToPartner(tx, caller.organisationId, id, caller.partnerId))) {
    return undefined;
  }
  return measure;
}

/** Loads the measure for a change: it must exist, be editable by the caller, and (unless said) be active. */
export async function editableMeasure(
  tx: Db,
  caller: Caller,
  id: string,
  options: { allowRetired?: boolean } = {},
): Promise<Result<repo.MeasureRow>> {
  const measure = await repo.findMeasure(tx, caller.organisationId, id, { forUpdate: true });
  if (
    !measure ||
    (caller.partnerId && !(await repo.isVisibleToPartner(tx, caller.organisationId, id, caller.partnerId)))
  ) {
    return notFound('measure');
  }
  if (!(await mayEditAt(tx, caller, measure.ownerUnitId))) {
    return forbidden(phraseText('measureRefusals.mayNotChange'));
  }
  if (measure.status === 'retired' && !options.allowRetired) {
    return refuse('invalid_state', phraseText('measureRefusals.retiredNoChange', { code: measure.code }));
  }
  return ok(measure);
}

export function auditMeasure(
  tx: Db,
  caller: Caller,
  entry: Omit<Parameters<typeof recordAudit>[1], 'organisationId' | 'actor'>,
) {
  return recordAudit(tx, { organisationId: caller.organisationId, actor: actorOf(caller), ...entry });
}
