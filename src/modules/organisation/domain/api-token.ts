import { z } from 'zod';
import { requiredText } from '../../../kernel/inputs.ts';
import { phrase, phraseText } from '../../../kernel/phrase.ts';

/** How long a new token may work, in days: a token always expires, a year at most. */
export const API_TOKEN_LIFETIMES = ['30', '90', '365'] as const;

export const apiTokenInput = z.object({
  name: requiredText(phrase('fieldNames.aNameForTheToken'), 100),
  scope: z.enum(['read', 'write'], { message: phraseText('signIn.tokenScope') }),
  days: z.enum(API_TOKEN_LIFETIMES, { message: phraseText('signIn.tokenExpiry') }).transform(Number),
});
export type ApiTokenInput = z.infer<typeof apiTokenInput>;
