/**
 * What the report reads from modules whose figures it does not hold, filled in the composition
 * root (src/container.ts): the money position (revenue, capital, reserves, borrowing) from the
 * money module's `moneyPosition`, and framework health from the performance module's service, read
 * as the caller (so a caller who may not see them gets no such sections).
 */
import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import type { Caller } from '../../platform/services/caller.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';

/** Amounts in whole pence, as the money module keeps them. */
export interface RevenuePosition {
  budget: number;
  forecast: number;
  variance: number;
  /** The areas (cost centres) whose variance needs explaining, largest first. */
  variations: { area: string; budget: number; forecast: number; variance: number; explanation: string }[];
}

/** The capital programme's totals for the year (pence). */
export interface CapitalPosition {
  budget: number;
  spendToDate: number;
  forecast: number;
  slippage: number;
  /** Forecast + slippage − budget: positive is an overspend. */
  variance: number;
  funding: { borrowing: number; grants: number; receipts: number; revenueContributions: number };
}

/** One kind of reserve over the year (pence). */
export interface ReserveLine {
  openingBalance: number;
  contributions: number;
  plannedUse: number;
  forecastUse: number;
  forecastClosing: number;
}

export interface ReservesPosition {
  general: ReserveLine;
  earmarked: ReserveLine;
  total: ReserveLine;
}

/** The prudential indicators for the year (pence) and where external borrowing stands against them. */
export interface BorrowingPosition {
  capitalFinancingRequirement: number;
  externalBorrowing: number;
  operationalBoundary: number;
  authorisedLimit: number;
  headroomToBoundary: number;
  headroomToLimit: number;
  status: 'within' | 'over_boundary' | 'over_limit';
}

/** The money position at a financial period; each part null when money holds no figures for it. */
export interface ReportMoney {
  /** The financial period the figures are for, in words (e.g. 'Period 6, 2025/26'). */
  periodLabel: string;
  revenue: RevenuePosition | null;
  capital: CapitalPosition | null;
  reserves: ReservesPosition | null;
  borrowing: BorrowingPosition | null;
}

export interface MoneySource {
  /** The position at the financial period containing the date; null when the caller may not see it. */
  positionOn(caller: Caller, date: string): Promise<ReportMoney | null>;
}

/** One row of framework health against the risk appetite (shares 0..1; null: none due or none set). */
export interface HealthIndicatorRow {
  id: string;
  met: number;
  total: number;
  value: number | null;
  appetite: number | null;
  position: 'within' | 'outside' | 'no-data' | 'no-appetite';
}

export interface ReportHealth {
  /** The date the health was assessed on: the report period's end, or today while the period runs. */
  asOf: string;
  indicators: HealthIndicatorRow[];
}

export interface HealthSource {
  /**
   * Framework health for the report's scope: the whole council (unitIds null), or the units given
   * (the top-level units a directorate or portfolio covers, summed). Null when the caller may not
   * see it or there is nothing for the scope. Assessed as on the date given (the report period's
   * end), so a report for an earlier period shows the framework's health then, not today's.
   */
  healthFor(caller: Caller, unitIds: readonly string[] | null, on: string): Promise<ReportHealth | null>;
}

export interface ReportsDeps extends ServiceDeps {
  money?: MoneySource;
  health?: HealthSource;
  /** Where the Word, PDF and Excel files of issued reports are made (without it: in the request). */
  jobs?: JobQueue;
  /** How a PDF is printed from the report's HTML (headless Chromium unless a test gives its own). */
  printPdf?: (html: string) => Promise<Buffer>;
}
