/** Words of actions (activity trackers): statuses, why a status is derived, escalation and history. Part of the English catalogue (../en.ts). */
export const actionsWords = {
  actionStatus: {
    'not-started': 'Not started',
    'on-track': 'On track',
    'at-risk': 'At risk',
    'off-track': 'Off track',
    complete: 'Complete',
    cancelled: 'Cancelled',
    terminated: 'Terminated',
  },
  /** Why the derived status is what it is (domain/status.ts, DerivedReason). */
  actionsDerived: {
    closed: 'Closed',
    'not-started': 'Not started yet: it starts later and nothing is done',
    'overdue-under': '{daysOverdue} days overdue and {percent}% complete, under {below}%',
    overdue: '{daysOverdue} days overdue at {percent}% complete',
    behind: '{percent}% complete, {behindBy} points behind the {expected}% expected by now',
    'on-course': '{percent}% complete; {expected}% expected by now',
  },
  actionsEscalation: {
    offTrackUpdates: 'off track in its last {n} updates',
    overdueDays: 'overdue by {n} days',
    subject: 'Action {code} escalated to you: {title}',
    body: 'Dear {name},\n\nAction {code} ({title}) has been escalated to you as its escalation owner on {raised}: it is {why}.\n\nPlease record your decision (more resource, re-plan with a new date, or terminate) with your reason:\n{link}\n',
    waiting: 'Waiting for a decision',
  },
  escalationDecision: {
    'more-resource': 'More resource',
    're-plan': 'Re-plan with a new date',
    terminate: 'Terminate',
  },
  actionEvent: {
    created: 'Action created',
    edited: 'Details changed',
    'date-revised': 'Due date revised',
    'revision-requested': 'Revised due date asked for',
    'revision-approved': 'Revised due date approved',
    'revision-rejected': 'Revised due date rejected',
    closed: 'Closed',
    'milestone-added': 'Milestone added',
    'milestone-completed': 'Milestone completed',
    escalated: 'Escalated',
    'escalation-decided': 'Escalation decided',
  },
  revisedDateApprover: {
    none: 'Nobody: a revised date counts at once',
    'escalation-owner': "The action's escalation owner",
  },
};
