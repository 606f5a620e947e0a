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
    expect(verify.ok ? null : verify.error.message).toBe('Only the measure’s verifier can verify this value');
    const reopen = nextValueStatus('approved', 'reopen', { ...everyone, canReopen: false }, 'x');
    expect(reopen.ok ? null : reopen.error.code).toBe('forbidden');
  });

  it('offers only the actions that would succeed', () => {
    expect(availableValueActions(null, enterer)).toEqual(['save', 'submit']);
    expect(availableValueActions('submitted', enterer)).toEqual([]);
    expect(availableValueActions('submitted', everyone)).toEqual(['verify', 'return']);
  });
});
