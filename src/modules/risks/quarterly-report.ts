/**
 * The strategic risk register as the quarterly report to Executive and Scrutiny carries it (003
 * §34): the strategic registers' risks open at the period's end with their current scores, the
 * heat map then and at the end of the period before (SVG and the cells as table data), and the
 * risks whose current score rose over the period. Each risk is scored on the matrix version its
 * assessment used; the heat maps are drawn on the council's current matrix, as the register page's are.
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { ok, type Result } from '../../kernel/result.ts';
import { phraseText } from '../../kernel/phrase.ts';
import { fill, words } from '../../platform/words/index.ts';
import type { Db } from '../../platform/db/db.ts';
import { parsedRows } from '../../platform/db/rows.ts';
import type { Caller } from '../../platform/services/caller.ts';
import { forbidden } from '../../platform/services/errors.ts';
import { heatMapOf, isBeyondAppetite, type HeatMap, type Rating } from './domain/index.ts';
import { loadRiskContext, scoreView, type ScoreView } from './risk-view.ts';
import { mayRead } from './risk-checks.ts';
import { heatMapSvg } from './web/heat-map.svg.ts';
import { addDays } from '../../kernel/calendar-days.ts';

export interface ReportPeriod {
  /** The first day of the period (ISO date): the comparison is with the day before it. */
  start: string;
  /** The last day of the period (ISO date): the register as it stood then. */
  end: string;
}

export interface ReportedRisk {
  id: string;
  reference: string;
  title: string;
  registerName: string;
  ownerName: string;
  category: string;
  categoryName: string;
  appetite: number | null;
  beyondAppetite: boolean;
  current: ScoreView;
  target: ScoreView;
  /** Its current score at the end of the period before; null when it was not yet on a register. */
  previous: ScoreView | null;
}

export interface ReportedHeatMap {
  on: string;
  map: HeatMap;
  /** The map as an accessible SVG (presentation attributes only, safe under the page's CSP). */
  svg: string;
  /** The same counts as table rows, highest likelihood first: for the table beside the picture. */
  table: { likelihood: number; cells: { impact: number; score: number; band: string; count: number }[] }[];
}

export interface StrategicRiskReport {
  period: ReportPeriod;
  previousOn: string;
  matrixVersion: number;
  risks: ReportedRisk[];
  heatMap: { now: ReportedHeatMap; previous: ReportedHeatMap };
  /** Risks whose current score at the end is higher than at the end of the period before. */
  risen: ReportedRisk[];
}

const int = z.coerce.number().int();
const ratedRow = z.object({
  id: z.string(),
  reference: z.string(),
  title: z.string(),
  register_name: z.string(),
  owner_name: z.string(),
  category: z.string(),
  matrix_id: z.string(),
  current_likelihood: int,
  current_impact: int,
  target_likelihood: int,
  target_impact: int,
});

/** The strategic registers' risks open on a date, each with its latest assessment made by then. */
async function strategicRatingsAt(db: Db, organisationId: string, onDate: string) {
  const result = await db.execute(sql`
    SELECT r.id, r.reference, r.title, g.name AS register_name, p.name AS owner_name, r.category,
           a.matrix_id, a.current_likelihood, a.current_impact, a.target_likelihood, a.target_impact
      FROM risks r
      JOIN risk_registers g ON g.id = r.register_id AND g.level = 'strategic'
      JOIN people p ON p.id = r.owner_person_id
      JOIN (
        SELECT DISTINCT ON (risk_id) risk_id, matrix_id, current_likelihood, current_impact,
               target_likelihood, target_impact
          FROM risk_assessments
         WHERE organisation_id = ${organisationId} AND assessed_on <= ${onDate}::date
         ORDER BY risk_id, assessed_on DESC, assessed_at DESC, id DESC
      ) a ON a.risk_id = r.id
     WHERE r.organisation_id = ${organisationId}
       AND (r.closed_on IS NULL OR r.closed_on > ${onDate}::date)
     ORDER BY r.reference`);
  return parsedRows(ratedRow, result);
}

const dayBefore = (iso: string) => addDays(iso, -1);

function reported(map: HeatMap, on: string, title: string): ReportedHeatMap {
  return {
    on,
    map,
    svg: heatMapSvg(map, title),
    table: map.rows.map((row) => ({
      likelihood: row[0]!.likelihood,
      cells: row.map((c) => ({ impact: c.impact, score: c.score, band: c.band.label, count: c.count })),
    })),
  };
}

/**
 * The strategic risk register for the quarterly report. A risk escalated to a strategic register
 * counts there with its whole history (the register it is on now is the one that counts, as on
 * the register page).
 */
export async function strategicRiskReport(
  db: Db,
  caller: Caller,
  period: ReportPeriod,
): Promise<Result<StrategicRiskReport>> {
  if (!mayRead(caller)) return forbidden(phraseText('risks.errors.notAllowedToSee'));
  const organisationId = caller.organisationId;
  const previousOn = dayBefore(period.start);
  const [context, now, before] = await Promise.all([
    loadRiskContext(db, organisationId, period.end),
    strategicRatingsAt(db, organisationId, period.end),
    strategicRatingsAt(db, organisationId, previousOn),
  ]);
  const matrixOf = (matrixId: string) => (context.matrices.get(matrixId) ?? context.current).matrix;
  const earlier = new Map(before.map((r) => [r.id, r]));
  const risks: ReportedRisk[] = now.map((r) => {
    const matrix = matrixOf(r.matrix_id);
    const current = scoreView(matrix, { likelihood: r.current_likelihood, impact: r.current_impact });
    const category = context.categories.find((c) => c.code === r.category);
    const appetite = category?.appetite ?? null;
    const was = earlier.get(r.id);
    return {
      id: r.id,
      reference: r.reference,
      title: r.title,
      registerName: r.register_name,
      ownerName: r.owner_name,
      category: r.category,
      categoryName: category?.name ?? r.category,
      appetite,
      beyondAppetite: isBeyondAppetite(current.score, appetite),
      current,
      target: scoreView(matrix, { likelihood: r.target_likelihood, impact: r.target_impact }),
      previous: was
        ? scoreView(matrixOf(was.matrix_id), { likelihood: was.current_likelihood, impact: was.current_impact })
        : null,
    };
  });
  const ratings = (rows: typeof now): Rating[] =>
    rows.map((r) => ({ likelihood: r.current_likelihood, impact: r.current_impact }));
  const matrix = context.current.matrix;
  return ok({
    period,
    previousOn,
    matrixVersion: context.current.version,
    risks,
    heatMap: {
      now: reported(
        heatMapOf(matrix, ratings(now)),
        period.end,
        fill(words.risksView.strategicOn, { date: period.end }),
      ),
      previous: reported(
        heatMapOf(matrix, ratings(before)),
        previousOn,
        fill(words.risksView.strategicOn, { date: previousOn }),
      ),
    },
    risen: risks.filter((r) => r.previous !== null && r.current.score > r.previous.score),
  });
}
