/** The measure page and the performance views: figures, charts, forecasts. Part of the English catalogue (../en.ts). */
export const performanceWords = {
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
    /** The forecast beside this period's RAG, one sentence for both (domain/forecast-against-rag.ts). */
    forecastAgainstRag: {
      'on-target.likely': 'On target this period, and likely to meet the year-end target ({chance} chance).',
      'on-target.even':
        'On target this period, but the year-end target is far from certain ({chance} chance): other periods of the year pull the forecast down.',
      'on-target.unlikely':
        'On target this period, but unlikely to meet the year-end target ({chance} chance): other periods of the year pull the forecast down.',
      'near-target.likely':
        'Close to the target this period (amber), and likely to meet the year-end target ({chance} chance).',
      'near-target.even':
        'Close to the target this period (amber), with about an even chance of meeting the year-end target ({chance}).',
      'near-target.unlikely':
        'Close to the target this period (amber), and unlikely to meet the year-end target ({chance} chance).',
      'off-target.likely':
        'Off target this period (red), but still likely to meet the year-end target ({chance} chance): the forecast expects the rest of the year to make up for it.',
      'off-target.even':
        'Off target this period (red), with about an even chance of meeting the year-end target ({chance}) if the rest of the year makes up for it.',
      'off-target.unlikely':
        'Off target this period (red), and unlikely to meet the year-end target ({chance} chance).',
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
} as const;

/** RAG and SPC read together (performance/domain/spc-interpretation.ts): what the pair says to do. */
export const spcInterpretationWords = {
  spcInterpretation: {
    status: { red: 'Red', amber: 'Amber' },
    offTarget: {
      deteriorating:
        '{status}, and special-cause concern: performance has really deteriorated, it is not noise. Find the cause and act on it now.',
      improvingDisagrees:
        "{status}, although the process limits lie wholly on the right side of the target and this period shows special-cause improvement: the figures disagree with each other. Check this period's value and whether the target has changed.",
      improving:
        '{status}, but special-cause improvement: performance is really getting better though not yet on target. Keep going and check that the improvement is enough.',
      changed: '{status}, with a real change in the process (special cause). Find out what changed.',
      cannotMeet:
        "{status}, and the process as it runs cannot meet the target: this is its normal variation and the target lies beyond its limits. Chasing this period's figure will not help; change the process, or review the target.",
      limitsDisagree:
        "{status} this period, although the process limits lie wholly on the right side of the target: check this period's value and whether the target has changed since the limits were drawn.",
      normalHitAndMiss:
        '{status} this period, but within the normal variation of the process, which will sometimes meet the target and sometimes miss it. Nothing has really changed; to meet the target reliably, improve the process as a whole rather than reacting to one period.',
      normal:
        '{status} this period, but within the normal variation of the process. Nothing has really changed; to meet the target reliably, improve the process as a whole rather than reacting to one period.',
    },
    onTarget: {
      earlyWarning:
        'Green, but special-cause concern: an early warning. Performance is really deteriorating although still on target; look into it before it goes off target.',
      improvedBeyondLimits:
        'Green, with special-cause improvement: a real improvement has brought this period on target, although the process limits, set before the change, still say the target cannot be met reliably. If the improvement lasts, start new limits from it (a rebase) and the assurance will follow.',
      improved:
        'Green, with special-cause improvement: a real improvement. Find out what changed and make sure it lasts.',
      changed: 'Green, with a real change in the process (special cause). Find out what changed.',
      reliable: 'Green, and the process reliably meets the target: no action needed.',
      unexpected:
        'Green this period, but the process is not expected to meet the target as it runs: treat this result as unusual and check it.',
      normalHitAndMiss:
        'Green this period, within the normal variation of the process, which will sometimes miss the target. Expect some periods off target unless the process improves.',
      normal:
        'Green this period, within the normal variation of the process. Expect some periods off target unless the process improves.',
    },
    noValue: 'No value for this period yet, so there is nothing to interpret.',
    tooFewPoints: 'Too few points to tell real change from normal variation (at least 2 are needed).',
    noTarget: {
      normal: 'No target: the latest value is within the normal variation of the process.',
      changed:
        'No target, but the latest value shows a real change in the process (special cause). Find out what changed.',
    },
    trial: '{message} The SPC limits are trial limits (fewer than 12 points), so treat this as provisional.',
  },
};
