import { ok, type Result } from '../../kernel/result.ts';
import { phraseText } from '../../kernel/phrase.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { actorOf, type Caller } from '../../platform/services/caller.ts';
import { forbidden, refuse } from '../../platform/services/errors.ts';
import type { Db } from '../../platform/db/db.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import {
  matchingTotpStep,
  newRecoveryCodes,
  newTotpSecret,
  normaliseRecoveryCode,
  otpauthUri,
} from '../../platform/security/totp.ts';
import type { SecretBox } from '../../platform/security/secret-box.ts';
import { mayForWholeOrganisation } from './access.ts';
import { sha256 } from './auth.service.ts';
import * as signInRepo from './data/sign-in.repository.ts';

export interface SecondFactorStatus {
  on: boolean;
  /** While turning it on: the secret to type into the app, and the otpauth:// address. */
  pending: { secret: string; uri: string } | null;
  recoveryCodesLeft: number;
  /** The council requires it of administrators, and the caller is one. */
  required: boolean;
}

const ISSUER = 'Golden Thread';

const pendingSecret = (secret: string, name: string) => ({ secret, uri: otpauthUri(secret, ISSUER, name) });

const hashCodes = (codes: string[]) => codes.map((code) => sha256(normaliseRecoveryCode(code)));

/**
 * A person's own TOTP second factor: turned on by typing a code from the app (which proves the
 * secret reached it), with ten single-use recovery codes shown once; turned off with a code. Each
 * change is audited. The council may require it of administrators (`setAdministratorsRequired`).
 */
