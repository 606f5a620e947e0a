import { randomBytes } from 'node:crypto';

/** 256 random bits, URL-safe: session, CSRF and API tokens. */
export const newToken = (): string => randomBytes(32).toString('base64url');
