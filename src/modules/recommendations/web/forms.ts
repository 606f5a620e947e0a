/**
 * The register's forms as posted by a browser: GOV.UK date inputs (day, month, year boxes) become
 * the ISO dates the shared schemas read.
 */
import { isoFromParts } from '../../../platform/http/date-input.ts';

export type Values = Record<string, unknown>;

/** The posted form with each named date input folded into one ISO field. */
export function withDates(body: Values, ...names: string[]): Values {
  const values: Values = { ...body };
  for (const name of names) values[name] = isoFromParts(body, name);
  return values;
}

/** A filter given in the query string: one value, or none. */
export const queryValue = (query: unknown, name: string): string => {
  const value = (query as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : '';
};
