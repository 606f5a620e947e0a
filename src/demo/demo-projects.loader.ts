/**
 * Two demo projects, dated relative to today like the rest of the demo: a new leisure centre
 * running late and over its cost tolerance (time red, cost amber, a milestone revised, the end date
 * moved), and a digital customer-services programme on track. Both are in the Council Plan and
 * contribute to its objectives, so their status reaches the plan's roll-up. People, units, the
 * board and plan items are found by what the demo data calls them.
 */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../platform/db/db.ts';
import { addDays, addMonths } from '../kernel/calendar-days.ts';
import type { Clock } from '../platform/clock.ts';
import { governanceBodies, people, units } from '../modules/organisation/index.ts';
import { planItems, plans } from '../modules/plans/index.ts';
import {
  programmes,
  projectItems,
  projectMilestones,
  projects,
  projectStages,
  projectUpdates,
} from '../modules/projects/index.ts';

const CORPORATE_PLAN = 'Council Plan 2025–2028';

/** The ISO date `months` months (and `days` days) from `iso`, day clamped to the month's end. */
export function shiftIso(iso: string, months: number, days = 0): string {
  return addDays(addMonths(iso, months), days);
}

async function lookUp(tx: Db, organisationId: string) {
  const named = await tx
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(
      and(
        eq(people.organisationId, organisationId),
        inArray(people.name, ['Claire Donnelly', 'Emma Clarke', 'Mark Petrakis', 'Samuel Osei']),
      ),
    );
  const person = (name: string) => {
    const found = named.find((row) => row.name === name);
    if (!found) throw new Error(`Demo projects: no person called ${name}`);
    return found.id;
  };
  const unitRows = await tx
    .select({ id: units.id, code: units.code })
    .from(units)
    .where(and(eq(units.organisationId, organisationId), inArray(units.code, ['STS', 'CDS'])));
  const unit = (code: string) => unitRows.find((row) => row.code === code)?.id ?? null;
  // The officers' board that oversees delivery (the leadership team), or else the first body.
  const bodies = await tx
    .select({ id: governanceBodies.id, kind: governanceBodies.kind })
    .from(governanceBodies)
    .where(eq(governanceBodies.organisationId, organisationId))
    .orderBy(asc(governanceBodies.name));
  const board = bodies.find((body) => ['leadership-team', 'officer-board'].includes(body.kind)) ?? bodies[0];
  // The Council Plan in force: its latest version that is not a draft in progress.
  const [plan] = await tx
    .select({ id: plans.id })
    .from(plans)
    .where(and(eq(plans.organisationId, organisationId), eq(plans.title, CORPORATE_PLAN), eq(plans.status, 'approved')))
    .orderBy(desc(plans.version));
  if (!plan) throw new Error(`Demo projects: no approved ${CORPORATE_PLAN}`);
  const itemRows = await tx
    .select({ id: planItems.id, code: planItems.code })
    .from(planItems)
    .where(and(eq(planItems.planId, plan.id), inArray(planItems.code, ['P2.2', 'P5.2', 'P5.1'])));
  const item = (code: string) => {
    const found = itemRows.find((row) => row.code === code);
    if (!found) throw new Error(`Demo projects: no item ${code} in the ${CORPORATE_PLAN}`);
    return found.id;
  };
  return { person, unit, boardId: board?.id ?? null, planId: plan.id, item };
}

interface DemoReport {
  reportedOn: string;
  rags: [time: Rag, cost: Rag, scope: Rag, quality: Rag, overall: Rag];
  percentComplete: number;
  commentary: [time: string, cost: string, scope: string, quality: string, overall: string];
}
type Rag = 'red' | 'amber' | 'green';

