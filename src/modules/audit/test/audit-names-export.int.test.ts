import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../../schema.ts';
import { createTestApp, DATABASES, type Agent, type TestApp } from '../../../../test/helpers/test-app.ts';

// The trail as a person reads it: records and people by name rather than by id, dates typed in
// GOV.UK date boxes, and the filtered trail downloaded as a spreadsheet.
describe.each(DATABASES)('audit trail names and export on %s', (kind) => {
  let t: TestApp;
  let admin: Agent;
  let auditor: Agent;
  let unitId: string;
  let headId: string;
  /** The manager's name, as test-app names people: role and a counter, taken from their email. */
  let headName: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = await t.as('administrator');
    auditor = await t.as('internal-auditor');
    const head = await t.as('manager');
    headId = head.personId;
    headName = `manager ${/-(\d+)@/.exec(head.email)![1]}`;
    const unit = { code: 'LIB', name: 'Libraries', kind: 'service', parentId: null, headPersonId: null };
    unitId = (await admin.api('POST', '/api/v1/units', unit)).json().id as string;
    await admin.api('PUT', `/api/v1/units/${unitId}`, { ...unit, headPersonId: headId });
    // A reason someone typed that a spreadsheet would run as a formula.
    await t.deps.database.db.insert(auditEvents).values({
      organisationId: t.org.id,
      at: new Date('2025-06-30T22:30:00Z'),
      actorPersonId: admin.personId,
      actorLabel: 'Someone',
      entityType: 'unit',
      entityId: unitId,
      action: 'update',
      oldValue: { name: 'Libraries' },
      newValue: { name: 'Libraries' },
      reason: '=HYPERLINK("http://evil.example","Click")',
    });
  });
  afterAll(async () => t?.close());

  it('names the record and the people in its changes instead of their ids', async () => {
    const page = await auditor.get('/audit?entityType=unit');
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(new RegExp(`href="/units/${unitId}">Libraries<span`));
    expect(page.body).toContain(`Head person id: (blank) → ${headName}`);
    expect(page.body).not.toContain(`→ ${headId}`);
    const api = (await auditor.api('GET', '/api/v1/audit-events?entityType=unit')).json();
    expect(api.items[0]).toMatchObject({ entityId: unitId, entityName: 'Libraries' });
  });

  it('filters by dates typed in the GOV.UK day, month and year boxes, as the ISO dates in links do', async () => {
    const typed = await auditor.get(
      '/audit?entityType=unit&from-day=30&from-month=6&from-year=2025&to-day=30&to-month=6&to-year=2025',
    );
    expect(typed.statusCode).toBe(200);
    expect(typed.body).toContain('Showing 1 to 1 of 1 events');
    const linked = await auditor.get('/audit?entityType=unit&from=2025-06-30&to=2025-06-30');
    expect(linked.body).toContain('Showing 1 to 1 of 1 events');
    const bad = await auditor.get('/audit?from-day=31&from-month=2&from-year=2025');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('href="#from-day"');
    expect(bad.body).toContain('The date to start from must be a real date');
  });

  it('downloads the filtered trail as CSV with names, and keeps typed formulas as text', async () => {
    const page = await auditor.get('/audit?entityType=unit');
    expect(page.body).toContain('href="/audit/export.csv?entityType=unit"');
    const file = await auditor.get('/audit/export.csv?entityType=unit');
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('text/csv');
    expect(file.headers['content-disposition']).toContain('attachment; filename="audit-trail.csv"');
    const lines = file.body.trim().split('\r\n');
    expect(lines[0]).toBe(
      'When,Who,What changed,Record,Record id,Action,Changes,Reason,Event id,Chain position,Previous hash,Hash',
    );
    expect(lines).toHaveLength(1 + 3);
    expect(file.body).toContain(`Libraries,${unitId},Create`);
    expect(file.body).toContain(`"'=HYPERLINK(""http://evil.example"",""Click"")"`);
    const dated = await auditor.get('/audit/export.csv?entityType=unit&from=2025-06-30&to=2025-06-30');
    expect(dated.body.trim().split('\r\n')).toHaveLength(2);
    expect((await auditor.get('/audit/export.csv?from=2025-02-30')).statusCode).toBe(400);
  });

  it('carries the hash chain in the export: each row links to the one before it', async () => {
    const file = await auditor.get('/audit/export.csv');
    // Newest first; the chain columns (the last four) never hold a comma.
    const rows = file.body
      .trim()
      .split('\r\n')
      .slice(1)
      .map((line) => line.split(',').slice(-4))
      .map(([id, position, previous, hash]) => ({ id, position: Number(position), previous, hash }))
      .sort((a, b) => a.position - b.position);
    expect(rows.length).toBeGreaterThan(2);
    expect(rows.map((row) => row.position)).toEqual(rows.map((_, index) => index + 1));
    expect(rows[0]!.previous).toBe('0'.repeat(64));
    for (let i = 1; i < rows.length; i++) {
      expect(rows[i]!.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(rows[i]!.previous).toBe(rows[i - 1]!.hash);
    }
  });

  it('refuses the export to a role without view:audit', async () => {
    const viewer = await t.as('viewer');
    expect((await viewer.get('/audit/export.csv')).statusCode).toBe(403);
  });
});
