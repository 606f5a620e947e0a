import { ok, type Result } from '../../kernel/result.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import { paths } from '../../kernel/paths.ts';
import { actorOf, type Caller } from '../../platform/services/caller.ts';
import { type DomainError, forbidden, notFound, refuse } from '../../platform/services/errors.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import { accessPolicyIn, holdsMoreRights, recordRefusal, roleBeyondCaller } from './access.ts';
import { hashPassword, newToken, sha256 } from './auth.service.ts';
import { passwordProblem } from './domain/index.ts';
import { phrase, phraseText, storePhrase, type Phrase } from '../../kernel/phrase.ts';
import { isCommonPassword } from '../../platform/security/password-deny-list.ts';
import { resetPasswordEmail, setPasswordEmail, type PasswordEmailLink } from './password-emails.ts';
import * as signInRepo from './data/sign-in.repository.ts';
import * as linksRepo from './data/password-links.repository.ts';
import * as peopleRepo from './data/people.repository.ts';
import * as rolesRepo from './data/roles.repository.ts';

/** How long a link to set a password works. */
export const PASSWORD_LINK_HOURS = 72;
/** How long a reset link asked for from the sign-in page works: short, since anyone may ask. */
export const RESET_LINK_MINUTES = 60;
/** A second reset e-mail for the same person is not sent within this time (no mail-bombing). */
const RESET_RESEND_MINUTES = 5;
export const MIN_PASSWORD_LENGTH = 12;

export interface PasswordLinkDeps {
  /** The site's address, for the link (config BASE_URL). */
  baseUrl: string;
  /** Sends the link by e-mail; absent when SMTP is not configured. */
  mailer?: Mailer | undefined;
  /** The shortest password allowed (config PASSWORD_MIN_LENGTH); MIN_PASSWORD_LENGTH when absent. */
  passwordMinLength?: number;
}

export interface PasswordLink {
  personId: string;
  personName: string;
  email: string;
  /** The whole link: shown once, never stored. */
  url: string;
  expiresAt: Date;
  /** Whether it was e-mailed to the person (false: SMTP not configured, or the send failed). */
  emailed: boolean;
}

/** Why a token cannot be used: shown on the set-password page. */
export type LinkProblem = 'unknown' | 'used' | 'replaced' | 'expired' | 'left';

const PROBLEMS: Record<LinkProblem, Phrase> = {
  unknown: phrase('signIn.linkUnknown'),
  used: phrase('signIn.linkUsed'),
  replaced: phrase('signIn.linkReplaced'),
  expired: phrase('signIn.linkExpired'),
  left: phrase('signIn.linkLeft'),
};

/** Why the link cannot be used, for the page to say. */
export const linkProblemPhrase = (problem: LinkProblem): Phrase => PROBLEMS[problem];

/**
 * Single-use links for a person to set their own password: made by someone allowed to change that
 * person ("change only people below you"), used once from a public page. Only a hash is stored.
 */
