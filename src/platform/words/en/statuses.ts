/** Status words: RAG and its reasons, direction of travel, plan, value and person statuses, tags. Part of the English catalogue (../en.ts). */
export const statusesWords = {
  rag: {
    red: 'Red',
    amber: 'Amber',
    green: 'Green',
    'no-data': 'No data',
    overdue: 'Overdue',
    'no-target': 'No target',
  },
  /** Why a value has its RAG status ({status} is a rag word, {detail} one of the clauses below). */
  ragReason: {
    overdue: 'Overdue: no data, which was due by {due}',
    overdueFor: 'Overdue: no data for {period}, which was due by {due}',
    noData: 'No data yet',
    noDataFor: 'No data yet for {period}',
    noDataDue: 'No data yet; due by {due}',
    noDataForDue: 'No data yet for {period}; due by {due}',
    monitorOnly: 'No target (monitor only): {value}',
    noTarget: 'No target set: {value}',
    needsRange: 'No usable target: this measure needs a target range; {value}',
    needsSingleValue: 'No usable target: this measure needs a single target value; {value}',
    judged: '{status}: {detail}',
    against: '{value} against a target of {target}',
    againstBand: '{value} against a target of {target}; {band}',
    withinRange: '{value} is within the target range of {lower} to {upper}',
    belowRange: '{value} is below the target range of {lower} to {upper}; {band}',
    aboveRange: '{value} is above the target range of {lower} to {upper}; {band}',
  },
  /** The amber band named in a RAG reason. */
  ragBand: {
    none: 'no amber band',
    from: 'amber from {lower}',
    upTo: 'amber up to {upper}',
    fromUpTo: 'amber from {lower} up to {upper}',
  },
  /** Direction of travel since a comparison period ({compared} and {moved} are clauses below). */
  direction: {
    noDataThisPeriod: 'Not comparable: no data for this period',
    noDataFor: 'Not comparable: no data for {period}',
    noDataComparison: 'Not comparable: no data for the comparison period',
    compared: '{current} compared with {comparison}',
    comparedIn: '{current} compared with {comparison} in {period}',
    noChange: 'no change',
    up: 'up {change}',
    down: 'down {change}',
    noSignificantChange: 'No significant change: {compared} ({moved})',
    noSignificantChangeWithin: 'No significant change: {compared} ({moved}, within the tolerance of {tolerance})',
    noPreferredDirection: 'Not comparable: {compared} ({moved}); the measure has no preferred direction',
    noTargetRange: 'Not comparable: {compared} ({moved}); no target range to judge against',
    noCloserToRange: 'No significant change: {compared} ({moved}); no closer to the target range',
    improving: 'Improving: {compared} ({moved})',
    worsening: 'Worsening: {compared} ({moved})',
  },
  /** A plan version's place in its lifecycle. */
  planStatus: {
    draft: 'Draft',
    submitted: 'Submitted',
    'in-approval': 'In approval',
    approved: 'Approved',
    superseded: 'Superseded',
    archived: 'Archived',
  },
  /** Individual plans (appraisals) are private: others are told how many there are. */
  individualPlans: {
    peopleOne: '1 person has an approved individual plan.',
    peopleMany: '{count} people have an approved individual plan.',
    notShownOne:
      '1 individual plan is not listed: individual plans are seen only by the person, their line managers, HR and administrators.',
    notShownMany:
      '{count} individual plans are not listed: individual plans are seen only by the person, their line managers, HR and administrators.',
  },
  /** A collected value's place in the entry → publication workflow. */
  valueStatus: {
    'not-entered': 'Not entered',
    draft: 'Draft',
    submitted: 'Submitted',
    returned: 'Returned',
    verified: 'Verified',
    approved: 'Approved',
    published: 'Published',
  },
  appetitePosition: {
    within: 'Within appetite',
    outside: 'Outside appetite',
    'no-data': 'None due',
    'no-appetite': 'No appetite set',
  },
  /** Whether a person still works for the council. */
  personStatus: {
    active: 'Active',
    left: 'Left',
    leftOn: 'Left {date}',
  },
  /** Single-word labels shown as tags (their colours are in status-tags.ts). */
  labelTag: {
    'key-measure': 'Key',
    retired: 'Retired',
    'token-active': 'Active',
    'role-in-force': 'In force',
    'settings-default': 'Defaults',
    'settings-council': 'Set by the council',
  },
} as const;
