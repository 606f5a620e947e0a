/**
 * Sign-in, passwords, second factor, sessions and API tokens: refusals the organisation module's
 * domain and services return as phrases. Part of the English catalogue (../en.ts).
 */
export const signInWords = {
  signIn: {
    passwordTooShort: 'Enter a password of at least {min} characters',
    passwordCommon: 'Choose a password that is not on the list of commonly used passwords',
    passwordRepetitive: 'Choose a password that is not one or two characters repeated',
    wrongCredentials: 'Enter a correct email address and password',
    throttled:
      'There have been too many attempts to sign in. Wait {minutes} before trying again, or reset your password',
    wrongCode: 'Enter the 6-digit code from your authenticator app, or an unused recovery code',
    codeExpired: 'Signing in took too long. Enter your email address and password again',
    enrolCodeWrong: 'Enter the 6-digit code your authenticator app shows now',
    secondFactorAlreadyOn: 'Your second factor is already turned on',
    secondFactorNotOn: 'You have not turned on a second factor',
    secondFactorRequired: 'Your council requires administrators to sign in with a second factor',
    tokenScope: 'Select whether the token may only read, or read and write',
    tokenExpiry: 'Select how long the token works for',
    tokenNotFromToken: 'API tokens can only be made by a signed-in person, not with another token',
    tokenReadOnly: 'This API token may only read: ask its owner for a token that may write',
    sessionNotFound: 'That session has already ended',
  },
};
