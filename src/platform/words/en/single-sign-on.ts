/**
 * Signing in through the council's OpenID Connect provider (Entra ID, Google Workspace …) and its
 * settings page. Part of the English catalogue (../en.ts).
 */
export const singleSignOnWords = {
  singleSignOn: {
    title: 'Single sign-on',
    signInTitle: 'Sign in with your council account',
    signInIntro: 'Use the account you sign in to your council’s computers and email with.',
    signInWith: 'Sign in with {provider}',
    noProviders: 'No council has set up single sign-on yet. Sign in with your email address and password.',
    usePassword: 'Sign in with an email address and password instead',
    refusedTitle: 'You could not be signed in',
    startAgain: 'Start again',
    settingsIntro:
      'People sign in with their council account at your identity provider (Microsoft Entra ID, Google Workspace or any OpenID Connect provider). Their first sign-in makes their account here; at every sign-in their roles are set from the groups or app roles the provider says they have, using the mappings below.',
    settingsLink: 'Single sign-on',
    settingsHint:
      'Sign in with Microsoft Entra ID or another OpenID Connect provider, and which groups give which roles',
    providerHeading: 'Identity provider',
    callbackHint: 'Register this redirect URI with the provider: {uri}. After signing out people return to {home}.',
    // The settings form's labels and hints.
    displayNameLabel: 'Name on the sign-in button',
    displayNameHint: 'For example, Ashdown Vale Council (Microsoft)',
    issuerLabel: 'Issuer URL',
    issuerHint: 'Entra ID: https://login.microsoftonline.com/<tenant ID>/v2.0. Google: https://accounts.google.com',
    clientIdLabel: 'Client ID',
    clientIdHint: 'Entra ID: the application (client) ID of the app registration',
    clientSecretLabel: 'Client secret',
    clientSecretHint: 'Stored encrypted and never shown again.',
    clientSecretKeptHint: 'Stored encrypted and never shown again. Leave blank to keep the one saved.',
    claimLabel: 'Claim that carries groups or roles',
    claimHint: 'groups for Entra ID security groups, roles for app roles',
    claimValueLabel: 'Claim value',
    claimValueHint: 'An Entra ID group’s object ID, or an app role’s value',
    roleLabel: 'Role',
    overLabel: 'Over',
    actionHeader: 'Action',
    removeMapping: 'Remove the mapping of {claimValue} to {role}',
    saveProvider: 'Save provider',
    providerSaved: 'Identity provider saved',
    mappingsHeading: 'Groups and roles',
    mappingsIntro:
      'Each claim value (an Entra ID group’s object ID, or an app role’s value) gives a role, over the whole council or one unit and everything below it. People whose token carries none of these values cannot sign in.',
    noMappings: 'No claim values are mapped yet: nobody can sign in through the provider until one is.',
    addMapping: 'Add mapping',
    mappingAdded: 'Mapping added',
    mappingRemoved: 'Mapping removed',
    remove: 'Remove',
    wholeCouncil: 'The whole council',
    // Refusals shown to the person signing in.
    failed: 'Signing in through your council’s provider did not work. Start again.',
    notChecked:
      'Your sign-in could not be checked: it may have been started in another tab, taken too long, or been changed on the way. Start again.',
    providerSaidNo: '{provider} did not sign you in. Start again, or ask your IT service desk.',
    noEmail: '{provider} did not give an email address for your account. Ask your IT service desk to add one.',
    noRole:
      'Your {provider} account is not in a group that has access to Golden Thread. Ask your council’s Golden Thread administrator to give your group access.',
    emailTaken:
      'An account with the email address {email} already signs in here with a password. Sign in with your password, or ask an administrator to remove that account so you can use {provider}.',
    emailInUse:
      'Another account here already uses the email address {email}. Ask your council’s Golden Thread administrator.',
    accountClosed: 'Your account here has been closed. Ask your council’s Golden Thread administrator.',
    // Refusals on the settings page.
    onlyAdministrators: 'Only an administrator of the whole council can change single sign-on',
    displayNameMissing: 'Enter the name shown on the sign-in button, like Contoso Council (Microsoft)',
    displayNameLong: 'Enter a name of 100 characters or fewer',
    issuerMissing: 'Enter the issuer URL',
    issuerInvalid: 'Enter the issuer as an https address, like https://login.microsoftonline.com/<tenant ID>/v2.0',
    discoveryFailed:
      'No OpenID Connect configuration could be read from {issuer}/.well-known/openid-configuration. Check the issuer URL',
    clientIdMissing: 'Enter the client ID (the application ID of the app registration)',
    clientSecretMissing: 'Enter the client secret',
    claimInvalid: 'Enter the claim name, like groups or roles',
    claimValueMissing: 'Enter the claim value, like the group’s object ID',
    claimValueLong: 'Enter a claim value of 200 characters or fewer',
    roleMissing: 'Select the role',
    unitUnknown: 'Select a unit of this council, or the whole council',
    providerFirst: 'Save the identity provider before mapping groups to roles',
    mappingNotFound: 'That mapping has already been removed',
    // The council's sign-in rules page: a second factor after single sign-on.
    secondFactorAfterLegend: 'Must people with a second factor also use it after single sign-on?',
    secondFactorAfterHint:
      'Your identity provider usually asks for its own second factor. Choose yes to ask here as well, for anyone who has set one up in Golden Thread.',
    secondFactorAfterYes: 'Yes, ask for a code after single sign-on too',
    secondFactorAfterNo: 'No, the identity provider’s check is enough',
    secondFactorAfterMissing: 'Select whether people must use their second factor after single sign-on',
  },
};
