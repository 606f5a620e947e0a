import { z } from 'zod';
import { ROLES } from '../../../kernel/access/index.ts';
import { phraseText } from '../../../kernel/phrase.ts';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Plain http is allowed only on this machine (a test provider); a council's provider is always https. */
export function issuerAllowed(issuer: string): boolean {
  try {
    const url = new URL(issuer);
    return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
  } catch {
    return false;
  }
}

export const isLoopbackHttp = (issuer: string) => {
  const url = new URL(issuer);
  return url.protocol === 'http:' && LOOPBACK.has(url.hostname);
};

/** The provider form. A blank client secret keeps the one already stored. */
export const providerInput = z.object({
  displayName: z
    .string()
    .trim()
    .min(1, phraseText('singleSignOn.displayNameMissing'))
    .max(100, phraseText('singleSignOn.displayNameLong')),
  issuer: z
    .string()
    .trim()
    .min(1, phraseText('singleSignOn.issuerMissing'))
    .refine(issuerAllowed, phraseText('singleSignOn.issuerInvalid'))
    .transform((issuer) => issuer.replace(/\/+$/, '')),
  clientId: z.string().trim().min(1, phraseText('singleSignOn.clientIdMissing')).max(300),
  clientSecret: z.string().trim().max(1000),
  claim: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_:./-]{1,100}$/, phraseText('singleSignOn.claimInvalid')),
});
export type ProviderInput = z.infer<typeof providerInput>;

/** One mapping: a claim value to a role, over a unit or (no unit) the whole council. */
export const mappingInput = z.object({
  claimValue: z
    .string()
    .trim()
    .min(1, phraseText('singleSignOn.claimValueMissing'))
    .max(200, phraseText('singleSignOn.claimValueLong')),
  role: z.enum(ROLES, { message: phraseText('singleSignOn.roleMissing') }),
  unitId: z
    .union([z.literal(''), z.string().uuid(phraseText('singleSignOn.unitUnknown'))])
    .optional()
    .transform((unitId) => unitId || null),
});
export type MappingInput = z.infer<typeof mappingInput>;
