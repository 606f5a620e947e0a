/**
 * What the report reads from modules whose figures it does not hold, filled in the composition
 * root (src/container.ts): the revenue position comes from the money module's services, read as
 * the caller (so a caller without `view:money` gets no revenue section).
 */
import type { Caller } from '../../platform/services/caller.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';

/** Amounts in whole pence, as the money module keeps them. */
export interface RevenuePosition {
  /** The financial period the figures are for, in words (e.g. 'Period 6, 2025/26'). */
  periodLabel: string;
  budget: number;
  forecast: number;
  variance: number;
  /** The areas (directorates) whose variance needs explaining, largest first. */
  variations: { area: string; budget: number; forecast: number; variance: number; explanation: string }[];
}

export interface RevenueSource {
  /** The position at the financial period containing the date; null when there are no figures or the caller may not see them. */
  positionOn(caller: Caller, date: string): Promise<RevenuePosition | null>;
}

export interface ReportsDeps extends ServiceDeps {
  revenue?: RevenueSource;
}
