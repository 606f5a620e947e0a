import { phrase, readStoredPhrase } from '../../../kernel/phrase.ts';
import { describe, expect, it } from 'vitest';
import { availableValueActions, nextValueStatus, type ValueActor } from './workflow.ts';

const everyone: ValueActor = { canEnter: true, canVerify: true, canApprove: true, canReopen: true };
const enterer: ValueActor = { canEnter: true, canVerify: false, canApprove: false, canReopen: false };

describe('data-quality workflow', () => {
  it.each([
    [null, 'submit', 'submitted'],
    ['draft', 'save', 'draft'],
    ['submitted', 'verify', 'verified'],
    ['verified', 'approve', 'approved'],
    ['approved', 'publish', 'published'],
    ['returned', 'submit', 'submitted'],
  ] as const)('%s + %s → %s', (from, action, to) => {
    expect(nextValueStatus(from, action, everyone, '')).toEqual({ ok: true, value: to });
  });

  it.each([
    ['submitted', 'save', 'invalid_state'],
    ['approved', 'save', 'invalid_state'],
    ['draft', 'approve', 'invalid_state'],
    ['published', 'verify', 'invalid_state'],
  ] as const)('refuses %s + %s (%s)', (from, action, code) => {
    const result = nextValueStatus(from, action, everyone, 'a reason');
    expect(result.ok ? null : result.error.code).toBe(code);
  });

  it('needs a reason to return or reopen', () => {
    const returned = nextValueStatus('submitted', 'return', everyone, '  ');
    expect(returned.ok ? null : returned.error).toMatchObject({ code: 'invalid', field: 'reason' });
    expect(nextValueStatus('approved', 'reopen', everyone, 'Late correction from the service').ok).toBe(true);
  });

  it('lets only the right people move a value on', () => {
    const verify = nextValueStatus('submitted', 'verify', enterer, '');
    // The words are checked in collection/refusal-words.test.ts.
    expect(verify.ok ? null : readStoredPhrase(verify.error.message)).toEqual(
      phrase('workflowRefusals.onlyWho', {
        who: phrase('workflowRefusals.who.canVerify'),
        action: phrase('workflowRefusals.verbs.verify'),
      }),
    );
    const reopen = nextValueStatus('approved', 'reopen', { ...everyone, canReopen: false }, 'x');
    expect(reopen.ok ? null : reopen.error.code).toBe('forbidden');
  });

  it('offers only the actions that would succeed', () => {
    expect(availableValueActions(null, enterer)).toEqual(['save', 'submit']);
    expect(availableValueActions('submitted', enterer)).toEqual([]);
    expect(availableValueActions('submitted', everyone)).toEqual(['verify', 'return']);
  });
});

describe('two pairs of eyes', () => {
  const entered: ValueActor = { ...everyone, enteredIt: true };
  const verified: ValueActor = { ...everyone, verifiedIt: true };
  const ruleOf = (result: ReturnType<typeof nextValueStatus>) => (result.ok ? null : result.error.rule);

  it('stops the person who entered a value verifying or approving it', () => {
    expect(ruleOf(nextValueStatus('submitted', 'verify', entered, ''))).toBe('entered-cannot-verify');
    expect(ruleOf(nextValueStatus('verified', 'approve', entered, ''))).toBe('entered-cannot-approve');
    expect(ruleOf(nextValueStatus('submitted', 'approve', entered, '', 'approve-directly'))).toBe(
      'entered-cannot-approve',
    );
    expect(nextValueStatus('submitted', 'verify', entered, '').ok ? null : 'forbidden').toBe('forbidden');
  });

  it('stops the verifier approving, unless the council approves straight from submitted', () => {
    expect(ruleOf(nextValueStatus('verified', 'approve', verified, ''))).toBe('verified-cannot-approve');
    expect(nextValueStatus('verified', 'approve', verified, '', 'approve-directly')).toEqual({
      ok: true,
      value: 'approved',
    });
  });

  it('lets a second person take each step', () => {
    expect(nextValueStatus('submitted', 'verify', verified, '')).toEqual({ ok: true, value: 'verified' });
    expect(nextValueStatus('verified', 'approve', everyone, '')).toEqual({ ok: true, value: 'approved' });
    expect(nextValueStatus('submitted', 'return', entered, 'Wrong month').ok).toBe(true);
  });

  it('follows the chain the council chose', () => {
    expect(nextValueStatus('submitted', 'approve', everyone, '').ok).toBe(false);
    expect(nextValueStatus('submitted', 'approve', everyone, '', 'approve-directly')).toEqual({
      ok: true,
      value: 'approved',
    });
    expect(nextValueStatus('submitted', 'verify', everyone, '', 'approve-directly').ok).toBe(false);
    expect(availableValueActions('submitted', everyone, 'approve-directly')).toEqual(['return', 'approve']);
  });

  it('offers no step the person may not take', () => {
    expect(availableValueActions('submitted', entered)).toEqual(['return']);
    expect(availableValueActions('verified', verified)).toEqual(['return']);
    expect(availableValueActions('submitted', entered, 'approve-directly')).toEqual(['return']);
  });
});

describe('returning for correction', () => {
  it('is open to an approver who may not verify (a governance body approving, say)', () => {
    const approver = { canEnter: false, canVerify: false, canApprove: true, canReopen: false };
    expect(nextValueStatus('verified', 'return', approver, 'Check the source').ok).toBe(true);
    expect(availableValueActions('verified', approver)).toEqual(['return', 'approve']);
    const nobody = { ...approver, canApprove: false };
    expect(availableValueActions('verified', nobody)).toEqual([]);
  });
});
