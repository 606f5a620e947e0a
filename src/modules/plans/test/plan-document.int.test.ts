import { and, eq } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plans, units } from '../../../schema.ts';
import { createTestApp, type Agent, type TestApp } from '../../../../test/helpers/test-app.ts';

const unescapeXml = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

/** The cells of the HTML table with this caption, row by row. */
function tableRows(html: string, caption: string): string[][] {
  const table = new RegExp(`<caption>${caption}</caption>[\\s\\S]*?</table>`).exec(html)?.[0] ?? '';
  return [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)]
    .map((row) =>
      [...row[1]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((cell) => unescapeXml(cell[1]!.replace(/<[^>]+>/g, ''))),
    )
    .filter((cells) => cells.length > 0);
}

// A demo service plan's document downloaded through HTTP on the real services: the Word file
// carries the plan's own words under the seed's questions and the same figures as the HTML.
describe('a service plan document through HTTP', () => {
  let t: TestApp;
  let officer: Agent;
  let planId: string;

  beforeAll(async () => {
    t = await createTestApp('pglite', { demo: true });
    const db = t.deps.database.db;
    const organisationId = t.demo!.organisationId;
    const [root] = await db
      .select()
      .from(units)
      .where(and(eq(units.organisationId, organisationId), eq(units.kind, 'council')));
    officer = await t.as('performance-officer', { organisation: { id: organisationId, rootUnitId: root!.id } });
    const [plan] = await db
      .select()
      .from(plans)
      .where(and(eq(plans.organisationId, organisationId), eq(plans.title, 'Housing Needs Service Plan 2025/26')));
    planId = plan!.id;
  });
  afterAll(async () => t?.close());

  it('offers the downloads on the plan page', async () => {
    const page = await officer.get(`/plans/${planId}`);
    expect(page.body).toContain(`href="/plans/${planId}/document.docx"`);
  });

  it('downloads a Word file with the plan’s words under the seed’s questions and the HTML’s figures', async () => {
    const html = (await officer.get(`/plans/${planId}/document.html`)).body;
    const measures = tableRows(html, 'Measures: the latest figures');
    expect(measures.length).toBeGreaterThan(0);

    const response = await officer.get(`/plans/${planId}/document.docx`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="Housing-Needs-Service-Plan-202526.docx"',
    );
    const body = unescapeXml(strFromU8(unzipSync(new Uint8Array(response.rawPayload))['word/document.xml']!));
    const text = [...body.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join('\n');
    for (const heading of [
      'Where are we now?',
      'Where do we want to be?',
      'How do we get there?',
      'What are the resource implications?',
    ])
      expect(text).toContain(heading);
    expect(text).toContain('Homelessness approaches rose 18% in 2024/25');
    expect(text).toContain('Net budget £2.9m');
    for (const row of measures) for (const cell of row) if (cell !== '') expect(text).toContain(cell);
    expect(body).toContain('<w:tblHeader/>');
  });

  it('refuses another council’s person as not found', async () => {
    const stranger = await t.as('performance-officer');
    expect((await stranger.get(`/plans/${planId}/document.docx`)).statusCode).toBe(404);
  });
});
