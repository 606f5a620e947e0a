import { createHash } from 'node:crypto';
import { newToken } from '../../platform/security/tokens.ts';
import { hash, verify } from '@node-rs/argon2';
import { and, eq, sql } from 'drizzle-orm';
import { isRole, type Principal, type RoleGrant, type SignedIn } from '../../kernel/access/index.ts';
import { ok } from '../../kernel/result.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/db.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { systemClock } from '../../platform/clock.ts';
import { matchingTotpStep, normaliseRecoveryCode } from '../../platform/security/totp.ts';
import { noSecretBox, type SecretBox } from '../../platform/security/secret-box.ts';
import { sessions } from './data/access.schema.ts';
import * as signInRepo from './data/sign-in.repository.ts';
import * as principalsRepo from './data/principals.repository.ts';
import type { PersonWithGrants } from './data/principals.repository.ts';
import { organisations } from '../../platform/tenancy/organisations.schema.ts';
import { people } from './data/organisation.schema.ts';
import {
  ACCOUNT_RULE,
  ADDRESS_RULE,
  afterFailure,
  NO_FAILURES,
  secondFactorStepNeeded,
  secondsLocked,
  type ThrottleRule,
} from './domain/index.ts';
import { phraseText } from '../../kernel/phrase.ts';

export const SESSION_HOURS = 8;
// A fixed hash to verify against when the email is unknown, so timing does not reveal accounts.
let dummyHash: string | undefined;

export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');
export { newToken };

/** argon2id with the library's defaults (19 MiB, 2 passes): OWASP's recommended minimum. */
export const hashPassword = (password: string): Promise<string> => hash(password);

export interface SessionInfo {
  principal: Principal;
  csrfToken: string;
  /** An administrator whose council requires a second factor, who has none yet: may only enrol. */
  mustEnrolSecondFactor?: boolean;
}

/** Where a sign-in comes from: the network address throttled, and both kept with the session. */
export interface SignInContext {
  address: string;
  userAgent: string;
  /** A sign-in made inside the process (tests, the CLI), not by someone at the door: not audited. */
  inProcess?: boolean;
}

/**
 * How a person passed the first step of signing in, kept in the audit row of the session it starts,
 * and carried through the second-factor step when there is one.
 */
export type FirstStep = { method: 'password' } | { method: 'single sign-on'; issuer: string };

export type SignInOutcome =
  | { kind: 'signed-in'; token: string; session: SessionInfo }
  /** The first step passed; the person must now give a code from their second factor. */
  | { kind: 'second-factor'; personId: string; firstStep: FirstStep }
  | { kind: 'refused' }
  | { kind: 'throttled'; retryAfterSeconds: number };

const IN_PROCESS: SignInContext = { address: '', userAgent: '', inProcess: true };

/** Throttle keys: the e-mail as typed (hashed), whether or not anyone holds it, and the address. */
export const accountKey = (email: string) => `account:${sha256(email.trim().toLowerCase())}`;
const addressKey = (address: string) => `address:${address}`;
const secondFactorKey = (personId: string) => `second-factor:${personId}`;

