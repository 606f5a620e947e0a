import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageingOf } from './rules.ts';
import { summariseRegister, type SummaryRow } from './summary.ts';
import { AGE_BANDS, PRIORITIES, SOURCES, STATUSES } from './vocabulary.ts';

const row = (
  source: SummaryRow['source'],
  priority: SummaryRow['priority'],
  status: SummaryRow['status'],
  raisedOn: string,
  dueDate: string | null,
): SummaryRow => ({
  source,
  priority,
  status,
  ageing: ageingOf(
    { raisedOn, dueDate, status, finishedOn: status === 'open' || status === 'in-progress' ? null : '2026-03-01' },
    '2026-03-15',
  ),
});

describe('the audit committee’s summary', () => {
  it('counts open recommendations by age band, overdue ones, and both by source and priority', () => {
    const summary = summariseRegister([
      row('internal-audit', 'high', 'open', '2026-02-01', '2026-03-01'),
      row('internal-audit', 'medium', 'in-progress', '2025-10-01', '2026-06-30'),
      row('inspection', 'high', 'open', '2024-12-01', '2025-06-30'),
      row('inspection', 'low', 'closed', '2025-01-01', '2025-03-31'),
    ]);
    expect(summary).toMatchObject({
      total: 4,
      open: 3,
      overdue: 2,
      openByAge: { 'under-3-months': 1, '3-to-6-months': 1, '6-to-12-months': 0, 'over-12-months': 1 },
    });
    expect(summary.bySource['internal-audit']).toEqual({ total: 2, open: 2, overdue: 1 });
    expect(summary.bySource.inspection).toEqual({ total: 2, open: 1, overdue: 1 });
    expect(summary.byPriority.high).toEqual({ total: 2, open: 2, overdue: 2 });
    expect(summary.bySource.complaint).toEqual({ total: 0, open: 0, overdue: 0 });
  });

  it('every open recommendation is in exactly one band, and the tallies add up', () => {
    const anyRow = fc
      .tuple(
        fc.constantFrom(...SOURCES),
        fc.constantFrom(...PRIORITIES),
        fc.constantFrom(...STATUSES),
        fc.integer({ min: 0, max: 900 }),
        fc.option(fc.integer({ min: 0, max: 900 })),
      )
      .map(([source, priority, status, age, due]) => {
        const raised = new Date(Date.UTC(2026, 2, 15) - age * 86_400_000).toISOString().slice(0, 10);
        const dueDate =
          due === null ? null : new Date(Date.UTC(2026, 2, 15) - (due - 450) * 86_400_000).toISOString().slice(0, 10);
        return row(source, priority, status, raised, dueDate);
      });
    fc.assert(
      fc.property(fc.array(anyRow, { maxLength: 40 }), (rows) => {
        const summary = summariseRegister(rows);
        const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
        expect(sum(AGE_BANDS.map((band) => summary.openByAge[band]))).toBe(summary.open);
        expect(sum(SOURCES.map((source) => summary.bySource[source].total))).toBe(summary.total);
        expect(sum(PRIORITIES.map((priority) => summary.byPriority[priority].overdue))).toBe(summary.overdue);
        expect(summary.overdue).toBeLessThanOrEqual(summary.open);
      }),
    );
  });
});
