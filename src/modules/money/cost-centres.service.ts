import { z } from 'zod';
import { requiredId, requiredText } from '../../kernel/inputs.ts';
import { phrase, phraseText } from '../../kernel/phrase.ts';
import { ok, type Result } from '../../kernel/result.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { actorOf, type Caller } from '../../platform/services/caller.ts';
import { forbidden, isUniqueViolation, notFound, refuse } from '../../platform/services/errors.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import { planItemChoices, type LinkChoice } from './data/link-choices.repository.ts';
import * as repo from './data/money.repository.ts';
import * as programme from './data/programme.repository.ts';
import { findItem } from '../plans/index.ts';
import type { Db } from '../../platform/db/db.ts';
import { loadUnitAccess } from './unit-access.ts';
import { TOTAL_ROW } from './domain/revenue-import.ts';

export const costCentreInput = z.object({
  code: requiredText(phrase('moneyLabels.costCentreCode'), 20)
    .transform((code) => code.toUpperCase())
    .refine((code) => /^[A-Z0-9][A-Z0-9._/-]*$/.test(code), phraseText('moneyRefusals.codeCharacters'))
    .refine((code) => code !== TOTAL_ROW, phraseText('moneyRefusals.codeIsTotal', { total: TOTAL_ROW })),
  name: requiredText(phrase('moneyLabels.costCentreName')),
  unitId: requiredId(phraseText('moneyRefusals.costCentreUnit')),
});
export type CostCentreInput = z.infer<typeof costCentreInput>;

export type CostCentre = repo.CostCentreRow;

export const renameInput = z.object({ name: requiredText(phrase('moneyLabels.costCentreName')) });
export const planLinkInput = z.object({ planItemId: requiredId(phraseText('moneyProgramme.choosePlanItem')) });

const PLAN_CHOICES_LIMIT = 50;

