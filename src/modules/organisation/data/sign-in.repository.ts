import { and, desc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/db.ts';
import type { ThrottleState } from '../domain/index.ts';
import { apiTokens, sessions } from './access.schema.ts';
import { recoveryCodes, secondFactors, signInSettings, signInThrottles } from './sign-in.schema.ts';

const throttleColumns = {
  key: signInThrottles.key,
  failures: signInThrottles.failures,
  lastFailureAt: signInThrottles.lastFailureAt,
  lockedUntil: signInThrottles.lockedUntil,
};

/** The throttle state of each key (no row: no failures). */
export async function readThrottles(db: Db, keys: string[]): Promise<Map<string, ThrottleState>> {
  const rows = await db.select(throttleColumns).from(signInThrottles).where(inArray(signInThrottles.key, keys));
  return new Map(rows.map((row) => [row.key, row]));
}

/**
 * The keys' rows, created if missing and locked until the transaction ends, so two processes
 * counting a failure for the same key at once count two.
 */
export async function lockThrottles(db: Db, keys: string[]): Promise<Map<string, ThrottleState>> {
  await db
    .insert(signInThrottles)
    .values(keys.map((key) => ({ key })))
    .onConflictDoNothing();
  const rows = await db
    .select(throttleColumns)
    .from(signInThrottles)
    .where(inArray(signInThrottles.key, keys))
    .orderBy(signInThrottles.key)
    .for('update');
  return new Map(rows.map((row) => [row.key, row]));
}

export async function saveThrottle(db: Db, key: string, state: ThrottleState): Promise<void> {
  await db
    .update(signInThrottles)
    .set({ failures: state.failures, lastFailureAt: state.lastFailureAt, lockedUntil: state.lockedUntil })
    .where(eq(signInThrottles.key, key));
}

export async function forgetThrottle(db: Db, key: string): Promise<void> {
  await db.delete(signInThrottles).where(eq(signInThrottles.key, key));
}

export type SecondFactorRow = typeof secondFactors.$inferSelect;

export async function findSecondFactor(db: Db, personId: string): Promise<SecondFactorRow | undefined> {
  const [row] = await db.select().from(secondFactors).where(eq(secondFactors.personId, personId));
  return row;
}

/** Secrets stored before they were sealed (before 2026-12): each person's id and the plain value. */
export async function plainSecondFactorSecrets(db: Db): Promise<{ personId: string; secret: string }[]> {
  return db
    .select({ personId: secondFactors.personId, secret: secondFactors.secret })
    .from(secondFactors)
    .where(sql`${secondFactors.secret} not like 'gcm1:%'`);
}

export async function replaceSecondFactorSecret(db: Db, personId: string, from: string, to: string): Promise<void> {
  await db
    .update(secondFactors)
    .set({ secret: to })
    .where(and(eq(secondFactors.personId, personId), eq(secondFactors.secret, from)));
}

/** A new, unconfirmed secret for the person, replacing an unconfirmed one (never a confirmed one). */
export async function startSecondFactor(
  db: Db,
  values: { organisationId: string; personId: string; secret: string; createdAt: Date },
): Promise<void> {
  await db
    .insert(secondFactors)
    .values(values)
    .onConflictDoUpdate({
      target: [secondFactors.personId, secondFactors.organisationId],
      set: { secret: values.secret, createdAt: values.createdAt, lastUsedStep: null },
      setWhere: isNull(secondFactors.confirmedAt),
    });
}

/** Records the step just accepted, only if it is later than the last one (a code used once). */
export async function useStep(db: Db, personId: string, step: number, confirmAt?: Date): Promise<boolean> {
  const rows = await db
    .update(secondFactors)
    .set({ lastUsedStep: step, ...(confirmAt ? { confirmedAt: confirmAt } : {}) })
    .where(
      and(
        eq(secondFactors.personId, personId),
        sql`(${secondFactors.lastUsedStep} is null or ${secondFactors.lastUsedStep} < ${step})`,
      ),
    )
    .returning({ personId: secondFactors.personId });
  return rows.length > 0;
}

export async function removeSecondFactor(db: Db, organisationId: string, personId: string): Promise<void> {
  await db
    .delete(recoveryCodes)
    .where(and(eq(recoveryCodes.organisationId, organisationId), eq(recoveryCodes.personId, personId)));
  await db
    .delete(secondFactors)
    .where(and(eq(secondFactors.organisationId, organisationId), eq(secondFactors.personId, personId)));
}

/** Replaces every recovery code of the person with these hashes. */
export async function replaceRecoveryCodes(
  db: Db,
  organisationId: string,
  personId: string,
  codeHashes: string[],
): Promise<void> {
  await db
    .delete(recoveryCodes)
    .where(and(eq(recoveryCodes.organisationId, organisationId), eq(recoveryCodes.personId, personId)));
  await db.insert(recoveryCodes).values(codeHashes.map((codeHash) => ({ organisationId, personId, codeHash })));
}

/** Spends an unused recovery code in one statement (two racing requests cannot both use it). */
export async function spendRecoveryCode(db: Db, personId: string, codeHash: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(recoveryCodes)
    .set({ usedAt: at })
    .where(
      and(eq(recoveryCodes.personId, personId), eq(recoveryCodes.codeHash, codeHash), isNull(recoveryCodes.usedAt)),
    )
    .returning({ id: recoveryCodes.id });
  return rows.length > 0;
}

export async function unusedRecoveryCodes(db: Db, personId: string): Promise<number> {
  const rows = await db
    .select({ id: recoveryCodes.id })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.personId, personId), isNull(recoveryCodes.usedAt)));
  return rows.length;
}

