/** SQL for capital reprofile requests; every query scoped to the organisation, rows parsed with zod. */
import { and, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { moneyFromPence } from '../../../kernel/money.ts';
import type { Db } from '../../../platform/db/db.ts';
import type { ReprofileRequestInput } from '../domain/reprofile.ts';
import { capitalReprofiles } from './programme.schema.ts';

const reprofileRow = z.object({
  id: z.string(),
  schemeId: z.string(),
  fromYear: z.number().int(),
  toYear: z.number().int(),
  amount: z.coerce.number().int().transform(moneyFromPence),
  reason: z.string(),
  status: z.enum(['pending', 'approved', 'rejected']),
  requestedBy: z.string(),
  requestedByName: z.string(),
  requestedAt: z.date(),
  decidedByName: z.string().nullable(),
  decisionReason: z.string(),
  decidedAt: z.date().nullable(),
});
export type ReprofileRow = z.infer<typeof reprofileRow>;

const columns = {
  id: capitalReprofiles.id,
  schemeId: capitalReprofiles.schemeId,
  fromYear: capitalReprofiles.fromYear,
  toYear: capitalReprofiles.toYear,
  amount: capitalReprofiles.amount,
  reason: capitalReprofiles.reason,
  status: capitalReprofiles.status,
  requestedBy: capitalReprofiles.requestedBy,
  requestedByName: capitalReprofiles.requestedByName,
  requestedAt: capitalReprofiles.requestedAt,
  decidedByName: capitalReprofiles.decidedByName,
  decisionReason: capitalReprofiles.decisionReason,
  decidedAt: capitalReprofiles.decidedAt,
};

export async function insertReprofile(
  tx: Db,
  organisationId: string,
  input: ReprofileRequestInput & { schemeId: string; requestedBy: string; requestedByName: string },
): Promise<string> {
  const [row] = await tx
    .insert(capitalReprofiles)
    .values({ organisationId, ...input })
    .returning({ id: capitalReprofiles.id });
  return row!.id;
}

/** Locks the row for the decision, so two people deciding at once cannot both move the budget. */
export async function findReprofileForUpdate(tx: Db, organisationId: string, id: string): Promise<ReprofileRow | null> {
  const [row] = await tx
    .select(columns)
    .from(capitalReprofiles)
    .where(and(eq(capitalReprofiles.organisationId, organisationId), eq(capitalReprofiles.id, id)))
    .for('update');
  return row ? reprofileRow.parse(row) : null;
}

export async function listReprofiles(db: Db, organisationId: string, schemeId: string): Promise<ReprofileRow[]> {
  const rows = await db
    .select(columns)
    .from(capitalReprofiles)
    .where(and(eq(capitalReprofiles.organisationId, organisationId), eq(capitalReprofiles.schemeId, schemeId)))
    .orderBy(desc(capitalReprofiles.requestedAt), desc(capitalReprofiles.id));
  return rows.map((row) => reprofileRow.parse(row));
}

export async function decideReprofile(
  tx: Db,
  organisationId: string,
  id: string,
  decision: { status: 'approved' | 'rejected'; decidedBy: string; decidedByName: string; decisionReason: string },
): Promise<void> {
  await tx
    .update(capitalReprofiles)
    .set({ ...decision, decidedAt: sql`now()` })
    .where(and(eq(capitalReprofiles.organisationId, organisationId), eq(capitalReprofiles.id, id)));
}
