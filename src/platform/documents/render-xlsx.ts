import ExcelJS from 'exceljs';
import { words, type Catalogue } from '../words/index.ts';
import type { Cell, Document, Table } from './document.ts';
import { cellWithToneWord, chartDataCaption, TONE_COLOURS } from './tones.ts';

export interface XlsxOptions {
  /** The creation date written in the workbook's properties (ISO). */
  createdAt?: string;
  catalogue?: Catalogue;
}

const FIXED_CREATED_AT = '2000-01-01T00:00:00Z';
const MAX_SHEET_NAME = 31;
/** Excel refuses these in a sheet's name. */
const FORBIDDEN_IN_SHEET_NAME = /[\\/?*[\]:]/g;
/** Text starting with one of these is taken for a formula by a spreadsheet (CSV/formula injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * The data behind a document as a workbook: a sheet per table (a chart's data table included),
 * named from its caption, numbers as numbers, the header row frozen and filterable; a first sheet
 * says what the document is and which sheet holds which table. No text is ever a formula.
 */
export async function renderXlsx(document: Document, options: XlsxOptions = {}): Promise<Buffer> {
  const catalogue = options.catalogue ?? words;
  const created = new Date(options.createdAt ?? FIXED_CREATED_AT);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Golden Thread';
  workbook.lastModifiedBy = 'Golden Thread';
  workbook.title = document.title;
  workbook.created = created;
  workbook.modified = created;

  const tables = document.sections.flatMap((section) =>
    section.blocks.flatMap((block): Table[] => {
      if (block.kind === 'table') return [block];
      if (block.kind === 'chart')
        return [{ ...block.table, caption: block.table.caption || chartDataCaption(block.title, catalogue) }];
      return [];
    }),
  );
  // Excel keeps the name "History" for itself.
  const taken = new Set(['history']);
  const about = workbook.addWorksheet(sheetNames([catalogue.documents.sheetFacts], taken)[0]);
  const names = sheetNames(
    tables.map((table) => table.caption),
    taken,
  );

  about.columns = [{ width: 30 }, { width: 60 }];
  about.addRow([neutralise(document.title)]).font = { bold: true, size: 14 };
  if (document.subtitle) about.addRow([neutralise(document.subtitle)]);
  about.addRow([]);
  for (const fact of document.facts) about.addRow([neutralise(fact.label), neutralise(fact.value)]);
  if (tables.length > 0) about.addRow([]);
  tables.forEach((table, index) => about.addRow([names[index]!, neutralise(table.caption)]));

  tables.forEach((table, index) => addTableSheet(workbook, names[index]!, table, catalogue));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function addTableSheet(workbook: ExcelJS.Workbook, name: string, table: Table, catalogue: Catalogue): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  const header = sheet.addRow(table.columns.map((column) => neutralise(column.label)));
  header.font = { bold: true };
  for (const row of table.rows) {
    const added = sheet.addRow(row.map((cell) => cellValue(cell, catalogue)));
    row.forEach((cell, index) => {
      const target = added.getCell(index + 1);
      if (table.columns[index]?.numeric) target.alignment = { horizontal: 'right' };
      if (cell.tone) {
        const colour = TONE_COLOURS[cell.tone];
        target.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${colour.fill}` } };
        target.font = { color: { argb: `FF${colour.text}` }, bold: true };
      }
    });
  }
  table.columns.forEach((column, index) => {
    const longest = Math.max(column.label.length, ...table.rows.map((row) => (row[index]?.text ?? '').length));
    sheet.getColumn(index + 1).width = Math.min(60, Math.max(8, longest + 2));
  });
  if (table.columns.length > 0) {
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
  }
}

/** A number where the cell has one (so sums work), otherwise its words with its tone said. */
function cellValue(cell: Cell, catalogue: Catalogue): string | number {
  if (cell.value !== undefined && Number.isFinite(cell.value)) return cell.value;
  return neutralise(cellWithToneWord(cell, catalogue));
}

/** Text a spreadsheet would run as a formula is kept as text by a leading apostrophe. */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * Sheet names from captions: forbidden characters replaced, at most 31 characters, not starting or
 * ending with an apostrophe, and unique ignoring case (Excel's rule) by a numbered suffix.
 */
export function sheetNames(captions: string[], taken: Set<string>): string[] {
  return captions.map((caption, index) => {
    const cleaned =
      caption
        .replace(FORBIDDEN_IN_SHEET_NAME, ' ')
        .replace(/\s+/g, ' ')
        .trim()
        .replace(/^'+|'+$/g, '')
        .trim() || `Table ${index + 1}`;
    let name = cleaned.slice(0, MAX_SHEET_NAME).trim();
    for (let suffix = 2; taken.has(name.toLowerCase()); suffix++) {
      const tail = ` (${suffix})`;
      name = `${cleaned.slice(0, MAX_SHEET_NAME - tail.length).trim()}${tail}`;
    }
    taken.add(name.toLowerCase());
    return name;
  });
}
