/**
 * The performance panel of a measure's page: the measure performance view with its XmR chart
 * drawn here, on the web side, from the chart data the service returns (the API returns the data
 * only). The chart always sits beside its data table, so nothing is shown only as a picture.
 */
import { ok, type Result } from '../../../kernel/result.ts';
import type { Caller } from '../../../platform/services/caller.ts';
import type { MeasurePerformance } from '../performance-views.types.ts';
import { renderSpcChart } from './spc-chart.ts';

export type MeasurePerformancePanel = MeasurePerformance & {
  spc: MeasurePerformance['spc'] & { chartSvg: string | null };
};

/** The view with its chart drawn as SVG (null when there is nothing to chart). */
export function withChart(performance: MeasurePerformance): MeasurePerformancePanel {
  const chart = performance.spc.chart;
  return { ...performance, spc: { ...performance.spc, chartSvg: chart ? renderSpcChart(chart) : null } };
}

/** What the measure page's port asks for, with the chart drawn. */
export function measurePerformancePanel(views: {
  measurePerformance(caller: Caller, measureId: string): Promise<Result<MeasurePerformance>>;
}) {
  return {
    async measurePerformance(caller: Caller, measureId: string): Promise<Result<MeasurePerformancePanel>> {
      const result = await views.measurePerformance(caller, measureId);
      return result.ok ? ok(withChart(result.value)) : result;
    },
  };
}
