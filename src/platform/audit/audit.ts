import type { Db } from '../db/db.ts';
import { auditEvents } from './audit.schema.ts';

export interface Actor {
  personId: string | null;
  /** Who, in words, as it will read in the trail even after the person has left. */
  label: string;
}

export interface AuditEntry {
  organisationId: string;
  actor: Actor;
  entityType: string;
  entityId: string;
  action: string;
  oldValue?: unknown;
  newValue?: unknown;
  reason?: string;
}

/** Call inside the transaction that makes the change, so the change and its record stand or fall together. */
export async function recordAudit(tx: Db, entry: AuditEntry): Promise<void> {
  await tx.insert(auditEvents).values({
    organisationId: entry.organisationId,
    actorPersonId: entry.actor.personId,
    actorLabel: entry.actor.label,
    entityType: entry.entityType,
    entityId: entry.entityId,
    action: entry.action,
    oldValue: entry.oldValue ?? null,
    newValue: entry.newValue ?? null,
    reason: entry.reason ?? '',
  });
}
