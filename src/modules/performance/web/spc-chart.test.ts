import { describe, expect, it } from 'vitest';
import { analyseSpc } from '../domain/index.ts';
import { legendRows, renderSpcChart, spcChartOption, titleLines } from './spc-chart.ts';

const values = [50, 52, 49, 51, 50, 53, 48, 50, 51, 49, 52, 50, 80];
const spc = analyseSpc({
  points: values.map((value, i) => ({
    key: `p${i}`,
    date: `2024-${String(i + 1).padStart(2, '0')}-01`.replace('2024-13', '2025-01'),
    value,
  })),
  polarity: 'higher-is-better',
  target: { kind: 'value', value: 55 },
});
const chart = (hollowAt: (i: number) => boolean) =>
  renderSpcChart({
    points: spc.points.map((p, i) => ({ ...p, hollow: hollowAt(i) })),
    labels: values.map((_, i) => `P${i + 1}`),
    target: { kind: 'value', value: 55 },
    title: 'Test',
  });

describe('SPC chart', () => {
  it('renders an SVG with the series names and colours special-cause points', () => {
    const svg = chart(() => false);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('Upper process limit');
    expect(svg).toContain('#1d70b8'); // the last point, far above the limit, is improvement
  });

  it('draws hollow points with a white fill and a coloured outline, solid ones filled', () => {
    const solid = chart(() => false);
    const hollow = chart((i) => i === values.length - 1);
    // The improvement point is filled blue when solid; hollow, blue is only its outline.
    expect(solid).toMatch(/fill="#1d70b8"/);
    expect(hollow).not.toMatch(/fill="#1d70b8"/);
    expect(hollow).toMatch(/stroke="#1d70b8"/);
  });

  it('breaks the line at a period with no figure instead of joining its neighbours', () => {
    const points = spc.points.map((p) => ({ ...p, hollow: false }));
    const joined = renderSpcChart({ points, labels: values.map((_, i) => `P${i + 1}`), target: null, title: 'Test' });
    const gap = { value: null, mean: null, lowerLimit: null, upperLimit: null, type: null, hollow: false };
    const broken = renderSpcChart({
      points: [...points.slice(0, 6), gap, gap, ...points.slice(6)],
      labels: [
        ...values.slice(0, 6).map((_, i) => `P${i + 1}`),
        'Gap 1',
        'Gap 2',
        ...values.slice(6).map((_, i) => `Q${i}`),
      ],
      target: null,
      title: 'Test',
    });
    // The value line is one stroke without a gap, and two pieces (a second "move to") with one.
    const moves = (svg: string) =>
      (/<path d="([^"]*)" fill="none"[^>]*stroke="#505a5f"/.exec(svg)?.[1] ?? '').split('M').length - 1;
    expect(moves(joined)).toBe(1);
    expect(moves(broken)).toBe(2);
  });
});

describe('SPC chart layout at a phone’s width and a desktop’s', () => {
  const big = [1_000_000, 1_150_000, 990_000, 1_020_000, 1_080_000, 1_210_000];
  const bigSpc = analyseSpc({
    points: big.map((value, i) => ({ key: `p${i}`, date: `2024-0${i + 1}-01`, value })),
    polarity: 'higher-is-better',
    target: null,
  });
  const render = (width: number, title: string) =>
    renderSpcChart(
      {
        points: bigSpc.points.map((p) => ({ ...p, hollow: false })),
        labels: big.map((_, i) => `Month ${i + 1}`),
        target: { kind: 'range', lower: 1_000_000, upper: 1_100_000 },
        title,
      },
      { width, height: 340 },
    );
  const texts = (svg: string) =>
    [...svg.matchAll(/<text([^>]*)transform="translate\(([\d.-]+) ([\d.-]+)\)"[^>]*>([^<]*)<\/text>/g)].map((m) => ({
      attributes: m[1]!,
      x: Number(m[2]),
      y: Number(m[3]),
      text: m[4]!,
    }));

  it.each([375, 760])('at %d px: the legend sits below the axis labels, and no label is cut at the left', (width) => {
    const all = texts(render(width, 'KPI-7 Households in temporary accommodation: SPC chart'));
    const legendNames = [
      'Mean',
      'Upper process limit',
      'Lower process limit',
      'Value',
      'Target (lower)',
      'Target (upper)',
    ];
    const legend = all.filter((t) => legendNames.includes(t.text));
    expect(legend.map((t) => t.text).sort()).toEqual([...legendNames].sort());
    const axisLabels = all.filter((t) => t.text.startsWith('Month'));
    expect(axisLabels.length).toBeGreaterThan(0);
    const lowestAxisLabel = Math.max(...axisLabels.map((t) => t.y + 6));
    expect(Math.min(...legend.map((t) => t.y))).toBeGreaterThan(lowestAxisLabel + 12);
    // Right-aligned value labels (1,200,000): about 6 px a character must fit left of where they end.
    for (const label of all.filter((t) => t.attributes.includes('text-anchor="end"')))
      expect(label.x - label.text.length * 6, label.text).toBeGreaterThanOrEqual(0);
    // Legend entries start inside the chart.
    for (const entry of legend) expect(entry.x + 30 + entry.text.length * 6, entry.text).toBeLessThanOrEqual(width);
  });

  it('breaks a long title onto more lines at a phone’s width, and lowers the plot to make room', () => {
    const title = 'KPI-7 Households in temporary accommodation per 1,000 households: SPC chart';
    expect(titleLines(title, 359)).toBeGreaterThan(1);
    expect(titleLines(title, 744)).toBe(1);
    const narrow = spcChartOption({ points: [], labels: [], target: null, title }, 375);
    const wide = spcChartOption({ points: [], labels: [], target: null, title }, 760);
    const top = (option: ReturnType<typeof spcChartOption>) => (option.grid as { top: number }).top;
    expect(top(narrow)).toBeGreaterThan(top(wide));
    expect(legendRows(['Mean', 'Upper process limit', 'Lower process limit', 'Value', 'Target'], 359)).toBeGreaterThan(
      1,
    );
    expect(legendRows(['Mean', 'Value'], 744)).toBe(1);
  });
});
