import path from 'node:path';
import { asClock, systemClock, type Clock } from './platform/clock.ts';
import type { Config } from './platform/config.ts';
import { openDatabase, type Database, type Db } from './platform/db/db.ts';
import type { ModuleWeb } from './platform/module.ts';
import type { ServiceDeps } from './platform/services/service-deps.ts';
import { actionRollupContributionsWith, actionsAnswering, createActionsModule } from './modules/actions/index.ts';
import { createAuditModule } from './modules/audit/index.ts';
import { createCollectionModule, loadClosedPeriods } from './modules/collection/index.ts';
import { createFrameworkModule, installDefaultFramework } from './modules/framework/index.ts';
import { createHomeModule } from './modules/home/index.ts';
import { createImportsModule } from './modules/imports/index.ts';
import { createImprovementPlansModule, improvementPlanExists } from './modules/improvement-plans/index.ts';
import { createMeasuresModule } from './modules/measures/index.ts';
import { createMoneyModule } from './modules/money/index.ts';
import { createOrganisationModule, type PasswordLinkDeps, unitAncestryIn } from './modules/organisation/index.ts';
import { smtpMailer } from './platform/mail/mailer.ts';
import type { UnitAncestry } from './platform/access/policy.ts';
import { createPerformanceModule, loadLatestProcessLimits, loadOfficialFrom } from './modules/performance/index.ts';
import { createPlansModule, planTypeUsage } from './modules/plans/index.ts';
import { createRecommendationsModule, recommendationExists } from './modules/recommendations/index.ts';
import { createProjectRollupContributions, createProjectsModule } from './modules/projects/index.ts';
import { createRisksModule, measurePageRisks, planPageRisks } from './modules/risks/index.ts';
import { createReportsModule, revenueSourceFrom } from './modules/reports/index.ts';
import { createCommitteesModule } from './modules/committees/index.ts';

/**
 * Every module, built once in dependency order, with the ports of earlier modules filled by later
 * ones: the new-council set-up (framework), status recalculation after values change
 * (performance), the council's official position for exports (performance), the latest process
 * limits a target is checked against as it is set (performance), the official position the entry
 * page marks figures by (performance), and the performance
 * shown on measure, item and plan pages.
 */
