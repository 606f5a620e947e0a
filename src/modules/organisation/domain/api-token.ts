import { z } from 'zod';
import { requiredText } from '../../../kernel/inputs.ts';

export const apiTokenInput = z.object({
  name: requiredText('a name for the token', 100),
});
export type ApiTokenInput = z.infer<typeof apiTokenInput>;
