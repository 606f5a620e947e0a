import { describe, expect, it } from 'vitest';
import type { Principal, Role } from './kernel/access/index.ts';
import { navigationFor } from './navigation.ts';

const person = (role: Role): Principal => ({
  kind: 'person',
  personId: 'p1',
  organisationId: 'o1',
  name: 'A Person',
  partnerId: null,
  grants: [{ role, unitId: null }],
});

describe('navigationFor', () => {
  it('gives an administrator at most seven entries, so the service navigation fits one line', () => {
    const entries = navigationFor(person('administrator'), '/', { mayTakeSignOffStep: true });
    expect(entries.map((entry) => entry.text)).toEqual([
      'My data',
      'Sign-off',
      'Plans',
      'Measures',
      'Performance',
      'Council',
      'Audit',
    ]);
  });

  it('keeps Council marked as current on every set-up page it groups, and only there', () => {
    for (const url of [
      '/council',
      '/people/123',
      '/units',
      '/governance-bodies/9/edit',
      '/framework/sign-off',
      '/partners?x=1',
    ]) {
      const current = navigationFor(person('administrator'), url).filter((entry) => entry.active);
      expect(
        current.map((entry) => entry.text),
        url,
      ).toEqual(['Council']);
    }
    expect(navigationFor(person('administrator'), '/peoplex').some((entry) => entry.active)).toBe(false);
  });

  it('shows Sign-off only to those the council’s sign-off rules could ask, whatever their role', () => {
    expect(navigationFor(person('cabinet-member'), '/').map((entry) => entry.text)).not.toContain('Sign-off');
    expect(navigationFor(person('administrator'), '/', { mayTakeSignOffStep: false }).map((e) => e.text)).not.toContain(
      'Sign-off',
    );
    // A viewer named as a measure's verifier has something to sign off.
    expect(navigationFor(person('viewer'), '/', { mayTakeSignOffStep: true }).map((e) => e.text)).toContain('Sign-off');
  });

  it('shows nothing a person may not use', () => {
    expect(navigationFor(person('viewer'), '/').map((entry) => entry.text)).not.toContain('Audit');
    expect(navigationFor({ kind: 'public' }, '/')).toEqual([]);
  });
});
