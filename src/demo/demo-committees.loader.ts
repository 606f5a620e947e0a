/**
 * The demo council's committee year: the performance panel, Overview and Scrutiny and Cabinet meet
 * each quarter (panel first, scrutiny two weeks later, Cabinet two weeks after that), dated around
 * today. The last quarter's performance report is routed through all three, each stage's minute
 * carried to the next; the complaints report deferred by one panel comes back to the next; members' requests stand at every stage (answered and closed, answered and
 * waiting on the member, open and late, open and not yet due); and the council's register of
 * statutory returns holds the national returns a district or unitary council makes.
 */
import { addDays } from '../kernel/calendar-days.ts';
import { recordAudit } from '../platform/audit/audit.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db } from '../platform/db/db.ts';
import { agendaItems, meetings, memberRequests, statutoryReturns } from '../schema.ts';
import { phraseText } from '../kernel/phrase.ts';

const SEED_ACTOR = { personId: null, label: phraseText('auditActors.demoSeed') };

export async function loadDemoCommittees(
  tx: Db,
  options: {
    organisationId: string;
    clock: Clock;
    bodyId: (key: string) => string;
    personId: (key: string) => string;
  },
): Promise<void> {
  const { organisationId } = options;
  const today = options.clock.today();
  const bodies = [
    { key: 'performance-panel', offset: 0, location: 'Committee Room 1', prefix: 'PP' },
    { key: 'overview-scrutiny', offset: 14, location: 'Council Chamber', prefix: 'OS' },
    { key: 'cabinet', offset: 28, location: 'Council Chamber', prefix: 'CAB' },
  ];
  // Five quarterly cycles: three held, the one under way, one to come.
  const cycles = [-3, -2, -1, 0, 1].map((quarter) => addDays(today, quarter * 91 - 20));
  const meetingIds = new Map<string, string>();
  for (const [cycle, panelDate] of cycles.entries()) {
    for (const body of bodies) {
      const [row] = await tx
        .insert(meetings)
        .values({
          organisationId,
          bodyId: options.bodyId(body.key),
          heldOn: addDays(panelDate, body.offset),
          startsAt: body.key === 'cabinet' ? '18:30' : '10:00',
          location: body.location,
        })
        .returning({ id: meetings.id, heldOn: meetings.heldOn });
      meetingIds.set(`${body.key}:${cycle}`, row!.id);
    }
  }

  // The last full cycle's quarterly report, routed panel → scrutiny → Cabinet.
  const cycle = 2;
  const officer = options.personId('perf-officer');
  const stages = [
    {
      body: bodies[0]!,
      outcome: 'referred' as const,
      notes: 'The panel asks Scrutiny to look at the fall in planning decisions on time.',
    },
    {
      body: bodies[1]!,
      outcome: 'referred' as const,
      notes: 'Scrutiny recommends that Cabinet asks for an improvement plan for planning decisions.',
    },
    {
      body: bodies[2]!,
      outcome: 'agreed-with-changes' as const,
      notes: 'Agreed, with an improvement plan for planning decisions by the next quarter.',
    },
  ];
  let previousItem: string | null = null;
  for (const [index, stage] of stages.entries()) {
    const meetingId = meetingIds.get(`${stage.body.key}:${cycle}`)!;
    const heldOn = addDays(cycles[cycle]!, stage.body.offset);
    const decided = heldOn <= today;
    const [item]: { id: string }[] = await tx
      .insert(agendaItems)
      .values({
        organisationId,
        meetingId,
        position: 1,
        title: 'Quarterly performance report',
        subjectKind: 'paper',
        paperTitle: 'Quarterly performance and risk report',
        leadOfficerPersonId: officer,
        referredFromItemId: previousItem,
        ...(decided
          ? {
              outcome: stage.outcome,
              minuteReference: `${stage.body.prefix}/${20 + index}`,
              decisionNotes: stage.notes,
              decidedOn: heldOn,
            }
          : {}),
      })
      .returning({ id: agendaItems.id });
    previousItem = item!.id;
    if (!decided) break;
  }

  // A report the panel sent back: deferred at the cycle before for want of the Ombudsman's letter,
  // it comes back on the next panel's agenda pointing to that deferral, and is noted there.
  const deferredNotes = 'Deferred: the panel wants the Ombudsman’s annual letter with the report.';
  const [deferred] = await tx
    .insert(agendaItems)
    .values({
      organisationId,
      meetingId: meetingIds.get('performance-panel:1')!,
      position: 2,
      title: 'Annual complaints and compliments report',
      subjectKind: 'paper',
      paperTitle: 'Complaints and compliments 2025/26',
      leadOfficerPersonId: officer,
      outcome: 'deferred',
      minuteReference: 'PP/14',
      decisionNotes: deferredNotes,
      decidedOn: cycles[1]!,
    })
    .returning({ id: agendaItems.id });
  await tx.insert(agendaItems).values({
    organisationId,
    meetingId: meetingIds.get(`performance-panel:${cycle}`)!,
    position: 2,
    title: 'Annual complaints and compliments report',
    subjectKind: 'paper',
    paperTitle: 'Complaints and compliments 2025/26, with the Ombudsman’s letter',
    leadOfficerPersonId: officer,
    referredFromItemId: deferred!.id,
    outcome: 'noted',
    minuteReference: 'PP/23',
    decisionNotes: 'Noted, with the Ombudsman’s letter.',
    decidedOn: cycles[cycle]!,
  });

  // Members' requests at every stage.
  const member = options.personId('cllr-scrutiny-chair');
  const panelMeeting = meetingIds.get(`performance-panel:${cycle}`)!;
  const raisedOn = cycles[cycle]!;
  const requests = [
    {
      kind: 'explanation' as const,
      addressee: 'dir-place',
      question: 'Why did the share of major planning applications decided on time fall this quarter?',
      dueOn: addDays(raisedOn, 21),
      status: 'closed' as const,
      answer:
        'Two long-term vacancies in the major applications team; both posts are now filled and agency cover ends in March.',
      closeNote: 'Thank you: the panel will look again next quarter.',
    },
    {
      kind: 'further-work' as const,
      addressee: 'dir-communities',
      question: 'Please bring a breakdown of temporary accommodation placements by length of stay to the next panel.',
      dueOn: addDays(raisedOn, 35),
      status: 'answered' as const,
      answer:
        'The breakdown is attached to the next panel’s papers; families placed for more than six weeks have fallen from 14 to 9.',
      closeNote: '',
    },
    {
      kind: 'explanation' as const,
      addressee: 'dir-place',
      question: 'What is the plan to bring fly-tipping clearance back within five working days?',
      dueOn: addDays(today, -6),
      status: 'open' as const,
      answer: '',
      closeNote: '',
    },
    {
      kind: 'further-work' as const,
      addressee: 'dir-strategy',
      question: 'Could the next report compare our sickness absence with our CIPFA nearest neighbours?',
      dueOn: addDays(today, 20),
      status: 'open' as const,
      answer: '',
      closeNote: '',
    },
  ];
  for (const request of requests) {
    const [row] = await tx
      .insert(memberRequests)
      .values({
        organisationId,
        meetingId: panelMeeting,
        kind: request.kind,
        raisedByPersonId: member,
        addresseePersonId: options.personId(request.addressee),
        question: request.question,
        raisedOn: request.status === 'open' && request.dueOn > today ? addDays(today, -5) : raisedOn,
        dueOn: request.dueOn,
        status: request.status,
        answer: request.answer,
        answeredOn: request.answer ? addDays(raisedOn, 14) : null,
        answeredByPersonId: request.answer ? options.personId(request.addressee) : null,
        closeNote: request.closeNote,
        closedOn: request.status === 'closed' ? addDays(raisedOn, 20) : null,
      })
      .returning({ id: memberRequests.id });
    await recordAudit(tx, {
      organisationId,
      actor: SEED_ACTOR,
      entityType: 'member-request',
      entityId: row!.id,
      action: 'seed',
      newValue: request,
    });
  }

  // National returns (their real names and recipients), due around today.
  const returns: [string, string, number, string, 'not-started' | 'in-progress' | 'submitted'][] = [
    ['WasteDataFlow quarterly return', 'Defra', -40, 'dir-place', 'submitted'],
    ['Homelessness case-level collection (H-CLIC)', 'MHCLG', -8, 'dir-communities', 'in-progress'],
    ['Revenue outturn (RO) forms', 'MHCLG', 25, 'dir-strategy', 'in-progress'],
    ['Local authority housing statistics (LAHS)', 'MHCLG', 60, 'dir-communities', 'not-started'],
    ['Planning applications (PS1/PS2)', 'MHCLG', 35, 'dir-place', 'not-started'],
  ];
  for (const [title, recipient, offset, owner, status] of returns) {
    const dueOn = addDays(today, offset);
    const [row] = await tx
      .insert(statutoryReturns)
      .values({
        organisationId,
        title,
        recipient,
        dueOn,
        ownerPersonId: options.personId(owner),
        status,
        submittedOn: status === 'submitted' ? addDays(dueOn, -3) : null,
      })
      .returning({ id: statutoryReturns.id });
    await recordAudit(tx, {
      organisationId,
      actor: SEED_ACTOR,
      entityType: 'statutory-return',
      entityId: row!.id,
      action: 'seed',
      newValue: { title, recipient, dueOn, status },
    });
  }
}
