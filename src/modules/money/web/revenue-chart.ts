import type { EChartsOption } from 'echarts';
import { renderChartSvg } from '../../../platform/charts/render-svg.ts';
import type { Band } from '../domain/variance.ts';

/** GOV.UK colours for the bands; each bar is also labelled with its amount, so colour is not alone. */
const BAND_COLOURS: Record<Band, string> = { green: '#00703c', amber: '#f47738', red: '#d4351c' };

export interface VarianceBar {
  name: string;
  /** Pence; drawn in £ thousands. */
  variance: number;
  band: Band;
}

/**
 * Forecast variance by directorate as horizontal bars (overspend to the right), drawn as SVG on the
 * server. Bar lengths are display only, in £ thousands: the exact figures are in the table.
 */
export function varianceChartSvg(bars: readonly VarianceBar[]): string | null {
  if (bars.length === 0) return null;
  const option: EChartsOption = {
    textStyle: { fontFamily: 'Arial, sans-serif', fontSize: 14, color: '#0b0c0c' },
    grid: { left: 200, right: 90, top: 20, bottom: 40 },
    xAxis: { type: 'value', name: '£000', nameLocation: 'middle', nameGap: 28, axisLabel: { color: '#0b0c0c' } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: bars.map((bar) => bar.name),
      axisLabel: { color: '#0b0c0c', width: 180, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        data: bars.map((bar) => ({
          value: Math.round(bar.variance / 1000) / 100,
          itemStyle: { color: BAND_COLOURS[bar.band] },
        })),
        label: { show: true, position: 'right', color: '#0b0c0c', formatter: '{c}' },
        barMaxWidth: 28,
      },
    ],
  };
  return renderChartSvg(option, { width: 720, height: 60 + bars.length * 44 });
}
