/**
 * A document in a neutral form: what a report or a plan says, without knowing how it is printed.
 * A capability builds one from its figures (every word already phrased in the reader's language);
 * the renderers beside this file turn the same document into HTML, Word, Excel and PDF, so every
 * output carries the same figures. The platform knows no capability: nothing here names a measure,
 * a risk or a budget.
 */
export interface Document {
  /** The title on the cover and in the file's properties. */
  title: string;
  subtitle?: string;
  /** Facts printed under the title: council, period, audience, issued on, revision. */
  facts: Fact[];
  sections: Section[];
}

export interface Fact {
  label: string;
  value: string;
}

export interface Section {
  /** Stable within the document: an anchor in HTML, a sheet name's source in Excel. */
  id: string;
  heading: string;
  blocks: Block[];
}

export type Block = Paragraph | BulletList | Table | Chart | FactList;

export interface Paragraph {
  kind: 'paragraph';
  text: string;
  /** Where the sentence's evidence lives (a page in the app), when it has one. */
  href?: string;
}

export interface BulletList {
  kind: 'list';
  items: { text: string; href?: string }[];
}

export interface FactList {
  kind: 'facts';
  facts: Fact[];
}

/** The tone a cell is coloured by. Renderers pair every tone with its words, never colour alone. */
export type Tone = 'red' | 'amber' | 'green' | 'blue' | 'grey';

export interface Cell {
  text: string;
  /** A number for spreadsheets (the text is what people read); absent for words. */
  value?: number;
  tone?: Tone;
  href?: string;
}

export interface Column {
  label: string;
  /** Numbers are right-aligned in every output. */
  numeric?: boolean;
}

export interface Table {
  kind: 'table';
  caption: string;
  columns: Column[];
  rows: Cell[][];
}

/** Every chart carries the table of its data, printed beside it in every output. */
export interface Chart {
  kind: 'chart';
  title: string;
  /** Server-drawn SVG (src/platform/charts), with its description for screen readers. */
  svg: string;
  description: string;
  table: Table;
}
