import { z } from 'zod';
import { optionalId, requiredText, stringList } from '../../../kernel/inputs.ts';
import { phrase, phraseText } from '../../../kernel/phrase.ts';

/** A cabinet member's portfolio and the units (services) it covers. */
export const portfolioInput = z.object({
  name: requiredText(phrase('fieldNames.aName')),
  holderPersonId: optionalId(phraseText('organisationChecks.holderExists')),
  unitIds: stringList(z.uuid({ message: phraseText('organisationChecks.unitsExist') })).refine(
    (ids) => new Set(ids).size === ids.length,
    phraseText('organisationChecks.unitOnce'),
  ),
});
export type PortfolioInput = z.infer<typeof portfolioInput>;
