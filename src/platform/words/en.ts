/**
 * Every word the product shows a person, in English: one catalogue, so the words are written once
 * and a Welsh catalogue (cy.ts, the same shape) can be added beside it. The domain returns codes
 * and parameters; presenters and templates turn them into these words. Placeholders are {name}.
 */
export const en = {
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
  /** Where a risk or measure sits against the council's appetite. */
  /** Value sign-off with two pairs of eyes, and the chain a council chooses. */
  signOff: {
    'entered-cannot-verify': 'You entered this value, so someone else must verify it',
    'entered-cannot-approve': 'You entered this value, so someone else must approve it',
    'verified-cannot-approve': 'You verified this value, so someone else must approve it',
    chainVerifyThenApprove: 'Submit, verify, then approve',
    chainVerifyThenApproveHint: 'Three people: one enters, a second verifies and a third approves',
    chainApproveDirectly: 'Submit, then approve',
    chainApproveDirectlyHint: 'Two people: one enters and a second approves straight from submitted',
    chainChanged: 'Sign-off chain changed to “{chain}”',
    chooseChain: 'Select how values are signed off',
  },
  /** Who may take each sign-off step, the sign-off work queue and the verifier's page. */
  signOffQueue: {
    settingsTitle: 'How values are signed off',
    settingsSaved: 'Sign-off settings saved',
    whoSaved: '{lead}. Who verifies: {verify}. Who approves: {approve}',
    settingsChanged: 'Who signs off values changed',
    verifyLegend: 'Who verifies a value',
    approveLegend: 'Who approves a value',
    nowVerify: 'Verified by: {who}',
    nowApprove: 'Approved by: {who}',
    kindPermissionVerify: 'Anyone who may verify values for the measure’s unit or a unit above it',
    kindPermissionApprove: 'Anyone who may approve values for the measure’s unit or a unit above it',
    kindPermissionVerifyHint:
      'Also the measure’s named verifier. A role held over a directorate covers its services, so a director can delegate to service managers',
    kindPermissionApproveHint: 'A role held over a directorate covers its services',
    kindRole: 'Someone holding a chosen role for the measure’s unit or a unit above it',
    kindUnitHead: 'The head of the unit that owns the measure',
    kindUnitHeadHint:
      'Where the unit has no head, the nearest head above it; where no unit above has one, anyone who may {verb} values there',
    kindMeasureVerifier: 'The measure’s named verifier',
    kindMeasureVerifierHint: 'Where a measure names no verifier, anyone who may verify values for its unit or above',
    kindBody: 'The members of a governance body',
    roleLabelVerify: 'Role that verifies',
    roleLabelApprove: 'Role that approves',
    roleHint: 'When someone holding a chosen role takes this step',
    bodyLabelVerify: 'Governance body that verifies',
    bodyLabelApprove: 'Governance body that approves',
    bodyHint: 'When the members of a governance body take this step',
    chooseRole: 'Select a role',
    chooseBody: 'Select a governance body',
    whoPermission: 'anyone who may {verb} values for the measure’s unit or above',
    whoPermissionVerify:
      'anyone who may verify values for the measure’s unit or above, or the measure’s named verifier',
    whoRole: 'a {role} for the measure’s unit or above',
    whoUnitHead: 'the head of the measure’s unit',
    whoMeasureVerifier: 'the measure’s named verifier',
    whoBody: 'a member of {body}',
    refused: 'Only {who} may {action} this value: that is the council’s sign-off rule for who {doesStep}',
    verifies: 'verifies',
    approves: 'approves',
    problemSelectWho: 'Select who {doesStep}',
    problemKindNotForStep: 'Only the verify step can be given to the measure’s named verifier',
    problemRoleMissing: 'Select the role that {doesStep}',
    problemRoleCannot: 'The {role} role cannot {verb} values: choose one of {roles}',
    problemBodyMissing: 'Select the governance body that {doesStep}',
    problemBodyUnknown: 'Select a governance body that exists',
    queueTitle: 'Sign-off',
    navigation: 'Sign-off',
    queueIntro:
      'Values waiting for you to verify or approve, oldest first. Only values you may sign off are listed: not those you entered, nor those you verified when a third person approves.',
    countVerify: 'To verify',
    countApprove: 'To approve',
    waitingVerify: 'Waiting for you to verify',
    waitingApprove: 'Waiting for you to approve',
    noneVerify: 'Nothing is waiting for you to verify.',
    noneApprove: 'Nothing is waiting for you to approve.',
    columnMeasure: 'Measure',
    columnPeriod: 'Period',
    columnValue: 'Value',
    columnEnteredBy: 'Entered by',
    columnWaitingSince: 'Waiting since',
    homeWaiting: 'Values waiting for your sign-off: {verify} to verify and {approve} to approve',
    homeNone: 'No values are waiting for your sign-off.',
    homeLink: 'Your sign-off queue',
    figureHeading: 'The figure',
    keyValue: 'Value',
    keyRating: 'Against the target',
    keyCommentary: 'Commentary',
    keyQuality: 'How reliable',
    keyEvidence: 'Evidence',
    keyEnteredBy: 'Entered by',
    keyVerifiedBy: 'Verified by',
    noCommentary: 'No commentary',
    noEvidence: 'No evidence link',
    evidenceLink: 'Open the evidence',
    notRated: 'Not rated: no target applies',
    byOn: '{name} on {when}',
    unknownPerson: 'Unknown',
    quality: { final: 'Final', provisional: 'Provisional', estimated: 'Estimated' },
    recentHeading: 'Previous periods',
    recentCaption: 'The values of the periods before {period}',
    recentNone: 'No values for earlier periods.',
    columnStatus: 'Status',
    decisionHeading: 'Sign-off',
    reasonLabel: 'Reason',
    reasonHint: 'Required to return a value or reopen a period',
    actionVerify: 'Verify',
    actionApprove: 'Approve (locks the period)',
    actionReturn: 'Return for correction',
    actionPublish: 'Publish',
    actionReopen: 'Reopen the period',
    noValue: 'No value',
  },
  /** Checks a figure passes when it is entered. */
  entryChecks: {
    periodNotEnded: '{period} has not ended yet (it ends on {end}): enter its value once the period is over',
    timesUsual: '{value} is {times} times the usual figure of {usual} — check the units',
    fractionOfUsual: '{value} is a {times}th of the usual figure of {usual} — check the units',
    outsideLimits: '{value} is outside the usual range of {lower} to {upper} for this measure',
    jump: '{value} is a much bigger change from the previous figure ({previous}) than usual (changes are usually under {usualChange})',
    confirm: 'If the figure is right, tick “I have checked this figure” and explain it in the commentary',
    confirmApi: 'If the figure is right, send it again with confirmImplausible: true and commentary explaining it',
    checked: 'I have checked this figure',
    importWarning: 'Check this figure: {detail}. Import again with the warnings acknowledged to load it',
  },
  /** Import rows the plausibility check warned about, written only once confirmed. */
  importWarnings: {
    confirm:
      'Some figures are far from their measure’s usual range: if they are right, tick “I have checked the figures the check warned about” and import the file again',
  },
  /** A measure that takes an estimate for its current, unfinished period. */
  inPeriodEstimates: {
    setting: 'Take an estimate for the current period',
    settingHint:
      'A figure for the period not yet over is accepted only with the data quality “Estimated”; enter the final figure once the period is over',
    row: 'Estimate for the current period',
    allowed: 'Taken, marked as estimated',
    notAllowed: 'Not taken: values only once the period is over',
    mustBeEstimated:
      '{period} has not ended yet (it ends on {end}): this measure takes an estimate for the current period, so set the data quality to estimated, or enter the value once the period is over',
    onlyCurrent:
      '{period} has not ended yet (it ends on {end}): an estimate is taken only for the current period, {current}',
  },
  /** Figures with their state and commentary, and targets checked against the process (measure-figures). */
  measureFigures: {
    targetCheck: {
      'target-cannot-be-met': {
        upper:
          'A target of {target} is above the upper process limit of {limit}: it cannot be met without changing the process',
        lower:
          'A target of {target} is below the lower process limit of {limit}: it cannot be met without changing the process',
        range:
          'A target range of {target} lies outside the process limits of {lower} to {upper}: it cannot be met without changing the process',
      },
      'target-always-met': {
        upper:
          'A target of {target} is above the upper process limit of {limit}: the process meets it every period as it runs, so it does not ask for improvement',
        lower:
          'A target of {target} is below the lower process limit of {limit}: the process meets it every period as it runs, so it does not ask for improvement',
        range:
          'A target range of {target} holds the process limits of {lower} to {upper}: the process meets it every period as it runs, so it does not ask for improvement',
      },
      trial: '{warning} (trial limits, from fewer than 12 official figures)',
      saved: '{done}. {warning}',
      imported: 'Target accepted: {warning}',
      importWarningsCaption: 'Targets to check against the process (line numbers count the header as line 1)',
    },
    imports: {
      writtenWithWarnings: 'Imported {kind}, with warnings',
      warning: 'Warning',
    },
    quality: {
      estimated: 'Estimated',
      provisional: 'Provisional',
      final: 'Final',
    },
    notYetOfficial: 'Not yet official',
    noCommentary: 'None',
    periods: {
      heading: 'Period by period',
      caption: 'Figures for {code} by period, newest first',
      captionLatest: 'The latest {count} figures for {code}, newest first',
      lead: 'Every figure entered, with its target, status, direction of travel, data quality, sign-off and commentary. A figure that is not yet official or not final is marked as such: it is not counted in the status, SPC or forecast until it is official.',
      region: 'Figures by period (scrolls sideways on a small screen)',
      period: 'Period',
      value: 'Value',
      target: 'Target',
      rag: 'Status',
      direction: 'Since the previous period',
      quality: 'Quality',
      signOff: 'Sign-off',
      commentary: 'Commentary',
    },
    chart: {
      solid: 'Solid point: official, final figure',
      hollowNotOfficial: 'Hollow point: not yet official ({status}), drawn only, not used for the limits',
      hollowQuality: 'Hollow point: {quality} figure',
      marking: 'Marking',
      caption:
        'Points coloured blue are special cause improvement, red special cause concern, grey common cause. Hollow points are figures not yet official (drawn, but not used for the mean or limits) or estimated or provisional figures. The table gives every figure, how it is marked and which rule flagged each point.',
      notOfficialPoint: 'Not yet official',
    },
    dashboard: {
      commentary: 'Commentary: {commentary}',
    },
    entry: {
      notYetOfficial:
        'Not yet official: the council counts a figure once it is {officialFrom}; until then it is provisional and left out of the status, SPC chart and reports',
      quality: '{quality} figure',
    },
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
  performance: {
    noStatusYet: 'No data: no status has been worked out for {period} yet',
    notYetOfficial: {
      heading: 'Figures not yet official',
      lead: 'The council counts a figure once it is {officialFrom}. Until then it is left out of the status, the SPC chart, the forecast and every report.',
      caption: 'Figures waiting for sign-off',
      period: 'Period',
      value: 'Value',
      status: 'Sign-off',
    },
    officialFrom: {
      submitted: 'submitted',
      verified: 'verified',
      approved: 'approved',
    },
    councilWide: 'Council-wide (no directorate)',
    direction: {
      improving: 'Improving',
      worsening: 'Worsening',
      'no-significant-change': 'No significant change',
      'not-comparable': 'Not comparable',
    },
    variation: {
      'common-cause': 'Common cause variation: no significant change',
      'improvement-high': 'Special cause improvement: unusually high',
      'improvement-low': 'Special cause improvement: unusually low',
      'concern-high': 'Special cause concern: unusually high',
      'concern-low': 'Special cause concern: unusually low',
      'neutral-high': 'Special cause: unusually high (neither better nor worse)',
      'neutral-low': 'Special cause: unusually low (neither better nor worse)',
      none: 'Not enough data for SPC',
    },
    assurance: {
      'consistently-meets': 'Consistently meets the target',
      'consistently-fails': 'Consistently fails the target',
      'hit-and-miss': 'Hit and miss: will sometimes meet the target and sometimes miss it',
      'not-applicable': 'No assurance assessment',
    },
    pointType: {
      'common-cause': 'Common cause',
      'special-cause-improvement': 'Special cause improvement',
      'special-cause-concern': 'Special cause concern',
      'special-cause-neutral': 'Special cause (neutral)',
    },
    spcRule: {
      'outside-limits': 'Outside the process limits',
      shift: 'Run of 7 or more on one side of the mean',
      trend: '7 or more rising or falling in a row',
      'two-in-three': '2 of 3 close to a process limit',
    },
    noSpcRules: 'None',
    forecastTrust: {
      untested: 'Not enough complete past years to test how accurate this forecast would have been',
      tested:
        'In back-tests on {years} past {yearWord} the forecast was on average {error} out (mean absolute percentage error): {verdict}',
      year: 'year',
      years: 'years',
      close: 'a close guide',
      fair: 'a fair guide',
      caution: 'treat it with caution',
    },
    health: {
      'plans-available': {
        name: 'Plans available on time',
        rule: 'Each kind of plan a unit had in the current or previous financial year is expected again; it counts as available when an approved version is in force today.',
      },
      'data-available': {
        name: 'Data available for monthly tracking',
        rule: 'Active measures with a value entered for their current reporting period, out of all active measures.',
      },
      'tracking-on-time': {
        name: 'Tracking completed on time',
        rule: 'Values submitted by their due date, out of those due by today (a value submitted early counts as on time).',
      },
      'objectives-on-target': {
        name: 'Plan objectives on target',
        rule: 'Items of approved plans in force that have measures linked to them, whose roll-up is green, out of those with a red, amber or green roll-up.',
      },
      'targets-projected-achieved': {
        name: 'Key targets projected to be achieved',
        rule: 'Key measures whose year-end forecast has at least an even chance (50%) of meeting the target, out of key measures with a forecast against a target.',
      },
    },
    wholeCouncil: 'Whole council',
    spcChartTitle: '{code} {title}: SPC chart',
  },
  /** A measure's defining fields, which cannot change once it has values (stable-definition.ts). */
  /** Year-end forecast methods, by the code the performance engine gives (issue 16). */
  forecastMethod: {
    actual: 'Actual (the year is complete)',
    naive: 'Latest value carried forward',
    'seasonal-naive': 'Same period last year',
    'damped-trend': 'Damped trend',
    'damped-seasonal': 'Damped trend with a season',
    none: 'No forecast',
  },
  stableDefinition: {
    refused:
      'The {fields} of {code} cannot change once values have been entered: it would re-rate the history. Retire this measure and add a new one',
    fields: {
      frequency: 'frequency',
      polarity: 'polarity',
      unit: 'unit',
      aggregation: 'aggregation',
      numeratorLabel: 'numerator',
      denominatorLabel: 'denominator',
      calculation: 'calculation',
      definition: 'definition',
    },
  },
} as const;
