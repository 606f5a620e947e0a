/** A measure's plan-item links, the people who enter its data, and its breakdown categories. */
import { z } from 'zod';
import { requiredId, requiredText } from '../../kernel/inputs.ts';
import { phrase, phraseText } from '../../kernel/phrase.ts';
import { ok, type Result } from '../../kernel/result.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import type { Caller } from '../../platform/services/caller.ts';
import { refuse } from '../../platform/services/errors.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import * as repo from './data/measures.repository.ts';
import { auditMeasure as audit, editableMeasure as editable } from './measure-access.ts';

export const itemLinkInput = z.object({ itemId: requiredId(phraseText('measureRefusals.choosePlanItem')) });
export const assigneeInput = z.object({ personId: requiredId(phraseText('measureRefusals.choosePerson')) });
export const breakdownInput = z.object({
  dimension: requiredText(phrase('measureFields.breakdown'), 60),
  code: z
    .string({ message: phraseText('measureRefusals.enterCategoryCode') })
    .trim()
    .min(1, phraseText('measureRefusals.enterCategoryCode'))
    .max(40, phraseText('measureRefusals.categoryCodeTooLong')),
  label: requiredText(phrase('measureFields.categoryName'), 200),
  position: z
    .preprocess(
      (raw) => (raw === '' || raw === undefined ? 0 : Number(raw)),
      z.number().int(phraseText('measureRefusals.positionWhole')).min(0).max(10000),
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
        if (!item) return refuse('invalid', phraseText('measureRefusals.planItemExists'), 'itemId');
        if (item.planStatus === 'superseded' || item.planStatus === 'archived') {
          return refuse(
            'invalid_state',
            phraseText('measureRefusals.itemInOldPlan', { item: item.code, planStatus: item.planStatus }),
            'itemId',
          );
        }
        const added = await repo.insertItemLink(tx, {
          organisationId: caller.organisationId,
          measureId: id,
          itemId,
          addedBy: caller.personId,
        });
        if (!added)
          return refuse(
            'duplicate',
            phraseText('measureRefusals.alreadyLinked', { code: measure.value.code, item: item.code }),
            'itemId',
          );
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
          return refuse('not_found', phraseText('measureRefusals.itemNotLinked'));
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
        if (!person) return refuse('invalid', phraseText('measureRefusals.personExists'), 'personId');
        if (person.status !== 'active')
          return refuse('invalid', phraseText('measureRefusals.personLeft', { name: person.name }), 'personId');
        const added = await repo.insertAssignee(tx, {
          organisationId: caller.organisationId,
          measureId: id,
          personId,
          addedBy: caller.personId,
        });
        if (!added)
          return refuse(
            'duplicate',
            phraseText('measureRefusals.alreadyEnters', { name: person.name, code: measure.value.code }),
            'personId',
          );
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
          return refuse('not_found', phraseText('measureRefusals.personNotEntering'));
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
          return refuse(
            'duplicate',
            phraseText('measureRefusals.categoryExists', { dimension: input.dimension, code: input.code }),
            'code',
          );
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
