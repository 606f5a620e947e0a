import { describe, expect, it } from 'vitest';
import { OutcomeTally, outcomeOf, problemOf } from './outcomes.ts';

// The markup the GOV.UK error summary macro renders, escaped as Nunjucks escapes for a refused form (trimmed to what matters).
const refusedForm = `<html><body><div class="govuk-error-summary" data-module="govuk-error-summary">
  <div role="alert"><h2 class="govuk-error-summary__title">There is a problem</h2>
  <div class="govuk-error-summary__body"><ul class="govuk-list govuk-error-summary__list">
    <li><a href="#value">35.9% is a much bigger change from the previous figure (30.0%) than usual</a></li>
    <li><a href="#commentary">Explain it in the &#39;commentary&#39; &amp; tick the box</a></li>
  </ul></div></div></div><h1 class="govuk-heading-l">ASC-01 2026/27 Q2</h1></body></html>`;

const errorPage = `<main><h1 class="govuk-heading-l">Sorry, there is a problem</h1>
<p class="govuk-body">The database can&#39;t be reached &lt;now&gt;.</p></main>`;

const html = (status: number, body: string, location?: string) => ({
  status,
  contentType: 'text/html; charset=utf-8',
  body,
  ...(location ? { location } : {}),
});

describe('problemOf', () => {
  it('names every item of a refused form’s error summary, not the page heading', () => {
    expect(problemOf(html(400, refusedForm))).toBe(
      "35.9% is a much bigger change from the previous figure (30.0%) than usual | Explain it in the 'commentary' & tick the box",
    );
  });

  it('names an error page by its heading and first paragraph', () => {
    expect(problemOf(html(503, errorPage))).toBe("Sorry, there is a problem: The database can't be reached <now>.");
  });

  it('names problem JSON by its title and detail', () => {
    const body = JSON.stringify({
      type: 'about:blank',
      title: 'Forbidden',
      status: 403,
      detail: 'The form has expired',
    });
    expect(problemOf({ status: 403, contentType: 'application/problem+json', body })).toBe(
      'Forbidden: The form has expired',
    );
  });

  it('falls back to the start of the text, and says when there was none', () => {
    expect(problemOf({ status: 502, contentType: 'text/plain', body: 'Bad gateway' })).toBe('Bad gateway');
    expect(problemOf({ status: 502, contentType: 'text/plain', body: '' })).toBe('(empty body)');
  });
});

describe('outcomeOf', () => {
  it('expects 200 of a page and a redirect of a form', () => {
    expect(outcomeOf('page', html(200, '')).kind).toBe('ok');
    expect(outcomeOf('form', html(303, '', '/x')).kind).toBe('ok');
    expect(outcomeOf('form', html(302, '', '/x')).kind).toBe('ok');
  });

  it('sorts the rest into refusals, failures and answers that were not what the step expected', () => {
    expect(outcomeOf('form', html(400, refusedForm))).toMatchObject({ kind: 'client_error', status: 400 });
    expect(outcomeOf('page', html(503, errorPage))).toMatchObject({ kind: 'server_error', status: 503 });
    expect(outcomeOf('page', html(302, '', '/sign-in'))).toEqual({
      kind: 'unexpected',
      status: 302,
      cause: 'redirected to /sign-in',
    });
    // A form answered with a page: refused without an error status.
    expect(outcomeOf('form', html(200, refusedForm)).kind).toBe('unexpected');
  });
});

describe('OutcomeTally', () => {
  it('counts errors by kind and by step and status, and tables them by cause', () => {
    const tally = new OutcomeTally();
    const refused = outcomeOf('form', html(400, refusedForm));
    tally.add('entry_submit', refused);
    tally.add('entry_submit', refused);
    tally.add('entry_submit', outcomeOf('form', html(303, '', '/x')));
    tally.add('dashboard', { kind: 'timeout', status: 0, cause: 'no answer within 30000 ms' });
    tally.add('dashboard', outcomeOf('page', html(503, errorPage)));

    expect(tally.errors()).toBe(4);
    expect(tally.counts()).toEqual({
      'errors.client_4xx': 2,
      'errors.server_5xx': 1,
      'errors.timeouts': 1,
      'errors.network': 0,
      'errors.unexpected_status': 0,
      'errors.entry_submit_400': 2,
      'errors.dashboard_timeout': 1,
      'errors.dashboard_503': 1,
    });
    const lines = tally.table().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[2]).toBe('| dashboard | timeout | — | 1 | no answer within 30000 ms |');
    expect(lines[4]).toMatch(/^\| entry_submit \| client_error \| 400 \| 2 \| 35\.9% is .* \\\| Explain/);
  });

  it('has no table when nothing went wrong', () => {
    const tally = new OutcomeTally();
    tally.add('dashboard', outcomeOf('page', html(200, '')));
    expect(tally.errors()).toBe(0);
    expect(tally.table()).toBe('');
  });
});

describe('OutcomeTally.table', () => {
  it('shows the commonest causes of each step and status, and counts the others in one line', () => {
    const tally = new OutcomeTally();
    const conflict = (code: string) => ({
      kind: 'client_error' as const,
      status: 409,
      cause: `${code} has a stored value`,
    });
    for (const [code, times] of [
      ['A', 3],
      ['B', 2],
      ['C', 1],
      ['D', 1],
    ] as const) {
      for (let i = 0; i < times; i++) tally.add('entry_submit', conflict(code));
    }
    tally.add('signoff_return', { kind: 'client_error', status: 404, cause: 'Page not found' });
    expect(tally.table(2).split('\n').slice(2)).toEqual([
      '| entry_submit | client_error | 409 | 3 | A has a stored value |',
      '| entry_submit | client_error | 409 | 2 | B has a stored value |',
      '| entry_submit | client_error | 409 | 2 | (2 other problems) |',
      '| signoff_return | client_error | 404 | 1 | Page not found |',
    ]);
  });
});
