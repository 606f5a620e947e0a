/**
 * The demo council's register of recommendations: an internal audit of the data quality of its
 * performance indicators and a housing regulator's inspection, with recommendations at every
 * stage — in progress, overdue, extended by the Audit Committee with its minute, rejected with a
 * reason, and implemented and closed with evidence. Dates are set relative to today, like the rest
 * of the demo, so the register always looks current.
 */
import { randomUUID } from 'node:crypto';
import { addDays } from '../kernel/calendar-days.ts';
import { formatDate } from '../kernel/measurement/index.ts';
import { storePhrase, phrase, phraseText } from '../kernel/phrase.ts';
import { recordAudit } from '../platform/audit/audit.ts';
import type { Db } from '../platform/db/db.ts';
import {
  recommendationDueDateRevisions,
  recommendationHistory,
  recommendationReports,
  recommendations,
} from '../modules/recommendations/index.ts';

export interface DemoRecommendationsContext {
  organisationId: string;
  today: string;
  personId: (key: string, where: string) => string;
  unitId: (code: string, where: string) => string;
  /** The Audit Committee, which agrees extensions. */
  auditCommitteeId: string;
}

/** The date so many days from `iso` (negative: before it). */
const shift = addDays;

type Status = 'open' | 'in-progress' | 'implemented' | 'closed' | 'superseded';

interface DemoRecommendation {
  reference: string;
  priority: 'high' | 'medium' | 'low';
  text: string;
  owner: string;
  unit: string;
  response: 'accepted' | 'partly-accepted' | 'rejected';
  responseReason?: string;
  agreedAction: string;
  /** Days after the report it was first due. */
  dueAfter: number;
  status: Status;
  /** Days after the report it was closed (with the evidence below). */
  closedAfter?: number;
  evidence?: string;
  evidenceLink?: string;
  /** An extension agreed by the Audit Committee: the new due date, days from today, and when it met. */
  extension?: { dueFromToday: number; decidedAfter: number; minute: string; reason: string };
}

interface DemoReport {
  source: 'internal-audit' | 'inspection';
  title: string;
  reference: string;
  /** Days before today. */
  daysAgo: number;
  recommendations: DemoRecommendation[];
}

const REPORTS: DemoReport[] = [
  {
    source: 'internal-audit',
    title: 'Data quality of performance indicators',
    reference: 'IA-07',
    daysAgo: 215,
    recommendations: [
      {
        reference: 'R1',
        priority: 'high',
        text: 'Document the definition, source and calculation of every key performance indicator, and review each definition every year.',
        owner: 'tl-performance',
        unit: 'PPF-PI',
        response: 'accepted',
        agreedAction: 'A definition record for each key measure, held with the measure in Golden Thread.',
        dueAfter: 120,
        status: 'in-progress',
        extension: {
          dueFromToday: 60,
          decidedAfter: 110,
          minute: 'Minute AC/41',
          reason: 'The definitions are being rewritten for the new corporate plan measures, agreed in the spring.',
        },
      },
      {
        reference: 'R2',
        priority: 'medium',
        text: 'Reconcile reported figures to their source systems before they are signed off.',
        owner: 'hos-policy',
        unit: 'PPF',
        response: 'accepted',
        agreedAction: 'A reconciliation check in the sign-off of each quarter’s figures.',
        dueAfter: 190,
        status: 'in-progress',
      },
      {
        reference: 'R3',
        priority: 'medium',
        text: 'Record who verified each figure and when, so the audit trail shows two pairs of eyes.',
        owner: 'tl-performance',
        unit: 'PPF-PI',
        response: 'accepted',
        agreedAction: 'Figures verified and approved by different people, recorded in the system.',
        dueAfter: 90,
        status: 'closed',
        closedAfter: 84,
        evidence:
          'Sign-off with verification and approval by different people is in use for every measure; internal audit tested a sample of 25 figures in the follow-up.',
        evidenceLink: 'IA-07 follow-up memo',
      },
      {
        reference: 'R4',
        priority: 'low',
        text: 'Publish a data quality statement alongside each quarterly performance report.',
        owner: 'hos-policy',
        unit: 'PPF',
        response: 'partly-accepted',
        responseReason:
          'Statements will be published for the key measures only: for the rest the cost outweighs the benefit.',
        agreedAction: 'Data quality statements for the key measures in the quarterly report.',
        dueAfter: 300,
        status: 'open',
      },
    ],
  },
  {
    source: 'inspection',
    title: 'Regulator of Social Housing inspection: consumer standards',
    reference: 'RSH-2',
    daysAgo: 430,
    recommendations: [
      {
        reference: 'H1',
        priority: 'high',
        text: 'Complete stock condition surveys of all council homes and keep the data current.',
        owner: 'hos-housing-property',
        unit: 'HPE',
        response: 'accepted',
        agreedAction: 'A rolling programme surveying a fifth of homes each year, starting with the oldest.',
        dueAfter: 365,
        status: 'in-progress',
      },
      {
        reference: 'H2',
        priority: 'high',
        text: 'Respond to reports of damp and mould within the timescales of the council’s policy.',
        owner: 'hos-housing-property',
        unit: 'HPE-RM',
        response: 'accepted',
        agreedAction: 'A damp and mould triage team and weekly monitoring of cases against the policy.',
        dueAfter: 180,
        status: 'closed',
        closedAfter: 200,
        evidence: 'Nine months of monitoring show 96% of cases inspected within 10 working days; reported to Cabinet.',
        evidenceLink: 'Cabinet report CAB/112',
      },
      {
        reference: 'H3',
        priority: 'medium',
        text: 'Set up a separate tenants’ complaints panel to review every stage 2 complaint.',
        owner: 'hos-customer',
        unit: 'CDS',
        response: 'rejected',
        responseReason:
          'The council’s complaints policy already meets the Housing Ombudsman’s code, and complaint themes go to the Tenants’ Forum every quarter.',
        agreedAction: '',
        dueAfter: 90,
        status: 'closed',
        closedAfter: 60,
        evidence: 'The rejection and its reasons were reported to the Audit Committee, which noted them.',
      },
    ],
  },
];

