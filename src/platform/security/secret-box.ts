import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Secrets the app must read back (a second factor's TOTP key) sealed with AES-256-GCM before they
 * reach the database, so a copy of the database or a backup alone does not let anyone make codes.
 * Each value is bound to what it belongs to (the person's id, as associated data), so a sealed value
 * copied onto another row does not open. Stored as `gcm1:<iv>:<tag>:<ciphertext>` (base64url).
 */
export interface SecretBox {
  seal(plain: string, boundTo: string): string;
  /** The plain value; throws when the value was not sealed with this key for this owner. */
  open(sealed: string, boundTo: string): string;
  isSealed(stored: string): boolean;
}

const PREFIX = 'gcm1:';
const IV_BYTES = 12;

/**
 * The 32-byte key: from SECOND_FACTOR_KEY when set, else from SESSION_SECRET. HKDF with a purpose
 * label, so the cookie-signing secret is never used as an encryption key itself.
 */
export function deriveSecretKey(material: string, purpose = 'golden-thread second-factor secrets v1'): Buffer {
  return Buffer.from(hkdfSync('sha256', material, 'golden-thread', purpose, 32));
}

export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new Error('A secret box needs a 32-byte key');
  return {
    seal(plain, boundTo) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(boundTo, 'utf8'));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      const parts = [iv, cipher.getAuthTag(), body].map((part) => part.toString('base64url'));
      return PREFIX + parts.join(':');
    },
    open(sealed, boundTo) {
      const parts = sealed.startsWith(PREFIX) ? sealed.slice(PREFIX.length).split(':') : [];
      if (parts.length !== 3) throw new Error('Not a sealed secret');
      const [iv, tag, body] = parts.map((part) => Buffer.from(part, 'base64url')) as [Buffer, Buffer, Buffer];
      const decipher = createDecipheriv('aes-256-gcm', key, iv);
      decipher.setAAD(Buffer.from(boundTo, 'utf8'));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
    },
    isSealed: (stored) => stored.startsWith(PREFIX),
  };
}

/** For callers built without configuration (benchmarks, some CLI commands): refuses to seal or open. */
export const noSecretBox: SecretBox = {
  seal() {
    throw new Error('No key for secrets: build the services from configuration');
  },
  open() {
    throw new Error('No key for secrets: build the services from configuration');
  },
  isSealed: (stored) => stored.startsWith(PREFIX),
};
