import { accessPolicyIn } from './access.ts';
import { phraseText } from '../../kernel/phrase.ts';
import type { PortfolioInput } from './domain/index.ts';
import { ok, type Result } from '../../kernel/result.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/db.ts';
import * as peopleRepo from './data/people.repository.ts';
import * as portfoliosRepo from './data/portfolios.repository.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { actorOf, type Caller } from '../../platform/services/caller.ts';
import { forbidden, onUniqueViolation, notFound, refuse } from '../../platform/services/errors.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';

export type Portfolio = portfoliosRepo.PortfolioRow & { unitIds: string[] };
export type PortfolioSummary = portfoliosRepo.PortfolioSummary;
export type PortfolioDetail = portfoliosRepo.PortfolioDetail;

const duplicateName = (name: string) =>
  refuse('duplicate', phraseText('organisationRefusals.portfolioNameTaken', { name }), 'name');
const NOT_WHOLE_ORGANISATION = phraseText('organisationRefusals.portfoliosWholeOrganisation');

export function createPortfoliosService({ db }: ServiceDeps) {
  async function checkReferences(tx: Db, caller: Caller, input: PortfolioInput): Promise<Result<null>> {
    if (input.holderPersonId) {
      const holder = await peopleRepo.findPerson(tx, caller.organisationId, input.holderPersonId);
      if (!holder) return refuse('invalid', phraseText('organisationChecks.holderExists'), 'holderPersonId');
      if (holder.status !== 'active') {
        return refuse(
          'invalid',
          phraseText('organisationRefusals.holderHasLeft', { name: holder.name }),
          'holderPersonId',
        );
      }
    }
    if ((await portfoliosRepo.countUnitsOf(tx, caller.organisationId, input.unitIds)) !== input.unitIds.length) {
      return refuse('invalid', phraseText('organisationChecks.unitsExist'), 'unitIds');
    }
    return ok(null);
  }

  async function withUnits(tx: Db, row: portfoliosRepo.PortfolioRow): Promise<Portfolio> {
    return { ...row, unitIds: await portfoliosRepo.portfolioUnitIds(tx, row.id) };
  }

  return {
    list(caller: Caller): Promise<PortfolioSummary[]> {
      return portfoliosRepo.listPortfolios(db, caller.organisationId);
    },

    async get(caller: Caller, id: string): Promise<Result<Portfolio>> {
      const row = await portfoliosRepo.findPortfolio(db, caller.organisationId, id);
      return row ? ok(await withUnits(db, row)) : notFound('portfolio');
    },

    async detail(caller: Caller, id: string): Promise<Result<PortfolioDetail>> {
      const detail = await portfoliosRepo.portfolioDetail(db, caller.organisationId, id);
      return detail ? ok(detail) : notFound('portfolio');
    },

    async create(caller: Caller, input: PortfolioInput): Promise<Result<Portfolio>> {
      if (!(await accessPolicyIn(db).can(caller, 'manage:structure', 'organisation')))
        return forbidden(NOT_WHOLE_ORGANISATION);
      return inTransaction(db, async (tx) => {
        const references = await checkReferences(tx, caller, input);
        if (!references.ok) return references;
        if (await portfoliosRepo.findPortfolioByName(tx, caller.organisationId, input.name)) {
          return duplicateName(input.name);
        }
        const row = await portfoliosRepo.insertPortfolio(tx, {
          organisationId: caller.organisationId,
          name: input.name,
          holderPersonId: input.holderPersonId,
        });
        await portfoliosRepo.setPortfolioUnits(tx, caller.organisationId, row.id, input.unitIds);
        await recordAudit(tx, {
          organisationId: caller.organisationId,
          actor: actorOf(caller),
          entityType: 'portfolio',
          entityId: row.id,
          action: 'create',
          newValue: input,
        });
        return ok(await withUnits(tx, row));
      }).catch(onUniqueViolation(() => duplicateName(input.name)));
    },

    async update(caller: Caller, id: string, input: PortfolioInput): Promise<Result<Portfolio>> {
      if (!(await accessPolicyIn(db).can(caller, 'manage:structure', 'organisation')))
        return forbidden(NOT_WHOLE_ORGANISATION);
      return inTransaction(db, async (tx) => {
        const existing = await portfoliosRepo.findPortfolio(tx, caller.organisationId, id);
        if (!existing) return notFound('portfolio');
        const references = await checkReferences(tx, caller, input);
        if (!references.ok) return references;
        const same = await portfoliosRepo.findPortfolioByName(tx, caller.organisationId, input.name);
        if (same && same.id !== id) return duplicateName(input.name);
        const oldUnitIds = await portfoliosRepo.portfolioUnitIds(tx, id);
        const row = await portfoliosRepo.updatePortfolio(tx, caller.organisationId, id, {
          name: input.name,
          holderPersonId: input.holderPersonId,
        });
        if (!row) return notFound('portfolio');
        await portfoliosRepo.setPortfolioUnits(tx, caller.organisationId, id, input.unitIds);
        await recordAudit(tx, {
          organisationId: caller.organisationId,
          actor: actorOf(caller),
          entityType: 'portfolio',
          entityId: id,
          action: 'update',
          oldValue: { name: existing.name, holderPersonId: existing.holderPersonId, unitIds: oldUnitIds },
          newValue: input,
        });
        return ok(await withUnits(tx, row));
      }).catch(onUniqueViolation(() => duplicateName(input.name)));
    },
  };
}
