/** Reading and writing the remembered forecast choices (forecast-choices.schema.ts). */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../platform/db/db.ts';
import { parsedRows, textArray } from '../../../platform/db/rows.ts';
import type { RememberedChoice } from '../domain/forecast-choice-memory.ts';

export interface StoredChoice {
  periodKey: string;
  inputsKey: string;
  choice: RememberedChoice;
}

const choiceRow = z.object({
  measure_id: z.string(),
  period_key: z.string(),
  inputs_key: z.string(),
  choice: z.unknown(),
});

/** The council's remembered choices for the measures (or all of them), by measure id. */
export async function loadForecastChoices(
  db: Db,
  organisationId: string,
  measureIds: readonly string[] | 'all',
): Promise<Map<string, StoredChoice>> {
  if (measureIds !== 'all' && measureIds.length === 0) return new Map();
  const which = measureIds === 'all' ? sql`` : sql`AND measure_id = ANY(${textArray(measureIds)}::uuid[])`;
  const rows = parsedRows(
    choiceRow,
    await db.execute(sql`
      SELECT measure_id, period_key, inputs_key, choice FROM forecast_choices
       WHERE organisation_id = ${organisationId} ${which}`),
  );
  return new Map(
    rows.map((row) => [
      row.measure_id,
      {
        periodKey: row.period_key,
        inputsKey: row.inputs_key,
        // jsonb arrives parsed from node-postgres and PGlite; text is accepted too.
        choice: (typeof row.choice === 'string' ? JSON.parse(row.choice) : row.choice) as RememberedChoice,
      },
    ]),
  );
}

const BATCH = 2_000;

/** Stores the choices made afresh, one row per measure (the latest replaces the one before). */
export async function saveForecastChoices(
  db: Db,
  organisationId: string,
  fresh: ReadonlyMap<string, StoredChoice>,
  chosenAt: Date,
): Promise<void> {
  const rows = [...fresh].map(([measureId, c]) => ({
    measure_id: measureId,
    period_key: c.periodKey,
    inputs_key: c.inputsKey,
    choice: c.choice,
  }));
  for (let start = 0; start < rows.length; start += BATCH) {
    await db.execute(sql`
      INSERT INTO forecast_choices (measure_id, organisation_id, period_key, inputs_key, choice, chosen_at)
      SELECT r.measure_id, ${organisationId}, r.period_key, r.inputs_key, r.choice, ${chosenAt.toISOString()}::timestamptz
        FROM jsonb_to_recordset(${JSON.stringify(rows.slice(start, start + BATCH))}::jsonb)
             AS r(measure_id uuid, period_key text, inputs_key text, choice jsonb)
      ON CONFLICT (measure_id, organisation_id) DO UPDATE
        SET period_key = excluded.period_key, inputs_key = excluded.inputs_key,
            choice = excluded.choice, chosen_at = excluded.chosen_at`);
  }
}
