/**
 * How the council signs values off — the chain, and who may take the verify and approve steps —
 * changed by an administrator and audited.
 */
import { z } from 'zod';
import { isRole, rolePhrase } from '../../kernel/access/index.ts';
import { holdsOverOrganisation } from '../../platform/access/policy.ts';
import { phrase, phraseText, type Phrase } from '../../kernel/phrase.ts';
import { ok, type Result } from '../../kernel/result.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { actorOf, type Caller } from '../../platform/services/caller.ts';
import { forbidden, refuse } from '../../platform/services/errors.ts';
import type { ServiceDeps } from '../../platform/services/service-deps.ts';
import { fill, words, say } from '../../platform/words/index.ts';
import * as signOffRepo from './data/sign-off.repository.ts';
import { SIGN_OFF_CHAINS, type SignOffChain } from './domain/workflow.ts';
import {
  checkWhoRule,
  rolesFor,
  SIGN_OFF_STEPS,
  WHO_KINDS,
  type SignOffStep,
  type WhoProblem,
  type WhoRule,
} from './domain/sign-off-who.ts';
import { whoPhrase } from './sign-off-steps.ts';

const doesStep = (step: SignOffStep) => (step === 'verify' ? words.signOffQueue.verifies : words.signOffQueue.approves);

const whoChoice = (step: SignOffStep) =>
  z.object({
    who: z.enum(WHO_KINDS, { message: fill(words.signOffQueue.problemSelectWho, { doesStep: doesStep(step) }) }),
    role: z.string().nullish(),
    bodyId: z.string().nullish(),
  });

/** The settings as the API sends them: a step left out keeps its rule. */
export const signOffSettingsInput = z.object({
  chain: z.enum(SIGN_OFF_CHAINS, { message: words.signOff.chooseChain }),
  verify: whoChoice('verify').optional(),
  approve: whoChoice('approve').optional(),
});
export type SignOffSettingsInput = z.infer<typeof signOffSettingsInput>;

const blank = (value: unknown) => (value === '' ? undefined : value);

/** The settings as the page's form sends them (flat fields), turned into the API's shape. */
export const signOffSettingsForm = z
  .object({
    chain: z.enum(SIGN_OFF_CHAINS, { message: words.signOff.chooseChain }),
    verifyWho: z.preprocess(blank, whoChoice('verify').shape.who.optional()),
    verifyRole: z.string().optional(),
    verifyBodyId: z.string().optional(),
    approveWho: z.preprocess(blank, whoChoice('approve').shape.who.optional()),
    approveRole: z.string().optional(),
    approveBodyId: z.string().optional(),
  })
  .transform((form): SignOffSettingsInput => ({
    chain: form.chain,
    verify: form.verifyWho && { who: form.verifyWho, role: form.verifyRole, bodyId: form.verifyBodyId },
    approve: form.approveWho && { who: form.approveWho, role: form.approveRole, bodyId: form.approveBodyId },
  }));

export const CHAIN_LABELS: Record<SignOffChain, { text: string; hint: string }> = {
  'verify-then-approve': {
    text: words.signOff.chainVerifyThenApprove,
    hint: words.signOff.chainVerifyThenApproveHint,
  },
  'approve-directly': { text: words.signOff.chainApproveDirectly, hint: words.signOff.chainApproveDirectlyHint },
};

/** The chains' names as phrases, for the reason the audit trail keeps (said where it is read). */
const CHAIN_NAMES: Record<SignOffChain, string> = {
  'verify-then-approve': 'signOff.chainVerifyThenApprove',
  'approve-directly': 'signOff.chainApproveDirectly',
};

// The chain decides how many people see a figure before it is published: administrators only.
const canManage = (caller: Caller) => holdsOverOrganisation(caller, 'manage:roles');

function problemText(step: SignOffStep, problem: WhoProblem, role: string | null | undefined): string {
  const w = words.signOffQueue;
  const params = { doesStep: doesStep(step), verb: step };
  switch (problem) {
    case 'kind-not-for-step':
      return w.problemKindNotForStep;
    case 'role-missing':
      return fill(w.problemRoleMissing, params);
    case 'role-cannot':
      return fill(w.problemRoleCannot, {
        ...params,
        role: role && isRole(role) ? say(rolePhrase(role)) : String(role),
        roles: rolesFor(step)
          .map((name) => say(rolePhrase(name)))
          .join(', '),
      });
    case 'body-missing':
      return fill(w.problemBodyMissing, params);
  }
}

const FIELD_SUFFIX = { who: 'Who', role: 'Role', bodyId: 'BodyId' } as const;

export function createSignOffService({ db }: Pick<ServiceDeps, 'db'>) {
  return {
    canManage,

    async chain(caller: Caller): Promise<SignOffChain> {
      return (await signOffRepo.signOffSettingsFor(db, caller.organisationId)).chain;
    },

    async settings(caller: Caller): Promise<signOffRepo.SignOffSettings> {
      return signOffRepo.signOffSettingsFor(db, caller.organisationId);
    },

    /** The council's governance bodies (a step may be given to one). */
    async bodies(caller: Caller): Promise<{ id: string; name: string }[]> {
      return signOffRepo.bodiesOf(db, caller.organisationId);
    },

    /** A step's rule, for the settings page to say ("the head of the measure’s unit"). */
    describe(step: SignOffStep, rule: WhoRule, bodies: readonly { id: string; name: string }[]): Phrase {
      return whoPhrase(step, rule, bodies);
    },

    /**
     * Changes the chain and who takes each step (a step left out keeps its rule), in one
     * transaction with one audit row; a rule that cannot stand is refused, naming its field
     * (verifyRole, approveBodyId …), and nothing is written.
     */
    async setSettings(caller: Caller, input: SignOffSettingsInput): Promise<Result<signOffRepo.SignOffSettings>> {
      if (!canManage(caller)) return forbidden(phraseText('collectionRefusals.signOffAdminOnly'));
      return inTransaction(db, async (tx) => {
        const org = caller.organisationId;
        const old = await signOffRepo.signOffSettingsFor(tx, org);
        const bodies = await signOffRepo.bodiesOf(tx, org);
        const who = { ...old.who };
        for (const step of SIGN_OFF_STEPS) {
          const chosen = input[step];
          if (!chosen) continue;
          const checked = checkWhoRule(step, chosen);
          if (!checked.ok) {
            return refuse(
              'invalid',
              problemText(step, checked.problem, chosen.role),
              `${step}${FIELD_SUFFIX[checked.field]}`,
            );
          }
          if (checked.rule.bodyId !== null && !bodies.some((body) => body.id === checked.rule.bodyId)) {
            return refuse('invalid', words.signOffQueue.problemBodyUnknown, `${step}BodyId`);
          }
          who[step] = checked.rule;
        }
        const next = { chain: input.chain, who };
        if (JSON.stringify(next) === JSON.stringify(old)) return ok(old);
        await signOffRepo.saveSignOffSettings(tx, org, next, caller.personId);
        await recordAudit(tx, {
          organisationId: org,
          actor: actorOf(caller),
          entityType: 'sign-off-chain',
          entityId: org,
          action: 'update',
          oldValue: { chain: old.chain, verify: old.who.verify, approve: old.who.approve },
          newValue: { chain: next.chain, verify: next.who.verify, approve: next.who.approve },
          reason:
            next.chain === old.chain
              ? phraseText('signOffQueue.settingsChanged')
              : phraseText('signOff.chainChanged', { chain: phrase(CHAIN_NAMES[next.chain]) }),
        });
        return ok(next);
      });
    },
  };
}
