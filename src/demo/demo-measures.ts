/**
 * The demo council's measures, with several years of history taken from real published figures
 * (../shared/data/real, see its SOURCES.md): Trafford Council's Corporate Plan indicators and prompt
 * payment returns, and Hart District Council's quarterly KPI report. The council is fictional; its
 * series are real, and each measure's data_source says which real series it is. Targets, owners,
 * the workflow around the latest figures and the SPC rebase are the demo council's own (invented,
 * and labelled "Demo" where they carry a reason).
 *
 * The CSV files are read at load time. When the folder is missing (the app run without shared/),
 * the rest of the demo loads and the measures are skipped with a printed note.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { and, eq } from 'drizzle-orm';
import { parse } from 'csv-parse/sync';
import { validateMeasureValue } from '../modules/measures/domain/values.ts';
import type { RagThresholds } from '../kernel/measurement/rag.ts';
import {
  monthsInPeriod,
  parseIsoDate,
  periodContaining,
  periodEnd,
  periodKey,
  periodStart,
  type Frequency,
  type Period,
} from '../kernel/measurement/periods.ts';
import type { AggregationRule, Polarity } from '../kernel/measurement/types.ts';
import { currentReportingPeriod } from '../kernel/measurement/periods.ts';
import { createPerformanceStatusService } from '../modules/performance/index.ts';
import { asClock } from '../platform/clock.ts';
import { recordAudit } from '../platform/audit/audit.ts';
import type { Db } from '../platform/db/db.ts';
import {
  measureAssignees,
  measureItemLinks,
  measures,
  measureTargets,
  measureValueEvents,
  measureValues,
  periodLocks,
  spcRebases,
} from '../modules/measures/index.ts';
import { planItems, plans } from '../modules/plans/index.ts';

/** The real data folder: ../shared/data/real beside the repository. */
export const DEFAULT_REAL_DATA_DIR = fileURLToPath(new URL('../../../shared/data/real/', import.meta.url));

const TRAFFORD = 'E08000009';
const HART_FIRST = 'hart_dc_kpis/hart_kpis_2014-08-10.csv';
const HART_SECOND = 'hart_dc_kpis/hart_kpis_2014-11-07.csv';
/** Hart's reports cover Q1 and Q2 of 2014/15 (with Q4 and the outturn of 2013/14). */
const HART_YEAR = 2014;

