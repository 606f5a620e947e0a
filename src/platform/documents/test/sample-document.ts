import { renderChartSvg } from '../../charts/render-svg.ts';
import type { Document } from '../document.ts';

/**
 * A document with every kind of block, for the renderers' tests: figures that must come out the
 * same in every output, a toned cell whose words do not say its tone, a chart with its data, and
 * text that a spreadsheet would take for a formula.
 */
export function sampleDocument(): Document {
  const quarters = ['Q1 2026/27', 'Q2 2026/27'];
  const values = [87.5, 91.25];
  return {
    title: 'Quarterly performance report',
    subtitle: 'Quarter 2, 2026/27',
    facts: [
      { label: 'Council', value: 'Anytown Borough Council' },
      { label: 'Audience', value: 'Overview & Scrutiny <Committee>' },
    ],
    sections: [
      {
        id: 'summary',
        heading: 'Summary',
        blocks: [
          { kind: 'paragraph', text: 'Twelve measures were reported this quarter.' },
          { kind: 'paragraph', text: 'Household waste recycled rose.', href: '/measures/m1' },
          { kind: 'list', items: [{ text: 'Three red' }, { text: 'Nine green', href: '/measures?status=green' }] },
          { kind: 'facts', facts: [{ label: 'Measures', value: '12' }] },
        ],
      },
      {
        id: 'measures',
        heading: 'Key measures',
        blocks: [
          {
            kind: 'table',
            caption: 'Key measures: Q2 2026/27',
            columns: [{ label: 'Code' }, { label: 'Measure' }, { label: 'Value', numeric: true }, { label: 'Status' }],
            rows: [
              [
                { text: 'KPI 01' },
                { text: 'Household waste recycled', href: '/measures/m1' },
                { text: '91.25%', value: 91.25 },
                { text: 'Green', tone: 'green' },
              ],
              [
                { text: 'KPI 02' },
                { text: '=SUM(A1:A9) days to process' },
                { text: '1,234', value: 1234 },
                { text: 'Missed by 4', tone: 'red' },
              ],
              [
                { text: 'KPI 03' },
                { text: '-5 change, @mention' },
                { text: '-7.5', value: -7.5 },
                { text: 'Amber', tone: 'amber' },
              ],
            ],
          },
          {
            kind: 'chart',
            title: 'Household waste recycled',
            description: 'A line chart: 87.5% in Q1 2026/27 rising to 91.25% in Q2 2026/27.',
            svg: renderChartSvg(
              {
                xAxis: { type: 'category', data: quarters },
                yAxis: { type: 'value' },
                series: [{ type: 'line', data: values }],
              },
              { width: 480, height: 240 },
            ),
            table: {
              kind: 'table',
              caption: 'Household waste recycled by quarter',
              columns: [{ label: 'Quarter' }, { label: 'Per cent', numeric: true }],
              rows: quarters.map((quarter, index) => [
                { text: quarter },
                { text: `${values[index]}%`, value: values[index]! },
              ]),
            },
          },
        ],
      },
    ],
  };
}
