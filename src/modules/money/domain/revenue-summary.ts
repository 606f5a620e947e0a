/**
 * The revenue summary: budget lines grouped directorate → unit → cost centre, each level's totals
 * the exact sum of the level below (pence, no rounding anywhere), each with its band. A unit's
 * directorate is its nearest ancestor of kind "directorate"; a unit outside any directorate (a
 * corporate unit directly under the council) stands as its own directorate.
 */
import { sumMoney, type Money } from '../../../kernel/money.ts';
import { AMOUNT_FIELDS, REQUIRED_AMOUNTS, assessLine, type BudgetFigures, type LineAssessment } from './budget-line.ts';
import type { VarianceBands } from './variance.ts';

export interface SummaryUnit {
  id: string;
  parentId: string | null;
  kind: string;
  name: string;
}

export interface SummaryLine extends BudgetFigures {
  costCentreId: string;
  costCentreCode: string;
  costCentreName: string;
  unitId: string;
  explanation: string;
}

export interface Totals extends BudgetFigures, LineAssessment {}

export interface CostCentreRow {
  line: SummaryLine;
  totals: Totals;
}

export interface UnitGroup {
  unit: SummaryUnit;
  totals: Totals;
  costCentres: CostCentreRow[];
}

export interface DirectorateGroup {
  directorate: SummaryUnit;
  totals: Totals;
  units: UnitGroup[];
}

export interface RevenueSummary {
  directorates: DirectorateGroup[];
  totals: Totals;
}

/**
 * Totals of figures. An optional amount (gross, income) totals only when every line has it;
 * otherwise the total would mix bases, so it is left out (null).
 */
export function totalOf(bands: VarianceBands, lines: readonly BudgetFigures[]): Totals {
  const figures = {} as Record<string, Money | null>;
  for (const field of REQUIRED_AMOUNTS) figures[field] = sumMoney(lines.map((line) => line[field]));
  for (const field of AMOUNT_FIELDS.filter((f) => !(REQUIRED_AMOUNTS as readonly string[]).includes(f))) {
    const amounts = lines.map((line) => line[field]);
    figures[field] = lines.length > 0 && amounts.every((amount) => amount !== null) ? sumMoney(amounts) : null;
  }
  const totals = figures as unknown as BudgetFigures;
  return { ...totals, ...assessLine(bands, totals) };
}

/** The directorate a unit reports through (see the module's note above). */
export function directorateOf(units: ReadonlyMap<string, SummaryUnit>, unitId: string): SummaryUnit | undefined {
  let here = units.get(unitId);
  let lastBelowRoot = here;
  const seen = new Set<string>();
  while (here && !seen.has(here.id)) {
    seen.add(here.id);
    if (here.kind === 'directorate') return here;
    if (here.parentId === null) break;
    lastBelowRoot = here;
    here = units.get(here.parentId);
  }
  return lastBelowRoot;
}

const byName =
  <T>(name: (item: T) => string) =>
  (a: T, b: T) =>
    name(a).localeCompare(name(b), 'en-GB');

export function summarise(
  bands: VarianceBands,
  units: readonly SummaryUnit[],
  lines: readonly SummaryLine[],
): RevenueSummary {
  const unitById = new Map(units.map((unit) => [unit.id, unit]));
  const grouped = new Map<string, { directorate: SummaryUnit; units: Map<string, SummaryLine[]> }>();
  for (const line of lines) {
    const unit = unitById.get(line.unitId);
    const directorate = directorateOf(unitById, line.unitId);
    if (!unit || !directorate) throw new Error(`Cost centre ${line.costCentreCode} names a unit not in the tree`);
    let group = grouped.get(directorate.id);
    if (!group) grouped.set(directorate.id, (group = { directorate, units: new Map() }));
    const unitLines = group.units.get(unit.id) ?? [];
    unitLines.push(line);
    group.units.set(unit.id, unitLines);
  }
  const directorates = [...grouped.values()]
    .map(({ directorate, units: unitLines }) => {
      const unitGroups = [...unitLines.entries()]
        .map(([unitId, members]) => ({
          unit: unitById.get(unitId)!,
          totals: totalOf(bands, members),
          costCentres: members
            .map((line) => ({ line, totals: totalOf(bands, [line]) }))
            .sort((a, b) => a.line.costCentreCode.localeCompare(b.line.costCentreCode, 'en-GB')),
        }))
        .sort(byName((group) => group.unit.name));
      return { directorate, totals: totalOf(bands, [...unitLines.values()].flat()), units: unitGroups };
    })
    .sort(byName((group) => group.directorate.name));
  return { directorates, totals: totalOf(bands, lines) };
}
