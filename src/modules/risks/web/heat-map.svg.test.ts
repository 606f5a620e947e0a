import { describe, expect, it } from 'vitest';
import { DEFAULT_MATRIX, heatMapOf } from '../domain/index.ts';
import { heatMapSvg } from './heat-map.svg.ts';

describe('the heat map SVG', () => {
  const svg = heatMapSvg(
    heatMapOf(DEFAULT_MATRIX, [
      { likelihood: 5, impact: 5 },
      { likelihood: 5, impact: 5 },
      { likelihood: 1, impact: 2 },
    ]),
    'Strategic <risks>',
  );

  it('draws a square per cell and the count where there are risks', () => {
    expect(svg.match(/<rect /g)).toHaveLength(25);
    expect(svg).toContain('>2</text>');
    expect(svg).toContain('fill="#4c2c92"');
  });

  it('uses presentation attributes only, so the content security policy lets it show', () => {
    expect(svg).not.toMatch(/style=|<style/);
  });

  it('escapes its title', () => {
    expect(svg).toContain('<title id="heat-title">Strategic &lt;risks&gt;</title>');
  });
});
