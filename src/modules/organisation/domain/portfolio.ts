import { z } from 'zod';
import { optionalId, requiredText, stringList } from '../../../kernel/inputs.ts';

/** A cabinet member's portfolio and the units (services) it covers. */
export const portfolioInput = z.object({
  name: requiredText('a name'),
  holderPersonId: optionalId('Select a portfolio holder who exists'),
  unitIds: stringList(z.uuid({ message: 'Select units that exist' })).refine(
    (ids) => new Set(ids).size === ids.length,
    'Select each unit only once',
  ),
});
export type PortfolioInput = z.infer<typeof portfolioInput>;
