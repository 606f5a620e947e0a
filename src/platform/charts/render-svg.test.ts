import { describe, expect, it } from 'vitest';
import { renderChartSvg, withoutInlineStyles } from './render-svg.ts';

describe('charts under the content security policy', () => {
  it('turns style attributes into presentation attributes, the style winning over an attribute it repeats', () => {
    expect(
      withoutInlineStyles(
        '<text x="1" fill="#000" style="font-size:12px;font-family:sans-serif;fill:#333;cursor:pointer" y="2">0</text>',
      ),
    ).toBe('<text x="1" y="2" font-size="12px" font-family="sans-serif" fill="#333">0</text>');
    expect(withoutInlineStyles('<path d="M0 0" style="stroke-width:2" />')).toBe('<path d="M0 0" stroke-width="2" />');
  });

  it('leaves a chart with no style element and no style attribute, and keeps its text sized', () => {
    const svg = renderChartSvg(
      {
        xAxis: { type: 'category', data: ['Q1', 'Q2'] },
        yAxis: { type: 'value' },
        series: [{ type: 'line', data: [1, 2] }],
      },
      { width: 400, height: 200 },
    );
    expect(svg).not.toMatch(/<style|style="/);
    expect(svg).toMatch(/<text [^>]*font-size="12px"[^>]*>Q1<\/text>/);
    expect(svg).toContain('viewBox="0 0 400 200"');
  });
});
