import type { OfficialFrom } from '../../kernel/measurement/official.ts';
import type { Tag } from '../../platform/words/status-tags.ts';
/**
 * The shapes the performance views return to the API and the pages: codes and numbers for
 * machines, with the words beside them (a status is never shown by colour alone).
 */
import type {
  Frequency,
  FrameworkHealth,
  MeasureFilters,
  RagStatus,
  RiskAppetite,
  RollupCounts,
  RollupOptions,
  RollupRule,
  SpcPointType,
  Target,
  ViewScope,
} from './domain/index.ts';

export interface RollupContributor {
  /** A linked measure, a child item, or an action or project contributing through the roll-up port. */
  kind: 'measure' | 'item' | 'action' | 'project';
  id: string;
  code: string;
  title: string;
  status: RagStatus;
  statusText: string;
  /** The stored RAG reason of a measure, or the roll-up reason of a child item. */
  reason: string;
  key: boolean;
  /** For a measure: the period its status is for. */
  periodLabel: string | null;
  /** For an action or a project: where it is read. */
  href?: string;
}

export interface RollupView {
  kind: 'item' | 'plan';
  id: string;
  code: string | null;
  title: string;
  status: RagStatus;
  statusText: string;
  reason: string;
  counts: RollupCounts;
  countsText: string;
  /** The rule in words, e.g. 'Worst of its measures and items; key measures dominate'. */
  ruleText: string;
  contributors: RollupContributor[];
  /** The child items' own roll-ups, recursively. */
  children: RollupView[];
}

export interface MeasureListEntry {
  id: string;
  code: string;
  title: string;
  isKey: boolean;
  unitName: string | null;
  periodKey: string;
  periodLabel: string;
  status: RagStatus;
  statusText: string;
  reason: string;
  value: string | null;
  target: string | null;
  direction: string | null;
  directionText: string;
  variationIcon: string | null;
  variationText: string;
  assurance: string | null;
  assuranceText: string;
  forecastProbability: number | null;
  /** The commentary of a red or amber figure (null otherwise, or when there is none). */
  commentary: string | null;
}

export interface UnitCounts {
  unitId: string | null;
  unitName: string;
  counts: RollupCounts;
  countsText: string;
}

export interface Dashboard {
  asOf: string;
  /** Whose dashboard: the council, a unit (and everything under it), a portfolio, a body's remit, mine. */
  scope: ViewScope;
  /** The unit's, portfolio's or body's name (null for the council and "mine"). */
  scopeName: string | null;
  /** A portfolio's holder. */
  holderName: string | null;
  /** The quarter chosen (a period key), or null for the latest reported periods. */
  period: string | null;
  periodChoices: { key: string; label: string }[];
  /** The measure list's filters that reproduce this dashboard's scope and period (each tile adds its own). */
  filters: MeasureFilters;
  periods: { frequency: Frequency; periodKey: string; periodLabel: string; measures: number }[];
  overall: { counts: RollupCounts; countsText: string };
  byUnit: UnitCounts[];
  keyMeasures: MeasureListEntry[];
  worstPerformers: MeasureListEntry[];
  corporatePlan: { id: string; title: string; priorities: RollupView[] } | null;
  /** Measures whose status for their current period has not been computed yet. */
  notComputed: number;
}

export interface SpcTableRow {
  periodKey: string;
  periodLabel: string;
  value: string;
  target: string | null;
  mean: string;
  lowerLimit: string | null;
  upperLimit: string | null;
  type: string;
  pointType: string;
  rules: string[];
  rulesText: string;
}

/**
 * A point of the chart: an official one with its SPC type, or a figure not yet official (type
 * null), drawn but not used for the limits. Hollow: not yet official, or not of final quality.
 */
export interface SpcChartPoint {
  /** Null for a period with no figure, so the chart draws the gap in time instead of closing it. */
  value: number | null;
  mean: number | null;
  lowerLimit: number | null;
  upperLimit: number | null;
  type: SpcPointType | null;
  hollow: boolean;
}

