import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  base32Decode,
  base32Encode,
  hotp,
  matchingTotpStep,
  newRecoveryCodes,
  newTotpSecret,
  normaliseRecoveryCode,
  totp,
  totpStep,
} from './totp.ts';

// RFC 6238 Appendix B: the seeds for SHA-1, SHA-256 and SHA-512, and the 8-digit codes at each time.
const SEED_SHA1 = Buffer.from('12345678901234567890', 'ascii');
const SEED_SHA256 = Buffer.from('12345678901234567890123456789012', 'ascii');
const SEED_SHA512 = Buffer.from('1234567890123456789012345678901234567890123456789012345678901234', 'ascii');
const VECTORS: [number, string, string, string][] = [
  [59, '94287082', '46119246', '90693936'],
  [1111111109, '07081804', '68084774', '25091201'],
  [1111111111, '14050471', '67062674', '99943326'],
  [1234567890, '89005924', '91819424', '93441116'],
  [2000000000, '69279037', '90698825', '38618901'],
  [20000000000, '65353130', '77737706', '47863826'],
];

describe('TOTP (RFC 6238)', () => {
  it.each(VECTORS)('at %i s gives the RFC test vectors', (seconds, sha1, sha256, sha512) => {
    const step = totpStep(new Date(seconds * 1000));
    expect(hotp(SEED_SHA1, step, 'sha1', 8)).toBe(sha1);
    expect(hotp(SEED_SHA256, step, 'sha256', 8)).toBe(sha256);
    expect(hotp(SEED_SHA512, step, 'sha512', 8)).toBe(sha512);
  });

  it('gives RFC 4226 HOTP codes for the first counters', () => {
    const expected = [
      '755224',
      '287082',
      '359152',
      '969429',
      '338314',
      '254676',
      '287922',
      '162583',
      '399871',
      '520489',
    ];
    expect(expected.map((_, counter) => hotp(SEED_SHA1, counter))).toEqual(expected);
  });

  it('round-trips base32 and decodes the RFC seed as apps are given it', () => {
    expect(base32Encode(SEED_SHA1)).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        expect([...base32Decode(base32Encode(bytes))]).toEqual([...bytes]);
      }),
    );
  });

  it('accepts the code of this step or the next or previous one, but never a used step again', () => {
    const secret = newTotpSecret();
    const at = new Date('2026-03-01T10:00:10Z');
    const step = totpStep(at);
    expect(matchingTotpStep(secret, totp(secret, at), at, null)).toBe(step);
    expect(matchingTotpStep(secret, totp(secret, new Date(at.getTime() - 30_000)), at, null)).toBe(step - 1);
    expect(matchingTotpStep(secret, totp(secret, new Date(at.getTime() + 30_000)), at, null)).toBe(step + 1);
    expect(matchingTotpStep(secret, totp(secret, new Date(at.getTime() - 90_000)), at, null)).toBeNull();
    expect(matchingTotpStep(secret, totp(secret, at), at, step)).toBeNull();
    expect(matchingTotpStep(secret, 'abcdef', at, null)).toBeNull();
  });

  it('makes distinct recovery codes that survive retyping with spaces and capitals', () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    expect(normaliseRecoveryCode(` ${codes[0]!.toUpperCase().replace(/-/g, ' ')} `)).toBe(
      normaliseRecoveryCode(codes[0]!),
    );
  });
});
