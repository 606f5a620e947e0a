import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { targetAgainstLimits } from '../../../kernel/measurement/target-assurance.ts';
import { assuranceFor } from './spc.ts';

// The warning given as a target is set (kernel) must say what the assurance icon will then show.
describe('the target check at setting agrees with the SPC assurance icon', () => {
  const finite = fc.double({ min: -1e4, max: 1e4, noNaN: true });
  const expected = { 'target-cannot-be-met': 'consistently-fails', 'target-always-met': 'consistently-meets' };

  it('for a single target', () => {
    fc.assert(
      fc.property(
        finite,
        finite,
        finite,
        fc.constantFrom('higher-is-better', 'lower-is-better'),
        (a, b, value, polarity) => {
          const lower = Math.min(a, b);
          const upper = Math.max(a, b);
          const found = targetAgainstLimits({ value, lower: null, upper: null }, polarity, {
            lower,
            upper,
            trial: false,
          });
          const icon = assuranceFor({ lowerLimit: lower, upperLimit: upper }, polarity, { kind: 'value', value }).icon;
          expect(found ? expected[found.code] : 'hit-and-miss').toBe(icon);
        },
      ),
    );
  });

  it('for a target range of a within-range measure', () => {
    fc.assert(
      fc.property(finite, finite, finite, finite, (a, b, c, d) => {
        const [lower, upper] = [Math.min(a, b), Math.max(a, b)];
        const [from, to] = [Math.min(c, d), Math.max(c, d)];
        const found = targetAgainstLimits({ value: null, lower: from, upper: to }, 'within-range', {
          lower,
          upper,
          trial: false,
        });
        const icon = assuranceFor({ lowerLimit: lower, upperLimit: upper }, 'within-range', {
          kind: 'range',
          lower: from,
          upper: to,
        }).icon;
        expect(found ? expected[found.code] : 'hit-and-miss').toBe(icon);
      }),
    );
  });
});
