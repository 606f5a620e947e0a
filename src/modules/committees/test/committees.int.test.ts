/**
 * The committee cycle through HTTP on both databases (agenda positions are taken under a row lock,
 * requests are claimed for reminders by a conditional update): meetings, agenda items, a decision
 * that refers a report on to the next body, members' requests to an answer, the calendar import,
 * and the reminder job. Every refusal names the problem and writes nothing.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailMessage } from '../../../platform/mail/mailer.ts';
import {
  agendaItems,
  auditEvents,
  governanceBodies,
  governanceBodyMembers,
  improvementPlanDecisions,
  improvementPlans,
  meetings,
  memberRequests,
  people,
  statutoryReturns,
  units,
} from '../../../schema.ts';
import { measureBody } from '../../../../test/helpers/measure-fixtures.ts';
import { createTestApp, DATABASES, type Agent, type TestApp } from '../../../../test/helpers/test-app.ts';
import { runRequestReminders } from '../request-reminders.job.ts';

const TODAY = '2027-01-20';

describe.each(DATABASES)('the committee cycle on %s', (kind) => {
  let t: TestApp;
  let officer: Agent; // performance officer: the committee officer
  let member: Agent; // a scrutiny councillor who sits on the panel
  let outsider: Agent; // a scrutiny councillor who does not
  let manager: Agent; // the officer asked
  let panelId: string;
  let cabinetId: string;

  beforeAll(async () => {
    t = await createTestApp(kind, { clock: () => new Date(`${TODAY}T12:00:00Z`) });
    officer = await t.as('performance-officer');
    member = await t.as('scrutiny-member');
    outsider = await t.as('scrutiny-member');
    manager = await t.as('manager');
    const db = t.deps.database.db;
    const [panel, cabinet] = await db
      .insert(governanceBodies)
      .values([
        { organisationId: t.org.id, name: 'Performance Panel', kind: 'panel', frameworkRoles: ['receives'] },
        { organisationId: t.org.id, name: 'Cabinet', kind: 'executive', frameworkRoles: ['approves'] },
      ])
      .returning();
    panelId = panel!.id;
    cabinetId = cabinet!.id;
    await db
      .insert(governanceBodyMembers)
      .values({ organisationId: t.org.id, bodyId: panelId, personId: member.personId, role: 'chair' });
  });
  afterAll(() => t.close());

  const meeting = async (bodyId: string, heldOn: string) => {
    const response = await officer.api('POST', '/api/v1/meetings', {
      bodyId,
      heldOn,
      startsAt: '18:30',
      location: 'Chamber',
      title: '',
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id as string;
  };
  const audited = async (entityId: string) =>
    (await t.deps.database.db.select().from(auditEvents).where(eq(auditEvents.entityId, entityId))).map(
      (e) => e.action,
    );

  it('routes a report from the panel to Cabinet, with the panel’s minute carried to the next stage', async () => {
    const panelMeeting = await meeting(panelId, '2027-01-14');
    const cabinetMeeting = await meeting(cabinetId, '2027-02-10');
    const item = await officer.api('POST', `/api/v1/meetings/${panelMeeting}/items`, {
      title: 'Quarter 3 performance report',
      subjectKind: 'paper',
      subjectId: null,
      paperTitle: 'Q3 report',
      paperLink: 'https://example.gov.uk/q3.pdf',
      leadOfficerPersonId: officer.personId,
    });
    expect(item.statusCode, item.body).toBe(201);
    const itemId = item.json().id as string;

    // A councillor who does not sit on the panel cannot record its decision; nothing is written.
    const refused = await outsider.api('POST', `/api/v1/agenda-items/${itemId}/decision`, {
      outcome: 'referred',
      minuteReference: 'PP/12',
      notes: '',
      onwardMeetingId: cabinetMeeting,
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toContain('Only members of Performance Panel');

    // Referring it back in time is refused with the reason.
    const backwards = await member.api('POST', `/api/v1/agenda-items/${itemId}/decision`, {
      outcome: 'referred',
      minuteReference: 'PP/12',
      notes: '',
      onwardMeetingId: await meeting(cabinetId, '2027-01-10'),
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors[0].field).toBe('onwardMeetingId');

    const decided = await member.api('POST', `/api/v1/agenda-items/${itemId}/decision`, {
      outcome: 'referred',
      minuteReference: 'PP/12',
      notes: 'Cabinet to note the rise in missed bins',
      onwardMeetingId: cabinetMeeting,
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const onwardItemId = decided.json().onwardItemId as string;

    const cabinet = (await officer.api('GET', `/api/v1/meetings/${cabinetMeeting}`)).json();
    expect(cabinet.agenda).toEqual([
      expect.objectContaining({
        id: onwardItemId,
        title: 'Quarter 3 performance report',
        referredFromItemId: itemId,
        outcome: null,
      }),
    ]);
    const page = await officer.get(`/meetings/${cabinetMeeting}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('From Performance Panel on 14 January 2027');
    expect(page.body).toContain('Cabinet to note the rise in missed bins');
    expect(await audited(itemId)).toEqual(['create', 'decide']);

    const again = await member.api('POST', `/api/v1/agenda-items/${itemId}/decision`, {
      outcome: 'agreed',
      minuteReference: 'PP/13',
      notes: '',
      onwardMeetingId: null,
    });
    expect(again.statusCode).toBe(400);
  });

  it('refuses a second meeting of a body on the same day, naming it', async () => {
    await meeting(panelId, '2027-03-03');
    const duplicate = await officer.api('POST', '/api/v1/meetings', {
      bodyId: panelId,
      heldOn: '2027-03-03',
      startsAt: '',
      location: '',
      title: '',
    });
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.json().detail).toBe('Performance Panel already meets on 2027-03-03');
    const councillor = await member.api('POST', '/api/v1/meetings', {
      bodyId: panelId,
      heldOn: '2027-03-04',
      startsAt: '',
      location: '',
      title: '',
    });
    expect(councillor.statusCode).toBe(403);
  });

  it('takes a member’s request to an answer and closure, refusing bad input with nothing written', async () => {
    const panelMeeting = await meeting(panelId, '2027-01-18');
    const before = await t.deps.database.db.select().from(memberRequests);
    const past = await member.api('POST', '/api/v1/member-requests', {
      meetingId: panelMeeting,
      agendaItemId: null,
      kind: 'explanation',
      addresseePersonId: manager.personId,
      question: 'Why did missed bins rise?',
      dueOn: '2027-01-19',
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().detail).toBe('The due date cannot be in the past (today is 2027-01-20)');
    const noAddressee = await member.api('POST', '/api/v1/member-requests', {
      meetingId: panelMeeting,
      kind: 'explanation',
      question: 'Why?',
      dueOn: '2027-02-01',
    });
    expect(noAddressee.statusCode).toBe(400);
    const notOnBody = await outsider.api('POST', '/api/v1/member-requests', {
      meetingId: panelMeeting,
      agendaItemId: null,
      kind: 'further-work',
      addresseePersonId: manager.personId,
      question: 'A review',
      dueOn: '2027-02-01',
    });
    expect(notOnBody.statusCode).toBe(403);
    expect(await t.deps.database.db.select().from(memberRequests)).toHaveLength(before.length);

    const raised = await member.api('POST', '/api/v1/member-requests', {
      meetingId: panelMeeting,
      agendaItemId: null,
      kind: 'explanation',
      addresseePersonId: manager.personId,
      question: 'Why did missed bins rise in December?',
      dueOn: '2027-02-03',
    });
    expect(raised.statusCode, raised.body).toBe(201);
    const id = raised.json().id as string;
    expect((await outsider.api('POST', `/api/v1/member-requests/${id}/answer`, { answer: 'Snow' })).statusCode).toBe(
      403,
    );
    expect(
      (
        await manager.api('POST', `/api/v1/member-requests/${id}/answer`, {
          answer: 'Snow closed the depot for four days.',
        })
      ).statusCode,
    ).toBe(200);
    expect((await manager.api('POST', `/api/v1/member-requests/${id}/close`, { note: '' })).statusCode).toBe(403);
    expect((await member.api('POST', `/api/v1/member-requests/${id}/close`, { note: 'Thank you' })).statusCode).toBe(
      200,
    );
    const closed = (await member.api('GET', `/api/v1/member-requests/${id}`)).json();
    expect(closed).toMatchObject({ status: 'closed', answer: 'Snow closed the depot for four days.', raisedOn: TODAY });
    expect(await audited(id)).toEqual(['create', 'answer', 'close']);
    const mine = (await manager.api('GET', '/api/v1/member-requests')).json<{ id: string }[]>();
    expect(mine.map((r) => r.id)).toContain(id);
  });

  it('imports meeting dates from a ModernGov export, all or nothing', async () => {
    const post = (csv: string) => officer.post('/meetings/import', { pasted: csv });
    const bad = await post(
      'Committee,Meeting date\nCabinet,24/03/2027 18:00\nPlanning Committee,25/03/2027\nCabinet,31/02/2027\n',
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('“Planning Committee” is not one of the council’s governance bodies');
    expect(bad.body).toContain('must be a real date');
    const count = async () =>
      (await t.deps.database.db.select().from(meetings).where(eq(meetings.bodyId, cabinetId))).length;
    const cabinetMeetings = await count();
    const good = await post(
      'Committee,Meeting date,Venue\nCabinet,24/03/2027 18:00,Chamber\nCabinet,10/02/2027,Chamber\n',
    );
    expect(good.statusCode).toBe(302);
    expect(await count()).toBe(cabinetMeetings + 1);
    const [added] = await t.deps.database.db
      .select()
      .from(meetings)
      .where(and(eq(meetings.bodyId, cabinetId), eq(meetings.heldOn, '2027-03-24')));
    expect(added).toMatchObject({ startsAt: '18:00', location: 'Chamber' });
  });

  it('reminds the officer once when a request is late, and the head of their unit at ten days', async () => {
    const db = t.deps.database.db;
    const [head] = await db
      .insert(people)
      .values({ organisationId: t.org.id, name: 'Hana Head', email: 'hana@test.example' })
      .returning();
    const [unit] = await db
      .insert(units)
      .values({
        organisationId: t.org.id,
        code: 'WST',
        name: 'Waste',
        kind: 'service',
        parentId: t.org.rootUnitId,
        headPersonId: head!.id,
      })
      .returning();
    await db.update(people).set({ unitId: unit!.id }).where(eq(people.id, manager.personId));
    const raised = await member.api('POST', '/api/v1/member-requests', {
      meetingId: null,
      agendaItemId: null,
      kind: 'further-work',
      addresseePersonId: manager.personId,
      question: 'A review of rounds',
      dueOn: '2027-01-25',
    });
    expect(raised.statusCode, raised.body).toBe(201);
    const inbox: MailMessage[] = [];
    const run = (today: string) =>
      runRequestReminders({ db, mailer: async (m) => void inbox.push(m), baseUrl: 'https://gt.example' }, today);
    expect((await run('2027-01-25')).reminded).toBe(0);
    expect((await run('2027-01-26')).reminded).toBe(1);
    expect((await run('2027-01-27')).reminded).toBe(0);
    const escalated = await run('2027-02-04');
    expect(escalated.escalated).toBe(1);
    expect(
      inbox.map((m) => m.to),
      JSON.stringify(inbox, null, 1),
    ).toEqual([expect.stringContaining('@'), 'hana@test.example']);
    expect(inbox[1]!.subject).toContain('Overdue by 10 days');
    expect((await run('2027-02-05')).escalated).toBe(0);
  });

  it('lists the agenda in order even when items are added at once', async () => {
    const id = await meeting(cabinetId, '2027-04-07');
    const add = (n: number) =>
      officer.api('POST', `/api/v1/meetings/${id}/items`, {
        title: `Item ${n}`,
        subjectKind: 'paper',
        subjectId: null,
        paperTitle: '',
        paperLink: '',
        leadOfficerPersonId: null,
      });
    const responses = await Promise.all([1, 2, 3, 4].map(add));
    expect(responses.map((r) => r.statusCode)).toEqual([201, 201, 201, 201]);
    const positions = (await t.deps.database.db.select().from(agendaItems).where(eq(agendaItems.meetingId, id))).map(
      (i) => i.position,
    );
    expect(positions.sort()).toEqual([1, 2, 3, 4]);
  });
});

describe('statutory returns and the planning timetable', () => {
  let t: TestApp;
  let officer: Agent;
  let owner: Agent;

  beforeAll(async () => {
    t = await createTestApp('pglite', { clock: () => new Date(`${TODAY}T12:00:00Z`) });
    officer = await t.as('performance-officer');
    owner = await t.as('manager');
    await t.deps.database.db
      .insert(governanceBodies)
      .values({ organisationId: t.org.id, name: 'Scrutiny Board', kind: 'scrutiny', frameworkRoles: ['scrutinises'] });
  });
  afterAll(() => t.close());

  it('refuses a return without a recipient, and lists one with its owner, late until submitted', async () => {
    const form = {
      title: 'Waste Data Flow Q3',
      'dueOn-day': '15',
      'dueOn-month': '1',
      'dueOn-year': '2027',
      ownerPersonId: owner.personId,
      notes: '',
    };
    const refused = await officer.post('/statutory-returns', { ...form, recipient: '' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Enter who the return goes to');
    expect(await t.deps.database.db.select().from(statutoryReturns)).toHaveLength(0);
    expect((await owner.post('/statutory-returns', { ...form, recipient: 'Defra' })).statusCode).toBe(403);
    expect((await officer.post('/statutory-returns', { ...form, recipient: 'Defra' })).statusCode).toBe(302);
    const [added] = await t.deps.database.db.select().from(statutoryReturns);
    const page = await owner.get('/statutory-returns');
    expect(page.body).toContain('Waste Data Flow Q3');
    expect(page.body).toContain('Late');
    expect(
      (await owner.post(`/statutory-returns/${added!.id}/status`, { status: 'submitted', notes: '' })).statusCode,
    ).toBe(302);
    const [submitted] = await t.deps.database.db.select().from(statutoryReturns);
    expect(submitted).toMatchObject({ status: 'submitted', submittedOn: TODAY });
  });

  it('works the scrutiny board’s deadlines back from its meeting', async () => {
    const [board] = await t.deps.database.db
      .select()
      .from(governanceBodies)
      .where(eq(governanceBodies.name, 'Scrutiny Board'));
    expect(
      (
        await officer.api('POST', '/api/v1/meetings', {
          bodyId: board!.id,
          heldOn: '2027-02-24',
          startsAt: '',
          location: '',
          title: '',
        })
      ).statusCode,
    ).toBe(201);
    const page = await officer.get('/timetable');
    expect(page.statusCode).toBe(200);
    for (const text of [
      '3 February 2027',
      'Data due',
      '10 February 2027',
      'Figures signed off',
      '17 February 2027',
      'Report published',
      'Directorate plans approved',
    ]) {
      expect(page.body).toContain(text);
    }
  });

  it('serves the timetable and the returns register as JSON, in the OpenAPI, with the pages’ access', async () => {
    const body = {
      title: 'Housing Revenue Account return',
      recipient: 'DLUHC',
      dueOn: '2027-02-20',
      ownerPersonId: owner.personId,
      notes: '',
    };
    const noRecipient = await officer.api('POST', '/api/v1/statutory-returns', { ...body, recipient: '' });
    expect(noRecipient.statusCode).toBe(400);
    expect(noRecipient.body).toContain('Enter who the return goes to');
    expect((await owner.api('POST', '/api/v1/statutory-returns', body)).statusCode).toBe(403);
    const added = await officer.api('POST', '/api/v1/statutory-returns', body);
    expect(added.statusCode, added.body).toBe(201);
    const id = added.json().id as string;
    const listed = (await owner.api('GET', '/api/v1/statutory-returns')).json<{ id: string; late: boolean }[]>();
    expect(listed.find((row) => row.id === id)).toMatchObject({ recipient: 'DLUHC', late: false });
    const moved = await owner.api('POST', `/api/v1/statutory-returns/${id}/status`, {
      status: 'in-progress',
      notes: '',
    });
    expect(moved.statusCode, moved.body).toBe(200);

    const february = await owner.api('GET', '/api/v1/timetable?from=2027-02-01&to=2027-02-28');
    expect(february.statusCode, february.body).toBe(200);
    expect(february.json()).toContainEqual(
      expect.objectContaining({ date: '2027-02-20', kind: 'return-due', returnId: id, late: false }),
    );
    const halfWindow = await owner.api('GET', '/api/v1/timetable?from=2027-02-01');
    expect(halfWindow.statusCode).toBe(400);
    expect(halfWindow.json().detail).toBe('Give both ends of the window, “from” on or before “to”');
    // The OpenAPI document is for people signed in (or holding a token), like the API it describes.
    const document = (await owner.api('GET', '/api/openapi.json')).json();
    for (const path of ['/api/v1/timetable', '/api/v1/statutory-returns', '/api/v1/statutory-returns/{id}/status'])
      expect(Object.keys(document.paths)).toContain(path);
  });

  it('lets an administrator set the lead times, validated and audited, and the timetable follows them', async () => {
    const admin = await t.as('administrator');
    const form = { dataDueDays: '28', signOffDays: '14', reportIssuedDays: '10', escalateAfterDays: '5' };
    expect((await owner.post('/timetable/settings', form)).statusCode).toBe(403);
    const outOfOrder = await admin.post('/timetable/settings', { ...form, signOffDays: '30' });
    expect(outOfOrder.statusCode).toBe(400);
    expect(outOfOrder.body).toContain('The data must be due before the figures are signed off');
    const notANumber = await admin.post('/timetable/settings', { ...form, escalateAfterDays: '0' });
    expect(notANumber.statusCode).toBe(400);
    expect(notANumber.body).toContain('as a whole number from 1 to 90');
    expect((await admin.get('/timetable/settings')).body).toContain('These are the defaults');
    expect((await admin.post('/timetable/settings', form)).statusCode).toBe(302);
    const [changed] = await t.deps.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityType, 'committee-settings'));
    expect(changed).toMatchObject({ action: 'update', newValue: { dataDueDays: 28, escalateAfterDays: 5 } });
    // The scrutiny board's meeting of 24 February: data now due 27 January, the report out 14 February.
    const entries = (await owner.api('GET', '/api/v1/timetable?from=2027-01-21&to=2027-02-24')).json<
      { date: string; kind: string }[]
    >();
    expect(entries).toContainEqual(expect.objectContaining({ date: '2027-01-27', kind: 'data-due' }));
    expect(entries).toContainEqual(expect.objectContaining({ date: '2027-02-14', kind: 'report-issued' }));
  });

  it('writes the panel’s decision on an improvement plan onto the plan, in the same transaction', async () => {
    const db = t.deps.database.db;
    const audited = async (entityId: string) =>
      (await db.select().from(auditEvents).where(eq(auditEvents.entityId, entityId))).map((e) => e.action);
    const [panel] = await db
      .insert(governanceBodies)
      .values({ organisationId: t.org.id, name: 'Improvement Panel', kind: 'panel', frameworkRoles: ['receives'] })
      .returning();
    const measure = await officer.api('POST', '/api/v1/measures', measureBody({ code: 'IP-COM', isKey: true }));
    expect(measure.statusCode, measure.body).toBe(201);
    const [plan] = await db
      .insert(improvementPlans)
      .values({
        organisationId: t.org.id,
        measureId: measure.json().id,
        problem: 'Fewer people supported at home',
        rootCause: 'Vacancies',
        status: 'submitted',
        submittedOn: '2027-01-05',
      })
      .returning();
    const meetingId = (
      await officer.api('POST', '/api/v1/meetings', {
        bodyId: panel!.id,
        heldOn: '2027-01-14',
        startsAt: '',
        location: '',
        title: '',
      })
    ).json().id as string;
    const addItem = async (subjectKind: string, subjectId: string | null) => {
      const item = await officer.api('POST', `/api/v1/meetings/${meetingId}/items`, {
        title: 'Improvement plan: home care',
        subjectKind,
        subjectId,
        paperTitle: '',
        paperLink: '',
        leadOfficerPersonId: null,
      });
      expect(item.statusCode, item.body).toBe(201);
      return item.json().id as string;
    };
    const planItem = await addItem('improvement-plan', plan!.id);
    const decide = (itemId: string, outcome: string, notes: string) =>
      officer.api('POST', `/api/v1/agenda-items/${itemId}/decision`, {
        outcome,
        minuteReference: 'IP/7',
        notes,
        onwardMeetingId: null,
      });

    // A paper cannot be sent back; a plan sent back needs the panel's comments: nothing written.
    const paperItem = await addItem('paper', null);
    expect((await decide(paperItem, 'sent-back', 'Redo')).json().detail).toBe(
      'Only an improvement plan can be sent back: choose another decision',
    );
    const noComments = await decide(planItem, 'sent-back', '');
    expect(noComments.statusCode).toBe(400);
    expect(noComments.json().detail).toContain('Enter the panel’s comments');
    const [untouched] = await db.select().from(agendaItems).where(eq(agendaItems.id, planItem));
    expect(untouched!.outcome).toBeNull();
    expect(await db.select().from(improvementPlanDecisions)).toHaveLength(0);

    const sentBack = await decide(planItem, 'sent-back', 'Say how the vacancies will be filled');
    expect(sentBack.statusCode, sentBack.body).toBe(200);
    const [after] = await db.select().from(improvementPlans).where(eq(improvementPlans.id, plan!.id));
    expect(after).toMatchObject({ status: 'sent-back', rowVersion: 2 });
    const [decision] = await db.select().from(improvementPlanDecisions);
    expect(decision).toMatchObject({
      planId: plan!.id,
      outcome: 'sent-back',
      meetingDate: '2027-01-14',
      minuteReference: 'IP/7',
      comments: 'Say how the vacancies will be filled',
      bodyId: panel!.id,
    });
    expect(await audited(plan!.id)).toEqual(['sent-back']);
    expect(await audited(planItem)).toEqual(['create', 'decide']);
  });
});
