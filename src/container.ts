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
import { createMoneyModule, moneyPosition, planPageFunding } from './modules/money/index.ts';
import {
  createOrganisationModule,
  type PasswordLinkDeps,
  sealPlainSecondFactorSecrets,
  unitAncestryIn,
} from './modules/organisation/index.ts';
import { createSecretBox, deriveSecretKey, type SecretBox } from './platform/security/secret-box.ts';
import { smtpMailer } from './platform/mail/mailer.ts';
import type { UnitAncestry } from './platform/access/policy.ts';
import { createPerformanceModule, loadLatestProcessLimits, loadOfficialFrom } from './modules/performance/index.ts';
import { createPlansModule, plansStarting, planTypeUsage } from './modules/plans/index.ts';
import { createRecommendationsModule, recommendationExists } from './modules/recommendations/index.ts';
import { createProjectRollupContributions, createProjectsModule } from './modules/projects/index.ts';
import { actionPageRisks, createRisksModule, measurePageRisks, planPageRisks } from './modules/risks/index.ts';
import {
  createReportsModule,
  healthSourceFrom,
  issuedReportChoices,
  issuedReportDates,
  issuedReportExists,
  moneySourceFrom,
} from './modules/reports/index.ts';
import { createCommitteesModule, SUBJECT_PAGE } from './modules/committees/index.ts';
import { createSingleSignOnModule, type SingleSignOnOptions } from './modules/single-sign-on/index.ts';
import { createJobsModule } from './modules/jobs/index.ts';
import { createJobQueue, type JobQueue } from './platform/jobs/job-queue.ts';
import { DEFAULT_BACKGROUND_IMPORT_ROWS } from './platform/jobs/job-rules.ts';

/**
 * Every module, built once in dependency order, with the ports of earlier modules filled by later
 * ones: the new-council set-up (framework), status recalculation after values change
 * (performance), the council's official position for exports (performance), the latest process
 * limits a target is checked against as it is set (performance), the official position the entry
 * page marks figures by (performance), and the performance
 * shown on measure, item and plan pages.
 */
