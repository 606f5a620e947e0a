import { paths } from '../../kernel/paths.ts';
import { phrase, phraseText, type Phrase } from '../../kernel/phrase.ts';
import { ok } from '../../kernel/result.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import type { Db } from '../../platform/db/db.ts';
import { rolesRepository, type FirstStep, type SessionInfo, type SignInContext } from '../organisation/index.ts';
import * as repo from './data/single-sign-on.repository.ts';
import { claimValues, grantChanges, grantsFor, profileFrom, type Grant } from './domain/mapping.ts';
import type { ProviderClients, ProviderSettings } from './provider-client.ts';
import type { SingleSignOnDeps } from './deps.ts';

/** What travels with the person to the provider and back, in a signed cookie. */
export interface PendingSignIn {
  providerId: string;
  state: string;
  nonce: string;
  codeVerifier: string;
}

export type SingleSignOnOutcome =
  | { kind: 'signed-in'; token: string; session: SessionInfo }
  // The council asks people with a second factor for a code after single sign-on too.
  | { kind: 'second-factor'; personId: string; firstStep: FirstStep }
  | { kind: 'refused'; reason: Phrase };

const SYSTEM = { personId: null, label: phraseText('auditActors.singleSignOn') };

/**
 * The person's side: to the council's provider and back. A valid ID token makes or updates the
 * person (a just-in-time account in the provider's council), sets their roles to exactly what the
 * mappings give for their claim values, and starts a session; a token whose values map to no role
 * is refused, and any roles the person held through the provider end. Every outcome is audited.
 */
