/** Plans' lifecycle: why a plan cannot move, be changed or start a new version now. Part of the English catalogue (../en.ts). */
export const plansWords = {
  /** A plan version's status inside a sentence ("this plan is {status}"). */
  planStatusInSentence: {
    draft: 'draft',
    submitted: 'submitted',
    'in-approval': 'in approval',
    approved: 'approved',
    superseded: 'superseded',
    archived: 'archived',
  },
  /** The lifecycle's refusals (plans/domain/lifecycle.ts); {status} is a planStatusInSentence. */
  planLifecycle: {
    onlyDraftSubmitted: 'Only a draft plan can be submitted; this plan is {status}',
    onlySubmittedApproved: 'Only a submitted plan can be approved; this plan is {status}',
    stepsChanged:
      'The approval steps for this type of plan have changed since it was submitted. Return it to draft and submit it again.',
    notWaitingStep:
      'Step {step} is not the step waiting for approval: "{name}" (step {position}) is. The page may be out of date.',
    onlyWaitingReturned: 'Only a plan waiting for approval can be returned; this plan is {status}',
    returnReason: 'Enter the reasons for returning the plan',
    onlyApprovedSuperseded: 'Only an approved plan can be superseded; this plan is {status}',
    waitingNotArchived: 'A plan waiting for approval cannot be archived. Return it to draft first.',
    alreadyArchived: 'This plan is already archived',
    edit: {
      approved: 'Approved plans cannot be changed. Start an amendment instead.',
      waiting: 'This plan is waiting for approval and cannot be changed. It must be returned to draft first.',
      superseded: 'This version has been superseded by a newer version and cannot be changed.',
      archived: 'Archived plans cannot be changed.',
    },
    newVersionFromDraft: 'This plan is still a draft: change it directly instead of starting a new version.',
    newVersionOnlyFromApproved: 'A new version can only be started from the approved version; this one is {status}.',
  },
};
