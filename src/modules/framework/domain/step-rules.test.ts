import { describe, expect, it } from 'vitest';
import { approvalStepInput, resolveStepRules } from './framework.ts';

const council = { name: 'Adopted by Full Council', kind: 'body' as const, role: null, bodyId: 'b1' };
const owner = { name: 'Owner sign-off', kind: 'owner' as const, role: null, bodyId: null };

describe('the "different person" rule of approval steps', () => {
  it('defaults to a different person for every step but the owner’s own sign-off', () => {
    expect(resolveStepRules([owner, council], []).map((step) => step.distinctPerson)).toEqual([false, true]);
  });

  it('keeps the rule of the same step in the same place when it is left out', () => {
    const current = [
      { ...owner, distinctPerson: true },
      { ...council, distinctPerson: false },
    ];
    expect(resolveStepRules([owner, council], current).map((step) => step.distinctPerson)).toEqual([true, false]);
  });

  it('takes the default for a step that moved or changed, and what was sent when it was sent', () => {
    const current = [{ ...council, distinctPerson: false }];
    const sent = [owner, { ...council, distinctPerson: false }];
    expect(resolveStepRules(sent, current).map((step) => step.distinctPerson)).toEqual([false, false]);
    expect(resolveStepRules([{ ...council, name: 'Renamed' }], current)[0]?.distinctPerson).toBe(true);
  });

  it('reads the form’s checkbox and the API’s boolean, and leaves it out when not sent', () => {
    const parse = (distinctPerson: unknown) =>
      approvalStepInput.parse({ name: 'S', kind: 'owner', role: '', bodyId: '', distinctPerson }).distinctPerson;
    expect([parse('yes'), parse('no'), parse(true), parse(false), parse(undefined)]).toEqual([
      true,
      false,
      true,
      false,
      undefined,
    ]);
  });
});
