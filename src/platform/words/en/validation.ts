/**
 * What a person is told when what they typed or asked for cannot be accepted: the domain's refusals
 * and zod messages, kept as stored phrases (`phraseText`) and said at the edges. Part of the English
 * catalogue (../en.ts). A field's name is a parameter: {label} as written, {label:capital} opening a
 * sentence.
 */
export const validationWords = {
  /** The shared input checks in src/kernel/inputs.ts and src/kernel/measurement/numbers.ts. */
  inputs: {
    enter: 'Enter {label}',
    tooLong: '{label:capital} must be {max} characters or fewer',
    dateLike: '{label:capital} must be a real date, like 2025-04-01',
    realDate: '{label:capital} must be a real date',
    number: '{label:capital} must be a number, like 70 or 12.5',
    wholeNumber: '{label:capital} must be a whole number from {min} to {max}',
    money: 'Enter an amount of money in pounds and pence, like £1,234.56',
  },
  /** Fields as messages name them: "Enter {label}", "{label:capital} must be…". */
  fieldNames: {
    aName: 'a name',
    aTitle: 'a title',
    description: 'description',
    aNameForTheToken: 'a name for the token',
    jobTitle: 'job title',
    theDateTheyLeft: 'the date they left',
    aSectionTitle: 'a section title',
    hint: 'hint',
    aStepName: 'a step name',
    aSectionKey: 'a section key',
    aKey: 'a key',
  },
  /** RAG thresholds checked when they are saved. */
  thresholdChecks: {
    percentNegative: 'The amber percentage cannot be negative',
    amountNegative: 'The amber amount cannot be negative',
    amberStartAbove: 'Amber must start at or below the target ({target}), not at {amber}',
    amberEndBelow: 'Amber must end at or above the target ({target}), not at {amber}',
    giveAmberStart: 'Give the value where amber starts',
    giveAmberEnd: 'Give the value where amber ends',
  },
  /** Target plans checked when they are saved. */
  targetPlanChecks: {
    notANumber: 'Every target must be a number',
    rangeBackwards: 'A target range must run from the lower to the upper value, not {lower} to {upper}',
    profiledNeedsSum: 'A profiled target spreads a year-end total, so it needs a measure that is summed over the year',
    weightCount: 'A {frequency} profile needs {count} weights, one for each period, not {given}',
    negativeWeight: 'Profile weights cannot be negative',
    noWeight: 'At least one profile weight must be above zero',
  },
  /** The organisation’s records: units, people, roles, bodies, partners, portfolios, tokens, and a new council (the CLI). */
  organisationChecks: {
    bodyKind: 'Select the kind of body',
    bodyRoleListed: 'Select what the body does from the list',
    bodyRoleNeeded: 'Select at least one thing the body does',
    person: 'Select a person',
    personExists: 'Select a person who exists',
    memberRole: 'Select their role on the body',
    councilName: 'Give the organisation a name (--name)',
    councilNameShort: 'The name must be at least 3 characters (--name)',
    slug: 'Give a short web name (--slug), like ashdown-vale',
    slugLetters: 'The short web name (--slug) can only have lower-case letters, numbers and single hyphens',
    yearStart: 'The financial year must start in month 1 to 12',
    adminName: 'Name the first administrator (--admin-name)',
    adminEmail: 'Give the administrator’s email address (--admin-email)',
    adminPassword: 'The administrator’s password must be at least 12 characters (ADMIN_PASSWORD)',
    partnerKind: 'Select the kind of partner',
    passwordNotHere:
      'You cannot set someone’s password here. They set their own from a password reset link, so no one else knows it',
    email: 'Enter an email address',
    emailLong: 'Email address must be 254 characters or fewer',
    emailFormat: 'Enter an email address in the correct format, like name@example.gov.uk',
    unitExists: 'Select a unit that exists',
    lineManagerExists: 'Select a line manager who exists',
    holderExists: 'Select a portfolio holder who exists',
    unitsExist: 'Select units that exist',
    unitOnce: 'Select each unit only once',
    role: 'Select a role',
    partnerExists: 'Select a partner organisation that exists',
    partnerNeeded: 'Select the partner organisation this person belongs to',
    partnerOnlyForPartners: 'Only the partner role names a partner organisation',
    unitCode: 'Enter a code',
    unitCodeLong: 'Code must be 20 characters or fewer',
    unitCodeLetters: 'Code can only contain letters, numbers, hyphens, full stops and underscores',
    unitName: 'Enter a name',
    unitNameLong: 'Name must be 200 characters or fewer',
    unitKind: 'Select the kind of unit',
    parentExists: 'Select a parent unit that exists',
    headExists: 'Select a head of unit who exists',
  },
  /** The framework: plan and item types, their sections, and the approval steps of plans. */
  frameworkChecks: {
    active: 'Active must be yes or no',
    level: 'Enter the level as a whole number, like 4',
    levelMin: 'Level must be 1 or more (1 is the top of the golden thread)',
    distinctPerson: 'Say whether the step must be taken by a different person',
    stepKind: 'Select who approves at this step',
    role: 'Select a role',
    body: 'Select a governance body',
    stepRole: 'Select the role that approves at this step',
    stepBody: 'Select the governance body that approves',
    parentTypesExist: 'Select plan types that exist',
    itemTypesExist: 'Select item types that exist',
    itemTypeNeeded: 'Select at least one item type this plan type may hold',
    bodyExists: 'Select a governance body that exists',
    keyLetters: '{label:capital} can only contain letters, numbers and single hyphens, like service-plan',
    levelMax: 'Level must be {max} or less',
    typeAtLevel: '{name} (level {level})',
    underItself: '{type} cannot sit under itself',
    cycle: '{type} cannot sit under {parent}, because {parent} already sits under {type}',
    parentNotHigher: '{type} cannot sit under {parent}: a plan type can only sit under types with a lower level number',
    childNotLower:
      '{child} cannot sit under {type}: choose a level above {childLevel} for {typeName}, or change what {childName} sits under first',
    sectionKeyTaken: 'This plan type already has a section with the key {key}',
    roleCannotApprove: 'The {role} role cannot approve plans: choose one of {roles}',
    bodyDoesNotApprove:
      '{body} does not approve plans: choose a body that approves, or change what {body} does in its governance settings',
  },
};
