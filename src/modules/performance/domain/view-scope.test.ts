import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RagStatus } from '../../../kernel/measurement/types.ts';
import {
  applyFilters,
  countsByStatus,
  daysLate,
  filterQuery,
  filtersOfScope,
  hasMalformedId,
  LISTED_STATUSES,
  NO_FILTERS,
  parseFilters,
  sortOverdue,
  unitsUnder,
} from './view-scope.ts';

const U1 = '11111111-1111-4111-8111-111111111111';
const U2 = '22222222-2222-4222-8222-222222222222';

const measures = [
  { id: 'a', status: 'red' as RagStatus, isKey: true },
  { id: 'b', status: 'green' as RagStatus, isKey: false },
  { id: 'c', status: 'overdue' as RagStatus, isKey: true },
  { id: 'd', status: 'amber' as RagStatus, isKey: false },
];

describe('the measure filters in a query string', () => {
  it('reads repeated statuses, ids, flags and a quarter, and ignores what is not allowed', () => {
    const filters = parseFilters({
      status: ['red', 'purple', 'amber'],
      unitId: U1,
      key: 'true',
      overdue: 'yes',
      mine: 'true',
      period: '2025-26-Q2',
    });
    expect(filters).toEqual({
      ...NO_FILTERS,
      statuses: ['red', 'amber'],
      unitId: U1,
      keyOnly: true,
      mine: true,
      period: '2025-26-Q2',
    });
    expect(parseFilters({ period: '2025-26-M03' }).period).toBeNull();
  });

  it('keeps an id that is not an id, so the view refuses it as not found instead of showing everything', () => {
    const filters = parseFilters({ portfolioId: 'not-an-id' });
    expect(filters.portfolioId).toBe('not-an-id');
    expect(hasMalformedId(filters)).toBe(true);
    expect(hasMalformedId(parseFilters({ portfolioId: U2 }))).toBe(false);
  });

  it('writes the filters back as the same query string (a link reproduces its view)', () => {
    const statusArb = fc.subarray([...LISTED_STATUSES]);
    fc.assert(
      fc.property(
        statusArb,
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        fc.option(fc.constantFrom(U1, U2), { nil: null }),
        (statuses, keyOnly, overdueOnly, mine, unitId) => {
          const filters = { ...NO_FILTERS, statuses, keyOnly, overdueOnly, mine, unitId };
          const query = Object.fromEntries(
            [...new URLSearchParams(filterQuery(filters)).keys()].map((k) => [
              k,
              new URLSearchParams(filterQuery(filters)).getAll(k),
            ]),
          );
          expect(parseFilters(query)).toEqual(filters);
        },
      ),
    );
  });

  it('turns a dashboard scope into the filters of its list', () => {
    expect(filtersOfScope({ kind: 'unit', id: U1 }, null)).toMatchObject({ unitId: U1, mine: false });
    expect(filtersOfScope({ kind: 'portfolio', id: U2 }, '2025-26-Q1')).toMatchObject({
      portfolioId: U2,
      period: '2025-26-Q1',
    });
    expect(filtersOfScope({ kind: 'mine' }, null).mine).toBe(true);
    expect(filterQuery(filtersOfScope({ kind: 'council' }, null))).toBe('');
  });
});

describe('applying the filters', () => {
  it('combines them: statuses within the scope sets, key and overdue', () => {
    const filters = { ...NO_FILTERS, statuses: ['red', 'overdue'] as RagStatus[] };
    expect(applyFilters(measures, filters, []).map((m) => m.id)).toEqual(['a', 'c']);
    expect(applyFilters(measures, filters, [new Set(['a', 'b'])]).map((m) => m.id)).toEqual(['a']);
    expect(applyFilters(measures, { ...NO_FILTERS, keyOnly: true }, []).map((m) => m.id)).toEqual(['a', 'c']);
    expect(applyFilters(measures, { ...NO_FILTERS, overdueOnly: true }, []).map((m) => m.id)).toEqual(['c']);
    expect(applyFilters(measures, NO_FILTERS, [new Set(['a', 'b']), new Set(['b', 'c'])]).map((m) => m.id)).toEqual([
      'b',
    ]);
  });

  it('counts each status with the other filters applied, so a count is what ticking it would show', () => {
    const filters = { ...NO_FILTERS, keyOnly: true, statuses: ['green'] as RagStatus[] };
    const counts = countsByStatus(measures, filters, []);
    expect(counts).toMatchObject({ red: 1, overdue: 1, green: 0, amber: 0 });
    for (const status of LISTED_STATUSES) {
      expect(applyFilters(measures, { ...filters, statuses: [status] }, [])).toHaveLength(counts[status]);
    }
  });

  it('never keeps more than it was given, and adding a filter never adds a measure', () => {
    const measureArb = fc.record({
      id: fc.string({ minLength: 1, maxLength: 3 }),
      status: fc.constantFrom(...LISTED_STATUSES),
      isKey: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(measureArb), fc.subarray([...LISTED_STATUSES]), fc.boolean(), (list, statuses, keyOnly) => {
        const loose = applyFilters(list, { ...NO_FILTERS, statuses }, []);
        const tight = applyFilters(list, { ...NO_FILTERS, statuses, keyOnly }, []);
        expect(loose.length).toBeLessThanOrEqual(list.length);
        expect(tight.every((m) => loose.includes(m))).toBe(true);
      }),
    );
  });
});

describe('units under a unit', () => {
  const units = [
    { id: 'council', parentId: null },
    { id: 'dir', parentId: 'council' },
    { id: 'svc', parentId: 'dir' },
    { id: 'team', parentId: 'svc' },
    { id: 'other', parentId: 'council' },
  ];

  it('holds the unit and everything below it, and nothing of another council', () => {
    expect([...unitsUnder(units, ['dir'])].sort()).toEqual(['dir', 'svc', 'team']);
    expect(unitsUnder(units, ['elsewhere']).size).toBe(0);
  });

  it('stops at a cycle in bad data', () => {
    const cyclic = [
      { id: 'x', parentId: 'y' },
      { id: 'y', parentId: 'x' },
    ];
    expect([...unitsUnder(cyclic, ['x'])].sort()).toEqual(['x', 'y']);
  });
});

describe('overdue returns', () => {
  it('counts calendar days from the due date', () => {
    expect(daysLate('2025-10-21', '2025-11-20')).toBe(30);
    expect(daysLate('2025-03-29', '2025-03-31')).toBe(2); // across the clocks going forward
  });

  it('sorts by the chosen column, then the most late', () => {
    const rows = [
      { code: 'B', unitName: 'Parks', ownerName: null, daysLate: 3, periodKey: '2025-26-Q2' },
      { code: 'A', unitName: 'Housing', ownerName: 'Zoe', daysLate: 9, periodKey: '2025-26-Q2' },
      { code: 'C', unitName: 'Housing', ownerName: 'Ann', daysLate: 12, periodKey: '2025-26-Q1' },
    ];
    expect(sortOverdue(rows, 'days').map((r) => r.code)).toEqual(['C', 'A', 'B']);
    expect(sortOverdue(rows, 'unit').map((r) => r.code)).toEqual(['C', 'A', 'B']);
    expect(sortOverdue(rows, 'owner').map((r) => r.code)).toEqual(['C', 'A', 'B']);
    expect(sortOverdue(rows, 'measure').map((r) => r.code)).toEqual(['A', 'B', 'C']);
  });
});
