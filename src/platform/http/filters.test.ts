import { describe, expect, it } from 'vitest';
import { viewEnvironmentFor } from './views.ts';

describe('the words and tags templates take from the catalogue', () => {
  const env = viewEnvironmentFor([]);
  const render = (template: string, context: object = {}) => env.renderString(template, context).trim();

  it('says catalogue words by key, as a filter or a function with parameters', () => {
    expect(render('{{ "rag.no-data" | t }}')).toBe('No data');
    expect(render('{{ t("personStatus.leftOn", { date: "1 May 2025" }) }}')).toBe('Left 1 May 2025');
    expect(() => render('{{ "rag.nonsense" | t }}')).toThrow(/rag\.nonsense/);
  });

  it('gives status tags their word and colour', () => {
    const tag = '{% from "govuk/components/tag/macro.njk" import govukTag %}';
    expect(render(`${tag}{{ govukTag(ragTag(status)) }}`, { status: 'amber' })).toBe(
      '<strong class="govuk-tag govuk-tag--orange">\n  Amber\n</strong>',
    );
    expect(render(`${tag}{{ govukTag(labelTag("retired")) }}`)).toContain('govuk-tag--grey');
    expect(render('{{ planStatusTag("in-approval").text }} {{ valueStatusTag(null).text }}')).toBe(
      'In approval Not entered',
    );
    expect(render('{{ personStatusTag("left", "2025-05-01").text }}')).toBe('Left 1 May 2025');
    expect(render('{{ appetitePositionTag("within").classes }}')).toBe('govuk-tag--green');
  });
});
