/** The audit trail page: its filters, table and summary, and how a change reads. Part of the English catalogue (../en.ts). */
export const auditWords = {
  audit: {
    title: 'Audit trail',
    lead: 'Every change made in Golden Thread in your organisation: who made it, when, and what it changed. Records cannot be edited or deleted.',
    filterEvents: 'Filter events',
    whatChanged: 'What changed',
    whoChanged: 'Who made the change',
    from: 'From',
    fromHint: 'For example, 1 4 2025',
    to: 'To',
    toHint: 'For example, 30 6 2025',
    applyFilters: 'Apply filters',
    clearFilters: 'Clear filters',
    download: 'Download these events as a spreadsheet (CSV)',
    caption: 'Audit events, newest first',
    when: 'When',
    who: 'Who',
    what: 'What',
    action: 'Action',
    changes: 'Changes',
    reason: 'Reason',
    allTypes: 'All types',
    anyone: 'Anyone',
    noEvents: 'No events match these filters.',
    showing: 'Showing {first} to {last} of {total} events, newest first.',
    /** How a stored value reads in a change line. */
    values: {
      blank: '(blank)',
      yes: 'yes',
      no: 'no',
      none: '(none)',
      removed: '(removed)',
    },
    fields: {
      from: 'the date to start from',
      to: 'the date to end on',
    },
    errors: {
      entityTypeLong: 'Entity type is too long',
      choosePerson: 'Select a person from the list',
      pageWhole: 'Page must be a whole number',
      pageOne: 'Page must be 1 or more',
      endBeforeStart: 'The end date must be the same as or after the start date',
      notAllowed: 'You do not have permission to see the audit trail',
      tooMany: 'More than {limit} events match: choose a shorter date range or a filter',
    },
  },
  /**
   * Who made a change when no person did: the trail keeps the phrase (phraseText) as the actor's
   * label and says it with sayActor, so it reads in the reader's words. The English is what these
   * rows held before, which older rows still show as written.
   */
  auditActors: {
    signInPage: 'Someone at the sign-in page',
    signingIn: 'Someone signing in',
    singleSignOn: 'Single sign-on',
    createOrganisationCommand: 'Command line (create-organisation)',
    defaultFramework: 'System (default framework)',
    escalationJob: 'Escalation job',
    improvementPlanJob: 'Improvement plan job',
    recommendationNotices: 'Golden Thread',
    demoSeed: 'Demo council seed',
  },
};
