/**
 * Measures (performance indicators), their targets, periodic values with the data-quality
 * workflow, and the stored results of the performance engine. See measures.README.md for what
 * each table is for and the intended workflow.
 *
 * Conventions used here:
 * - numbers are double precision: the engine computes in JavaScript numbers, and a value typed as
 *   70.35 comes back as 70.35;
 * - periods are the engine's period keys ('2025-26', '2025-26-H1', '2025-26-Q2', '2025-26-M03'),
 *   which sort as text within one frequency; a financial year is its annual key ('2025-26');
 * - a breakdown_id that is null means the measure as a whole (the total), not a breakdown;
 * - enumerations are text columns whose allowed values are listed in the comment and enforced by
 *   the domain schemas in src/domain/measures.
 */
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { RagThresholds } from '../../../kernel/measurement/rag.ts';
import { FREQUENCIES } from '../../../kernel/measurement/periods.ts';
import {
  AGGREGATIONS,
  MEASURE_STATUSES,
  MEASURE_TYPES,
  POLARITIES,
  TARGET_KINDS,
  VALUE_QUALITIES,
  VALUE_STATUSES,
} from '../../../kernel/measurement/vocabulary.ts';
import { people, units } from '../../organisation/index.ts';
import { planItems } from '../../plans/index.ts';
import {
  tenantForeignKey,
  tenantId,
  tenantOrganisationId,
  tenantPrimaryKey,
} from '../../../platform/tenancy/tenant-keys.ts';

const at = (name: string) => timestamp(name, { withTimezone: true });
const createdAt = () => at('created_at').notNull().defaultNow();
const updatedAt = () => at('updated_at').notNull().defaultNow();

/** SPC chart settings stored per measure (the engine's LimitOptions). */
export interface MeasureSpcSettings {
  /** Drop moving ranges above 3.267 × their mean before computing limits (default true). */
  screenMovingRanges: boolean;
  /** Fix the centre line and limits on the first n points of each segment; null = all points. */
  baselinePoints: number | null;
}

export const measures = pgTable(
  'measures',
  {
    id: tenantId(),
    organisationId: tenantOrganisationId(),
    code: text('code').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    /** Why it matters. */
    purpose: text('purpose').notNull().default(''),
    definition: text('definition').notNull().default(''),
    calculation: text('calculation').notNull().default(''),
    numeratorLabel: text('numerator_label').notNull().default(''),
    denominatorLabel: text('denominator_label').notNull().default(''),
    /** '%' | 'number' | '£' | 'days' | 'rate per 1,000' | any other suffix */
    unit: text('unit').notNull(),
    decimalPlaces: integer('decimal_places').notNull().default(0),
    /** higher-is-better | lower-is-better | within-range | none */
    polarity: text('polarity', { enum: POLARITIES }).notNull(),
    /** monthly | quarterly | half-yearly | annual */
    frequency: text('frequency', { enum: FREQUENCIES }).notNull(),
    /** sum | mean | latest | ratio | min | max */
    aggregation: text('aggregation', { enum: AGGREGATIONS }).notNull(),
    dataSource: text('data_source').notNull().default(''),
    collectionMethod: text('collection_method').notNull().default(''),
    /** statutory | local | partnership */
    measureType: text('measure_type', { enum: MEASURE_TYPES }).notNull().default('local'),
    baselineValue: doublePrecision('baseline_value'),
    baselinePeriod: text('baseline_period'),
    ownerPersonId: uuid('owner_person_id'),
    /**
     * The unit accountable for the measure: permissions (edit:measures, data entry) are checked
     * at this unit and inherited from above. Null: council-wide, only org-wide grants apply.
     */
    ownerUnitId: uuid('owner_unit_id'),
    verifierPersonId: uuid('verifier_person_id'),
    dataQualityNotes: text('data_quality_notes').notNull().default(''),
    isKey: boolean('is_key').notNull().default(false),
    /** active | retired (a retired measure keeps its values, targets and history). */
    status: text('status', { enum: MEASURE_STATUSES }).notNull().default('active'),
    retiredAt: at('retired_at'),
    retiredReason: text('retired_reason').notNull().default(''),
    /** Free tags: portfolio, scrutiny panel, ... (trimmed, no duplicates ignoring case). */
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Validation range for values; a percentage defaults to 0..100, a count to 0..none. */
    minValue: doublePrecision('min_value'),
    maxValue: doublePrecision('max_value'),
    /** The engine's RagThresholds: percentage / absolute tolerance, explicit bands, or none. */
    ragThresholds: jsonb('rag_thresholds')
      .$type<RagThresholds>()
      .notNull()
      .default({ kind: 'percentage', amberPercent: 5 }),
    spcSettings: jsonb('spc_settings')
      .$type<MeasureSpcSettings>()
      .notNull()
      .default({ screenMovingRanges: true, baselinePoints: null }),
    /**
     * A value may be entered for the current, unfinished period as an estimate (data quality
     * "estimated"); otherwise only once the period has ended.
     */
    allowsInPeriodEstimate: boolean('allows_in_period_estimate').notNull().default(false),
    /** Working days after period end when data is due; null = the organisation's rule. */
    dueWorkingDays: integer('due_working_days'),
    rowVersion: integer('row_version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('measures_org_code_key').on(t.organisationId, sql`lower(${t.code})`),
    index('measures_org_status_idx').on(t.organisationId, t.status),
    index('measures_owner_unit_idx').on(t.ownerUnitId),
    index('measures_owner_person_idx').on(t.ownerPersonId),
    tenantPrimaryKey(t),
    tenantForeignKey('measures_owner_person_id_fk', t.organisationId, t.ownerPersonId, people),
    tenantForeignKey('measures_owner_unit_id_fk', t.organisationId, t.ownerUnitId, units),
    tenantForeignKey('measures_verifier_person_id_fk', t.organisationId, t.verifierPersonId, people),
  ],
);

/** People who enter data for a measure (besides the owner). */
export const measureAssignees = pgTable(
  'measure_assignees',
  {
    organisationId: tenantOrganisationId(),
    measureId: uuid('measure_id').notNull(),
    personId: uuid('person_id').notNull(),
    addedBy: uuid('added_by'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.measureId, t.personId, t.organisationId] }),
    index('measure_assignees_person_idx').on(t.organisationId, t.personId),
    tenantForeignKey('measure_assignees_measure_id_fk', t.organisationId, t.measureId, measures),
    tenantForeignKey('measure_assignees_person_id_fk', t.organisationId, t.personId, people),
    tenantForeignKey('measure_assignees_added_by_fk', t.organisationId, t.addedBy, people),
  ],
);

