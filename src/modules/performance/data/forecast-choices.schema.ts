/**
 * Each measure's remembered forecast choice (domain/forecast-choice-memory.ts): the method the
 * rolling back-test chose and the size of its error, with the key of the inputs it was chosen on.
 * One row per measure, for the latest period rated; a recompute whose inputs give the same key
 * reuses it instead of running the back-test again. Derived data: deleting a row only costs time.
 */
import { jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { measures } from '../../measures/index.ts';
import type { RememberedChoice } from '../domain/forecast-choice-memory.ts';
import { tenantForeignKey, tenantOrganisationId } from '../../../platform/tenancy/tenant-keys.ts';

export const forecastChoices = pgTable(
  'forecast_choices',
  {
    measureId: uuid('measure_id').notNull(),
    organisationId: tenantOrganisationId(),
    /** The period the choice was made for (for reading; the inputs key already holds it). */
    periodKey: text('period_key').notNull(),
    inputsKey: text('inputs_key').notNull(),
    choice: jsonb('choice').$type<RememberedChoice>().notNull(),
    chosenAt: timestamp('chosen_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.measureId, t.organisationId] }),
    tenantForeignKey('forecast_choices_measure_id_fk', t.organisationId, t.measureId, measures).onDelete('cascade'),
  ],
);
