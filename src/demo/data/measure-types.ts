import type { RagThresholds } from '../../kernel/measurement/rag.ts';
import type { Frequency } from '../../kernel/measurement/periods.ts';
import type { AggregationRule, Polarity } from '../../kernel/measurement/types.ts';

/** The shape of a demo measure (see ../demo-measures.data.ts). */
export type DemoMeasureSource =
  /** Trafford Corporate Plan long file: rows for Trafford with this indicator (and measure/sex). */
  | { kind: 'trafford'; file: string; indicator: string; measure?: string; unit?: string }
  /** Trafford's licensed vehicles: ULEVs as a percentage of all vehicles, per quarter-end snapshot. */
  | { kind: 'trafford-ulev' }
  | { kind: 'prompt-payment'; column: 'ProportionPaidOnTime' | 'NumberNotPaidOnTime' }
  /** Hart's KPI by reference; `annualInPrevious`: the first report's last-quarter column holds the year. */
  | { kind: 'hart'; kpi: string; annualInPrevious?: boolean };

type LatestStatus = 'draft' | 'submitted' | 'verified' | 'returned';

export interface DemoMeasureSpec {
  code: string;
  title: string;
  description: string;
  purpose: string;
  definition: string;
  calculation?: string;
  unit: string;
  decimals: number;
  polarity: Polarity;
  frequency: Frequency;
  aggregation: AggregationRule;
  measureType?: 'statutory' | 'local' | 'partnership';
  /** Person keys and unit code from demo-council.data.ts. */
  owner: string;
  ownerUnit: string;
  verifier: string;
  assignees: string[];
  isKey?: boolean;
  tags: string[];
  rag: RagThresholds;
  /** Codes of items in approved plans that the measure serves. */
  items: string[];
  source: DemoMeasureSource;
  /** Which real series, in words (the Hart period mapping is added to it). */
  dataSource: string;
  /** Demo annual targets: improve on the previous year's figure by this much (Hart: its own targets). */
  targetStep?: number;
  /** Lowest valid value; 0 unless set (a year-on-year reduction can be negative). */
  minValue?: number;
  /** The latest return is late: the series ends one period before the latest complete one. */
  late?: true;
  /** The latest period's value is still in the workflow. */
  latest?: { status: LatestStatus; reason?: string };
}
