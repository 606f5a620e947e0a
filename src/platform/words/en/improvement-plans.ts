/** Improvement plans for adverse performance: statuses, triggers, steps, the work queue. Part of the English catalogue (../en.ts). */
export const improvementPlansWords = {
  improvementPlanStatus: {
    draft: 'Draft',
    submitted: 'Submitted to panel',
    'sent-back': 'Sent back',
    agreed: 'Agreed',
    'in-progress': 'In progress',
    closed: 'Closed',
    withdrawn: 'Withdrawn',
  },
  improvementPlanTrigger: {
    red: 'Red',
    'spc-concern': 'Special-cause concern (SPC)',
  },
  improvementPlanDecision: {
    agreed: 'Agreed',
    'sent-back': 'Sent back',
  },
  /** The lifecycle's refusals (domain/lifecycle.ts), with the status and step said in a sentence. */
  improvementPlanRefusals: {
    notFromStatus: 'This improvement plan is {status}, so it cannot be {step}',
    notDecidable:
      'This improvement plan is {status}, so it cannot be {step}: the panel decides only on a plan submitted to it',
    closingSummary: 'Enter a closing summary: what the plan achieved',
    oneActionOpen: '1 of the plan’s actions is still open: give a reason for closing the plan before they are finished',
    actionsOpen:
      '{count} of the plan’s actions are still open: give a reason for closing the plan before they are finished',
    withdrawReason: 'Enter why the improvement plan is withdrawn',
  },
  improvementPlanInSentence: {
    status: {
      draft: 'a draft',
      submitted: 'submitted to the panel',
      'sent-back': 'sent back by the panel',
      agreed: 'agreed',
      'in-progress': 'in progress',
      closed: 'closed',
      withdrawn: 'withdrawn',
    },
    step: {
      edit: 'changed',
      submit: 'submitted to the panel',
      decide: 'decided on',
      start: 'started',
      close: 'closed',
      withdraw: 'withdrawn',
    },
  },
  improvementPlanEvent: {
    create: 'Plan started',
    edit: 'Plan changed',
    submit: 'Submitted to the panel',
    agreed: 'Agreed by the panel',
    'sent-back': 'Sent back by the panel',
    start: 'Work started',
    close: 'Closed',
    withdraw: 'Withdrawn',
  },
  improvementPlans: {
    title: 'Improvement plans',
    neededTitle: 'Improvement plans needed',
    settingsTitle: 'Improvement plan settings',
    homeWaiting: 'You are asked for {count} improvement plan(s)',
    homeNone: 'No improvement plans are asked of you.',
    homeLink: 'Improvement plans needed',
    created: 'Improvement plan started as a draft',
    saved: 'Improvement plan saved',
    submitted: 'Improvement plan submitted to the panel',
    started: 'Improvement plan marked as in progress',
    closed: 'Improvement plan closed',
    withdrawn: 'Improvement plan withdrawn',
    decisionAgreed: 'The panel’s decision is recorded: agreed',
    decisionSentBack: 'The panel’s decision is recorded: sent back',
    settingsSaved: 'Improvement plan settings saved',
    addAction: 'Add an action',
  },
};
