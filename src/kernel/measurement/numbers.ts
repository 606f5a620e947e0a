/**
 * Numbers typed by people. Forms send text, the API and imports send numbers or text: both go
 * through here so '1,234.5', ' 70 ' and 70 mean the same and 'seventy' gets a clear message.
 */
import { z } from 'zod';
import { capitalise, fieldMessage, type Label } from '../inputs.ts';

const NUMBER_TEXT = /^[-+]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?$/;

/** null for blank; NaN for text that is not a number. */
export function numberFromInput(raw: unknown): number | null {
  if (raw === undefined || raw === null) return null;
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : Number.NaN;
  if (typeof raw !== 'string') return Number.NaN;
  const text = raw.trim();
  if (text === '') return null;
  if (!NUMBER_TEXT.test(text) || !/\d/.test(text)) return Number.NaN;
  return Number(text.replace(/,/g, ''));
}

/** Decimal places as written: 12.50 has two (what was typed, not what the float shows). */
export function decimalPlacesOf(raw: unknown): number {
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return 0;
    const text = String(raw);
    if (text.includes('e-')) {
      const [mantissa = '', exponent = '0'] = text.split('e-');
      return (mantissa.split('.')[1]?.length ?? 0) + Number(exponent);
    }
    return text.split('.')[1]?.length ?? 0;
  }
  if (typeof raw !== 'string') return 0;
  return raw.trim().split('.')[1]?.length ?? 0;
}

/** An optional number field: blank is null; anything else must be a number. */
const notANumber = (label: Label) =>
  fieldMessage(label, 'number', (words) => `${capitalise(words)} must be a number, like 70 or 12.5`);

export const optionalNumber = (label: Label) =>
  z
    .union([z.number(), z.string(), z.null()], { message: notANumber(label) })
    .optional()
    .transform((raw, ctx) => {
      const value = numberFromInput(raw);
      if (value !== null && Number.isNaN(value)) {
        ctx.addIssue({ code: 'custom', message: notANumber(label) });
        return z.NEVER;
      }
      return value;
    });

/** A whole number in a range; blank is null. */
export const optionalWholeNumber = (label: Label, min: number, max: number) =>
  optionalNumber(label).refine(
    (value) => value === null || (Number.isInteger(value) && value >= min && value <= max),
    fieldMessage(label, 'wholeNumber', (words) => `${capitalise(words)} must be a whole number from ${min} to ${max}`, {
      min,
      max,
    }),
  );

/** A checkbox or boolean: 'true', 'on', 'yes', true. */
export const booleanInput = z
  .union([z.boolean(), z.string(), z.array(z.string())])
  .optional()
  .transform((raw) => (Array.isArray(raw) ? raw[raw.length - 1] : raw))
  .transform((raw) => raw === true || raw === 'true' || raw === 'on' || raw === 'yes' || raw === '1');
