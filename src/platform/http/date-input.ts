/**
 * The GOV.UK date input (day, month and year boxes, named `<name>-day` …) to and from an ISO
 * date: the Design System's pattern for dates people know, rather than the browser's own picker.
 */
/** A typed box's text: form values are strings (numbers in tests); anything else is blank. */
const boxText = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');

export function dateParts(iso: unknown): { day: string; month: string; year: string } {
  const match = typeof iso === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  if (!match) return { day: '', month: '', year: '' };
  return { day: String(Number(match[3])), month: String(Number(match[2])), year: match[1]! };
}

export function isoFromParts(body: Record<string, unknown>, name: string): string {
  const part = (suffix: string) => boxText(body[`${name}-${suffix}`]).trim();
  const [day, month, year] = [part('day'), part('month'), part('year')];
  if (!day && !month && !year) return '';
  return `${year.padStart(4, '0')}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

export function dateItems(iso: unknown, typed: Record<string, unknown> | undefined, name: string, error: boolean) {
  const parts =
    typed && `${name}-day` in typed
      ? {
          day: boxText(typed[`${name}-day`]),
          month: boxText(typed[`${name}-month`]),
          year: boxText(typed[`${name}-year`]),
        }
      : dateParts(iso);
  const errorClass = error ? ' govuk-input--error' : '';
  return [
    { name: 'day', classes: `govuk-input--width-2${errorClass}`, value: parts.day },
    { name: 'month', classes: `govuk-input--width-2${errorClass}`, value: parts.month },
    { name: 'year', classes: `govuk-input--width-4${errorClass}`, value: parts.year },
  ];
}
