import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { secondFactorStepNeeded, type FirstStep } from './second-factor-step.ts';

const firstSteps: FirstStep[] = ['password', 'single sign-on'];

describe('the second-factor step at sign-in', () => {
  it('asks a person with a second factor for a code after their password, whatever the council rule', () => {
    expect(secondFactorStepNeeded('password', true, { secondFactorAfterSingleSignOn: false })).toBe(true);
    expect(secondFactorStepNeeded('password', true, { secondFactorAfterSingleSignOn: true })).toBe(true);
  });

  it('asks for a code after single sign-on only when the council requires it', () => {
    expect(secondFactorStepNeeded('single sign-on', true, { secondFactorAfterSingleSignOn: false })).toBe(false);
    expect(secondFactorStepNeeded('single sign-on', true, { secondFactorAfterSingleSignOn: true })).toBe(true);
  });

  it('never asks a person who has no second factor (setting one up is a separate step)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...firstSteps), fc.boolean(), (firstStep, rule) => {
        expect(secondFactorStepNeeded(firstStep, false, { secondFactorAfterSingleSignOn: rule })).toBe(false);
      }),
    );
  });
});
