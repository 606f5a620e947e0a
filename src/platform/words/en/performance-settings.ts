/**
 * The performance settings: their checks and the settings in words (performance/domain/settings.ts
 * returns phrases with these codes). Part of the English catalogue (../en.ts).
 */
export const performanceSettingsWords = {
  performanceSettings: {
    officialFrom: {
      submitted: 'Once submitted',
      verified: 'Once verified',
      approved: 'Once approved',
    },
    overdueAs: {
      'not-rated': 'Counted, but not rated',
      amber: 'Counted as amber',
      red: 'Counted as red',
    },
    labels: {
      greenFrom: 'Green from',
      amberFrom: 'Amber from',
      objectivesAppetite: 'Risk appetite for plan objectives on target',
      targetsAppetite: 'Risk appetite for key targets projected to be achieved',
      toleranceAmount: 'Tolerance amount',
      tolerancePercent: 'Tolerance percentage',
    },
    notANumber: '{field} must be a number, like {example}',
    outOfRange: '{field} must be {share}, like {example}',
    shareApi: 'a share from 0 to 1',
    sharePercent: 'a percentage from 0 to 100',
    notAllowed: 'Only people who manage the framework for the whole organisation can change the performance settings',
    rowVersion: 'Send the row version the change was based on (0 when no settings are stored yet)',
    checks: {
      rollupRule: 'Select how statuses roll up: worst of, majority or weighted score',
      keyMeasuresDominate: 'Select whether a key measure can make a roll-up worse',
      overdueAs: 'Select how overdue data counts in a roll-up: not rated, amber or red',
      toleranceKind: 'Select the direction of travel tolerance: none, an amount or a percentage',
      officialFrom: 'Select from which sign-off step a figure is official: submitted, verified or approved',
      greenFrom: 'Enter the score from which a weighted roll-up is green',
      amberFrom: 'Enter the score from which a weighted roll-up is amber',
      amberBelowGreen: 'Amber from must be below green from',
      objectivesAppetite: 'Enter the risk appetite for plan objectives on target',
      targetsAppetite: 'Enter the risk appetite for key targets projected to be achieved',
      toleranceAmount: 'Enter the smallest change that counts, as an amount',
      toleranceAmountNegative: 'Tolerance amount must be 0 or more',
      tolerancePercent: 'Enter the smallest change that counts, as a percentage of the earlier value',
      tolerancePercentRange: 'Tolerance percentage must be from 0 to 100, like 5',
    },
    describe: {
      rollup: '{how}{key}{overdue}',
      'worst-of': 'Worst of its measures and items',
      majority: 'Most common status of its measures and items',
      weighted: 'Weighted score of its measures and items (green from {green}%, amber from {amber}%)',
      nothing: '',
      keyDominates: '; a key measure can make it worse, never better',
      overdueCounts:
        '; overdue measures count as {status}; other measures without a rated status are counted but not rated',
      overdueStatus: { amber: 'amber', red: 'red' },
      notRated: '; measures without a rated status are counted but not rated',
      toleranceNone: 'None: any change in the value as shown counts as improving or worsening',
      toleranceAmount: "A change of {amount} or less (in each measure's own unit) is no significant change",
      tolerancePercent: 'A change of {percent}% of the earlier value or less is no significant change',
      keyYes: 'Yes: a key measure can make a roll-up worse, never better',
      keyNo: 'No: key measures count like any other',
      objectivesAppetite: 'At least {percent}% of plan objectives on target',
      targetsAppetite: 'At least {percent}% of key targets projected to be achieved',
    },
  },
};
