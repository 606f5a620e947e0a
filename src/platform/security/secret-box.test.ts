import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSecretBox, deriveSecretKey, noSecretBox } from './secret-box.ts';

const box = createSecretBox(deriveSecretKey('s'.repeat(40)));

describe('secret box', () => {
  it('opens what it sealed, for the same owner, and never stores the plain value', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.uuid(), (plain, owner) => {
        const sealed = box.seal(plain, owner);
        expect(box.isSealed(sealed)).toBe(true);
        if (plain.length >= 4) expect(sealed).not.toContain(plain);
        expect(box.open(sealed, owner)).toBe(plain);
      }),
    );
  });

  it('seals the same value differently each time (a fresh IV)', () => {
    expect(box.seal('JBSWY3DPEHPK3PXP', 'a')).not.toBe(box.seal('JBSWY3DPEHPK3PXP', 'a'));
  });

  it('refuses a value moved to another owner, a changed byte, another key and a plain value', () => {
    const sealed = box.seal('JBSWY3DPEHPK3PXP', 'person-1');
    expect(() => box.open(sealed, 'person-2')).toThrow();
    const flipped = sealed.slice(0, -2) + (sealed.at(-2) === 'A' ? 'B' : 'A') + sealed.at(-1);
    expect(() => box.open(flipped, 'person-1')).toThrow();
    expect(() => createSecretBox(deriveSecretKey('t'.repeat(40))).open(sealed, 'person-1')).toThrow();
    expect(() => box.open('JBSWY3DPEHPK3PXP', 'person-1')).toThrow('Not a sealed secret');
    expect(box.isSealed('JBSWY3DPEHPK3PXP')).toBe(false);
  });

  it('derives different keys for different material and purposes', () => {
    const a = deriveSecretKey('m'.repeat(40));
    expect(a).toHaveLength(32);
    expect(a.equals(deriveSecretKey('n'.repeat(40)))).toBe(false);
    expect(a.equals(deriveSecretKey('m'.repeat(40), 'another purpose'))).toBe(false);
  });

  it('without a key, refuses rather than storing a secret in the clear', () => {
    expect(() => noSecretBox.seal('x', 'a')).toThrow('No key');
    expect(() => createSecretBox(Buffer.alloc(16))).toThrow('32-byte');
  });
});
