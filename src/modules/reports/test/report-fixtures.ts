/**
 * Builders of a report's inputs for the unit tests of its document and sections: a measure, the
 * gathered data and the whole input, each with sensible defaults and the fields a test cares about
 * given as overrides.
 */
import { SECTIONS } from '../domain/definitions.ts';
import type { ReportMeasure } from '../domain/report-data.ts';
import type { ReportData } from '../report-data.ts';
import type { ReportInput } from '../report-document.ts';
import { REPORT_LINKS } from '../reports.service.ts';

/** A key measure, red in 2025/26 Q2 with commentary and a remedial action; `now` overrides merge. */
export function reportMeasure(
  over: Partial<Omit<ReportMeasure, 'now'>> & { now?: Partial<NonNullable<ReportMeasure['now']>> } = {},
): ReportMeasure {
  const { now, ...rest } = over;
  return {
    id: 'm1',
    code: 'M1',
    title: 'Missed bin collections',
    unit: 'number',
    decimalPlaces: 0,
    polarity: 'lower-is-better',
    isKey: true,
    measureType: 'local',
    ownerName: 'Ann Owner',
    priority: 'Clean streets',
    periodKey: '2025-26-Q2',
    periodLabel: '2025/26 Q2',
    lastPeriod: null,
    lastYear: null,
    commentary: 'Vehicle breakdowns',
    remedialActions: [
      { id: 'a1', code: 'A1', title: 'Hire two vehicles', ownerName: 'Bo Fleet', dueDate: '2026-01-31' },
    ],
    ...rest,
    now: {
      periodKey: '2025-26-Q2',
      rag: 'red',
      value: 140,
      targetValue: 100,
      targetLower: null,
      targetUpper: null,
      directionPrevious: 'worsening',
      directionLastYear: 'improving',
      spcLatestType: 'common-cause',
      spcVariationIcon: 'concern-high',
      forecastProbability: 0.1,
      ...now,
    },
  };
}

/** The data gathered for 2025/26 Q2: the one measure above unless the test gives its own. */
export function reportData(over: Partial<ReportData> = {}): ReportData {
  return {
    period: {
      key: '2025-26-Q2',
      label: '2025/26 Q2',
      end: '2025-09-30',
      previousLabel: '2025/26 Q1',
      previousEnd: '2025-06-30',
    },
    measures: [reportMeasure()],
    actions: [],
    projects: [],
    improvementPlans: [],
    partnershipItems: [],
    risks: [],
    heatMap: null,
    ...over,
  };
}

/** A council-wide quarterly report with every section asked for, as a draft. */
export function reportInput(over: Partial<ReportInput> = {}): ReportInput {
  return {
    definition: {
      id: 'd1',
      builtIn: '',
      title: 'Quarterly report',
      audience: 'executive',
      scopeKind: 'council',
      scopeId: null,
      cadence: 'quarterly',
      sections: [...SECTIONS],
      rowVersion: 1,
    },
    councilName: 'Test council',
    scopeName: null,
    data: reportData(),
    exceptionMarginPercent: 10,
    money: null,
    health: null,
    state: { kind: 'draft', asOf: '2025-11-20' },
    links: REPORT_LINKS,
    ...over,
  };
}
