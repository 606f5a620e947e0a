/**
 * The demo council's improvement plans: the Performance Panel named as the council's panel, one
 * plan agreed by it at a meeting (date and minute reference) for a red key measure, with its
 * expected effect, and one request waiting for a plan for another measure. Dates are relative to
 * today, like the rest of the demo, and the measures are the ones the stored statuses show red.
 */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { nextPeriod, parsePeriodKey, periodKey } from '../kernel/measurement/periods.ts';
import { recordAudit } from '../platform/audit/audit.ts';
import { addDays } from '../kernel/calendar-days.ts';
import { asClock, type Clock } from '../platform/clock.ts';
import type { Db } from '../platform/db/db.ts';
import {
  improvementPlanDecisions,
  improvementPlanEvents,
  improvementPlanRequests,
  improvementPlans,
  improvementPlanSettings,
} from '../modules/improvement-plans/index.ts';
import { measureStatuses, measures } from '../modules/measures/index.ts';
import { governanceBodies } from '../modules/organisation/index.ts';
import { phraseText } from '../kernel/phrase.ts';

const SEED_ACTOR = { personId: null, label: phraseText('auditActors.demoSeed') };

/** A date some days from an ISO date (negative: before). */
const daysFrom = addDays;

/** Two of the measure's periods after its latest: when the plan should have turned it round. */
function periodsAfter(key: string, count: number): string {
  const parsed = parsePeriodKey(key);
  if (!parsed.ok) return key;
  let period = parsed.value;
  for (let step = 0; step < count; step++) period = nextPeriod(period);
  return periodKey(period);
}

export async function loadDemoImprovementPlans(
  tx: Db,
  context: { organisationId: string; personId: (key: string, where: string) => string; clock: Clock | (() => Date) },
): Promise<{ plans: number; requests: number }> {
  const { organisationId } = context;
  const today = asClock(context.clock).today();
  const [panel] = await tx
    .select({ id: governanceBodies.id })
    .from(governanceBodies)
    .where(and(eq(governanceBodies.organisationId, organisationId), eq(governanceBodies.kind, 'performance-panel')));
  if (!panel) return { plans: 0, requests: 0 };
  await tx
    .insert(improvementPlanSettings)
    .values({ organisationId, panelBodyId: panel.id, consecutivePeriods: 2, triggers: ['red', 'spc-concern'] });

  // Key measures with an owner, the red ones first: the latest stored status of each.
  const keyMeasures = await tx
    .select({ id: measures.id, code: measures.code, ownerPersonId: measures.ownerPersonId })
    .from(measures)
    .where(and(eq(measures.organisationId, organisationId), eq(measures.isKey, true)))
    .orderBy(asc(measures.code));
  const owned = keyMeasures.filter((measure) => measure.ownerPersonId !== null);
  if (owned.length < 2) return { plans: 0, requests: 0 };
  const statuses = await tx
    .select({
      measureId: measureStatuses.measureId,
      periodKey: measureStatuses.periodKey,
      rag: measureStatuses.rag,
      target: measureStatuses.targetValue,
      value: measureStatuses.value,
    })
    .from(measureStatuses)
    .where(
      and(
        eq(measureStatuses.organisationId, organisationId),
        inArray(
          measureStatuses.measureId,
          owned.map((m) => m.id),
        ),
      ),
    )
    .orderBy(desc(measureStatuses.periodKey));
  const latest = new Map<string, (typeof statuses)[number]>();
  for (const status of statuses) if (!latest.has(status.measureId)) latest.set(status.measureId, status);
  const ranked = [...owned].sort(
    (a, b) => Number(latest.get(b.id)?.rag === 'red') - Number(latest.get(a.id)?.rag === 'red'),
  );
  const [planned, asked] = ranked as [(typeof owned)[number], (typeof owned)[number]];
  const plannedStatus = latest.get(planned.id);
  const askedStatus = latest.get(asked.id);
  const plannedPeriod = plannedStatus?.periodKey ?? null;

  const clerk = context.personId('tl-performance', 'demo improvement plan');
  const submittedOn = daysFrom(today, -35);
  const meetingDate = daysFrom(today, -21);
  const [plan] = await tx
    .insert(improvementPlans)
    .values({
      organisationId,
      measureId: planned.id,
      ownerPersonId: planned.ownerPersonId,
      problem:
        'The measure has been red for the last two periods: performance is below target and the gap has widened since the spring.',
      rootCause:
        'Staff vacancies in the team that delivers the service, and a rise in demand that the current rota cannot absorb.',
      expectedValue: plannedStatus?.target ?? plannedStatus?.value ?? null,
      expectedPeriod: plannedPeriod ? periodsAfter(plannedPeriod, 2) : null,
      dueDate: daysFrom(today, 180),
      status: 'agreed',
      submittedOn,
      agreedOn: meetingDate,
    })
    .returning();
  await tx.insert(improvementPlanDecisions).values({
    organisationId,
    planId: plan!.id,
    outcome: 'agreed',
    meetingDate,
    minuteReference: 'PP/2025/17',
    comments: 'Agreed. The panel asks for a progress report at its next meeting.',
    bodyId: panel.id,
    recordedByPersonId: clerk,
  });
  await tx.insert(improvementPlanEvents).values([
    { organisationId, planId: plan!.id, kind: 'create', personId: planned.ownerPersonId, actorLabel: SEED_ACTOR.label },
    { organisationId, planId: plan!.id, kind: 'submit', personId: planned.ownerPersonId, actorLabel: SEED_ACTOR.label },
    {
      organisationId,
      planId: plan!.id,
      kind: 'agreed',
      personId: clerk,
      actorLabel: SEED_ACTOR.label,
      note: 'PP/2025/17',
    },
  ]);
  const [request] = await tx
    .insert(improvementPlanRequests)
    .values({
      organisationId,
      measureId: asked.id,
      ownerPersonId: asked.ownerPersonId,
      episodeStartPeriod: askedStatus?.periodKey ?? today.slice(0, 4),
      latestPeriod: askedStatus?.periodKey ?? today.slice(0, 4),
      reasons: ['red'],
    })
    .returning();
  await recordAudit(tx, {
    organisationId,
    actor: SEED_ACTOR,
    entityType: 'improvement-plan',
    entityId: plan!.id,
    action: 'seed',
    newValue: { measure: planned.code, status: 'agreed', meetingDate, request: request!.id },
    reason: 'seeded demo improvement plans',
  });
  return { plans: 1, requests: 1 };
}
