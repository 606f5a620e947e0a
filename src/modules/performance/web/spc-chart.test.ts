import { describe, expect, it } from 'vitest';
import { analyseSpc } from '../domain/index.ts';
import { renderSpcChart } from './spc-chart.ts';

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
