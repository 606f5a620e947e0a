import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { documentFile } from '../../platform/documents/document-files.ts';
import { DEFAULT_MATRIX, heatMapOf } from '../risks/index.ts';
import { reportDocument } from './report-document.ts';
import { reportData, reportInput, reportMeasure } from './test/report-fixtures.ts';

const data = reportData;
const input = reportInput;

const ids = (doc: ReturnType<typeof reportDocument>) => doc.sections.map((s) => s.id);

describe('the report as a document', () => {
  it('shows each section only where its module has data, in the definition’s order', () => {
    expect(ids(reportDocument(input()))).toEqual(['summary', 'what-changed', 'performance', 'exceptions', 'key']);
    expect(ids(reportDocument(input({ data: data({ measures: [] }) })))).toEqual(['key']);
  });

  it('lists an exception with its value, target, status words, commentary, remedial action, owner and date', () => {
    const exceptions = reportDocument(input()).sections.find((s) => s.id === 'exceptions')!;
    const table = exceptions.blocks.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.rows[0]!.map((c) => c.text)).toEqual([
      'M1',
      'Missed bin collections',
      '140',
      '100',
      'Red',
      'Vehicle breakdowns',
      'A1 Hire two vehicles',
      'Bo Fleet',
      '31 January 2026',
    ]);
  });

  it('adds the revenue position from the port and the risk register with its heat map and data table', () => {
    const matrix = DEFAULT_MATRIX;
    const doc = reportDocument(
      input({
        money: {
          periodLabel: 'Period 6, 2025/26',
          revenue: {
            budget: 100_000_00,
            forecast: 105_000_00,
            variance: 5_000_00,
            variations: [
              { area: 'Place: Waste', budget: 10_000_00, forecast: 15_000_00, variance: 5_000_00, explanation: 'Fuel' },
            ],
          },
          capital: null,
          reserves: null,
          borrowing: null,
        },
        data: data({
          risks: [
            {
              id: 'r1',
              reference: 'SR1',
              title: 'Cyber attack',
              ownerName: null,
              score: 16,
              band: 'High',
              previousScore: 12,
            },
          ],
          heatMap: heatMapOf(matrix, [{ likelihood: 4, impact: 4 }]),
        }),
      }),
    );
    expect(ids(doc)).toEqual(['summary', 'what-changed', 'performance', 'exceptions', 'revenue', 'risks', 'key']);
    const risks = doc.sections.find((s) => s.id === 'risks')!;
    const chart = risks.blocks[0]!;
    expect(chart.kind).toBe('chart');
    if (chart.kind === 'chart') {
      expect(chart.svg).toContain('<svg');
      expect(chart.table.rows).toEqual([
        [{ text: '4', value: 4 }, { text: '4', value: 4 }, expect.anything(), { text: '1', value: 1 }],
      ]);
    }
    const changed = doc.sections.find((s) => s.id === 'what-changed')!.blocks[0]!;
    expect(changed).toEqual({
      kind: 'list',
      items: [{ text: 'Risk SR1 Cyber attack rose from a score of 12 to 16.', href: '/risks/r1' }],
    });
    expect(JSON.stringify(doc.sections.find((s) => s.id === 'revenue'))).toContain('£5,000.00');
  });

  it('takes the exception margin from the council’s setting, in the section and in the key', () => {
    // Amber, 15% worse than its target of 100 (lower is better).
    const amber = reportMeasure({ id: 'm2', code: 'M2', now: { rag: 'amber', value: 115 } });
    const exceptionsAt = (margin: number) => {
      const doc = reportDocument(input({ exceptionMarginPercent: margin, data: data({ measures: [amber] }) }));
      return JSON.stringify(doc.sections.filter((s) => s.id === 'exceptions' || s.id === 'key'));
    };
    expect(exceptionsAt(10)).toContain('M2');
    expect(exceptionsAt(10)).toContain('more than 10%');
    expect(exceptionsAt(20)).not.toContain('M2');
    expect(exceptionsAt(20)).toContain('more than 20%');
  });

  it('states the issue and the revision with its reason', () => {
    const doc = reportDocument(
      input({ state: { kind: 'issued', revision: 2, issuedOn: '2025-11-21', by: 'Pat', reason: 'Corrected' } }),
    );
    expect(doc.facts).toEqual(
      expect.arrayContaining([
        { label: 'Status', value: 'Issued on 21 November 2025 by Pat' },
        { label: 'Revision', value: '2' },
        { label: 'Reason for this revision', value: 'Corrected' },
      ]),
    );
  });

  it('lists projects off track with their manager, end date and why, beside the actions, in every format', async () => {
    const doc = reportDocument(
      input({
        data: data({
          actions: [
            {
              id: 'a1',
              code: 'A1',
              title: 'Hire two vehicles',
              ownerName: 'Bo Fleet',
              dueDate: '2026-01-31',
              now: 'off-track',
              before: null,
            },
          ],
          projects: [
            {
              id: 'p1',
              code: 'P1',
              title: 'New depot',
              ownerName: 'Cal Manager',
              endDate: '2025-08-31',
              reasons: { lateMilestones: { count: 2, firstDue: '2025-07-01' }, red: true, pastEnd: true },
            },
            {
              id: 'p2',
              code: 'P2',
              title: 'Fleet electrification',
              ownerName: null,
              endDate: '2026-03-31',
              reasons: { lateMilestones: { count: 1, firstDue: '2025-09-01' }, red: false, pastEnd: false },
            },
          ],
        }),
      }),
    );
    const section = doc.sections.find((s) => s.id === 'actions')!;
    const rows = section.blocks.map((b) =>
      b.kind === 'table' ? [b.caption, ...b.rows.map((r) => r.map((c) => c.text))] : [],
    );
    expect(rows).toEqual([
      ['Actions off track', ['A1', 'Hire two vehicles', 'Bo Fleet', '31 January 2026']],
      [
        'Projects off track',
        [
          'P1',
          'New depot',
          'Cal Manager',
          '31 August 2025',
          '2 milestones late (the first due 1 July 2025); Reported red overall; Past its end date',
        ],
        ['P2', 'Fleet electrification', 'no owner named', '31 March 2026', '1 milestone late (due 1 September 2025)'],
      ],
    ]);
    const firstCell = section.blocks[1]!.kind === 'table' ? section.blocks[1]!.rows[0]![0] : undefined;
    expect(firstCell).toEqual({ text: 'P1', href: '/projects/p1' });

    // The same rows in each output: the HTML (which the PDF is printed from), Word and Excel.
    const html = String(await documentFile(doc, 'html'));
    let printed = '';
    await documentFile(doc, 'pdf', async (page) => {
      printed = page;
      return Buffer.from('%PDF');
    });
    const unzipped = async (format: 'docx' | 'xlsx') =>
      Object.values(unzipSync(new Uint8Array((await documentFile(doc, format)) as Buffer)))
        .map((bytes) => strFromU8(bytes))
        .join('');
    for (const text of [html, printed, await unzipped('docx'), await unzipped('xlsx')]) {
      expect(text).toContain('Projects off track');
      expect(text).toContain('New depot');
      expect(text).toContain('Cal Manager');
      expect(text).toContain('31 August 2025');
      expect(text).toContain('Past its end date');
    }
  });

  it('says no action or project is off track when the council has open actions but none off track', () => {
    const doc = reportDocument(
      input({
        data: data({
          actions: [
            {
              id: 'a1',
              code: 'A1',
              title: 'Hire two vehicles',
              ownerName: null,
              dueDate: '2026-01-31',
              now: 'on-track',
              before: null,
            },
          ],
        }),
      }),
    );
    expect(doc.sections.find((s) => s.id === 'actions')!.blocks).toEqual([
      { kind: 'paragraph', text: 'No action or project is off track.' },
    ]);
  });
});