export async function loadDemoProjects(tx: Db, options: { organisationId: string; clock: Clock }): Promise<void> {
  const { organisationId } = options;
  const today = options.clock.today();
  const { person, unit, boardId, planId, item } = await lookUp(tx, organisationId);

  const [programme] = await tx
    .insert(programmes)
    .values({
      organisationId,
      code: 'PRG-MOD',
      title: 'Modern council programme',
      description:
        'Capital and transformation projects that deliver the Council Plan’s “Good services, good value” and healthier lives priorities.',
      sponsorPersonId: person('Mark Petrakis'),
      managerPersonId: person('Samuel Osei'),
      unitId: unit('CDS'),
    })
    .returning({ id: programmes.id });

  const leisureStart = shiftIso(today, -14);
  const leisureOriginalEnd = shiftIso(today, 7);
  const leisure = await insertProject(tx, {
    organisationId,
    code: 'CAP-LC1',
    title: 'Kelsford Leisure Centre rebuild',
    description:
      'Replace the 1970s Kelsford pool and sports hall with a net-zero-ready leisure centre: 25m pool, learner pool, eight-court sports hall and a 120-station gym.',
    programmeId: programme!.id,
    planId,
    unitId: unit('STS'),
    sponsorPersonId: person('Claire Donnelly'),
    managerPersonId: person('Emma Clarke'),
    boardId,
    startDate: leisureStart,
    endDate: shiftIso(today, 10),
    originalEndDate: leisureOriginalEnd,
    endDateReason:
      'Steel frame delivered eleven weeks late after the supplier’s insolvency; the contractor’s recovery programme adds three months.',
    budgetPence: 1_840_000_000,
    key: true,
    status: 'active',
  });
  await tx.insert(projectItems).values([{ organisationId, projectId: leisure, itemId: item('P2.2') }]);
  const [design, build] = await insertStages(tx, organisationId, leisure, [
    ['Design and planning', leisureStart, shiftIso(leisureStart, 5)],
    ['Construction', shiftIso(leisureStart, 5, 1), shiftIso(today, 8)],
    ['Fit-out and handover', shiftIso(today, 8, 1), shiftIso(today, 10)],
  ]);
  await tx.insert(projectMilestones).values([
    {
      organisationId,
      projectId: leisure,
      stageId: design!,
      title: 'Planning permission granted',
      dueDate: shiftIso(leisureStart, 4),
      completedOn: shiftIso(leisureStart, 4, -9),
    },
    {
      organisationId,
      projectId: leisure,
      stageId: design!,
      title: 'Main contractor appointed',
      dueDate: shiftIso(leisureStart, 5),
      completedOn: shiftIso(leisureStart, 5, 6),
    },
    {
      organisationId,
      projectId: leisure,
      stageId: build!,
      title: 'Steel frame complete',
      dueDate: shiftIso(today, -2),
      revisedDueDate: shiftIso(today, 1),
      revisionReason: 'Steel supplier went into administration; replacement supplier appointed.',
    },
    { organisationId, projectId: leisure, stageId: build!, title: 'Building watertight', dueDate: shiftIso(today, 5) },
    {
      organisationId,
      projectId: leisure,
      title: 'Centre open to the public',
      dueDate: leisureOriginalEnd,
      revisedDueDate: shiftIso(today, 10),
      revisionReason: 'Follows the revised end date.',
    },
  ]);
  await insertReports(tx, organisationId, leisure, 'Emma Clarke', [
    {
      reportedOn: shiftIso(today, -3),
      rags: ['amber', 'green', 'green', 'green', 'amber'],
      percentComplete: 38,
      commentary: [
        'Steel supplier has warned of delays.',
        'Within budget; contingency untouched.',
        '',
        '',
        'Groundworks complete; frame at risk.',
      ],
    },
    {
      reportedOn: shiftIso(today, 0, -14),
      rags: ['red', 'amber', 'green', 'green', 'amber'],
      percentComplete: 46,
      commentary: [
        'Frame eleven weeks late; opening moved by three months (agreed by the board).',
        'Replacement steel costs £310,000 more; £220,000 of contingency left.',
        'No change.',
        'Concrete cube tests all passed.',
        'Recovery plan agreed with the contractor; reporting fortnightly until the frame is complete.',
      ],
    },
  ]);

  const digitalStart = shiftIso(today, -9);
  const digital = await insertProject(tx, {
    organisationId,
    code: 'DIG-CS1',
    title: 'Digital customer services',
    description:
      'A single customer account, online forms for the 30 most common requests and a new contact-centre system, so residents can do business with us online at any time.',
    programmeId: programme!.id,
    planId,
    unitId: unit('CDS'),
    sponsorPersonId: person('Mark Petrakis'),
    managerPersonId: person('Samuel Osei'),
    boardId,
    startDate: digitalStart,
    endDate: shiftIso(today, 9),
    budgetPence: 95_000_000,
    key: false,
    status: 'active',
  });
  await tx.insert(projectItems).values([
    { organisationId, projectId: digital, itemId: item('P5.2') },
    { organisationId, projectId: digital, itemId: item('P5.1') },
  ]);
  const [discovery, release] = await insertStages(tx, organisationId, digital, [
    ['Discovery and procurement', digitalStart, shiftIso(digitalStart, 4)],
    ['Build and release', shiftIso(digitalStart, 4, 1), shiftIso(today, 9)],
  ]);
  await tx.insert(projectMilestones).values([
    {
      organisationId,
      projectId: digital,
      stageId: discovery!,
      title: 'Customer account platform procured',
      dueDate: shiftIso(digitalStart, 4),
      completedOn: shiftIso(digitalStart, 4, -3),
    },
    {
      organisationId,
      projectId: digital,
      stageId: release!,
      title: 'First 10 online forms live',
      dueDate: shiftIso(today, -1),
      completedOn: shiftIso(today, -1, -5),
    },
    {
      organisationId,
      projectId: digital,
      stageId: release!,
      title: 'New contact-centre system live',
      dueDate: shiftIso(today, 4),
    },
    {
      organisationId,
      projectId: digital,
      stageId: release!,
      title: 'All 30 online forms live',
      dueDate: shiftIso(today, 8),
    },
  ]);
  await insertReports(tx, organisationId, digital, 'Samuel Osei', [
    {
      reportedOn: shiftIso(today, -2),
      rags: ['green', 'green', 'green', 'amber', 'green'],
      percentComplete: 40,
      commentary: [
        'On plan.',
        'On budget.',
        '',
        'Accessibility audit found issues in two forms; being fixed.',
        'Platform procured and configured.',
      ],
    },
    {
      reportedOn: shiftIso(today, 0, -10),
      rags: ['green', 'green', 'green', 'green', 'green'],
      percentComplete: 55,
      commentary: [
        'First 10 forms went live five days early.',
        'On budget.',
        '',
        'Accessibility issues fixed and retested.',
        '4,100 residents have opened an account.',
      ],
    },
  ]);
}

