import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RAG_RANK, rollUpStatus, rollUpTree } from './index.ts';
import type { RagStatus, RollupItem, RollupNode, RollupOptions } from './index.ts';

let id = 0;
const item = (status: RagStatus, extra: Partial<RollupItem> = {}): RollupItem => ({
  id: `m${++id}`,
  kind: 'measure',
  status,
  ...extra,
});
const many = (status: RagStatus, n: number) => Array.from({ length: n }, () => item(status));

// 12 green, 3 amber, 1 red, 2 no data
const objective = [...many('green', 12), ...many('amber', 3), item('red'), ...many('no-data', 2)];

describe('rules', () => {
  it.each<[RollupOptions['rule'], RagStatus, string]>([
    [{ kind: 'worst-of' }, 'red', 'Red: worst of 16 rated items; 12 green, 3 amber, 1 red, 2 no data'],
    [{ kind: 'majority' }, 'green', 'Green: most common of 16 rated items; 12 green, 3 amber, 1 red, 2 no data'],
    // (12 × 1 + 3 × 0.5) / 16 = 84.4%
    [
      { kind: 'weighted-score' },
      'green',
      'Green: weighted score 84% (green from 80%, amber from 50%); 12 green, 3 amber, 1 red, 2 no data',
    ],
  ])('%o', (rule, status, reason) => {
    const r = rollUpStatus(objective, { rule });
    expect([r.status, r.reason]).toEqual([status, reason]);
    expect(r.countsText).toBe('12 green, 3 amber, 1 red, 2 no data');
  });

  it.each([
    [[1, 0, 1], 'red'], // tie between green and red: the worse one
    [[1, 1, 0], 'amber'], // tie between green and amber
    [[2, 0, 1], 'green'],
    [[1, 2, 0], 'amber'],
  ])('majority by counts green/amber/red %j → %s', ([g, a, r], expected) => {
    const items = [...many('green', g as number), ...many('amber', a as number), ...many('red', r as number)];
    expect(rollUpStatus(items, { rule: { kind: 'majority' } }).status).toBe(expected);
  });

  it('majority and score use weights', () => {
    const items = [item('green', { weight: 1 }), item('red', { weight: 3 })];
    expect(rollUpStatus(items, { rule: { kind: 'majority' } }).status).toBe('red');
    expect(rollUpStatus(items, { rule: { kind: 'weighted-score' } }).score).toBe(0.25);
  });

  it.each([
    [[4, 0, 1], 'green', 0.8], // exactly on the green boundary
    [[1, 1, 0], 'amber', 0.75],
    [[0, 2, 0], 'amber', 0.5], // exactly on the amber boundary
    [[1, 0, 1], 'amber', 0.5],
    [[0, 1, 1], 'red', 0.25],
  ])('weighted score of green/amber/red %j → %s', ([g, a, r], expected, score) => {
    const items = [...many('green', g as number), ...many('amber', a as number), ...many('red', r as number)];
    const result = rollUpStatus(items, { rule: { kind: 'weighted-score' } });
    expect(result.status).toBe(expected);
    expect(result.score).toBeCloseTo(score, 12);
  });
});

describe('key items dominate', () => {
  const items = [...many('green', 9), item('red', { key: true, name: 'Rent collected' })];
  it('a red key measure makes the roll-up red', () => {
    const r = rollUpStatus(items, { rule: { kind: 'majority' } });
    expect(r.status).toBe('red');
    expect(r.reason).toBe(
      'Red: key item Rent collected is red (most common of 10 rated items alone gives green); 9 green, 0 amber, 1 red',
    );
    expect(r.dominatedBy).toHaveLength(1);
  });
  it('can be switched off', () => {
    expect(rollUpStatus(items, { rule: { kind: 'majority' }, keyItemsDominate: false }).status).toBe('green');
  });
  it('a key item without data does not dominate', () => {
    const r = rollUpStatus([...many('green', 3), item('no-data', { key: true })], { rule: { kind: 'worst-of' } });
    expect(r.status).toBe('green');
  });
});

