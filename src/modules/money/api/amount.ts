import { z } from 'zod';
import type { Money } from '../../../kernel/money.ts';

/** Money goes out as a decimal string of pounds ("-1234.50"): exact, unlike a JSON number. */
export const amount = z
  .string()
  .regex(/^-?\d+\.\d{2}$/)
  .meta({ description: 'Pounds and pence as a decimal string' });

export const decimal = (pence: Money): string => {
  const size = Math.abs(pence);
  return `${pence < 0 ? '-' : ''}${Math.floor(size / 100)}.${String(size % 100).padStart(2, '0')}`;
};

/** An object schema of the named amounts, each a decimal string. */
export function amountsShape<F extends string>(fields: readonly F[]): Record<F, typeof amount> {
  return Object.fromEntries(fields.map((field) => [field, amount])) as Record<F, typeof amount>;
}

/** The named amounts of a figures record as decimal strings. */
export function decimals<F extends string>(fields: readonly F[], figures: Record<F, Money>): Record<F, string> {
  return Object.fromEntries(fields.map((field) => [field, decimal(figures[field])])) as Record<F, string>;
}

/** A write's amounts as people type them ("1,234.56"); the service reads and checks each. */
export function amountInputs<F extends string>(fields: readonly F[]) {
  return z.object(Object.fromEntries(fields.map((field) => [field, z.string().max(40)])) as Record<F, z.ZodString>);
}
