import { describe, expect, it } from 'vitest';
import { findTemplateEnglish } from './template-english.ts';

const texts = (source: string): string[] => findTemplateEnglish(source).map((found) => found.text);

describe('findTemplateEnglish', () => {
  it('finds text between tags and names its line', () => {
    expect(findTemplateEnglish('<h1>{{ title }}</h1>\n<p class="govuk-body">No items yet.</p>')).toEqual([
      { line: 2, text: 'No items yet.' },
    ]);
  });

  it('finds prose in string literals inside Nunjucks tags', () => {
    expect(texts('{{ govukButton({ text: "Save item", classes: "govuk-button--secondary" }) }}')).toEqual([
      'Save item',
    ]);
    expect(texts("{{ govukInput({ label: { text: 'Title' }, id: 'title' }) }}")).toEqual(['Title']);
  });

  it('finds words people read in attributes', () => {
    expect(texts('<img src="{{ src }}" alt="Council logo">')).toEqual(['Council logo']);
  });

  it('passes catalogue keys, class lists, field names, paths and comments', () => {
    const source = [
      '{# A comment in English is for engineers. #}',
      '{% extends "layouts/base.njk" %}',
      '{{ govukButton({ text: "plans.save" | t, classes: "govuk-button--secondary govuk-!-margin-bottom-2" }) }}',
      '{{ t("reports.pages.gapsWarning", { count: gaps }) }}',
      '<form method="post" action="{{ paths.plan(plan.id) }}" novalidate>',
      '{{ govukSelect({ id: "scopeKind", name: "scopeKind" }) }}',
      '</form>',
    ].join('\n');
    expect(texts(source)).toEqual([]);
  });

  it('does not mistake markup in a literal for words', () => {
    expect(
      texts(`{{ govukInsetText({ html: '<a class="govuk-link" href="' + href + '">' + ("a.b" | t) + '</a>' }) }}`),
    ).toEqual([]);
  });

  it('passes the start of a key joined to a code, but not a sentence that ends in a full stop', () => {
    expect(texts('{{ ("performance.officialFrom." + perf.officialFrom) | t }}')).toEqual([]);
    expect(texts('{{ "Saved." if done }}')).toEqual(['Saved.']);
  });

  it('passes a field name built from a stem and a capitalised tail, but not a word joined onto a word', () => {
    expect(
      texts('{{ govukRadios({ name: dimension.name + "Rag", errorMessage: errors.fields[dimension.name + "Rag"] }) }}'),
    ).toEqual([]);
    expect(texts('{{ govukInput({ label: { text: "Reason" + (" (optional)" if hold else "") } }) }}')).toEqual([
      'Reason',
    ]);
    expect(texts('{{ govukButton({ text: name + "Save it" }) }}')).toEqual(['Save it']);
  });

  it('passes hyphenated ids, query strings and the start of a key completed at run time', () => {
    const source = [
      '{% set dateError = fieldErrors["approve-decisionDate"] %}',
      '{{ govukInput({ id: "approve-minuteReference", value: typed["decisionDate-day"] }) }}',
      '<a href="{{ paths.newItem(plan.id) + \'?parentItemId=\' + item.id }}">',
      '{% set formatKey = "planDocument.download." ~ format %}',
    ].join('\n');
    expect(texts(source)).toEqual([]);
    expect(texts('{{ govukButton({ text: "Save-as-draft" }) }}')).toEqual(['Save-as-draft']);
  });
});
