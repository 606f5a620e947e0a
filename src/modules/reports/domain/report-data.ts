/**
 * The figures a report is assembled from, as the report module reads them (stored statuses of the
 * report's period, last period and the same period last year; commentary; remedial actions;
 * improvement plans; actions; risks). Plain data: no words, no I/O.
 */
import type { RagStatus } from '../../../kernel/measurement/index.ts';
import type { OffTrackReasons } from './projects-off-track.ts';

/** A measure's stored status for one period (the engine's row, as the report needs it). */
export interface StoredStatus {
  periodKey: string;
  rag: RagStatus;
  value: number | null;
  targetValue: number | null;
  targetLower: number | null;
  targetUpper: number | null;
  directionPrevious: string | null;
  directionLastYear: string | null;
  spcLatestType: string | null;
  spcVariationIcon: string | null;
  forecastProbability: number | null;
}

export interface RemedialAction {
  id: string;
  code: string;
  title: string;
  ownerName: string | null;
  dueDate: string | null;
}

export interface ReportMeasure {
  id: string;
  code: string;
  title: string;
  unit: string;
  decimalPlaces: number;
  /** higher-is-better | lower-is-better | in-range */
  polarity: string;
  isKey: boolean;
  measureType: string;
  ownerName: string | null;
  /** The plan item (priority) the measure is linked to first, for "performance by priority". */
  priority: string | null;
  /** The period of the measure's own frequency the report reads, and its label. */
  periodKey: string;
  periodLabel: string;
  now: StoredStatus | null;
  lastPeriod: StoredStatus | null;
  lastYear: StoredStatus | null;
  commentary: string;
  remedialActions: RemedialAction[];
}

export interface ReportAction {
  id: string;
  code: string;
  title: string;
  ownerName: string | null;
  dueDate: string;
  /** The status stated in the latest update on or before each period's end (null: no update yet). */
  now: string | null;
  before: string | null;
}

/** A project off track at the report period's end, with its manager and its end date in force. */
export interface ReportProject {
  id: string;
  code: string;
  title: string;
  ownerName: string | null;
  endDate: string;
  reasons: OffTrackReasons;
}

export interface ReportImprovementPlan {
  id: string;
  measureCode: string;
  measureTitle: string;
  status: string;
  ownerName: string | null;
  dueDate: string | null;
  decisions: { outcome: string; meetingDate: string; minuteReference: string }[];
}

/** A plan item (priority) delivered through partnership, with its partners and linked measures. */
export interface ReportPartnershipItem {
  id: string;
  code: string;
  title: string;
  partners: string[];
  measureIds: string[];
}

export interface ReportRisk {
  id: string;
  reference: string;
  title: string;
  ownerName: string | null;
  score: number;
  band: string;
  /** The score at the end of the period before; null when the risk was not scored then. */
  previousScore: number | null;
}
