import { words, type Catalogue } from '../words/index.ts';
import type { Block, Cell, Chart, Document, Fact, Table } from './document.ts';
import { chartDataCaption, cellWithToneWord, TONE_COLOURS } from './tones.ts';
import { escapeHtml } from '../http/escape-html.ts';

export interface HtmlOptions {
  /** The document's language (the `lang` of the file). */
  lang?: string;
  /**
   * The app's address ("https://gt.example.gov.uk"): the file is downloaded and opened away from
   * the app, so a link to a page in the app (`/measures/…`) is made absolute with it.
   */
  baseUrl?: string;
  catalogue?: Catalogue;
}

/**
 * The file is opened from a disk, not served under the app's content security policy, so its
 * styles are inline: a plain readable layout on screen and a print stylesheet that keeps table
 * headers on every page and rows whole. Tone colours are GOV.UK tag colours, always with words.
 */
const STYLES = `
body { font-family: Arial, Helvetica, sans-serif; color: #0b0c0c; line-height: 1.4; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }
h1 { font-size: 2rem; margin-bottom: 0.25rem; }
h2 { font-size: 1.5rem; margin-top: 2rem; border-bottom: 1px solid #b1b4b6; }
.subtitle { font-size: 1.25rem; color: #505a5f; margin-top: 0; }
a { color: #1d70b8; }
a:focus { outline: 3px solid #ffdd00; background: #ffdd00; color: #0b0c0c; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; }
dl.facts dt { font-weight: bold; }
dl.facts dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
caption { text-align: left; font-weight: bold; padding-bottom: 0.5rem; }
th, td { border-bottom: 1px solid #b1b4b6; padding: 0.4rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #f3f2f1; }
.numeric { text-align: right; font-variant-numeric: tabular-nums; }
.tone { display: inline-block; padding: 0 0.3rem; font-weight: bold; }
${Object.entries(TONE_COLOURS)
  .map(([tone, colour]) => `.tone-${tone} { color: #${colour.text}; background: #${colour.fill}; }`)
  .join('\n')}
figure { margin: 1rem 0; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-weight: bold; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  nav.contents { display: none; }
  h2 { break-after: avoid; }
  thead { display: table-header-group; }
  tr, figure { break-inside: avoid; }
  a { color: #0b0c0c; text-decoration: none; }
  .tone { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
`;

/** A standalone, accessible HTML5 file of a document: the same words and figures as every other output. */
export function renderDocumentHtml(document: Document, options: HtmlOptions = {}): string {
  const catalogue = options.catalogue ?? words;
  const link = (href: string) => escapeHtml(absolute(href, options.baseUrl));
  const context: HtmlContext = { catalogue, link };
  const contents = document.sections
    .map((section) => `<li><a href="#${escapeHtml(section.id)}">${escapeHtml(section.heading)}</a></li>`)
    .join('');
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(options.lang ?? 'en-GB')}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(document.title)}</title>`,
    `<style>${STYLES}</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>${escapeHtml(document.title)}</h1>`,
    document.subtitle ? `<p class="subtitle">${escapeHtml(document.subtitle)}</p>` : '',
    document.facts.length > 0 ? factList(document.facts) : '',
    '</header>',
    document.sections.length > 1
      ? `<nav class="contents" aria-labelledby="contents-heading"><h2 id="contents-heading">${escapeHtml(catalogue.documents.contents)}</h2><ol>${contents}</ol></nav>`
      : '',
    '<main>',
    ...document.sections.map(
      (section) =>
        `<section id="${escapeHtml(section.id)}" aria-labelledby="${escapeHtml(section.id)}-heading">` +
        `<h2 id="${escapeHtml(section.id)}-heading">${escapeHtml(section.heading)}</h2>` +
        section.blocks.map((block) => renderBlock(block, context)).join('\n') +
        '</section>',
    ),
    '</main>',
    '</body>',
    '</html>',
    '',
  ]
    .filter((line) => line !== '')
    .join('\n');
}

interface HtmlContext {
  catalogue: Catalogue;
  link: (href: string) => string;
}

function absolute(href: string, baseUrl: string | undefined): string {
  if (!baseUrl || !href.startsWith('/') || href.startsWith('//')) return href;
  return `${baseUrl.replace(/\/+$/, '')}${href}`;
}

function linked(text: string, href: string | undefined, context: HtmlContext): string {
  return href ? `<a href="${context.link(href)}">${escapeHtml(text)}</a>` : escapeHtml(text);
}

function factList(facts: Fact[]): string {
  const rows = facts.map((fact) => `<dt>${escapeHtml(fact.label)}</dt><dd>${escapeHtml(fact.value)}</dd>`).join('');
  return `<dl class="facts">${rows}</dl>`;
}

function renderBlock(block: Block, context: HtmlContext): string {
  switch (block.kind) {
    case 'paragraph':
      return `<p>${linked(block.text, block.href, context)}</p>`;
    case 'list':
      return `<ul>${block.items.map((item) => `<li>${linked(item.text, item.href, context)}</li>`).join('')}</ul>`;
    case 'facts':
      return factList(block.facts);
    case 'table':
      return renderTable(block, context);
    case 'chart':
      return renderChart(block, context);
  }
}

function renderCell(cell: Cell, numeric: boolean, context: HtmlContext): string {
  const classes = numeric ? ' class="numeric"' : '';
  const text = cellWithToneWord(cell, context.catalogue);
  const content = linked(text, cell.href, context);
  return `<td${classes}>${cell.tone ? `<span class="tone tone-${cell.tone}">${content}</span>` : content}</td>`;
}

function renderTable(table: Table, context: HtmlContext): string {
  const head = table.columns
    .map((column) => `<th scope="col"${column.numeric ? ' class="numeric"' : ''}>${escapeHtml(column.label)}</th>`)
    .join('');
  const body = table.rows
    .map(
      (row) =>
        `<tr>${row.map((cell, index) => renderCell(cell, table.columns[index]?.numeric === true, context)).join('')}</tr>`,
    )
    .join('\n');
  return `<table>\n<caption>${escapeHtml(table.caption)}</caption>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

/** The chart is a picture described for screen readers, and its data follows it as a real table. */
function renderChart(chart: Chart, context: HtmlContext): string {
  return (
    `<figure><figcaption>${escapeHtml(chart.title)}</figcaption>` +
    `<div role="img" aria-label="${escapeHtml(chart.description)}">${chart.svg}</div></figure>\n` +
    renderTable(
      { ...chart.table, caption: chart.table.caption || chartDataCaption(chart.title, context.catalogue) },
      context,
    )
  );
}
