import * as echarts from 'echarts';

/**
 * ECharts rendered to SVG on the server: the same chart in pages, PDF and Word, and no script
 * needed to see it. Animation off (there is no frame to animate) and the instance disposed.
 */
export function renderChartSvg(option: echarts.EChartsOption, size: { width: number; height: number }): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({ ...option, animation: false });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
