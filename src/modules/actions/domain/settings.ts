/**
 * A council's delivery settings: how an action's status is derived from its progress and dates,
 * when an action goes to its escalation owner, and who approves a revised due date.
 */
import { z } from 'zod';
import { phrase, phraseText } from '../../../kernel/phrase.ts';

export const REVISED_DATE_APPROVERS = ['none', 'escalation-owner'] as const;
export type RevisedDateApprover = (typeof REVISED_DATE_APPROVERS)[number];

export interface DeliverySettings {
  /** An action past its due date with less than this % complete is off track (default 50). */
  overdueOffTrackBelow: number;
  /**
   * Expected progress is the share of the time from start to due date that has passed. An action
   * behind it by MORE than this many points is at risk (default 10)…
   */
  atRiskBehindBy: number;
  /** …and by more than this many points off track (default 25: the "≤25% behind is amber" band). */
  offTrackBehindBy: number;
  /** Escalate after this many consecutive off-track updates (default 2). */
  escalateAfterOffTrackUpdates: number;
  /** Escalate when overdue by this many days or more (default 14). */
  escalateAfterOverdueDays: number;
  /** Who approves a revised due date before it counts (default nobody: it counts at once). */
  revisedDateApprover: RevisedDateApprover;
}

export const DEFAULT_DELIVERY_SETTINGS: DeliverySettings = Object.freeze({
  overdueOffTrackBelow: 50,
  atRiskBehindBy: 10,
  offTrackBehindBy: 25,
  escalateAfterOffTrackUpdates: 2,
  escalateAfterOverdueDays: 14,
  revisedDateApprover: 'none',
});

/** A field named in a settings message, from the catalogue's actionSettingsFields. */
const points = (field: string) => {
  const message = phraseText('actionChecks.points', { label: phrase(`actionSettingsFields.${field}`) });
  return z.coerce.number({ message }).int(message).min(0, message).max(100, message);
};

const count = (field: string, max: number) => {
  const message = phraseText('actionChecks.count', { label: phrase(`actionSettingsFields.${field}`), max });
  return z.coerce.number({ message }).int(message).min(1, message).max(max, message);
};

/** The settings form and API body: every field, checked together (off track is beyond at risk). */
export const deliverySettingsInput = z
  .object({
    overdueOffTrackBelow: points('overdueOffTrackBelow'),
    atRiskBehindBy: points('atRiskBehindBy'),
    offTrackBehindBy: points('offTrackBehindBy'),
    escalateAfterOffTrackUpdates: count('escalateAfterOffTrackUpdates', 24),
    escalateAfterOverdueDays: count('escalateAfterOverdueDays', 365),
    revisedDateApprover: z.enum(REVISED_DATE_APPROVERS, { message: phraseText('actionChecks.approver') }),
  })
  .refine((s) => s.offTrackBehindBy > s.atRiskBehindBy, {
    message: phraseText('actionChecks.offTrackBeyondAtRisk'),
    path: ['offTrackBehindBy'],
  });

/** Stored settings (a JSON column) read back over the defaults, so a new field never breaks old rows. */
export function toDeliverySettings(stored: unknown): DeliverySettings {
  const parsed = deliverySettingsInput.safeParse({ ...DEFAULT_DELIVERY_SETTINGS, ...(stored as object | null) });
  return parsed.success ? parsed.data : { ...DEFAULT_DELIVERY_SETTINGS };
}
