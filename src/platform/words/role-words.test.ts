/**
 * The roles' names moved from the kernel (ROLE_NAMES) into the catalogue: said here word for word
 * as pages and sentences have always shown them, in a list, and in lower case inside a sentence.
 */
import { describe, expect, it } from 'vitest';
import { rolePhrase, ROLES } from '../../kernel/access/index.ts';
import { listPhrase, phrase } from '../../kernel/phrase.ts';
import { fill, say } from './index.ts';

describe("the roles' names", () => {
  it('says every role as it has always been named', () => {
    expect(ROLES.map((role) => say(rolePhrase(role)))).toEqual([
      'Administrator',
      'Performance officer',
      'Director',
      'Manager',
      'Data entry',
      'Viewer',
      'Cabinet member (portfolio holder)',
      'Scrutiny member',
      'Audit committee member',
      'Internal auditor',
      'HR',
      'Partner',
      'Finance officer',
    ]);
  });

  it('says a list of names with commas, a single name alone and none as nothing', () => {
    const list = (...roles: (typeof ROLES)[number][]) => listPhrase(roles.map(rolePhrase));
    expect(say(phrase('planRefusals.approveAs', { name: list('director', 'manager', 'hr') }))).toBe(
      'Approve as Director, Manager, HR',
    );
    expect(say(phrase('planRefusals.approveAs', { name: list('viewer') }))).toBe('Approve as Viewer');
    expect(say(phrase('planRefusals.approveAs', { name: list() }))).toBe('Approve as ');
  });

  it('puts a name in lower case inside a sentence with {name:lower}', () => {
    expect(say(phrase('planRefusals.roleOnly', { role: rolePhrase('cabinet-member'), step: 'Approval' }))).toBe(
      'Only a cabinet member (portfolio holder) for this plan\'s part of the organisation (or above) can approve "Approval"',
    );
    expect(fill('a {role:lower} and a {role:capital}', { role: 'Director' })).toBe('a director and a Director');
  });
});
