import { phrase, type Phrase } from '../../../kernel/phrase.ts';

/**
 * NCSC's password guidance, as rules: a minimum length, and no password from a list of the most
 * common ones. Deliberately nothing else: no composition rules (they push people to predictable
 * patterns like "Password1!") and no forced expiry (a password changes when it may be known).
 */
export interface PasswordPolicy {
  minLength: number;
  /** Whether a lower-cased password is on the deny-list of common passwords. */
  isCommon: (lowered: string) => boolean;
}

/** Digits and punctuation people add to the end of a common word to pass a length rule. */
const TRAILING_PADDING = /[\d\W_]+$/u;

/** The rule the password breaks, as a phrase naming it; null when it may be used. */
export function passwordProblem(password: string, policy: PasswordPolicy): Phrase | null {
  if ([...password].length < policy.minLength) {
    return phrase('signIn.passwordTooShort', { min: policy.minLength });
  }
  const lowered = password.toLowerCase();
  const unpadded = lowered.replace(TRAILING_PADDING, '');
  if (policy.isCommon(lowered) || (unpadded.length >= 4 && policy.isCommon(unpadded))) {
    return phrase('signIn.passwordCommon');
  }
  // One character repeated, or two alternating ("aaaaaaaaaaaa", "abababababab"): long but guessable.
  if (new Set(lowered).size <= 2) return phrase('signIn.passwordRepetitive');
  return null;
}
