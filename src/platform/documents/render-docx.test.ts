import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { renderDocx } from './render-docx.ts';
import { sampleDocument } from './test/sample-document.ts';

const unescapeXml = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

/** The paragraphs' text of a Word document body, in order (runs of a paragraph joined). */
function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map((match) =>
      [...match[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((text) => unescapeXml(text[1]!)).join(''),
    )
    .filter((text) => text !== '');
}

describe('a document as a Word file', () => {
  const document = sampleDocument();
  /** Rendered once without links' addresses: drawing the chart makes each rendering take a while. */
  let plain: Buffer;
  beforeAll(async () => {
    plain = await renderDocx(document);
  });

  it('has the title, Word heading styles, and the facts and words in order', async () => {
    const parts = unzipSync(await renderDocx(document, { baseUrl: 'https://gt.example.gov.uk' }));
    const body = strFromU8(parts['word/document.xml']!);
    expect(body).toContain('<w:pStyle w:val="Title"/>');
    expect(body.match(/<w:pStyle w:val="Heading1"\/>/g)).toHaveLength(2);
    const text = paragraphs(body);
    expect(text.slice(0, 4)).toEqual([
      'Quarterly performance report',
      'Quarter 2, 2026/27',
      'Council: Anytown Borough Council',
      'Audience: Overview & Scrutiny <Committee>',
    ]);
    expect(text).toContain('Household waste recycled rose. (https://gt.example.gov.uk/measures/m1)');
    expect(strFromU8(parts['docProps/core.xml']!)).toContain('<dc:title>Quarterly performance report</dc:title>');
  });

  it('has real tables whose header row repeats, numbers right-aligned and tones in words', async () => {
    const body = strFromU8(unzipSync(plain)['word/document.xml']!);
    const tables = body.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
    expect(tables).toHaveLength(2);
    expect(tables[0]).toContain('<w:tblHeader/>');
    expect(paragraphs(tables[0]!)).toEqual([
      'Code',
      'Measure',
      'Value',
      'Status',
      'KPI 01',
      'Household waste recycled',
      '91.25%',
      'Green',
      'KPI 02',
      '=SUM(A1:A9) days to process',
      '1,234',
      'Missed by 4 (Red)',
      'KPI 03',
      '-5 change, @mention',
      '-7.5',
      'Amber',
    ]);
    expect(tables[0]).toMatch(/<w:jc w:val="right"\/>[\s\S]*?1,234/);
  });

  it('places the chart as an SVG picture with a PNG fallback and alt text, its data table after it', async () => {
    const parts = unzipSync(plain);
    const body = strFromU8(parts['word/document.xml']!);
    expect(body).toMatch(/<wp:docPr id="1" name="Household waste recycled" descr="A line chart: [^"]*"/);
    expect(body.indexOf('<wp:docPr')).toBeLessThan(body.indexOf('Household waste recycled by quarter'));
    const media = Object.keys(parts).filter((name) => name.startsWith('word/media/'));
    expect(media.map((name) => name.split('.').pop()).sort()).toEqual(['png', 'svg']);
    const png = parts[media.find((name) => name.endsWith('.png'))!]!;
    expect(Buffer.from(png.subarray(1, 4)).toString('latin1')).toBe('PNG');
  });

  it('gives the same bytes for the same document, whenever it is made', async () => {
    const first = plain;
    // Another day and time: docx stamps both into the file unless the renderer fixes them.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2031-06-15T13:47:09Z'));
    const second = await renderDocx(document).finally(() => vi.useRealTimers());
    expect(second.equals(first)).toBe(true);
    expect(strFromU8(unzipSync(first)['docProps/core.xml']!)).toContain('>2000-01-01T00:00:00Z</dcterms:created>');
  });
});
