/**
 * The organisation module's refusals, form messages and password e-mails are phrases and catalogue
 * words; these are the words a person reads for them, word for word the English the services,
 * routes and e-mails wrote before the words moved to the catalogue (signIn, signInPages,
 * passwordEmails, organisationRefusals).
 */
import { describe, expect, it } from 'vitest';
import { phraseText } from '../../kernel/phrase.ts';
import { say, sayStored } from '../../platform/words/index.ts';
import { holdsMoreRights } from './access.ts';
import { resetPasswordEmail, setPasswordEmail } from './password-emails.ts';
import { linkProblemPhrase } from './password-links.service.ts';

describe('the organisation’s refusals in words', () => {
  it('says why a person’s record cannot be changed by someone with fewer rights', () => {
    expect(sayStored(holdsMoreRights('Ada Lovelace', 'administrator'))).toBe(
      'Ada Lovelace holds rights that you do not (Administrator), so you cannot change their record, ' +
        'their leaving or their roles; ask an administrator for the whole organisation',
    );
  });

  it.each([
    ['unknown', 'This link to set a password is not recognised. Check you copied the whole link, or ask for a new one'],
    ['used', 'This link has already been used to set a password. Sign in, or ask for a new link'],
    ['replaced', 'A newer link has been made for you, so this one no longer works. Use the newest link you were sent'],
    ['expired', 'This link has expired. Ask the person who added you for a new one'],
    ['left', 'This account is no longer active, so its password cannot be set'],
  ] as const)('says why a %s link cannot be used', (problem, english) => {
    expect(say(linkProblemPhrase(problem))).toBe(english);
  });

  it.each([
    [
      'organisationRefusals.emailTaken',
      { email: 'a@b.gov.uk' },
      'Someone in the organisation already has the email address a@b.gov.uk',
    ],
    ['organisationRefusals.managerHasLeft', { name: 'Bo' }, 'Bo has left, so cannot be a line manager'],
    [
      'organisationRefusals.managerReportsToPerson',
      { name: 'Bo' },
      'Bo reports to this person (directly or through others), so cannot be their line manager',
    ],
    ['organisationRefusals.alreadyLeft', { name: 'Bo' }, 'Bo has already left'],
    [
      'organisationRefusals.onlyAdministratorLeaving',
      { name: 'Bo' },
      'Bo is the council’s only administrator: make someone else an administrator for the whole organisation ' +
        'before recording that they have left',
    ],
    ['organisationRefusals.linkForLeaver', { name: 'Bo' }, 'Bo has left, so cannot be sent a link to set a password'],
    ['organisationRefusals.roleForLeaver', { name: 'Bo' }, 'Bo has left, so cannot be given a role'],
    [
      'organisationRefusals.grantBeyondYou',
      { role: 'Administrator' },
      'You cannot grant the Administrator role there: it allows things you may not do there yourself',
    ],
    ['organisationRefusals.roleAlreadyHeld', { name: 'Bo', role: 'Viewer' }, 'Bo already holds the Viewer role there'],
    [
      'organisationRefusals.lastAdministrator',
      {},
      'This is the council’s last administrator role for the whole organisation: make someone else an ' +
        'administrator before ending it',
    ],
    ['organisationRefusals.unitCodeTaken', { code: 'ASC' }, 'A unit with code ASC already exists'],
    ['organisationRefusals.portfolioNameTaken', { name: 'Health' }, 'A portfolio called Health already exists'],
    ['organisationRefusals.holderHasLeft', { name: 'Bo' }, 'Bo has left, so cannot hold a portfolio'],
    ['organisationRefusals.partnerNameTaken', { name: 'NHS' }, 'A partner called NHS already exists'],
    ['organisationRefusals.bodyNameTaken', { name: 'Cabinet' }, 'A governance body called Cabinet already exists'],
    ['organisationRefusals.memberHasLeft', { name: 'Bo' }, 'Bo has left, so cannot join the body'],
    ['organisationRefusals.alreadyMemberOf', { name: 'Bo', body: 'Cabinet' }, 'Bo is already a member of Cabinet'],
    [
      'organisationRefusals.alreadyChair',
      { name: 'Bo', body: 'Cabinet' },
      'Bo already chairs Cabinet; remove them as chair first',
    ],
    [
      'organisationRefusals.slugTaken',
      { slug: 'riverside' },
      'An organisation with the short web name riverside already exists',
    ],
    ['signIn.tokenAlreadyRevoked', { name: 'Power BI' }, 'The token Power BI has already been revoked'],
  ])('says %s with its names filled in', (code, params, english) => {
    expect(sayStored(phraseText(code, params))).toBe(english);
  });
});

describe('the password e-mails in words', () => {
  const link = {
    name: 'Ada Lovelace',
    email: 'ada@example.gov.uk',
    url: 'https://gt.example/set-password?token=abc',
    expiresAt: new Date('2026-03-01T10:00:00Z'),
  };

  it('writes the e-mail that sets a first password', () => {
    expect(setPasswordEmail(link)).toEqual({
      to: 'Ada Lovelace <ada@example.gov.uk>',
      subject: 'Set your Golden Thread password',
      text:
        'Hello Ada Lovelace,\n\nAn account has been set up for you on Golden Thread. Choose your password with ' +
        'this link, which works once and until Sun, 01 Mar 2026 10:00:00 GMT:\n\n' +
        'https://gt.example/set-password?token=abc\n\nIf you were not expecting this, you can ignore this e-mail.\n',
    });
  });

  it('writes the e-mail with a reset link', () => {
    expect(resetPasswordEmail(link)).toEqual({
      to: 'Ada Lovelace <ada@example.gov.uk>',
      subject: 'Reset your Golden Thread password',
      text:
        'Hello Ada Lovelace,\n\nSomeone (we hope you) asked to reset your Golden Thread password. Choose a new ' +
        'one with this link, which works once and until Sun, 01 Mar 2026 10:00:00 GMT:\n\n' +
        'https://gt.example/set-password?token=abc\n\nSetting a new password signs you out everywhere and stops ' +
        'your API tokens. If you did not ask, ignore this e-mail: your password stays as it is.\n',
    });
  });

  it('keeps a name with braces as it is', () => {
    expect(setPasswordEmail({ ...link, name: '{url}' }).text).toMatch(/^Hello \{url\},/);
  });
});
