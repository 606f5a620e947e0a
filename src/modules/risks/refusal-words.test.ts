/**
 * The risk forms' checks and the services' refusals are stored phrases; these are the words a
 * person reads for them, word for word the English the schemas and services wrote before the words
 * moved to the catalogue (risks.fields, risks.inputs and risks.errors in src/platform/words/en/risks.ts).
 */
import { describe, expect, it } from 'vitest';
import { phrase } from '../../kernel/phrase.ts';
import { sayStored } from '../../platform/words/index.ts';
import {
  appetiteInput,
  closeInput,
  controlInput,
  matrixInput,
  moveInput,
  reassessInput,
  registerInput,
  riskDetailsInput,
} from './domain/schemas.ts';
import { refusal } from './risk-checks.ts';

function said(schema: { safeParse(value: unknown): { error?: { issues: { message: string }[] } } }, value: unknown) {
  return (schema.safeParse(value).error?.issues ?? []).map((issue) => sayStored(issue.message));
}

describe('the risk forms’ checks in words', () => {
  it('names each field of a register', () => {
    expect(said(registerInput, { name: 'x'.repeat(201), level: 'galactic', unitId: 'u', ownerPersonId: '' })).toEqual([
      'The register name must be 200 characters or fewer',
      'Choose the level of the register',
      'Choose the unit that owns the register',
      'Choose the owner of the register',
    ]);
  });

  it('names each field of a risk', () => {
    expect(
      said(riskDetailsInput, {
        reference: 'R 1',
        title: '',
        cause: ' ',
        event: 'x'.repeat(4001),
        ownerPersonId: 'nobody',
        type: 'maybe',
        category: '',
        reviewFrequency: 'yearly',
        nextReviewOn: '2026-02-30',
      }),
    ).toEqual([
      'A reference has letters, digits, dots, dashes or slashes only',
      'Enter a title',
      'Enter the cause',
      'The event must be 4000 characters or fewer',
      'Enter the effect',
      'Choose the owner of the risk',
      'Choose whether the risk is a threat or an opportunity',
      'Enter a category',
      'Choose how often the risk is reviewed',
      'Enter the next review date as a real date',
    ]);
  });

  it('asks for whole-number scores and a commentary on a reassessment', () => {
    expect(
      said(reassessInput, {
        inherentLikelihood: 'four',
        inherentImpact: 2.5,
        currentLikelihood: 3,
        currentImpact: 3,
        targetLikelihood: 1,
        targetImpact: 'x',
        commentary: '',
      }),
    ).toEqual([
      'Enter the inherent likelihood as a whole number',
      'Enter the inherent impact as a whole number',
      'Enter the target impact as a whole number',
      'Enter a commentary on the reassessment',
    ]);
  });

  it('names the fields of a control, a move, a closure, the matrix and the appetite', () => {
    expect(said(controlInput, { description: '', ownerPersonId: '', effectiveness: 'somewhat' })).toEqual([
      'Enter what the control is',
      'Choose the owner of the control',
      'Choose how effective the control is',
    ]);
    expect(said(moveInput, { registerId: '', reason: '' })).toEqual([
      'Choose the register to move the risk to',
      'Enter the reason',
    ]);
    expect(said(closeInput, { reason: '' })).toEqual(['Enter the reason for closing the risk']);
    expect(said(matrixInput, { size: 5, likelihood: [{ label: 'a' }], impact: [{ label: 'b' }], bands: [] })).toEqual([
      'Enter at least one band',
    ]);
    expect(said(appetiteInput, { categories: [] })).toEqual(['Keep at least one category']);
    expect(said(appetiteInput, { categories: [{ code: 'c', name: ' ', appetite: null }] })).toEqual([
      'Enter a name for each category',
    ]);
  });

  it('keeps a service’s refusal as a phrase, said where it leaves the app', () => {
    const refused = refusal('invalid', phrase('risks.errors.ownerLeft', { name: 'Ann Lee' }), 'ownerPersonId');
    expect(refused.message).not.toContain('Ann Lee has left');
    expect(sayStored(refused.message)).toBe('Ann Lee has left the council: choose an owner who works here');
  });
});
