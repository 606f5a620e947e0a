import type { ApiTokenInput } from './domain/index.ts';
import { phraseText } from '../../kernel/phrase.ts';
import { ok, type Result } from '../../kernel/result.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import * as tokensRepo from './data/api-tokens.repository.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { newToken, sha256 } from './auth.service.ts';
import { actorOf, type Caller } from '../../platform/services/caller.ts';
import { notFound, refuse } from '../../platform/services/errors.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';

export type ApiToken = tokensRepo.ApiTokenSummary;

const alreadyRevoked = (name: string) => refuse('invalid_state', phraseText('signIn.tokenAlreadyRevoked', { name }));

/**
 * A person's own API tokens, each read-only or read-write and expiring within a year. Only the hash
 * is stored: the token is shown once, when created. Only a signed-in person reaches these (the
 * routes are `sessionOnly`): a token cannot make or revoke tokens.
 */
export function createApiTokensService({ db, clock }: ServiceDeps) {
  return {
    async list(caller: Caller): Promise<(ApiToken & { expired: boolean })[]> {
      const now = clock();
      const tokens = await tokensRepo.listTokensOfPerson(db, caller.organisationId, caller.personId);
      return tokens.map((token) => ({ ...token, expired: token.expiresAt !== null && token.expiresAt <= now }));
    },

    async create(caller: Caller, input: ApiTokenInput): Promise<Result<{ token: string; apiToken: ApiToken }>> {
      const token = newToken();
      const now = clock();
      return inTransaction(db, async (tx) => {
        const apiToken = await tokensRepo.insertToken(tx, {
          organisationId: caller.organisationId,
          personId: caller.personId,
          name: input.name,
          scope: input.scope,
          tokenHash: sha256(token),
          createdAt: now,
          expiresAt: new Date(now.getTime() + input.days * 24 * 3600_000),
        });
        await recordAudit(tx, {
          organisationId: caller.organisationId,
          actor: actorOf(caller),
          entityType: 'api-token',
          entityId: apiToken.id,
          action: 'create',
          newValue: {
            name: input.name,
            personId: caller.personId,
            scope: input.scope,
            expiresAt: apiToken.expiresAt?.toISOString() ?? null,
          },
        });
        return ok({ token, apiToken });
      });
    },

    async revoke(caller: Caller, id: string): Promise<Result<ApiToken>> {
      return inTransaction(db, async (tx) => {
        const existing = await tokensRepo.findTokenOfPerson(tx, caller.organisationId, caller.personId, id);
        if (!existing) return notFound('apiToken');
        if (existing.revokedAt) return alreadyRevoked(existing.name);
        const revoked = await tokensRepo.revokeToken(tx, caller.organisationId, caller.personId, id, clock());
        if (!revoked) return alreadyRevoked(existing.name);
        await recordAudit(tx, {
          organisationId: caller.organisationId,
          actor: actorOf(caller),
          entityType: 'api-token',
          entityId: id,
          action: 'revoke',
          oldValue: { revokedAt: null },
          newValue: { revokedAt: revoked.revokedAt?.toISOString() ?? null },
        });
        return ok(revoked);
      });
    },
  };
}
