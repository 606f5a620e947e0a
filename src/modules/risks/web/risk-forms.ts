/** What the pages' forms send, read into the services' inputs; and the filters of risk tables. */
import { z } from 'zod';
import type { RiskFilters } from '../risk-view.ts';

/** Table filters from the query string: unknown values are ignored, never an error. */
export function filtersFrom(query: unknown): RiskFilters {
  const parsed = z
    .object({
      registerId: z.string().optional(),
      ownerPersonId: z.string().optional(),
      category: z.string().optional(),
      band: z.string().optional(),
      beyondAppetite: z.string().optional(),
      reviewOverdue: z.string().optional(),
      status: z.enum(['open', 'closed', 'all']).optional().catch(undefined),
    })
    .catch({})
    .parse(query ?? {});
  return {
    registerId: parsed.registerId || undefined,
    ownerPersonId: parsed.ownerPersonId || undefined,
    category: parsed.category || undefined,
    band: parsed.band || undefined,
    beyondAppetite: parsed.beyondAppetite === 'yes',
    reviewOverdue: parsed.reviewOverdue === 'yes',
    status: parsed.status,
  };
}

/** The filter values as the filter form shows them again. */
export function filterValues(filters: RiskFilters) {
  return {
    registerId: filters.registerId ?? '',
    ownerPersonId: filters.ownerPersonId ?? '',
    category: filters.category ?? '',
    band: filters.band ?? '',
    beyondAppetite: filters.beyondAppetite ? 'yes' : '',
    reviewOverdue: filters.reviewOverdue ? 'yes' : '',
    status: filters.status ?? 'open',
  };
}

type Values = Record<string, unknown>;

/** The date inputs of a form (day, month, year) as one ISO date, '' when incomplete. */
export function dateFrom(values: Values, name: string): string {
  const part = (key: string) => String(values[`${name}-${key}`] ?? '').trim();
  const [day, month, year] = [part('day'), part('month'), part('year')];
  if (!day && !month && !year) return String(values[name] ?? '');
  return `${year.padStart(4, '0')}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/** The matrix form's flat fields (likelihood1Label, band1From …) as the matrix input. */
export function matrixFrom(values: Values) {
  const size = Number(values.size) === 4 ? 4 : 5;
  const scale = (name: string) =>
    Array.from({ length: size }, (_, i) => ({
      label: String(values[`${name}${i + 1}Label`] ?? ''),
      description: String(values[`${name}${i + 1}Description`] ?? ''),
    }));
  const bands = Array.from({ length: 5 }, (_, i) => ({
    label: String(values[`band${i + 1}Label`] ?? '').trim(),
    colour: String(values[`band${i + 1}Colour`] ?? 'green'),
    from: String(values[`band${i + 1}From`] ?? '').trim(),
    to: String(values[`band${i + 1}To`] ?? '').trim(),
  })).filter((band) => band.label !== '' || band.from !== '' || band.to !== '');
  return { size, likelihood: scale('likelihood'), impact: scale('impact'), bands };
}
