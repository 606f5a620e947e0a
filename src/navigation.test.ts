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
  it('gives an administrator at most eight entries, so the service navigation stays short', () => {
    const entries = navigationFor(person('administrator'), '/', { mayTakeSignOffStep: true });
    expect(entries.map((entry) => entry.text)).toEqual([
      'My data',
      'Sign-off',
      'Plans',
      'Measures',
      'Performance',
      'Delivery',
      'Risks and money',
      'Council',
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
      '/audit?from=2026-01-01',
    ]) {
      const current = navigationFor(person('administrator'), url).filter((entry) => entry.active);
      expect(
        current.map((entry) => entry.text),
        url,
      ).toEqual(['Council']);
    }
    expect(navigationFor(person('administrator'), '/peoplex').some((entry) => entry.active)).toBe(false);
  });

  it('keeps Delivery and Risks and money current on the pages they gather', () => {
    const current = (url: string) =>
      navigationFor(person('administrator'), url)
        .filter((entry) => entry.active)
        .map((entry) => entry.text);
    for (const url of [
      '/delivery',
      '/actions/mine',
      '/projects/1',
      '/programmes',
      '/improvement-plans',
      '/recommendations',
    ]) {
      expect(current(url), url).toEqual(['Delivery']);
    }
    for (const url of [
      '/risks-and-money',
      '/risk-registers/1',
      '/risks?band=high',
      '/risk-settings',
      '/money/cost-centres',
    ]) {
      expect(current(url), url).toEqual(['Risks and money']);
    }
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
    expect(navigationFor(person('partner'), '/').map((entry) => entry.text)).toEqual([
      'Plans',
      'Measures',
      'Performance',
    ]);
    expect(navigationFor({ kind: 'public' }, '/')).toEqual([]);
  });
});
