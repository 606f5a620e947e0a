import { ok, type Result } from '../../kernel/result.ts';
import { phraseText } from '../../kernel/phrase.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { actorOf, type Caller } from '../../platform/services/caller.ts';
import { refuse } from '../../platform/services/errors.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import { sha256 } from './auth.service.ts';
import * as signInRepo from './data/sign-in.repository.ts';

export interface SessionListed {
  id: string;
  createdAt: Date;
  expiresAt: Date;
  userAgent: string;
  address: string;
  /** The session this page was asked for from. */
  current: boolean;
}

/** "Your sessions": where a person is signed in, and ending any of them. Audited. */
export function createSessionsService({ db, clock }: ServiceDeps) {
  return {
    async list(caller: Caller, currentToken: string | undefined): Promise<SessionListed[]> {
      const currentHash = currentToken ? sha256(currentToken) : null;
      const rows = await signInRepo.listSessionsOf(db, caller.organisationId, caller.personId, clock());
      return rows.map(({ tokenHash, ...row }) => ({ ...row, current: tokenHash === currentHash }));
    },

    async end(caller: Caller, id: string): Promise<Result<null>> {
      return inTransaction(db, async (tx) => {
        if (!(await signInRepo.endSession(tx, caller.organisationId, caller.personId, id))) {
          return refuse('not_found', phraseText('signIn.sessionNotFound'));
        }
        await recordAudit(tx, {
          organisationId: caller.organisationId,
          actor: actorOf(caller),
          entityType: 'person',
          entityId: caller.personId,
          action: 'session-ended',
          newValue: { sessionId: id },
        });
        return ok(null);
      });
    },

    /** Signs out everywhere else: every session but this one ends. */
    async endOthers(caller: Caller, currentToken: string): Promise<Result<{ ended: number }>> {
      return inTransaction(db, async (tx) => {
        const ended = await signInRepo.endOtherSessions(
          tx,
          caller.organisationId,
          caller.personId,
          sha256(currentToken),
        );
        await recordAudit(tx, {
          organisationId: caller.organisationId,
          actor: actorOf(caller),
          entityType: 'person',
          entityId: caller.personId,
          action: 'sessions-ended',
          newValue: { ended },
        });
        return ok({ ended });
      });
    },
  };
}
