/**
 * The records an agenda item may be about, for the item form's picker: the council's improvement
 * plans (named by their measure) and recommendations (by reference and report), found by a few
 * words of their title or reference. Read through the owning modules' indexes; nothing is written.
 */
import { and, asc, eq, ilike, or, type Column, type SQL } from 'drizzle-orm';
import type { PgSelect } from 'drizzle-orm/pg-core';
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

const matching = (find: string, ...columns: Column[]): SQL | undefined =>
  find === '' ? undefined : or(...columns.map((column) => ilike(column, containing(find))));

/**
 * The one shape both kinds' queries share: the council's rows whose searched columns contain the
 * words, in the kind's order, a page at most, each parsed into a choice by the kind's label.
 */
async function choicePage<Row>(
  query: PgSelect,
  where: { organisation: Column; organisationId: string; find: string; searched: Column[] },
  order: SQL[],
  label: (row: Row) => { id: string; label: string },
) {
  const rows = (await query
    .where(and(eq(where.organisation, where.organisationId), matching(where.find, ...where.searched)))
    .orderBy(...order)
    .limit(SUBJECT_PAGE)) as Row[];
  return rows.map((row) => choiceRow.parse(label(row)));
}

export async function improvementPlanChoices(db: Db, organisationId: string, find: string) {
  const query = db
    .select({ id: improvementPlans.id, code: measures.code, title: measures.title, status: improvementPlans.status })
    .from(improvementPlans)
    .innerJoin(measures, eq(measures.id, improvementPlans.measureId))
    .$dynamic();
  return choicePage<{ id: string; code: string; title: string; status: string }>(
    query,
    {
      organisation: improvementPlans.organisationId,
      organisationId,
      find,
      searched: [measures.code, measures.title, improvementPlans.problem],
    },
    [asc(measures.code), asc(improvementPlans.createdAt)],
    (row) => ({ id: row.id, label: `${row.code} ${row.title} (${row.status})` }),
  );
}

export async function recommendationChoices(db: Db, organisationId: string, find: string) {
  const query = db
    .select({
      id: recommendations.id,
      reference: recommendations.reference,
      text: recommendations.text,
      report: recommendationReports.title,
    })
    .from(recommendations)
    .innerJoin(recommendationReports, eq(recommendationReports.id, recommendations.reportId))
    .$dynamic();
  return choicePage<{ id: string; reference: string; text: string; report: string }>(
    query,
    {
      organisation: recommendations.organisationId,
      organisationId,
      find,
      searched: [recommendations.reference, recommendations.text, recommendationReports.title],
    },
    [asc(recommendationReports.title), asc(recommendations.reference)],
    (row) => ({
      id: row.id,
      label: `${row.reference || row.report}: ${row.text.length > 80 ? `${row.text.slice(0, 79)}…` : row.text}`,
    }),
  );
}