async function insertProject(tx: Db, values: typeof projects.$inferInsert): Promise<string> {
  const [row] = await tx.insert(projects).values(values).returning({ id: projects.id });
  return row!.id;
}

async function insertStages(tx: Db, organisationId: string, projectId: string, stages: [string, string, string][]) {
  const rows = await tx
    .insert(projectStages)
    .values(
      stages.map(([name, startDate, endDate], index) => ({
        organisationId,
        projectId,
        position: index + 1,
        name,
        startDate,
        endDate,
      })),
    )
    .returning({ id: projectStages.id, position: projectStages.position });
  return rows.sort((a, b) => a.position - b.position).map((row) => row.id);
}

async function insertReports(
  tx: Db,
  organisationId: string,
  projectId: string,
  authorName: string,
  reports: DemoReport[],
) {
  const [author] = await tx
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.organisationId, organisationId), eq(people.name, authorName)));
  for (const report of reports) {
    const [timeRag, costRag, scopeRag, qualityRag, overallRag] = report.rags;
    const [timeCommentary, costCommentary, scopeCommentary, qualityCommentary, commentary] = report.commentary;
    await tx.insert(projectUpdates).values({
      organisationId,
      projectId,
      reportedOn: report.reportedOn,
      authorPersonId: author?.id ?? null,
      authorName,
      timeRag,
      timeCommentary,
      costRag,
      costCommentary,
      scopeRag,
      scopeCommentary,
      qualityRag,
      qualityCommentary,
      overallRag,
      percentComplete: report.percentComplete,
      commentary,
    });
  }
}
