import { describe, expect, it } from 'vitest';
import { secretBox } from './secret-box.ts';

describe('the client secret box', () => {
  const box = secretBox('a'.repeat(40));

  it('opens what it sealed, and the sealed text does not contain the secret', () => {
    const sealed = box.seal('s3cret-value~with.dots');
    expect(sealed).not.toContain('s3cret');
    expect(box.open(sealed)).toBe('s3cret-value~with.dots');
  });

  it('refuses a sealed secret that was altered, or sealed under another key', () => {
    const sealed = box.seal('secret');
    const parts = sealed.split('.');
    parts[3] = Buffer.from('tampered').toString('base64url');
    expect(() => box.open(parts.join('.'))).toThrow();
    expect(() => secretBox('b'.repeat(40)).open(sealed)).toThrow();
  });
});
