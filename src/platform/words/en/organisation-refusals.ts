/**
 * Why the organisation module refuses a change to its records (people, roles, password links,
 * units, portfolios, partners, governance bodies, a new council): stored phrases (phraseText) its
 * services return, said where they leave the app. Checks a form's fields fail are organisationChecks
 * (validation.ts). {name} is a person's or a record's name, {role} a role's name. Part of the
 * English catalogue (../en.ts).
 */
export const organisationRefusalsWords = {
  organisationRefusals: {
    // People.
    emailTaken: 'Someone in the organisation already has the email address {email}',
    ownLineManager: 'A person cannot be their own line manager',
    managerHasLeft: '{name} has left, so cannot be a line manager',
    managerReportsToPerson:
      '{name} reports to this person (directly or through others), so cannot be their line manager',
    addOutsideYourPart: 'You can only add people to the part of the organisation you manage people for',
    changeOutsideYourPart: 'You can only change people in the part of the organisation you manage people for',
    holdsMoreRights:
      '{name} holds rights that you do not ({role}), so you cannot change their record, their leaving or their roles; ask an administrator for the whole organisation',
    leftInFuture: 'The date they left must be today or in the past',
    alreadyLeft: '{name} has already left',
    cannotLeaveYourself: 'You cannot record yourself as having left; ask a colleague',
    onlyAdministratorLeaving:
      '{name} is the council’s only administrator: make someone else an administrator for the whole organisation before recording that they have left',
    linkOutsideYourPart: 'You can only send links to people in the part of the organisation you manage people for',
    linkForLeaver: '{name} has left, so cannot be sent a link to set a password',
    // Roles.
    roleForLeaver: '{name} has left, so cannot be given a role',
    grantOutsideYourPart: 'You can only grant roles within the part of the organisation you administer',
    grantWholeOrganisation:
      'Only an administrator for the whole organisation can grant a role over the whole organisation',
    grantBeyondYou: 'You cannot grant the {role} role there: it allows things you may not do there yourself',
    roleAlreadyHeld: '{name} already holds the {role} role there',
    roleAlreadyEnded: 'This role assignment has already ended',
    endOutsideYourPart: 'You can only end roles within the part of the organisation you administer',
    endOwnAdministrator: 'You cannot end your own administrator role; ask another administrator',
    lastAdministrator:
      'This is the council’s last administrator role for the whole organisation: make someone else an administrator before ending it',
    // Units, portfolios, partners and governance bodies.
    unitOutsideYourPart: 'You can only add units inside the part of the organisation you manage',
    unitCodeTaken: 'A unit with code {code} already exists',
    unitUnderItself: 'A unit cannot sit under itself or one of its own units',
    portfolioNameTaken: 'A portfolio called {name} already exists',
    portfoliosWholeOrganisation:
      'Only someone who manages the structure of the whole organisation can change cabinet portfolios',
    holderHasLeft: '{name} has left, so cannot hold a portfolio',
    partnerNameTaken: 'A partner called {name} already exists',
    partnersWholeOrganisation: 'Only someone who manages governance for the whole organisation can change partners',
    bodyNameTaken: 'A governance body called {name} already exists',
    bodiesWholeOrganisation:
      'Only someone who manages governance for the whole organisation can change governance bodies',
    alreadyMember: 'This person is already a member of the body',
    memberHasLeft: '{name} has left, so cannot join the body',
    alreadyMemberOf: '{name} is already a member of {body}',
    alreadyChair: '{name} already chairs {body}; remove them as chair first',
    // A new council (the CLI).
    slugTaken: 'An organisation with the short web name {slug} already exists',
  },
};
