import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { passwordProblem } from './password-policy.ts';
import {
  ACCOUNT_RULE,
  afterFailure,
  lockSeconds,
  NO_FAILURES,
  secondsLocked,
  type ThrottleState,
} from './sign-in-throttle.ts';

// A few entries of the shipped deny-list (its contents are checked in platform/security).
const COMMON = new Set(['password', 'sunshine', 'administrator', 'qwertyuiop', '1q2w3e4r5t6y']);
const policy = { minLength: 12, isCommon: (lowered: string) => COMMON.has(lowered) };

describe('password policy', () => {
  it('names the length rule for a short password, counting characters not bytes', () => {
    expect(passwordProblem('short one', policy)).toEqual({ code: 'signIn.passwordTooShort', params: { min: 12 } });
    expect(passwordProblem('ŵŷâêîôûŵŷâêî', policy)).toBeNull();
  });

  it('refuses common passwords from the shipped list, in any case and with digits added', () => {
    for (const common of ['qwertyuiop1234', '1q2w3e4r5t6y', 'Administrator', 'password12345!', 'Sunshine2024!!']) {
      expect(passwordProblem(common, policy)?.code, common).toBe('signIn.passwordCommon');
    }
  });

  it('refuses one or two characters repeated', () => {
    expect(passwordProblem('zzzzzzzzzzzzzzzz', policy)?.code).toBe('signIn.passwordRepetitive');
    expect(passwordProblem('xyxyxyxyxyxyxyxy', policy)?.code).toBe('signIn.passwordRepetitive');
  });

  it('has no composition rules: a long passphrase of lower-case words is fine', () => {
    expect(passwordProblem('correct horse battery staple', policy)).toBeNull();
    expect(passwordProblem('river otter kettle lamp', policy)).toBeNull();
  });
});

describe('sign-in throttle maths', () => {
  const start = new Date('2026-03-01T09:00:00Z');
  const failMany = (count: number, at = start) => {
    let state: ThrottleState = NO_FAILURES;
    for (let i = 0; i < count; i += 1) state = afterFailure(state, at, ACCOUNT_RULE);
    return state;
  };

  it('locks at the tenth failure for a minute, then doubles each lock up to an hour', () => {
    expect(secondsLocked(failMany(9), start)).toBe(0);
    expect(secondsLocked(failMany(10), start)).toBe(60);
    expect(lockSeconds(11, ACCOUNT_RULE)).toBe(120);
    expect(lockSeconds(12, ACCOUNT_RULE)).toBe(240);
    expect(lockSeconds(500, ACCOUNT_RULE)).toBe(3600);
  });

  it('counts down the lock in whole seconds and lifts it when it ends', () => {
    const locked = failMany(10);
    expect(secondsLocked(locked, new Date(start.getTime() + 59_500))).toBe(1);
    expect(secondsLocked(locked, new Date(start.getTime() + 60_000))).toBe(0);
  });

  it('forgets a run of failures after a day without one', () => {
    const old = failMany(9);
    const later = afterFailure(old, new Date(start.getTime() + 25 * 3600_000), ACCOUNT_RULE);
    expect(later.failures).toBe(1);
    expect(later.lockedUntil).toBeNull();
  });

  it('never locks for longer than the rule allows, and never less after more failures', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (failures) => {
        const seconds = lockSeconds(failures, ACCOUNT_RULE);
        expect(seconds).toBeLessThanOrEqual(ACCOUNT_RULE.maxLockSeconds);
        expect(lockSeconds(failures + 1, ACCOUNT_RULE)).toBeGreaterThanOrEqual(seconds);
      }),
    );
  });
});
