import nunjucks from 'nunjucks';
import { describe, expect, it } from 'vitest';
import { cacheTemplateExports } from './template-exports.ts';

/** An environment over templates held in memory, as many as the test needs. */
function environment(templates: Record<string, string>) {
  const loader = {
    getSource: (name: string) => ({ src: templates[name]!, path: name, noCache: false }),
  };
  return new nunjucks.Environment(loader, { autoescape: true });
}

describe('cacheTemplateExports', () => {
  cacheTemplateExports();

  it('runs an imported macro file once, and its macros still see the caller’s arguments and the globals', () => {
    let runs = 0;
    const env = environment({
      'macros.njk': '{{ counted() }}{% macro tag(params) %}<b>{{ params.text }}{{ suffix }}</b>{% endmacro %}',
      'page.njk': '{% from "macros.njk" import tag %}{% for x in items %}{{ tag({ text: x }) }}{% endfor %}',
    });
    env.addGlobal('counted', () => {
      runs += 1;
      return '';
    });
    env.addGlobal('suffix', '!');
    expect(env.render('page.njk', { items: ['a', 'b'] })).toBe('<b>a!</b><b>b!</b>');
    expect(env.render('page.njk', { items: ['c'] })).toBe('<b>c!</b>');
    expect(runs).toBe(1);
  });

  it('runs a file imported with context every time, since what it exports can depend on the page', () => {
    const env = environment({
      'macros.njk': '{% set greeting = "Hello " + name %}{% macro hi() %}{{ greeting }}{% endmacro %}',
      'page.njk': '{% from "macros.njk" import hi with context %}{{ hi() }}',
    });
    expect(env.render('page.njk', { name: 'Ada' })).toBe('Hello Ada');
    expect(env.render('page.njk', { name: 'Bo' })).toBe('Hello Bo');
  });
});
