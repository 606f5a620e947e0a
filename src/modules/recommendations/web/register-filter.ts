import { z } from 'zod';
import type { RegisterFilter } from '../recommendations.service.ts';
import { SOURCES, STATUSES } from '../domain/vocabulary.ts';

/** A filter the register ignores when it is blank or not one it knows (a link from an old page). */
const ignoringBad = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (schema.safeParse(value).success ? value : undefined), schema.optional());

/** The register's filters from the query string: the page, the API and the export use the same. */
export const registerQuery = z.object({
  source: ignoringBad(z.enum(SOURCES)),
  reportId: ignoringBad(z.uuid()),
  ownerPersonId: ignoringBad(z.uuid()),
  unitId: ignoringBad(z.uuid()),
  status: ignoringBad(z.enum(STATUSES)),
  overdue: ignoringBad(z.enum(['yes', 'true'])),
});

export function filterFrom(query: unknown, today: string): RegisterFilter {
  const parsed = registerQuery.parse(query ?? {});
  return {
    source: parsed.source,
    reportId: parsed.reportId,
    ownerPersonId: parsed.ownerPersonId,
    unitId: parsed.unitId,
    status: parsed.status,
    overdueOn: parsed.overdue ? today : undefined,
  };
}

/** The filters as a query string for a link (the export's), without the blank ones; '' for none. */
export function filterQueryString(query: unknown): string {
  const parsed = registerQuery.parse(query ?? {});
  const given = Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
  return given.length ? `?${new URLSearchParams(given).toString()}` : '';
}
