/**
 * The records an agenda item may be about, for the item form's picker: the council's improvement
 * plans (named by their measure) and recommendations (by reference and report), found by a few
 * words of their title or reference. Read through the owning modules' indexes; nothing is written.
 */
import { and, asc, eq, ilike, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../platform/db/db.ts';
import { improvementPlans } from '../../improvement-plans/index.ts';
import { measures } from '../../measures/index.ts';
import { recommendationReports, recommendations } from '../../recommendations/index.ts';

/** A page of choices: a select longer than this is no help, and Find narrows it. */
export const SUBJECT_PAGE = 50;

const choiceRow = z.object({ id: z.string(), label: z.string() });

/** A LIKE pattern matching the words literally, wildcards typed by the person included. */
const containing = (find: string) => `%${find.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const matching = (find: string, ...columns: Parameters<typeof ilike>[0][]): SQL | undefined =>
  find === '' ? undefined : or(...columns.map((column) => ilike(column, containing(find))));

export async function improvementPlanChoices(db: Db, organisationId: string, find: string) {
  const rows = await db
    .select({ id: improvementPlans.id, code: measures.code, title: measures.title, status: improvementPlans.status })
    .from(improvementPlans)
    .innerJoin(measures, eq(measures.id, improvementPlans.measureId))
    .where(
      and(
        eq(improvementPlans.organisationId, organisationId),
        matching(find, measures.code, measures.title, improvementPlans.problem),
      ),
    )
    .orderBy(asc(measures.code), asc(improvementPlans.createdAt))
    .limit(SUBJECT_PAGE);
  return rows.map((row) => choiceRow.parse({ id: row.id, label: `${row.code} ${row.title} (${row.status})` }));
}

export async function recommendationChoices(db: Db, organisationId: string, find: string) {
  const rows = await db
    .select({
      id: recommendations.id,
      reference: recommendations.reference,
      text: recommendations.text,
      report: recommendationReports.title,
    })
    .from(recommendations)
    .innerJoin(recommendationReports, eq(recommendationReports.id, recommendations.reportId))
    .where(
      and(
        eq(recommendations.organisationId, organisationId),
        matching(find, recommendations.reference, recommendations.text, recommendationReports.title),
      ),
    )
    .orderBy(asc(recommendationReports.title), asc(recommendations.reference))
    .limit(SUBJECT_PAGE);
  return rows.map((row) =>
    choiceRow.parse({
      id: row.id,
      label: `${row.reference || row.report}: ${row.text.length > 80 ? `${row.text.slice(0, 79)}…` : row.text}`,
    }),
  );
}
