import { describe, expect, it } from 'vitest';
import { personInput, wouldCreateManagementLoop } from './person.ts';
import { roleAssignmentInput } from './role-assignment.ts';
import { phraseText } from '../../../kernel/phrase.ts';

describe('management loops', () => {
  const chain = [
    { id: 'a', lineManagerId: null },
    { id: 'b', lineManagerId: 'a' },
    { id: 'c', lineManagerId: 'b' },
  ];
  it('refuses a person managing themselves', () => {
    expect(wouldCreateManagementLoop(chain, 'a', 'a')).toBe(true);
  });
  it('refuses a loop through a chain (A manages B manages C; C cannot manage A)', () => {
    expect(wouldCreateManagementLoop(chain, 'a', 'b')).toBe(true);
    expect(wouldCreateManagementLoop(chain, 'a', 'c')).toBe(true);
  });
  it('allows a manager outside the chain or none', () => {
    expect(wouldCreateManagementLoop(chain, 'c', 'a')).toBe(false);
    expect(wouldCreateManagementLoop(chain, 'b', null)).toBe(false);
  });
  it('stops on an existing loop elsewhere', () => {
    const broken = [
      { id: 'x', lineManagerId: 'y' },
      { id: 'y', lineManagerId: 'x' },
    ];
    expect(wouldCreateManagementLoop(broken, 'z', 'x')).toBe(false);
  });
});

describe('person and role inputs', () => {
  const base = { name: 'A', email: 'a@example.gov.uk', jobTitle: '', unitId: '', lineManagerId: '' };
  it('treats blank references and password as none', () => {
    expect(personInput.parse({ ...base, password: '' })).toMatchObject({
      unitId: null,
      lineManagerId: null,
      password: undefined,
    });
  });
  it('refuses any password, pointing to a reset link: nobody sets another person’s password', () => {
    for (const password of ['elevenchars', 'a long enough password']) {
      const issue = personInput.safeParse({ ...base, password }).error?.issues[0];
      expect(issue?.path).toEqual(['password']);
      expect(issue?.message).toBe(phraseText('organisationChecks.passwordNotHere'));
    }
  });
  it('makes the partner role name a partner, and only the partner role', () => {
    const partnerId = '5f0c8a8e-7a3c-4d6e-9b1a-2c3d4e5f6a7b';
    expect(
      roleAssignmentInput.safeParse({ role: 'partner', unitId: '', partnerId: '' }).error?.issues[0]?.path,
    ).toEqual(['partnerId']);
    expect(roleAssignmentInput.safeParse({ role: 'viewer', unitId: '', partnerId }).success).toBe(false);
    expect(roleAssignmentInput.safeParse({ role: 'partner', unitId: '', partnerId }).success).toBe(true);
  });
});