// ---------------------------------------------------------------------------------------------
// Published period strings → the engine's periods
// ---------------------------------------------------------------------------------------------

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** 'April' | 'Apr' | 'Sept' → 1..12, or 0. */
function monthNumber(word: string): number {
  const lower = word.toLowerCase();
  if (lower.length < 3) return 0;
  return MONTHS.findIndex((name) => name.startsWith(lower.slice(0, 3)) && name.startsWith(lower)) + 1;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** What a published period string covers: first and last day, and its length in months (0 for a day). */
export interface PublishedSpan {
  start: string;
  end: string;
  months: number;
}

/**
 * Reads the period shapes used in the published files: '2010/11' and '2015-16' (financial years),
 * '2010' (a calendar year), 'April 2021' (a month), 'Jan 2012-Dec 2012' (a run of months), '2021-06-30'
 * (a day: a snapshot). Null for anything else — multi-year pools such as '2018/19 - 22/23' or
 * '2010 - 12' do not describe one period.
 */
export function parsePublishedPeriod(text: string): PublishedSpan | null {
  const value = text.trim();
  let m = /^(\d{4})[/-](\d{2})$/.exec(value);
  if (m) {
    const year = Number(m[1]);
    if (Number(m[2]) !== (year + 1) % 100) return null;
    return { start: `${year}-04-01`, end: `${year + 1}-03-31`, months: 12 };
  }
  m = /^(\d{4})$/.exec(value);
  if (m) return { start: `${m[1]}-01-01`, end: `${m[1]}-12-31`, months: 12 };
  m = /^([A-Za-z]+)\.? (\d{4})$/.exec(value);
  if (m) {
    const month = monthNumber(m[1]!);
    const year = Number(m[2]);
    if (!month) return null;
    return { start: `${year}-${pad(month)}-01`, end: `${year}-${pad(month)}-${pad(lastDay(year, month))}`, months: 1 };
  }
  m = /^([A-Za-z]+)\.? (\d{4}) ?- ?([A-Za-z]+)\.? (\d{4})$/.exec(value);
  if (m) {
    const from = monthNumber(m[1]!);
    const to = monthNumber(m[3]!);
    const fromYear = Number(m[2]);
    const toYear = Number(m[4]);
    if (!from || !to) return null;
    const months = (toYear - fromYear) * 12 + (to - from) + 1;
    if (months < 1) return null;
    return {
      start: `${fromYear}-${pad(from)}-01`,
      end: `${toYear}-${pad(to)}-${pad(lastDay(toYear, to))}`,
      months,
    };
  }
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (m) {
    try {
      parseIsoDate(value);
    } catch {
      return null;
    }
    return { start: value, end: value, months: 0 };
  }
  return null;
}

/**
 * The measure's period for a published period string, or null when it cannot be placed:
 * - a span as long as the measure's period that lines up with one is that period;
 * - a span as long but not lined up (a calendar year for an annual measure, a survey year from
 *   November) is the period in which it ends — 2019 → 2019/20;
 * - a day (a snapshot, 'as at') is the period containing it;
 * - anything longer or shorter (a month for an annual measure, a five-year pool) cannot be placed.
 */
export function periodForPublished(text: string, frequency: Frequency): Period | null {
  const span = parsePublishedPeriod(text);
  if (!span) return null;
  if (span.months === 0) return periodContaining(span.start, frequency);
  if (span.months !== monthsInPeriod(frequency)) return null;
  const containing = periodContaining(span.start, frequency);
  if (periodStart(containing) === span.start && periodEnd(containing) === span.end) return containing;
  return periodContaining(span.end, frequency);
}

// ---------------------------------------------------------------------------------------------
// The measures
// ---------------------------------------------------------------------------------------------

type Source =
  /** Trafford Corporate Plan long file: rows for Trafford with this indicator (and measure/sex). */
  | { kind: 'trafford'; file: string; indicator: string; measure?: string; unit?: string }
  /** Trafford's licensed vehicles: ULEVs as a percentage of all vehicles, per quarter-end snapshot. */
  | { kind: 'trafford-ulev' }
  | { kind: 'prompt-payment'; column: 'ProportionPaidOnTime' | 'NumberNotPaidOnTime' }
  /** Hart's KPI by reference; `annualInPrevious`: the first report's last-quarter column holds the year. */
  | { kind: 'hart'; kpi: string; annualInPrevious?: boolean };

type LatestStatus = 'draft' | 'submitted' | 'verified' | 'returned';

export interface DemoMeasureSpec {
  code: string;
  title: string;
  description: string;
  purpose: string;
  definition: string;
  calculation?: string;
  unit: string;
  decimals: number;
  polarity: Polarity;
  frequency: Frequency;
  aggregation: AggregationRule;
  measureType?: 'statutory' | 'local' | 'partnership';
  /** Person keys and unit code from demo-council.data.ts. */
  owner: string;
  ownerUnit: string;
  verifier: string;
  assignees: string[];
  isKey?: boolean;
  tags: string[];
  rag: RagThresholds;
  /** Codes of items in approved plans that the measure serves. */
  items: string[];
  source: Source;
  /** Which real series, in words (the Hart period mapping is added to it). */
  dataSource: string;
  /** Demo annual targets: improve on the previous year's figure by this much (Hart: its own targets). */
  targetStep?: number;
  /** Lowest valid value; 0 unless set (a year-on-year reduction can be negative). */
  minValue?: number;
  /** The latest period's value is still in the workflow. */
  latest?: { status: LatestStatus; reason?: string };
}

const PORTFOLIO = {
  housing: 'Housing and Communities',
  environment: 'Environment and Place',
  resources: 'Resources and Performance',
  leader: 'Leader: Strategy and Partnerships',
};
const pct = (points: number): RagThresholds => ({ kind: 'absolute', amberAmount: points });
const percent = (p: number): RagThresholds => ({ kind: 'percentage', amberPercent: p });

const CP = 'Trafford Council published Corporate Plan data (trafforddatalab/corporate_plan, OGL v3)';
const trafford = (series: string, publisher: string, note = '') =>
  `Figures: ${CP}, used as demo history: ${series} for Trafford (E08000009), from ${publisher}.${note ? ` ${note}` : ''}`;
const CALENDAR = 'Calendar years are shown against the financial year in which they end (2019 → 2019/20).';
const HART = (kpi: string) =>
  `Figures: Hart District Council's published quarterly KPI report (HartDC/hartdc.github.io, KPI ${kpi}), used as demo history.`;

export const DEMO_MEASURES: DemoMeasureSpec[] = [
  // ---- Monthly: claimant count and Universal Credit (Trafford) -------------------------------
  {
    code: 'ECO-01',
    title: 'Claimants as a proportion of residents aged 16 to 64',
    description: 'People claiming unemployment-related benefits as a percentage of working-age residents.',
    purpose: 'The most timely measure of unemployment in the borough; tells us whether Work Ready is reaching people.',
    definition:
      "The number of people claiming Jobseeker's Allowance plus those claiming Universal Credit who are required to seek and be available for work, as a proportion of residents aged 16 to 64 (ONS Claimant Count).",
    unit: '%',
    decimals: 1,
    polarity: 'lower-is-better',
    frequency: 'monthly',
    aggregation: 'latest',
    measureType: 'partnership',
    owner: 'hos-planning',
    ownerUnit: 'PEG',
    verifier: 'tl-performance',
    assignees: ['perf-officer'],
    isKey: true,
    tags: [PORTFOLIO.environment, 'Economy'],
    rag: pct(0.2),
    items: ['P4.3', 'PEG-O4'],
    source: {
      kind: 'trafford',
      file: 'trafford-corporate-plan/poverty/claimant_count.csv',
      indicator: 'Claimants as a proportion of residents aged 16-64',
    },
    dataSource: trafford('Claimant Count as a proportion of residents aged 16-64, monthly', 'ONS (Nomis)'),
    targetStep: 0.1,
  },
  {
    code: 'ECO-02',
    title: 'Claimant count',
    description: 'The number of residents claiming unemployment-related benefits.',
    purpose: 'Shows the scale of unemployment behind the rate, for planning employment support.',
    definition:
      "People claiming Jobseeker's Allowance plus Universal Credit claimants required to seek work, resident in the borough (ONS Claimant Count), at the count date each month.",
    unit: 'number',
    decimals: 0,
    polarity: 'lower-is-better',
    frequency: 'monthly',
    aggregation: 'latest',
    measureType: 'partnership',
    owner: 'hos-planning',
    ownerUnit: 'PEG',
    verifier: 'tl-performance',
    assignees: ['perf-officer'],
    tags: [PORTFOLIO.environment, 'Economy'],
    rag: percent(5),
    items: ['PEG-O4'],
    source: {
      kind: 'trafford',
      file: 'trafford-corporate-plan/poverty/claimant_count.csv',
      indicator: 'Claimant count',
    },
    dataSource: trafford('Claimant Count, monthly', 'ONS (Nomis)'),
    targetStep: 100,
  },
  {
    code: 'ECO-03',
    title: 'People on Universal Credit as a proportion of residents aged 16 to 64',
    description: 'Universal Credit claims, in and out of work, as a percentage of working-age residents.',
    purpose: 'A wider view of low income than the claimant count: includes people in low-paid work.',
    definition:
      'People on Universal Credit (DWP Stat-Xplore) as a proportion of residents aged 16 to 64, at the count date each month.',
    unit: '%',
    decimals: 1,
    polarity: 'lower-is-better',
    frequency: 'monthly',
    aggregation: 'latest',
    measureType: 'partnership',
    owner: 'tl-revenues',
    ownerUnit: 'FRV-REV',
    verifier: 'hos-finance',
    assignees: ['officer-revenues'],
    tags: [PORTFOLIO.resources, 'Cost of living'],
    rag: pct(0.3),
    items: ['P4.3'],
    source: {
      kind: 'trafford',
      file: 'trafford-corporate-plan/poverty/universal_credit.csv',
      indicator: 'People on Universal Credit as a proportion of residents aged 16-64',
    },
    dataSource: trafford('People on Universal Credit as a proportion of residents aged 16-64, monthly', 'DWP'),
    targetStep: 0.2,
  },
  {
    code: 'ECO-04',
    title: 'People on Universal Credit',
    description: 'The number of residents on Universal Credit.',
    purpose: 'Demand for benefits advice and council tax support follows this count.',
    definition: 'People on Universal Credit resident in the borough (DWP Stat-Xplore), at the count date each month.',
    unit: 'number',
    decimals: 0,
    polarity: 'none',
    frequency: 'monthly',
    aggregation: 'latest',
    owner: 'tl-revenues',
    ownerUnit: 'FRV-REV',
    verifier: 'hos-finance',
    assignees: ['officer-revenues'],
    tags: [PORTFOLIO.resources, 'Cost of living'],
    rag: { kind: 'none' },
    items: ['P4.3'],
    source: {
      kind: 'trafford',
      file: 'trafford-corporate-plan/poverty/universal_credit.csv',
      indicator: 'People on Universal Credit',
    },
    dataSource: trafford('People on Universal Credit, monthly', 'DWP'),
  },

  // ---- Quarterly: Hart DC KPIs ----------------------------------------------------------------
  {
    code: 'CDS-01',
    title: 'Calls to the contact centre answered within 30 seconds',
    description: 'The share of calls to the customer contact centre answered within 30 seconds.',
    purpose: 'Residents who cannot get through give up or call back, which costs them and us time.',
    definition: 'Calls answered within 30 seconds ÷ calls offered to the contact centre queue in the quarter × 100.',
    unit: '%',
    decimals: 1,
    polarity: 'higher-is-better',
    frequency: 'quarterly',
    aggregation: 'mean',
    owner: 'hos-customer',
    ownerUnit: 'CDS-CC',
    verifier: 'tl-performance',
    assignees: ['perf-officer'],
    isKey: true,
    tags: [PORTFOLIO.resources, 'Customer'],
    rag: pct(2),
    items: ['CDS-O2', 'P5.2'],
    source: { kind: 'hart', kpi: 'CS02b' },
    dataSource: HART('CS02b'),
    latest: { status: 'submitted' },
  },
  {
    code: 'CDS-02',
    title: 'Quality of call handling (monitoring score)',
    description: 'The average quality score of a monitored sample of contact centre calls.',
    purpose: 'Speed is not enough: residents should get the right answer first time.',
    definition:
      'Average percentage score of calls in the monthly monitoring sample, against the call quality checklist.',
    unit: '%',
    decimals: 1,
    polarity: 'higher-is-better',
    frequency: 'quarterly',
    aggregation: 'mean',
    owner: 'hos-customer',
    ownerUnit: 'CDS-CC',
    verifier: 'tl-performance',
    assignees: ['perf-officer'],
    tags: [PORTFOLIO.resources, 'Customer'],
    rag: pct(2),
    items: ['CDS-O2'],
    source: { kind: 'hart', kpi: 'CS01' },
    dataSource: HART('CS01'),
  },
  {
    code: 'FIN-01',
    title: 'Undisputed invoices paid on time (quarterly)',
    description: 'Undisputed invoices paid within 30 days, each quarter (the old BVPI 8).',
    purpose: 'Paying suppliers promptly supports local businesses and avoids late-payment interest.',
    definition: 'Undisputed invoices paid within 30 days of receipt ÷ undisputed invoices paid in the quarter × 100.',
    unit: '%',
    decimals: 1,
    polarity: 'higher-is-better',
    frequency: 'quarterly',
    aggregation: 'mean',
    owner: 'hos-finance',
    ownerUnit: 'FRV',
    verifier: 'dir-resources',
    assignees: ['perf-officer'],
    tags: [PORTFOLIO.resources, 'Finance'],
    rag: pct(1),
    items: ['FRV-O1'],
    source: { kind: 'hart', kpi: 'FI06' },
    dataSource: HART('FI06'),
  },
  {
    code: 'POD-01',
    title: 'Working days lost to sickness absence per FTE (cumulative)',
    description: 'Working days lost to sickness per full-time equivalent employee, year to date.',
    purpose: 'Sickness absence costs services capacity; the trend tells us whether attendance support works.',
    definition:
      'Working days lost to sickness absence since 1 April ÷ average full-time equivalent employees; cumulative through the year.',
    unit: 'days',
    decimals: 2,
    polarity: 'lower-is-better',
    frequency: 'quarterly',
    aggregation: 'latest',
    owner: 'hos-people',
    ownerUnit: 'POD',
    verifier: 'tl-performance',
    assignees: ['hr'],
    tags: [PORTFOLIO.resources, 'Workforce'],
    rag: percent(10),
    items: ['POD-O1', 'P6.1'],
    source: { kind: 'hart', kpi: 'HR11' },
    dataSource: HART('HR11'),
  },
  {
    code: 'HSN-01',
    title: 'Average days to decide a homelessness application',
    description: 'The average time from application to a decision on whether the council owes a housing duty.',
    purpose: 'A quick decision means a household knows where it stands and gets help sooner.',
    definition: 'Sum of days from application to decision for decisions made in the quarter ÷ number of decisions.',
    unit: 'days',
    decimals: 0,
    polarity: 'lower-is-better',
    frequency: 'quarterly',
    aggregation: 'mean',
    measureType: 'statutory',
    owner: 'tl-options',
    ownerUnit: 'HSN-OPT',
    verifier: 'hos-housing-needs',
    assignees: ['officer-options'],
    tags: [PORTFOLIO.housing, 'Homelessness'],
    rag: percent(10),
    items: ['HSN-O1', 'P1.1'],
    source: { kind: 'hart', kpi: 'HS01' },
    dataSource: HART('HS01'),
    latest: { status: 'verified' },
  },
  {
    code: 'HSN-02',
    title: 'Households whose homelessness was prevented',
    description: 'Housing advice cases where homelessness was prevented.',
    purpose: 'Prevention is better for families and far cheaper than temporary accommodation.',
    definition: 'Cases closed in the quarter with homelessness prevented, as defined in the statutory H-CLIC guidance.',
    unit: 'number',
    decimals: 0,
    polarity: 'higher-is-better',
    frequency: 'quarterly',
    aggregation: 'sum',
    measureType: 'statutory',
    owner: 'tl-options',
    ownerUnit: 'HSN-OPT',
    verifier: 'hos-housing-needs',
    assignees: ['officer-options'],
    isKey: true,
    tags: [PORTFOLIO.housing, 'Homelessness'],
    rag: percent(10),
    items: ['HSN-O2', 'OPT-O2'],
    source: { kind: 'hart', kpi: 'HS07', annualInPrevious: true },
    dataSource: HART('HS07'),
  },
  {
    code: 'PEG-01',
    title: 'Affordable homes delivered (gross)',
    description: 'New affordable homes completed for rent or shared ownership.',
    purpose: 'Counts progress towards 600 new affordable homes by 2028.',
    definition: 'Affordable homes (social rent, affordable rent, shared ownership) completed in the quarter, gross.',
    unit: 'number',
    decimals: 0,
    polarity: 'higher-is-better',
    frequency: 'quarterly',
    aggregation: 'sum',
    owner: 'hos-planning',
    ownerUnit: 'PEG',
    verifier: 'tl-performance',
    assignees: ['perf-officer'],
    tags: [PORTFOLIO.environment, 'Housing supply'],
    rag: percent(15),
    items: ['P1.2', 'PE-O3'],
    source: { kind: 'hart', kpi: 'HS16' },
    dataSource: HART('HS16'),
  },
  {
    code: 'PEG-02',
    title: 'Major planning applications decided on time',
    description: 'Major planning applications decided within 13 weeks or an agreed extension.',
    purpose: 'Timely decisions on major schemes bring forward homes and jobs; government designates slow councils.',
    definition:
      'Major applications decided within 13 weeks (or an agreed extension) ÷ major applications decided × 100.',
    unit: '%',
    decimals: 1,
    polarity: 'higher-is-better',
    frequency: 'quarterly',
    aggregation: 'mean',
    measureType: 'statutory',
    owner: 'hos-planning',
    ownerUnit: 'PEG',
    verifier: 'tl-performance',
    assignees: ['perf-officer'],
    tags: [PORTFOLIO.environment, 'Planning'],
    rag: pct(5),
    items: ['PEG-O1'],
    source: { kind: 'hart', kpi: 'PS01' },
    dataSource: HART('PS01'),
    latest: {
      status: 'returned',
      reason:
        'The figure is below target for a second quarter: add commentary on the cause and the recovery plan before resubmitting.',
    },
  },
  {
    code: 'PEG-03',
    title: 'Minor planning applications decided on time',
    description: 'Minor planning applications decided within 8 weeks or an agreed extension.',
    purpose: 'Householders and small builders need timely decisions.',
    definition:
      'Minor applications decided within 8 weeks (or an agreed extension) ÷ minor applications decided × 100.',
    unit: '%',
    decimals: 1,
    polarity: 'higher-is-better',
    frequency: 'quarterly',
    aggregation: 'mean',
    measureType: 'statutory',
    owner: 'hos-planning',
    ownerUnit: 'PEG',
    verifier: 'tl-performance',
    assignees: ['perf-officer'],
    tags: [PORTFOLIO.environment, 'Planning'],
    rag: pct(5),
    items: ['PEG-O1'],
    source: { kind: 'hart', kpi: 'PS02' },
    dataSource: HART('PS02'),
  },
  {
    code: 'REV-01',
    title: 'Council tax collected in the year (cumulative)',
    description: 'The share of the council tax due for the year collected so far.',
    purpose: 'Council tax funds most council services; collection below profile puts the budget at risk.',
    definition: 'Council tax received for the current year ÷ net collectable debit for the year × 100, cumulative.',
    unit: '%',
    decimals: 1,
    polarity: 'higher-is-better',
    frequency: 'quarterly',
    aggregation: 'latest',
    measureType: 'statutory',
    owner: 'tl-revenues',
    ownerUnit: 'FRV-REV',
    verifier: 'hos-finance',
    assignees: ['officer-revenues'],
    isKey: true,
    tags: [PORTFOLIO.resources, 'Revenues'],
    rag: pct(1),
    items: ['FRV-O2', 'REV-O1'],
    source: { kind: 'hart', kpi: 'RB06' },
    dataSource: HART('RB06'),
  },
  {
    code: 'REV-02',
    title: 'Business rates collected in the year (cumulative)',
    description: 'The share of non-domestic rates due for the year collected so far.',
    purpose: 'Business rates income is shared with government and funds services; collection must keep to profile.',
    definition:
      'Non-domestic rates received for the current year ÷ net collectable debit for the year × 100, cumulative.',
    unit: '%',
    decimals: 1,
    polarity: 'higher-is-better',
    frequency: 'quarterly',
    aggregation: 'latest',
    measureType: 'statutory',
    owner: 'tl-revenues',
    ownerUnit: 'FRV-REV',
    verifier: 'hos-finance',
    assignees: ['officer-revenues'],
    tags: [PORTFOLIO.resources, 'Revenues'],
    rag: pct(1),
    items: ['RES-O4'],
    source: { kind: 'hart', kpi: 'RB05' },
    dataSource: HART('RB05'),
  },
  {
    code: 'REV-03',
    title: 'Average days to process new benefit claims',
    description: 'Average time to process new Housing Benefit and Council Tax Support claims.',
    purpose: 'Slow decisions push people into arrears and crisis.',
    definition:
      'Total days from receipt of a new claim to decision ÷ new claims decided in the quarter (DWP SHBE definition).',
    unit: 'days',
    decimals: 2,
    polarity: 'lower-is-better',
    frequency: 'quarterly',
    aggregation: 'mean',
    measureType: 'statutory',
    owner: 'tl-revenues',
    ownerUnit: 'FRV-REV',
    verifier: 'hos-finance',
    assignees: ['officer-revenues'],
    tags: [PORTFOLIO.resources, 'Benefits'],
    rag: percent(10),
    items: ['FRV-O3', 'REV-O2'],
    source: { kind: 'hart', kpi: 'RB07' },
    dataSource: HART('RB07'),
    latest: { status: 'draft' },
  },
  {
    code: 'REV-04',
    title: 'Average days to process changes of circumstances',
    description: 'Average time to process changes in circumstances for Housing Benefit and Council Tax Support.',
    purpose: 'Prompt changes avoid overpayments that residents must later repay.',
    definition: 'Total days from notification of a change to its processing ÷ changes processed in the quarter.',
    unit: 'days',
    decimals: 2,
    polarity: 'lower-is-better',
    frequency: 'quarterly',
    aggregation: 'mean',
    measureType: 'statutory',
    owner: 'tl-revenues',
    ownerUnit: 'FRV-REV',
    verifier: 'hos-finance',
    assignees: ['officer-revenues'],
    tags: [PORTFOLIO.resources, 'Benefits'],
    rag: percent(10),
    items: ['FRV-O3'],
    source: { kind: 'hart', kpi: 'RB08' },
    dataSource: HART('RB08'),
  },
  {
    code: 'IAR-01',
    title: 'Internal audit plan completed (cumulative)',
    description: 'The share of the year’s internal audit plan completed so far.',
    purpose: 'The Head of Internal Audit’s annual opinion depends on delivering enough of the plan.',
    definition: 'Audit days (or audits) completed to date ÷ audit plan for the year × 100, cumulative.',
    unit: '%',
    decimals: 1,
    polarity: 'higher-is-better',
    frequency: 'quarterly',
    aggregation: 'latest',
    owner: 'hos-audit',
    ownerUnit: 'IAR',
    verifier: 'tl-performance',
    assignees: ['auditor'],
    tags: [PORTFOLIO.resources, 'Governance'],
    rag: pct(5),
    items: ['IAR-O1'],
    source: { kind: 'hart', kpi: 'IA01' },
    dataSource: HART('IA01'),
    latest: { status: 'submitted' },
  },
  {
    code: 'IAR-02',
    title: 'High-risk audit recommendations implemented',
    description: 'High-risk internal audit recommendations implemented by their agreed date.',
    purpose: 'Agreed actions left undone leave the risks they address open.',
    definition: 'High-risk recommendations due and implemented in the quarter ÷ high-risk recommendations due × 100.',
    unit: '%',
    decimals: 1,
    polarity: 'higher-is-better',
    frequency: 'quarterly',
    aggregation: 'mean',
    owner: 'hos-audit',
    ownerUnit: 'IAR',
    verifier: 'tl-performance',
    assignees: ['auditor'],
    tags: [PORTFOLIO.resources, 'Governance'],
    rag: pct(5),
    items: ['IAR-O2', 'P6.2'],
    source: { kind: 'hart', kpi: 'IA04' },
    dataSource: HART('IA04'),
  },
  {
    code: 'CSW-01',
    title: 'Reduction in anti-social behaviour incidents',
    description:
      'The year-on-year reduction in anti-social behaviour incidents recorded by the community safety partnership.',
    purpose: 'Residents tell us ASB is what most affects how safe they feel.',
    definition:
      '(ASB incidents in the same period last year − ASB incidents this period) ÷ incidents in the same period last year × 100. Negative means an increase.',
    unit: '%',
    decimals: 1,
    polarity: 'higher-is-better',
    frequency: 'quarterly',
    aggregation: 'latest',
    measureType: 'partnership',
    owner: 'hos-community',
    ownerUnit: 'CSW-ASB',
    verifier: 'tl-performance',
    assignees: ['perf-officer'],
    tags: [PORTFOLIO.housing, 'Community safety'],
    rag: pct(2),
    items: ['CSW-O1', 'P2.1'],
    minValue: -100,
    source: { kind: 'hart', kpi: 'SNH01' },
    dataSource: HART('SNH01'),
  },

  // ---- Quarterly: licensed vehicles (Trafford, real quarters) ----------------------------------
  {
    code: 'CLI-01',
    title: 'Ultra low emission vehicles as a share of licensed vehicles',
    description:
      'Licensed ultra low emission vehicles (ULEVs) as a percentage of all licensed vehicles in the borough.',
    purpose: 'Road transport is the largest source of carbon emissions in the borough.',
    definition:
      'Licensed ULEVs ÷ all licensed vehicles (including ULEVs) registered to addresses in the borough, at the end of the quarter (DfT/DVLA VEH01), × 100.',
    unit: '%',
    decimals: 2,
    polarity: 'higher-is-better',
    frequency: 'quarterly',
    aggregation: 'latest',
    owner: 'hos-policy',
    ownerUnit: 'PPF',
    verifier: 'tl-performance',
    assignees: ['perf-officer'],
    tags: [PORTFOLIO.leader, 'Climate'],
    rag: percent(5),
    items: ['SG-O3'],
    source: { kind: 'trafford-ulev' },
    dataSource: trafford(
      'licensed ULEVs and all licensed vehicles at each quarter end (the percentage is worked out from the two counts)',
      'DfT and DVLA',
    ),
    targetStep: 0.4,
  },

  // ---- Annual: prompt payment (Trafford open data) --------------------------------------------
  {
    code: 'FIN-02',
    title: 'Invoices paid within 30 days',
    description: 'The share of invoices paid within 30 days, as published under the Public Contracts Regulations 2015.',
    purpose: 'A statutory transparency return; prompt payment supports local suppliers.',
    definition: 'Invoices paid within 30 days of receipt ÷ invoices paid in the year × 100 (Regulation 113 return).',
    unit: '%',
    decimals: 2,
    polarity: 'higher-is-better',
    frequency: 'annual',
    aggregation: 'latest',
    measureType: 'statutory',
    owner: 'hos-finance',
    ownerUnit: 'FRV',
    verifier: 'dir-resources',
    assignees: ['perf-officer'],
    isKey: true,
    tags: [PORTFOLIO.resources, 'Finance'],
    rag: pct(1),
    items: ['FRV-O1', 'P5.1'],
    source: { kind: 'prompt-payment', column: 'ProportionPaidOnTime' },
    dataSource:
      'Figures: Trafford Council published prompt payment data (trafforddatalab/council_open_data, Public Contracts Regulations 2015, OGL v3), used as demo history.',
    targetStep: 0.5,
  },
  {
    code: 'FIN-03',
    title: 'Invoices not paid within 30 days',
    description: 'The number of invoices paid later than 30 days in the year.',
    purpose: 'Every late invoice is a supplier kept waiting and a possible interest claim.',
    definition: 'Count of invoices paid more than 30 days after receipt in the financial year (Regulation 113 return).',
    unit: 'number',
    decimals: 0,
    polarity: 'lower-is-better',
    frequency: 'annual',
    aggregation: 'sum',
    measureType: 'statutory',
    owner: 'hos-finance',
    ownerUnit: 'FRV',
    verifier: 'dir-resources',
    assignees: ['perf-officer'],
    tags: [PORTFOLIO.resources, 'Finance'],
    rag: percent(10),
    items: ['FRV-O1'],
    source: { kind: 'prompt-payment', column: 'NumberNotPaidOnTime' },
    dataSource:
      'Figures: Trafford Council published prompt payment data (trafforddatalab/council_open_data, Public Contracts Regulations 2015, OGL v3), used as demo history.',
    targetStep: 100,
  },

  // ---- Annual: Trafford Corporate Plan indicators ---------------------------------------------
  {
    code: 'WST-01',
    title: 'Household waste sent for reuse, recycling or composting',
    description: 'The share of household waste collected that is reused, recycled or composted.',
    purpose: 'Recycling cuts carbon and disposal costs; the Council Plan aims for 55% by 2028.',
    definition:
      'Household waste sent for reuse, recycling or composting ÷ total household waste collected × 100 (DEFRA ENV18, former NI 192).',
    unit: '%',
    decimals: 1,
    polarity: 'higher-is-better',
    frequency: 'annual',
    aggregation: 'latest',
    measureType: 'statutory',
    owner: 'hos-waste',
    ownerUnit: 'WST-REC',
    verifier: 'tl-performance',
    assignees: ['officer-waste'],
    isKey: true,
    tags: [PORTFOLIO.environment, 'Waste'],
    rag: pct(2),
    items: ['WST-O1', 'P3.1'],
    source: {
      kind: 'trafford',
      file: 'trafford-corporate-plan/climate/household_waste_recycling.csv',
      indicator: 'Household waste sent for reuse, recycling or composting',
      measure: 'Percentage',
    },
    dataSource: trafford('household waste sent for reuse, recycling or composting (%)', 'DEFRA'),
    targetStep: 1,
  },
  {
    code: 'WST-02',
    title: 'Household waste not sent for reuse, recycling or composting',
    description: 'Tonnes of household waste sent for disposal rather than recycled.',
    purpose: 'Residual waste is what we pay most to dispose of and what produces most emissions.',
    definition:
      'Tonnes of household waste collected that is not sent for reuse, recycling or composting (DEFRA ENV18).',
    unit: 'tonnes',
    decimals: 0,
    polarity: 'lower-is-better',
    frequency: 'annual',
    aggregation: 'sum',
    measureType: 'statutory',
    owner: 'tl-collections',
    ownerUnit: 'WST-COL',
    verifier: 'hos-waste',
    assignees: ['officer-waste'],
    tags: [PORTFOLIO.environment, 'Waste'],
    rag: percent(3),
    items: ['PE-O1'],
    source: {
      kind: 'trafford',
      file: 'trafford-corporate-plan/climate/household_waste_not_recycled.csv',
      indicator: 'Household waste not sent for reuse, recycling or composting',
      measure: 'Frequency',
    },
    dataSource: trafford('household waste not sent for reuse, recycling or composting (tonnes)', 'DEFRA'),
    targetStep: 500,
  },
  {
    code: 'CLI-02',
    title: 'Territorial carbon dioxide emissions in the borough',
    description: 'Estimated CO2 emissions from all sources within the borough boundary.',
    purpose: 'Tracks the borough against the community strategy ambition of net zero by 2040.',
    definition:
      'Local authority territorial CO2 emissions estimates (DESNZ), kilotonnes CO2, all sectors, for the calendar year.',
    unit: 'kt CO2',
    decimals: 1,
    polarity: 'lower-is-better',
    frequency: 'annual',
    aggregation: 'sum',
    measureType: 'partnership',
    owner: 'hos-policy',
    ownerUnit: 'PPF',
    verifier: 'tl-performance',
    assignees: ['perf-officer'],
    isKey: true,
    tags: [PORTFOLIO.leader, 'Climate'],
    rag: percent(3),
    items: ['SG-O3', 'P3.2'],
    source: {
      kind: 'trafford',
      file: 'trafford-corporate-plan/climate/borough_wide_co2_emissions.csv',
      indicator: 'Local Authority territorial carbon dioxide (CO2) emissions estimates',
    },
    dataSource: trafford(
      'territorial CO2 emissions estimates, calendar years',
      'the Department for Energy Security and Net Zero',
      `${CALENDAR} Rounded to one decimal place.`,
    ),
    targetStep: 40,
  },
  {
    code: 'CLI-03',
    title: 'Motor vehicle miles travelled',
    description: 'Annual motor vehicle traffic on roads in the borough.',
    purpose: 'Less driving means lower emissions and cleaner air.',
    definition:
      'Motor vehicle traffic (million vehicle miles) on all roads in the borough in the calendar year (DfT TRA8901).',
    unit: 'million miles',
    decimals: 0,
    polarity: 'lower-is-better',
    frequency: 'annual',
    aggregation: 'sum',
    measureType: 'partnership',
    owner: 'hos-policy',
    ownerUnit: 'PPF',
    verifier: 'tl-performance',
    assignees: ['perf-officer'],
    tags: [PORTFOLIO.leader, 'Climate'],
    rag: percent(3),
    items: ['SG-O3'],
    source: {
      kind: 'trafford',
      file: 'trafford-corporate-plan/climate/vehicle_miles_travelled.csv',
      indicator: 'Vehicle miles travelled',
    },
    dataSource: trafford(
      'annual motor vehicle miles travelled, calendar years',
      'the Department for Transport',
      CALENDAR,
    ),
    targetStep: 10,
  },
  {
    code: 'CLI-04',
    title: 'Adults walking or cycling five times a week',
    description: 'Adults who walk or cycle, for any purpose, at least five times a week.',
    purpose: 'Active travel improves health and cuts short car journeys.',
    definition:
      'Proportion of adults who do any walking or cycling, for any purpose, five times per week (DfT Active Lives analysis, survey year from November).',
    unit: '%',
    decimals: 1,
    polarity: 'higher-is-better',
    frequency: 'annual',
    aggregation: 'latest',
    measureType: 'partnership',
    owner: 'hos-street-scene',
    ownerUnit: 'STS',
    verifier: 'tl-performance',
    assignees: ['perf-officer'],
    tags: [PORTFOLIO.environment, 'Climate'],
    rag: pct(2),
    items: ['P3.2', 'P2.2'],
    source: {
      kind: 'trafford',
      file: 'trafford-corporate-plan/climate/adults_walking_or_cycling.csv',
      indicator: 'Proportion of adults who do any walking or cycling, for any purpose, five times per week',
    },
    dataSource: trafford(
      'adults walking or cycling five times per week',
      'the Department for Transport',
      'Survey years are published as "2015-16" and shown as that financial year.',
    ),
    targetStep: 1,
  },
  {
    code: 'HLT-01',
    title: 'Physically active adults',
    description: 'Adults doing at least 150 minutes of moderate physical activity a week.',
    purpose: 'Activity is one of the biggest influences on healthy life expectancy.',
    definition:
      'Percentage of adults (19+) doing 150+ moderate intensity equivalent minutes of activity a week (Sport England Active Lives).',
    unit: '%',
    decimals: 1,
    polarity: 'higher-is-better',
    frequency: 'annual',
    aggregation: 'latest',
    measureType: 'partnership',
    owner: 'hos-community',
    ownerUnit: 'CSW',
    verifier: 'tl-performance',
    assignees: ['perf-officer'],
    tags: [PORTFOLIO.housing, 'Health'],
    rag: pct(2),
    items: ['CSW-O2', 'P2.2'],
    source: {
      kind: 'trafford',
      file: 'trafford-corporate-plan/health/active_adults.csv',
      indicator: 'Percentage of physically active adults',
    },
    dataSource: trafford('percentage of physically active adults', 'Sport England Active Lives via OHID Fingertips'),
    targetStep: 1,
  },
  {
    code: 'HLT-02',
    title: 'Physically inactive adults',
    description: 'Adults doing less than 30 minutes of moderate physical activity a week.',
    purpose: 'Moving inactive people to some activity brings the biggest health gain.',
    definition:
      'Percentage of adults (19+) doing fewer than 30 moderate intensity equivalent minutes a week (Sport England Active Lives).',
    unit: '%',
    decimals: 1,
    polarity: 'lower-is-better',
    frequency: 'annual',
    aggregation: 'latest',
    measureType: 'partnership',
    owner: 'hos-community',
    ownerUnit: 'CSW',
    verifier: 'tl-performance',
    assignees: ['perf-officer'],
    tags: [PORTFOLIO.housing, 'Health'],
    rag: pct(2),
    items: ['CSW-O2'],
    source: {
      kind: 'trafford',
      file: 'trafford-corporate-plan/health/inactive_adults.csv',
      indicator: 'Percentage of physically inactive adults',
    },
    dataSource: trafford('percentage of physically inactive adults', 'Sport England Active Lives via OHID Fingertips'),
    targetStep: 1,
  },
  {
    code: 'HLT-03',
    title: 'Under-75 mortality from preventable causes',
    description: 'Deaths under 75 from causes considered preventable, per 100,000 population.',
    purpose: 'The clearest single measure of the health gap the community strategy aims to close.',
    definition:
      'Age-standardised rate of deaths under 75 from causes considered preventable per 100,000 population, persons, calendar year (ONS / OHID).',
    unit: 'per 100,000',
    decimals: 1,
    polarity: 'lower-is-better',
    frequency: 'annual',
    aggregation: 'latest',
    measureType: 'partnership',
    owner: 'hos-community',
    ownerUnit: 'CSW',
    verifier: 'tl-performance',
    assignees: ['perf-officer'],
    tags: [PORTFOLIO.housing, 'Health'],
    rag: percent(5),
    items: ['P2.2'],
    source: {
      kind: 'trafford',
      file: 'trafford-corporate-plan/health/mortality_rate.csv',
      indicator: 'Under 75 mortality rate from causes considered preventable (per 100,000 population)',
      unit: 'Persons',
    },
    dataSource: trafford(
      'under 75 mortality rate from causes considered preventable, persons',
      'ONS and OHID',
      CALENDAR,
    ),
    targetStep: 3,
  },
  {
    code: 'ECO-05',
    title: 'Employment rate, residents aged 16 to 64',
    description: 'Residents aged 16 to 64 in employment.',
    purpose: 'Good work is the surest route out of poverty.',
    definition:
      'Residents aged 16–64 in employment ÷ residents aged 16–64 × 100 (ONS Annual Population Survey, January to December).',
    unit: '%',
    decimals: 1,
    polarity: 'higher-is-better',
    frequency: 'annual',
    aggregation: 'latest',
    measureType: 'partnership',
    owner: 'hos-planning',
    ownerUnit: 'PEG',
    verifier: 'tl-performance',
    assignees: ['perf-officer'],
    isKey: true,
    tags: [PORTFOLIO.environment, 'Economy'],
    rag: pct(1.5),
    items: ['P4.3', 'PEG-O4'],
    source: {
      kind: 'trafford',
      file: 'trafford-corporate-plan/poverty/employment_rate.csv',
      indicator: 'Employment rate - aged 16-64',
    },
    dataSource: trafford(
      'employment rate aged 16-64, January to December',
      'ONS Annual Population Survey (Nomis)',
      'Each January–December year is shown against the financial year in which it ends.',
    ),
    targetStep: 0.5,
  },
  {
    code: 'ECO-06',
    title: 'Employees paid at least the real living wage',
    description: 'Employees working in the borough paid at or above the Living Wage Foundation’s real living wage.',
    purpose: 'Low pay keeps working households in poverty; the council is an accredited living wage employer.',
    definition:
      'Percentage of employee jobs in the borough paid at or above the real living wage (ONS ASHE, April each year, by workplace).',
    unit: '%',
    decimals: 1,
    polarity: 'higher-is-better',
    frequency: 'annual',
    aggregation: 'latest',
    measureType: 'partnership',
    owner: 'hos-planning',
    ownerUnit: 'PEG',
    verifier: 'tl-performance',
    assignees: ['perf-officer'],
    tags: [PORTFOLIO.environment, 'Economy'],
    rag: pct(2),
    items: ['P4.1'],
    source: {
      kind: 'trafford',
      file: 'trafford-corporate-plan/poverty/real_living_wage.csv',
      indicator: 'Employees paid at or above the real living wage by work geography',
    },
    dataSource: trafford('employees paid at or above the real living wage', 'ONS ASHE', CALENDAR),
    targetStep: 1,
  },
  {
    code: 'CSW-02',
    title: 'Children in relative low income families',
    description: 'Children under 16 living in families with relative low income.',
    purpose: 'Child poverty shapes health and life chances; the partnership tracks it together.',
    definition:
      'Children under 16 in families with income below 60% of median income before housing costs ÷ children under 16 × 100 (DWP Children in low income families).',
    unit: '%',
    decimals: 1,
    polarity: 'lower-is-better',
    frequency: 'annual',
    aggregation: 'latest',
    measureType: 'partnership',
    owner: 'hos-community',
    ownerUnit: 'CSW',
    verifier: 'tl-performance',
    assignees: ['perf-officer'],
    tags: [PORTFOLIO.housing, 'Cost of living'],
    rag: pct(1),
    items: ['P2.3', 'CSW-O3'],
    source: {
      kind: 'trafford',
      file: 'trafford-corporate-plan/poverty/children_poverty.csv',
      indicator: 'Children in relative low income families (under 16s)',
    },
    dataSource: trafford('children in relative low income families (under 16s)', 'DWP'),
    targetStep: 0.5,
  },
];

// ---------------------------------------------------------------------------------------------
// Reading the files
// ---------------------------------------------------------------------------------------------

type CsvRow = Record<string, string>;

interface SeriesPoint {
  periodKey: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  commentary: string;
  /** The figure first published for the period, when a later report revised it. */
  firstPublished?: number;
  /** Hart's own target for the quarter. */
  target?: number;
}

interface Series {
  points: SeriesPoint[];
  /** Rows that matched the series but could not be placed in a period or had no figure. */
  skipped: number;
  baseline?: { value: number; periodKey: string };
}

class Files {
  private readonly cache = new Map<string, CsvRow[]>();
  constructor(readonly dir: string) {}

  /** The rows of a CSV file; `onlyArea` keeps only the rows whose first column is that area code. */
  rows(file: string, onlyArea?: string): CsvRow[] {
    const cacheKey = `${file}|${onlyArea ?? ''}`;
    let rows = this.cache.get(cacheKey);
    if (!rows) {
      let text = readFileSync(path.join(this.dir, file), 'utf8');
      if (onlyArea !== undefined) {
        // The comparator files run to 2 MB; parsing only the header and our area's lines is much faster.
        const lines = text.split(/\r?\n/);
        text = [lines[0] ?? '', ...lines.filter((line) => line.startsWith(`${onlyArea},`))].join('\n');
      }
      rows = parse<CsvRow>(text, { columns: true, bom: true, skip_empty_lines: true, relax_column_count: true });
      this.cache.set(cacheKey, rows);
    }
    return rows;
  }
}

const numberOf = (text: string | undefined): number | null => {
  if (text === undefined) return null;
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.toUpperCase() === 'NA') return null;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : null;
};
const round = (n: number, places: number) => Number(n.toFixed(places));

