/** GOV.UK select items from rows, with the current value selected and an optional blank first. */
export function selectItems<T>(
  rows: readonly T[],
  value: (row: T) => string,
  text: (row: T) => string,
  selected: string | null | undefined,
  blank?: string,
): { value: string; text: string; selected?: boolean }[] {
  const items = rows.map((row) => ({ value: value(row), text: text(row), selected: value(row) === selected }));
  return blank === undefined ? items : [{ value: '', text: blank, selected: !selected }, ...items];
}