/** Measure ↔ plan item, many-to-many: a value is entered once and reported under every item. */
export const measureItemLinks = pgTable(
  'measure_item_links',
  {
    organisationId: tenantOrganisationId(),
    measureId: uuid('measure_id').notNull(),
    itemId: uuid('item_id').notNull(),
    addedBy: uuid('added_by'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.measureId, t.itemId, t.organisationId] }),
    index('measure_item_links_item_idx').on(t.organisationId, t.itemId),
    tenantForeignKey('measure_item_links_measure_id_fk', t.organisationId, t.measureId, measures),
    tenantForeignKey('measure_item_links_item_id_fk', t.organisationId, t.itemId, planItems),
    tenantForeignKey('measure_item_links_added_by_fk', t.organisationId, t.addedBy, people),
  ],
);

/**
 * A category of a breakdown of a measure: dimension 'ward', code 'E05000001', label 'Abbey'.
 * Values and targets with breakdown_id set are for that category; null is the whole measure.
 */
export const measureBreakdowns = pgTable(
  'measure_breakdowns',
  {
    id: tenantId(),
    organisationId: tenantOrganisationId(),
    measureId: uuid('measure_id').notNull(),
    /** ward | locality | community | age group | any other dimension name */
    dimension: text('dimension').notNull(),
    code: text('code').notNull(),
    label: text('label').notNull(),
    position: integer('position').notNull().default(0),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('measure_breakdowns_key').on(
      t.measureId,
      sql`lower(${t.dimension})`,
      sql`lower(${t.code})`,
      t.organisationId,
    ),
    index('measure_breakdowns_org_idx').on(t.organisationId),
    tenantPrimaryKey(t),
    tenantForeignKey('measure_breakdowns_measure_id_fk', t.organisationId, t.measureId, measures),
  ],
);

