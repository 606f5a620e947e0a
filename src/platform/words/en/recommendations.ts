/** The register of recommendations from audit, inspection, peer review, scrutiny and consultation. Part of the English catalogue (../en.ts). */
export const recommendationsWords = {
  recommendations: {
    title: 'Recommendations',
    settingsTitle: 'When overdue recommendations escalate',
    settingsSaved: 'Escalation rule saved',
    registerTitle: 'Register of recommendations',
    registerIntro:
      'Recommendations made to the council by auditors, inspectors, peer reviewers, scrutiny and residents, tracked from the council’s response to the evidence that closed them.',
    reportsTitle: 'Reports',
    source: {
      'internal-audit': 'Internal audit',
      'external-audit': 'External audit',
      inspection: 'Inspection (Ofsted, CQC and others)',
      'peer-review': 'Peer review',
      'scrutiny-review': 'Scrutiny review',
      'residents-survey': 'Residents’ survey',
      complaint: 'Complaint',
    },
    priority: { high: 'High', medium: 'Medium', low: 'Low' },
    response: {
      accepted: 'Accepted',
      'partly-accepted': 'Partly accepted',
      rejected: 'Rejected',
      none: 'Awaiting response',
    },
    status: {
      open: 'Open',
      'in-progress': 'In progress',
      implemented: 'Implemented',
      closed: 'Closed',
      superseded: 'Superseded',
    },
    /** A status in the middle of a sentence. */
    statusInSentence: {
      open: 'open',
      'in-progress': 'in progress',
      implemented: 'implemented',
      closed: 'closed',
      superseded: 'superseded',
    },
    ageBand: {
      'under-3-months': 'Under 3 months',
      '3-to-6-months': '3 to 6 months',
      '6-to-12-months': '6 to 12 months',
      'over-12-months': 'Over 12 months',
    },
    overdueTag: 'Overdue',
    daysOverdue: '{days} days overdue',
    daysOpen: '{days} days',
    noDueDate: 'No due date agreed',
    /** What changed, as the recommendation's history says it. */
    history: {
      created: 'Recommendation recorded',
      response: 'Response recorded: {response}',
      revised: 'Due date revised from {from} to {to}',
      revisedByBody: 'Due date revised from {from} to {to}, agreed by {body} ({reference})',
      status: 'Status changed from {from} to {to}',
      notifiedDue: 'Reminder sent to {name}: due on {due}',
      notifiedEscalation: 'Escalated to {name}: overdue since {due}',
    },
    /** Why a change was refused (each names the field it concerns). */
    refusals: {
      dueBeforeReport: 'The due date must be on or after the report’s date, {reportDate}',
      'partly-acceptedNeedsReason': 'Enter why the recommendation was only partly accepted',
      rejectedNeedsReason: 'Enter why the recommendation was rejected',
      revisionNeedsReason: 'Enter the reason for the new due date',
      extensionNeedsReference: 'Enter the decision reference, such as the minute number, of the committee’s agreement',
      referenceNeedsBody: 'Select the committee that agreed the extension, or leave the decision reference blank',
      revisionSameDate: 'The new due date is the same as the current one',
      alreadyFinished: 'The recommendation is {status}, so it can no longer be changed',
      sameStatus: 'The recommendation already has this status',
      closeNeedsEvidence: 'Enter the evidence that the recommendation has been dealt with before closing it',
      supersededNeedsReason: 'Enter why the recommendation has been superseded',
      rejectedNotImplemented:
        'A rejected recommendation cannot be in progress or implemented: close it or mark it superseded',
      respondFirst: 'Record the council’s response before marking the recommendation in progress or implemented',
      actionsUnfinished: 'The actions implementing it are not finished yet ({actions})',
      ownerLeft: '{name} has left the council, so cannot own a recommendation',
      ownerUnknown: 'Select an owner who works for the council',
      unitUnknown: 'Select a unit of the council',
      bodyUnknown: 'Select a governance body of the council',
      reportUnknown: 'Select a report of the council',
      notPermitted: 'You do not have permission to change recommendations for this unit',
      settingsNotPermitted:
        'Only someone who manages the framework for the whole council can change when recommendations escalate',
    },
    /** Import and export of the register. */
    file: {
      chooseFile: 'Choose a CSV or Excel file of recommendations',
      columnMissing: 'The file has no “{column}” column (the header row must name it)',
      /** Two sentences of the file's problems, one after the other. */
      andThen: '{first}. {rest}',
      fileType: 'Send the file as the request body with content-type text/csv or {xlsx}',
      unknownReport: 'no report with reference or title “{value}”',
      unknownPerson: 'no person with e-mail address “{value}”',
      leftPerson: '{value} has left the council',
      unknownUnit: 'no unit with code “{value}”',
      imported: '{count} recommendations imported',
      noRows: 'The file has no recommendations below its header row',
    },
    notifications: {
      dueSubject: 'Recommendation due: {reference} from {report}',
      dueText:
        'The recommendation {reference} from “{report}” ({source}) is due on {due}. Please update its status, or ask for a revised date with a reason.',
      escalationSubject: 'Overdue recommendation: {reference} from {report}',
      escalationText:
        'The recommendation {reference} from “{report}”, owned by {owner}, was due on {due} and is now {days} days overdue.',
      link: 'See the recommendation: {link}',
    },
  },
  recommendationFlash: {
    added: 'Recommendation added',
    reportAdded: '{title} added',
    responseRecorded: 'Response recorded',
    dueDateRevised: 'Due date revised',
    statusUpdated: 'Status updated',
    closed: 'Recommendation closed',
    importRefusedOne: '1 problem was found in the file: nothing was imported',
    importRefused: '{count} problems were found in the file: nothing was imported',
    importRefusedPageOne:
      '1 problem was found in the file: nothing was imported. Correct the row listed and import it again.',
    importRefusedPage:
      '{count} problems were found in the file: nothing was imported. Correct the rows listed and import it again.',
  },
};
