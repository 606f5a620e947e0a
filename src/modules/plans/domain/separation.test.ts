import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { currentRound, type RoundEvent, separationRefusal } from './separation.ts';

const at = (minute: number) => new Date(Date.UTC(2026, 3, 1, 9, minute));
const submitted = (by: string, minute = 0): RoundEvent => ({
  action: 'submitted',
  actorPersonId: by,
  stepPosition: null,
  stepName: null,
  at: at(minute),
});
const took = (by: string, position: number, name: string, minute = position, minute_ref?: string): RoundEvent => ({
  action: 'step-approved',
  actorPersonId: by,
  stepPosition: position,
  stepName: name,
  minuteReference: minute_ref ?? null,
  at: at(minute),
});
const returned = (by: string, minute: number): RoundEvent => ({
  action: 'returned',
  actorPersonId: by,
  stepPosition: null,
  stepName: null,
  at: at(minute),
});

const council = { name: 'Adopted by Full Council', position: 3, distinctPerson: true };

describe('the current approval round', () => {
  it('starts at the latest submission and forgets a returned round', () => {
    const round = currentRound([
      submitted('alice', 0),
      took('bob', 1, 'Owner sign-off'),
      returned('bob', 2),
      submitted('carol', 3),
      took('dan', 1, 'Owner sign-off', 4),
    ]);
    expect(round.submittedBy).toBe('carol');
    expect(round.submittedAt).toEqual(at(3));
    expect(round.stepsTaken).toEqual([{ position: 1, name: 'Owner sign-off', personId: 'dan', recorded: false }]);
  });

  it('marks a body decision recorded by an officer', () => {
    const round = currentRound([submitted('alice'), took('olive', 1, 'Agreed by Cabinet', 1, 'Minute 7')]);
    expect(round.stepsTaken[0]?.recorded).toBe(true);
  });
});

describe('a step that must be taken by a different person', () => {
  const round = currentRound([
    submitted('alice'),
    took('alice', 1, 'Owner sign-off'),
    took('olive', 2, 'Director sign-off'),
  ]);

  it('refuses the person who approved an earlier step, naming both steps', () => {
    expect(separationRefusal(council, 'olive', round)).toEqual({
      reason: 'took-earlier-step',
      earlierStep: 'Director sign-off',
      step: 'Adopted by Full Council',
      recorded: false,
    });
  });

  it('refuses the person who submitted the plan', () => {
    const fresh = currentRound([submitted('sam')]);
    expect(separationRefusal({ ...council, position: 1 }, 'sam', fresh)).toEqual({
      reason: 'submitted-plan',
      step: 'Adopted by Full Council',
    });
  });

  it('lets someone who took no part take it', () => {
    expect(separationRefusal(council, 'fred', round)).toBeNull();
  });

  it('does not apply when the step allows anyone', () => {
    expect(separationRefusal({ ...council, distinctPerson: false }, 'olive', round)).toBeNull();
  });

  it('refuses a caller who is not a person, who cannot be shown to be different', () => {
    expect(separationRefusal(council, null, round)).not.toBeNull();
  });

  it('ignores steps taken in an earlier round that was returned', () => {
    const again = currentRound([
      submitted('alice', 0),
      took('olive', 1, 'Director sign-off', 1),
      returned('olive', 2),
      submitted('alice', 3),
    ]);
    expect(separationRefusal({ ...council, position: 2 }, 'olive', again)).toBeNull();
  });

  it('refuses exactly the people who submitted or took an earlier step (property)', () => {
    const people = fc.constantFrom('a', 'b', 'c', 'd', 'e');
    fc.assert(
      fc.property(people, fc.array(people, { maxLength: 4 }), people, (submitter, approvers, caller) => {
        const events = [
          submitted(submitter),
          ...approvers.map((person, index) => took(person, index + 1, `S${index + 1}`)),
        ];
        const step = { name: 'Next', position: approvers.length + 1, distinctPerson: true };
        const refused = separationRefusal(step, caller, currentRound(events)) !== null;
        expect(refused).toBe(caller === submitter || approvers.includes(caller));
      }),
    );
  });
});