/**
 * Targets are versioned: a revision inserts a new row and marks the old one superseded (never an
 * update of the figures). Reports use the target that applied at the time (targetAt in
 * src/domain/measures/target-history.ts).
 *
 * kind:
 * - annual: one target for financial_year ('2025-26'), period_key null;
 * - profile: a target for one period of the measure's frequency (period_key '2025-26-M03') in
 *   financial_year — a seasonal profile is one row per period;
 * - multi-year: a step-change target for a plan period, plan_period_start..plan_period_end
 *   (financial-year keys, inclusive); financial_year is the year the target is for (normally the
 *   end year).
 */
export const measureTargets = pgTable(
  'measure_targets',
  {
    id: tenantId(),
    organisationId: tenantOrganisationId(),
    measureId: uuid('measure_id').notNull(),
    breakdownId: uuid('breakdown_id'),
    /** annual | profile | multi-year */
    kind: text('kind', { enum: TARGET_KINDS }).notNull(),
    financialYear: text('financial_year').notNull(),
    periodKey: text('period_key'),
    planPeriodStart: text('plan_period_start'),
    planPeriodEnd: text('plan_period_end'),
    /** The target (higher/lower is better); null for a range. */
    value: doublePrecision('value'),
    /** The range (within range); null for a single value. */
    lower: doublePrecision('lower'),
    upper: doublePrecision('upper'),
    /** The date from which this version applies. */
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    supersededAt: at('superseded_at'),
    supersededBy: uuid('superseded_by'),
    reason: text('reason').notNull().default(''),
    setBy: uuid('set_by'),
    setAt: at('set_at').notNull().defaultNow(),
  },
  (t) => [
    tenantForeignKey('measure_targets_superseded_by_fk', t.organisationId, t.supersededBy, t),
    index('measure_targets_measure_idx').on(t.measureId, t.financialYear),
    index('measure_targets_org_idx').on(t.organisationId),
    uniqueIndex('measure_targets_current_key')
      .on(
        t.measureId,
        sql`coalesce(${t.breakdownId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
        t.kind,
        t.financialYear,
        sql`coalesce(${t.periodKey}, '')`,
        t.organisationId,
      )
      .where(sql`${t.supersededAt} is null`),
    tenantPrimaryKey(t),
    tenantForeignKey('measure_targets_measure_id_fk', t.organisationId, t.measureId, measures),
    tenantForeignKey('measure_targets_breakdown_id_fk', t.organisationId, t.breakdownId, measureBreakdowns),
    tenantForeignKey('measure_targets_set_by_fk', t.organisationId, t.setBy, people),
  ],
);

/** One figure per measure, period and breakdown, with its place in the data-quality workflow. */
export const measureValues = pgTable(
  'measure_values',
  {
    id: tenantId(),
    organisationId: tenantOrganisationId(),
    measureId: uuid('measure_id').notNull(),
    periodKey: text('period_key').notNull(),
    breakdownId: uuid('breakdown_id'),
    /** Null while only commentary has been saved; for a ratio the value as shown. */
    value: doublePrecision('value'),
    numerator: doublePrecision('numerator'),
    denominator: doublePrecision('denominator'),
    commentary: text('commentary').notNull().default(''),
    /** draft | submitted | verified | approved | published | returned */
    status: text('status', { enum: VALUE_STATUSES }).notNull().default('draft'),
    /** estimated | provisional | final */
    quality: text('quality', { enum: VALUE_QUALITIES }).notNull().default('final'),
    evidenceUrl: text('evidence_url').notNull().default(''),
    enteredBy: uuid('entered_by'),
    updatedBy: uuid('updated_by'),
    rowVersion: integer('row_version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('measure_values_key').on(t.measureId, t.periodKey, t.breakdownId, t.organisationId).nullsNotDistinct(),
    index('measure_values_org_period_idx').on(t.organisationId, t.periodKey, t.status),
    tenantPrimaryKey(t),
    tenantForeignKey('measure_values_measure_id_fk', t.organisationId, t.measureId, measures),
    tenantForeignKey('measure_values_breakdown_id_fk', t.organisationId, t.breakdownId, measureBreakdowns),
    tenantForeignKey('measure_values_entered_by_fk', t.organisationId, t.enteredBy, people),
    tenantForeignKey('measure_values_updated_by_fk', t.organisationId, t.updatedBy, people),
  ],
);

/**
 * Append-only history of every value: edits (old/new value, commentary, quality) and workflow
 * moves (from/to status, who, when, reason). A trigger refuses UPDATE and DELETE.
 */
export const measureValueEvents = pgTable(
  'measure_value_events',
  {
    id: bigserial('id', { mode: 'number' }).notNull(),
    organisationId: tenantOrganisationId(),
    valueId: uuid('value_id').notNull(),
    measureId: uuid('measure_id').notNull(),
    periodKey: text('period_key').notNull(),
    breakdownId: uuid('breakdown_id'),
    /** create | edit | submit | verify | return | approve | publish | reopen | import */
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    /** { value, numerator, denominator, commentary, quality, evidenceUrl } before and after. */
    oldValue: jsonb('old_value'),
    newValue: jsonb('new_value'),
    actorPersonId: uuid('actor_person_id'),
    at: at('at').notNull().defaultNow(),
    reason: text('reason').notNull().default(''),
  },
  (t) => [
    tenantPrimaryKey(t),
    index('measure_value_events_value_idx').on(t.valueId, t.at),
    index('measure_value_events_measure_idx').on(t.organisationId, t.measureId, t.at),
    tenantForeignKey('measure_value_events_value_id_fk', t.organisationId, t.valueId, measureValues),
    tenantForeignKey('measure_value_events_measure_id_fk', t.organisationId, t.measureId, measures),
    tenantForeignKey('measure_value_events_actor_person_id_fk', t.organisationId, t.actorPersonId, people),
  ],
);

/**
 * The engine's stored result for a measure, period and breakdown, recomputed incrementally when
 * values, targets or settings change. Reports and dashboards read this, never recompute.
 */
export const measureStatuses = pgTable(
  'measure_statuses',
  {
    id: tenantId(),
    organisationId: tenantOrganisationId(),
    measureId: uuid('measure_id').notNull(),
    periodKey: text('period_key').notNull(),
    breakdownId: uuid('breakdown_id'),
    value: doublePrecision('value'),
    /** The target that applied (value, or lower/upper for a range). */
    targetValue: doublePrecision('target_value'),
    targetLower: doublePrecision('target_lower'),
    targetUpper: doublePrecision('target_upper'),
    /** red | amber | green | no-data | overdue | no-target */
    rag: text('rag').notNull(),
    /** The reason as a stored phrase (JSON: storePhrase in src/kernel/phrase.ts); older rows hold English words. */
    ragReason: text('rag_reason').notNull().default(''),
    /** improving | worsening | no-significant-change | not-comparable */
    directionPrevious: text('direction_previous'),
    directionLastYear: text('direction_last_year'),
    ytdValue: doublePrecision('ytd_value'),
    ytdRag: text('ytd_rag'),
    spcLatestType: text('spc_latest_type'),
    spcVariationIcon: text('spc_variation_icon'),
    spcAssurance: text('spc_assurance'),
    forecastOutturn: doublePrecision('forecast_outturn'),
    forecastLow: doublePrecision('forecast_low'),
    forecastHigh: doublePrecision('forecast_high'),
    /** Probability (0..1) that the year-end target is met. */
    forecastProbability: doublePrecision('forecast_probability'),
    forecastMethod: text('forecast_method'),
    forecastMape: doublePrecision('forecast_mape'),
    computedAt: at('computed_at').notNull().defaultNow(),
  },
  (t) => [
    tenantPrimaryKey(t),
    unique('measure_statuses_key').on(t.measureId, t.periodKey, t.breakdownId, t.organisationId).nullsNotDistinct(),
    index('measure_statuses_org_period_idx').on(t.organisationId, t.periodKey),
    tenantForeignKey('measure_statuses_measure_id_fk', t.organisationId, t.measureId, measures),
    tenantForeignKey('measure_statuses_breakdown_id_fk', t.organisationId, t.breakdownId, measureBreakdowns),
  ],
);

/** A recorded change to the process: the SPC chart starts a new segment at this period. */
export const spcRebases = pgTable(
  'spc_rebases',
  {
    id: tenantId(),
    organisationId: tenantOrganisationId(),
    measureId: uuid('measure_id').notNull(),
    periodKey: text('period_key').notNull(),
    reason: text('reason').notNull(),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    tenantPrimaryKey(t),
    uniqueIndex('spc_rebases_key').on(t.measureId, t.periodKey, t.organisationId),
    tenantForeignKey('spc_rebases_measure_id_fk', t.organisationId, t.measureId, measures),
    tenantForeignKey('spc_rebases_created_by_fk', t.organisationId, t.createdBy, people),
  ],
);
