/**
 * Contribution links between items (an item contributes to another, in its plan or a higher one):
 * where a link may go, adding one without a loop, and removing one. Audited.
 */
import { phraseText } from '../../kernel/phrase.ts';
import { ok, type Result } from '../../kernel/result.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { actorOf, type Caller } from '../../platform/services/caller.ts';
import { onUniqueViolation, notFound, refuse } from '../../platform/services/errors.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import * as itemsRepo from './data/items.repository.ts';
import * as sightRepo from './data/line-of-sight.repository.ts';
import type { LinkInput } from './domain/item.ts';
import { editablePlan, readablePlan, readablePlanIds, visibleItem } from './item-access.ts';

const NOT_FOUND = 'item';

/** Where an item's links may go: items of the plans the caller may read, grouped by plan. */
export interface LinkTargetGroup {
  plan: { id: string; title: string };
  items: { id: string; code: string; title: string; typeName: string }[];
}

export function createItemLinks({ db }: Pick<ServiceDeps, 'db'>) {
  return {
    async linkTargets(caller: Caller, id: string): Promise<Result<LinkTargetGroup[]>> {
      const org = caller.organisationId;
      const item = await visibleItem(db, caller, id);
      if (!item) return notFound(NOT_FOUND);
      const plan = await readablePlan(db, caller, item.planId);
      if (!plan) return notFound(NOT_FOUND);
      const targets = await itemsRepo.linkTargets(db, org, plan);
      const readable = await readablePlanIds(
        db,
        caller,
        targets.map((row) => row.planId),
      );
      const groups: LinkTargetGroup[] = [];
      for (const row of targets.filter((target) => readable.has(target.planId))) {
        let group = groups.find((candidate) => candidate.plan.id === row.planId);
        if (!group) {
          group = { plan: { id: row.planId, title: row.planTitle }, items: [] };
          groups.push(group);
        }
        group.items.push({ id: row.id, code: row.code, title: row.title, typeName: row.typeName });
      }
      return ok(groups);
    },

    async addLink(caller: Caller, fromItemId: string, input: LinkInput): Promise<Result<itemsRepo.LinkRow>> {
      const org = caller.organisationId;
      return inTransaction(db, async (tx) => {
        const from = await visibleItem(tx, caller, fromItemId);
        if (!from) return notFound(NOT_FOUND);
        const plan = await editablePlan(tx, caller, from.planId, 'links', 'add');
        if (!plan.ok) return plan;
        if (input.toItemId === fromItemId) {
          return refuse('invalid', phraseText('planRefusals.linkToItself'), 'toItemId');
        }
        const to = await itemsRepo.findItem(tx, org, input.toItemId);
        if (!to) return refuse('invalid', phraseText('planRefusals.linkTargetExists'), 'toItemId');
        const toPlan = await readablePlan(tx, caller, to.planId);
        if (!toPlan || toPlan.status === 'superseded' || toPlan.status === 'archived') {
          return refuse('invalid', phraseText('planRefusals.linkTargetNotInForce', { code: to.code }), 'toItemId');
        }
        if (await itemsRepo.findLinkBetween(tx, org, fromItemId, input.toItemId)) {
          return refuse(
            'duplicate',
            phraseText('planRefusals.alreadyContributes', { from: from.code, to: to.code }),
            'toItemId',
          );
        }
        if (await sightRepo.reaches(tx, org, to.id, from.id)) {
          return refuse('cycle', phraseText('planRefusals.linkLoop', { from: from.code, to: to.code }), 'toItemId');
        }
        const link = await itemsRepo.insertLink(tx, {
          organisationId: org,
          fromItemId,
          toItemId: input.toItemId,
          kind: input.kind,
        });
        await recordAudit(tx, {
          organisationId: org,
          actor: actorOf(caller),
          entityType: 'contribution-link',
          entityId: link.id,
          action: 'create',
          newValue: { fromItemId, toItemId: input.toItemId, kind: input.kind },
        });
        return ok(link);
      }).catch(onUniqueViolation(() => refuse('duplicate', phraseText('planRefusals.linkExists'), 'toItemId')));
    },

    async removeLink(caller: Caller, fromItemId: string, linkId: string): Promise<Result<null>> {
      const org = caller.organisationId;
      return inTransaction(db, async (tx) => {
        const from = await visibleItem(tx, caller, fromItemId);
        if (!from) return notFound(NOT_FOUND);
        const link = await itemsRepo.findLink(tx, org, linkId);
        if (!link || link.fromItemId !== fromItemId) return notFound('contributionLink');
        const plan = await editablePlan(tx, caller, from.planId, 'links', 'remove');
        if (!plan.ok) return plan;
        await itemsRepo.deleteLink(tx, org, linkId);
        await recordAudit(tx, {
          organisationId: org,
          actor: actorOf(caller),
          entityType: 'contribution-link',
          entityId: linkId,
          action: 'delete',
          oldValue: { fromItemId: link.fromItemId, toItemId: link.toItemId, kind: link.kind },
        });
        return ok(null);
      });
    },
  };
}
