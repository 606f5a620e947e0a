import { createHash } from 'node:crypto';
import { newToken } from '../../platform/security/tokens.ts';
import { hash, verify } from '@node-rs/argon2';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { isRole, type Principal, type RoleGrant } from '../../kernel/access/index.ts';
import type { Db } from '../../platform/db/db.ts';
import { systemClock } from '../../platform/clock.ts';
import { apiTokens, roleAssignments, sessions } from './data/access.schema.ts';
import { organisations } from '../../platform/tenancy/organisations.schema.ts';
import { people } from './data/organisation.schema.ts';

const SESSION_HOURS = 8;
// A fixed hash to verify against when the email is unknown, so timing does not reveal accounts.
let dummyHash: string | undefined;

export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');
export { newToken };

/** argon2id with the library's defaults (19 MiB, 2 passes): OWASP's recommended minimum. */
export const hashPassword = (password: string): Promise<string> => hash(password);

export interface SessionInfo {
  principal: Principal;
  csrfToken: string;
}

export function createAuthService(db: Db, clock: () => Date = systemClock) {
  async function principalFor(personId: string): Promise<Principal | null> {
    const [person] = await db
      .select({
        id: people.id,
        organisationId: people.organisationId,
        name: people.name,
        partnerId: people.partnerId,
        status: people.status,
      })
      .from(people)
      .where(eq(people.id, personId));
    if (!person || person.status !== 'active') return null;
    const rows = await db
      .select({ role: roleAssignments.role, unitId: roleAssignments.unitId })
      .from(roleAssignments)
      .where(and(eq(roleAssignments.personId, personId), isNull(roleAssignments.endedAt)));
    const grants: RoleGrant[] = rows.flatMap((row) =>
      isRole(row.role) ? [{ role: row.role, unitId: row.unitId }] : [],
    );
    return {
      kind: 'person',
      personId: person.id,
      organisationId: person.organisationId,
      name: person.name,
      partnerId: person.partnerId,
      grants,
    };
  }

  return {
    principalFor,

    /** Returns the new session token (for the cookie), or null when the email or password is wrong. */
    async signIn(email: string, password: string): Promise<{ token: string; session: SessionInfo } | null> {
      const candidates = await db
        .select({ id: people.id, organisationId: people.organisationId, passwordHash: people.passwordHash })
        .from(people)
        .innerJoin(organisations, eq(organisations.id, people.organisationId))
        .where(and(sql`lower(${people.email}) = lower(${email.trim()})`, eq(people.status, 'active')));
      let matched: (typeof candidates)[number] | undefined;
      for (const candidate of candidates) {
        if (candidate.passwordHash && (await verify(candidate.passwordHash, password))) {
          matched = candidate;
          break;
        }
      }
      if (!matched) {
        dummyHash ??= await hashPassword('not-a-real-password');
        if (candidates.length === 0) await verify(dummyHash, password);
        return null;
      }
      const principal = await principalFor(matched.id);
      if (!principal) return null;
      const token = newToken();
      const csrfToken = newToken();
      const now = clock();
      await db.insert(sessions).values({
        tokenHash: sha256(token),
        organisationId: matched.organisationId,
        personId: matched.id,
        csrfToken,
        createdAt: now,
        expiresAt: new Date(now.getTime() + SESSION_HOURS * 3600_000),
      });
      return { token, session: { principal, csrfToken } };
    },

    async sessionFor(token: string): Promise<SessionInfo | null> {
      const [row] = await db
        .select()
        .from(sessions)
        .where(and(eq(sessions.tokenHash, sha256(token)), gt(sessions.expiresAt, clock())));
      if (!row) return null;
      const principal = await principalFor(row.personId);
      return principal ? { principal, csrfToken: row.csrfToken } : null;
    },

    async signOut(token: string): Promise<void> {
      await db.delete(sessions).where(eq(sessions.tokenHash, sha256(token)));
    },

    async principalForApiToken(token: string): Promise<Principal | null> {
      const [row] = await db
        .select()
        .from(apiTokens)
        .where(and(eq(apiTokens.tokenHash, sha256(token)), isNull(apiTokens.revokedAt)));
      if (!row) return null;
      await db.update(apiTokens).set({ lastUsedAt: clock() }).where(eq(apiTokens.id, row.id));
      return principalFor(row.personId);
    },
  };
}
