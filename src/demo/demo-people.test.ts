import { describe, expect, it } from 'vitest';
import { ROLES } from '../kernel/access/index.ts';
import { people } from './data/structure.ts';

describe('the demo people printed at start-up', () => {
  it('feature someone holding every role, so the message lists every demo role', () => {
    const featuredRoles = new Set(
      people
        .filter((person) => person.featured !== undefined)
        .flatMap((person) => person.roles.map((grant) => grant.role)),
    );
    expect(ROLES.filter((role) => !featuredRoles.has(role))).toEqual([]);
  });
});
