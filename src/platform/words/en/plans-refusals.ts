/**
 * Plans and their items: why the services refuse a change (kept as stored phrases, said at the
 * edges), the approval step's words, and the history comments the services write into a plan's
 * events (stored as phrases, said on the history page and in the API). Part of the English
 * catalogue (../en.ts); the lifecycle's own refusals are in plans.ts, the form checks in
 * validation.ts (planChecks).
 */
export const plansRefusalsWords = {
  planRefusals: {
    /** The form's fields as messages name them ("Enter {label}", "{label:capital} must be a real date"). */
    fields: {
      periodStart: 'the start of the period',
      periodEnd: 'the end of the period',
    },
    periodTooLong: 'A plan period must be 10 years or shorter',
    sectionTooLong: 'Each section must be {max} characters or fewer',
    amendmentReasons: 'Enter the reasons for the amendment',

    /** Plans: their type, unit, owner and the plan they sit under. */
    planTypeExists: 'Select a type of plan that exists',
    /** {type} is the plan type's name, as the council wrote it. */
    typeRetired: '{type}s are no longer in use: select another type',
    unknownSections: '{type}s have no section called {sections}',
    amendmentSamePeriod:
      'An amendment covers the same period as the version it amends. Roll the plan forward for a new period.',
    mayNotChange: 'You can only change plans for the part of the organisation you are responsible for',
    mayNotLookAfter: 'You can only look after plans for the part of the organisation you are responsible for',
    mayNotStartVersion:
      'You can only start new versions of plans for the part of the organisation you are responsible for',
    ownerWorksHere: 'Select an owner who works here',
    parentPlanNeeded: 'Select the plan this {type} sits under',
    parentPlanArchived: 'The parent plan is archived: select a current plan',
    /** {parent} is a plan type's name, or planOfThatType when it is gone. */
    cannotSitUnder: 'A {type} cannot sit under a {parent}',
    planOfThatType: 'plan of that type',
    underItself: 'A plan cannot sit under itself or a plan below it',
    stale: 'Someone else changed this plan while you were looking at it. Reload the page to see their changes.',
    /** {status} is the open version's status code. */
    versionOpen:
      'Version {version} of this plan is already open ({status}). Finish or archive it before starting another version.',
    versionRace: 'Someone else started a new version of this plan at the same time. Reload the page.',

    /** The lifecycle: who may submit, return, archive. */
    mayNotSubmit:
      "Only the plan's owner or someone who can submit plans for its part of the organisation can submit it",
    /** {step} is the step's name, or theCurrentStep. */
    mayNotReturn: 'Only someone who can approve "{step}", or the plan\'s owner, can return it',
    theCurrentStep: 'the current step',
    mayNotArchive: 'Only a performance officer or administrator for this part of the organisation can archive plans',

    /** Who may take an approval step (plans/domain/approval.ts). */
    noOwner: 'This plan has no owner. Set its owner before it can be signed off.',
    ownerOnly: "Only the plan's owner can sign it off",
    /** {role} is the role's name (said in lower case), or theNamedRole. */
    roleOnly: 'Only a {role:lower} for this plan\'s part of the organisation (or above) can approve "{step}"',
    theNamedRole: 'the named role',
    /** {body} is the governance body's name, or theGovernanceBody. */
    bodyOnly: "Only a member of {body} or a performance officer can record {body}'s approval",
    theGovernanceBody: 'the governance body',
    /** The approve button: "Sign off as owner", "Approve as Director", "Approve as Cabinet". */
    signOffAsOwner: 'Sign off as owner',
    approveAs: 'Approve as {name}',

    /** Items: what they refer to, their codes, removing them. */
    itemTypeExists: 'Select a type of item that exists',
    /** {planType} and {itemType} are aType or anType of the council's type names. */
    cannotHold: '{planType:capital} cannot hold {itemType}',
    aType: 'a {name}',
    anType: 'an {name}',
    itemUnderItself: 'An item cannot sit under itself',
    itemLoop: 'Putting this item under {code} would create a loop: {code} already contributes to this item',
    itemCodeTaken: 'An item with code {code} already exists in this plan',
    /** {count} is itemsOne or itemsMany. */
    itemHasChildren: '{code} cannot be removed while it contains {count}: remove or move them first',
    itemsOne: '{count} item',
    itemsMany: '{count} items',
    /** {count} is linksOne or linksMany. */
    itemHasLinks: '{code} cannot be removed while it has {count}: remove them first',
    linksOne: '{count} contribution link',
    linksMany: '{count} contribution links',
    itemReferenced: 'This item cannot be removed while other records (such as measures) refer to it',
    itemStale:
      'Someone else changed this item while you were editing it: reload it to see their changes, then make yours again',
    mayNotChangeItems: 'You can only change plans owned by the part of the organisation you plan for',

    /** Contribution links. */
    linkToItself: 'An item cannot contribute to itself',
    linkTargetExists: 'Select an item to contribute to that exists',
    linkTargetNotInForce: '{code} is in a plan that is no longer in force: select an item in a current plan',
    alreadyContributes: '{from} already contributes to {to}',
    linkExists: 'This item already contributes to that item',
    linkLoop: 'Linking {from} to {to} would create a loop: {to} already contributes to {from}',

    /** Items and links of a plan that is not a draft: {what} is frozenWhat, {verb} frozenVerb. */
    frozen: {
      approved: '{what} cannot be {verb} an approved plan: start an amendment',
      archived: '{what} cannot be {verb} an archived plan',
      superseded: '{what} cannot be {verb} a superseded plan: change its current version',
      inApproval: '{what} cannot be {verb} a plan that is in approval: return it to draft first',
      /** {status} is the plan's status code. */
      other: '{what} cannot be {verb} a plan that is {status}',
    },
    frozenWhat: { items: 'Items', links: 'Links' },
    frozenVerb: { add: 'added to', change: 'changed in', remove: 'removed from' },
  },

  /** What the services write into a plan's history (plan_events.comment), said when it is shown. */
  planHistory: {
    /** {type} is the plan type's name. */
    approvedNoSteps: 'No approval steps are set for {type}s, so it was approved on submission',
    /** {date} is the ISO date the version took effect. */
    inForceFrom: 'In force from {date}',
    supersededBy: 'Superseded by version {version}',
    amendmentOf: 'Amendment of version {version}',
    amendmentOfBecause: 'Amendment of version {version}: {reason}',
    rollForwardOf: 'Roll forward of version {version}',
    rollForwardOfBecause: 'Roll forward of version {version}: {reason}',
    versionStarted: 'Version {version} started',
    versionStartedBecause: 'Version {version} started: {reason}',
    /** A person's own comment that happens to read as a stored phrase: kept as they wrote it. */
    asWritten: '{text}',
  },
};
