import { z } from 'zod';
import { requiredText } from '../../../kernel/inputs.ts';
import { phrase } from '../../../kernel/phrase.ts';

export const apiTokenInput = z.object({
  name: requiredText(phrase('fieldNames.aNameForTheToken'), 100),
});
export type ApiTokenInput = z.infer<typeof apiTokenInput>;
