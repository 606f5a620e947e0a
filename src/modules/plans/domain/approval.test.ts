import { describe, expect, it } from 'vitest';
import { phrase, phraseText } from '../../../kernel/phrase.ts';
import { approveLabel, type CallerFacts, mayTakeStep, type StepAuthority } from './approval.ts';
import { rolePhrase } from '../../../kernel/access/index.ts';

const none: CallerFacts = {
  isOwner: false,
  planHasOwner: true,
  holdsStepRole: false,
  isBodyMember: false,
  isPerformanceOfficer: false,
};
const owner: StepAuthority = { kind: 'owner', name: 'Owner sign-off', role: null, bodyId: null, bodyName: null };
const director: StepAuthority = {
  kind: 'role',
  name: 'Director approval',
  role: 'director',
  bodyId: null,
  bodyName: null,
};
const cabinet: StepAuthority = { kind: 'body', name: 'Cabinet approval', role: null, bodyId: 'b', bodyName: 'Cabinet' };

describe('who may take an approval step', () => {
  it.each<[string, StepAuthority, Partial<CallerFacts>, boolean]>([
    ['owner step, the owner', owner, { isOwner: true }, true],
    ['owner step, someone else', owner, {}, false],
    ['owner step, a performance officer', owner, { isPerformanceOfficer: true }, false],
    ['role step, holding the role above', director, { holdsStepRole: true }, true],
    ['role step, the owner without the role', director, { isOwner: true }, false],
    ['body step, a member', cabinet, { isBodyMember: true }, true],
    ['body step, a performance officer', cabinet, { isPerformanceOfficer: true }, true],
    ['body step, holding some role', cabinet, { holdsStepRole: true, isOwner: true }, false],
  ])('%s', (_name, step, facts, allowed) => {
    const result = mayTakeStep(step, { ...none, ...facts });
    expect(result.ok).toBe(allowed);
    if (!result.ok) expect(result.error.code).toBe('forbidden');
  });

  it('explains the refusal, naming the body or the role and the step (the words: plans/refusal-words.test.ts)', () => {
    const body = mayTakeStep(cabinet, none);
    expect(!body.ok && body.error.message).toBe(phraseText('planRefusals.bodyOnly', { body: 'Cabinet' }));
    const role = mayTakeStep(director, none);
    expect(!role.ok && role.error.message).toBe(
      phraseText('planRefusals.roleOnly', { role: rolePhrase('director'), step: 'Director approval' }),
    );
  });

  it('cannot sign off an ownerless plan', () => {
    const result = mayTakeStep(owner, { ...none, planHasOwner: false });
    expect(!result.ok && result.error.code).toBe('invalid_state');
  });

  it('labels the buttons', () => {
    expect(approveLabel(cabinet)).toEqual(phrase('planRefusals.approveAs', { name: 'Cabinet' }));
    expect(approveLabel(director)).toEqual(phrase('planRefusals.approveAs', { name: rolePhrase('director') }));
    expect(approveLabel(owner)).toEqual(phrase('planRefusals.signOffAsOwner'));
  });
});