function readSeries(files: Files, spec: DemoMeasureSpec, hartYear: number): Series {
  const { source } = spec;
  const points = new Map<string, SeriesPoint>();
  let skipped = 0;
  const add = (periodText: string, point: Omit<SeriesPoint, 'periodKey'>) => {
    const period = periodForPublished(periodText, spec.frequency);
    if (!period || point.value === null) {
      skipped += 1;
      return;
    }
    const key = periodKey(period);
    if (points.has(key)) {
      skipped += 1; // two figures for one period (e.g. two shapes landing on one year): keep the first
      return;
    }
    points.set(key, { periodKey: key, ...point });
  };
  const plain = (value: number | null) => ({
    value: value === null ? null : round(value, spec.decimals),
    numerator: null,
    denominator: null,
    commentary: '',
  });

  switch (source.kind) {
    case 'trafford': {
      for (const row of files.rows(source.file, TRAFFORD)) {
        if (row.area_code !== TRAFFORD || row.indicator !== source.indicator) continue;
        if (source.measure !== undefined && row.measure !== source.measure) continue;
        if (source.unit !== undefined && (row.unit ?? row.units) !== source.unit) continue;
        add(row.period ?? '', plain(numberOf(row.value)));
      }
      break;
    }
    case 'trafford-ulev': {
      for (const row of files.rows('trafford-corporate-plan/climate/licensed_vehicles.csv', TRAFFORD)) {
        if (row.area_code !== TRAFFORD) continue;
        const ulev = numberOf(row.value_ulev);
        const all = numberOf(row.value_all_vehicles);
        if (ulev === null || all === null || all <= 0) {
          skipped += 1;
          continue;
        }
        // The published counts carry floating-point noise (129116.00000000001): they are whole vehicles.
        const numerator = Math.round(ulev);
        const denominator = Math.round(all);
        add(row.period ?? '', {
          value: round((numerator / denominator) * 100, spec.decimals),
          numerator,
          denominator,
          commentary: '',
        });
      }
      break;
    }
    case 'prompt-payment': {
      for (const row of files.rows('trafford_council_open_data/prompt_payment.csv')) {
        add(row.FinancialYear ?? '', plain(numberOf(row[source.column])));
      }
      break;
    }
    case 'hart': {
      const find = (file: string) => files.rows(file).find((row) => row.k === source.kpi);
      const first = find(HART_FIRST);
      const second = find(HART_SECOND);
      if (!first || !second) throw new Error(`Hart KPI ${source.kpi} is missing from the published files`);
      const quarter = (fy: number, q: number) => periodKey({ frequency: 'quarterly', fyStartYear: fy, index: q });
      const note = (row: CsvRow) => (row.n && row.n !== 'No notes' ? row.n : '');
      const target = (row: CsvRow) => {
        const t = numberOf(row.t);
        return t === null || t === 0 ? undefined : t; // 0 is Hart's "no target" (information only)
      };
      const hartPoint = (value: number | null, extra: Partial<SeriesPoint> = {}) => ({ ...plain(value), ...extra });
      // Q4 of the previous year: the first report's "last quarter" column (for HS07 it holds the
      // year's total rather than a quarter, so it is left out and counted as skipped).
      const q4 = source.annualInPrevious ? null : numberOf(first.lq);
      if (q4 === null) skipped += 1;
      else points.set(quarter(hartYear - 1, 4), { periodKey: quarter(hartYear - 1, 4), ...hartPoint(q4) });
      const q1First = numberOf(first.tq);
      const q1Revised = numberOf(second.lq);
      const q1 = q1Revised ?? q1First;
      if (q1 === null) skipped += 1;
      else {
        const t = target(first);
        points.set(quarter(hartYear, 1), {
          periodKey: quarter(hartYear, 1),
          ...hartPoint(q1, { commentary: note(first) }),
          ...(q1First !== null && q1Revised !== null && q1First !== q1Revised ? { firstPublished: q1First } : {}),
          ...(t === undefined ? {} : { target: t }),
        });
      }
      const q2 = numberOf(second.tq);
      if (q2 === null) skipped += 1;
      else {
        const t = target(second);
        points.set(quarter(hartYear, 2), {
          periodKey: quarter(hartYear, 2),
          ...hartPoint(q2, { commentary: note(second) }),
          ...(t === undefined ? {} : { target: t }),
        });
      }
      const outturn = numberOf(second.y);
      const series: Series = {
        points: [...points.values()].sort((a, b) => a.periodKey.localeCompare(b.periodKey)),
        skipped,
      };
      if (outturn !== null) {
        series.baseline = {
          value: outturn,
          periodKey: periodKey({ frequency: 'annual', fyStartYear: hartYear - 1, index: 1 }),
        };
      }
      return series;
    }
  }
  return { points: [...points.values()].sort((a, b) => a.periodKey.localeCompare(b.periodKey)), skipped };
}

