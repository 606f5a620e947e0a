/** A measure's plan-item links, the people who enter its data, and its breakdown categories. */
import { z } from 'zod';
import { requiredId, requiredText } from '../../kernel/inputs.ts';
import { ok, type Result } from '../../kernel/result.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import type { Caller } from '../../platform/services/caller.ts';
import { refuse } from '../../platform/services/errors.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import * as repo from './data/measures.repository.ts';
import { auditMeasure as audit, editableMeasure as editable } from './measure-access.ts';

export const itemLinkInput = z.object({ itemId: requiredId('Select a plan item') });
export const assigneeInput = z.object({ personId: requiredId('Select a person') });
export const breakdownInput = z.object({
  dimension: requiredText('the breakdown, like ward or age group', 60),
  code: z
    .string({ message: 'Enter a code for the category' })
    .trim()
    .min(1, 'Enter a code for the category')
    .max(40, 'Code must be 40 characters or fewer'),
  label: requiredText('a name for the category', 200),
  position: z
    .preprocess(
      (raw) => (raw === '' || raw === undefined ? 0 : Number(raw)),
      z.number().int('Position must be a whole number').min(0).max(10000),
    )
    .optional(),
});
export type BreakdownInput = z.infer<typeof breakdownInput>;

export function createMeasureLinksService({ db }: ServiceDeps) {
  return {
    linkableItems(caller: Caller): Promise<repo.LinkedItem[]> {
      return repo.listLinkableItems(db, caller.organisationId);
    },

    /** The measures reported under a plan item (for the plan item page). */
    async listForItem(caller: Caller, itemId: string) {
      const rows = await repo.listMeasuresForItem(db, caller.organisationId, itemId);
      if (!caller.partnerId) return rows;
      const visibleRows = [];
      for (const row of rows) {
        if (await repo.isVisibleToPartner(db, caller.organisationId, row.id, caller.partnerId)) visibleRows.push(row);
      }
      return visibleRows;
    },

    async linkItem(caller: Caller, id: string, itemId: string): Promise<Result<repo.LinkedItem>> {
      return inTransaction(db, async (tx) => {
        const measure = await editable(tx, caller, id);
        if (!measure.ok) return measure;
        const item = await repo.findItem(tx, caller.organisationId, itemId);
        if (!item) return refuse('invalid', 'Select a plan item that exists', 'itemId');
        if (item.planStatus === 'superseded' || item.planStatus === 'archived') {
          return refuse(
            'invalid_state',
            `${item.code} is in a ${item.planStatus} plan: link the measure to the current version`,
            'itemId',
          );
        }
        const added = await repo.insertItemLink(tx, {
          organisationId: caller.organisationId,
          measureId: id,
          itemId,
          addedBy: caller.personId,
        });
        if (!added) return refuse('duplicate', `${measure.value.code} is already linked to ${item.code}`, 'itemId');
        await audit(tx, caller, {
          entityType: 'measure',
          entityId: id,
          action: 'link-item',
          newValue: { itemId, code: item.code, title: item.title },
        });
        return ok(item);
      });
    },

    async unlinkItem(caller: Caller, id: string, itemId: string): Promise<Result<null>> {
      return inTransaction(db, async (tx) => {
        const measure = await editable(tx, caller, id);
        if (!measure.ok) return measure;
        const item = await repo.findItem(tx, caller.organisationId, itemId);
        if (!item || !(await repo.deleteItemLink(tx, caller.organisationId, id, itemId))) {
          return refuse('not_found', 'That plan item is not linked to this measure');
        }
        await audit(tx, caller, {
          entityType: 'measure',
          entityId: id,
          action: 'unlink-item',
          oldValue: { itemId, code: item.code, title: item.title },
        });
        return ok(null);
      });
    },

    // --- assignees -------------------------------------------------------------------------------

    async addAssignee(caller: Caller, id: string, personId: string): Promise<Result<null>> {
      return inTransaction(db, async (tx) => {
        const measure = await editable(tx, caller, id);
        if (!measure.ok) return measure;
        const person = await repo.findPerson(tx, caller.organisationId, personId);
        if (!person) return refuse('invalid', 'Select a person who exists', 'personId');
        if (person.status !== 'active')
          return refuse('invalid', `${person.name} has left the organisation`, 'personId');
        const added = await repo.insertAssignee(tx, {
          organisationId: caller.organisationId,
          measureId: id,
          personId,
          addedBy: caller.personId,
        });
        if (!added)
          return refuse('duplicate', `${person.name} already enters data for ${measure.value.code}`, 'personId');
        await audit(tx, caller, {
          entityType: 'measure',
          entityId: id,
          action: 'add-assignee',
          newValue: { personId, name: person.name },
        });
        return ok(null);
      });
    },

    async removeAssignee(caller: Caller, id: string, personId: string): Promise<Result<null>> {
      return inTransaction(db, async (tx) => {
        const measure = await editable(tx, caller, id);
        if (!measure.ok) return measure;
        if (!(await repo.deleteAssignee(tx, caller.organisationId, id, personId))) {
          return refuse('not_found', 'That person does not enter data for this measure');
        }
        await audit(tx, caller, {
          entityType: 'measure',
          entityId: id,
          action: 'remove-assignee',
          oldValue: { personId },
        });
        return ok(null);
      });
    },

    // --- breakdowns ------------------------------------------------------------------------------

    async addBreakdown(caller: Caller, id: string, input: BreakdownInput): Promise<Result<repo.BreakdownRow>> {
      return inTransaction(db, async (tx) => {
        const measure = await editable(tx, caller, id);
        if (!measure.ok) return measure;
        const existing = await repo.listBreakdowns(tx, caller.organisationId, id);
        if (
          existing.some(
            (b) =>
              b.dimension.toLowerCase() === input.dimension.toLowerCase() &&
              b.code.toLowerCase() === input.code.toLowerCase(),
          )
        ) {
          return refuse('duplicate', `${input.dimension} already has a category with code ${input.code}`, 'code');
        }
        const row = await repo.insertBreakdown(tx, {
          organisationId: caller.organisationId,
          measureId: id,
          dimension: input.dimension,
          code: input.code,
          label: input.label,
          position: input.position ?? 0,
        });
        await audit(tx, caller, { entityType: 'measure', entityId: id, action: 'add-breakdown', newValue: input });
        return ok(row);
      });
    },
  };
}
