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
  performance: {
    noStatusYet: 'No data: no status has been worked out for {period} yet',
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
    forecastMethod: {
      actual: 'Actual (the year is complete)',
      'holt-winters': 'Holt–Winters (trend and season)',
      'seasonal-profile': 'Seasonal profile from previous years',
      'linear-trend': 'Linear trend',
      none: 'No forecast',
    },
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
} as const;