// ---------------------------------------------------------------------------------------------
// Loading
// ---------------------------------------------------------------------------------------------

export interface DemoMeasuresContext {
  organisationId: string;
  personId: (key: string, where: string) => string;
  unitId: (code: string, where: string) => string;
  clock: () => Date;
  /** The real data folder; defaults to ../shared/data/real beside the repository. */
  dataDir?: string;
  /** Where the note about a missing folder goes (console.warn by default). */
  warn?: (message: string) => void;
}

export interface DemoMeasuresResult {
  measures: number;
  values: number;
  /** Published rows that matched a series but could not be placed in a period (or had no figure). */
  skippedRows: number;
  statuses: number;
  /** Set when the measures were skipped because the real data folder is missing. */
  note?: string;
}

type ValueRow = typeof measureValues.$inferInsert & { id: string };
type EventRow = typeof measureValueEvents.$inferInsert;
type TargetRow = typeof measureTargets.$inferInsert & { id: string };

const SEED_ACTOR = { personId: null, label: 'Demo council seed' };

/** Period end as a date, plus days, for the workflow dates of the latest figures. */
function afterPeriodEnd(key: string, days: number, now: Date): Date {
  const [fy, rest] = [Number(key.slice(0, 4)), key.slice(8)];
  const period: Period =
    rest === ''
      ? { frequency: 'annual', fyStartYear: fy, index: 1 }
      : rest.startsWith('Q')
        ? { frequency: 'quarterly', fyStartYear: fy, index: Number(rest.slice(1)) }
        : rest.startsWith('M')
          ? { frequency: 'monthly', fyStartYear: fy, index: Number(rest.slice(1)) }
          : { frequency: 'half-yearly', fyStartYear: fy, index: Number(rest.slice(1)) };
  const when = new Date(Date.parse(`${periodEnd(period)}T10:00:00Z`) + days * 86_400_000);
  return when > now ? new Date(now.getTime() - 3_600_000) : when;
}