describe('nothing rated', () => {
  it.each<[RagStatus[], RagStatus, string]>([
    [[], 'no-data', 'No data: nothing to roll up; 0 green, 0 amber, 0 red'],
    [
      ['no-data', 'no-target'],
      'no-data',
      'No data: no item has a rated status; 0 green, 0 amber, 0 red, 1 no data, 1 no target',
    ],
    [
      ['overdue', 'no-data'],
      'overdue',
      'Overdue: no item has a rated status; 0 green, 0 amber, 0 red, 1 no data, 1 overdue',
    ],
    [['no-target'], 'no-target', 'No target: no item has a rated status; 0 green, 0 amber, 0 red, 1 no target'],
  ])('%j → %s', (statuses, status, reason) => {
    const r = rollUpStatus(
      statuses.map((s) => item(s)),
      { rule: { kind: 'worst-of' } },
    );
    expect([r.status, r.reason]).toEqual([status, reason]);
  });

  it('overdue can count as red', () => {
    const items = [item('green'), item('overdue')];
    expect(rollUpStatus(items, { rule: { kind: 'worst-of' } }).status).toBe('green');
    expect(rollUpStatus(items, { rule: { kind: 'worst-of' }, overdueAs: 'red' }).status).toBe('red');
  });
});

describe('rollUpTree', () => {
  it('rolls up from the leaves, each child counting once', () => {
    const plan: RollupNode = {
      id: 'plan',
      name: 'Council plan',
      items: [],
      children: [
        { id: 'p1', name: 'Housing', items: [item('green'), item('amber')], children: [] },
        {
          id: 'p2',
          name: 'Care',
          items: [],
          key: true,
          children: [{ id: 'o1', name: 'Reablement', items: [item('red'), item('green')], children: [] }],
        },
      ],
    };
    const r = rollUpTree(plan, { rule: { kind: 'majority' } });
    expect(r.children.map((c) => [c.id, c.result.status])).toEqual([
      ['p1', 'amber'], // tie green/amber: the worse
      ['p2', 'red'],
    ]);
    expect(r.result.status).toBe('red');
    expect(r.result.countsText).toBe('0 green, 1 amber, 1 red');
  });
});

describe('properties', () => {
  const arbStatus = fc.constantFrom<RagStatus>('red', 'amber', 'green', 'no-data', 'overdue', 'no-target');
  const arbItems = fc.array(
    arbStatus.map((s) => item(s)),
    { maxLength: 30 },
  );

  it('counts add up, and worst-of is never better than any rated item', () => {
    fc.assert(
      fc.property(arbItems, (items) => {
        const r = rollUpStatus(items, { rule: { kind: 'worst-of' } });
        const c = r.counts;
        expect(c.green + c.amber + c.red + c.noData + c.overdue + c.noTarget).toBe(items.length);
        for (const i of items) {
          if (i.status === 'red' || i.status === 'amber' || i.status === 'green') {
            expect(RAG_RANK[r.status as 'red']).toBeLessThanOrEqual(RAG_RANK[i.status]);
          }
        }
      }),
    );
  });

  it('every rule lies between the worst and the best rated item', () => {
    fc.assert(
      fc.property(arbItems, fc.constantFrom('majority' as const, 'weighted-score' as const), (items, kind) => {
        const rated = items.filter((i) => i.status === 'red' || i.status === 'amber' || i.status === 'green');
        fc.pre(rated.length > 0);
        const ranks = rated.map((i) => RAG_RANK[i.status as 'red']);
        const r = rollUpStatus(items, { rule: { kind } });
        expect(RAG_RANK[r.status as 'red']).toBeGreaterThanOrEqual(Math.min(...ranks));
        expect(RAG_RANK[r.status as 'red']).toBeLessThanOrEqual(Math.max(...ranks));
      }),
    );
  });
});
