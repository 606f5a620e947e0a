/**
 * A council's delivery settings: how an action's status is derived from its progress and dates,
 * when an action goes to its escalation owner, and who approves a revised due date.
 */
import { z } from 'zod';

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

const points = (label: string) =>
  z.coerce
    .number({ message: `Enter ${label} as a whole number from 0 to 100` })
    .int(`Enter ${label} as a whole number from 0 to 100`)
    .min(0, `Enter ${label} as a whole number from 0 to 100`)
    .max(100, `Enter ${label} as a whole number from 0 to 100`);

const count = (label: string, max: number) =>
  z.coerce
    .number({ message: `Enter ${label} as a whole number from 1 to ${max}` })
    .int(`Enter ${label} as a whole number from 1 to ${max}`)
    .min(1, `Enter ${label} as a whole number from 1 to ${max}`)
    .max(max, `Enter ${label} as a whole number from 1 to ${max}`);

/** The settings form and API body: every field, checked together (off track is beyond at risk). */
export const deliverySettingsInput = z
  .object({
    overdueOffTrackBelow: points('the % complete below which an overdue action is off track'),
    atRiskBehindBy: points('the points behind at which an action is at risk'),
    offTrackBehindBy: points('the points behind at which an action is off track'),
    escalateAfterOffTrackUpdates: count('the number of off-track updates', 24),
    escalateAfterOverdueDays: count('the number of days overdue', 365),
    revisedDateApprover: z.enum(REVISED_DATE_APPROVERS, { message: 'Select who approves a revised due date' }),
  })
  .refine((s) => s.offTrackBehindBy > s.atRiskBehindBy, {
    message: 'Off track must be further behind than at risk',
    path: ['offTrackBehindBy'],
  });

/** Stored settings (a JSON column) read back over the defaults, so a new field never breaks old rows. */
export function toDeliverySettings(stored: unknown): DeliverySettings {
  const parsed = deliverySettingsInput.safeParse({ ...DEFAULT_DELIVERY_SETTINGS, ...(stored as object | null) });
  return parsed.success ? parsed.data : { ...DEFAULT_DELIVERY_SETTINGS };
}
