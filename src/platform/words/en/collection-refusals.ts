/**
 * Why data collection refuses a figure or a step of its sign-off: stored phrases (phraseText) the
 * collection domain and services return, said where they leave the app (form errors, problem JSON,
 * import reports). Part of the English catalogue (../en.ts).
 */
export const collectionRefusalsWords = {
  /** Fields as the shared input checks name them ("{label:capital} must be…"). */
  collectionFields: {
    commentary: 'commentary',
    reason: 'reason',
  },
  collectionRefusals: {
    enterPeriod: 'Enter the period',
    categoryExists: 'Select a breakdown category that exists',
    chooseQuality: 'Select estimated, provisional or final',
    evidenceAddress: 'Enter the evidence link as a full web address, like https://…',
    saveOrSubmit: 'Choose to save a draft or submit',
    chooseAction: 'Choose an action',
    categoryOf: 'Select a breakdown category of {code}',
    periodLocked: '{period} is locked after approval. A performance officer can reopen it, giving a reason.',
    explainPerformance: 'Add commentary explaining the performance: {reason}',
    savedAtOnce: 'Someone else saved this value at the same moment. Nothing was saved; try again.',
    enteredAtOnce: 'Someone else entered this value at the same moment. Nothing was saved; reload and check theirs.',
    changedAtOnce: 'Someone else changed this value at the same moment; try again.',
    signOffAdminOnly: 'Only an administrator can change how values are signed off',
    rulesAdminOnly: 'Only administrators of the whole council can change the collection rules',
    /**
     * Two people saved the same figure: both versions side by side. {when} is alreadyStored or
     * savedSinceOpened; {status} is the stored value's status code.
     */
    conflict:
      '{code} {period} {when}. Stored version {version} ({status}): {stored}, {storedCommentary}. Your version: {yours}, {yourCommentary}. Nothing was saved: check both and save again.',
    alreadyStored: 'already has a stored value',
    savedSinceOpened: 'was saved by someone else after you opened it',
    noValue: 'no value',
    noCommentary: 'no commentary',
    commentary: '“{text}”',
  },
  /** A sign-off step refused by the workflow (collection/domain/workflow.ts): {action} is a verb below. */
  workflowRefusals: {
    cannotFrom: 'You cannot {action} a value that is {status}',
    onlyWho: 'Only {who} can {action} this value',
    someoneElse: 'Someone else must {action} this value',
    giveReason: 'Give a reason to {action} this value',
    verbs: {
      change: 'change',
      save: 'save',
      submit: 'submit',
      verify: 'verify',
      return: 'return',
      approve: 'approve',
      publish: 'publish',
      reopen: 'reopen',
    },
    statusNow: {
      none: 'not yet entered',
      draft: 'a draft',
      submitted: 'submitted',
      returned: 'returned for correction',
      verified: 'verified',
      approved: 'approved (the period is locked)',
      published: 'published (the period is locked)',
    },
    who: {
      canEnter: 'a person assigned to enter data for this measure',
      canVerify: 'the measure’s verifier',
      canApprove: 'a director or performance officer',
      canReopen: 'a performance officer',
    },
  },
};
