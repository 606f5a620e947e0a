/**
 * The demo council's actions (activity trackers): realistic work behind the Council Plan's
 * objectives, dated relative to today like the rest of the demo (demo-periods.ts), so some are on
 * track, some at risk or off track, one complete, one not started, and one escalated to its
 * chief officer who decided to re-plan it. Loaded inside the demo council's transaction.
 */
import { and, eq, inArray } from 'drizzle-orm';
import {
  actionEscalations,
  actionEvents,
  actionItemLinks,
  actionMeasureLinks,
  actionMilestones,
  actions,
  actionUpdates,
} from '../modules/actions/index.ts';
import { measures } from '../modules/measures/index.ts';
import { planItems, plans } from '../modules/plans/index.ts';
import { addDays } from '../kernel/calendar-days.ts';
import { londonDateOf } from '../platform/clock.ts';
import type { Db } from '../platform/db/db.ts';
import { phraseText } from '../kernel/phrase.ts';

type Status = 'not-started' | 'on-track' | 'at-risk' | 'off-track';

interface DemoAction {
  code: string;
  title: string;
  description: string;
  owner: string;
  escalationOwner: string;
  items: string[];
  measures: string[];
  /** Days from today. */
  start: number;
  due: number;
  key?: boolean;
  /** Progress updates: days from today, % complete, the status it stood at, commentary. */
  updates: [number, number, Status, string][];
  milestones?: [string, number, number | null][];
  complete?: boolean;
  /** Escalated (days ago), decided to re-plan (days ago) with a new due date (days from today). */
  escalation?: { raised: number; decided: number; newDue: number; reason: string };
}

const DEMO_ACTIONS: DemoAction[] = [
  {
    code: 'A1',
    title: 'Open a family hub for homeless households',
    description:
      'A single front door for families at risk of homelessness, with housing, benefits and health advice together.',
    owner: 'tl-options',
    escalationOwner: 'dir-communities',
    items: ['P1.1'],
    measures: ['HSN-01'],
    start: -150,
    due: 60,
    key: true,
    updates: [
      [-90, 30, 'on-track', 'Building lease signed; fit-out tendered.'],
      [-30, 55, 'on-track', 'Fit-out under way; partners agreed the shared triage form.'],
      [-5, 72, 'on-track', 'Staff recruited; soft opening booked.'],
    ],
    milestones: [
      ['Lease signed', -100, -95],
      ['Fit-out complete', 20, null],
    ],
  },
  {
    code: 'A2',
    title: 'Buy 20 homes for temporary accommodation',
    description: 'Replace bed and breakfast with council-owned temporary homes for families.',
    owner: 'tl-estates',
    escalationOwner: 'dir-communities',
    items: ['P1.1'],
    measures: [],
    start: -200,
    due: -20,
    updates: [
      [-60, 25, 'off-track', 'Only five suitable homes found within the price cap.'],
      [-25, 35, 'off-track', 'Seven homes bought; the market has tightened further.'],
      [-3, 40, 'off-track', 'Eight homes bought; two more under offer.'],
    ],
    escalation: {
      raised: -20,
      decided: -14,
      newDue: 90,
      reason:
        'Extend to the end of the year and widen the search to neighbouring boroughs; Cabinet approved the higher price cap.',
    },
  },
  {
    code: 'A3',
    title: 'Agree the affordable housing delivery plan with registered providers',
    description: 'A joint pipeline of sites with the three largest registered providers.',
    owner: 'dir-place',
    escalationOwner: 'ceo',
    items: ['P1.2'],
    measures: ['PEG-01'],
    start: -240,
    due: -30,
    updates: [
      [-120, 60, 'on-track', 'Draft pipeline shared with providers.'],
      [-35, 100, 'on-track', 'Plan signed by all three providers.'],
    ],
    milestones: [['Plan signed', -35, -35]],
    complete: true,
  },
  {
    code: 'A4',
    title: 'Roll out food waste collections to every home',
    description: 'Weekly food waste collections, phased by round, as the Environment Act requires.',
    owner: 'tl-collections',
    escalationOwner: 'dir-place',
    items: ['P3.1'],
    measures: [],
    start: -120,
    due: 240,
    updates: [
      [-60, 15, 'on-track', 'Vehicles ordered; caddies delivered to the first two rounds.'],
      [-7, 32, 'on-track', 'Rounds 1 to 4 live; participation at 48%.'],
    ],
  },
  {
    code: 'A5',
    title: 'Replace the council fleet with electric vehicles (phase 1)',
    description: 'Twenty pool cars and vans replaced, with charging at the depot.',
    owner: 'dir-strategy',
    escalationOwner: 'ceo',
    items: ['P3.2'],
    measures: [],
    start: -180,
    due: 180,
    key: true,
    updates: [[-10, 20, 'off-track', 'Grid connection at the depot delayed by the network operator.']],
    milestones: [
      ['Depot chargers installed', -30, null],
      ['First ten vehicles delivered', 60, null],
    ],
  },
  {
    code: 'A6',
    title: 'Anti-social behaviour hotspot plan with the police',
    description: 'Joint patrols and target hardening in the five wards with the most reports.',
    owner: 'hos-community',
    escalationOwner: 'dir-communities',
    items: ['P2.1'],
    measures: [],
    start: -100,
    due: 100,
    updates: [[-14, 35, 'at-risk', 'Three of five ward plans agreed; police capacity reduced over the summer.']],
  },
  {
    code: 'A7',
    title: 'Social prescribing pilot with GP practices',
    description: 'Link workers in two primary care networks referring residents to community groups.',
    owner: 'hos-community',
    escalationOwner: 'dir-communities',
    items: ['P2.2'],
    measures: [],
    start: 30,
    due: 300,
    updates: [],
  },
];

