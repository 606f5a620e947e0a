import { describe, expect, it } from 'vitest';
import { viewEnvironmentFor } from '../http/views.ts';
import { renderDocumentHtml } from './render-html.ts';
import { sampleDocument } from './test/sample-document.ts';

describe('a document as a standalone HTML file', () => {
  const html = renderDocumentHtml(sampleDocument(), { baseUrl: 'https://gt.example.gov.uk/' });

  it('is an HTML5 file in English with the title, the facts, and the headings in order', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en-GB">')).toBe(true);
    expect(html).toContain('<title>Quarterly performance report</title>');
    const headings = [...html.matchAll(/<h(\d)[^>]*>([^<]*)<\/h\1>/g)].map((match) => `${match[1]} ${match[2]}`);
    expect(headings).toEqual(['1 Quarterly performance report', '2 Contents', '2 Summary', '2 Key measures']);
    expect(html).toContain('<dt>Audience</dt><dd>Overview &amp; Scrutiny &lt;Committee&gt;</dd>');
  });

  it('prints tables with a caption and column headers, numbers right-aligned', () => {
    expect(html).toContain('<caption>Key measures: Q2 2026/27</caption>');
    expect(html).toContain('<th scope="col" class="numeric">Value</th>');
    expect(html).toContain('<td class="numeric">1,234</td>');
  });

  it('says a tone in words, adding the word only where the text does not already say it', () => {
    expect(html).toContain('<span class="tone tone-red">Missed by 4 (Red)</span>');
    expect(html).toContain('<span class="tone tone-green">Green</span>');
    expect(html).not.toContain('Green (Green)');
  });

  it('makes links to the app absolute, since the file is opened away from it', () => {
    expect(html).toContain('<a href="https://gt.example.gov.uk/measures/m1">Household waste recycled</a>');
  });

  it('draws the chart as a described picture followed by its data table, with a print stylesheet', () => {
    const figure = html.indexOf('<figure>');
    expect(html.slice(figure)).toMatch(
      /^<figure><figcaption>Household waste recycled<\/figcaption><div role="img" aria-label="A line chart: [^"]*"><svg/,
    );
    expect(html.indexOf('<caption>Household waste recycled by quarter</caption>')).toBeGreaterThan(figure);
    expect(html).toContain('@media print');
    expect(html).toContain('thead { display: table-header-group; }');
  });

  it('escapes what the document says, so its text cannot become markup', () => {
    const unsafe = renderDocumentHtml({ title: '<script>x</script>', facts: [], sections: [] });
    expect(unsafe).toContain('<title>&lt;script&gt;x&lt;/script&gt;</title>');
    expect(unsafe).not.toContain('<script>');
  });
});

describe('a document inside an app page (documents/blocks.njk)', () => {
  const env = viewEnvironmentFor([]);
  const page = env.renderString(
    '{% from "documents/blocks.njk" import documentSections %}{{ documentSections(document) }}',
    {
      document: sampleDocument(),
    },
  );

  it('uses GOV.UK tables with captions and column headers, and summary lists for facts', () => {
    expect(page).toContain(
      '<caption class="govuk-table__caption govuk-table__caption--s">Key measures: Q2 2026/27</caption>',
    );
    expect(page).toMatch(/<th scope="col" class="govuk-table__header govuk-table__header--numeric">Value<\/th>/);
    expect(page).toMatch(
      /<dt class="govuk-summary-list__key">Measures<\/dt>\s*<dd class="govuk-summary-list__value">12<\/dd>/,
    );
    expect(page).toMatch(/<h2 class="govuk-heading-l" id="measures-heading">Key measures<\/h2>/);
  });

  it('shows tones as tags with their word, and the chart with its data table', () => {
    expect(page).toContain('<strong class="govuk-tag govuk-tag--red">Missed by 4 (Red)</strong>');
    expect(page).toContain('<strong class="govuk-tag govuk-tag--orange">Amber</strong>');
    expect(page).toMatch(/<div role="img" aria-label="A line chart[^"]*"><svg/);
    expect(page).toContain('Household waste recycled by quarter</caption>');
    expect(page).toContain('<a class="govuk-link" href="/measures/m1">Household waste recycled</a>');
  });
});
