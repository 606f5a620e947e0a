/**
 * The committee pages over ordinary reads and writes, through HTTP on PGlite (page behaviour, the
 * same SQL on both engines: test/helpers/test-app.ts): an agenda item's papers uploaded, listed and
 * downloaded under the name they were uploaded with; issued performance reports offered by the
 * agenda item's picker; a council's own escalation setting followed by the reminder job; and the
 * timetable's status of each plan and report against its dates.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailMessage } from '../../../platform/mail/mailer.ts';
import {
  agendaItemPapers,
  auditEvents,
  governanceBodies,
  governanceBodyMembers,
  issuedReports,
  people,
  plans,
  planTypes,
  reportDefinitions,
  reportRevisions,
  units,
} from '../../../schema.ts';
import { createTestApp, PAGE_DATABASES, type Agent, type TestApp } from '../../../../test/helpers/test-app.ts';
import { runRequestReminders } from '../request-reminders.job.ts';

const TODAY = '2027-01-20';
const pdf = Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\ntrailer\n%%EOF\n');

describe.each(PAGE_DATABASES)('committee pages on %s', (kind) => {
  let t: TestApp;
  let officer: Agent; // the committee officer (manage:meetings)
  let member: Agent; // a councillor on the panel: sees meetings, may not upload
  let panelId: string;
  let meetingId: string;
  let itemId: string;

  beforeAll(async () => {
    t = await createTestApp(kind, { clock: () => new Date(`${TODAY}T12:00:00Z`) });
    officer = await t.as('performance-officer');
    member = await t.as('scrutiny-member');
    const [panel] = await t.deps.database.db
      .insert(governanceBodies)
      .values({ organisationId: t.org.id, name: 'Performance Panel', kind: 'panel', frameworkRoles: ['receives'] })
      .returning();
    panelId = panel!.id;
    await t.deps.database.db
      .insert(governanceBodyMembers)
      .values({ organisationId: t.org.id, bodyId: panelId, personId: member.personId, role: 'member' });
    const meeting = await officer.api('POST', '/api/v1/meetings', {
      bodyId: panelId,
      heldOn: '2027-02-24',
      startsAt: '10:00',
      location: '',
      title: '',
    });
    expect(meeting.statusCode, meeting.body).toBe(201);
    meetingId = meeting.json().id;
    const item = await officer.api('POST', `/api/v1/meetings/${meetingId}/items`, {
      title: 'Quarter 3 performance report',
      subjectKind: 'paper',
      subjectId: null,
      paperTitle: '',
      paperLink: '',
      leadOfficerPersonId: null,
    });
    expect(item.statusCode, item.body).toBe(201);
    itemId = item.json().id;
  });
  afterAll(() => t.close());

  /** The upload form posted as a browser posts it: the CSRF token, the name typed, the file. */
  function upload(agent: Agent, file: { filename: string; type: string; bytes: Buffer }, name = '') {
    const boundary = '----paper';
    const field = (key: string, value: string) =>
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${key}"\r\n\r\n${value}\r\n`);
    const payload = Buffer.concat([
      field('_csrf', agent.csrf),
      field('name', name),
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.filename}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return t.app.inject({
      method: 'POST',
      url: `/agenda-items/${itemId}/papers/new`,
      headers: { cookie: agent.cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload,
    });
  }
  const papersHeld = async () =>
    t.deps.database.db.select().from(agendaItemPapers).where(eq(agendaItemPapers.agendaItemId, itemId));

  it('keeps a paper under the name it was uploaded with, lists it on the meeting and serves it back', async () => {
    const uploaded = await upload(officer, {
      filename: 'Q3 performance report.pdf',
      type: 'application/pdf',
      bytes: pdf,
    });
    expect(uploaded.statusCode, uploaded.body.slice(0, 500)).toBe(302);
    expect(uploaded.headers.location).toBe(`/meetings/${meetingId}#item-${itemId}`);
    const [paper] = await papersHeld();
    expect(paper).toMatchObject({ fileName: 'Q3 performance report.pdf', contentType: 'application/pdf' });

    const page = await member.get(`/meetings/${meetingId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`href="/agenda-papers/${paper!.id}"`);
    expect(page.body).toContain('Q3 performance report.pdf');

    const file = await member.get(`/agenda-papers/${paper!.id}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toBe('attachment; filename="Q3 performance report.pdf"');
    expect(Buffer.compare(file.rawPayload, pdf)).toBe(0);

    const [audit] = await t.deps.database.db.select().from(auditEvents).where(eq(auditEvents.entityId, paper!.id));
    expect(audit).toMatchObject({ action: 'upload', newValue: expect.objectContaining({ sizeBytes: pdf.length }) });
  });

  it('refuses a file that is not a PDF or Word document, and a councillor, writing nothing', async () => {
    const before = (await papersHeld()).length;
    const spreadsheet = await upload(officer, {
      filename: 'figures.xlsx',
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      bytes: Buffer.from('PK\u0003\u0004xl/workbook.xml'),
    });
    expect(spreadsheet.statusCode).toBe(400);
    expect(spreadsheet.body).toContain('The file must be a PDF or a Word (.docx) document');
    // A PDF's bytes sent under a Word name disagree with it: refused too.
    const renamed = await upload(officer, { filename: 'minutes.docx', type: 'application/pdf', bytes: pdf });
    expect(renamed.statusCode).toBe(400);
    const councillor = await upload(member, { filename: 'mine.pdf', type: 'application/pdf', bytes: pdf });
    expect(councillor.statusCode).toBe(403);
    expect(await papersHeld()).toHaveLength(before);
  });

  it('offers the council’s issued performance reports in the picker, and takes one as an item’s subject', async () => {
    const db = t.deps.database.db;
    const [definition] = await db
      .insert(reportDefinitions)
      .values({
        organisationId: t.org.id,
        title: 'Quarterly performance report',
        audience: 'members',
        scopeKind: 'council',
        cadence: 'quarterly',
        sections: [],
      })
      .returning();
    const [report] = await db
      .insert(issuedReports)
      .values({ organisationId: t.org.id, definitionId: definition!.id, periodKey: '2026-27-Q3' })
      .returning();
    await db.insert(reportRevisions).values({
      organisationId: t.org.id,
      reportId: report!.id,
      revision: 1,
      document: {},
      issuedByLabel: 'Test',
    });

    const found = await officer.post(`/meetings/${meetingId}/items/new`, {
      title: 'Quarter 3 report',
      subjectKind: 'performance-report',
      find: 'Q3',
      findRecords: '1',
    });
    expect(found.statusCode).toBe(200);
    expect(found.body).toMatch(new RegExp(`<option value="${report!.id}">Quarterly performance report, [^<]*Q3`));
    const none = await officer.post(`/meetings/${meetingId}/items/new`, {
      title: 'Quarter 3 report',
      subjectKind: 'performance-report',
      find: 'Q4',
      findRecords: '1',
    });
    expect(none.body).not.toContain(`value="${report!.id}"`);

    const addItem = (subjectId: string) =>
      officer.api('POST', `/api/v1/meetings/${meetingId}/items`, {
        title: 'Quarter 3 report',
        subjectKind: 'performance-report',
        subjectId,
        paperTitle: '',
        paperLink: '',
        leadOfficerPersonId: null,
      });
    expect((await addItem(report!.id)).statusCode).toBe(201);
    const unknown = await addItem('00000000-0000-4000-8000-00000000abcd');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toBe('subjectId');
  });

  it('escalates a late request after the council’s own number of days, not the default ten', async () => {
    const db = t.deps.database.db;
    const admin = await t.as('administrator');
    const settings = await admin.post('/timetable/settings', {
      dataDueDays: '21',
      signOffDays: '14',
      reportIssuedDays: '7',
      escalateAfterDays: '3',
    });
    expect(settings.statusCode, settings.body.slice(0, 300)).toBe(302);
    const [head] = await db
      .insert(people)
      .values({ organisationId: t.org.id, name: 'Uma Unit-Head', email: 'uma@test.example' })
      .returning();
    const [unit] = await db
      .insert(units)
      .values({
        organisationId: t.org.id,
        code: 'PLN',
        name: 'Planning',
        kind: 'service',
        parentId: t.org.rootUnitId,
        headPersonId: head!.id,
      })
      .returning();
    const addressee = await t.as('manager');
    await db.update(people).set({ unitId: unit!.id }).where(eq(people.id, addressee.personId));
    const raised = await member.api('POST', '/api/v1/member-requests', {
      meetingId: null,
      agendaItemId: null,
      kind: 'explanation',
      addresseePersonId: addressee.personId,
      question: 'Why are major applications decided late?',
      dueOn: '2027-01-25',
    });
    expect(raised.statusCode, raised.body).toBe(201);
    const inbox: MailMessage[] = [];
    const run = (today: string) =>
      runRequestReminders({ db, mailer: async (m) => void inbox.push(m), baseUrl: 'https://gt.example' }, today);
    expect(await run('2027-01-26')).toMatchObject({ reminded: 1, escalated: 0 });
    expect((await run('2027-01-27')).escalated).toBe(0); // two days late
    expect((await run('2027-01-28')).escalated).toBe(1); // three: the council's setting
    expect(inbox.map((m) => m.to)).toEqual([expect.stringContaining('@'), 'uma@test.example']);
    expect(inbox[1]!.subject).toContain('Overdue by 3 days');
    expect((await run('2027-02-04')).escalated).toBe(0); // once only, the default's day included
  });

  // After the picker's test above: the panel's meeting on 24 February has that issued report on its agenda.
  it('shows on the timetable each directorate plan’s and the agenda report’s status against its dates', async () => {
    const db = t.deps.database.db;
    const [existing] = await db
      .select()
      .from(planTypes)
      .where(and(eq(planTypes.organisationId, t.org.id), eq(planTypes.key, 'directorate-plan')));
    const planTypeId =
      existing?.id ??
      (
        await db
          .insert(planTypes)
          .values({
            organisationId: t.org.id,
            key: 'directorate-plan',
            name: 'Directorate plan',
            level: 3,
            templateSections: [],
          })
          .returning()
      )[0]!.id;
    const plan = (title: string, status: 'draft' | 'approved' | 'superseded', periodStart: string) => ({
      organisationId: t.org.id,
      lineageId: crypto.randomUUID(),
      planTypeId,
      title,
      periodStart,
      periodEnd: `${Number(periodStart.slice(0, 4)) + 1}-03-31`,
      owningUnitId: t.org.rootUnitId,
      status,
    });
    const [place, peoplePlan, old] = await db
      .insert(plans)
      .values([
        plan('Place directorate plan 2027/28', 'approved', '2027-04-01'),
        plan('People directorate plan 2027/28', 'draft', '2027-04-01'),
        plan('Old place plan 2027/28', 'superseded', '2027-04-01'),
      ])
      .returning();

    const page = await member.get('/timetable');
    expect(page.statusCode).toBe(200);
    const row = (date: string, what: string) => {
      const found = page.body
        .split('<tr class="govuk-table__row">')
        .find((r) => r.includes(date) && r.includes(`>${what}<`));
      expect(found, `${date} ${what}`).toBeDefined();
      return found!;
    };
    // Today is 20 January 2027: the 2027/28 plans' approval date is 31 March.
    const approval = row('31 March 2027', 'Directorate plans approved');
    expect(approval).toContain(
      `href="/plans/${place!.id}">Place directorate plan 2027/28</a> <strong class="govuk-tag govuk-tag--green">Done`,
    );
    expect(approval).toContain(
      `href="/plans/${peoplePlan!.id}">People directorate plan 2027/28</a> <strong class="govuk-tag govuk-tag--blue">On time`,
    );
    expect(approval).not.toContain(old!.id);
    // The panel's report was issued: its publication date is done; the meeting waits for the decision.
    const published = row('17 February 2027', 'Report published');
    expect(published).toMatch(/Quarterly performance report[^<]*<\/a> <strong class="govuk-tag govuk-tag--green">Done/);
    const meetingRow = row('24 February 2027', 'Meeting');
    expect(meetingRow).toMatch(
      /Quarterly performance report[^<]*<\/a> <strong class="govuk-tag govuk-tag--blue">On time/,
    );
  });
});
