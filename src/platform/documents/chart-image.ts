import { Resvg } from '@resvg/resvg-js';

export interface ChartImage {
  png: Buffer;
  /** The chart's size as drawn (CSS pixels at 96 to the inch), for placing it in a page. */
  width: number;
  height: number;
}

/** Pixels drawn per CSS pixel: sharp enough to print at the size the chart is placed. */
const SCALE = 2;

/**
 * A chart's SVG as a PNG, for outputs that cannot show SVG (Word's fallback image; Excel has no
 * place for it). resvg draws it in-process, without a browser, from the fonts installed here, with
 * a sans-serif font every Debian machine has, so the same SVG gives the same picture.
 */
export function chartToPng(svg: string): ChartImage {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: SCALE },
    background: '#ffffff',
    font: { loadSystemFonts: true, defaultFontFamily: 'Liberation Sans', sansSerifFamily: 'Liberation Sans' },
  });
  const rendered = resvg.render();
  return {
    png: rendered.asPng(),
    width: Math.round(rendered.width / SCALE),
    height: Math.round(rendered.height / SCALE),
  };
}
