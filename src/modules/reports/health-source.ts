/**
 * The framework health port filled from the performance module's framework health (read as the
 * caller, so its access rules hold): "framework health against the risk appetite" for the report's
 * scope. Performance assesses the whole council and each top-level unit; a directorate or portfolio
 * report sums the counts of the top-level units it covers and judges the sums against the same
 * appetite. The service is typed here by the shape this module reads, so the port carries no import.
 */
import type { Result } from '../../kernel/result.ts';
import type { Caller } from '../../platform/services/caller.ts';
import type { HealthIndicatorRow, HealthSource, ReportHealth } from './ports.ts';

interface HealthUnit {
  unitId: string | null;
  indicators: { id: string; met: number; total: number; appetite: number | null }[];
}

/** The part of the performance module's framework health the report reads. */
export interface FrameworkHealthReader {
  frameworkHealth(
    caller: Caller,
    whatIf: Record<string, never>,
    on: string,
  ): Promise<Result<{ asOf: string; units: HealthUnit[] }>>;
}

/** One indicator judged against its appetite, exactly as performance judges it (met ≥ appetite × total). */
export function judged(id: string, met: number, total: number, appetite: number | null): HealthIndicatorRow {
  const value = total === 0 ? null : met / total;
  const position =
    value === null
      ? 'no-data'
      : appetite === null
        ? 'no-appetite'
        : met >= appetite * total - 1e-9
          ? 'within'
          : 'outside';
  return { id, met, total, value, appetite, position };
}

/**
 * The health of a scope: the whole-council row (unitId null) for the council, or the sum of the
 * top-level units inside the scope; null when no assessed unit falls in the scope.
 */
export function healthOfScope(
  units: readonly HealthUnit[],
  scope: readonly string[] | null,
): HealthIndicatorRow[] | null {
  const chosen =
    scope === null
      ? units.filter((u) => u.unitId === null)
      : units.filter((u) => u.unitId !== null && scope.includes(u.unitId));
  if (chosen.length === 0) return null;
  const first = chosen[0]!;
  return first.indicators.map((indicator) => {
    let met = 0;
    let total = 0;
    for (const unit of chosen) {
      const same = unit.indicators.find((i) => i.id === indicator.id);
      met += same?.met ?? 0;
      total += same?.total ?? 0;
    }
    return judged(indicator.id, met, total, indicator.appetite);
  });
}

export function healthSourceFrom(reader: FrameworkHealthReader): HealthSource {
  return {
    async healthFor(caller, unitIds, on): Promise<ReportHealth | null> {
      const result = await reader.frameworkHealth(caller, {}, on);
      if (!result.ok) return null;
      const indicators = healthOfScope(result.value.units, unitIds);
      return indicators ? { asOf: result.value.asOf, indicators } : null;
    },
  };
}
