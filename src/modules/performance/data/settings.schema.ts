/**
 * Council-wide settings. One row per organisation; no row means the documented defaults
 * (src/domain/performance-settings), so a new council works without configuring anything.
 *
 * Enumerations are text columns whose allowed values are listed in the comment and enforced by
 * the domain schema in src/domain/performance-settings; shares are 0..1 as the engine uses them.
 */
import { boolean, doublePrecision, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations } from '../../../platform/tenancy/organisations.schema.ts';
import { people } from '../../organisation/index.ts';
import { OFFICIAL_FROM } from '../../../kernel/measurement/official.ts';
import { OVERDUE_TREATMENTS, ROLLUP_RULES, TOLERANCE_KINDS } from '../domain/settings.ts';
import { tenantForeignKey } from '../../../platform/tenancy/tenant-keys.ts';

/** How the performance engine is used for this council: roll-up, risk appetite, direction of travel. */
export const performanceSettings = pgTable(
  'performance_settings',
  {
    organisationId: uuid('organisation_id')
      .primaryKey()
      .references(() => organisations.id),
    /** worst-of | majority | weighted-score */
    rollupRule: text('rollup_rule', { enum: ROLLUP_RULES }).notNull().default('worst-of'),
    /** weighted-score only: the score (0..1) from which a roll-up is green; null for the other rules. */
    weightedGreenFrom: doublePrecision('weighted_green_from'),
    /** weighted-score only: the score (0..1) from which a roll-up is amber, below green-from. */
    weightedAmberFrom: doublePrecision('weighted_amber_from'),
    /** A key measure can make a roll-up worse, never better. */
    keyMeasuresDominate: boolean('key_measures_dominate').notNull().default(true),
    /** How overdue data counts in a roll-up: not-rated | amber | red */
    overdueAs: text('overdue_as', { enum: OVERDUE_TREATMENTS }).notNull().default('not-rated'),
    /** Risk appetite: share (0..1) of plan objectives on target. */
    objectivesAppetite: doublePrecision('objectives_appetite').notNull().default(0.9),
    /** Risk appetite: share (0..1) of key targets projected to be achieved. */
    targetsAppetite: doublePrecision('targets_appetite').notNull().default(0.75),
    /** Direction-of-travel tolerance: none | absolute | percentage */
    directionToleranceKind: text('direction_tolerance_kind', { enum: TOLERANCE_KINDS }).notNull().default('none'),
    /** The amount (in each measure's unit) or the percentage of the comparison value; null for none. */
    directionToleranceValue: doublePrecision('direction_tolerance_value'),
    /** The sign-off status from which a figure is official: submitted | verified | approved */
    officialFrom: text('official_from', { enum: OFFICIAL_FROM }).notNull().default('verified'),
    rowVersion: integer('row_version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [tenantForeignKey('performance_settings_updated_by_fk', t.organisationId, t.updatedBy, people)],
);
