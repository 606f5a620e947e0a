import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../../schema.ts';
import { phraseText } from '../../../kernel/phrase.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import {
  createTestApp,
  DATABASES,
  type Agent,
  type TestApp,
  type TestOrganisation,
} from '../../../../test/helpers/test-app.ts';

const unitId = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

describe.each(DATABASES)('audit trail on %s', (kind) => {
  let t: TestApp;
  /** A council whose trail is written here by hand, so counts, times and order are known. */
  let council: TestOrganisation;
  let auditor: Agent;
  const alice = { id: '11111111-1111-4111-8111-111111111111', label: 'Alice Adams' };
  const bob = { id: '22222222-2222-4222-8222-222222222222', label: 'Bob Brown' };

  beforeAll(async () => {
    t = await createTestApp(kind);
    council = await t.createOrganisation('Audited Council');
    auditor = await t.as('internal-auditor', { organisation: council });
    const start = Date.parse('2025-06-01T09:00:00Z');
    // 55 unit events by Alice, one a minute from 1 June 2025 10:00 BST.
    const units = Array.from({ length: 55 }, (_, i) => ({
      organisationId: council.id,
      at: new Date(start + i * 60_000),
      actorPersonId: alice.id,
      actorLabel: alice.label,
      entityType: 'unit',
      entityId: unitId(i),
      action: i === 0 ? 'create' : 'update',
      oldValue: i === 0 ? null : { name: `Name ${i - 1}`, parentId: null },
      newValue: { name: `Name ${i}`, parentId: null },
      reason: i === 54 ? 'Restructure agreed by Cabinet' : '',
    }));
    // Bob's plan events either side of midnight at the end of 30 June (UK time: BST, UTC+1).
    const plans = [
      ['2025-06-30T22:30:00Z', 'late on 30 June'],
      ['2025-06-30T23:30:00Z', 'early on 1 July'],
    ].map(([at, reason]) => ({
      organisationId: council.id,
      at: new Date(at!),
      actorPersonId: bob.id,
      actorLabel: bob.label,
      entityType: 'plan',
      entityId: '33333333-3333-4333-8333-333333333333',
      action: 'approve',
      oldValue: { status: 'in-approval' },
      newValue: { status: 'approved' },
      reason: reason!,
    }));
    await t.deps.database.db.insert(auditEvents).values([...units, ...plans]);
  });
  afterAll(async () => t?.close());

  describe('the page', () => {
    it('lists the newest 50 first with GOV.UK pagination', async () => {
      const page = await auditor.get('/audit');
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Showing 1 to 50 of 57 events, newest first.');
      const whens = [...page.body.matchAll(/July 2025|June 2025/g)].map((m) => m[0]);
      expect(whens[0]).toBe('July 2025');
      expect(page.body).toContain('govuk-pagination');
      expect(page.body).toContain('href="/audit?page=2"');
      // The newest unit event shows its change readably, its reason and a link to the unit.
      expect(page.body).toContain('Name: Name 53 → Name 54');
      expect(page.body).toContain('Restructure agreed by Cabinet');
      expect(page.body).toContain(`href="/units/${unitId(54)}"`);
      expect(page.body).toContain('Status: in-approval → approved');
      expect(page.body).not.toContain(unitId(6) + '<');
    });

    it('shows the rest on page 2, and the last page for a page past the end', async () => {
      for (const url of ['/audit?page=2', '/audit?page=99']) {
        const page = await auditor.get(url);
        expect(page.statusCode).toBe(200);
        expect(page.body).toContain('Showing 51 to 57 of 57 events, newest first.');
        expect(page.body).toContain(unitId(0));
        expect(page.body).toContain('Name: Name 0');
        expect(page.body).toContain('href="/audit"'); // previous page: the first, without ?page=1
      }
    });

    it('filters by entity type, actor and UK calendar dates', async () => {
      const plans = await auditor.get('/audit?entityType=plan');
      expect(plans.body).toContain('Showing 1 to 2 of 2 events');
      const byAlice = await auditor.get(`/audit?actor=${alice.id}&entityType=`);
      expect(byAlice.body).toContain('of 55 events');
      const june = await auditor.get('/audit?entityType=plan&from=2025-06-30&to=2025-06-30');
      expect(june.body).toContain('Showing 1 to 1 of 1 events');
      expect(june.body).toContain('late on 30 June');
      const july = await auditor.get('/audit?from=2025-07-01');
      expect(july.body).toContain('early on 1 July');
      expect(july.body).not.toContain('late on 30 June');
      const none = await auditor.get('/audit?entityType=person');
      expect(none.body).toContain('No events match these filters.');
      // The filters keep their values, and page links keep the filters.
      expect(byAlice.body).toContain(`href="/audit?actor=${alice.id}&amp;page=2"`);
      expect(byAlice.body).toMatch(new RegExp(`<option value="${alice.id}" selected>Alice Adams`));
    });

    it('names a bad filter in the GOV.UK error summary and keeps what was typed', async () => {
      const page = await auditor.get('/audit?from=2025-13-45&to=2025-01-01');
      expect(page.statusCode).toBe(400);
      expect(page.body).toContain('govuk-error-summary');
      expect(page.body).toContain('href="#from-day"');
      // What was typed stays in the GOV.UK date boxes.
      expect(page.body).toMatch(/name="from-day"[^>]*value="45"|value="45"[^>]*name="from-day"/);
      const reversed = await auditor.get('/audit?from=2025-07-01&to=2025-06-01');
      expect(reversed.statusCode).toBe(400);
      expect(reversed.body).toContain('The end date must be the same as or after the start date');
    });

    it('is refused to a role without view:audit', async () => {
      const viewer = await t.as('viewer', { organisation: council });
      expect((await viewer.get('/audit')).statusCode).toBe(403);
      expect((await viewer.api('GET', '/api/v1/audit-events')).statusCode).toBe(403);
    });

    it('shows real changes made through the app, with who made them', async () => {
      const admin = await t.as('administrator');
      const created = await admin.api('POST', '/api/v1/units', {
        code: 'AUD1',
        name: 'Before',
        kind: 'service',
        parentId: null,
        headPersonId: null,
      });
      const id = created.json().id as string;
      await admin.api('PUT', `/api/v1/units/${id}`, {
        code: 'AUD1',
        name: 'After',
        kind: 'service',
        parentId: null,
        headPersonId: null,
      });
      const auditorOfThisCouncil = await t.as('audit-member');
      const page = await auditorOfThisCouncil.get('/audit?entityType=unit');
      expect(page.body).toContain('Name: Before → After');
      expect(page.body).toContain(`href="/units/${id}"`);
      expect(page.body).toMatch(/administrator \d+/);
      // Another council's trail is not there.
      expect(page.body).not.toContain('Alice Adams');
    });
  });

  describe('the API', () => {
    it('lists the same events with the same filters', async () => {
      const response = await auditor.api('GET', '/api/v1/audit-events?entityType=unit&page=2');
      expect(response.statusCode).toBe(200);
      const body = response.json();
      expect(body).toMatchObject({ page: 2, pageCount: 2, pageSize: 50, total: 55 });
      expect(body.items).toHaveLength(5);
      expect(body.items[0]).toMatchObject({
        entityType: 'unit',
        entityId: unitId(4),
        actorLabel: 'Alice Adams',
        actorPersonId: alice.id,
        action: 'update',
        oldValue: { name: 'Name 3', parentId: null },
        newValue: { name: 'Name 4', parentId: null },
      });
      expect(body.items.at(-1).entityId).toBe(unitId(0));
      const dated = await auditor.api('GET', `/api/v1/audit-events?actor=${bob.id}&to=2025-06-30`);
      expect(dated.json().items.map((e: { reason: string }) => e.reason)).toEqual(['late on 30 June']);
    });

    it('answers bad filters with a 400 problem naming the field', async () => {
      const response = await auditor.api('GET', '/api/v1/audit-events?from=yesterday');
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().errors[0].field).toContain('from');
      const badActor = await auditor.api('GET', '/api/v1/audit-events?actor=bob');
      expect(badActor.statusCode).toBe(400);
    });

    it('says who acted when no person did, on the page, in the export and in the API; older English as written', async () => {
      const jobs = await t.createOrganisation('Council With Jobs');
      const reader = await t.as('internal-auditor', { organisation: jobs });
      await t.deps.database.db.transaction((tx) =>
        recordAudit(tx, {
          organisationId: jobs.id,
          actor: { personId: null, label: phraseText('auditActors.escalationJob') },
          entityType: 'action',
          entityId: 'a1',
          action: 'escalate',
        }),
      );
      await t.deps.database.db.insert(auditEvents).values({
        organisationId: jobs.id,
        actorPersonId: null,
        actorLabel: 'Improvement plan job',
        entityType: 'improvement-plan-request',
        entityId: 'r1',
        action: 'create',
      });
      const said = ['Escalation job', 'Improvement plan job'];
      const listed = (await reader.api('GET', '/api/v1/audit-events')).json();
      expect(listed.items.map((event: { actorLabel: string }) => event.actorLabel).sort()).toEqual(said);
      const page = await reader.get('/audit');
      const file = await reader.get('/audit/export.csv');
      for (const words of said) {
        expect(page.body).toContain(`>${words}<`);
        expect(file.body).toContain(`,${words},`);
      }
      expect(page.body + file.body).not.toContain('auditActors');
    });

    it('keeps councils apart', async () => {
      const outsider = await t.as('administrator');
      const body = (await outsider.api('GET', '/api/v1/audit-events?entityType=plan')).json();
      expect(body.items.some((e: { actorLabel: string }) => e.actorLabel === 'Bob Brown')).toBe(false);
    });
  });
});