export function createSingleSignOnService(deps: SingleSignOnDeps, clients: ProviderClients) {
  const { db, clock, box, auth, baseUrl } = deps;
  const redirectUri = `${baseUrl}${paths.singleSignOnCallback()}`;
  const settingsOf = (row: repo.ProviderRow): ProviderSettings => ({
    issuer: row.issuer,
    clientId: row.clientId,
    clientSecret: box.open(row.sealedClientSecret),
  });
  const refused = (code: string, params?: Record<string, string>): SingleSignOnOutcome => ({
    kind: 'refused',
    reason: phrase(`singleSignOn.${code}`, params),
  });

  async function auditRefusal(provider: repo.ProviderRow, subject: string, reason: string) {
    await inTransaction(db, async (tx) => {
      await recordAudit(tx, {
        organisationId: provider.organisationId,
        actor: SYSTEM,
        entityType: 'single-sign-on',
        entityId: provider.id,
        action: 'sign-in-refused',
        newValue: { subject, reason },
      });
      return ok(null);
    });
  }

  /** Sets the person's roles to exactly the wanted ones, each change audited. */
  async function syncGrants(tx: Db, organisationId: string, personId: string, wanted: Grant[], at: Date) {
    const current = await rolesRepository.activeAssignmentsOfPerson(tx, organisationId, personId);
    const { end, begin } = grantChanges(current, wanted);
    const entry = (action: string, value: Grant) => ({
      organisationId,
      actor: SYSTEM,
      entityType: 'person',
      entityId: personId,
      action,
      newValue: { role: value.role, unitId: value.unitId, from: 'single sign-on' },
    });
    for (const grant of end) {
      await rolesRepository.endAssignment(tx, organisationId, grant.id, at);
      await recordAudit(tx, entry('end', grant));
    }
    for (const grant of begin) {
      await rolesRepository.insertAssignment(tx, { organisationId, personId, ...grant, grantedAt: at });
      await recordAudit(tx, entry('grant', grant));
    }
  }

  return {
    /** Every council's provider, for the buttons on the sign-in page. */
    providers: () => repo.listProvidersForSignIn(db),

    /** Where to send the person; null when there is no such provider. */
    async begin(providerId: string): Promise<{ url: string; pending: PendingSignIn } | null> {
      const provider = await repo.findProviderById(db, providerId);
      if (!provider) return null;
      const { url, checks } = await clients.authorizationUrl(settingsOf(provider), redirectUri);
      return { url, pending: { providerId, ...checks } };
    },

    async complete(pending: PendingSignIn, callbackUrl: URL, context: SignInContext): Promise<SingleSignOnOutcome> {
      const provider = await repo.findProviderById(db, pending.providerId);
      if (!provider) return refused('failed');
      const providerError = callbackUrl.searchParams.get('error');
      if (providerError) {
        await auditRefusal(provider, '', `provider: ${providerError.slice(0, 100)}`);
        return refused('providerSaidNo', { provider: provider.displayName });
      }
      let claims: Record<string, unknown>;
      let issuer: string;
      try {
        ({ claims, issuer } = await clients.claimsFrom(settingsOf(provider), callbackUrl, pending));
      } catch (error) {
        // A changed state, a replayed code, a bad signature or nonce: nothing is believed.
        await auditRefusal(provider, '', `not checked: ${(error as Error).message.slice(0, 200)}`);
        return refused('notChecked');
      }
      const subject = String(claims.sub);
      const profile = profileFrom(claims);
      if (!profile) {
        await auditRefusal(provider, subject, 'no e-mail address');
        return refused('noEmail', { provider: provider.displayName });
      }
      const organisationId = provider.organisationId;
      const wanted = grantsFor(claimValues(claims, provider.claim), await repo.listMappings(db, organisationId));
      const now = clock();

      type Settled = { refusal: string | null; personId: string | null };
      const outcome = await inTransaction<Settled>(db, async (tx) => {
        // Two first sign-ins of one new person at once (two tabs, a retried callback) would both
        // find no identity and both make an account: the second now waits, then finds the first's.
        await repo.takeTurnsForSubject(tx, organisationId, issuer, subject);
        const identity = await repo.findIdentity(tx, organisationId, issuer, subject);
        if (identity && identity.status !== 'active')
          return ok({ refusal: 'accountClosed', personId: identity.personId });
        if (wanted.length === 0) {
          // Left every mapped group: roles held through the provider end, and no session starts.
          if (identity) await syncGrants(tx, organisationId, identity.personId, [], now);
          return ok({ refusal: 'noRole', personId: identity?.personId ?? null });
        }
        let personId = identity?.personId;
        if (personId) {
          await repo.updatePerson(tx, organisationId, personId, profile);
          await repo.touchIdentity(tx, organisationId, personId, now);
        } else {
          // An account with the same address is not taken over by a provider's say-so.
          const holder = await repo.personWithEmail(tx, organisationId, profile.email);
          if (holder) return ok({ refusal: holder.hasPassword ? 'emailTaken' : 'emailInUse', personId: null });
          const made = await repo.insertPerson(tx, {
            organisationId,
            ...profile,
            unitId: await repo.rootUnitOf(tx, organisationId),
          });
          // Taken meanwhile by an account made at the same moment (another subject with this address).
          if (!made) return ok({ refusal: 'emailInUse', personId: null });
          personId = made;
          await repo.insertIdentity(tx, { organisationId, issuer, subject, personId, lastSignedInAt: now });
          await recordAudit(tx, {
            organisationId,
            actor: SYSTEM,
            entityType: 'person',
            entityId: personId,
            action: 'create',
            newValue: { ...profile, issuer, subject, from: 'single sign-on' },
          });
        }
        await syncGrants(tx, organisationId, personId, wanted, now);
        return ok({ refusal: null, personId });
      });
      if (!outcome.ok) return refused('failed');
      const { refusal, personId } = outcome.value;
      if (refusal || !personId) {
        await auditRefusal(provider, subject, refusal ?? 'no person');
        return refused(refusal ?? 'failed', { provider: provider.displayName, email: profile.email });
      }
      const started = await auth.startVerifiedSession(personId, context, { method: 'single sign-on', issuer });
      if (started.kind === 'second-factor') return started;
      return started.kind === 'signed-in'
        ? { kind: 'signed-in', token: started.token, session: started.session }
        : refused('failed');
    },

    /** Where to send a person who signs out, to end their session at the provider too; null: nowhere. */
    async signOutUrl(organisationId: string, personId: string): Promise<string | null> {
      if (!(await repo.identityOf(db, organisationId, personId))) return null;
      const provider = await repo.findProvider(db, organisationId);
      if (!provider) return null;
      try {
        return await clients.endSessionUrl(settingsOf(provider), `${baseUrl}${paths.home()}`);
      } catch {
        // The provider cannot be reached: the local session has ended, which is what matters here.
        return null;
      }
    },
  };
}
