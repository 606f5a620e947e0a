import { loadDemoActions } from './demo-actions.loader.ts';
import { loadDemoRisks } from './demo-risks.loader.ts';
import { loadDemoCommittees } from './demo-committees.loader.ts';
import { installBuiltInDefinitions } from '../modules/reports/index.ts';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { effectiveFrom } from '../modules/plans/domain/period.ts';
import { hashPassword } from '../modules/organisation/auth.service.ts';
import { recordAudit } from '../platform/audit/audit.ts';
import type { Db } from '../platform/db/db.ts';
import { asClock, systemClock } from '../platform/clock.ts';
import { listPlanTypeDetails, type PlanTypeDetail } from '../modules/framework/data/framework.repository.ts';
import { planEvents, plans } from '../modules/plans/index.ts';
import {
  governanceBodyMembers,
  partners,
  people,
  portfolios,
  portfolioUnits,
  roleAssignments,
  units,
} from '../modules/organisation/index.ts';
import { organisations } from '../platform/tenancy/organisations.schema.ts';
import { installDefaultFramework } from '../modules/framework/data/default-framework.seed.ts';
import { DEMO_PASSWORD, demoCouncil, type DemoCouncil } from './demo-council.data.ts';
import { loadDemoMeasures, type DemoMeasuresResult } from './demo-measures.loader.ts';
import { loadDemoMoney } from './demo-money.loader.ts';
import { loadDemoMoneyProgramme } from './demo-money-programme.loader.ts';
import { loadDemoImprovementPlans } from './demo-improvement-plans.ts';
import { loadDemoProjects } from './demo-projects.loader.ts';
import { DemoCouncilError } from './demo-council.error.ts';
import { loadDemoRecommendations } from './demo-recommendations.loader.ts';
import {
  addVersion,
  approvalHistory,
  approvedEvent,
  Approvers,
  at,
  checkedSections,
  ItemBuilder,
  timeOn,
  type EventRow,
  type PlanRow,
} from './demo-plans.loader.ts';
import { phraseText } from '../kernel/phrase.ts';

export interface DemoAccount {
  name: string;
  email: string;
  jobTitle: string;
  /** What the account shows off, e.g. "performance officer". */
  description: string;
}

export interface DemoCredentials {
  organisationId: string;
  organisationName: string;
  password: string;
  /** The featured accounts to print; every other demo person has the same password. */
  accounts: DemoAccount[];
  people: number;
  /** The demo measures loaded from real published figures (or why they were skipped). */
  measures: DemoMeasuresResult;
}

export interface DemoLoadOptions {
  /** Today, for the stored statuses and the period mapping of the demo measures. */
  clock?: () => Date;
  /** The real published data folder; defaults to reference-data/ in the repository. */
  realDataDir?: string;
}

export { DemoCouncilError } from './demo-council.error.ts';

const SEED_ACTOR = { personId: null, label: phraseText('auditActors.demoSeed') };

/**
 * Loads the demo council (demo-council.data.ts) into the database in one transaction: the
 * organisation, the default framework, structure, people and roles, governance, portfolios,
 * partners, plans with their items, links and approval history, one amendment and one roll-forward.
 * Refuses, writing nothing, when the demo council is already there or the data does not fit the
 * framework. Rows go in a table at a time, with ids made here so that references resolve up front.
 */
