import * as echarts from 'echarts';

/**
 * ECharts rendered to SVG on the server: the same chart in pages, PDF and Word, and no script
 * needed to see it. Animation off (there is no frame to animate) and the instance disposed.
 */
export function renderChartSvg(option: echarts.EChartsOption, size: { width: number; height: number }): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({ ...option, animation: false });
    return withoutInlineStyles(chart.renderToSVGString());
  } finally {
    chart.dispose();
  }
}

/** CSS properties ECharts writes in `style` that SVG also takes as presentation attributes. */
const PRESENTATION = new Set([
  'fill',
  'fill-opacity',
  'font-family',
  'font-size',
  'font-style',
  'font-weight',
  'opacity',
  'stroke',
  'stroke-dasharray',
  'stroke-opacity',
  'stroke-width',
  'text-anchor',
  'dominant-baseline',
]);

const STYLED_TAG = /<([a-zA-Z]+)((?:\s+[\w:-]+="[^"]*")*?)\s+style="([^"]*)"((?:\s+[\w:-]+="[^"]*")*)\s*(\/?)>/g;

/**
 * The page's content security policy (`style-src 'self'`) blocks inline `<style>` elements and
 * `style` attributes, so a chart drawn with them lost its fonts and sizes in the browser. Its
 * styles become SVG presentation attributes, which the policy allows, and the hover-only
 * `<style>` block (nothing hovers a server-drawn chart) is dropped.
 */
export function withoutInlineStyles(svg: string): string {
  return svg
    .replace(/<style\b[\s\S]*?<\/style>\s*/g, '')
    .replace(STYLED_TAG, (_tag, name: string, before: string, style: string, after: string, close: string) => {
      const declarations = style
        .split(';')
        .map((part) => part.split(':').map((piece) => piece.trim()))
        .filter((pair): pair is [string, string] => pair.length === 2 && PRESENTATION.has(pair[0]!) && pair[1] !== '');
      // A style wins over an attribute of the same name, so the attribute gives way.
      const overridden = new Set(declarations.map(([property]) => property));
      const kept = `${before}${after}`.replace(/\s+([\w:-]+)="[^"]*"/g, (attribute: string, attributeName: string) =>
        overridden.has(attributeName) ? '' : attribute,
      );
      const added = declarations.map(([property, value]) => ` ${property}="${value.replace(/"/g, '&quot;')}"`).join('');
      return `<${name}${kept}${added}${close ? ' /' : ''}>`;
    });
}
