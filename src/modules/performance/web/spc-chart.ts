import type { EChartsOption } from 'echarts';
import type { SpcPointType } from '../domain/index.ts';
import { words } from '../../../platform/words/index.ts';
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

const chartWords = words.performancePages.chart;
const FONT = 'Arial, sans-serif';
/** Roughly the width of a character of 12 px Arial, and of a legend entry's symbol and gap. */
const CHARACTER = 7;
const LEGEND_SYMBOL_AND_GAP = 35;
const LINE = 22;

/**
 * How many rows the legend wraps onto at this width (ECharts wraps a plain legend as it is laid
 * out, but does not move the plot out of its way): the plot's bottom margin is made for them.
 */
export function legendRows(names: readonly string[], width: number): number {
  let rows = 1;
  let x = 0;
  for (const name of names) {
    const entry = LEGEND_SYMBOL_AND_GAP + name.length * CHARACTER;
    if (x > 0 && x + entry > width) {
      rows += 1;
      x = 0;
    }
    x += entry;
  }
  return rows;
}

/** How many lines the title breaks onto at this width (14 px text: a little wider a character). */
export function titleLines(title: string, width: number): number {
  return Math.max(1, Math.ceil((title.length * (CHARACTER + 1)) / width));
}

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
export function spcChartOption(input: SpcChartInput, width = 760): EChartsOption {
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
      chartWords.mean,
      points.map((p) => p.mean),
      COLOURS.mean,
      false,
    ),
    line(
      chartWords.upperLimit,
      points.map((p) => p.upperLimit),
      COLOURS.limit,
      true,
    ),
    line(
      chartWords.lowerLimit,
      points.map((p) => p.lowerLimit),
      COLOURS.limit,
      true,
    ),
    {
      name: chartWords.value,
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
        chartWords.target,
        points.map(() => target.value),
        COLOURS.target,
        true,
      ),
    );
  if (target?.kind === 'range') {
    series.push(
      line(
        chartWords.targetLower,
        points.map(() => target.lower),
        COLOURS.target,
        true,
      ),
    );
    series.push(
      line(
        chartWords.targetUpper,
        points.map(() => target.upper),
        COLOURS.target,
        true,
      ),
    );
  }
  const usable = width - 16;
  const names = series.map((entry) => String(entry.name ?? ''));
  return {
    // A long title breaks onto more lines instead of running off the right edge.
    title: {
      text: input.title,
      left: 0,
      textStyle: { fontSize: 14, fontFamily: FONT, width: usable, overflow: 'break' },
    },
    legend: { bottom: 0, left: 0, width: usable, textStyle: { fontFamily: FONT } },
    // containLabel: the axis labels (a value of 1,000,000) sit inside the chart instead of clipped at its edge;
    // the plot leaves room for the title's lines above and the x-axis labels and the legend's rows below.
    grid: {
      left: 8,
      right: 16,
      top: 16 + titleLines(input.title, usable) * LINE,
      bottom: 12 + legendRows(names, usable) * LINE,
      containLabel: true,
    },
    xAxis: { type: 'category', data: labels, axisLabel: { fontFamily: FONT, hideOverlap: true } },
    yAxis: { type: 'value', scale: true, axisLabel: { fontFamily: FONT } },
    series,
  };
}

export function renderSpcChart(input: SpcChartInput, size = { width: 760, height: 340 }): string {
  return renderChartSvg(spcChartOption(input, size.width), size);
}