export function createCostCentresService({ db }: ServiceDeps) {
  /** The cost centre, when the caller holds the permission on its unit; else not found or forbidden. */
  async function guarded(tx: Db, caller: Caller, id: string, permission: 'view:money' | 'edit:money') {
    const centre = await repo.findCostCentre(tx, caller.organisationId, id);
    if (!centre) return { refusal: notFound('costCentre') };
    const access = await loadUnitAccess(tx, caller);
    if (!(await access.can(permission, centre.unitId))) {
      return {
        refusal: forbidden(
          permission === 'view:money'
            ? phraseText('moneyRefusals.mayNotSeeCostCentre')
            : phraseText('moneyRefusals.mayNotChangeThisCostCentre'),
        ),
      };
    }
    return { centre, mayEdit: await access.can('edit:money', centre.unitId) };
  }

  /** One audited change to a cost centre, in a transaction. */
  async function change(
    caller: Caller,
    id: string,
    action: string,
    work: (tx: Db, centre: CostCentre) => Promise<{ oldValue: unknown; newValue: unknown } | Result<never>>,
  ): Promise<Result<{ id: string }>> {
    return inTransaction(db, async (tx) => {
      const found = await guarded(tx, caller, id, 'edit:money');
      if ('refusal' in found) return found.refusal!;
      const done = await work(tx, found.centre);
      if ('ok' in done) return done;
      await recordAudit(tx, {
        organisationId: caller.organisationId,
        actor: actorOf(caller),
        entityType: 'cost-centre',
        entityId: id,
        action,
        ...done,
      });
      return ok({ id });
    });
  }

  return {
    /** A cost centre with the plan items it funds, for its page. */
    async detail(
      caller: Caller,
      id: string,
    ): Promise<Result<{ centre: CostCentre; links: programme.PlanLinkRow[]; mayEdit: boolean }>> {
      const found = await guarded(db, caller, id, 'view:money');
      if ('refusal' in found) return found.refusal!;
      const links = await programme.planLinks(db, caller.organisationId, { costCentreId: id });
      return ok({ centre: found.centre, links, mayEdit: found.mayEdit });
    },

    async rename(caller: Caller, id: string, name: string) {
      return change(caller, id, 'rename', async (tx, centre) => {
        await programme.renameCostCentre(tx, caller.organisationId, id, name);
        return { oldValue: { name: centre.name }, newValue: { name } };
      });
    },

    /** Retired: keeps its lines and history, takes no new lines and is not offered for them. */
    async retire(caller: Caller, id: string) {
      return change(caller, id, 'retire', async (tx, centre) => {
        if (!(await programme.retireCostCentre(tx, caller.organisationId, id))) {
          return refuse('invalid', phraseText('moneyRefusals.alreadyRetired', { code: centre.code }));
        }
        return { oldValue: { retired: false }, newValue: { retired: true } };
      });
    },

    /** Links the cost centre to a plan item it funds; another council's item is not found. */
    async linkPlanItem(caller: Caller, id: string, planItemId: string) {
      return change(caller, id, 'link-plan-item', async (tx, centre) => {
        const item = await findItem(tx, caller.organisationId, planItemId);
        if (!item) return refuse('not_found', phraseText('notFound.planItem'), 'planItemId');
        if (!(await programme.addPlanLink(tx, caller.organisationId, id, planItemId))) {
          return refuse('duplicate', `${centre.code} already funds ${item.title}`, 'planItemId');
        }
        return { oldValue: null, newValue: { costCentre: centre.code, planItemId, planItem: item.title } };
      });
    },

    /**
     * The plan items the cost centre could be linked to, for its page's picker: the council's items
     * whose code or title holds the words, less those it already funds; none for someone who may
     * not change it.
     */
    async planItemChoices(caller: Caller, id: string, words: string, chosenId = ''): Promise<LinkChoice[]> {
      const found = await guarded(db, caller, id, 'edit:money');
      if ('refusal' in found) return [];
      const [choices, links] = await Promise.all([
        planItemChoices(db, caller.organisationId, words.trim().slice(0, 100), PLAN_CHOICES_LIMIT, chosenId),
        programme.planLinks(db, caller.organisationId, { costCentreId: id }),
      ]);
      const linked = new Set(links.map((link) => link.planItemId));
      return choices.filter((choice) => !linked.has(choice.id));
    },

    async unlinkPlanItem(caller: Caller, id: string, planItemId: string) {
      return change(caller, id, 'unlink-plan-item', async (tx, centre) => {
        if (!(await programme.removePlanLink(tx, caller.organisationId, id, planItemId)))
          return notFound('costCentreLink');
        return { oldValue: { costCentre: centre.code, planItemId }, newValue: null };
      });
    },

    /** The cost centres whose budgets the caller may read. */
    async list(caller: Caller): Promise<Result<CostCentre[]>> {
      const access = await loadUnitAccess(db, caller);
      if (!(await access.policy.can(caller, 'view:money', 'anywhere')))
        return forbidden(phraseText('moneyRefusals.mayNotSeeBudgets'));
      const readable = await access.unitsWhere('view:money');
      return ok(
        (await repo.listCostCentres(db, caller.organisationId)).filter((centre) => readable.has(centre.unitId)),
      );
    },

    /** The units the caller may add cost centres to, for the form's list. */
    async unitChoices(caller: Caller): Promise<{ id: string; name: string }[]> {
      const access = await loadUnitAccess(db, caller);
      const editable = await access.unitsWhere('edit:money');
      return access.units.filter((unit) => editable.has(unit.id)).map(({ id, name }) => ({ id, name }));
    },

    async create(caller: Caller, input: CostCentreInput): Promise<Result<{ id: string }>> {
      try {
        return await inTransaction(db, async (tx) => {
          const access = await loadUnitAccess(tx, caller);
          // Another council's unit is not in this tree: refused as not found.
          if (!access.unitById.has(input.unitId))
            return refuse('not_found', phraseText('moneyRefusals.unitOfCouncil'), 'unitId');
          if (!(await access.can('edit:money', input.unitId))) {
            return refuse('forbidden', phraseText('moneyRefusals.mayNotAddCostCentre'), 'unitId');
          }
          const id = await repo.insertCostCentre(tx, caller.organisationId, input);
          await recordAudit(tx, {
            organisationId: caller.organisationId,
            actor: actorOf(caller),
            entityType: 'cost-centre',
            entityId: id,
            action: 'create',
            newValue: input,
          });
          return ok({ id });
        });
      } catch (error) {
        if (isUniqueViolation(error))
          return refuse('duplicate', phraseText('moneyRefusals.costCentreExists', { code: input.code }), 'code');
        throw error;
      }
    },
  };
}