/**
 * Loads the demo measures into the demo council (inside its transaction): definitions, assignees,
 * links to plan items, targets with a revision, values and their events, period locks, an SPC
 * rebase, and the stored statuses.
 */
export async function loadDemoMeasures(tx: Db, context: DemoMeasuresContext): Promise<DemoMeasuresResult> {
  const dir = context.dataDir ?? DEFAULT_REAL_DATA_DIR;
  if (!existsSync(path.join(dir, 'SOURCES.md'))) {
    const note = `Demo council: the real published data folder ${dir} is missing, so the demo measures were not loaded (the rest of the demo council was).`;
    (context.warn ?? console.warn)(note);
    return { measures: 0, values: 0, skippedRows: 0, statuses: 0, note };
  }
  const files = new Files(dir);
  const { organisationId, personId, unitId } = context;
  const now = context.clock();
  const todayIso = now.toISOString().slice(0, 10);
  // Hart's 2014/15 is shown as the latest financial year whose second quarter has ended.
  const currentQuarter = currentReportingPeriod('quarterly', todayIso);
  const hartYear = currentQuarter.index >= 2 ? currentQuarter.fyStartYear : currentQuarter.fyStartYear - 1;
  const hartShift = hartYear - HART_YEAR;
  const fyLabel = (year: number) => `${year}/${pad((year + 1) % 100)}`;
  const hartNote =
    `Periods mapped: Hart's Q1 and Q2 ${fyLabel(HART_YEAR)} are shown as Q1 and Q2 ${fyLabel(hartYear)}, and its ` +
    `Q4 and outturn for ${fyLabel(HART_YEAR - 1)} as ${fyLabel(hartYear - 1)} (${hartShift} years on). ` +
    `Targets for the quarters are Hart's published targets.`;

  // Plan items in force, by code (superseded and draft versions carry copies of the same codes).
  const itemRows = await tx
    .select({ id: planItems.id, code: planItems.code })
    .from(planItems)
    .innerJoin(plans, eq(plans.id, planItems.planId))
    .where(and(eq(planItems.organisationId, organisationId), eq(plans.status, 'approved')));
  const items = new Map<string, string>();
  for (const row of itemRows) {
    if (items.has(row.code)) throw new Error(`Demo measures: two approved plan items are coded ${row.code}`);
    items.set(row.code, row.id);
  }
  const itemId = (code: string, where: string) => {
    const id = items.get(code);
    if (!id) throw new Error(`Demo measures: ${where} links to plan item ${code}, which no approved plan has`);
    return id;
  };

  const measureRows: (typeof measures.$inferInsert & { id: string })[] = [];
  const assigneeRows: (typeof measureAssignees.$inferInsert)[] = [];
  const linkRows: (typeof measureItemLinks.$inferInsert)[] = [];
  const targetRows: TargetRow[] = [];
  const revisions: { old: TargetRow; next: TargetRow }[] = [];
  const valueRows: ValueRow[] = [];
  const eventRows: EventRow[] = [];
  const lockRows: (typeof periodLocks.$inferInsert)[] = [];
  const rebaseRows: (typeof spcRebases.$inferInsert)[] = [];
  let skippedRows = 0;
  let tick = 0;
  const stamp = () => new Date(now.getTime() - 600_000 + (tick += 1) * 10);

  const importer = personId('perf-officer', 'demo measures');
  const approver = personId('tl-performance', 'demo measures');
  const codes = new Set<string>();

  for (const spec of DEMO_MEASURES) {
    const where = `measure ${spec.code}`;
    if (codes.has(spec.code.toLowerCase())) throw new Error(`Demo measures: the code ${spec.code} is used twice`);
    codes.add(spec.code.toLowerCase());
    const series = readSeries(files, spec, hartYear);
    skippedRows += series.skipped;
    if (series.points.length === 0) throw new Error(`Demo measures: no published figures found for ${where}`);
    const measureId = randomUUID();
    const owner = personId(spec.owner, where);
    const verifier = personId(spec.verifier, where);
    const isHart = spec.source.kind === 'hart';
    measureRows.push({
      id: measureId,
      organisationId,
      code: spec.code,
      title: spec.title,
      description: spec.description,
      purpose: spec.purpose,
      definition: spec.definition,
      calculation: spec.calculation ?? '',
      unit: spec.unit,
      decimalPlaces: spec.decimals,
      polarity: spec.polarity,
      frequency: spec.frequency,
      aggregation: spec.aggregation,
      dataSource: isHart ? `${spec.dataSource} ${hartNote}` : spec.dataSource,
      collectionMethod: 'Published figures loaded as demo history; new figures entered by the data-entry assignees.',
      measureType: spec.measureType ?? 'local',
      baselineValue: series.baseline?.value ?? null,
      baselinePeriod: series.baseline?.periodKey ?? null,
      ownerPersonId: owner,
      ownerUnitId: unitId(spec.ownerUnit, where),
      verifierPersonId: verifier,
      dataQualityNotes: series.skipped
        ? `${series.skipped} published row(s) could not be placed in a ${spec.frequency} period (or had no figure) and were left out.`
        : '',
      isKey: spec.isKey ?? false,
      tags: spec.tags,
      minValue: spec.minValue ?? 0,
      maxValue: spec.unit === '%' ? 100 : null,
      ragThresholds: spec.rag,
      spcSettings: { screenMovingRanges: true, baselinePoints: null },
    });
    for (const key of new Set([...spec.assignees])) {
      assigneeRows.push({ organisationId, measureId, personId: personId(key, where), addedBy: approver });
    }
    for (const code of spec.items)
      linkRows.push({ organisationId, measureId, itemId: itemId(code, where), addedBy: approver });

    // Every figure goes through the same check as a typed one.
    const forValues = {
      code: spec.code,
      unit: spec.unit,
      decimalPlaces: spec.decimals,
      frequency: spec.frequency,
      aggregation: spec.aggregation,
      minValue: measureRows[measureRows.length - 1]!.minValue ?? null,
      maxValue: measureRows[measureRows.length - 1]!.maxValue ?? null,
      status: 'active',
    };
    const latestKey = series.points[series.points.length - 1]!.periodKey;
    for (const point of series.points) {
      const checked = validateMeasureValue(forValues, {
        periodKey: point.periodKey,
        value: point.numerator === null ? point.value : undefined,
        numerator: point.numerator ?? undefined,
        denominator: point.denominator ?? undefined,
      });
      if (!checked.ok) throw new Error(`Demo measures: ${where} ${point.periodKey}: ${checked.error.message}`);
      const isLatest = point.periodKey === latestKey && spec.latest !== undefined;
      const status = isLatest ? spec.latest!.status : 'approved';
      const id = randomUUID();
      const snapshot = (value: number | null) => ({
        value,
        numerator: checked.value.numerator,
        denominator: checked.value.denominator,
        commentary: point.commentary,
        quality: 'final',
        evidenceUrl: '',
      });
      const enteredBy = personId(spec.assignees[0] ?? spec.owner, where);
      valueRows.push({
        id,
        organisationId,
        measureId,
        periodKey: point.periodKey,
        value: checked.value.value,
        numerator: checked.value.numerator,
        denominator: checked.value.denominator,
        commentary: point.commentary,
        status,
        quality: 'final',
        enteredBy: isLatest ? enteredBy : importer,
        updatedBy: isLatest ? enteredBy : importer,
        rowVersion: 1,
      });
      const event = (e: Omit<EventRow, 'organisationId' | 'valueId' | 'measureId' | 'periodKey'>) =>
        eventRows.push({ organisationId, valueId: id, measureId, periodKey: point.periodKey, ...e });
      if (!isLatest) {
        if (point.firstPublished !== undefined) {
          // Published, then revised in the next report: the history shows both figures.
          const first = round(point.firstPublished, spec.decimals);
          event({
            action: 'import',
            fromStatus: null,
            toStatus: 'approved',
            newValue: snapshot(first),
            actorPersonId: importer,
            at: stamp(),
            reason: 'Published figure loaded as demo history',
          });
          event({
            action: 'reopen',
            fromStatus: 'approved',
            toStatus: 'draft',
            actorPersonId: approver,
            at: stamp(),
            reason: `The next quarterly report revised this figure from ${first} to ${checked.value.value}.`,
          });
          event({
            action: 'edit',
            fromStatus: 'draft',
            toStatus: 'draft',
            oldValue: snapshot(first),
            newValue: snapshot(checked.value.value),
            actorPersonId: importer,
            at: stamp(),
          });
          event({ action: 'submit', fromStatus: 'draft', toStatus: 'submitted', actorPersonId: importer, at: stamp() });
          event({
            action: 'verify',
            fromStatus: 'submitted',
            toStatus: 'verified',
            actorPersonId: verifier,
            at: stamp(),
          });
          event({
            action: 'approve',
            fromStatus: 'verified',
            toStatus: 'approved',
            actorPersonId: approver,
            at: stamp(),
          });
        } else {
          event({
            action: 'import',
            fromStatus: null,
            toStatus: 'approved',
            newValue: snapshot(checked.value.value),
            actorPersonId: importer,
            at: stamp(),
            reason: 'Published figure loaded as demo history',
          });
        }
        lockRows.push({ organisationId, measureId, periodKey: point.periodKey, lockedBy: approver, lockedAt: now });
        continue;
      }
      // The latest figure, still in the workflow.
      const latest = spec.latest!;
      const submitted = afterPeriodEnd(point.periodKey, 8, now);
      const after = (ms: number) => new Date(submitted.getTime() + ms);
      if (latest.status === 'draft') {
        event({
          action: 'create',
          fromStatus: null,
          toStatus: 'draft',
          newValue: snapshot(checked.value.value),
          actorPersonId: enteredBy,
          at: submitted,
        });
        continue;
      }
      event({
        action: 'submit',
        fromStatus: null,
        toStatus: 'submitted',
        newValue: snapshot(checked.value.value),
        actorPersonId: enteredBy,
        at: submitted,
      });
      if (latest.status === 'verified') {
        event({
          action: 'verify',
          fromStatus: 'submitted',
          toStatus: 'verified',
          actorPersonId: verifier,
          at: after(86_400_000),
        });
      }
      if (latest.status === 'returned') {
        event({
          action: 'return',
          fromStatus: 'submitted',
          toStatus: 'returned',
          actorPersonId: verifier,
          at: after(86_400_000),
          reason: latest.reason ?? 'Returned for correction',
        });
      }
    }

    // Targets. Hart measures: Hart's own targets for the quarters it reported. Others: demo targets
    // for the last three years with figures and for the current year, improving on the year before.
    const setBy = personId(spec.owner, where);
    if (isHart) {
      for (const point of series.points) {
        if (point.target === undefined) continue;
        const fy = Number(point.periodKey.slice(0, 4));
        targetRows.push({
          id: randomUUID(),
          organisationId,
          measureId,
          kind: 'profile',
          financialYear: periodKey({ frequency: 'annual', fyStartYear: fy, index: 1 }),
          periodKey: point.periodKey,
          value: point.target,
          effectiveFrom: `${fy}-04-01`,
          reason: `Hart DC's published target for the quarter (Hart's ${fyLabel(HART_YEAR)} report, shown as ${fyLabel(fy)}).`,
          setBy,
          setAt: new Date(`${fy}-03-15T09:00:00Z`),
        });
      }
    } else if (spec.targetStep !== undefined && spec.polarity !== 'none') {
      const sign = spec.polarity === 'lower-is-better' ? -1 : 1;
      // The figure each year ends on (the last period of the year).
      const yearEnd = new Map<number, number>();
      for (const point of series.points) {
        const fy = Number(point.periodKey.slice(0, 4));
        if (point.value !== null) yearEnd.set(fy, point.value);
      }
      const years = [...yearEnd.keys()].sort((a, b) => a - b);
      const lastYear = years[years.length - 1]!;
      const latest = yearEnd.get(lastYear)!;
      // The last three years with figures (against the year before), then the year being reported
      // on now and the year in progress (against the latest figure, one and two steps on).
      const reporting = currentReportingPeriod('annual', todayIso).fyStartYear;
      const plan = new Map<number, { value: number; why: string }>();
      for (const year of years.slice(-3)) {
        const basis = yearEnd.get(year - 1);
        if (basis === undefined) continue;
        plan.set(year, {
          value: basis + sign * spec.targetStep,
          why: `improve on the ${fyLabel(year - 1)} figure (${basis}) by ${spec.targetStep}`,
        });
      }
      for (const [year, steps] of [
        [reporting, 1],
        [reporting + 1, 2],
      ] as const) {
        if (year <= lastYear || plan.has(year)) continue;
        plan.set(year, {
          value: latest + sign * spec.targetStep * steps,
          why: `improve on the latest published figure (${latest}, ${fyLabel(lastYear)}) by ${round(spec.targetStep * steps, 6)}`,
        });
      }
      for (const [year, { value, why }] of plan) {
        targetRows.push({
          id: randomUUID(),
          organisationId,
          measureId,
          kind: 'annual',
          financialYear: periodKey({ frequency: 'annual', fyStartYear: year, index: 1 }),
          value: round(value, spec.decimals),
          effectiveFrom: `${year}-04-01`,
          reason: `Demo target: ${why}.`,
          setBy,
          setAt: new Date(`${year}-03-01T09:00:00Z`),
        });
      }
    }

    // The claimant rate stopped falling in spring 2022: the SPC chart starts a new segment there.
    if (spec.code === 'ECO-01') {
      rebaseRows.push({
        organisationId,
        measureId,
        periodKey: periodKey({ frequency: 'monthly', fyStartYear: 2022, index: 1 }),
        reason:
          'Demo rebase: the post-pandemic fall in the claimant rate ended in spring 2022 and the rate has been steady since; limits are recalculated from April 2022 so the chart tests the current process.',
        createdBy: approver,
        createdAt: now,
      });
    }
  }

  // Target revisions (history kept): the old version is superseded by a new one with a reason.
  const revise = (code: string, pick: (rows: TargetRow[]) => TargetRow | undefined, value: number, reason: string) => {
    const measureId = measureRows.find((row) => row.code === code)?.id;
    const old = pick(targetRows.filter((row) => row.measureId === measureId));
    if (!old) throw new Error(`Demo measures: no target of ${code} to revise`);
    const setAt = new Date((old.setAt as Date).getTime() + 120 * 86_400_000);
    const next: TargetRow = { ...old, id: randomUUID(), value, reason, setAt: setAt > now ? now : setAt };
    revisions.push({ old, next });
  };
  revise(
    'REV-01',
    (rows) => rows.find((row) => row.periodKey?.endsWith('-Q2')),
    56.5,
    "Demo revision: Hart's published Q2 target (24.5%) was its Q1 profile carried forward; the cumulative profile for the end of Q2 is 56.5%.",
  );
  revise(
    'WST-01',
    (rows) => rows[rows.length - 1],
    60,
    'Demo revision: set at a round 60% for the year at the leadership team’s mid-year review of the recycling programme.',
  );

  // Bulk writes, in dependency order.
  const chunked = async <T>(rows: T[], write: (batch: T[]) => Promise<unknown>, size = 500) => {
    for (let start = 0; start < rows.length; start += size) await write(rows.slice(start, start + size));
  };
  await tx.insert(measures).values(measureRows);
  await tx.insert(measureAssignees).values(assigneeRows);
  await tx.insert(measureItemLinks).values(linkRows);
  // A revised target: the new version is current, the old one points to it (inserted already superseded).
  const superseded = new Set(revisions.map(({ old }) => old.id));
  const current = [...targetRows.filter((row) => !superseded.has(row.id)), ...revisions.map(({ next }) => next)];
  await chunked(current, (batch) => tx.insert(measureTargets).values(batch));
  await tx
    .insert(measureTargets)
    .values(revisions.map(({ old, next }) => ({ ...old, supersededAt: next.setAt as Date, supersededBy: next.id })));
  await chunked(valueRows, (batch) => tx.insert(measureValues).values(batch));
  await chunked(eventRows, (batch) => tx.insert(measureValueEvents).values(batch));
  await chunked(lockRows, (batch) => tx.insert(periodLocks).values(batch));
  if (rebaseRows.length > 0) await tx.insert(spcRebases).values(rebaseRows);

  // Stored statuses: the current period of every measure, and each period since its first target.
  const status = createPerformanceStatusService({ db: tx, clock: asClock(context.clock) });
  let statuses = await status.recompute(tx, organisationId, 'all');
  const firstTargeted = new Map<string, string[]>();
  for (const row of measureRows) {
    const targets = targetRows.filter((target) => target.measureId === row.id);
    if (targets.length === 0) continue;
    const firstYear = Math.min(...targets.map((target) => Number(target.financialYear.slice(0, 4))));
    const from = periodKey({ frequency: row.frequency, fyStartYear: firstYear, index: 1 });
    firstTargeted.set(from, [...(firstTargeted.get(from) ?? []), row.id]);
  }
  for (const [from, ids] of firstTargeted) {
    statuses += await status.recompute(tx, organisationId, ids, { fromPeriodKey: from });
  }

  await recordAudit(tx, {
    organisationId,
    actor: SEED_ACTOR,
    entityType: 'organisation',
    entityId: organisationId,
    action: 'seed-measures',
    newValue: {
      measures: measureRows.length,
      values: valueRows.length,
      targets: targetRows.length + revisions.length,
      skippedRows,
    },
    reason: 'seeded demo measures from real published figures',
  });
  return { measures: measureRows.length, values: valueRows.length, skippedRows, statuses };
}
