import { describe, expect, it } from 'vitest';
import type { RoleGrant, SignedIn } from '../../kernel/access/index.ts';
import { createAccessPolicy } from '../../platform/access/policy.ts';
import { ancestryIn, exportScope, exportsValue } from './domain/export-scope.ts';

const units = [
  { id: 'root', parentId: null },
  { id: 'dir-a', parentId: 'root' },
  { id: 'team-a1', parentId: 'dir-a' },
  { id: 'dir-b', parentId: 'root' },
];
const ancestry = ancestryIn(units);
// The export asks the one access policy, over the unit list in memory (as export-file.ts builds it).
const policy = () => createAccessPolicy(async (_organisationId, unitId) => ancestry(unitId));
const person = (...grants: RoleGrant[]): SignedIn => ({
  kind: 'person',
  personId: 'me',
  organisationId: 'org',
  name: 'Me',
  partnerId: null,
  grants,
});
const measure = (id: string, ownerUnitId: string | null, people: { owner?: string; verifier?: string } = {}) => ({
  id,
  ownerUnitId,
  ownerPersonId: people.owner ?? null,
  verifierPersonId: people.verifier ?? null,
});
const measures = [
  measure('a', 'dir-a'),
  measure('a1', 'team-a1'),
  measure('b', 'dir-b', { verifier: 'me' }),
  measure('c', null),
];
const scope = async (grants: RoleGrant[], assigned: string[] = []) => {
  const found = await exportScope(person(...grants), measures, policy(), new Set(assigned));
  return { measures: [...found.measures].sort(), drafts: [...found.drafts].sort() };
};

describe('what an export may hold', () => {
  it('walks a unit up to the root, and knows no unknown unit', () => {
    expect(ancestry('team-a1')).toEqual(['team-a1', 'dir-a', 'root']);
    expect(ancestry(null)).toEqual([]);
    expect(ancestry('elsewhere')).toEqual([]);
  });

  it('keeps to the units a reader may view, and below them', async () => {
    expect(await scope([{ role: 'viewer', unitId: 'dir-a' }])).toEqual({ measures: ['a', 'a1'], drafts: [] });
    expect(await scope([{ role: 'viewer', unitId: 'team-a1' }])).toEqual({ measures: ['a1'], drafts: [] });
    // A measure with no unit is the council's: only a council-wide grant reaches it.
    expect((await scope([{ role: 'viewer', unitId: 'root' }])).measures).toEqual(['a', 'a1', 'b']);
    expect((await scope([{ role: 'viewer', unitId: null }])).measures).toEqual(['a', 'a1', 'b', 'c']);
    expect(await scope([{ role: 'partner', unitId: null }])).toEqual({ measures: [], drafts: [] });
  });

  it('gives drafts to those who enter, verify or approve values, and to the measure’s own people', async () => {
    expect((await scope([{ role: 'data-entry', unitId: 'dir-a' }])).drafts).toEqual(['a', 'a1']);
    expect((await scope([{ role: 'director', unitId: 'team-a1' }])).drafts).toEqual(['a1']);
    expect((await scope([{ role: 'performance-officer', unitId: null }])).drafts).toEqual(['a', 'a1', 'b', 'c']);
    expect((await scope([{ role: 'viewer', unitId: null }], ['c'])).drafts).toEqual(['b', 'c']);
  });

  it('lets official values through, and drafts only where allowed', async () => {
    const found = await exportScope(person({ role: 'data-entry', unitId: 'dir-a' }), measures, policy(), new Set());
    expect(
      ['draft', 'submitted', 'returned', 'verified', 'approved', 'published'].filter((status) =>
        exportsValue(found, 'a', status),
      ),
    ).toHaveLength(6);
    const viewer = await exportScope(person({ role: 'viewer', unitId: 'dir-a' }), measures, policy(), new Set());
    expect(
      ['draft', 'submitted', 'returned', 'verified', 'approved', 'published'].filter((status) =>
        exportsValue(viewer, 'a', status),
      ),
    ).toEqual(['verified', 'approved', 'published']);
    expect(exportsValue(viewer, 'b', 'published')).toBe(false);
    // The council's own official position: from approved on, a verified figure stays at home.
    expect(exportsValue(viewer, 'a', 'verified', 'approved')).toBe(false);
    expect(exportsValue(viewer, 'a', 'submitted', 'submitted')).toBe(true);
  });
});
