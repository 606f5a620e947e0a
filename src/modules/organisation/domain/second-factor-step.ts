/** How a person proved who they are before any second factor. */
export type FirstStep = 'password' | 'single sign-on';

/**
 * Whether a person must give a code from their second factor before their session starts. Only a
 * person who has set one up is asked. After a password, always. After single sign-on, only when
 * the council says so: the identity provider usually asks for its own second factor, and asking
 * twice is a cost the council chooses.
 */
export function secondFactorStepNeeded(
  firstStep: FirstStep,
  hasSecondFactor: boolean,
  rules: { secondFactorAfterSingleSignOn: boolean },
): boolean {
  if (!hasSecondFactor) return false;
  return firstStep === 'password' || rules.secondFactorAfterSingleSignOn;
}
