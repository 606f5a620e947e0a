import type { EChartsOption } from 'echarts';
import type { SpcPointType } from '../domain/index.ts';
import { renderChartSvg } from '../../../platform/charts/render-svg.ts';
import type { SpcChartData } from '../performance-views.types.ts';

const COLOURS = {
  common: '#505a5f',
  improvement: '#1d70b8',
  concern: '#d4351c',
  neutral: '#6f72af',
  limit: '#b1b4b6',
  mean: '#0b0c0c',
  target: '#00703c',
};

/** The chart's data as the measure performance view returns it. */
export type SpcChartInput = SpcChartData;

function pointColour(type: SpcPointType | null): string {
  if (type === 'special-cause-improvement') return COLOURS.improvement;
  if (type === 'special-cause-concern') return COLOURS.concern;
  if (type === 'special-cause-neutral') return COLOURS.neutral;
  return COLOURS.common;
}

/**
 * An XmR chart in the Making Data Count style: points coloured by type, mean, limits, target. A
 * figure not yet official, or estimated or provisional, is a hollow point (its outline in the
 * colour of its type, grey when not yet official), so it is told apart without colour.
 */
export function spcChartOption(input: SpcChartInput): EChartsOption {
  const { points, labels, target } = input;
  const line = (name: string, values: (number | null)[], colour: string, dashed: boolean) => ({
    name,
    type: 'line' as const,
    data: values,
    symbol: 'none',
    step: 'middle' as const,
    lineStyle: { color: colour, width: 1.5, type: dashed ? ('dashed' as const) : ('solid' as const) },
    itemStyle: { color: colour },
    connectNulls: false,
  });
  const series: NonNullable<EChartsOption['series']> = [
    line(
      'Mean',
      points.map((p) => p.mean),
      COLOURS.mean,
      false,
    ),
    line(
      'Upper process limit',
      points.map((p) => p.upperLimit),
      COLOURS.limit,
      true,
    ),
    line(
      'Lower process limit',
      points.map((p) => p.lowerLimit),
      COLOURS.limit,
      true,
    ),
    {
      name: 'Value',
      type: 'line',
      data: points.map((p) =>
        p.hollow
          ? {
              value: p.value,
              symbol: 'emptyCircle',
              symbolSize: 9,
              itemStyle: { color: pointColour(p.type), borderColor: pointColour(p.type), borderWidth: 2 },
            }
          : { value: p.value, itemStyle: { color: pointColour(p.type) } },
      ),
      symbol: 'circle',
      symbolSize: 7,
      lineStyle: { color: COLOURS.common, width: 1.5 },
    },
  ];
  if (target?.kind === 'value')
    series.push(
      line(
        'Target',
        points.map(() => target.value),
        COLOURS.target,
        true,
      ),
    );
  if (target?.kind === 'range') {
    series.push(
      line(
        'Target (lower)',
        points.map(() => target.lower),
        COLOURS.target,
        true,
      ),
    );
    series.push(
      line(
        'Target (upper)',
        points.map(() => target.upper),
        COLOURS.target,
        true,
      ),
    );
  }
  return {
    title: { text: input.title, left: 0, textStyle: { fontSize: 14, fontFamily: 'Arial, sans-serif' } },
    legend: { bottom: 0, textStyle: { fontFamily: 'Arial, sans-serif' } },
    grid: { left: 56, right: 16, top: 40, bottom: 64 },
    xAxis: { type: 'category', data: labels, axisLabel: { fontFamily: 'Arial, sans-serif', hideOverlap: true } },
    yAxis: { type: 'value', scale: true, axisLabel: { fontFamily: 'Arial, sans-serif' } },
    series,
  };
}

export function renderSpcChart(input: SpcChartInput, size = { width: 760, height: 340 }): string {
  return renderChartSvg(spcChartOption(input), size);
}