export async function loadDemoCouncil(
  db: Db,
  council: DemoCouncil = demoCouncil,
  options: DemoLoadOptions = {},
): Promise<DemoCredentials> {
  // Hashed once, outside the transaction: argon2 is deliberately slow.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    const { organisation } = council;
    const [existing] = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.slug, organisation.slug));
    if (existing) {
      throw new DemoCouncilError(
        `The demo council is already loaded (an organisation with slug "${organisation.slug}" exists); nothing was changed.`,
      );
    }
    const [org] = await tx
      .insert(organisations)
      .values({ slug: organisation.slug, name: organisation.name, type: organisation.type })
      .returning({ id: organisations.id });
    if (!org) throw new Error('insert into organisations returned no row');
    const organisationId = org.id;
    const framework = await installDefaultFramework(tx, organisationId);
    const planTypeDetails = new Map((await listPlanTypeDetails(tx, organisationId)).map((type) => [type.key, type]));

    const ids = {
      units: idsFor(
        council.units.map((unit) => unit.code),
        'unit code',
      ),
      people: idsFor(
        council.people.map((person) => person.key),
        'person key',
      ),
      partners: idsFor(
        council.partners.map((partner) => partner.key),
        'partner key',
      ),
    };
    const unitId = (code: string, where: string) => need(ids.units, code, 'unit', where);
    const personId = (key: string, where: string) => need(ids.people, key, 'person', where);
    const partnerId = (key: string, where: string) => need(ids.partners, key, 'partner', where);

    // Structure, partners and people
    await tx.insert(units).values(
      council.units.map((unit) => ({
        id: unitId(unit.code, 'units'),
        organisationId,
        parentId: unit.parent === null ? null : unitId(unit.parent, `unit ${unit.code}`),
        code: unit.code,
        name: unit.name,
        kind: unit.kind,
        headPersonId: unit.head === null ? null : personId(unit.head, `unit ${unit.code}`),
      })),
    );
    await tx.insert(partners).values(
      council.partners.map((partner) => ({
        id: partnerId(partner.key, 'partners'),
        organisationId,
        name: partner.name,
        kind: partner.kind,
        description: partner.description,
      })),
    );
    const emailOf = (local: string) => `${local}@${organisation.emailDomain}`;
    await tx.insert(people).values(
      council.people.map((person) => ({
        id: personId(person.key, 'people'),
        organisationId,
        name: person.name,
        email: emailOf(person.email),
        jobTitle: person.jobTitle,
        unitId: person.unit === null ? null : unitId(person.unit, `person ${person.key}`),
        lineManagerId: person.lineManager === null ? null : personId(person.lineManager, `person ${person.key}`),
        partnerId: person.partner === undefined ? null : partnerId(person.partner, `person ${person.key}`),
        passwordHash,
      })),
    );
    await tx.insert(roleAssignments).values(
      council.people.flatMap((person) =>
        person.roles.map((grant) => ({
          organisationId,
          personId: personId(person.key, 'roles'),
          role: grant.role,
          unitId: grant.unit === null ? null : unitId(grant.unit, `role of ${person.key}`),
          partnerId:
            grant.role === 'partner' && person.partner !== undefined
              ? partnerId(person.partner, `role of ${person.key}`)
              : null,
        })),
      ),
    );

    // Governance
    const bodyId = (key: string, where: string) => need(new Map(Object.entries(framework.bodies)), key, 'body', where);
    await tx.insert(governanceBodyMembers).values(
      council.memberships.map((membership) => ({
        organisationId,
        bodyId: bodyId(membership.body, `membership of ${membership.person}`),
        personId: personId(membership.person, `membership of ${membership.body}`),
        role: membership.role,
      })),
    );
    const portfolioIds = idsFor(
      council.portfolios.map((portfolio) => portfolio.name),
      'portfolio name',
    );
    await tx.insert(portfolios).values(
      council.portfolios.map((portfolio) => ({
        id: need(portfolioIds, portfolio.name, 'portfolio', 'portfolios'),
        organisationId,
        name: portfolio.name,
        holderPersonId: personId(portfolio.holder, `portfolio ${portfolio.name}`),
      })),
    );
    await tx.insert(portfolioUnits).values(
      council.portfolios.flatMap((portfolio) =>
        portfolio.units.map((code) => ({
          organisationId,
          portfolioId: need(portfolioIds, portfolio.name, 'portfolio', 'portfolios'),
          unitId: unitId(code, `portfolio ${portfolio.name}`),
        })),
      ),
    );

    // Plans, items, partners on items, contribution links and the approval history
    const approvers = new Approvers(council, framework.bodies, personId);
    const planIds = idsFor(
      [...council.plans.map((plan) => plan.key), ...council.versions.map((version) => version.key)],
      'plan key',
    );
    const planId = (key: string, where: string) => need(planIds, key, 'plan', where);
    const typeOf = (key: string, where: string): PlanTypeDetail => {
      const type = planTypeDetails.get(key);
      if (!type) throw new DemoCouncilError(`Demo data: ${where} has plan type "${key}", which the framework lacks`);
      return type;
    };
    const planRows: PlanRow[] = [];
    const events: EventRow[] = [];
    const items = new ItemBuilder(organisationId, framework.itemTypes, personId, unitId, partnerId);
    const planTypeKeys = new Map(council.plans.map((plan) => [plan.key, plan.type]));
    for (const plan of council.plans) {
      const type = typeOf(plan.type, `plan ${plan.key}`);
      const parentType = plan.parent === null ? undefined : planTypeKeys.get(plan.parent);
      if (plan.parent !== null && !type.parentTypeIds.includes(typeOf(parentType ?? '', `plan ${plan.parent}`).id)) {
        throw new DemoCouncilError(`Demo data: plan ${plan.key} (${type.name}) cannot sit under plan ${plan.parent}`);
      }
      const id = planId(plan.key, 'plans');
      const approved = approvalHistory(
        organisationId,
        id,
        plan.owner,
        plan.unit,
        plan.approval,
        type,
        approvers,
        plan.key,
      );
      events.push(
        at(organisationId, id, plan.created, 0, personId(plan.owner, plan.key), 'created'),
        ...approved.events,
      );
      const from = effectiveFrom(approved.date, plan.periodStart);
      events.push({
        ...approvedEvent(organisationId, id, approved.at, approved.lastActor),
        comment: `In force from ${from}`,
      });
      planRows.push({
        id,
        organisationId,
        lineageId: randomUUID(),
        planTypeId: type.id,
        parentPlanId: plan.parent === null ? null : planId(plan.parent, `plan ${plan.key}`),
        title: plan.title,
        periodStart: plan.periodStart,
        periodEnd: plan.periodEnd,
        owningUnitId: unitId(plan.unit, `plan ${plan.key}`),
        ownerPersonId: personId(plan.owner, `plan ${plan.key}`),
        sections: checkedSections(plan.sections, type, plan.key),
        status: 'approved',
        approvedAt: approved.at,
        effectiveFrom: from,
        createdAt: timeOn(plan.created, 0),
        updatedAt: approved.at,
      });
      items.addPlan(plan.key, id, type, plan.items);
    }
    await tx.insert(plans).values(planRows);
    await items.write(tx);

    for (const version of council.versions) {
      await addVersion(tx, organisationId, version, {
        planRows,
        events,
        items,
        typeOf,
        planId,
        personId,
        approvers,
        council,
      });
    }
    await tx.insert(planEvents).values(events);

    // Measures with real published history, linked to the plan items above.
    const measures = await loadDemoMeasures(tx, {
      organisationId,
      personId,
      unitId,
      clock: options.clock ?? systemClock,
      ...(options.realDataDir === undefined ? {} : { dataDir: options.realDataDir }),
    });
    // Revenue monitoring (illustrative figures): demo-money.loader.ts.
    await loadDemoMoney(tx, {
      organisationId,
      unitId: (code) => unitId(code, 'money'),
      clock: options.clock,
    });
    // Capital, reserves, borrowing, savings and the MTFS (illustrative): demo-money-programme.loader.ts.
    await loadDemoMoneyProgramme(tx, {
      organisationId,
      unitId: (code) => unitId(code, 'money'),
      clock: options.clock,
    });

    await loadDemoRecommendations(tx, {
      organisationId,
      today: asClock(options.clock ?? systemClock).today(),
      personId,
      unitId,
      auditCommitteeId: bodyId('audit-committee', 'recommendations'),
    });

    await loadDemoImprovementPlans(tx, { organisationId, personId, clock: options.clock ?? systemClock });
    await loadDemoProjects(tx, { organisationId, clock: asClock(options.clock ?? systemClock) });

    // Actions behind the Council Plan's objectives, some escalated, dated relative to today.
    const actionCount = await loadDemoActions(tx, { organisationId, personId, now: (options.clock ?? systemClock)() });

    await loadDemoRisks(tx, { organisationId, personId, unitId, clock: asClock(options.clock ?? systemClock) });

    // A year of panel, scrutiny and Cabinet meetings with last quarter's report routed through
    // them, members' requests at every stage and the statutory returns: demo-committees.loader.ts.
    await loadDemoCommittees(tx, {
      organisationId,
      clock: asClock(options.clock ?? systemClock),
      bodyId: (key) => bodyId(key, 'committees'),
      personId: (key) => personId(key, 'committees'),
    });

    // The built-in report definitions, so the demo's quarterly report is one click away.
    await installBuiltInDefinitions(tx, { organisationId, personId: SEED_ACTOR.personId, name: SEED_ACTOR.label });

    await recordAudit(tx, {
      organisationId,
      actor: SEED_ACTOR,
      entityType: 'organisation',
      entityId: organisationId,
      action: 'seed',
      newValue: {
        units: council.units.length,
        people: council.people.length,
        plans: planRows.length,
        items: items.count,
        links: items.linkCount,
        actions: actionCount,
      },
      reason: 'seeded demo council',
    });

    return {
      organisationId,
      organisationName: organisation.name,
      password: DEMO_PASSWORD,
      people: council.people.length,
      measures,
      accounts: demoAccounts(council),
    };
  });
}

/** The featured demo accounts, from the demo's data alone (printed at every start in development). */
export function demoAccounts(council: DemoCouncil = demoCouncil): DemoAccount[] {
  return council.people.flatMap((person) =>
    person.featured === undefined
      ? []
      : [
          {
            name: person.name,
            email: `${person.email}@${council.organisation.emailDomain}`,
            jobTitle: person.jobTitle,
            description: person.featured,
          },
        ],
  );
}

function idsFor(keys: string[], what: string): Map<string, string> {
  const ids = new Map<string, string>();
  for (const key of keys) {
    if (ids.has(key)) throw new DemoCouncilError(`Demo data: the ${what} "${key}" is used twice`);
    ids.set(key, randomUUID());
  }
  return ids;
}

function need(ids: Map<string, string>, key: string, what: string, where: string): string {
  const id = ids.get(key);
  if (!id) throw new DemoCouncilError(`Demo data: ${where} refers to ${what} "${key}", which does not exist`);
  return id;
}
