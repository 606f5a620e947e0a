import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isCommonPassword } from './password-deny-list.ts';

describe('the shipped deny-list of common passwords', () => {
  it('holds thousands of lower-cased passwords, with their source and licence beside it', () => {
    const lines = readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
      .trim()
      .split('\n');
    expect(lines.length).toBeGreaterThan(20_000);
    expect(lines.every((line) => line === line.toLowerCase())).toBe(true);
    const licence = readFileSync(new URL('./common-passwords.LICENSE.txt', import.meta.url), 'utf8');
    expect(licence).toContain('@zxcvbn-ts/language-common');
    expect(licence).toContain('Permission is hereby granted');
  });

  it('knows common passwords of every length and not a random passphrase', () => {
    for (const common of ['password', 'qwerty123456', '1qaz2wsx3edc', 'administrator']) {
      expect(isCommonPassword(common), common).toBe(true);
    }
    expect(isCommonPassword('correct horse battery staple')).toBe(false);
  });
});
