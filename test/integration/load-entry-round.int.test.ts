/**
 * The load test's data-entry round (issue 21), through the app: the 400s a 30-second run counted on
 * submitting were the plausibility check refusing the figure the tool entered, and a second round
 * would have been refused as a conflict (409) because the tool did not send the form's row version
 * back. Both were the tool's requests, not the app: the same round the bench sends
 * (bench/lib/load-users.ts) now goes through with no error, round after round. Page behaviour over
 * ordinary reads and writes: PGlite only (PAGE_DATABASES).
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutcomeTally, outcomeOf } from '../../bench/lib/outcomes.ts';
import { entryRound, plausibleFigure, type Send } from '../../bench/lib/load-users.ts';
import { measureValues } from '../../src/schema.ts';
import { measureBody } from '../helpers/measure-fixtures.ts';
import { createTestApp, PAGE_DATABASES, type Agent, type TestApp } from '../helpers/test-app.ts';

// "Today" is 20 November 2025: 2025/26 Q2 (July to September) is the quarter being entered.
const today = new Date('2025-11-20T10:00:00Z');
const PERIOD = '2025-26-Q2';
const EARLIER = [
  '2023-24-Q2',
  '2023-24-Q3',
  '2023-24-Q4',
  '2024-25-Q1',
  '2024-25-Q2',
  '2024-25-Q3',
  '2024-25-Q4',
  '2025-26-Q1',
];
const HISTORY = [70, 71, 70.5, 70.8, 71.2, 70.9, 71.1, 71.4];

describe.each(PAGE_DATABASES)('the load test’s data-entry round on %s', (kind) => {
  let t: TestApp;
  let officer: Agent;
  let enterer: Agent;
  let measureId: string;
  const tally = new OutcomeTally();

  /** The bench's requests, injected into the app instead of sent over loopback, judged the same way. */
  const send: Send = async (step, session, target, form) => {
    const answer = await t.app.inject({
      method: form ? 'POST' : 'GET',
      url: target,
      headers: {
        cookie: session.cookie,
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(form ? { payload: new URLSearchParams({ _csrf: session.csrf, ...form }).toString() } : {}),
    });
    const outcome = outcomeOf(form ? 'form' : 'page', {
      status: answer.statusCode,
      contentType: String(answer.headers['content-type'] ?? ''),
      body: answer.body,
      location: answer.headers.location === undefined ? undefined : String(answer.headers.location),
    });
    tally.add(step, outcome);
    return { ok: outcome.kind === 'ok', body: answer.body };
  };

  const stored = async () => {
    const [row] = await t.deps.database.db
      .select({ status: measureValues.status, rowVersion: measureValues.rowVersion, value: measureValues.value })
      .from(measureValues)
      .where(and(eq(measureValues.measureId, measureId), eq(measureValues.periodKey, PERIOD)));
    return row;
  };

  beforeAll(async () => {
    t = await createTestApp(kind, { clock: () => today });
    officer = await t.as('performance-officer');
    enterer = await t.as('data-entry');
    const created = await officer.api('POST', '/api/v1/measures', measureBody({ code: 'LOAD-01' }));
    expect(created.statusCode).toBe(201);
    measureId = created.json().id as string;
    const assigned = await officer.api('POST', `/api/v1/measures/${measureId}/assignees`, {
      personId: enterer.personId,
    });
    expect(assigned.statusCode).toBeLessThan(300);
    // The approved history the check judges by, inserted at once (eight saves through the API cost
    // seconds of the suite and test nothing here).
    await t.deps.database.db.insert(measureValues).values(
      EARLIER.map((periodKey, i) => ({
        organisationId: t.org.id,
        measureId,
        periodKey,
        value: HISTORY[i]!,
        status: 'approved' as const,
        enteredBy: enterer.personId,
      })),
    );
  });
  afterAll(async () => t?.close());

  it('refuses a figure that moves far more than usual as implausible (400), naming the check, and saves nothing', async () => {
    const refused = await enterer.post(`/measures/${measureId}/values/${PERIOD}`, {
      // Inside the usual range (67.3% to 74.4%) but a move from 71.4% beyond the usual (3.55, the
      // 5% floor): the refusal the run met (“35.9% is a much bigger change from the previous figure
      // (30.0%) than usual …”).
      value: '67.5',
      action: 'submit',
      commentary: 'Load test',
      rowVersion: '0',
    });
    expect(refused.statusCode).toBe(400);
    expect(outcomeOf('form', { status: 400, contentType: 'text/html', body: refused.body }).cause).toMatch(
      /67\.5% is a much bigger change from the previous figure \(71\.4%\) than usual/,
    );
    expect(await stored()).toBeUndefined();
  });

  it('goes through the bench’s round three times with no error: the figure the check takes, the form’s version sent back', async () => {
    const figure = plausibleFigure(HISTORY, { min: null, max: null });
    expect(figure).toBe(71.4);
    const people = { enterer, officer };
    const work = { id: measureId, periodKey: PERIOD, value: String(figure) };
    for (let round = 1; round <= 3; round++) {
      expect(await entryRound(send, people, work)).toBe('completed');
    }
    expect(tally.table()).toBe('');
    expect(tally.errors()).toBe(0);
    // Each round saved the submission and the return: two versions a round.
    expect(await stored()).toEqual({ status: 'returned', rowVersion: 6, value: 71.4 });
  });

  it('refuses a submission without the form’s version as a conflict (409), as the tool sent it, and saves nothing', async () => {
    const before = await stored();
    const stale = await enterer.post(`/measures/${measureId}/values/${PERIOD}`, {
      value: '71.4',
      action: 'submit',
      commentary: 'Load test',
    });
    expect(stale.statusCode).toBe(409);
    expect(outcomeOf('form', { status: 409, contentType: 'text/html', body: stale.body }).cause).toMatch(
      /already has a stored value/,
    );
    // The conflict panel shows what the person sent: the figure, then their commentary.
    expect(stale.body).toContain('71.4 – “Load test”');
    expect(await stored()).toEqual(before);
  });
});