const SEED = phraseText('auditActors.demoSeed');
export async function loadDemoActions(
  tx: Db,
  context: { organisationId: string; personId: (key: string, where: string) => string; now: Date },
): Promise<number> {
  const { organisationId, personId } = context;
  const today = londonDateOf(context.now);
  const day = (offset: number) => addDays(today, offset);
  // 10 am UTC on that day: a time of day for the records' timestamps.
  const at = (offset: number) => new Date(`${day(offset)}T10:00:00Z`);

  const itemRows = await tx
    .select({ id: planItems.id, code: planItems.code, planId: planItems.planId })
    .from(planItems)
    .innerJoin(plans, eq(plans.id, planItems.planId))
    .where(
      and(
        eq(planItems.organisationId, organisationId),
        eq(plans.title, 'Council Plan 2025–2028'),
        eq(plans.status, 'approved'),
      ),
    );
  const itemOf = new Map(itemRows.map((i) => [i.code, i]));
  const measureCodes = DEMO_ACTIONS.flatMap((a) => a.measures);
  const measureRows = measureCodes.length
    ? await tx
        .select({ id: measures.id, code: measures.code })
        .from(measures)
        .where(and(eq(measures.organisationId, organisationId), inArray(measures.code, measureCodes)))
    : [];
  const measureOf = new Map(measureRows.map((m) => [m.code, m.id]));
  let loaded = 0;
  for (const spec of DEMO_ACTIONS) {
    const items = spec.items.map((code) => itemOf.get(code)).filter((i) => i !== undefined);
    const plan = items[0]?.planId;
    if (!plan) continue; // the plan was not loaded: leave its actions out
    const last = spec.updates.at(-1);
    const [row] = await tx
      .insert(actions)
      .values({
        organisationId,
        planId: plan,
        code: spec.code,
        title: spec.title,
        description: spec.description,
        ownerPersonId: personId(spec.owner, `action ${spec.code}`),
        escalationOwnerPersonId: personId(spec.escalationOwner, `action ${spec.code}`),
        startDate: day(spec.start),
        originalDueDate: day(spec.due),
        revisedDueDate: spec.escalation ? day(spec.escalation.newDue) : null,
        revisionReason: spec.escalation?.reason ?? '',
        percentComplete: spec.complete ? 100 : (last?.[1] ?? 0),
        closedStatus: spec.complete ? 'complete' : null,
        isKey: spec.key ?? false,
        createdAt: at(spec.start - 7),
      })
      .returning({ id: actions.id });
    const actionId = row!.id;
    const base = { organisationId, actionId };
    const owner = personId(spec.owner, spec.code);
    await tx.insert(actionItemLinks).values(items.map((i) => ({ ...base, itemId: i.id })));
    const linkedMeasures = spec.measures.map((code) => measureOf.get(code)).filter((id) => id !== undefined);
    if (linkedMeasures.length)
      await tx.insert(actionMeasureLinks).values(linkedMeasures.map((measureId) => ({ ...base, measureId })));
    if (spec.updates.length) {
      await tx.insert(actionUpdates).values(
        spec.updates.map(([offset, percent, status, commentary]) => ({
          ...base,
          asOf: day(offset),
          percentComplete: percent,
          status,
          derivedStatus: status,
          commentary,
          byPersonId: owner,
          byLabel: SEED,
          at: at(offset),
        })),
      );
    }
    if (spec.milestones) {
      await tx.insert(actionMilestones).values(
        spec.milestones.map(([title, due, done]) => ({
          ...base,
          title,
          dueDate: day(due),
          completedOn: done === null ? null : day(done),
        })),
      );
    }
    const events: (typeof actionEvents.$inferInsert)[] = [
      { ...base, kind: 'created', byLabel: SEED, at: at(spec.start - 7) },
    ];
    if (spec.escalation) {
      const e = spec.escalation;
      const chief = personId(spec.escalationOwner, spec.code);
      const [escalation] = await tx
        .insert(actionEscalations)
        .values({
          ...base,
          escalationOwnerPersonId: chief,
          trigger: { code: 'off-track-updates', updates: 2 },
          raisedOn: day(e.raised),
          notifiedAt: at(e.raised),
          decision: 're-plan',
          decisionReason: e.reason,
          newDueDate: day(e.newDue),
          decidedByPersonId: chief,
          decidedAt: at(e.decided),
          createdAt: at(e.raised),
        })
        .returning({ id: actionEscalations.id });
      events.push(
        {
          ...base,
          kind: 'escalated',
          detail: { code: 'off-track-updates', updates: 2, escalationId: escalation!.id },
          byLabel: SEED,
          at: at(e.raised),
        },
        {
          ...base,
          kind: 'escalation-decided',
          detail: { decision: 're-plan', newDueDate: day(e.newDue) },
          reason: e.reason,
          byPersonId: chief,
          byLabel: SEED,
          at: at(e.decided),
        },
      );
    }
    if (spec.complete)
      events.push({
        ...base,
        kind: 'closed',
        detail: { status: 'complete' },
        byPersonId: owner,
        byLabel: SEED,
        at: at(spec.updates.at(-1)?.[0] ?? 0),
      });
    await tx.insert(actionEvents).values(events);
    loaded++;
  }
  return loaded;
}
