/**
 * Throttling failed sign-ins, per account and per network address: after `lockAfter` failures in
 * a row the key is locked for `firstLockSeconds`, and each failure after a lock ends doubles the
 * next lock, up to `maxLockSeconds`. Attempts made while locked are refused without checking the
 * password and are not counted, so a lock ends when it says it will (an attacker cannot extend a
 * person's lock forever), and the right password is refused as firmly as a wrong one until then.
 * A run of failures is forgotten after `forgetAfterSeconds` without one.
 */
export interface ThrottleRule {
  lockAfter: number;
  firstLockSeconds: number;
  maxLockSeconds: number;
  forgetAfterSeconds: number;
}

export interface ThrottleState {
  failures: number;
  lastFailureAt: Date | null;
  lockedUntil: Date | null;
}

export const NO_FAILURES: ThrottleState = { failures: 0, lastFailureAt: null, lockedUntil: null };

/** One account (an e-mail address, whether anyone holds it or not): the tenth wrong password locks it. */
export const ACCOUNT_RULE: ThrottleRule = {
  lockAfter: 10,
  firstLockSeconds: 60,
  maxLockSeconds: 3600,
  forgetAfterSeconds: 24 * 3600,
};

/** One network address: more room, since a council's staff may share one address. */
export const ADDRESS_RULE: ThrottleRule = {
  lockAfter: 100,
  firstLockSeconds: 60,
  maxLockSeconds: 3600,
  forgetAfterSeconds: 24 * 3600,
};

/** How long the lock lasts after the given number of failures in a row. */
export function lockSeconds(failures: number, rule: ThrottleRule): number {
  if (failures < rule.lockAfter) return 0;
  const doublings = Math.min(failures - rule.lockAfter, 30);
  return Math.min(rule.maxLockSeconds, rule.firstLockSeconds * 2 ** doublings);
}

/** Whole seconds until the key may try again (0: it may now). */
export function secondsLocked(state: ThrottleState, now: Date): number {
  if (!state.lockedUntil) return 0;
  return Math.max(0, Math.ceil((state.lockedUntil.getTime() - now.getTime()) / 1000));
}

/** The state after one more failure, made while not locked. */
export function afterFailure(state: ThrottleState, now: Date, rule: ThrottleRule): ThrottleState {
  const forgotten =
    state.lastFailureAt !== null && now.getTime() - state.lastFailureAt.getTime() > rule.forgetAfterSeconds * 1000;
  const failures = (forgotten ? 0 : state.failures) + 1;
  const seconds = lockSeconds(failures, rule);
  return {
    failures,
    lastFailureAt: now,
    lockedUntil: seconds > 0 ? new Date(now.getTime() + seconds * 1000) : null,
  };
}
