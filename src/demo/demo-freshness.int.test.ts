import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../platform/db/rows.ts';
import { collectionState } from '../modules/collection/domain/index.ts';
import { DEMO_MEASURES } from './demo-measures.data.ts';
import { currentReportingPeriod, periodKey, type Frequency } from '../kernel/measurement/periods.ts';
import { createTestApp, PAGE_DATABASES, type TestApp } from '../../test/helpers/test-app.ts';

// The demo council does not go stale: loaded on any day, its latest complete periods have data,
// only the returns it leaves late on purpose are missing, and the workflow has work in it.
// PGlite only: what this checks is the loader's date arithmetic; the load's SQL runs on PostgreSQL
// in demo-council.int.test.ts and demo-start.int.test.ts.
const DAYS = ['2026-12-05', '2028-07-01'];
const late = DEMO_MEASURES.filter((spec) => spec.late).map((spec) => spec.code);
const inWorkflow = (...statuses: string[]) =>
  DEMO_MEASURES.filter((spec) => spec.latest && statuses.includes(spec.latest.status)).map((spec) => spec.code);

describe.each(PAGE_DATABASES.flatMap((kind) => DAYS.map((day) => [kind, day] as const)))(
  'demo council loaded on %s on %s',
  (kind, day) => {
    let t: TestApp;
    let rows: {
      code: string;
      frequency: Frequency;
      latest_key: string;
      value_status: string | null;
      rag: string | null;
      has_target: boolean;
      data_source: string;
    }[];
    const latestComplete = (frequency: Frequency) => periodKey(currentReportingPeriod(frequency, day));

    beforeAll(async () => {
      t = await createTestApp(kind, { demo: true, clock: () => new Date(`${day}T10:00:00Z`) });
      const all = rowsOf<{ code: string; frequency: Frequency; data_source: string; id: string }>(
        await t.deps.database.db.execute(sql`SELECT id, code, frequency, data_source FROM measures`),
      );
      rows = [];
      for (const measure of all) {
        const key = latestComplete(measure.frequency);
        const [found] = rowsOf<{
          latest_key: string;
          value_status: string | null;
          rag: string | null;
          has_target: boolean;
        }>(
          await t.deps.database.db.execute(sql`
            SELECT (SELECT max(v.period_key) FROM measure_values v WHERE v.measure_id = m.id) AS latest_key,
              (SELECT v.status FROM measure_values v WHERE v.measure_id = m.id AND v.period_key = ${key}
                AND v.breakdown_id IS NULL) AS value_status,
              s.rag, coalesce(s.target_value, s.target_lower, s.target_upper) IS NOT NULL AS has_target
            FROM measures m LEFT JOIN measure_statuses s ON s.measure_id = m.id AND s.period_key = ${key}
            WHERE m.id = ${measure.id}`),
        );
        rows.push({ ...measure, ...found! });
      }
    });
    afterAll(async () => t?.close());

    it('has a figure for the latest complete period of every measure but the few left late', () => {
      expect(late.length).toBeGreaterThanOrEqual(2);
      expect(late.length).toBeLessThanOrEqual(4);
      expect(rows).toHaveLength(DEMO_MEASURES.length);
      const missing = rows.filter((row) => row.value_status === null).map((row) => row.code);
      expect(missing.sort()).toEqual([...late].sort());
      for (const row of rows) {
        const expected = latestComplete(row.frequency);
        // A late measure's series ends one period earlier; no figure is ever in a period not yet ended.
        if (late.includes(row.code))
          expect(row.latest_key < expected, `${row.code} ends before ${expected}`).toBe(true);
        else expect(row.latest_key, row.code).toBe(expected);
      }
    });

    it('leaves overdue only the late returns and those sent back or still in draft', () => {
      // As My data sees it: a draft or a returned figure is not yet entered.
      const overdue = rows
        .filter((row) => {
          const entered = row.value_status !== null && !['draft', 'returned'].includes(row.value_status);
          const period = currentReportingPeriod(row.frequency, day);
          return collectionState(period, day, entered) === 'overdue';
        })
        .map((row) => row.code);
      // Those are the intended few whose period's due date has passed (on 1 July the quarter just
      // ended is not due yet, so only the late annual return is overdue then).
      const pastDue = (code: string) => {
        const frequency = rows.find((row) => row.code === code)!.frequency;
        return collectionState(currentReportingPeriod(frequency, day), day, false) === 'overdue';
      };
      const intended = [...late, ...inWorkflow('draft', 'returned')];
      expect(overdue.sort()).toEqual(intended.filter(pastDue).sort());
      expect(overdue.length).toBeGreaterThanOrEqual(1);
      expect(overdue.length).toBeLessThanOrEqual(4);
      // The stored statuses rate as overdue no more than those and the figures not yet verified.
      const rated = rows.filter((row) => row.rag === 'overdue').map((row) => row.code);
      expect([...late, ...inWorkflow('draft', 'returned', 'submitted')]).toEqual(expect.arrayContaining(rated));
      expect(rated).toEqual(
        expect.arrayContaining(late.filter((code) => rows.find((r) => r.code === code)!.frequency === 'annual')),
      );
    });

    it('leaves work in the sign-off queues for the latest period', () => {
      const status = (code: string) => rows.find((row) => row.code === code)?.value_status;
      for (const code of inWorkflow('submitted')) expect(status(code), code).toBe('submitted');
      for (const code of inWorkflow('verified')) expect(status(code), code).toBe('verified');
      expect(inWorkflow('submitted').length).toBeGreaterThanOrEqual(1);
      expect(inWorkflow('verified').length).toBeGreaterThanOrEqual(1);
    });

    it('keeps targets with the shifted periods, and says in each data source that the periods are shifted', () => {
      const targeted = DEMO_MEASURES.filter(
        (spec) => spec.source.kind === 'hart' || (spec.targetStep !== undefined && spec.polarity !== 'none'),
      ).map((spec) => spec.code);
      const withTarget = rows.filter((row) => row.has_target).map((row) => row.code);
      // Hart's own targets exist only for the quarters it reported (and not for every KPI).
      const expected = targeted.filter(
        (code) => DEMO_MEASURES.find((spec) => spec.code === code)!.source.kind !== 'hart',
      );
      expect(withTarget).toEqual(expect.arrayContaining(expected));
      expect(withTarget.length).toBeGreaterThanOrEqual(expected.length + 5);
      for (const row of rows)
        expect(row.data_source, row.code).toMatch(/Demo periods shifted: the published figures for /);
    });
  },
);
