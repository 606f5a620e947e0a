/** The council's committee-cycle settings: one row, or the defaults while it has none. */
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../platform/db/db.ts';
import { DEFAULT_COMMITTEE_SETTINGS, type CommitteeSettings } from '../domain/settings.ts';
import { committeeSettings } from './committees.schema.ts';

const settingsRow = z.object({
  dataDueDays: z.number().int().positive(),
  signOffDays: z.number().int().positive(),
  reportIssuedDays: z.number().int().positive(),
  escalateAfterDays: z.number().int().positive(),
});

export async function loadSettings(
  db: Db,
  organisationId: string,
): Promise<CommitteeSettings & { isDefault: boolean }> {
  const [row] = await db.select().from(committeeSettings).where(eq(committeeSettings.organisationId, organisationId));
  return row ? { ...settingsRow.parse(row), isDefault: false } : { ...DEFAULT_COMMITTEE_SETTINGS, isDefault: true };
}

export async function saveSettings(db: Db, organisationId: string, values: CommitteeSettings): Promise<void> {
  await db
    .insert(committeeSettings)
    .values({ organisationId, ...values })
    .onConflictDoUpdate({ target: committeeSettings.organisationId, set: { ...values, updatedAt: sql`now()` } });
}