const history = (code: string, params?: Record<string, string | ReturnType<typeof phrase>>) =>
  storePhrase(phrase(`recommendations.history.${code}`, params));

/** Loads the register inside the demo's transaction. */
export async function loadDemoRecommendations(tx: Db, context: DemoRecommendationsContext): Promise<number> {
  const { organisationId, today } = context;
  const reportRows: (typeof recommendationReports.$inferInsert)[] = [];
  const rows: (typeof recommendations.$inferInsert)[] = [];
  const revisions: (typeof recommendationDueDateRevisions.$inferInsert)[] = [];
  const events: (typeof recommendationHistory.$inferInsert)[] = [];
  const event = (
    recommendationId: string,
    on: string,
    kind: string,
    summary: string,
    note = '',
    actor = phraseText('auditActors.demoSeed'),
  ) =>
    events.push({
      organisationId,
      recommendationId,
      kind,
      summary,
      note,
      actorLabel: actor,
      at: new Date(`${on}T10:00:00Z`),
    });
  for (const report of REPORTS) {
    const reportId = randomUUID();
    const reportDate = shift(today, -report.daysAgo);
    reportRows.push({
      id: reportId,
      organisationId,
      source: report.source,
      title: report.title,
      reference: report.reference,
      reportDate,
    });
    for (const r of report.recommendations) {
      const id = randomUUID();
      const where = `recommendation ${report.reference} ${r.reference}`;
      const originalDue = shift(reportDate, r.dueAfter);
      const dueDate = r.extension ? shift(today, r.extension.dueFromToday) : originalDue;
      const finishedOn = r.closedAfter === undefined ? null : shift(reportDate, r.closedAfter);
      rows.push({
        id,
        organisationId,
        reportId,
        reference: r.reference,
        priority: r.priority,
        text: r.text,
        ownerPersonId: context.personId(r.owner, where),
        unitId: context.unitId(r.unit, where),
        response: r.response,
        responseReason: r.responseReason ?? '',
        agreedAction: r.agreedAction,
        originalDueDate: originalDue,
        dueDate,
        status: r.status,
        finishedOn,
        closureEvidence: r.evidence ?? '',
        closureLink: r.evidenceLink ?? '',
      });
      event(id, reportDate, 'created', history('created'));
      event(
        id,
        shift(reportDate, 14),
        'response',
        history('response', { response: phrase(`recommendations.response.${r.response}`) }),
        r.responseReason ?? '',
      );
      if (r.status !== 'open' && r.response !== 'rejected') {
        event(
          id,
          shift(reportDate, 21),
          'status',
          history('status', {
            from: phrase('recommendations.status.open'),
            to: phrase('recommendations.status.in-progress'),
          }),
        );
      }
      if (r.extension) {
        const decidedOn = shift(reportDate, r.extension.decidedAfter);
        revisions.push({
          organisationId,
          recommendationId: id,
          previousDueDate: originalDue,
          newDueDate: dueDate,
          reason: r.extension.reason,
          bodyId: context.auditCommitteeId,
          decisionReference: r.extension.minute,
          decidedOn,
          recordedBy: 'Demo council seed',
          recordedAt: new Date(`${decidedOn}T12:00:00Z`),
        });
        event(
          id,
          decidedOn,
          'revised',
          history('revisedByBody', {
            from: formatDate(originalDue),
            to: formatDate(dueDate),
            body: 'Audit Committee',
            reference: r.extension.minute,
          }),
          r.extension.reason,
        );
      }
      if (finishedOn) {
        const from = r.response === 'rejected' ? 'open' : 'in-progress';
        event(
          id,
          finishedOn,
          'status',
          history('status', {
            from: phrase(`recommendations.status.${from}`),
            to: phrase('recommendations.status.closed'),
          }),
          r.evidence ?? '',
        );
      }
    }
  }
  await tx.insert(recommendationReports).values(reportRows);
  await tx.insert(recommendations).values(rows);
  await tx.insert(recommendationDueDateRevisions).values(revisions);
  await tx.insert(recommendationHistory).values(events);
  await recordAudit(tx, {
    organisationId,
    actor: { personId: null, label: phraseText('auditActors.demoSeed') },
    entityType: 'recommendation',
    entityId: organisationId,
    action: 'seed',
    newValue: { reports: reportRows.length, recommendations: rows.length },
    reason: 'seeded the demo council’s recommendations',
  });
  return rows.length;
}