export function createModules(
  deps: ServiceDeps,
  options: {
    passwordLinks?: PasswordLinkDeps;
    singleSignOn?: SingleSignOnOptions;
    backgroundImportRows?: number;
    log?: (line: string) => void;
    secrets?: SecretBox;
    /** PGlite: this process alone uses the database, so jobs left running at start were orphaned. */
    soleProcess?: boolean;
  } = {},
) {
  const mailer = options.passwordLinks?.mailer;
  const baseUrl = options.passwordLinks?.baseUrl ?? '';
  const organisation = createOrganisationModule({
    ...deps,
    passwordLinks: options.passwordLinks,
    secrets: options.secrets,
    setUpOrganisation: async (tx, organisationId) => {
      await installDefaultFramework(tx, organisationId);
    },
  });
  // Single sign-on starts sessions through organisation's sign-in; organisation's sign-out asks it
  // where to end the session at the provider. Without options (the CLI, tests): a development key.
  const singleSignOn = createSingleSignOnModule({
    ...deps,
    organisation: organisation.services,
    ...(options.singleSignOn ?? {
      baseUrl: 'http://localhost:3000',
      appSecret: 'development-only-secret-not-for-production-use',
    }),
  });
  // Long work (large imports) runs as background jobs, as the person who asked (read at the start).
  const jobs = createJobQueue({
    ...deps,
    soleProcess: options.soleProcess ?? false,
    log: options.log ?? ((line) => console.error(line)),
    callerOf: async (personId) => {
      const principal = await organisation.services.auth.principalFor(personId);
      return principal?.kind === 'person' ? principal : undefined;
    },
  });
  const jobsModule = createJobsModule({ queue: jobs });
  const framework = createFrameworkModule({ ...deps, usage: planTypeUsage });
  const plans = createPlansModule(deps);
  const processLimits = { latestProcessLimits: loadLatestProcessLimits };
  // Closing periods is collection's; a target for a closed period is refused through this port.
  const closedPeriods = {
    refusalFor: async (db: Db, organisationId: string, periodKey: string) =>
      (await loadClosedPeriods(db, organisationId)).refusalFor(periodKey),
  };
  // Built before measures, which recomputes a measure's stored statuses when its target changes.
  // Actions and projects feed the roll-ups through performance's port: a list, one per source.
  const performance = createPerformanceModule({
    ...deps,
    contributions: [actionRollupContributionsWith(deps.clock), createProjectRollupContributions(deps.clock)],
  });
  const statuses = performance.services.performance;
  const measures = createMeasuresModule({
    ...deps,
    organisation: organisation.services,
    processLimits,
    closedPeriods,
    statuses,
  });
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
    jobs,
    backgroundImportRows: options.backgroundImportRows ?? DEFAULT_BACKGROUND_IMPORT_ROWS,
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
  // An action's page lists the open risks that concern it: actions owns the port, risks fills it.
  const actions = createActionsModule({
    ...deps,
    notifier: { mailer, baseUrl },
    answers,
    risks: actionPageRisks(deps.db),
  });
  const projects = createProjectsModule(deps);
  const money = createMoneyModule(deps);
  const recommendations = createRecommendationsModule({ ...deps, actions: implementingActions });
  const improvementPlans = createImprovementPlansModule({ ...deps, actions: implementingActions });
  const risks = createRisksModule(deps);
  // The report reads the money position (revenue, capital, reserves, borrowing) and framework health
  // through its ports: money's position of the council, and performance's health read as the caller.
  const reports = createReportsModule({
    ...deps,
    money: moneySourceFrom((organisationId, period) => moneyPosition(deps.db, organisationId, period)),
    health: healthSourceFrom(performance.services.performanceViews),
    // An issued report's Word, PDF and Excel files are made by background jobs.
    jobs,
  });
  // An agenda item may be about an issued performance report: committees' picker finds them, and
  // checks a chosen one is the council's, through its port; reports fills it.
  const committees = createCommitteesModule({
    ...deps,
    subjects: {
      'performance-report': {
        find: (organisationId, find) => issuedReportChoices(deps.db, organisationId, find, SUBJECT_PAGE),
        exists: issuedReportExists,
      },
    },
    // The timetable shows each directorate plan's and each report's status against its dates:
    // plans and reports are read through their modules' exports.
    records: {
      plansStarting: (organisationId, planTypeKey, window) =>
        plansStarting(deps.db, organisationId, planTypeKey, window),
      reportsIssued: (organisationId, ids) => issuedReportDates(deps.db, organisationId, ids),
    },
  });
  const audit = createAuditModule(deps);

  const services = {
    ...organisation.services,
    ...singleSignOn.services,
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
    organisation.web({ ...options, signOutElsewhere: singleSignOn.signOutElsewhere }),
    singleSignOn.web(options),
    home.web,
    jobsModule.web,
    framework.web,
    // An item's page lists the open risks that concern it and the cost centres that fund it: plans
    // owns the ports, risks and money fill them.
    plans.web({ ...pagePerformance, risks: planPageRisks(deps.db), funding: planPageFunding(deps.db) }),
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
  return { services, web, jobs };
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
  /** Background jobs: the server starts polling; the app waits for running ones as it closes. */
  jobs: JobQueue;
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
  const deps = assembleDeps(config, database, options.clock ?? systemClock);
  // Second-factor secrets stored in the clear by an earlier version are sealed before any request.
  await sealPlainSecondFactorSecrets(database.db, secretBoxFor(config));
  return deps;
}

/** The key sealing second-factor secrets, from SECOND_FACTOR_KEY or else SESSION_SECRET. */
export const secretBoxFor = (config: Config): SecretBox => createSecretBox(deriveSecretKey(config.secondFactorKey));

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
      singleSignOn: { baseUrl: config.baseUrl, appSecret: config.sessionSecret },
      backgroundImportRows: config.backgroundImportRows,
      secrets: secretBoxFor(config),
      soleProcess: database.kind === 'pglite',
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
    jobs: modules.jobs,
  };
}