export function createModules(deps: ServiceDeps, options: { passwordLinks?: PasswordLinkDeps } = {}) {
  const mailer = options.passwordLinks?.mailer;
  const baseUrl = options.passwordLinks?.baseUrl ?? '';
  const organisation = createOrganisationModule({
    ...deps,
    passwordLinks: options.passwordLinks,
    setUpOrganisation: async (tx, organisationId) => {
      await installDefaultFramework(tx, organisationId);
    },
  });
  const framework = createFrameworkModule({ ...deps, usage: planTypeUsage });
  const plans = createPlansModule(deps);
  const processLimits = { latestProcessLimits: loadLatestProcessLimits };
  // Closing periods is collection's; a target for a closed period is refused through this port.
  const closedPeriods = {
    refusalFor: async (db: Db, organisationId: string, periodKey: string) =>
      (await loadClosedPeriods(db, organisationId)).refusalFor(periodKey),
  };
  const measures = createMeasuresModule({
    ...deps,
    organisation: organisation.services,
    processLimits,
    closedPeriods,
  });
  // Actions and projects feed the roll-ups through performance's port: a list, one per source.
  const performance = createPerformanceModule({
    ...deps,
    contributions: [actionRollupContributionsWith(deps.clock), createProjectRollupContributions(deps.clock)],
  });
  const statuses = performance.services.performance;
  const collection = createCollectionModule({
    ...deps,
    statuses,
    organisation: organisation.services,
    official: { officialFrom: (organisationId: string) => loadOfficialFrom(deps.db, organisationId) },
  });
  const imports = createImportsModule({
    ...deps,
    statuses,
    official: { officialFrom: loadOfficialFrom },
    processLimits,
  });
  // An action may answer a recommendation or an improvement plan, which come after actions: actions
  // asks whether the council has one through its port, and they read their actions from actions.
  const answers = {
    exists: (db: Db, organisationId: string, kind: 'recommendation' | 'improvement-plan', id: string) =>
      kind === 'recommendation'
        ? recommendationExists(db, organisationId, id)
        : improvementPlanExists(db, organisationId, id),
  };
  const implementingActions = {
    actionsAnswering: (
      db: Db,
      organisationId: string,
      kind: 'recommendation' | 'improvement-plan',
      ids: readonly string[],
    ) => actionsAnswering(db, organisationId, kind, ids, deps.clock.today()),
  };
  const actions = createActionsModule({ ...deps, notifier: { mailer, baseUrl }, answers });
  const projects = createProjectsModule(deps);
  const money = createMoneyModule(deps);
  const recommendations = createRecommendationsModule({ ...deps, actions: implementingActions });
  const improvementPlans = createImprovementPlansModule({ ...deps, actions: implementingActions });
  const risks = createRisksModule(deps);
  // The report reads the revenue position through its port, from money's summary (as the caller).
  const reports = createReportsModule({ ...deps, revenue: revenueSourceFrom(money.services.revenue) });
  const committees = createCommitteesModule(deps);
  const audit = createAuditModule(deps);

  const services = {
    ...organisation.services,
    ...framework.services,
    ...plans.services,
    ...measures.services,
    ...collection.services,
    ...imports.services,
    ...performance.services,
    ...actions.services,
    ...projects.services,
    ...money.services,
    ...recommendations.services,
    ...improvementPlans.services,
    ...risks.services,
    ...reports.services,
    ...committees.services,
    ...audit.services,
  };
  const home = createHomeModule(services);
  const pagePerformance = { performance: performance.pagePerformance };

  /** Each module's templates, pages and API, in the order the app registers them. */
  const web = (options: { secureCookies: boolean }): ModuleWeb[] => [
    organisation.web(options),
    home.web,
    framework.web,
    // An item's page lists the open risks that concern it: plans owns the port, risks fills it.
    plans.web({ ...pagePerformance, risks: planPageRisks(deps.db) }),
    measures.web({
      ...pagePerformance,
      improvementPlan: improvementPlans.measurePage,
      actions: actions.measurePage,
      risks: measurePageRisks(deps.db),
    }),
    collection.web,
    imports.web,
    performance.web,
    actions.web,
    projects.web,
    money.web,
    recommendations.web,
    improvementPlans.web,
    risks.web,
    reports.web,
    committees.web,
    audit.web,
  ];
  return { services, web };
}

/** Every use case, shared by pages, API, jobs, the CLI, tests and benchmarks. */
export function createServices(deps: { db: ServiceDeps['db']; clock: Clock | (() => Date) }): Services {
  return createModules({ db: deps.db, clock: asClock(deps.clock) }).services;
}

export type Services = ReturnType<typeof createModules>['services'];

export interface Deps {
  config: Config;
  database: Database;
  services: Services;
  /** Each module's templates, pages and API. */
  web: ModuleWeb[];
  clock: Clock;
  /** The unit tree for the platform's access policy, read by the organisation module. */
  unitAncestry: UnitAncestry;
}

/** The one composition root: configuration in, everything the app, jobs and CLI need out. */
export async function createDeps(
  config: Config,
  options: { clock?: Clock | (() => Date); inMemory?: boolean; migrate?: boolean } = {},
): Promise<Deps> {
  const database = await openDatabase({
    url: config.databaseUrl,
    readUrl: config.readDatabaseUrl,
    dataDir: options.inMemory ? undefined : path.resolve(config.dataDir, 'pglite'),
    migrate: options.migrate ?? config.migrateOnStart,
  });
  return assembleDeps(config, database, options.clock ?? systemClock);
}

/** Everything built on an open database (tests and benchmarks open their own). */
export function assembleDeps(config: Config, database: Database, source: Clock | (() => Date)): Deps {
  const clock = asClock(source);
  const modules = createModules(
    // Reporting reads go to the replica only when there is one: otherwise services use db alone.
    { db: database.db, clock, ...(database.readDb !== database.db ? { readDb: database.readDb } : {}) },
    {
      passwordLinks: {
        baseUrl: config.baseUrl,
        mailer: config.smtp ? smtpMailer(config.smtp) : undefined,
        passwordMinLength: config.passwordMinLength,
      },
    },
  );
  const secureCookies = config.baseUrl.startsWith('https://');
  return {
    config,
    database,
    services: modules.services,
    web: modules.web({ secureCookies }),
    clock,
    unitAncestry: unitAncestryIn(database.db),
  };
}
