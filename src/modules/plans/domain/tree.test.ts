import { describe, expect, it } from 'vitest';
import { buildItemTree, type FlatItem, inTreeOrder, nestSight, type SightNode } from './tree.ts';

const flat = (id: string, parentItemId: string | null, position: number, code = id): FlatItem => ({
  id,
  code,
  title: `Item ${id}`,
  typeName: 'Objective',
  ownerName: null,
  throughPartnership: false,
  partnerNames: [],
  contributesTo: [],
  parentItemId,
  position,
});

const codes = (nodes: { code: string; children: unknown[] }[]): unknown =>
  nodes.map((node) => (node.children.length ? [node.code, codes(node.children as never)] : node.code));

describe('buildItemTree', () => {
  it('nests any depth, ordered by position then code read as numbers', () => {
    const tree = buildItemTree([
      flat('c', 'a', 1, '1.10'),
      flat('b', 'a', 1, '1.9'),
      flat('a', null, 2, '1'),
      flat('d', null, 1, '2'),
      flat('e', 'c', 1, '1.10.1'),
    ]);
    expect(codes(tree)).toEqual(['2', ['1', ['1.9', ['1.10', ['1.10.1']]]]]);
  });

  it('keeps an item whose parent is not in the list, as a root', () => {
    expect(codes(buildItemTree([flat('b', 'hidden', 1)]))).toEqual(['b']);
  });

  it('does not loop forever on corrupt parent links', () => {
    const tree = buildItemTree([flat('a', 'b', 1), flat('b', 'a', 2)]);
    expect(tree.length).toBeGreaterThan(0);
  });

  it('lists rows depth first with their depth', () => {
    const rows = inTreeOrder([
      flat('c', 'a', 2),
      flat('b', 'a', 1),
      flat('a', null, 1),
      flat('x', 'y', 1),
      flat('y', 'x', 1),
    ]);
    expect(rows.map((row) => [row.id, row.depth])).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 1],
      ['x', 0],
      ['y', 0],
    ]);
  });
});

const node = (id: string, viaId: string, depth: number, level = 1): SightNode => ({
  id,
  code: id,
  title: id,
  typeName: 'Objective',
  depth,
  relation: 'contributes-to',
  kind: 'direct',
  viaId,
  plan: { id: 'p', title: 'Plan', typeName: 'Plan', level, status: 'draft' },
});

describe('nestSight', () => {
  it('builds branches from the starting item, a node reached two ways appearing under both', () => {
    const branches = nestSight('start', [
      node('a', 'start', 1),
      node('b', 'start', 1),
      node('top', 'a', 2),
      node('top', 'b', 2),
    ]);
    expect(branches.map((branch) => [branch.id, branch.next.map((next) => next.id)])).toEqual([
      ['a', ['top']],
      ['b', ['top']],
    ]);
  });

  it('never walks back into its own trail', () => {
    const branches = nestSight('start', [node('a', 'start', 1), node('start', 'a', 2), node('a', 'a', 2)]);
    expect(branches).toHaveLength(1);
    expect(branches[0]!.next).toEqual([]);
  });
});
