/**
 * The daily job: for every council, the key measures whose stored statuses have been red or in
 * special-cause concern for the council's number of periods, with no plan open and no request
 * waiting, get a request for an improvement plan addressed to the measure's owner, once per
 * episode (the unique episode key makes a second run, or a second process, a no-op), and the
 * owner is told by e-mail when mail is set up. A failed e-mail leaves the request in the queue.
 */
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/db.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import { paths } from '../../kernel/paths.ts';
import { recentStatuses } from '../performance/index.ts';
import * as repo from './data/improvement-plans.repository.ts';
import { needsImprovementPlan } from './domain/trigger.ts';
import { phraseText } from '../../kernel/phrase.ts';

/** When the job runs each day (London time). */
export const IMPROVEMENT_REQUESTS_DAILY_AT = '06:45';

export interface ImprovementRequestsJobDeps {
  db: Db;
  clock: Clock;
  mailer?: Mailer | undefined;
  baseUrl: string;
  log?: (line: string) => void;
}

export interface RequestMade {
  organisationId: string;
  requestId: string;
  measureCode: string;
  episodeStartPeriod: string;
  mailedTo: string | null;
}

const JOB_ACTOR = { personId: null, label: phraseText('auditActors.improvementPlanJob') };

const REASON_WORDS = { red: 'red', 'spc-concern': 'showing a special-cause concern' } as const;

export async function runImprovementRequests(deps: ImprovementRequestsJobDeps): Promise<RequestMade[]> {
  const made: RequestMade[] = [];
  for (const organisationId of await repo.organisationIds(deps.db)) {
    made.push(...(await requestsForOrganisation(deps, organisationId)));
  }
  deps.log?.(`improvement plans: ${made.length} request(s) made on ${deps.clock.today()}`);
  return made;
}

async function requestsForOrganisation(deps: ImprovementRequestsJobDeps, organisationId: string) {
  const { db } = deps;
  const settings = await repo.loadSettings(db, organisationId);
  const measures = await repo.keyMeasures(db, organisationId);
  if (measures.length === 0 || settings.triggers.length === 0) return [];
  const [statuses, withPlans, withRequests] = await Promise.all([
    recentStatuses(
      db,
      organisationId,
      measures.map((measure) => measure.id),
      settings.consecutivePeriods + 1,
    ),
    repo.measuresWithOpenPlans(db, organisationId),
    repo.measuresWithOpenRequests(db, organisationId),
  ]);
  const made: RequestMade[] = [];
  for (const measure of measures) {
    if (withPlans.has(measure.id) || withRequests.has(measure.id)) continue;
    const outcome = needsImprovementPlan(
      statuses.filter((status) => status.measureId === measure.id),
      settings,
    );
    if (!outcome.needed) continue;
    const request = await db.transaction(async (tx) => {
      const row = await repo.insertRequest(tx, {
        organisationId,
        measureId: measure.id,
        ownerPersonId: measure.ownerPersonId,
        episodeStartPeriod: outcome.episodeStartPeriod,
        latestPeriod: outcome.latestPeriod,
        reasons: outcome.reasons,
      });
      if (row)
        await recordAudit(tx, {
          organisationId,
          actor: JOB_ACTOR,
          entityType: 'improvement-plan-request',
          entityId: row.id,
          action: 'create',
          newValue: {
            measureId: measure.id,
            ownerPersonId: measure.ownerPersonId,
            episodeStartPeriod: outcome.episodeStartPeriod,
            latestPeriod: outcome.latestPeriod,
            reasons: outcome.reasons,
          },
        });
      return row;
    });
    if (!request) continue;
    made.push({
      organisationId,
      requestId: request.id,
      measureCode: measure.code,
      episodeStartPeriod: outcome.episodeStartPeriod,
      mailedTo: await notifyOwner(deps, organisationId, measure, outcome),
    });
  }
  return made;
}

async function notifyOwner(
  deps: ImprovementRequestsJobDeps,
  organisationId: string,
  measure: repo.MeasureFacts,
  outcome: { episodeStartPeriod: string; latestPeriod: string; reasons: readonly ('red' | 'spc-concern')[] },
): Promise<string | null> {
  if (!deps.mailer || !measure.ownerPersonId) return null;
  const owner = await repo.personIn(deps.db, organisationId, measure.ownerPersonId);
  if (!owner || owner.status !== 'active') return null;
  const why = outcome.reasons.map((reason) => REASON_WORDS[reason]).join(' and ');
  try {
    await deps.mailer({
      to: owner.email,
      subject: `An improvement plan is needed for ${measure.code} ${measure.title}`,
      text: [
        `Dear ${owner.name},`,
        '',
        `${measure.code} ${measure.title} has been ${why} from ${outcome.episodeStartPeriod} to ${outcome.latestPeriod}.`,
        'As its owner, you are asked for an improvement plan: the problem, its root cause, the actions, and the expected effect on the measure and by when.',
        '',
        `Start the plan: ${deps.baseUrl}${paths.improvementPlanRequests()}`,
        '',
        'Golden Thread',
      ].join('\n'),
    });
    return owner.email;
  } catch (error) {
    deps.log?.(
      `improvement plans: mail to ${owner.email} failed: ${error instanceof Error ? error.message : String(error)}`,
    );
    return null;
  }
}
