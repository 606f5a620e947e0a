import {
  AlignmentType,
  Document as WordDocument,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph as WordParagraph,
  ShadingType,
  Table as WordTable,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
} from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { words, type Catalogue } from '../words/index.ts';
import type { Block, Cell, Chart, Document, Fact, Table } from './document.ts';
import { chartToPng } from './chart-image.ts';
import { cellWithToneWord, chartDataCaption, TONE_COLOURS } from './tones.ts';

export interface DocxOptions {
  /** The creation date written in the file's properties (ISO); fixed so the same document gives the same bytes. */
  createdAt?: string;
  /** The app's address, so a link to a page in the app is printed in full beside its words. */
  baseUrl?: string;
  catalogue?: Catalogue;
}

/** No real date is known to the renderer: a fixed one keeps the file's bytes the same each time. */
const FIXED_CREATED_AT = '2000-01-01T00:00:00Z';
/** The widest a chart is placed on an A4 page inside Word's default margins, in pixels at 96 to the inch. */
const MAX_CHART_WIDTH = 600;
const FONT = 'Arial';

/**
 * A Word document of a document, editable for a committee's template: Word's own heading styles,
 * real tables whose header row repeats on every page, each chart as a picture (SVG, with a PNG for
 * older Word) followed by its data table. The same document gives the same bytes.
 */
export async function renderDocx(document: Document, options: DocxOptions = {}): Promise<Buffer> {
  const catalogue = options.catalogue ?? words;
  const context: DocxContext = { catalogue, baseUrl: options.baseUrl };
  const children: FileChild[] = [
    new WordParagraph({ text: document.title, heading: HeadingLevel.TITLE }),
    ...(document.subtitle ? [new WordParagraph({ text: document.subtitle, style: 'Subtitle' })] : []),
    ...factParagraphs(document.facts),
    ...document.sections.flatMap((section) => [
      new WordParagraph({ text: section.heading, heading: HeadingLevel.HEADING_1 }),
      ...section.blocks.flatMap((block) => renderBlock(block, context)),
    ]),
  ];
  const file = new WordDocument({
    title: document.title,
    ...(document.subtitle ? { subject: document.subtitle } : {}),
    creator: 'Golden Thread',
    lastModifiedBy: 'Golden Thread',
    revision: 1,
    styles: {
      default: {
        document: { run: { font: FONT, size: 22 } },
        title: { run: { font: FONT, size: 44, bold: true, color: '0B0C0C' } },
        heading1: {
          run: { font: FONT, size: 32, bold: true, color: '0B0C0C' },
          paragraph: { spacing: { before: 360, after: 120 }, keepNext: true },
        },
      },
      paragraphStyles: [
        { id: 'Subtitle', name: 'Subtitle', basedOn: 'Normal', next: 'Normal', run: { size: 28, color: '505A5F' } },
        {
          id: 'Caption',
          name: 'caption',
          basedOn: 'Normal',
          next: 'Normal',
          run: { bold: true },
          paragraph: { spacing: { before: 240, after: 120 }, keepNext: true },
        },
      ],
    },
    sections: [{ children }],
  });
  return deterministic(await Packer.toBuffer(file), options.createdAt ?? FIXED_CREATED_AT);
}

interface DocxContext {
  catalogue: Catalogue;
  baseUrl: string | undefined;
}

function factParagraphs(facts: Fact[]): WordParagraph[] {
  return facts.map(
    (fact) =>
      new WordParagraph({ children: [new TextRun({ text: `${fact.label}: `, bold: true }), new TextRun(fact.value)] }),
  );
}

/** A link's words, with the address after them: a printed page cannot be clicked. */
function withAddress(text: string, href: string | undefined, context: DocxContext): string {
  if (!href || !context.baseUrl) return text;
  const address = href.startsWith('/') ? `${context.baseUrl.replace(/\/+$/, '')}${href}` : href;
  return `${text} (${address})`;
}