/** A row of the chart's data table on the page: the SPC row, and how the point is drawn. */
export type SpcChartTableRow = SpcTableRow & { marking: string };

/** What the page needs to draw a measure's XmR chart: the points in order, with their labels. */
export interface SpcChartData {
  title: string;
  /** Period labels in the same order as the points. */
  labels: string[];
  points: SpcChartPoint[];
  /** The target for the current period, drawn as a line (or two for a range). */
  target: Target | null;
}

/** A figure as the measure page's period-by-period table shows it. */
export interface PeriodFigure {
  periodKey: string;
  periodLabel: string;
  value: string | null;
  target: string | null;
  rag: RagStatus;
  ragText: string;
  direction: string;
  directionText: string;
  quality: string;
  qualityText: string;
  signOff: Tag;
  official: boolean;
  /** Not yet official, or estimated or provisional: marked in the table, hollow on the chart. */
  marked: boolean;
  commentary: string;
}

/** A figure entered but not yet official: shown on the measure page, left out of every reading. */
export interface NotYetOfficialFigure {
  periodKey: string;
  periodLabel: string;
  value: string | null;
  status: { text: string; classes: string };
}

export interface MeasurePerformance {
  measure: {
    id: string;
    code: string;
    title: string;
    unit: string;
    polarity: string;
    frequency: string;
    isKey: boolean;
  };
  asOf: string;
  period: { key: string; label: string };
  status: {
    rag: RagStatus;
    ragText: string;
    reason: string;
    value: string | null;
    target: string | null;
    basis: 'period' | 'year-to-date';
    directionPrevious: { direction: string; text: string; reason: string };
    directionLastYear: { direction: string; text: string; reason: string };
    yearToDate: {
      value: string | null;
      target: string | null;
      rag: RagStatus;
      ragText: string;
      reason: string;
      explanation: string;
      partialYear: boolean;
    };
  };
  spc: {
    variationIcon: string;
    variationText: string;
    assuranceIcon: string;
    assuranceText: string;
    assuranceReason: string;
    trialLimits: boolean;
    warnings: string[];
    pointsCharted: number;
    /** The chart's data, which the page draws; null when there is nothing to chart. */
    chart: SpcChartData | null;
    /** The official points only (the API's SPC table). */
    table: SpcTableRow[];
    /** Every point the chart draws, official or not, with its marking (the page's data table). */
    chartTable: SpcChartTableRow[];
  };
  interpretation: { category: string; message: string };
  /** The sign-off status from which the council counts a figure as official. */
  officialFrom: OfficialFrom;
  /** Figures entered but not yet official, newest first: left out of the status, SPC and forecast. */
  notYetOfficial: NotYetOfficialFigure[];
  /** Every figure, newest first, with target, RAG, direction, quality, sign-off and commentary. */
  figures: PeriodFigure[];
  forecast: {
    yearLabel: string;
    method: string;
    methodText: string;
    methodReason: string;
    outturn: string | null;
    interval: { level: number; lower: string; upper: string } | null;
    probabilityOfMeetingTarget: number | null;
    probabilityText: string | null;
    /** This period's RAG and the year-end chance in one sentence (null when either is missing). */
    againstRag: string | null;
    backTestMape: number | null;
    trustText: string;
    explanation: string;
  } | null;
}

export interface HealthView {
  asOf: string;
  appetite: RiskAppetite;
  rules: { id: string; name: string; rule: string }[];
  units: (FrameworkHealth & { unitId: string | null })[];
}

/**
 * What-if overrides of the council's stored roll-up settings (GET /api/v1/settings/performance);
 * whatever is not given comes from the stored settings, or their defaults.
 */
export interface RollupSettings {
  rule?: RollupRule;
  keyItemsDominate?: boolean;
  overdueAs?: RollupOptions['overdueAs'];
}
