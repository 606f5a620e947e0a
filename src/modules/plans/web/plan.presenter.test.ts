import { describe, expect, it } from 'vitest';
import { periodLabel, planFormBody, planFormErrors, statusTag } from './plan.presenter.ts';
import { PLAN_STATUSES } from '../domain/index.ts';
import { words } from '../../../platform/words/index.ts';

describe('plan presenter', () => {
  it.each([
    ['2025-04-01', '2026-03-31', '2025/26'],
    ['2024-04-01', '2027-03-31', '2024/25 to 2026/27'],
    ['2025-01-01', '2025-12-31', '1 January 2025 to 31 December 2025'],
  ])('labels %s..%s as %s', (start, end, label) => {
    expect(periodLabel(start, end)).toBe(label);
  });

  it('shows every status in words as well as colour', () => {
    expect(statusTag('in-approval')).toEqual({ text: 'In approval', classes: 'govuk-tag--light-blue' });
    expect(statusTag('approved').text).toBe('Approved');
  });

  it('has words for every status the domain knows, as a name and inside a sentence', () => {
    expect(Object.keys(words.planStatus).sort()).toEqual([...PLAN_STATUSES].sort());
    expect(Object.keys(words.planStatusInSentence).sort()).toEqual([...PLAN_STATUSES].sort());
  });

  it('turns the date boxes and section textareas into the input shape', () => {
    const body = planFormBody({
      title: 'T',
      'periodStart-day': '1',
      'periodStart-month': '4',
      'periodStart-year': '2025',
      'periodEnd-day': '',
      'periodEnd-month': '',
      'periodEnd-year': '',
      'section-where-are-we-now': 'Here',
    });
    expect(body).toMatchObject({
      periodStart: '2025-04-01',
      periodEnd: '',
      sections: { 'where-are-we-now': 'Here' },
    });
  });

  it('points errors at the first date box and at section textareas', () => {
    const errors = planFormErrors({
      summary: [
        { text: 'a', href: '#periodStart' },
        { text: 'b', href: '#sections.vision' },
      ],
      fields: { periodStart: { text: 'a' }, 'sections.vision': { text: 'b' } },
    });
    expect(errors.summary.map((item) => item.href)).toEqual(['#periodStart-day', '#section-vision']);
    expect(Object.keys(errors.fields)).toEqual(['periodStart', 'section-vision']);
  });
});
