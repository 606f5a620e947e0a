/** Council-wide money (reserves, borrowing, the MTFS): read by anyone who may see budgets, changed by council-wide finance. */
import type { Db } from '../../platform/db/db.ts';
import type { Caller } from '../../platform/services/caller.ts';
import { loadUnitAccess } from './unit-access.ts';

export async function councilWide(db: Db, caller: Caller): Promise<{ mayView: boolean; mayEdit: boolean }> {
  const access = await loadUnitAccess(db, caller);
  return {
    mayView: await access.policy.can(caller, 'view:money', 'anywhere'),
    mayEdit: await access.policy.can(caller, 'edit:money', 'organisation'),
  };
}

/** Whole-form failures carry every field's problem, so a form can mark each box. */
export interface FieldsRefusal {
  code: 'invalid' | 'not_found' | 'forbidden' | 'duplicate';
  message: string;
  errors: { field: string; message: string }[];
}

export const refuseFields = (
  code: FieldsRefusal['code'],
  message: string,
  errors: FieldsRefusal['errors'] = [],
): { ok: false; error: FieldsRefusal } => ({ ok: false, error: { code, message, errors } });

export const yearOk = (startYear: number) => Number.isInteger(startYear) && startYear >= 2000 && startYear <= 2100;