export function createPasswordLinksService(
  { db, clock }: ServiceDeps,
  { baseUrl, mailer, passwordMinLength = MIN_PASSWORD_LENGTH }: PasswordLinkDeps,
) {
  const policy = { minLength: passwordMinLength, isCommon: isCommonPassword };
  const urlFor = (token: string) => `${baseUrl.replace(/\/$/, '')}${paths.setPassword()}?token=${token}`;

  function problemOf(link: linksRepo.PasswordLinkRow | undefined, now: Date): LinkProblem | null {
    if (!link) return 'unknown';
    if (link.usedAt) return 'used';
    if (link.revokedAt) return 'replaced';
    if (link.expiresAt <= now) return 'expired';
    return null;
  }

  async function send(link: PasswordLink): Promise<boolean> {
    if (!mailer) return false;
    try {
      await mailer(setPasswordEmail({ ...link, name: link.personName }));
      return true;
    } catch {
      return false;
    }
  }

  async function sendReset(link: PasswordEmailLink): Promise<void> {
    if (!mailer) return;
    try {
      await mailer(resetPasswordEmail(link));
    } catch {
      // The page says the same whether or not the e-mail went: nothing to tell the asker.
    }
  }

  return {
    /** The shortest password allowed, for the set-password page's hint. */
    passwordMinLength,

    /** A new link for the person; any older link of theirs stops working. Audited without the token. */
    async create(caller: Caller, personId: string): Promise<Result<PasswordLink>> {
      const token = newToken();
      let recorded: DomainError | null = null;
      const result = await inTransaction(db, async (tx) => {
        const person = await peopleRepo.findPerson(tx, caller.organisationId, personId);
        if (!person) return notFound('person');
        const access = accessPolicyIn(tx);
        if (!(await access.can(caller, 'manage:people', { unitId: person.unitId }))) {
          return forbidden(phraseText('organisationRefusals.linkOutsideYourPart'));
        }
        if (person.status !== 'active') {
          return refuse('invalid_state', phraseText('organisationRefusals.linkForLeaver', { name: person.name }));
        }
        const beyond = await roleBeyondCaller(
          access,
          caller,
          await rolesRepo.activeAssignmentsOfPerson(tx, caller.organisationId, personId),
        );
        if (beyond) {
          const refusal = forbidden(holdsMoreRights(person.name, beyond));
          recorded = refusal.ok ? null : refusal.error;
          return refusal;
        }
        const now = clock();
        const replaced = await linksRepo.revokeOpenLinks(tx, caller.organisationId, personId, now);
        const link = await linksRepo.insertLink(tx, {
          organisationId: caller.organisationId,
          personId,
          purpose: 'set-password',
          tokenHash: sha256(token),
          createdAt: now,
          createdBy: caller.personId,
          expiresAt: new Date(now.getTime() + PASSWORD_LINK_HOURS * 3600_000),
        });
        await recordAudit(tx, {
          organisationId: caller.organisationId,
          actor: actorOf(caller),
          entityType: 'person',
          entityId: personId,
          action: 'password-link',
          newValue: { linkId: link.id, purpose: link.purpose, expiresAt: link.expiresAt.toISOString(), replaced },
        });
        return ok({
          personId,
          personName: person.name,
          email: person.email,
          url: urlFor(token),
          expiresAt: link.expiresAt,
          emailed: false,
        });
      });
      if (!result.ok) {
        if (recorded && result.error === recorded) {
          await recordRefusal(db, caller, personId, 'password-link', result.error.message);
        }
        return result;
      }
      return ok({ ...result.value, emailed: await send(result.value) });
    },

    /**
     * A reset link for whoever holds the e-mail address, asked for from the sign-in page. Says
     * nothing about whether anyone does: the page answers the same either way. Audited (without
     * the token) in the person's council; at most one e-mail per person every few minutes.
     */
    async requestReset(email: string): Promise<void> {
      const now = clock();
      const holders = (await linksRepo.activePeopleWithEmail(db, email)).filter((person) => person.hasPassword);
      for (const person of holders) {
        const recent = await linksRepo.latestLinkOf(db, person.organisationId, person.id, 'reset');
        if (recent && now.getTime() - recent.createdAt.getTime() < RESET_RESEND_MINUTES * 60_000) continue;
        const token = newToken();
        const expiresAt = new Date(now.getTime() + RESET_LINK_MINUTES * 60_000);
        await inTransaction(db, async (tx) => {
          const replaced = await linksRepo.revokeOpenLinks(tx, person.organisationId, person.id, now);
          const link = await linksRepo.insertLink(tx, {
            organisationId: person.organisationId,
            personId: person.id,
            purpose: 'reset',
            tokenHash: sha256(token),
            createdAt: now,
            createdBy: null,
            expiresAt,
          });
          await recordAudit(tx, {
            organisationId: person.organisationId,
            actor: { personId: null, label: phraseText('auditActors.signInPage') },
            entityType: 'person',
            entityId: person.id,
            action: 'password-reset-asked',
            newValue: { linkId: link.id, expiresAt: expiresAt.toISOString(), replaced },
          });
          return ok(null);
        });
        await sendReset({ name: person.name, email: person.email, url: urlFor(token), expiresAt });
      }
    },

    /** Whether a token can still be used (the page asks before showing the form). */
    async check(token: string): Promise<LinkProblem | null> {
      return problemOf(await linksRepo.findLinkByHash(db, sha256(token)), clock());
    },

    /**
     * Sets the person's password from a link: the link is spent, every session of theirs ended,
     * and the change audited, all in one transaction. A bad link writes nothing.
     */
    async use(token: string, password: string): Promise<Result<{ personId: string }, DomainError>> {
      const problem = passwordProblem(password, policy);
      if (problem) return refuse('invalid', storePhrase(problem), 'password');
      const passwordHash = await hashPassword(password);
      const tokenHash = sha256(token);
      return inTransaction(db, async (tx) => {
        const now = clock();
        const link = await linksRepo.spendLink(tx, tokenHash, now);
        if (!link) {
          const problem = problemOf(await linksRepo.findLinkByHash(tx, tokenHash), now) ?? 'used';
          return refuse(problem === 'unknown' ? 'not_found' : 'invalid_state', storePhrase(PROBLEMS[problem]));
        }
        if (!(await linksRepo.setPasswordHash(tx, link.organisationId, link.personId, passwordHash))) {
          return refuse('invalid_state', storePhrase(PROBLEMS.left));
        }
        // Whoever knew the old password may have signed in or made tokens with it: all of it ends.
        const sessionsEnded = await linksRepo.endSessionsOf(tx, link.organisationId, link.personId);
        const tokensRevoked = await signInRepo.revokeTokensOf(tx, link.organisationId, link.personId, now);
        const person = await peopleRepo.findPerson(tx, link.organisationId, link.personId);
        await recordAudit(tx, {
          organisationId: link.organisationId,
          actor: { personId: link.personId, label: person?.name ?? 'The person' },
          entityType: 'person',
          entityId: link.personId,
          action: link.purpose === 'reset' ? 'reset-password' : 'set-password',
          newValue: { linkId: link.id, sessionsEnded, tokensRevoked },
        });
        return ok({ personId: link.personId });
      });
    },
  };
}