export async function administratorsNeedSecondFactor(db: Db, organisationId: string): Promise<boolean> {
  const [row] = await db.select().from(signInSettings).where(eq(signInSettings.organisationId, organisationId));
  return row?.administratorsNeedSecondFactor ?? false;
}

/** The council's sign-in rules; no row: the defaults (both off). */
export interface SignInRules {
  administratorsNeedSecondFactor: boolean;
  secondFactorAfterSingleSignOn: boolean;
}

export async function signInRules(db: Db, organisationId: string): Promise<SignInRules> {
  const [row] = await db.select().from(signInSettings).where(eq(signInSettings.organisationId, organisationId));
  return {
    administratorsNeedSecondFactor: row?.administratorsNeedSecondFactor ?? false,
    secondFactorAfterSingleSignOn: row?.secondFactorAfterSingleSignOn ?? false,
  };
}

export async function saveSignInRules(db: Db, organisationId: string, rules: SignInRules) {
  await db
    .insert(signInSettings)
    .values({ organisationId, ...rules })
    .onConflictDoUpdate({ target: signInSettings.organisationId, set: rules });
}

export async function listSessionsOf(db: Db, organisationId: string, personId: string, now: Date) {
  return db
    .select({
      id: sessions.id,
      tokenHash: sessions.tokenHash,
      createdAt: sessions.createdAt,
      expiresAt: sessions.expiresAt,
      userAgent: sessions.userAgent,
      address: sessions.address,
    })
    .from(sessions)
    .where(
      and(eq(sessions.organisationId, organisationId), eq(sessions.personId, personId), gt(sessions.expiresAt, now)),
    )
    .orderBy(desc(sessions.createdAt));
}

export async function endSession(db: Db, organisationId: string, personId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(sessions)
    .where(and(eq(sessions.organisationId, organisationId), eq(sessions.personId, personId), eq(sessions.id, id)))
    .returning({ id: sessions.id });
  return rows.length > 0;
}

/** Ends every session of the person but the one given (null: all); returns how many ended. */
export async function endOtherSessions(
  db: Db,
  organisationId: string,
  personId: string,
  keepTokenHash: string | null,
): Promise<number> {
  const rows = await db
    .delete(sessions)
    .where(
      and(
        eq(sessions.organisationId, organisationId),
        eq(sessions.personId, personId),
        keepTokenHash ? sql`${sessions.tokenHash} <> ${keepTokenHash}` : undefined,
      ),
    )
    .returning({ id: sessions.id });
  return rows.length;
}

/** Revokes every working API token of the person; returns how many. */
export async function revokeTokensOf(db: Db, organisationId: string, personId: string, at: Date): Promise<number> {
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: at })
    .where(
      and(eq(apiTokens.organisationId, organisationId), eq(apiTokens.personId, personId), isNull(apiTokens.revokedAt)),
    )
    .returning({ id: apiTokens.id });
  return rows.length;
}