function renderBlock(block: Block, context: DocxContext): FileChild[] {
  switch (block.kind) {
    case 'paragraph':
      return [new WordParagraph({ text: withAddress(block.text, block.href, context) })];
    case 'list':
      return block.items.map(
        (item) => new WordParagraph({ text: withAddress(item.text, item.href, context), bullet: { level: 0 } }),
      );
    case 'facts':
      return factParagraphs(block.facts);
    case 'table':
      return renderTable(block, context);
    case 'chart':
      return renderChart(block, context);
  }
}

function headerCell(label: string, numeric: boolean): TableCell {
  return new TableCell({
    shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'F3F2F1' },
    children: [
      new WordParagraph({
        alignment: numeric ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: [new TextRun({ text: label, bold: true })],
      }),
    ],
  });
}

function bodyCell(cell: Cell, numeric: boolean, context: DocxContext): TableCell {
  const colour = cell.tone ? TONE_COLOURS[cell.tone] : undefined;
  return new TableCell({
    ...(colour ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: colour.fill } } : {}),
    children: [
      new WordParagraph({
        alignment: numeric ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: [
          new TextRun({
            text: withAddress(cellWithToneWord(cell, context.catalogue), cell.href, context),
            ...(colour ? { color: colour.text, bold: true } : {}),
          }),
        ],
      }),
    ],
  });
}

function renderTable(table: Table, context: DocxContext): FileChild[] {
  const numeric = table.columns.map((column) => column.numeric === true);
  return [
    new WordParagraph({ text: table.caption, style: 'Caption' }),
    new WordTable({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({
          tableHeader: true,
          cantSplit: true,
          children: table.columns.map((column, index) => headerCell(column.label, numeric[index]!)),
        }),
        ...table.rows.map(
          (row) =>
            new TableRow({
              cantSplit: true,
              children: row.map((cell, index) => bodyCell(cell, numeric[index] === true, context)),
            }),
        ),
      ],
    }),
  ];
}

function renderChart(chart: Chart, context: DocxContext): FileChild[] {
  const image = chartToPng(chart.svg);
  const scale = Math.min(1, MAX_CHART_WIDTH / image.width);
  const transformation = { width: Math.round(image.width * scale), height: Math.round(image.height * scale) };
  return [
    new WordParagraph({ text: chart.title, style: 'Caption' }),
    new WordParagraph({
      children: [
        new ImageRun({
          type: 'svg',
          data: Buffer.from(chart.svg, 'utf8'),
          fallback: { type: 'png', data: image.png },
          transformation,
          altText: { name: chart.title, title: chart.title, description: chart.description },
        }),
      ],
    }),
    ...renderTable(
      { ...chart.table, caption: chart.table.caption || chartDataCaption(chart.title, context.catalogue) },
      context,
    ),
  ];
}

/**
 * docx stamps the file's properties with the time it was packed and its zip entries with the time
 * of day: both are replaced with a fixed date, drawings are numbered from one, and the entries are
 * zipped again in the same order.
 */
function deterministic(packed: Buffer, createdAt: string): Buffer {
  const entries = unzipSync(new Uint8Array(packed));
  const body = entries['word/document.xml'];
  if (body) {
    // docx numbers drawings from a counter shared by every document the process has made.
    let drawing = 0;
    entries['word/document.xml'] = strToU8(
      strFromU8(body).replace(/<wp:docPr id="\d+"/g, () => `<wp:docPr id="${++drawing}"`),
    );
  }
  const core = entries['docProps/core.xml'];
  if (core) {
    entries['docProps/core.xml'] = strToU8(
      strFromU8(core).replace(
        /(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g,
        (_whole, open: string, _name: string, close: string) => `${open}${createdAt}${close}`,
      ),
    );
  }
  // Local time on purpose: zip stores a wall-clock time, so a local date gives the same bytes in any time zone.
  const mtime = new Date(2000, 0, 1);
  const zippable: Zippable = {};
  for (const [name, data] of Object.entries(entries)) zippable[name] = [data, { mtime }];
  return Buffer.from(zipSync(zippable, { level: 6 }));
}
