import { ok, type Result } from '../../kernel/result.ts';
import { phraseText } from '../../kernel/phrase.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { actorOf, type Caller } from '../../platform/services/caller.ts';
import { forbidden, refuse } from '../../platform/services/errors.ts';
import { listUnits, mayForWholeOrganisation } from '../organisation/index.ts';
import * as repo from './data/single-sign-on.repository.ts';
import type { MappingInput, ProviderInput } from './domain/settings.ts';
import type { ProviderClients } from './provider-client.ts';
import type { SingleSignOnDeps } from './deps.ts';

/** What the settings page shows: never the client secret, only whether one is stored. */
export interface ProviderView {
  id: string;
  displayName: string;
  issuer: string;
  clientId: string;
  claim: string;
  hasSecret: boolean;
}

/** The administrator's side: the council's provider and which claim values give which roles. Audited. */
export function createSingleSignOnSettingsService(deps: SingleSignOnDeps, clients: ProviderClients) {
  const { db, clock, box } = deps;
  const mayManage = (tx: typeof db, caller: Caller) => mayForWholeOrganisation(tx, caller, 'manage:roles');
  const notAllowed = () => forbidden(phraseText('singleSignOn.onlyAdministrators'));
  const audit = (
    caller: Caller,
    entityId: string,
    action: string,
    values: { oldValue?: unknown; newValue?: unknown },
  ) => ({
    organisationId: caller.organisationId,
    actor: actorOf(caller),
    entityType: 'single-sign-on',
    entityId,
    action,
    ...values,
  });

  return {
    async provider(caller: Caller): Promise<ProviderView | null> {
      const row = await repo.findProvider(db, caller.organisationId);
      if (!row) return null;
      const { id, displayName, issuer, clientId, claim } = row;
      return { id, displayName, issuer, clientId, claim, hasSecret: row.sealedClientSecret !== '' };
    },

    mappings: (caller: Caller) => repo.listMappings(db, caller.organisationId),

    /** The council's units, for a mapping's "over which unit" choice. */
    units: async (caller: Caller) =>
      (await listUnits(db, caller.organisationId)).map((unit) => ({ id: unit.id, name: unit.name })),

    /**
     * Saves the provider after asking it for its OpenID configuration, so a mistyped issuer is
     * named now rather than at someone's first sign-in.
     */
    async saveProvider(caller: Caller, input: ProviderInput): Promise<Result<null>> {
      if (!(await mayManage(db, caller))) return notAllowed();
      const before = await repo.findProvider(db, caller.organisationId);
      const sealed = input.clientSecret ? box.seal(input.clientSecret) : before?.sealedClientSecret;
      if (!sealed) return refuse('invalid', phraseText('singleSignOn.clientSecretMissing'), 'clientSecret');
      try {
        await clients.configurationFor({
          issuer: input.issuer,
          clientId: input.clientId,
          clientSecret: box.open(sealed),
        });
      } catch {
        return refuse('invalid', phraseText('singleSignOn.discoveryFailed', { issuer: input.issuer }), 'issuer');
      }
      return inTransaction(db, async (tx) => {
        const row = await repo.saveProvider(tx, {
          organisationId: caller.organisationId,
          displayName: input.displayName,
          issuer: input.issuer,
          clientId: input.clientId,
          sealedClientSecret: sealed,
          claim: input.claim,
          updatedAt: clock(),
        });
        const shown = (value: typeof before) =>
          value && {
            displayName: value.displayName,
            issuer: value.issuer,
            clientId: value.clientId,
            claim: value.claim,
          };
        await recordAudit(
          tx,
          audit(caller, row.id, before ? 'provider-updated' : 'provider-added', {
            oldValue: shown(before),
            // The secret is never written to the audit trail: only that it changed.
            newValue: { ...shown(row), clientSecretChanged: Boolean(input.clientSecret) },
          }),
        );
        return ok(null);
      });
    },

    async addMapping(caller: Caller, input: MappingInput): Promise<Result<null>> {
      return inTransaction(db, async (tx) => {
        if (!(await mayManage(tx, caller))) return notAllowed();
        const provider = await repo.findProvider(tx, caller.organisationId);
        if (!provider) return refuse('invalid_state', phraseText('singleSignOn.providerFirst'));
        // Another council's unit is refused as if it did not exist.
        if (input.unitId && !(await repo.unitBelongs(tx, caller.organisationId, input.unitId))) {
          return refuse('invalid', phraseText('singleSignOn.unitUnknown'), 'unitId');
        }
        const id = await repo.insertMapping(tx, { organisationId: caller.organisationId, ...input });
        await recordAudit(tx, audit(caller, id, 'mapping-added', { newValue: input }));
        return ok(null);
      });
    },

    async removeMapping(caller: Caller, id: string): Promise<Result<null>> {
      return inTransaction(db, async (tx) => {
        if (!(await mayManage(tx, caller))) return notAllowed();
        const removed = await repo.deleteMapping(tx, caller.organisationId, id);
        if (!removed) return refuse('not_found', phraseText('singleSignOn.mappingNotFound'));
        const { claimValue, role, unitId } = removed;
        await recordAudit(tx, audit(caller, id, 'mapping-removed', { oldValue: { claimValue, role, unitId } }));
        return ok(null);
      });
    },
  };
}
