import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPlausibility } from '../../src/kernel/measurement/index.ts';
import { entryRound, formVersion, plausibleFigure, type Send } from './load-users.ts';

const unbounded = { min: null, max: null };

describe('plausibleFigure', () => {
  it('is the latest figure when the check takes it', () => {
    expect(plausibleFigure([70, 71, 70.5, 70.8, 71.2, 70.9, 71.1, 71.4], unbounded)).toBe(71.4);
  });

  it('passes over a latest figure outside the limits for an earlier one the check takes', () => {
    const history = [5, 4, 4, 3, 2.5, 4, 2.5, 9.5];
    expect(checkPlausibility(9.5, history)).not.toBeNull();
    expect(plausibleFigure(history, unbounded)).toBe(4);
  });

  it('gives none when the history ends on a figure nothing else is near (the measure is left out)', () => {
    expect(plausibleFigure([30, 30.5, 30.2, 29.8, 30.1, 30.3, 30, 35.9], unbounded)).toBeUndefined();
  });

  it('is always a figure of the history that the check takes after that history', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { maxLength: 30 }), (history) => {
        const figure = plausibleFigure(history, unbounded);
        if (figure === undefined) return;
        expect(history).toContain(figure);
        expect(checkPlausibility(figure, history)).toBeNull();
      }),
    );
  });
});

describe('formVersion', () => {
  it('reads the hidden row version of the entry form, and nothing from a page without one', () => {
    expect(formVersion('<form><input type="hidden" name="rowVersion" value="3"></form>')).toBe('3');
    expect(formVersion('<p>Submitted for sign-off</p>')).toBeUndefined();
  });
});

describe('entryRound', () => {
  const people = { enterer: { cookie: 'e', csrf: 'c' }, officer: { cookie: 'o', csrf: 'c' } };
  const work = { id: 'm1', periodKey: '2025-26-Q2', value: '71.4' };
  const form = '<input type="hidden" name="rowVersion" value="2">';

  /** Answers each step as listed (ok unless named), recording what was sent. */
  const recorder = (failing: string[] = [], body = form) => {
    const sent: { step: string; target: string; form?: Record<string, string> }[] = [];
    const send: Send = async (step, _session, target, fields) => {
      sent.push({ step, target, ...(fields ? { form: fields } : {}) });
      return { ok: !failing.includes(step), body };
    };
    return { sent, send };
  };

  it('submits the figure with the version the form was drawn from, then has it returned', async () => {
    const { sent, send } = recorder();
    expect(await entryRound(send, people, work)).toBe('completed');
    expect(sent.map((s) => s.step)).toEqual(['entry_form', 'entry_submit', 'signoff_queue', 'signoff_return']);
    expect(sent[1]!.form).toEqual({ value: '71.4', action: 'submit', commentary: 'Load test', rowVersion: '2' });
    expect(sent[3]).toMatchObject({
      target: '/measures/m1/values/2025-26-Q2/actions',
      form: { action: 'return', reason: 'Load test' },
    });
  });

  it('returns nothing that was not submitted, and submits nothing without a form', async () => {
    const refused = recorder(['entry_submit']);
    expect(await entryRound(refused.send, people, work)).toBe('not_submitted');
    expect(refused.sent.map((s) => s.step)).toEqual(['entry_form', 'entry_submit', 'signoff_queue']);
    const noForm = recorder([], '<p>Locked</p>');
    expect(await entryRound(noForm.send, people, work)).toBe('no_entry_form');
    expect(noForm.sent.map((s) => s.step)).toEqual(['entry_form']);
  });
});
