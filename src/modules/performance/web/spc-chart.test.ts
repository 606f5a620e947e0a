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
});