export function createAuthService(db: Db, clock: () => Date = systemClock, secrets: SecretBox = noSecretBox) {
  /** The person as a principal; null when they have left (or are otherwise not active). */
  function principalOf(person: PersonWithGrants): Principal | null {
    if (person.status !== 'active') return null;
    const grants: RoleGrant[] = person.grants.flatMap((grant) =>
      isRole(grant.role) ? [{ role: grant.role, unitId: grant.unitId }] : [],
    );
    return {
      kind: 'person',
      personId: person.person_id,
      organisationId: person.organisation_id,
      name: person.name,
      partnerId: person.partner_id,
      grants,
    };
  }

  async function principalFor(personId: string): Promise<Principal | null> {
    const person = await principalsRepo.personWithGrants(db, personId);
    return person ? principalOf(person) : null;
  }

  const isAdministrator = (principal: Principal): principal is SignedIn =>
    principal.kind === 'person' && principal.grants.some((grant) => grant.role === 'administrator');

  /** Whether an administrator must turn on a second factor before doing anything else. */
  const mustEnrolGiven = (principal: Principal, facts: { required: boolean; hasFactor: boolean }) =>
    isAdministrator(principal) && facts.required && !facts.hasFactor;

  /** Whether the person must turn on a second factor before doing anything else. */
  async function mustEnrol(principal: Principal): Promise<boolean> {
    if (!isAdministrator(principal)) return false;
    if (!(await signInRepo.administratorsNeedSecondFactor(db, principal.organisationId))) return false;
    return !(await signInRepo.findSecondFactor(db, principal.personId))?.confirmedAt;
  }

  /** The longest lock among the keys, in seconds (0: none locked). */
  async function lockedFor(keys: string[], now: Date): Promise<number> {
    const states = await signInRepo.readThrottles(db, keys);
    return Math.max(0, ...keys.map((key) => secondsLocked(states.get(key) ?? NO_FAILURES, now)));
  }

  /**
   * Counts one failure against each key (under a row lock, so processes agree) and audits it for
   * each person the e-mail belongs to; returns how long the caller is now locked out.
   */
  async function countFailure(
    keys: { key: string; rule: ThrottleRule }[],
    now: Date,
    audit: { organisationId: string; personId: string; name: string; action: string }[],
  ): Promise<number> {
    const result = await inTransaction(db, async (tx) => {
      const states = await signInRepo.lockThrottles(
        tx,
        keys.map(({ key }) => key),
      );
      let wait = 0;
      let lockedNow = false;
      for (const { key, rule } of keys) {
        const state = states.get(key) ?? NO_FAILURES;
        const already = secondsLocked(state, now);
        // Another process locked it meanwhile: this attempt is refused, not counted.
        if (already > 0) {
          wait = Math.max(wait, already);
          continue;
        }
        const next = afterFailure(state, now, rule);
        await signInRepo.saveThrottle(tx, key, next);
        const seconds = secondsLocked(next, now);
        if (seconds > 0) lockedNow = true;
        wait = Math.max(wait, seconds);
      }
      for (const person of audit) {
        const entry = {
          organisationId: person.organisationId,
          actor: { personId: null, label: phraseText('auditActors.signingIn') },
          entityType: 'person',
          entityId: person.personId,
        };
        await recordAudit(tx, { ...entry, action: person.action });
        if (lockedNow) await recordAudit(tx, { ...entry, action: 'sign-in-locked', newValue: { seconds: wait } });
      }
      return ok(wait);
    });
    return result.ok ? result.value : 0;
  }

  async function startSession(
    personId: string,
    context: SignInContext,
    detail: Record<string, unknown>,
  ): Promise<SignInOutcome> {
    const principal = await principalFor(personId);
    if (!principal || principal.kind !== 'person') return { kind: 'refused' };
    const token = newToken();
    const csrfToken = newToken();
    const now = clock();
    await inTransaction(db, async (tx) => {
      await tx.insert(sessions).values({
        tokenHash: sha256(token),
        organisationId: principal.organisationId,
        personId,
        csrfToken,
        createdAt: now,
        expiresAt: new Date(now.getTime() + SESSION_HOURS * 3600_000),
        userAgent: context.userAgent.slice(0, 300),
        address: context.address.slice(0, 100),
      });
      if (context.inProcess) return ok(null);
      await recordAudit(tx, {
        organisationId: principal.organisationId,
        actor: { personId, label: principal.name },
        entityType: 'person',
        entityId: personId,
        action: 'sign-in',
        newValue: { address: context.address, ...detail },
      });
      return ok(null);
    });
    return {
      kind: 'signed-in',
      token,
      session: { principal, csrfToken, mustEnrolSecondFactor: await mustEnrol(principal) },
    };
  }

  /**
   * A sign-in from the sign-in page. A locked account or address is refused before the password is
   * checked; otherwise every failure counts against both, with the same answer and the same work
   * (one argon2 verification) whether or not anyone holds the e-mail address.
   */
  async function attempt(email: string, password: string, context: SignInContext = IN_PROCESS): Promise<SignInOutcome> {
    const now = clock();
    const keys = [{ key: accountKey(email), rule: ACCOUNT_RULE }];
    if (context.address) keys.push({ key: addressKey(context.address), rule: ADDRESS_RULE });
    const wait = await lockedFor(
      keys.map(({ key }) => key),
      now,
    );
    if (wait > 0) return { kind: 'throttled', retryAfterSeconds: wait };
    const candidates = await db
      .select({
        id: people.id,
        organisationId: people.organisationId,
        name: people.name,
        passwordHash: people.passwordHash,
      })
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
      const audit = (context.inProcess ? [] : candidates).map((c) => ({
        organisationId: c.organisationId,
        personId: c.id,
        name: c.name,
        action: 'sign-in-failed',
      }));
      const locked = await countFailure(keys, now, audit);
      return locked > 0 ? { kind: 'throttled', retryAfterSeconds: locked } : { kind: 'refused' };
    }
    // The account's run of failures ends; the address's does not (one good account must not let an
    // address go on guessing others).
    await signInRepo.forgetThrottle(db, accountKey(email));
    const hasFactor = Boolean((await signInRepo.findSecondFactor(db, matched.id))?.confirmedAt);
    const firstStep: FirstStep = { method: 'password' };
    if (secondFactorStepNeeded('password', hasFactor, await signInRepo.signInRules(db, matched.organisationId))) {
      return { kind: 'second-factor', personId: matched.id, firstStep };
    }
    return startSession(matched.id, context, firstStep);
  }

  /**
   * The second step for a person with a second factor: a code from their app, or a recovery code.
   * The first step (as the 'second-factor' outcome gave it) goes in the session's audit row too.
   */
  async function completeSecondFactor(
    personId: string,
    code: string,
    context: SignInContext = IN_PROCESS,
    firstStep?: FirstStep,
  ): Promise<SignInOutcome> {
    const now = clock();
    const key = secondFactorKey(personId);
    const wait = await lockedFor([key], now);
    if (wait > 0) return { kind: 'throttled', retryAfterSeconds: wait };
    const factor = await signInRepo.findSecondFactor(db, personId);
    if (!factor?.confirmedAt) return { kind: 'refused' };
    const step = matchingTotpStep(secrets.open(factor.secret, personId), code, now, factor.lastUsedStep);
    let used: 'app' | 'recovery code' | null = null;
    if (step !== null && (await signInRepo.useStep(db, personId, step))) used = 'app';
    else if (await signInRepo.spendRecoveryCode(db, personId, sha256(normaliseRecoveryCode(code)), now)) {
      used = 'recovery code';
    }
    if (!used) {
      const [person] = await db.select({ name: people.name }).from(people).where(eq(people.id, personId));
      const audit = [
        { organisationId: factor.organisationId, personId, name: person?.name ?? '', action: 'second-factor-failed' },
      ];
      const locked = await countFailure([{ key, rule: ACCOUNT_RULE }], now, audit);
      return locked > 0 ? { kind: 'throttled', retryAfterSeconds: locked } : { kind: 'refused' };
    }
    await signInRepo.forgetThrottle(db, key);
    return startSession(personId, context, { ...firstStep, secondFactor: used });
  }

  return {
    principalFor,
    attempt,
    completeSecondFactor,

    /**
     * A session for a person someone else has vouched for (the council's single sign-on provider,
     * which checks their password and usually its own second factor): audited like any sign-in,
     * with how. When the council requires it, a person with a second factor here gives a code
     * first (the 'second-factor' outcome, as after a password).
     */
    async startVerifiedSession(personId: string, context: SignInContext, firstStep: FirstStep): Promise<SignInOutcome> {
      const factor = await signInRepo.findSecondFactor(db, personId);
      if (factor?.confirmedAt) {
        const rules = await signInRepo.signInRules(db, factor.organisationId);
        if (secondFactorStepNeeded('single sign-on', true, rules))
          return { kind: 'second-factor', personId, firstStep };
      }
      return startSession(personId, context, firstStep);
    },

    /**
     * Signs in with an e-mail and password (throttled like the page) for the CLI and tests: the
     * new session, or null when refused, throttled, or a second factor is needed.
     */
    async signIn(email: string, password: string): Promise<{ token: string; session: SessionInfo } | null> {
      const outcome = await attempt(email, password);
      return outcome.kind === 'signed-in' ? { token: outcome.token, session: outcome.session } : null;
    },

    /** The session's person, in one round trip (every signed-in request asks this). */
    async sessionFor(token: string): Promise<SessionInfo | null> {
      const row = await principalsRepo.sessionWithPerson(db, sha256(token), clock());
      const principal = row ? principalOf(row) : null;
      if (!row || !principal) return null;
      const facts = { required: row.administrators_need_second_factor, hasFactor: row.has_second_factor };
      return { principal, csrfToken: row.csrf_token, mustEnrolSecondFactor: mustEnrolGiven(principal, facts) };
    },

    async signOut(token: string): Promise<void> {
      await db.delete(sessions).where(eq(sessions.tokenHash, sha256(token)));
    },

    /** The token's owner and what it may do; null for an unknown, revoked or expired token. */
    async principalForApiToken(token: string): Promise<{ principal: Principal; scope: 'read' | 'write' } | null> {
      const row = await principalsRepo.usedApiTokenWithPerson(db, sha256(token), clock());
      const principal = row ? principalOf(row) : null;
      return row && principal ? { principal, scope: row.scope } : null;
    },
  };
}