export function createSecondFactorService({ db, clock, secrets }: ServiceDeps & { secrets: SecretBox }) {
  const isAdministrator = (caller: Caller) => caller.grants.some((grant) => grant.role === 'administrator');

  async function required(caller: Caller): Promise<boolean> {
    return isAdministrator(caller) && (await signInRepo.administratorsNeedSecondFactor(db, caller.organisationId));
  }

  function audit(caller: Caller, action: string, newValue?: unknown) {
    return {
      organisationId: caller.organisationId,
      actor: actorOf(caller),
      entityType: 'person',
      entityId: caller.personId,
      action,
      newValue,
    };
  }

  return {
    async status(caller: Caller): Promise<SecondFactorStatus> {
      const factor = await signInRepo.findSecondFactor(db, caller.personId);
      const on = Boolean(factor?.confirmedAt);
      return {
        on,
        pending: factor && !on ? pendingSecret(secrets.open(factor.secret, caller.personId), caller.name) : null,
        recoveryCodesLeft: on ? await signInRepo.unusedRecoveryCodes(db, caller.personId) : 0,
        required: await required(caller),
      };
    },

    /** A new secret to put in the app (replacing one not yet confirmed); not yet in force. */
    async start(caller: Caller): Promise<Result<null>> {
      const factor = await signInRepo.findSecondFactor(db, caller.personId);
      if (factor?.confirmedAt) return refuse('invalid_state', phraseText('signIn.secondFactorAlreadyOn'));
      await signInRepo.startSecondFactor(db, {
        organisationId: caller.organisationId,
        personId: caller.personId,
        secret: secrets.seal(newTotpSecret(), caller.personId),
        createdAt: clock(),
      });
      return ok(null);
    },

    /** Turns it on with a code from the app; returns the recovery codes, shown this once. */
    async confirm(caller: Caller, code: string): Promise<Result<{ recoveryCodes: string[] }>> {
      const now = clock();
      return inTransaction(db, async (tx) => {
        const factor = await signInRepo.findSecondFactor(tx, caller.personId);
        if (!factor || factor.organisationId !== caller.organisationId) {
          return refuse('invalid_state', phraseText('signIn.secondFactorNotOn'));
        }
        if (factor.confirmedAt) return refuse('invalid_state', phraseText('signIn.secondFactorAlreadyOn'));
        const step = matchingTotpStep(secrets.open(factor.secret, caller.personId), code, now, factor.lastUsedStep);
        if (step === null || !(await signInRepo.useStep(tx, caller.personId, step, now))) {
          return refuse('invalid', phraseText('signIn.enrolCodeWrong'), 'code');
        }
        const recoveryCodes = newRecoveryCodes();
        await signInRepo.replaceRecoveryCodes(tx, caller.organisationId, caller.personId, hashCodes(recoveryCodes));
        await recordAudit(tx, audit(caller, 'second-factor-on', { recoveryCodes: recoveryCodes.length }));
        return ok({ recoveryCodes });
      });
    },

    /** New recovery codes, the old ones no longer working. */
    async renewRecoveryCodes(caller: Caller): Promise<Result<{ recoveryCodes: string[] }>> {
      return inTransaction(db, async (tx) => {
        const factor = await signInRepo.findSecondFactor(tx, caller.personId);
        if (!factor?.confirmedAt) return refuse('invalid_state', phraseText('signIn.secondFactorNotOn'));
        const recoveryCodes = newRecoveryCodes();
        await signInRepo.replaceRecoveryCodes(tx, caller.organisationId, caller.personId, hashCodes(recoveryCodes));
        await recordAudit(tx, audit(caller, 'recovery-codes-renewed', { recoveryCodes: recoveryCodes.length }));
        return ok({ recoveryCodes });
      });
    },

    /** Turns it off, given a code from the app or a recovery code; not for a required administrator. */
    async turnOff(caller: Caller, code: string): Promise<Result<null>> {
      const now = clock();
      if (await required(caller)) return forbidden(phraseText('signIn.secondFactorRequired'));
      return inTransaction(db, async (tx) => {
        const factor = await signInRepo.findSecondFactor(tx, caller.personId);
        if (!factor?.confirmedAt) return refuse('invalid_state', phraseText('signIn.secondFactorNotOn'));
        const step = matchingTotpStep(secrets.open(factor.secret, caller.personId), code, now, factor.lastUsedStep);
        const proven =
          (step !== null && (await signInRepo.useStep(tx, caller.personId, step))) ||
          (await signInRepo.spendRecoveryCode(tx, caller.personId, sha256(normaliseRecoveryCode(code)), now));
        if (!proven) return refuse('invalid', phraseText('signIn.wrongCode'), 'code');
        await signInRepo.removeSecondFactor(tx, caller.organisationId, caller.personId);
        await recordAudit(tx, audit(caller, 'second-factor-off'));
        return ok(null);
      });
    },

    signInRules(organisationId: string): Promise<signInRepo.SignInRules> {
      return signInRepo.signInRules(db, organisationId);
    },

    /**
     * The council's rules: administrators must sign in with a second factor, and people with one
     * give a code after single sign-on too. The change is audited, old and new.
     */
    async setSignInRules(caller: Caller, rules: signInRepo.SignInRules): Promise<Result<null>> {
      return inTransaction(db, async (tx) => {
        if (!(await mayForWholeOrganisation(tx, caller, 'manage:roles'))) {
          return forbidden(phraseText('signIn.onlyAdministratorsSetRules'));
        }
        const before = await signInRepo.signInRules(tx, caller.organisationId);
        await signInRepo.saveSignInRules(tx, caller.organisationId, rules);
        await recordAudit(tx, {
          organisationId: caller.organisationId,
          actor: actorOf(caller),
          entityType: 'sign-in-settings',
          entityId: caller.organisationId,
          action: 'update',
          oldValue: { ...before },
          newValue: { ...rules },
        });
        return ok(null);
      });
    },
  };
}

/**
 * Seals secrets stored in the clear by earlier versions, at start (idempotent, one transaction).
 * The key lives in configuration, not the database, so an SQL migration cannot do this. Not
 * audited: the person's factor is unchanged, only how it is stored.
 */
export async function sealPlainSecondFactorSecrets(db: Db, secrets: SecretBox): Promise<number> {
  return db.transaction(async (tx) => {
    const plain = await signInRepo.plainSecondFactorSecrets(tx);
    for (const row of plain) {
      await signInRepo.replaceSecondFactorSecret(tx, row.personId, row.secret, secrets.seal(row.secret, row.personId));
    }
    return plain.length;
  });
}
