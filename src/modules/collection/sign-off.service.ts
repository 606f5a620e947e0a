/** The sign-off chain a council chooses for its values, changed by an administrator and audited. */
import { z } from 'zod';
import { allowsAt } from '../../kernel/access/index.ts';
import { ok, type Result } from '../../kernel/result.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { actorOf, type Caller } from '../../platform/services/caller.ts';
import { forbidden } from '../../platform/services/errors.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import { fill, words } from '../../platform/words/index.ts';
import * as collectionRepo from './data/collection.repository.ts';
import { SIGN_OFF_CHAINS, type SignOffChain } from './domain/workflow.ts';

export const signOffChainInput = z.object({
  chain: z.enum(SIGN_OFF_CHAINS, { message: words.signOff.chooseChain }),
});

export const CHAIN_LABELS: Record<SignOffChain, { text: string; hint: string }> = {
  'verify-then-approve': {
    text: words.signOff.chainVerifyThenApprove,
    hint: words.signOff.chainVerifyThenApproveHint,
  },
  'approve-directly': { text: words.signOff.chainApproveDirectly, hint: words.signOff.chainApproveDirectlyHint },
};

// The chain decides how many people see a figure before it is published: administrators only.
const canManage = (caller: Caller) => allowsAt(caller, 'manage:roles', []);

export function createSignOffService({ db }: Pick<ServiceDeps, 'db'>) {
  return {
    canManage,

    async chain(caller: Caller): Promise<SignOffChain> {
      return collectionRepo.signOffChainFor(db, caller.organisationId);
    },

    async setChain(caller: Caller, chain: SignOffChain): Promise<Result<SignOffChain>> {
      if (!canManage(caller)) return forbidden('Only an administrator can change how values are signed off');
      return inTransaction(db, async (tx) => {
        const old = await collectionRepo.signOffChainFor(tx, caller.organisationId);
        if (old === chain) return ok(chain);
        await collectionRepo.setSignOffChain(tx, caller.organisationId, chain, caller.personId);
        await recordAudit(tx, {
          organisationId: caller.organisationId,
          actor: actorOf(caller),
          entityType: 'sign-off-chain',
          entityId: caller.organisationId,
          action: 'update',
          oldValue: { chain: old },
          newValue: { chain },
          reason: fill(words.signOff.chainChanged, { chain: CHAIN_LABELS[chain].text }),
        });
        return ok(chain);
      });
    },
  };
}
