/**
 * Sign-in, passwords, second factor, sessions and API tokens: refusals the organisation module's
 * domain, services and sign-in forms return as phrases (signIn), the account pages' titles and
 * flashes (signInPages), and the e-mails that carry a password link (passwordEmails). Part of the
 * English catalogue (../en.ts).
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
    /** How long a throttled person waits, for {minutes} in `throttled`. */
    oneMinute: '1 minute',
    minutes: '{count} minutes',
    // The sign-in, second-factor and set-password forms.
    enterEmail: 'Enter your email address',
    enterPassword: 'Enter your password',
    enterNewPassword: 'Enter a password',
    samePasswordTwice: 'Enter the same password twice',
    enterCode: 'Enter the 6-digit code from your authenticator app',
    enterCodeOrRecoveryCode: 'Enter the 6-digit code from your authenticator app, or a recovery code',
    administratorsRuleMissing: 'Select whether administrators need a second factor',
    onlyAdministratorsSetRules: 'Only an administrator of the whole council can change its sign-in rules',
    tokenAlreadyRevoked: 'The token {name} has already been revoked',
    // Why a link to set a password cannot be used.
    linkUnknown: 'This link to set a password is not recognised. Check you copied the whole link, or ask for a new one',
    linkUsed: 'This link has already been used to set a password. Sign in, or ask for a new link',
    linkReplaced: 'A newer link has been made for you, so this one no longer works. Use the newest link you were sent',
    linkExpired: 'This link has expired. Ask the person who added you for a new one',
    linkLeft: 'This account is no longer active, so its password cannot be set',
  },
  signInPages: {
    yourSecondFactor: 'Your second factor',
    yourSessions: 'Your sessions',
    sessionEnded: 'That session has ended: it is signed out',
    otherSessionEnded: 'You have been signed out of 1 other session',
    otherSessionsEnded: 'You have been signed out of {count} other sessions',
    secondFactorOff: 'Your second factor is turned off',
    signInRules: 'Sign-in rules',
    signInRulesSaved: 'Sign-in rules saved',
    yourApiTokens: 'Your API tokens',
    tokenRevoked: 'Token {name} revoked: it no longer works',
    passwordSet: 'Your password has been set, and you have been signed out everywhere. Sign in with it',
  },
  /** Plain-text e-mails: {name} the person, {until} when the link stops working, {url} the link. */
  passwordEmails: {
    setSubject: 'Set your Golden Thread password',
    setText:
      'Hello {name},\n\nAn account has been set up for you on Golden Thread. ' +
      'Choose your password with this link, which works once and until {until}:\n\n' +
      '{url}\n\nIf you were not expecting this, you can ignore this e-mail.\n',
    resetSubject: 'Reset your Golden Thread password',
    resetText:
      'Hello {name},\n\nSomeone (we hope you) asked to reset your Golden Thread password. ' +
      'Choose a new one with this link, which works once and until {until}:\n\n' +
      '{url}\n\nSetting a new password signs you out everywhere and stops your API tokens. ' +
      'If you did not ask, ignore this e-mail: your password stays as it is.\n',
  },
};
